#!/usr/bin/env python3
"""Self-check for the real-derived evaluation set in testdata/eval-real.

It first runs testdata/eval/check_gold.py on this folder (JSON keys, province
codes, metric codes, every evidence string in its report and every value
readable from its evidence, arithmetic written in flags and must_not_flag).
Then it checks what this set adds to the gold format:
  * "period" is a non-empty string and "blind" a boolean;
  * the file name gives the province slug and the year of the gold file;
  * a metric with qualifier "over" has hơn/trên/vượt in its evidence, one with
    "approx" has khoảng/gần/xấp xỉ/ước, and an unqualified value is not read
    from a number that one of those words directly precedes;
  * every "not_in_catalog" entry has a name, and its evidence is in the report
    with its value readable from it;
  * every flag has kind, about, stated, computed and why;
  * every document has a line in SOURCES.md and a row in README.md;
  * in each batch's table of README.md ("## … (batch X)"), a document's row
    gives its number of gold metrics and its blind flag as the gold file does,
    and each batch has at least 5 blind documents;
  * at least a fifth of the documents (and at least 7) are blind.
Run: python3 testdata/eval-real/check_real.py [FOLDER]
FOLDER defaults to this script's folder; testdata/eval-unseen (batch D,
scored once, then tuned on) and testdata/eval-unseen-e (batch E, scored once)
are checked the same way, each with its own SOURCES.md and README.md.
Exit status 1 when anything is wrong.
"""
import glob, importlib.util, json, os, re, subprocess, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
CHECK_GOLD = os.path.join(HERE, "..", "eval", "check_gold.py")

spec = importlib.util.spec_from_file_location("check_gold", CHECK_GOLD)
cg = importlib.util.module_from_spec(spec)
spec.loader.exec_module(cg)

OVER = ("hơn", "trên", "vượt")
APPROX = ("khoảng", "gần", "xấp xỉ", "ước")


def slug(s):
    s = unicodedata.normalize("NFD", s.lower()).replace("đ", "d")
    s = "".join(c for c in s if unicodedata.category(c) != "Mn")
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def qualified_number(ev, value):
    """True when a number equal to value in ev is directly preceded by a qualifier word."""
    for m in re.finditer(r"\d[\d.,]*\d|\d", ev):
        if not cg.value_in_evidence(value, m.group(0)) and not cg.value_in_evidence(value, ev[m.start():m.end() + 12]):
            continue
        before = ev[:m.start()].rstrip().lower()
        if before.endswith(OVER + APPROX):
            return True
    return False


def readme_rows(readme):
    """{file: (batch heading, metrics cell, blind cell)} from the batch tables of README.md."""
    rows, batch = {}, None
    for line in readme.splitlines():
        if line.startswith("## "):
            batch = line[3:].strip() if "(batch" in line else None
            continue
        if batch and line.startswith("| ") and not line.startswith("|---"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(cells) >= 6 and re.fullmatch(r"[a-z0-9-]+-\d{4}(?:-\d+)?\.(?:txt|md)", cells[0]):
                rows[cells[0]] = (batch, cells[3], cells[-1])
    return rows


def main():
    bad = 0
    folder = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else HERE
    rc = subprocess.run([sys.executable, CHECK_GOLD, folder]).returncode
    if rc:
        print("check_gold.py reported errors")
        bad += 1
    sources = open(os.path.join(folder, "SOURCES.md"), encoding="utf-8").read()
    readme = open(os.path.join(folder, "README.md"), encoding="utf-8").read()
    golds = sorted(glob.glob(os.path.join(folder, "*.json")))
    rows = readme_rows(readme)
    blind_by_batch = {}
    blind = 0
    for gp in golds:
        errs = []
        g = json.load(open(gp, encoding="utf-8"))
        stem = os.path.splitext(os.path.basename(gp))[0]
        src = g["sources"][0]
        text = cg.norm(open(os.path.join(folder, src), encoding="utf-8").read())
        if not isinstance(g.get("period"), str) or not g["period"].strip():
            errs.append("missing period")
        if not isinstance(g.get("blind"), bool):
            errs.append("blind is not a boolean")
        blind += g.get("blind") is True
        m = re.fullmatch(r"(.+?)-(\d{4})(?:-\d+)?", stem)
        if not m:
            errs.append("file name is not <slug>-<year>[-n]")
        else:
            if m.group(1) != slug(g["province"]) and not (m.group(1) == "thua-thien-hue" and g["province"] == "Huế"):
                errs.append(f"file slug {m.group(1)} does not match province {g['province']}")
            if int(m.group(2)) != g["year"]:
                errs.append(f"file year {m.group(2)} != gold year {g['year']}")
        for x in g["metrics"]:
            q, ev = x.get("qualifier"), x["evidence"].lower()
            if q == "over" and not any(w in ev for w in OVER):
                errs.append(f"{x['metric']}: qualifier over without hơn/trên/vượt")
            if q == "approx" and not any(w in ev for w in APPROX):
                errs.append(f"{x['metric']}: qualifier approx without khoảng/gần/xấp xỉ/ước")
            if not q and isinstance(x["value"], (int, float)) and not isinstance(x["value"], bool) \
                    and qualified_number(x["evidence"], x["value"]):
                errs.append(f"{x['metric']}: value follows a qualifier word but has no qualifier")
        for x in g.get("not_in_catalog", []):
            if not x.get("name"):
                errs.append("not_in_catalog entry without a name")
            if cg.norm(x["evidence"]) not in text:
                errs.append(f"not_in_catalog {x['name']!r}: evidence not in text")
            elif not cg.value_in_evidence(x["value"], x["evidence"]):
                errs.append(f"not_in_catalog {x['name']!r}: value {x['value']} not readable from evidence")
        for fl in g["flags"] + g["optional_flags"]:
            for k in ("kind", "about", "stated", "computed", "why"):
                if k not in fl:
                    errs.append(f"flag without {k}")
        if src not in sources:
            errs.append("no line in SOURCES.md")
        if f"| {src} |" not in readme:
            errs.append("no row in README.md")
        elif src in rows:
            batch, mcell, bcell = rows[src]
            blind_by_batch.setdefault(batch, 0)
            blind_by_batch[batch] += g.get("blind") is True
            if mcell != str(len(g["metrics"])):
                errs.append(f"README row says {mcell} metrics, gold has {len(g['metrics'])}")
            if bcell not in ("yes", "no") or (bcell == "yes") != (g.get("blind") is True):
                errs.append(f"README row says blind {bcell!r}, gold says {g.get('blind')}")
        if errs:
            bad += 1
            print(f"BAD {stem}")
            for e in errs:
                print("    " + e)
    for batch, nb in sorted(blind_by_batch.items()):
        if nb < 5:
            print(f"only {nb} blind documents in {batch}")
            bad += 1
    n = len(golds)
    if blind < max(7, (n + 4) // 5):
        print(f"only {blind} blind documents of {n}")
        bad += 1
    print(f"{n} documents, {blind} blind: {'OK' if not bad else 'BAD'}")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
