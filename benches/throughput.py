#!/usr/bin/env python3
"""End-to-end throughput of `factlint check` (and `extract`) on generated French and English prose.

Usage: python3 benches/throughput.py [--mb 20] [--files 400] [--runs 3] [--linear-mb 10]
                                     [--density news|dense] [--stages] [--bin target/release/factlint]

Generates a deterministic corpus of the project's own sentences (numbers, dates, percentages,
money, names, part/whole frames, and sentences with none) under target/bench-corpus/, at the
claim density of published news by default (it prints claims per kB of the corpus and of
../shared/real-text to show it) or with a claim in nearly every sentence (--density dense),
then times `factlint check --format json DIR > /dev/null` at 1 and 2 threads (best and median of
--runs), `factlint extract`, and `rg -c '[0-9]'` over the same files as a floor when ripgrep is
installed. Prints MB/s and how far each is from the floor.

Linearity: one single file of --linear-mb MB and one of 10 times that, checked at 1 thread; the
ratio of their times should be about 10 (0 skips it).

--stages also runs `cargo bench --bench extract_stages` on the corpus: MB/s of each extraction
stage alone (reading, prefilter, temporal, numeric, names, frames) in one process, the numeric
extractor's own figure included.

Build first: cargo build --release."""
import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

FR_FIRST = ["Claire", "Julien", "Sophie", "Karim", "Hélène", "Thomas", "Nadia", "Louis", "Amélie", "Yannick"]
FR_LAST = ["Moreau", "Lefèvre", "Benali", "Garnier", "Rousseau", "Perrin", "Fontaine", "Chevalier", "Marchand", "Girard"]
EN_FIRST = ["Margaret", "David", "Aisha", "Robert", "Linda", "Carlos", "Emily", "James", "Priya", "Owen"]
EN_LAST = ["Hartley", "Okafor", "Brennan", "Castillo", "Whitmore", "Nakamura", "Fletcher", "Doyle", "Sutton", "Reyes"]
FR_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]
EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
FR_NOUNS = ["députés", "salariés", "communes", "électeurs", "habitants", "entreprises", "élèves", "logements"]
EN_NOUNS = ["employees", "voters", "schools", "residents", "companies", "students", "homes", "delegates"]

FR_TEMPLATES = [
    "Selon {name}, {n} {noun} ont été recensés le {d} {month} {y}, contre {m} un an plus tôt.",
    "Le conseil a adopté le texte par {a} voix sur {b}, après un débat de {h} heures.",
    "Environ {p} % des {noun} interrogés se disent satisfaits, soit {q} points de plus qu'en {y}.",
    "Le budget atteint {n} millions d'euros, dont {p} % consacrés à l'investissement.",
    "{name} a rappelé que la réforme, annoncée en {month} {y}, devait entrer en vigueur deux ans plus tard.",
    "La réunion du {d} {month} a rassemblé près de {n} {noun} venus de {k} régions.",
    "Les travaux, estimés à {n} 000 euros, doivent durer entre {a} et {b} mois.",
    "Dans un entretien, {name} a expliqué que la décision ne relevait pas de sa compétence.",
    "Le chantier a pris du retard : il devait s'achever avant la fin de l'année.",
]
EN_TEMPLATES = [
    "According to {name}, {n} {noun} were counted on {month} {d}, {y}, up from {m} a year earlier.",
    "The council approved the plan by {a} votes to {c}, after a debate of {h} hours.",
    "About {p}% of the {noun} surveyed said they were satisfied, {q} points more than in {y}.",
    "The budget reaches ${n} million, of which {p}% goes to investment.",
    "{name} said the reform, announced in {month} {y}, would take effect two years later.",
    "The meeting on {month} {d} brought together nearly {n} {noun} from {k} regions.",
    "The works, estimated at ${n},000, are expected to last between {a} and {b} months.",
    "In an interview, {name} explained that the decision was not hers to make.",
    "The project is behind schedule: it was due to be finished before the end of the year.",
]

# Sentences without a number, a date or a name: most of a news article. The default corpus mixes
# them with the templates above so that it has the claim density of published news, measured on
# ../shared/real-text (the script prints both); --density dense uses templates only.
FR_PLAIN = [
    "La question divise encore la majorité, qui peine à trouver une position commune.",
    "Les habitants du quartier réclament depuis longtemps un meilleur éclairage des rues.",
    "Le gouvernement n'a pas souhaité commenter ces informations dans l'immédiat.",
    "Sur place, les équipes de secours ont travaillé toute la nuit dans des conditions difficiles.",
    "Cette décision intervient dans un contexte de fortes tensions entre les partenaires sociaux.",
    "Plusieurs associations ont dénoncé un projet mené sans véritable concertation.",
    "Le texte doit encore être examiné par le Sénat avant son adoption définitive.",
    "Les commerçants du centre-ville se disent inquiets pour la suite de la saison.",
    "Interrogé par nos soins, le maire a refusé de répondre à nos questions.",
    "L'enquête, confiée à la police judiciaire, devra établir les circonstances exactes du drame.",
    "Les syndicats appellent à une nouvelle journée de mobilisation dans toute la région.",
    "Le dossier sera de nouveau examiné lors de la prochaine séance du conseil.",
    "La direction assure que les emplois seront maintenus sur le site.",
    "Les riverains ont été invités à limiter leurs déplacements pendant les travaux.",
    "Le ministre a salué une avancée importante, tout en appelant à la prudence.",
    "Les résultats définitifs ne sont pas attendus avant plusieurs semaines.",
]
EN_PLAIN = [
    "The question still divides the majority, which has struggled to agree on a common line.",
    "Residents of the neighbourhood have long asked for better street lighting.",
    "The government declined to comment on the reports.",
    "Rescue teams worked through the night in difficult conditions.",
    "The decision comes amid growing tension between unions and employers.",
    "Several charities criticised a plan drawn up without real consultation.",
    "The bill still has to go through the Senate before it becomes law.",
    "Shop owners in the town centre say they are worried about the rest of the season.",
    "Asked about the matter, the mayor refused to answer our questions.",
    "The investigation will have to establish exactly what happened that evening.",
    "Unions are calling for another day of protests across the region.",
    "The file will be examined again at the next meeting of the council.",
    "Management insists that jobs at the site will be kept.",
    "Residents have been asked to limit their journeys while the work goes on.",
    "The minister welcomed an important step forward but urged caution.",
    "Final results are not expected for several weeks.",
]
# Share of template sentences per language in the default corpus, chosen so that its claims per
# kB match real-text's (fr about 8, en about 3: printed by this script when ../shared is there).
NEWS_SHARE = {"fr": 0.28, "en": 0.085}


def sentence(rng, lang, density="dense"):
    if density == "news" and rng.random() >= NEWS_SHARE[lang]:
        return rng.choice(FR_PLAIN if lang == "fr" else EN_PLAIN)
    t = rng.choice(FR_TEMPLATES if lang == "fr" else EN_TEMPLATES)
    first, last = (FR_FIRST, FR_LAST) if lang == "fr" else (EN_FIRST, EN_LAST)
    a = rng.randint(2, 60)
    return t.format(
        name=f"{rng.choice(first)} {rng.choice(last)}", n=rng.randint(2, 900), m=rng.randint(2, 900),
        noun=rng.choice(FR_NOUNS if lang == "fr" else EN_NOUNS), d=rng.randint(1, 28),
        month=rng.choice(FR_MONTHS if lang == "fr" else EN_MONTHS), y=rng.randint(1990, 2025),
        a=a, b=a + rng.randint(1, 40), c=rng.randint(0, a), h=rng.randint(2, 30), p=rng.randint(1, 99),
        q=rng.randint(1, 9), k=rng.randint(2, 12))


def generate(out_dir, total_bytes, files, density):
    rng = random.Random(42)
    shutil.rmtree(out_dir, ignore_errors=True)
    os.makedirs(out_dir)
    per_file = max(1, total_bytes // files)
    written = 0
    for i in range(files):
        lang = "fr" if i % 2 == 0 else "en"
        parts = [f"---\ntitle: bench {i}\ndate: 2024-{1 + i % 12:02d}-{1 + i % 28:02d}\nlang: {lang}\n---\n"]
        size = len(parts[0])
        while size < per_file:
            para = " ".join(sentence(rng, lang, density) for _ in range(rng.randint(3, 6))) + "\n\n"
            parts.append(para)
            size += len(para.encode())
        text = "".join(parts)
        with open(os.path.join(out_dir, f"draft-{i:05d}.md"), "w", encoding="utf-8") as f:
            f.write(text)
        written += len(text.encode())
    return written


def generate_single(path, total_bytes, seed, density):
    """One long draft, French and English paragraphs in turn (language detection picks one)."""
    rng = random.Random(seed)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    written = 0
    with open(path, "w", encoding="utf-8") as f:
        head = "---\ntitle: one long draft\ndate: 2024-06-01\nlang: fr\n---\n"
        f.write(head)
        written += len(head)
        k = 0
        while written < total_bytes:
            lang = "fr" if k % 4 else "en"
            para = " ".join(sentence(rng, lang, density) for _ in range(rng.randint(3, 6))) + "\n\n"
            f.write(para)
            written += len(para.encode())
            k += 1
    return written


def claims_per_kb(binary, path):
    """Claims `extract` reads per kB, per language (French and English drafts counted apart)."""
    out = subprocess.run([binary, "extract", "--format", "json", path], capture_output=True)
    if out.returncode not in (0, 1):
        return "?"
    per = {}
    for f in json.loads(out.stdout).get("files", []):
        n, b = per.get(f.get("lang"), (0, 0))
        size = os.path.getsize(f["path"]) if os.path.exists(f.get("path", "")) else 0
        per[f.get("lang")] = (n + len(f.get("claims", [])), b + size)
    return ", ".join(f"{lang} {n * 1000 / b:.1f}" for lang, (n, b) in sorted(per.items()) if b)


def timed(cmd, runs):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        times.append(time.perf_counter() - t)
        if p.returncode not in (0, 1):
            sys.exit(f"{' '.join(cmd)} failed ({p.returncode}): {p.stderr.decode()[:500]}")
    return min(times), statistics.median(times)


def peak_mb(cmd):
    """The peak resident memory (VmHWM) of one run of `cmd`, polled from /proc (Linux); None
    elsewhere. getrusage would count the memory of this script, copied by the fork."""
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = None
    while p.poll() is None:
        try:
            with open(f"/proc/{p.pid}/status") as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        peak = max(peak or 0, int(line.split()[1]) / 1024)
        except (OSError, ValueError):
            pass
        time.sleep(0.002)
    return peak


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=20, help="corpus size in MB (default 20)")
    ap.add_argument("--files", type=int, default=400)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--linear-mb", type=float, default=10, help="small single file in MB; the large is 10x (0: skip)")
    ap.add_argument("--stages", action="store_true", help="also run the per-stage bench (cargo bench)")
    ap.add_argument("--density", choices=["news", "dense"], default="news",
                    help="news: the claim density of published news (default); dense: a claim in every sentence")
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "factlint"))
    args = ap.parse_args()
    if not os.path.exists(args.bin):
        sys.exit(f"{args.bin} not found: run cargo build --release first")
    corpus = os.path.join(ROOT, "target", "bench-corpus")
    size = generate(corpus, int(args.mb * 1e6), args.files, args.density)
    mb = size / 1e6
    print(f"corpus: {args.files} files, {mb:.1f} MB of generated French and English prose ({args.density} density)")
    for label, path in [("generated", corpus)] + [
        (f"real-text {lang}", os.path.join(ROOT, "..", "shared", "real-text", lang)) for lang in ("fr", "en")
    ]:
        if os.path.exists(path):
            print(f"  claims per kB, {label}: {claims_per_kb(args.bin, path)}")
    # "x floor": how many times the time of `rg -c '[0-9]'` (all cores, as ripgrep runs by
    # default); "x same cores": against ripgrep given the same number of threads as the row.
    print(f"{'command':40} {'best s':>8} {'median s':>9} {'MB/s (median)':>14} {'x floor':>8} {'x same cores':>13}")
    rows = [
        ("check --format json, 1 thread", 1, [args.bin, "check", "--format", "json", "--threads", "1", corpus]),
        ("check --format json, 2 threads", 2, [args.bin, "check", "--format", "json", "--threads", "2", corpus]),
        ("extract, 1 thread", 1, [args.bin, "extract", "--threads", "1", corpus]),
    ]
    floor, floors = None, {}
    if shutil.which("rg"):
        # The floors first, so every row can say how far it is from them.
        floor = timed(["rg", "-c", "[0-9]", corpus], args.runs)[1]
        floors = {n: timed(["rg", "-j", str(n), "-c", "[0-9]", corpus], args.runs)[1] for n in (1, 2)}
    else:
        print("(ripgrep not installed: no floor; apt-get install ripgrep)")
    for name, threads, cmd in rows:
        best, med = timed(cmd, args.runs)
        x = f"{med / floor:8.1f}" if floor else f"{'-':>8}"
        same = f"{med / floors[threads]:13.1f}" if threads in floors else f"{'-':>13}"
        print(f"{name:40} {best:8.3f} {med:9.3f} {mb / med:14.1f} {x} {same}")
    if floor:
        name = "rg -c '[0-9]' (floor)"
        print(f"{name:40} {'':8} {floor:9.3f} {mb / floor:14.1f} {1.0:8.1f}")
        for n, t in floors.items():
            name = f"rg -j {n} -c '[0-9]'"
            print(f"{name:40} {'':8} {t:9.3f} {mb / t:14.1f} {t / floor:8.1f}")
    for name, threads, cmd in rows:
        peak = peak_mb(cmd)
        print(f"peak resident memory, {name}: " + (f"{peak:.0f} MB" if peak else "not measured (no /proc)"))
    if args.linear_mb > 0:
        small = os.path.join(ROOT, "target", "bench-single", "small.md")
        large = os.path.join(ROOT, "target", "bench-single", "large.md")
        s_size = generate_single(small, int(args.linear_mb * 1e6), 7, args.density)
        l_size = generate_single(large, int(args.linear_mb * 10e6), 7, args.density)
        times = []
        for path, n in ((small, s_size), (large, l_size)):
            _, med = timed([args.bin, "check", "--format", "json", "--threads", "1", path], 1)
            times.append(med)
            print(f"{'one file of %.0f MB, check, 1 thread' % (n / 1e6):40} {'':8} {med:9.3f} {n / 1e6 / med:14.1f}")
        print(f"linearity: large/small time ratio {times[1] / times[0]:.1f} for a size ratio of {l_size / s_size:.1f}")
    if args.stages:
        print("per-stage extraction (cargo bench --bench extract_stages):")
        sys.stdout.flush()
        subprocess.run(["cargo", "bench", "-q", "--bench", "extract_stages", "--", corpus], cwd=ROOT, check=False)


if __name__ == "__main__":
    main()
