#!/usr/bin/env python3
"""Recall and false positives of the rules on the labelled corpus (tests/corpus).

Each draft marks the findings it should yield with `<!-- expect: rule-id -->` closing the line
where the finding's primary span starts (two ids: `<!-- expect: a, b -->`); drafts without a
marker are clean. Runs `factlint check --format json` once over the corpus and prints, per rule,
the expected findings, those found (recall), and the unexpected ones (false positives), with the
false positives per 10,000 words of prose.

    python3 scripts/rules_eval.py [--bin PATH] [--corpus DIR] [--verbose]

Exit status 1 when recall is under 90 % or a clean draft has a finding (the issue 6 goals)."""
import argparse
import collections
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
MARKER = re.compile(r"<!--\s*expect:\s*([^>]*?)\s*-->")


def binary(explicit):
    if explicit:
        return explicit
    env = os.environ.get("FACTLINT_BIN")
    if env:
        return env
    # The most recently built of target/release and target/debug.
    built = [os.path.join(ROOT, "target", profile, "factlint") for profile in ("release", "debug")]
    built = [p for p in built if os.path.exists(p)]
    if built:
        return max(built, key=os.path.getmtime)
    sys.exit("no factlint binary: run `cargo build` first (or pass --bin / set FACTLINT_BIN)")


def prose_words(text):
    """Words of prose: front matter, HTML comments, code and URLs left out."""
    text = re.sub(r"\A(---|\+\+\+)\n.*?\n\1\n", "", text, flags=re.S)
    text = re.sub(r"<!--.*?-->", " ", text, flags=re.S)
    text = re.sub(r"```.*?```", " ", text, flags=re.S)
    text = re.sub(r"`[^`]*`", " ", text)
    text = re.sub(r"https?://\S+", " ", text)
    return len(re.findall(r"\w+", text))


def expected(text):
    out = set()
    for i, line in enumerate(text.splitlines(), 1):
        for m in MARKER.finditer(line):
            for rule in m.group(1).split(","):
                if rule.strip():
                    out.add((i, rule.strip()))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin")
    ap.add_argument("--corpus", default=os.path.join(ROOT, "tests", "corpus"))
    ap.add_argument("--verbose", "-v", action="store_true")
    args = ap.parse_args()
    files = []
    for d, _, names in os.walk(args.corpus):
        files += [os.path.join(d, n) for n in names if n.endswith(".md")]
    files.sort()
    proc = subprocess.run([binary(args.bin), "check", "--format", "json", "--fail-on", "never", *files],
                          capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        sys.exit(f"factlint failed ({proc.returncode}):\n{proc.stderr}")
    found = collections.defaultdict(set)
    messages = {}
    for d in json.loads(proc.stdout)["diagnostics"]:
        key = (d["start"]["line"], d["rule"])
        found[os.path.abspath(d["path"])].add(key)
        messages[(os.path.abspath(d["path"]),) + key] = d["message"]
    want_n = collections.Counter()
    hit_n = collections.Counter()
    fp_n = collections.Counter()
    words = {"fr": 0, "en": 0}
    clean_files = clean_fp = 0
    misses, fps = [], []
    for path in files:
        text = open(path, encoding="utf-8").read()
        lang = "fr" if re.search(r"^lang:\s*fr", text, re.M) else "en"
        words[lang] += prose_words(text)
        want = expected(text)
        got = found.get(os.path.abspath(path), set())
        if not want:
            clean_files += 1
            clean_fp += len(got)
        for line, rule in want:
            want_n[rule] += 1
            if (line, rule) in got:
                hit_n[rule] += 1
            else:
                misses.append(f"{os.path.relpath(path, ROOT)}:{line}: missed {rule}")
        for line, rule in sorted(got - want):
            fp_n[rule] += 1
            msg = messages.get((os.path.abspath(path), line, rule), "")
            fps.append(f"{os.path.relpath(path, ROOT)}:{line}: {rule}: {msg}")
    total_words = sum(words.values())
    rules = sorted(set(want_n) | set(fp_n))
    print(f"corpus: {len(files)} drafts ({clean_files} clean), {words['fr']} words fr, {words['en']} words en")
    print(f"{'rule':22} {'expected':>8} {'found':>6} {'recall':>7} {'FP':>4}")
    for r in rules:
        rec = f"{100 * hit_n[r] / want_n[r]:.0f}%" if want_n[r] else "-"
        print(f"{r:22} {want_n[r]:8} {hit_n[r]:6} {rec:>7} {fp_n[r]:4}")
    tw, th, tf = sum(want_n.values()), sum(hit_n.values()), sum(fp_n.values())
    recall = th / tw if tw else 1.0
    print(f"{'all':22} {tw:8} {th:6} {100 * recall:6.0f}% {tf:4}")
    print(f"false positives: {tf} ({10000 * tf / max(total_words, 1):.1f} per 10,000 words); on clean drafts: {clean_fp}")
    if args.verbose or misses or fps:
        for m in misses:
            print("  " + m)
        for f in fps:
            print("  FP " + f)
    return 0 if recall >= 0.9 and clean_fp == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
