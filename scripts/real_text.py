#!/usr/bin/env python3
"""False-positive run on published text: `factlint check --format json` over
../shared/real-text/{fr,en} (evaluation data, read at run time, never copied here).

Prints the findings per rule and per 10,000 words of prose for each language, then every finding
(path:line, rule, message, the sentence) so that each can be read and adjudicated; findings
judged real slips of the source are recorded in docs/real-text-findings.md.

    python3 scripts/real_text.py [--bin PATH] [--data DIR] [--rules a,b] [--quiet]"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from rules_eval import binary, prose_words  # noqa: E402


def sentence_at(text, offset):
    """The sentence (roughly) around a byte offset, for reading."""
    raw = text.encode("utf-8")
    before = raw[:offset].decode("utf-8", "replace")
    after = raw[offset:].decode("utf-8", "replace")
    start = max(before.rfind(". "), before.rfind("\n\n"), before.rfind("? "), before.rfind("! "))
    start = 0 if start < 0 else start + 2
    ends = [i for i in (after.find(". "), after.find("\n\n"), after.find("? "), after.find("! ")) if i >= 0]
    end = min(ends) + 1 if ends else len(after)
    return (before[start:] + after[:end]).replace("\n", " ").strip()[:400]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin")
    default = os.environ.get("FACTLINT_REAL_TEXT") or next(
        (p for p in (os.path.join(ROOT, "..", "shared", "real-text"), os.path.join(ROOT, "..", "..", "shared", "real-text"))
         if os.path.isdir(p)),
        os.path.join(ROOT, "..", "shared", "real-text"))
    ap.add_argument("--data", default=default, help="the real-text folder (default ../shared/real-text)")
    ap.add_argument("--rules", help="only these rules (comma-separated)")
    ap.add_argument("--quiet", "-q", action="store_true", help="figures only")
    args = ap.parse_args()
    only = set(args.rules.split(",")) if args.rules else None
    exe = binary(args.bin)
    listing = []
    status = 0
    for lang in ("fr", "en"):
        d = os.path.join(args.data, lang)
        if not os.path.isdir(d):
            print(f"{lang}: {d} not found; skipped")
            continue
        files = sorted(os.path.join(d, n) for n in os.listdir(d) if n.endswith(".md"))
        words = sum(prose_words(open(f, encoding="utf-8").read()) for f in files)
        proc = subprocess.run([exe, "check", "--format", "json", "--fail-on", "never", d],
                              capture_output=True, text=True)
        if proc.returncode not in (0, 1):
            print(proc.stderr, file=sys.stderr)
            status = 2
            continue
        diags = [x for x in json.loads(proc.stdout)["diagnostics"] if not only or x["rule"] in only]
        per_rule = collections.Counter(x["rule"] for x in diags)
        rate = 10000 * len(diags) / max(words, 1)
        print(f"{lang}: {len(files)} drafts, {words} words, {len(diags)} findings, {rate:.3f} per 10,000 words")
        for r, n in sorted(per_rule.items()):
            print(f"    {r:22} {n:4}  {10000 * n / max(words, 1):.3f} per 10,000 words")
        for x in diags:
            text = open(x["path"], encoding="utf-8").read()
            rel = os.path.relpath(x["path"], args.data)
            listing.append(f"{rel}:{x['start']['line']}: {x['rule']}: {x['message']}\n    | {sentence_at(text, x['start']['offset'])}")
    if not args.quiet:
        print()
        for line in listing:
            print(line)
    return status


if __name__ == "__main__":
    sys.exit(main())
