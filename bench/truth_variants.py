#!/usr/bin/env python3
"""Published truth-discovery methods beside attest's estimator, on the normalised claims.

A measuring aid for docs/adr/0013 ("Population, a third look"): it re-implements
attest's estimator (engine/reliability/estimator.cc, steps 1-6, for claim tables:
text values, weight 1, no denials, the unknown-source prior 0.8) and a few methods
from the literature, runs each on ../shared/data/truth/normalized/<dataset>/claims.tsv
and scores the leading value of every gold item as shared/tools/score_truth.py does
(exact text; book `authors` as sets). The gold is read only to score.

  estimator       attest's estimator (reproduces attest: population 245/301,
                  book 89/100, flight-20111208 523/544)
  2-estimates,    Galland, Abiteboul, Marian, Senellart, "Corroborating information
  3-estimates     from disagreeing views", WSDM 2010: a claim is a positive vote on
                  its value and a negative vote on the item's other values; 3-Estimates
                  adds a difficulty per fact, so that an error on a hard fact costs a
                  source less. Error rates start at 0.2 (1 - the prior), difficulties
                  at 1; "norm" rescales every estimate to [0, 1] after each step.
  gtm             Zhao & Han, "A probabilistic model for estimating real-valued truth
                  from conflicting sources", QDB 2012: numeric items only, claims as
                  z-scores around an initial truth (attest's value, or the median),
                  outliers dropped (relative distance > 0.91, then |z| > 2.5), source
                  variance with an inverse-gamma prior (alpha = beta = 10), truth prior
                  N(0, 1), EM; the answer is the claimed value nearest the truth.
                  "log" works on log values (an error of 10x weighs as much anywhere).
  truthfinder     Yin, Han, Yu, KDD 2007: rho = 0.5, gamma = 0.3, initial trust 0.9,
                  imp(f -> f') = sim - base_sim (negative between distinct values);
                  "close" adds a numeric similarity exp(-|x - y| / (0.1 max)).
  truthfinder+copy  the same with attest's copy discount (step 1) on tau.
  damped          attest's estimator with TruthFinder's dampening: P from gamma x votes.
  popaccu         Dong, Saha, Srivastava, "Less is more", PVLDB 6(2) 2013: false
                  values follow their popularity instead of n uniform ones (with the
                  copy discount of step 1).

Usage: bench/truth_variants.py [--datasets population,book,flight-20111208] [--only a,b]
Prints one line per variant and dataset. Standard library only; about two minutes.
"""
import argparse
import collections
import gzip
import math
import os
import statistics
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(os.path.dirname(ROOT), "shared", "data", "truth", "normalized")


def load(dataset):
    """Items in file order: (key, values in text order, sources of each value); gold."""
    path = os.path.join(DATA, dataset, "claims.tsv")
    f = (open(path, encoding="utf-8") if os.path.exists(path)
         else gzip.open(path + ".gz", "rt", encoding="utf-8"))
    items, index = {}, {}
    with f:
        next(f)
        for line in f:
            source, obj, attribute, value = line.rstrip("\n").split("\t")
            s = index.setdefault(source, len(index))
            items.setdefault((obj, attribute), {}).setdefault(value, []).append(s)
    its = []
    for key, values in items.items():
        ordered = sorted(values)
        its.append((key, ordered, [values[v] for v in ordered]))
    gold = {}
    with open(os.path.join(DATA, dataset, "truth.tsv"), encoding="utf-8") as g:
        next(g)
        for line in g:
            obj, attribute, value = line.rstrip("\n").split("\t")
            gold.setdefault((obj, attribute), value)
    return its, len(index), gold


def precision(pred, gold):
    ok = 0
    for key, value in gold.items():
        p = pred.get(key)
        if p is None:
            continue
        if key[1] == "authors":
            ok += set(x for x in p.split(";") if x) == set(x for x in value.split(";") if x)
        else:
            ok += p == value
    return ok / len(gold), ok


def lead(its, probs):
    """The leading value: highest P, then most claims, then first in text order."""
    out = {}
    for (key, values, claims), p in zip(its, probs):
        best = 0
        for i in range(1, len(values)):
            if p[i] > p[best] or (p[i] == p[best] and len(claims[i]) > len(claims[best])):
                best = i
        out[key] = values[best]
    return out


# --- attest's estimator --------------------------------------------------------

def ibetac_int(same, shared, rate):
    """P(Beta(same + 1, shared - same + 1) > rate) = P(Binomial(shared + 1, rate) <= same)."""
    n, lx, l1 = shared + 1, math.log(rate), math.log1p(-rate)
    total = 0.0
    for j in range(same + 1):
        total += math.exp(math.lgamma(n + 1) - math.lgamma(j + 1) - math.lgamma(n - j + 1)
                          + j * lx + (n - j) * l1)
    return min(total, 1.0)


def copy_discounts(its, rate=0.9):
    """Step 1: pairs sharing departing values; discount = dependence x rate."""
    shared, same = collections.Counter(), collections.Counter()
    for _, _, claims in its:
        said = [(s, i) for i, c in enumerate(claims) for s in c]
        if len(said) < 2:
            continue
        plural = max(range(len(claims)), key=lambda i: (len(claims[i]), -i))
        for x in range(len(said)):
            for y in range(x + 1, len(said)):
                (s1, v1), (s2, v2) = said[x], said[y]
                if s1 == s2 or (v1 == plural and v2 == plural):
                    continue
                k = (min(s1, s2), max(s1, s2))
                shared[k] += 1
                same[k] += v1 == v2
    out = {}
    for k, n in shared.items():
        d = ibetac_int(same[k], n, rate)
        if d >= 0.01:
            out[k] = d * same[k] / n
    return out


def independent_share(s, order, j, linked, disc):
    """The part of source s's vote, at rank j of order, not explained by the
    sources before it that it may copy (1 for a source with no copy relation)."""
    share = 1.0
    if s in linked:
        for m in range(j):
            share *= 1 - disc.get((min(s, order[m]), max(s, order[m])), 0.0)
    return share


def logit(a):
    a = min(max(a, 0.001), 0.999)
    return math.log(a / (1 - a))


def estimator(its, nsrc, disc, gamma=1.0, popularity=False, prior=0.8, strength=5.0,
              iterations=20, tolerance=1e-4):
    linked = {s for pair in disc for s in pair}
    acc = [prior] * nsrc

    def score(acc):
        lg = [logit(a) for a in acc]
        credit, checked, probs = [0.0] * nsrc, [0.0] * nsrc, []
        for _, _, claims in its:
            ln_n = math.log(len(claims))
            votes = []
            for c in claims:
                order = sorted(c, key=lambda s: (-lg[s], s))
                vote = 0.0
                for j, s in enumerate(order):
                    independent = independent_share(s, order, j, linked, disc)
                    vote += ((0.0 if popularity else ln_n) + lg[s]) * independent
                votes.append(vote)
            if popularity:  # PopAccu: a false value is as likely as it is popular
                total = sum(len(c) for c in claims)
                for i, c in enumerate(claims):
                    rest = total - len(c)
                    votes[i] += (sum(len(d) * math.log(len(d)) for j, d in enumerate(claims) if j != i)
                                 - (rest * math.log(rest) if rest else 0.0))
            votes = [gamma * v for v in votes]
            top = max(0.0, max(votes))
            e = [math.exp(v - top) for v in votes]
            z = math.exp(-top) + sum(e)
            p = [x / z for x in e]
            probs.append(p)
            if len({s for c in claims for s in c}) < 2:
                continue
            for i, c in enumerate(claims):
                for s in c:
                    credit[s] += p[i]
                    checked[s] += 1
        return probs, credit, checked

    for _ in range(iterations):
        _, credit, checked = score(acc)
        new = [min(max((credit[s] + strength * prior) / (checked[s] + strength), 0.001), 0.999)
               for s in range(nsrc)]
        moved = max(abs(a - b) for a, b in zip(new, acc))
        acc = new
        if moved < tolerance:
            break
    return score(acc)[0]


# --- 2-Estimates and 3-Estimates -------------------------------------------------

def rescale(xs):
    lo, hi = min(xs), max(xs)
    return xs if hi - lo < 1e-12 else [(x - lo) / (hi - lo) for x in xs]


def estimates(its, nsrc, three, normalise, eps0=0.2, delta0=1.0, iterations=20, floor=1e-3):
    votes, base = [], []  # per fact: (positive sources, negative sources)
    for _, _, claims in its:
        base.append(len(votes))
        for i, c in enumerate(claims):
            votes.append((c, [s for j, d in enumerate(claims) if j != i for s in d]))
    eps, delta, theta = [eps0] * nsrc, [delta0] * len(votes), [0.5] * len(votes)
    for _ in range(iterations):
        for f, (pos, neg) in enumerate(votes):
            d = delta[f] if three else 1.0
            theta[f] = ((sum(1 - eps[s] * d for s in pos) + sum(eps[s] * d for s in neg))
                        / (len(pos) + len(neg)))
        if normalise:
            theta = rescale(theta)
        if three:
            for f, (pos, neg) in enumerate(votes):
                delta[f] = ((sum((1 - theta[f]) / max(eps[s], floor) for s in pos)
                             + sum(theta[f] / max(eps[s], floor) for s in neg)) / (len(pos) + len(neg)))
            if normalise:
                delta = rescale(delta)
        err, n = [0.0] * nsrc, [0] * nsrc
        for f, (pos, neg) in enumerate(votes):
            d = max(delta[f], floor) if three else 1.0
            for s in pos:
                err[s] += (1 - theta[f]) / d
                n[s] += 1
            for s in neg:
                err[s] += theta[f] / d
                n[s] += 1
        eps = [err[s] / n[s] if n[s] else eps0 for s in range(nsrc)]
        if normalise:
            eps = rescale(eps)
    return [[theta[base[k] + i] for i in range(len(its[k][1]))] for k in range(len(its))]


# --- GTM -------------------------------------------------------------------------

def numeric(v):
    try:
        float(v)
        return True
    except ValueError:
        return False


def gtm(its, nsrc, start, init, log, alpha=10.0, beta=10.0, mu0=0.0, s02=1.0, iterations=10,
        rel=0.91, zcut=2.5):
    tf = (lambda x: math.log(max(x, 1e-9))) if log else (lambda x: x)
    entities = {}
    for k, (key, values, claims) in enumerate(its):
        if len(values) < 2 or not all(numeric(v) for v in values):
            continue
        obs = [(s, float(v)) for v, c in zip(values, claims) for s in c]
        prior = float(start[key]) if init == "estimator" else statistics.median(x for _, x in obs)
        keep = [(s, x) for s, x in obs if prior == 0 or abs(x - prior) / abs(prior) <= rel] or obs
        while True:
            xs = [tf(x) for _, x in keep]
            m = sum(xs) / len(xs)
            sd = math.sqrt(sum((x - m) ** 2 for x in xs) / len(xs))
            if sd == 0:
                break
            narrower = [(s, x) for s, x in keep if abs(tf(x) - tf(prior)) / sd <= zcut]
            if len(narrower) == len(keep) or not narrower:
                break
            keep = narrower
        z = [(s, (tf(x) - tf(prior)) / sd) for s, x in keep] if sd else None
        entities[k] = (z, tf(prior), sd, keep)
    var, mu = [1.0] * nsrc, {k: 0.0 for k in entities}
    for _ in range(iterations):
        for k, (z, _, _, _) in entities.items():
            if z:
                mu[k] = ((mu0 / s02 + sum(x / var[s] for s, x in z))
                         / (1 / s02 + sum(1 / var[s] for s, _ in z)))
        sq, n = [0.0] * nsrc, [0] * nsrc
        for k, (z, _, _, _) in entities.items():
            for s, x in z or []:
                sq[s] += (x - mu[k]) ** 2
                n[s] += 1
        var = [(2 * beta + sq[s]) / (2 * (alpha + 1) + n[s]) for s in range(nsrc)]
    pred = dict(start)
    for k, (z, prior, sd, keep) in entities.items():
        key, values, _ = its[k]
        if not z:
            pred[key] = min(values, key=lambda v: (abs(float(v) - keep[0][1]), v))
            continue
        truth = mu[k] * sd + prior
        pred[key] = min(values, key=lambda v: (abs(tf(float(v)) - truth), v))
    return pred


# --- TruthFinder -----------------------------------------------------------------

def truthfinder(its, nsrc, base_sim, close=False, disc=None, rho=0.5, gamma=0.3, t0=0.9,
                iterations=20, tolerance=1e-3):
    disc = disc or {}
    linked = {s for pair in disc for s in pair}

    def sim(a, b):
        if not close or not (numeric(a) and numeric(b)):
            return 0.0
        x, y = float(a), float(b)
        return math.exp(-abs(x - y) / (0.1 * max(abs(x), abs(y), 1.0)))

    imp = [[[sim(a, b) - base_sim for b in values] for a in values] for _, values, _ in its]
    trust = [t0] * nsrc
    probs = []
    for _ in range(iterations):
        tau = [-math.log(max(1 - t, 1e-12)) for t in trust]
        total, n, probs = [0.0] * nsrc, [0] * nsrc, []
        for (_, values, claims), m in zip(its, imp):
            sigma = []
            for c in claims:
                order = sorted(c, key=lambda s: (-tau[s], s))
                v = 0.0
                for j, s in enumerate(order):
                    v += tau[s] * independent_share(s, order, j, linked, disc)
                sigma.append(v)
            k = len(values)
            p = [1 / (1 + math.exp(-gamma * (sigma[i] + rho * sum(sigma[j] * m[j][i]
                                                                   for j in range(k) if j != i))))
                 for i in range(k)]
            probs.append(p)
            for i, c in enumerate(claims):
                for s in c:
                    total[s] += p[i]
                    n[s] += 1
        new = [total[s] / n[s] for s in range(nsrc)]
        cos = (sum(a * b for a, b in zip(new, trust))
               / (math.sqrt(sum(a * a for a in new)) * math.sqrt(sum(b * b for b in trust))))
        trust = new
        if 1 - cos < tolerance:
            break
    return probs


def variants(its, nsrc):
    disc = copy_discounts(its)
    base = estimator(its, nsrc, disc)
    start = lead(its, base)
    yield "estimator", start
    yield "2-estimates, norm", lead(its, estimates(its, nsrc, False, True))
    yield "2-estimates", lead(its, estimates(its, nsrc, False, False))
    yield "3-estimates, norm", lead(its, estimates(its, nsrc, True, True))
    yield "3-estimates", lead(its, estimates(its, nsrc, True, False))
    for init in ("estimator", "median"):
        for log in (False, True):
            yield f"gtm from {init}{', log' if log else ''}", gtm(its, nsrc, start, init, log)
    for base_sim in (0.5, 0.0, 1.0):
        yield f"truthfinder base_sim {base_sim}", lead(its, truthfinder(its, nsrc, base_sim))
    yield "truthfinder base_sim 0.5, close", lead(its, truthfinder(its, nsrc, 0.5, close=True))
    yield "truthfinder+copy base_sim 0.5", lead(its, truthfinder(its, nsrc, 0.5, disc=disc))
    for gamma in (0.3, 0.5):
        yield f"damped gamma {gamma}", lead(its, estimator(its, nsrc, disc, gamma=gamma))
    yield "popaccu", lead(its, estimator(its, nsrc, disc, popularity=True))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--datasets", default="population,book,flight-20111208")
    ap.add_argument("--only", default="", help="comma-separated prefixes of variant names")
    args = ap.parse_args()
    only = [x for x in args.only.split(",") if x]
    for dataset in args.datasets.split(","):
        its, nsrc, gold = load(dataset)
        for name, pred in variants(its, nsrc):
            if only and not any(name.startswith(o) for o in only):
                continue
            p, ok = precision(pred, gold)
            print(f"{dataset:<16} {name:<36} {p:.3f} ({ok}/{len(gold)})", flush=True)


if __name__ == "__main__":
    sys.exit(main())
