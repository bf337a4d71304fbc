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
  * at least a fifth of the documents (and at least 7) are blind.
Run: python3 testdata/eval-real/check_real.py
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


def main():
    bad = 0
    rc = subprocess.run([sys.executable, CHECK_GOLD, HERE]).returncode
    if rc:
        print("check_gold.py reported errors")
        bad += 1
    sources = open(os.path.join(HERE, "SOURCES.md"), encoding="utf-8").read()
    readme = open(os.path.join(HERE, "README.md"), encoding="utf-8").read()
    golds = sorted(glob.glob(os.path.join(HERE, "*.json")))
    blind = 0
    for gp in golds:
        errs = []
        g = json.load(open(gp, encoding="utf-8"))
        stem = os.path.splitext(os.path.basename(gp))[0]
        src = g["sources"][0]
        text = cg.norm(open(os.path.join(HERE, src), encoding="utf-8").read())
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
        if errs:
            bad += 1
            print(f"BAD {stem}")
            for e in errs:
                print("    " + e)
    n = len(golds)
    if blind < max(7, (n + 4) // 5):
        print(f"only {blind} blind documents of {n}")
        bad += 1
    print(f"{n} documents, {blind} blind: {'OK' if not bad else 'BAD'}")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
