#!/usr/bin/env python3
"""The HTML report of the seed scenario, opened in headless Chromium.

Usage: report_in_chromium.py ATTEST EXAMPLES_DIR

1. Ingests the seed scenario (the Alkit report, then the follow-up day) into a
   fresh database and writes `attest report --format html` for both days.
2. Checks the file is self-contained: a viewport meta, no script, nothing to
   fetch (no src, no external href, no url(), no @import).
3. Opens it in headless Chromium with console logging on stderr and the DOM
   dumped: no console message may appear, and the page must show the incident's
   title and its contested slots in the contested section.
4. Takes a screenshot at a phone's size (412 x 915) and checks it is a real
   picture of the page: a PNG of that size, mostly paper-white but with text and
   colour on it.

Exit 77 (skipped) when Chromium is not installed. Chromium runs as root with the
flags Debian's package needs in a container, and a fresh profile folder.
"""
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

WIDTH, HEIGHT = 412, 915
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage"]


def fail(message):
    print(f"FAILED: {message}")
    sys.exit(1)


def chromium():
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    return "/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None


def run_attest(attest, db, *args):
    out = subprocess.run([attest, "--db", db, *args], capture_output=True, text=True)
    if out.returncode != 0:
        fail(f"attest {' '.join(args)} exited {out.returncode}: {out.stderr}")
    return out.stdout


def run_chromium(browser, profile, *args):
    cmd = [browser, *FLAGS, f"--user-data-dir={profile}", *args]
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    except subprocess.TimeoutExpired:
        fail(f"chromium did not finish in 120 s: {' '.join(cmd)}")


def png_pixels(path):
    """Width, height and the rows of RGB(A) pixels of an 8-bit PNG (no interlace)."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        fail(f"{path} is not a PNG")
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in (2, 6) or interlace:
        fail(f"unexpected PNG form: depth {depth}, colour type {colour}, interlace {interlace}")
    bpp = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, prev, i = [], bytearray(stride), 0
    for _ in range(height):
        kind, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if kind == 1:
                line[x] = (line[x] + a) & 255
            elif kind == 2:
                line[x] = (line[x] + b) & 255
            elif kind == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, bpp, rows


def main():
    attest, examples = sys.argv[1:3]
    browser = chromium()
    if not browser:
        print("chromium is not installed; skipped (Debian package: chromium)")
        sys.exit(77)
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "attest.db")
        run_attest(attest, db, "ingest", os.path.join(examples, "alkit", "rfi-2025-07-14-alkit.jsonl"),
                   "--now", "2025-07-14T20:00:00Z")
        run_attest(attest, db, "ingest", os.path.join(examples, "alkit", "followup-2025-07-15.jsonl"),
                   "--now", "2025-07-15T09:00:00Z")
        page = os.path.join(tmp, "report.html")
        run_attest(attest, db, "report", "--since", "2025-07-14", "--until", "2025-07-15",
                   "--now", "2025-07-16", "--format", "html", "-o", page)
        html = open(page, encoding="utf-8").read()

        # 2. Self-contained.
        if '<meta name="viewport"' not in html:
            fail("no viewport meta: the page would not fit a phone")
        for pattern, what in ((r"<script", "a script"), (r"\ssrc\s*=", "a src attribute"),
                              (r"href\s*=\s*\"(?!#)", "a link that leaves the page"),
                              (r"url\(", "a CSS url()"), (r"@import", "a CSS @import")):
            if re.search(pattern, html, re.IGNORECASE):
                fail(f"the page holds {what}: it must need nothing outside itself")

        # 3. Console and content.
        profile = os.path.join(tmp, "profile-dom")
        dom = run_chromium(browser, profile, "--enable-logging=stderr", "--v=0",
                           "--dump-dom", "file://" + page)
        console = [line for line in dom.stderr.splitlines() if ":CONSOLE" in line]
        if console:
            fail("console messages:\n" + "\n".join(console))
        if dom.returncode != 0 or "</html>" not in dom.stdout:
            fail(f"chromium exited {dom.returncode} without a DOM:\n{dom.stderr[-2000:]}")
        text = dom.stdout
        if "battles at Alkit, 2025-07-14" not in text:
            fail("the page does not show the incident's title")
        contested = re.search(r'<section id="contested">(.*?)</section>', text, re.S)
        if not contested:
            fail("the page has no contested section")
        for slot in ("fatalities:FLA", "outcome"):
            if slot not in contested.group(1):
                fail(f"the contested section does not show {slot}")
        if text.count('class="status contested"') < 2:
            fail("the contested slots are not marked contested")
        if '<svg class="timeline"' not in text or "<rect" not in text:
            fail("the page has no timeline of claims")

        # 4. A screenshot at a phone's size.
        shot = os.path.join(tmp, "report.png")
        taken = run_chromium(browser, os.path.join(tmp, "profile-shot"),
                             f"--window-size={WIDTH},{HEIGHT}", "--hide-scrollbars",
                             f"--screenshot={shot}", "file://" + page)
        if taken.returncode != 0 or not os.path.exists(shot):
            fail(f"no screenshot (chromium exited {taken.returncode}):\n{taken.stderr[-2000:]}")
        keep = os.environ.get("ATTEST_KEEP_SCREENSHOT")
        if keep:
            shutil.copy(shot, keep)
        width, height, bpp, rows = png_pixels(shot)
        if (width, height) != (WIDTH, HEIGHT):
            fail(f"screenshot is {width}x{height}, not {WIDTH}x{HEIGHT}")
        colours, inked = set(), 0
        for row in rows:
            for x in range(0, len(row), bpp):
                pixel = row[x:x + 3]
                colours.add(pixel)
                if sum(pixel) < 600:
                    inked += 1
        share = inked / (width * height)
        if len(colours) < 16 or share < 0.01:
            fail(f"the screenshot looks blank: {len(colours)} colours, {share:.1%} of it inked")
        print(f"ok: no console message; title, contested slots and timeline shown; "
              f"screenshot {width}x{height}, {len(colours)} colours, {share:.1%} inked")


if __name__ == "__main__":
    main()
