#!/usr/bin/env python3
"""Accuracy of factlint's numeric extraction on the peer corpora (../shared/peer-corpora).

Runs `factlint extract --jsonl` once over the number, ordinal and percent cases (primary) and the
money and range cases (secondary) of Duckling and Recognizers-Text, in French and English, and
prints accuracy per file, per language and dimension, and overall.

A case is correct when a claim of the right kind covers the expected text (for Duckling, the whole
phrase) and carries the expected value (relative tolerance 1e-9):

* number: a `number` claim; a `money` or `percent` claim also carries the number the peer reads
  in "$20" or "20 %", and a `range` claim carries both of its ends ("de zéro à dix").
* ordinal: an `ordinal` claim. Relative ordinals ("dernier", "next") are skipped: factlint has no
  such notion.
* percent: a `percent` claim.
* money: a `money` claim with the value; an interval is a money `range` with both ends, or for an
  open interval a `money` claim qualified `more_than`/`at_least` (start) or `less_than`/`at_most`
  (end).
* range: a `range` claim with both ends, or for an open interval a number qualified as above.

Some peer expectations contradict issue 4 ("Not numbers": IP addresses, phone numbers, dates in
digits, identifiers) or factlint's precision policy (the article "un"/"a" read as 1 in running
text, "a few" = 3). Their ids, each with its reason group, are listed in
scripts/peer_numbers_out_of_scope.tsv; the tables give the strict accuracy (every case) and the
accuracy over the cases in scope (those ids left out of the count). docs/extraction-misses-numbers.md
explains each group.

Cases follow the corpora README's default filter (verified, not latent, locale == lang). A value
found inside the phrase without covering it all is reported apart as "partial".
Negative files: the share of texts where factlint reports a number, ordinal or percent the peer
says is not there.

    python3 scripts/peer_numbers.py              # tables
    python3 scripts/peer_numbers.py --misses     # and every miss, to review
    python3 scripts/peer_numbers.py --misses=fr-number
    python3 scripts/peer_numbers.py --misses --in-scope   # only the misses in scope

Evaluation data is read at run time and never copied into the repository.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peer_common as pc  # noqa: E402

# A worktree sits one level deeper than the main checkout: look for ../shared further up too.
if not os.path.isdir(pc.CORPORA) and "FACTLINT_PEER_CORPORA" not in os.environ:
    for up in ("..", os.path.join("..", "..")):
        candidate = os.path.join(pc.ROOT, up, "shared", "peer-corpora")
        if os.path.isdir(candidate):
            pc.CORPORA = candidate
            break

PRIMARY = [
    "duckling-fr-number.jsonl", "recognizers-fr-number.jsonl",
    "duckling-en-number.jsonl", "recognizers-en-number.jsonl",
    "duckling-fr-ordinal.jsonl", "recognizers-fr-ordinal.jsonl",
    "duckling-en-ordinal.jsonl", "recognizers-en-ordinal.jsonl",
    "recognizers-fr-percent.jsonl", "recognizers-en-percent.jsonl",
]
SECONDARY = [
    "duckling-fr-money.jsonl", "recognizers-fr-money.jsonl",
    "duckling-en-money.jsonl", "recognizers-en-money.jsonl",
    "recognizers-fr-range.jsonl", "recognizers-en-range.jsonl",
]
NEGATIVE = [
    "duckling-fr-negative.jsonl", "duckling-en-negative.jsonl",
    "recognizers-fr-negative.jsonl", "recognizers-en-negative.jsonl",
]
NUMERIC_KINDS = {"number", "ordinal", "percent"}
OUT_OF_SCOPE_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "peer_numbers_out_of_scope.tsv")


def out_of_scope():
    """{case id: reason group} from the tracked list (tab-separated, '#' comments)."""
    groups = {}
    if os.path.exists(OUT_OF_SCOPE_FILE):
        with open(OUT_OF_SCOPE_FILE, encoding="utf-8") as f:
            for line in f:
                line = line.rstrip("\n")
                if not line.strip() or line.startswith("#"):
                    continue
                case_id, _, group = line.partition("\t")
                groups[case_id] = group.strip()
    return groups
LOW = {"more_than", "at_least"}
HIGH = {"less_than", "at_most"}


def values(claim):
    """The numbers a claim carries, for the `number` dim."""
    v = claim.get("value")
    if claim["kind"] == "range" and isinstance(v, dict):
        return [v.get("low"), v.get("high")]
    if claim["kind"] in ("number", "money", "percent"):
        return [v]
    # "sur 3 ans": the duration reader owns the number, and carries it.
    if claim["kind"] == "duration" and isinstance(v, dict):
        return [v.get("amount")]
    return []


def interval_ok(claims, rec, exp, kinds):
    """An interval: a range with both ends, or an open end on a qualified claim."""
    start, end = exp.get("start"), exp.get("end")
    for c in claims:
        if not pc.covers(c, rec):
            continue
        v = c.get("value")
        if start is not None and end is not None:
            if c["kind"] == "range" and isinstance(v, dict) and pc.close(v.get("low"), start) and pc.close(v.get("high"), end):
                return True
        elif c["kind"] in kinds:
            if start is not None and c.get("approx") in LOW and pc.close(v, start):
                return True
            if end is not None and c.get("approx") in HIGH and pc.close(v, end):
                return True
    return False


def correct(rec, claims):
    """(counted?, correct?) for one case; counted is False for cases this harness skips."""
    dim, exp = rec["dim"], rec["expected"]
    if dim == "ordinal" and isinstance(exp, dict):
        return False, False
    if dim == "money":
        if not isinstance(exp, dict) or (exp.get("type") == "value" and exp.get("value") is None):
            return False, False
        if exp.get("type") == "interval":
            return True, interval_ok(claims, rec, exp, {"money"})
        return True, any(c["kind"] == "money" and pc.covers(c, rec) and pc.close(c.get("value"), exp.get("value")) for c in claims)
    if dim == "range":
        if not isinstance(exp, dict):
            return False, False
        return True, interval_ok(claims, rec, exp, {"number", "percent"})
    if dim == "number":
        return True, any(pc.covers(c, rec) and any(pc.close(v, exp) for v in values(c)) for c in claims)
    return True, any(c["kind"] == dim and pc.covers(c, rec) and pc.close(c.get("value"), exp) for c in claims)


def partial(rec, claims):
    """The value was found, but on a claim that does not cover the expected text."""
    exp = rec["expected"]
    return not isinstance(exp, dict) and any(any(pc.close(v, exp) for v in values(c)) or
                                             (c["kind"] == rec["dim"] and pc.close(c.get("value"), exp)) for c in claims)


def measure(files, want_misses, in_scope_only=False):
    """Rows per file, and per "lang-dim" key [ok, total, ok in scope, total in scope]."""
    records = pc.load(files)
    claims = pc.extract(records)
    oos = out_of_scope()
    rows, groups, misses = [], {}, []
    for name in files:
        ok = total = part = 0
        for rec in (r for r in records if r["_file"] == name):
            counted, good = correct(rec, claims[rec["id"]])
            if not counted:
                continue
            total += 1
            key = f"{rec['lang']}-{rec['dim']}"
            reason = oos.get(rec["id"])
            g = groups.setdefault(key, [0, 0, 0, 0])
            g[1] += 1
            g[3] += reason is None
            if good:
                ok += 1
                g[0] += 1
                g[2] += reason is None
            else:
                was_partial = partial(rec, claims[rec["id"]])
                part += was_partial
                if (want_misses is True or want_misses == key) and not (in_scope_only and reason):
                    got = [(c["kind"], c["text"], c.get("value")) for c in claims[rec["id"]]]
                    misses.append(f"{key:12} {rec['span']!r:40} want {rec['expected']!r}  got {got}"
                                  + ("  (partial)" if was_partial else "")
                                  + (f"  (out of scope: {reason})" if reason else "")
                                  + f"  [{rec['text'][:80]!r}]  {rec['id']}")
        rows.append((name + (f"  ({part} partial)" if part else ""), ok, total))
    return rows, groups, misses


def negatives(files):
    records = [r for r in pc.load(files) if NUMERIC_KINDS & set(r.get("negative_for") or [])]
    claims = pc.extract(records)
    rows = []
    for name in files:
        recs = [r for r in records if r["_file"] == name]
        bad = sum(1 for r in recs if any(c["kind"] in set(r["negative_for"]) & NUMERIC_KINDS for c in claims[r["id"]]))
        rows.append((name + "  (texts left clean)", len(recs) - bad, len(recs)))
    return rows


def main():
    want = False
    in_scope_only = "--in-scope" in sys.argv[1:]
    for a in sys.argv[1:]:
        if a == "--misses":
            want = True
        elif a.startswith("--misses="):
            want = a.split("=", 1)[1]
    rows, groups, misses = measure(PRIMARY, want, in_scope_only)
    pc.report("numbers, ordinals, percentages (primary)", rows)
    print()
    rows2, groups2, misses2 = measure(SECONDARY, want, in_scope_only)
    pc.report("money and ranges (secondary)", rows2)
    print()
    print("## per language and dimension: strict (every case) and in scope (cases listed in")
    print("## scripts/peer_numbers_out_of_scope.tsv left out)")
    print(f"{'':20} {'strict ok':>10} {'total':>6} {'acc':>7}   {'in-scope ok':>11} {'total':>6} {'acc':>7}")
    pct = lambda a, b: 100.0 * a / b if b else 0.0  # noqa: E731
    for key in sorted({**groups, **groups2}):
        ok, total, ok_in, total_in = groups.get(key) or groups2.get(key)
        print(f"{key:20} {ok:10} {total:6} {pct(ok, total):6.1f}%   {ok_in:11} {total_in:6} {pct(ok_in, total_in):6.1f}%")
    print()
    pc.report("precision: negative texts (number, ordinal, percent)", negatives(NEGATIVE))
    if misses or misses2:
        print("\n## misses")
        for m in misses + misses2:
            print(m)


if __name__ == "__main__":
    main()
