"""Shared plumbing for the peer-corpora accuracy commands (scripts/peer_numbers.py,
scripts/peer_dates.py): load ../shared/peer-corpora, run `factlint extract --jsonl` once over
every distinct (text, lang, pub_date), and hand back the claims of each case.

Evaluation data is read at run time and never copied into the repository."""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CORPORA = os.environ.get("FACTLINT_PEER_CORPORA", os.path.join(ROOT, "..", "shared", "peer-corpora"))


def binary():
    """The factlint binary to measure: $FACTLINT_BIN, else target/release, else target/debug."""
    env = os.environ.get("FACTLINT_BIN")
    if env:
        return env
    for profile in ("release", "debug"):
        p = os.path.join(ROOT, "target", profile, "factlint")
        if os.path.exists(p):
            return p
    sys.exit("no factlint binary: run `cargo build --release` first (or set FACTLINT_BIN)")


def load(files, default_filter=True):
    """Records of the given corpus files (names without directory). With default_filter, keeps
    the cases the corpora README advises: verified, not latent, locale == lang."""
    out = []
    for name in files:
        path = os.path.join(CORPORA, name)
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as f:
            for line in f:
                rec = json.loads(line)
                rec["_file"] = name
                if default_filter and (not rec.get("verified") or rec.get("latent") or rec.get("locale") != rec.get("lang")):
                    continue
                out.append(rec)
    return out


def pub_date(rec):
    rt = rec.get("reference_time")
    return rt[:10] if rt else None


def extract(records):
    """Runs factlint once over the distinct inputs; returns {record id: [claims]}."""
    keys, lines = {}, []
    for rec in records:
        k = (rec["text"], rec["lang"], pub_date(rec))
        if k not in keys:
            keys[k] = len(lines)
            obj = {"id": len(lines), "text": rec["text"], "lang": rec["lang"]}
            if k[2]:
                obj["pub_date"] = k[2]
            lines.append(json.dumps(obj, ensure_ascii=False))
    p = subprocess.run([binary(), "extract", "--jsonl"], input="\n".join(lines) + "\n", capture_output=True,
                       text=True, encoding="utf-8")
    if p.returncode not in (0, 2):
        sys.exit(f"factlint extract --jsonl failed ({p.returncode}): {p.stderr[:2000]}")
    by_line = {}
    for line in p.stdout.splitlines():
        if line.strip():
            o = json.loads(line)
            by_line[o["id"]] = o.get("claims", [])
    return {rec["id"]: by_line.get(keys[(rec["text"], rec["lang"], pub_date(rec))], []) for rec in records}


def covers(claim, rec):
    """The claim's span covers the expected text (byte offsets of the record's text)."""
    bs, be = rec.get("byte_start"), rec.get("byte_end")
    if bs is None or be is None:
        return True
    return claim["start"] <= bs and be <= claim["end"]


def close(a, b, rel=1e-9):
    try:
        a, b = float(a), float(b)
    except (TypeError, ValueError):
        return False
    return abs(a - b) <= rel * max(1.0, abs(a), abs(b))


def report(title, rows, out=sys.stdout):
    """rows: list of (file, passed, total). Prints per-file and overall accuracy; returns overall %."""
    print(f"## {title}", file=out)
    print(f"{'file':44} {'ok':>6} {'total':>6} {'acc':>7}", file=out)
    tp = tt = 0
    for name, ok, total in rows:
        tp += ok
        tt += total
        acc = 100.0 * ok / total if total else 0.0
        print(f"{name:44} {ok:6} {total:6} {acc:6.1f}%", file=out)
    overall = 100.0 * tp / tt if tt else 0.0
    print(f"{'overall':44} {tp:6} {tt:6} {overall:6.1f}%", file=out)
    return overall
