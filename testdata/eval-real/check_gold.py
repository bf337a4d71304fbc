#!/usr/bin/env python3
"""Self-check for the real-derived evaluation set in testdata/eval-real.

Adapted from testdata/eval/check_gold.py for documents taken from public
pages. For every <stem>.json in the folder (default: this script's own):
  * the JSON parses and has the gold keys plus "period" (text) and "blind"
    (bool); "document" equals the file stem;
  * the province name and code match the 63-province list, or, for a report
    on a period after 2025-07-01, the 34-unit list
    (normalize/data/provinces in this repository);
  * every metric code is in the catalog (rules/metrics.tsv), once;
  * every evidence string occurs in the report (whitespace-normalised) and the
    gold value can be read off a number in it (Vietnamese format, "triệu",
    "tỷ", "ngàn"/"nghìn" scaling). A metric whose evidence is written in an
    odd format the reader cannot parse must say so in a "reading" field;
  * every "not_in_catalog" entry's evidence occurs and its value is readable;
  * arithmetic written in flags, optional flags and must_not_flag is right:
    "a + b - c = d" exactly, "a/b = p%" and "(a + b)/c = p%" to the stated
    decimals, rounded or truncated (as rules/CHECKS.md accepts); a flag's
    "computed" value appears in its "why".
Run: python3 testdata/eval-real/check_gold.py [FOLDER]
"""
import csv, glob, importlib.util, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
KEYS = ["document", "sources", "province", "province_code", "year", "period", "blind",
        "metrics", "budget_items", "flags", "optional_flags", "must_not_flag"]
STATUSES = {"none", "planned", "pilot", "in_progress", "operational"}
NUM = r"\d[\d.,]*\d|\d"


# Number reading and text normalisation are the hand-written set's
# (testdata/eval/check_gold.py), loaded from there so that both sets read
# numbers the same way.
_spec = importlib.util.spec_from_file_location(
    "eval_check_gold", os.path.join(ROOT, "testdata", "eval", "check_gold.py"))
_base = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_base)
norm, num, readable = _base.norm, _base.num, _base.value_in_evidence


def decimals(t):
    return len(t.split(",")[1]) if "," in t else 0


def consistent_rate(computed, stated_tok):
    """Stated P with d decimals fits when computed rounds or truncates to P."""
    p, d = num(stated_tok), decimals(stated_tok)
    return p - 0.5 * 10 ** -d - 1e-9 <= computed < p + 10 ** -d


def check_arith(s):
    errs = []
    for m in re.finditer(rf"(?<![\d.,(])((?:{NUM})(?:\s*[+\-]\s*(?:{NUM}))+)\s*=\s*({NUM})(?![\d/])", s):
        toks = re.findall(rf"[+\-]|{NUM}", m.group(1))
        total, sign = 0.0, 1
        for t in toks:
            if t in "+-": sign = 1 if t == "+" else -1
            else: total += sign * num(t)
        if abs(total - num(m.group(2))) > 1e-6:
            errs.append(f"arith: {m.group(0)!r} evaluates to {total:g}")
    for m in re.finditer(rf"(\((?:{NUM})(?:\s*\+\s*(?:{NUM}))+\)|{NUM})\s*/\s*({NUM})\s*=\s*({NUM})%", s):
        a = sum(num(x) for x in re.findall(NUM, m.group(1)))
        val = a / num(m.group(2)) * 100
        if not consistent_rate(val, m.group(3)):
            errs.append(f"ratio: {m.group(0)!r} is {val:.4f}%")
    return errs


def load(path, key):
    with open(path, encoding="utf-8") as f:
        return {(r["code"], r["name"]) for r in csv.DictReader(f)}


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else HERE
    pdir = os.path.join(ROOT, "normalize", "data", "provinces")
    p63 = load(os.path.join(pdir, "provinces-63-until-2025-06-30.csv"), "code")
    p34 = load(os.path.join(pdir, "provinces-34-from-2025-07-01.csv"), "code")
    with open(os.path.join(ROOT, "rules", "metrics.tsv"), encoding="utf-8") as f:
        catalog = {r["code"] for r in csv.DictReader(f, delimiter="\t")}
    bad = 0
    for gp in sorted(glob.glob(os.path.join(folder, "*.json"))):
        errs = []
        g = json.load(open(gp, encoding="utf-8"))
        stem = os.path.splitext(os.path.basename(gp))[0]
        for k in KEYS:
            if k not in g: errs.append(f"missing key {k}")
        if g.get("document") != stem: errs.append("document != file stem")
        if not isinstance(g.get("blind"), bool): errs.append("blind is not a bool")
        if not str(g.get("period", "")).strip(): errs.append("empty period")
        pair = (g.get("province_code"), g.get("province"))
        if pair not in p63 and not (pair in p34 and g.get("year", 0) >= 2025):
            errs.append(f"province {pair} is in neither list (34 units only for 2025 and later)")
        text = norm(open(os.path.join(folder, g["sources"][0]), encoding="utf-8").read())
        seen = set()
        for m in g["metrics"]:
            code, v, ev = m["metric"], m["value"], m["evidence"]
            if code not in catalog: errs.append(f"unknown metric {code}")
            if code in seen: errs.append(f"duplicate metric {code}")
            seen.add(code)
            if m.get("qualifier") not in (None, "approx", "over", "under"):
                errs.append(f"{code}: bad qualifier")
            if norm(ev) not in text: errs.append(f"{code}: evidence not in text: {ev!r}")
            if code == "soc.status":
                if v not in STATUSES: errs.append(f"soc.status {v!r}")
            elif code == "soc.ncsc_connected":
                if not isinstance(v, bool): errs.append("soc.ncsc_connected not bool")
            elif not readable(v, ev) and not m.get("reading"):
                errs.append(f"{code}: value {v} not readable from {ev!r} and no 'reading' note")
        for n in g.get("not_in_catalog", []):
            if norm(n["evidence"]) not in text: errs.append(f"not_in_catalog evidence not in text: {n['evidence']!r}")
            elif not readable(n["value"], n["evidence"]): errs.append(f"not_in_catalog {n['name']}: value not readable")
        for fl in g["flags"] + g["optional_flags"]:
            if fl["kind"] not in ("sum", "ratio"): errs.append(f"flag kind {fl['kind']}")
            errs += check_arith(fl["why"])
            if not readable(fl["computed"], fl["why"]): errs.append(f"flag computed {fl['computed']} not in why")
            if not readable(fl["stated"], fl["why"]): errs.append(f"flag stated {fl['stated']} not in why")
        for s in g["must_not_flag"]:
            errs += check_arith(s)
        print(f"{'OK ' if not errs else 'BAD'} {stem}: {len(g['metrics'])} metrics, "
              f"{len(g['flags'])} flags, {len(g['optional_flags'])} optional, blind={g.get('blind')}")
        for e in errs: print("    " + e)
        bad += bool(errs)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
