#!/usr/bin/env python3
"""Accuracy of factlint's temporal extraction on the peer corpora (../shared/peer-corpora).

    cargo build --release && python3 scripts/peer_dates.py [--misses N] [--lang fr|en] [--all]

Runs `factlint extract --jsonl` once over the date, datetime, time and duration cases of Duckling
and Recognizers-Text (verified, not latent, locale == lang: the corpora README's default filter;
`--all` drops it), the reference time's date standing for the publication date, and prints per
file and overall:

  pass     a claim (or claims) covering the expected text with the expected value
  policy   the right reading resolved by a different policy: a partial date whose year differs
           (Duckling takes the next occurrence, factlint the publication year or the one before),
           a weekday named alone that factlint leaves unresolved or counts from the publication
           date ("ce lundi": the Monday of its week) where the peer looks ahead
  partial  claims inside the expected text that do not cover it (what is left is more than
           function words such as "le", "on", "the", "à")
  wrong    a covering claim with another value
  miss     nothing there

Accuracy counts pass + policy; "strict" counts pass only. The news subset is what news copy uses
(see category()): calendar dates, months, years, weekdays, durations and relative days, each
reported on its own; times, date-times, ranges, parts of months, holidays, weeks and quarters
are reported beside it. Then precision: temporal claims where the peer lists every mention
(Recognizers exhaustive cases) or none (negative files).

Evaluation data only: nothing from the corpora is copied into the repository.
"""
import argparse
import datetime as dt
import os
import re
import sys
from collections import Counter, defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peer_common as pc  # noqa: E402

FILES = [f"{src}-{lang}-{dim}.jsonl"
         for lang in ("fr", "en")
         for src, dims in (("duckling", ("date", "datetime", "duration")),
                           ("recognizers", ("date", "datetime", "time", "duration")))
         for dim in dims]
NEGATIVE = ["duckling-fr-negative.jsonl", "duckling-en-negative.jsonl",
            "recognizers-fr-negative.jsonl", "recognizers-en-negative.jsonl"]
TEMPORAL = {"date", "time", "duration", "offset"}
NEWS = ["calendar", "month", "year", "weekday", "relative-day", "duration"]

MONTHS = {
    "fr": r"janv|févr|fevr|fév|fev|mars|avr|mai|juin|juil|ao[uû]t|sept|oct|nov|d[ée]c",
    "en": r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec",
}
WEEKDAYS = {
    "fr": r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche",
    "en": r"monday|tuesday|wednesday|thursday|friday|saturday|sunday",
}
RELATIVE_DAYS = {
    "fr": r"aujourd|hier|demain|lendemain|veille|jour précédent|jour suivant",
    "en": r"today|yesterday|tomorrow|day before|day after|next day|previous day|following day",
}
# Not news copy's way of naming days: holidays, weeks, quarters, "the third Tuesday of", ranges,
# parts of months, times of day, vague or compositional expressions.
OTHER = {
    "fr": r"semaine|week-end|weekend|trimestre|quinzaine|noël|noel|toussaint|pâques|paques|fête|fete|"
          r"\bpremier\b|\bdeuxième\b|\btroisième\b|\bdernier jour\b|\bau\b|\bdu\b.*\bau\b|entre|jusqu|"
          r"\bmi-|\bmi\b|début|debut|\bfin\b|milieu|printemps|été|automne|hiver|matin|soir|midi|nuit|"
          r"après-midi|\ben huit\b|\ben quinze\b|\bquelques\b|\bplusieurs\b|\bpassée?s\b|\bprochaine?s\b\s+\w*s\b|"
          r"\bà partir\b|\bavant\b|\baprès\b|\bdepuis\b|\bdans\b|\bil y a\b|\ben \d+\b|\bjour de\b|thanks",
    "en": r"week|weekend|quarter|qtr|\bq[1-4]\b|christmas|xmas|easter|thanksgiving|halloween|holiday|day of|"
          r"\bfirst\b|\bsecond\b|\bthird\b|\bfourth\b|\blast day\b|\bto\b|\bthru\b|\bthrough\b|between|\bfrom\b|"
          r"\btill\b|\buntil\b|\bmid\b|\bmid-|beginning|\bstart\b|\bend\b|\bearly\b|\blate\b|spring|summer|autumn|"
          r"\bfall\b|winter|morning|evening|night|noon|afternoon|\bafter next\b|\bfrom now\b|\bfew\b|\bseveral\b|"
          r"\bupcoming\b|\bcoming\b|\bbefore\b|\bafter\b|\bsince\b|\bago\b|\bin \w+ (days?|weeks?|months?|years?)\b|\bhence\b|"
          r"\bclosest\b|\bnearest\b|\blater\b|\bback\b|\bfifth\b|\bday\b|black friday|cyber monday|patrick|fiscal|"
          r"school year|calendar year|\bcy\b|\bsy\b|=",
}
FUNCTION_WORDS = {
    "le", "la", "l", "les", "du", "de", "des", "d", "au", "aux", "en", "à", "a", "on", "in", "at", "the",
    "of", "for", "pour", "pendant", "durant", "during", "et", "and", "vers", "around", "about", "depuis",
    "since", "dès", "from", "un", "une", "an", "by", "year", "année", "mois", "month", "the year",
}
UNIT_SECONDS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400, "week": 604800,
                "month": 2592000, "quarter": 7776000, "year": 31536000}


def category(rec):
    """The kind of expression a case is, by its expected value and its text."""
    lang, dim, e = rec["lang"], rec["dim"], rec.get("expected") or {}
    span = (rec.get("span") or "").lower()
    if dim == "duration":
        comps = e.get("components") or {}
        simple = len(comps) >= 1 and all(u in UNIT_SECONDS and u != "quarter" for u in comps)
        vague = re.search(r"quelques|quel ques|plusieurs|few|couple|several|some|another|toute|\ball\b|whole|entire|"
                          r"\bfull\b|quart|quarter|nights?\b|nuits?\b|\bmore\b|extra|additional|\b(less|fewer) \w+s\b|"
                          r"\d\s*['\"]|\d\s*(m|d|w|y)\b|½|\bthe hour\b", span)
        return "duration" if simple and not vague else "duration-other"
    if dim == "time":
        return "time"
    values = [e] if e.get("type") != "ambiguous" else e.get("alternatives") or []
    if any("T" in str(v.get("value") or v.get("start") or "") or ":" in str(v.get("value") or "") for v in values):
        return "datetime"
    if dim == "datetime":
        return "datetime"
    if e.get("holiday") or any(v.get("grain") in ("week", "quarter") for v in values):
        return "date-other"
    if re.search(OTHER[lang], span):
        if re.search(r"\bmi-|\bmi\b|début|debut|\bfin\b|\bmid\b|\bmid-|\bearly\b|\blate\b|beginning|\bend of\b|"
                     r"printemps|été|automne|hiver|spring|summer|autumn|fall|winter", span):
            return "period"
        if re.search(r"il y a|\bago\b|\bdans\b|\bin \w+ (days?|weeks?|months?|years?)|from now|\bhence\b|"
                     r"\bavant\b|\baprès\b|\bbefore\b|\bafter\b|\bsince\b|\bdepuis\b", span):
            return "offset"
        return "date-other"
    interval = any(v.get("type") == "interval" for v in values)
    if interval and not all(named_period(v) for v in values if v.get("type") == "interval"):
        return "date-other"
    if re.search(RELATIVE_DAYS[lang], span):
        return "relative-day"
    if not news_shape(lang, span):
        return "calendar-other"
    if re.search(WEEKDAYS[lang], span):
        return "weekday"
    has_month = re.search(r"\b(" + MONTHS[lang] + r")", span)
    if re.search(r"\d{1,4}\s*[/.\-]\s*\d{1,2}", span) or (has_month and re.search(r"\b\d{1,2}(er|e|st|nd|rd|th)?\b|premier|first", span)):
        return "calendar"
    if has_month:
        return "month"
    if re.search(r"\b\d{4}\b", span):
        return "year"
    return "date-other"


NUMBER_WORDS = (r"\b(eleventh|fifteenth|twentieth|un|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|"
                r"vingt|trente|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
                r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|thousand|hundred|seconde?|deuxi[eè]me|"
                r"tenth|eleventh|twelfth|ides)\b")


def news_shape(lang, span):
    """Whether a date is written as news copy writes dates: a day and a month name, a month name
    and a day (English), a month name, a four-digit year, or a numeric day/month/year with a
    four-digit year (ISO year-month-day included). Not: numeric dates without a year or with two
    digits, numbers run together or spaced without separators, year-first with a month name,
    days and years in words."""
    s = span.strip()
    if re.search(NUMBER_WORDS, s):
        return False
    if re.search(r"\d[a-zé]{3,}|[a-z]{3}\.?\d|\d+\s*[/\-]\s*[a-z]|[a-z]\s*[/\-]\s*\d", s):
        return False  # "14april", "Dec31", "31/Oct/1974", "Sep-23-2020"
    if re.search(r"\b\d{1,2}\s+\d{1,2}\b", s):
        return False  # "20 02 2014"
    numeric = re.search(r"\d{1,4}\s*[/.\-]\s*\d{1,2}(\s*[/.\-]\s*\d{1,4})?", s)
    if numeric:
        parts = re.findall(r"\d+", numeric.group(0))
        return len(parts) == 3 and (len(parts[2]) == 4 or len(parts[0]) == 4)
    if re.search(r"\b\d{4}\b\s*,?\s*[a-z]", s) and not re.search(r"\d{4}\s*,?\s*$", s):
        return False  # "2016 june", "2017 april"
    if re.search(r"\b(" + MONTHS[lang] + r")[a-zéû]*\.?\s+(of\s+)?'?\d{2}\b(?!\d)", s) and not re.search(
            r"\b(" + MONTHS[lang] + r")[a-zéû]*\.?\s+\d{1,2}(st|nd|rd|th|er)?\b(,?\s*\d{4})?\s*$", s):
        return False  # "juillet 98", "31 octobre 74"
    if re.search(r"\b\d{1,2}(er|e|st|nd|rd|th)?\s+(" + MONTHS[lang] + r")[a-zéû]*\.?\s+\d{2}\s*$", s):
        return False  # "1er avril 78", "14th April 15"
    return True


def named_period(v):
    """A Recognizers interval that is one named month or year (start on its first day, end one
    grain later): compared as a value at that grain."""
    s, e, g = v.get("start"), v.get("end"), v.get("grain")
    if not s or not e or g not in ("month", "year"):
        return False
    try:
        a, b = dt.date.fromisoformat(s[:10]), dt.date.fromisoformat(e[:10])
    except ValueError:
        return False
    if g == "month":
        return a.day == 1 and (b.year * 12 + b.month) - (a.year * 12 + a.month) == 1 and b.day == 1
    return a.month == 1 and a.day == 1 and b == dt.date(a.year + 1, 1, 1)


def as_value(v):
    """An expected value/interval as (value string at its grain, grain)."""
    if v.get("type") == "value":
        return v.get("value"), v.get("grain")
    if v.get("type") == "interval" and named_period(v):
        s = v["start"][:10]
        return (s[:7], "month") if v["grain"] == "month" else (s[:4], "year")
    return None, None


def at_grain(value, grain):
    if value is None:
        return None
    n = {"day": 10, "month": 7, "year": 4}.get(grain)
    return value[:n] if n and len(value) >= n else None


def claim_dates(claims):
    """(value, grain-len, claim) for every date a claim gives: date values, offsets' days."""
    out = []
    for c in claims:
        if c["kind"] == "date":
            out.append((c["value"], c))
        elif c["kind"] == "offset" and c.get("date"):
            out.append((c["date"], c))
    return out


def residual(rec, claims):
    """Words of the expected text left uncovered by the claims overlapping it, minus function words."""
    bs, be, text = rec.get("byte_start"), rec.get("byte_end"), rec["text"]
    if bs is None or be is None:
        return ""
    raw = text.encode("utf-8")
    covered = bytearray(be - bs)
    for c in claims:
        a, b = max(c["start"], bs), min(c["end"], be)
        for k in range(a, b):
            covered[k - bs] = 1
    left = bytes(ch if not covered[k] else 32 for k, ch in enumerate(raw[bs:be])).decode("utf-8", "replace")
    words = [w for w in re.split(r"[\s,.;:!?()'’\-]+", left.lower()) if w and w != "\ufffd"]
    return " ".join(w for w in words if w not in FUNCTION_WORDS)


def overlapping(rec, claims):
    bs, be = rec.get("byte_start"), rec.get("byte_end")
    if bs is None or be is None:
        return claims
    return [c for c in claims if c["start"] < be and bs < c["end"] and c["kind"] in TEMPORAL]


def weekday_of(value):
    try:
        return dt.date.fromisoformat(value[:10]).weekday()
    except (TypeError, ValueError):
        return None


WEEKDAY_NAMES = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def judge_date(v, claims, ref=None):
    """'pass', 'policy' or None for one expected date value or interval."""
    if v.get("resolved") is False and v.get("value") is None and v.get("start") is None:
        # an impossible date ("30 février"): factlint's claim must say so
        return "pass" if any(c["kind"] == "date" and c.get("invalid") for c in claims) else None
    value, grain = as_value(v)
    if value is not None and grain in ("day", "month", "year"):
        want = at_grain(value, grain)
        policy = False
        for got, c in claim_dates(claims):
            g = at_grain(got, grain)
            if g == want:
                return "pass"
            resolved = c.get("resolved") if c["kind"] == "date" else "pub_date"
            guessed = resolved in ("pub_year", "prev_year", "pub_date", None)
            if g and guessed and g[4:] == want[4:] and len(want) > 4:
                policy = True
            if grain == "day" and c["kind"] == "date" and c.get("weekday") and guessed:
                if WEEKDAY_NAMES[weekday_of(value) or 0] == c["weekday"] and (g is None or "X" in got):
                    policy = True
                elif WEEKDAY_NAMES[weekday_of(value) or 0] == c["weekday"]:
                    policy = True
        if not policy and ref and grain == "day":
            # an offset measured from a date of the context, or from nothing, where the peer
            # counts from the reference date ("la veille", "the next day")
            for c in claims:
                if c["kind"] == "offset" and c.get("anchor") != "pub_date" and c["value"]["unit"] == "day":
                    sign = -1 if c["value"]["direction"] == "before" else 1
                    day = dt.date.fromisoformat(ref) + dt.timedelta(days=sign * int(c["value"]["amount"]))
                    if day.isoformat() == want:
                        policy = True
        return "policy" if policy else None
    if v.get("type") == "interval":
        s, e = v.get("start"), v.get("end")
        dates = claim_dates(claims)
        for got, c in dates:
            iv = c.get("interval") if c["kind"] == "date" else None
            if e is None and s and c.get("since") and got.startswith(s[: len(got)]) and len(got) >= min(len(s), 4):
                return "pass"
            if iv and s and e:
                last = dt.date.fromisoformat(iv["end"])
                nxt = (last + dt.timedelta(days=1)).isoformat()
                if iv["start"].startswith(s[:10]) or s[:10].startswith(iv["start"][: len(s[:10])]):
                    if e[:10] in (iv["end"], nxt) or nxt.startswith(e[:10]):
                        return "pass"
        if s and e and len(dates) >= 2:
            starts = {d for d, _ in dates}
            end_ok = any(e[:10] == d or end_minus_one(e) == d for d, _ in dates)
            if any(s[: len(d)] == d for d in starts) and end_ok:
                return "pass"
    return None


def end_minus_one(e):
    try:
        d = dt.date.fromisoformat(e[:10])
    except ValueError:
        return None
    if len(e) == 4:
        return str(int(e) - 1)
    if len(e) == 7:
        y, m = int(e[:4]), int(e[5:7])
        return f"{y - (m == 1):04d}-{(m - 2) % 12 + 1:02d}"
    return (d - dt.timedelta(days=1)).isoformat()


def judge_time(v, claims, ref=None):
    value = v.get("value") or ""
    if v.get("type") != "value":
        return None
    hm = value[-8:-3] if len(value) >= 8 else value[:5]
    return "pass" if any(c["kind"] == "time" and c["value"] == hm for c in claims) else None


def judge_datetime(v, claims, ref=None):
    value = v.get("value") or ""
    if v.get("type") != "value" or "T" not in value:
        return judge_date(v, claims, ref)
    day, hm = value[:10], value[11:16]
    time_ok = any(c["kind"] == "time" and c["value"] == hm for c in claims)
    date_res = judge_date({"type": "value", "value": day, "grain": "day"}, claims, ref)
    if time_ok and date_res:
        return date_res
    return None


def seconds_of(expected):
    comps = expected.get("components")
    if comps:
        return sum(UNIT_SECONDS.get(u, 0) * float(n) for u, n in comps.items())
    if expected.get("value") is not None and expected.get("unit") in UNIT_SECONDS:
        return UNIT_SECONDS[expected["unit"]] * float(expected["value"])
    return None


def judge_duration(v, claims, ref=None):
    want = seconds_of(v)
    if want is None:
        return None
    for c in claims:
        if c["kind"] in ("duration", "offset"):
            got = UNIT_SECONDS[c["value"]["unit"]] * float(c["value"]["amount"])
            if pc.close(got, want, 1e-6):
                return "pass"
    return None


def judge(rec, claims):
    """(outcome, claims looked at) for one case."""
    near = overlapping(rec, claims)
    if not near:
        return "miss"
    e = rec.get("expected") or {}
    alts = e.get("alternatives") if e.get("type") == "ambiguous" else [e]
    fn = {"duration": judge_duration, "time": judge_time, "datetime": judge_datetime}.get(rec["dim"], judge_date)
    if rec["dim"] == "date":
        fn = judge_datetime
    results = [fn(v, near, pc.pub_date(rec)) for v in alts or []]
    covered = residual(rec, near) == ""
    if "pass" in results:
        return "pass" if covered else "partial"
    if "policy" in results:
        return "policy" if covered else "partial"
    return "wrong" if covered else "partial"


def precision(records, claims_of):
    """False positives: temporal claims in exhaustive inputs that overlap no expected mention, and
    temporal claims in negative texts."""
    fps = defaultdict(list)
    by_case = defaultdict(list)
    for r in records:
        by_case[r["case_id"]].append(r)
    for case, recs in by_case.items():
        r0 = recs[0]
        if r0["dim"] == "negative":
            if not set(r0.get("negative_for") or []) & {"date", "datetime", "time", "duration"}:
                continue
            for c in claims_of.get(r0["id"], []):
                if c["kind"] in TEMPORAL:
                    fps[r0["lang"]].append((r0["text"], c))
            continue
        if not set(r0.get("exhaustive_for") or []) >= {"date", "datetime", "time", "duration"}:
            continue
        spans = [(r["byte_start"], r["byte_end"]) for r in recs if r.get("byte_start") is not None]
        for c in claims_of.get(r0["id"], []):
            if c["kind"] in TEMPORAL and not any(c["start"] < e and s < c["end"] for s, e in spans):
                fps[r0["lang"]].append((r0["text"], c))
    return fps


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--misses", type=int, default=0, help="print up to N failing cases per category")
    ap.add_argument("--lang", choices=("fr", "en"))
    ap.add_argument("--category", help="only print misses of this category")
    ap.add_argument("--all", action="store_true", help="no default filter (unverified, latent, regional cases too)")
    args = ap.parse_args()

    records = pc.load(FILES, default_filter=not args.all)
    negatives = pc.load(NEGATIVE, default_filter=not args.all)
    if args.lang:
        records = [r for r in records if r["lang"] == args.lang]
        negatives = [r for r in negatives if r["lang"] == args.lang]
    # Recognizers' exhaustive inputs: every expected line of the input, across files, for precision.
    claims_of = pc.extract(records + negatives)

    outcomes = defaultdict(Counter)  # (lang, category) -> outcomes
    per_file = defaultdict(Counter)
    failing = defaultdict(list)
    for r in records:
        cat = category(r)
        out = judge(r, claims_of.get(r["id"], []))
        outcomes[(r["lang"], cat)][out] += 1
        per_file[(r["_file"], cat in NEWS)][out] += 1
        if out not in ("pass", "policy"):
            failing[(r["lang"], cat)].append((out, r))

    def line(name, c):
        total = sum(c.values())
        ok = c["pass"] + c["policy"]
        acc = 100.0 * ok / total if total else 0.0
        strict = 100.0 * c["pass"] / total if total else 0.0
        print(f"{name:44} {total:6} {c['pass']:6} {c['policy']:6} {c['partial']:7} {c['wrong']:6} {c['miss']:6}"
              f" {acc:6.1f}% {strict:6.1f}%")

    header = f"{'':44} {'total':>6} {'pass':>6} {'policy':>6} {'partial':>7} {'wrong':>6} {'miss':>6} {'acc':>7} {'strict':>7}"
    print("## per file (news subset | rest)")
    print(header)
    for f in FILES:
        for news in (True, False):
            c = per_file.get((f, news))
            if c:
                line(f"{f} {'news' if news else 'rest'}", c)
    langs = [args.lang] if args.lang else ["fr", "en"]
    for lang in langs:
        print(f"\n## {lang}: by category")
        print(header)
        cats = sorted({cat for (lg, cat) in outcomes if lg == lang}, key=lambda c: (c not in NEWS, c))
        news_total, all_total = Counter(), Counter()
        for cat in cats:
            c = outcomes[(lang, cat)]
            line(("* " if cat in NEWS else "  ") + cat, c)
            all_total.update(c)
            if cat in NEWS:
                news_total.update(c)
        line(f"{lang} news subset (*)", news_total)
        line(f"{lang} overall", all_total)
    fps = precision(records + negatives, claims_of)
    print("\n## precision: temporal claims where the peer expects none")
    for lang in langs:
        kinds = Counter(c["kind"] for _, c in fps.get(lang, []))
        print(f"{lang}: {len(fps.get(lang, []))} false positives {dict(kinds)}")
    if args.misses:
        for (lang, cat), items in sorted(failing.items()):
            if args.category and cat != args.category:
                continue
            print(f"\n### {lang} {cat}: {len(items)} failing")
            for out, r in items[: args.misses]:
                got = [(c["kind"], c["text"], c.get("value")) for c in claims_of.get(r["id"], []) if c["kind"] in TEMPORAL]
                print(f"  {out:7} {r['span']!r:40} want {short(r['expected'])}  got {got}  [{r['text'][:70]!r}]")
        if args.misses and fps:
            print("\n### false positives")
            for lang in langs:
                for text, c in fps.get(lang, [])[: args.misses]:
                    print(f"  {lang} {c['kind']} {c['text']!r} in {text[:90]!r}")


def short(e):
    if e.get("type") == "ambiguous":
        return "|".join(short(a) for a in e.get("alternatives", []))
    if e.get("type") == "interval":
        return f"[{e.get('start')}..{e.get('end')})"
    if e.get("type") == "duration":
        return f"{e.get('value')} {e.get('unit')} {e.get('components')}"
    return str(e.get("value"))


if __name__ == "__main__":
    main()
