#!/usr/bin/env python3
"""Checks `attest export claimreview` against the ClaimReview JSON schema.

Usage: claimreview_schema.py ATTEST EXAMPLES_DIR TEST_DATA_DIR

Ingests the seed scenario (the Alkit report and the follow-up day) into a fresh
database, exports the reviews, and validates every one against
tests/data/claimreview.schema.json. Also checks that the schema refuses a review
with its rating stripped, so that the check itself can fail. Exit 77 (skipped)
when python3-jsonschema is not installed.
"""
import copy
import json
import os
import subprocess
import sys
import tempfile

try:
    import jsonschema
except ImportError:
    print("python3-jsonschema is not installed; skipped")
    sys.exit(77)


def run(attest, db, *args):
    out = subprocess.run([attest, "--db", db, *args], capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"attest {' '.join(args)} failed ({out.returncode}): {out.stderr}")
    return out.stdout


def main():
    attest, examples, data = sys.argv[1:4]
    with open(os.path.join(data, "claimreview.schema.json"), encoding="utf-8") as f:
        schema = json.load(f)
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema)
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "attest.db")
        run(attest, db, "ingest", os.path.join(examples, "alkit", "rfi-2025-07-14-alkit.jsonl"),
            "--now", "2025-07-14T20:00:00Z")
        run(attest, db, "ingest", os.path.join(examples, "alkit", "followup-2025-07-15.jsonl"),
            "--now", "2025-07-15T09:00:00Z")
        reviews = json.loads(run(attest, db, "export", "claimreview"))
    if not reviews:
        sys.exit("no ClaimReview exported")
    failures = 0
    for review in reviews:
        for error in validator.iter_errors(review):
            failures += 1
            print(f"{review.get('identifier')}: {'/'.join(map(str, error.path))}: {error.message}")
    statuses = sorted({r["reviewRating"]["alternateName"] for r in reviews})
    for wanted in ("claimed", "confirmed", "contested", "corroborated"):
        if wanted not in statuses:
            failures += 1
            print(f"no review is rated {wanted}; ratings seen: {statuses}")
    broken = copy.deepcopy(reviews[0])
    del broken["reviewRating"]["alternateName"]
    broken["itemReviewed"]["author"] = {"@type": "Organization"}
    if validator.is_valid(broken):
        failures += 1
        print("the schema accepts a review without its status or its claimant's name")
    if failures:
        sys.exit(f"{failures} problems in {len(reviews)} reviews")
    print(f"{len(reviews)} ClaimReviews valid; ratings: {', '.join(statuses)}")


if __name__ == "__main__":
    main()
