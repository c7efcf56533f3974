#!/usr/bin/env python3
"""Checks that two factlint binaries print the same thing: the guard for speed work.

Usage: python3 scripts/same_output.py OLD_BIN NEW_BIN [DIR ...]

Runs `extract --format json` and `check --format json` of both binaries over each DIR (default:
examples/, tests/corpus/, tests/fixtures/, ../shared/real-text/fr and en, and
target/bench-corpus/ when benches/throughput.py has generated it) and compares the outputs byte
for byte. On a difference it prints the first differing lines of each and exits 1; so does a
missing folder, since a guard that skips half its inputs proves nothing. From a git worktree,
../shared is looked up next to the main checkout too.
Both binaries run with --threads 1 from the same folder, so only the code differs between them."""
import difflib
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def shared_dir():
    """../shared next to this checkout, or next to the main checkout when this is a worktree."""
    here = os.path.join(ROOT, "..", "shared")
    if os.path.isdir(here):
        return here
    p = subprocess.run(["git", "-C", ROOT, "rev-parse", "--path-format=absolute", "--git-common-dir"],
                       capture_output=True, text=True)
    if p.returncode == 0:
        main = os.path.dirname(p.stdout.strip())
        return os.path.join(main, "..", "shared")
    return here


def run(binary, args):
    p = subprocess.run([binary, *args], capture_output=True)
    return p.returncode, p.stdout, p.stderr


def main():
    if len(sys.argv) < 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    old, new = sys.argv[1], sys.argv[2]
    shared = shared_dir()
    dirs = sys.argv[3:] or [
        *(os.path.join(ROOT, d) for d in ["examples", "tests/corpus", "tests/fixtures"]),
        os.path.join(shared, "real-text", "fr"),
        os.path.join(shared, "real-text", "en"),
        os.path.join(ROOT, "target", "bench-corpus"),
    ]
    bad = 0
    for d in dirs:
        if not os.path.exists(d):
            print(f"MISSING  {d} (benches/throughput.py generates target/bench-corpus)")
            bad += 1
            continue
        for cmd in (["extract", "--format", "json"], ["check", "--format", "json"]):
            args = [*cmd, "--threads", "1", d]
            a, b = run(old, args), run(new, args)
            label = f"{cmd[0]:8} {os.path.relpath(d, ROOT)}"
            if a == b:
                print(f"same  {label} ({len(a[1]):,} bytes)")
                continue
            bad += 1
            print(f"DIFF  {label} (exit {a[0]} vs {b[0]})")
            la, lb = a[1].decode(errors="replace").splitlines(), b[1].decode(errors="replace").splitlines()
            first = next((i for i, (x, y) in enumerate(zip(la, lb)) if x != y), min(len(la), len(lb)))
            lo = max(0, first - 3)
            diff = difflib.unified_diff(la[lo:first + 30], lb[lo:first + 30], "old", "new", n=3, lineterm="")
            for line in list(diff)[2:40]:
                print("      " + line)
            if a[2] != b[2]:
                print("      stderr differs:", a[2][:200], b[2][:200])
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
