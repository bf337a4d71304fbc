#!/usr/bin/env python3
"""Self-check for the hand-written evaluation set in testdata/eval.

For every <stem>.json next to this script:
  * the JSON parses and has the gold keys; the province code matches the
    63-province list (if /work/shared/data/provinces is present);
  * every metric code is in the catalog (rules/metrics.tsv, generated from the
    rules' families: the shared contract and the metrics the project adds);
  * every evidence string occurs in the report (whitespace-normalised), and the
    gold value can be read off a number in the evidence (Vietnamese number
    format, with "triệu"/"tỷ" scaling for money and counts);
  * every budget item's name occurs in the report and its amount (in triệu
    đồng) occurs in the report;
  * arithmetic written in flags/must_not_flag ("a + b = c", "a - b = c",
    "a/b = p%", "p% = a/b (q)") is internally right, so must_not_flag claims
    are really consistent and flag "computed" values are really computed.
Run: python3 testdata/eval/check_gold.py
"""
import csv, glob, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
KEYS = ["document", "sources", "province", "province_code", "year", "metrics",
        "budget_items", "flags", "optional_flags", "must_not_flag"]
STATUSES = {"none", "planned", "pilot", "in_progress", "operational"}

def norm(s):
    return re.sub(r"\s+", " ", s).strip()

def vn_numbers(s):
    """Numbers in Vietnamese format: 1.234.567 / 29.473,482 / 46,14 / 96.1."""
    out = []
    for tok in re.findall(r"\d[\d.,]*\d|\d", s):
        cands = set()
        t = tok
        if re.fullmatch(r"\d{1,3}(\.\d{3})+(,\d+)?", t):
            cands.add(float(t.replace(".", "").replace(",", ".")))
        if re.fullmatch(r"\d+(,\d+)?", t):
            cands.add(float(t.replace(",", ".")))
        if re.fullmatch(r"\d+\.\d+", t):
            cands.add(float(t))
        out.extend(cands)
    # Thousands grouped by spaces: "1 046 385".
    for tok in re.findall(r"(?<![\d.,])\d{1,3}(?: \d{3})+(?![\d.,]\d)", s):
        out.append(float(tok.replace(" ", "")))
    return out

def value_in_evidence(value, ev):
    scales = [1]
    if "triệu" in ev: scales.append(1e6)
    if "tỷ" in ev: scales.append(1e9)
    if "ngàn" in ev or "nghìn" in ev: scales.append(1e3)
    for n in vn_numbers(ev):
        for k in scales:
            if abs(n * k - value) < 1e-6 * max(1, abs(value)):
                return True
    return False

def num(t):
    return float(t.replace(".", "").replace(",", ".")) if re.fullmatch(r"\d{1,3}(\.\d{3})+(,\d+)?", t) else float(t.replace(",", "."))

NUM = r"\d[\d.,]*\d|\d"

def check_arith(s):
    errs = []
    # sums / differences:  a + b - c = d
    for m in re.finditer(rf"((?:{NUM})(?:\s*[+\-]\s*(?:{NUM}))+)\s*=\s*({NUM})", s):
        expr, rhs = m.group(1), m.group(2)
        toks = re.findall(rf"[+\-]|{NUM}", expr)
        total, sign = 0.0, 1
        for t in toks:
            if t == "+": sign = 1
            elif t == "-": sign = -1
            else: total += sign * num(t)
        if abs(total - num(rhs)) > 1e-6:
            errs.append(f"arith: {m.group(0)!r} evaluates to {total}")
    # a/b = p%
    for m in re.finditer(rf"({NUM})\s*/\s*({NUM})\s*=\s*({NUM})%", s):
        a, b, p = num(m.group(1)), num(m.group(2)), num(m.group(3))
        if abs(a / b * 100 - p) > 0.006:
            errs.append(f"ratio: {m.group(0)!r} is {a/b*100:.4f}%")
    # p% = a/b (q)   -> a/b must round to p at p's precision, and q is a/b
    for m in re.finditer(rf"({NUM})%\s*=\s*(\(?[^()=]*?\)?)/({NUM})(?:\s*\(({NUM})\))?", s):
        p = m.group(1)
        numer = m.group(2).strip()
        if numer.startswith("(") and numer.endswith(")"):
            a = sum(num(x) for x in re.findall(NUM, numer))
        else:
            a = num(numer)
        b = num(m.group(3))
        val = a / b * 100
        dec = len(p.split(",")[1]) if "," in p else 0
        if round(val + 1e-12, dec) != round(num(p), dec):
            errs.append(f"rounding: {m.group(0)!r}: actual {val:.4f}")
        if m.group(4):
            q = m.group(4); qd = len(q.split(",")[1]) if "," in q else 0
            if round(val, qd) != num(q):
                errs.append(f"detail: {m.group(0)!r}: actual {val:.4f}")
    return errs

def main():
    catalog = set()
    spec = os.path.join(HERE, "..", "..", "rules", "metrics.tsv")
    if os.path.exists(spec):
        with open(spec, encoding="utf-8") as f:
            catalog = {r["code"] for r in csv.DictReader(f, delimiter="\t")}
    # Provinces of both eras: the 63 until 2025-06-30 and the 34 units
    # from 2025-07-01 (a report on a later period names a unit).
    provinces = {}
    pdir = os.path.join(HERE, "..", "..", "normalize", "data", "provinces")
    for name in ("provinces-63-until-2025-06-30.csv", "provinces-34-from-2025-07-01.csv"):
        pcsv = os.path.join(pdir, name)
        if os.path.exists(pcsv):
            with open(pcsv, encoding="utf-8") as f:
                for r in csv.DictReader(f):
                    provinces.setdefault(r["code"], set()).add(r["name"])
    bad = 0
    # The folder to check: the one given, else this script's own.
    folder = sys.argv[1] if len(sys.argv) > 1 and os.path.isdir(sys.argv[1]) else HERE
    golds = sorted(glob.glob(os.path.join(folder, "*.json")))
    for gp in golds:
        errs = []
        g = json.load(open(gp, encoding="utf-8"))
        stem = os.path.splitext(os.path.basename(gp))[0]
        for k in KEYS:
            if k not in g: errs.append(f"missing key {k}")
        if g.get("document") != stem: errs.append("document != file stem")
        if provinces and g["province"] not in provinces.get(g["province_code"], ()):
            errs.append(f"province {g['province']} / code {g['province_code']} mismatch")
        src = os.path.join(folder, g["sources"][0])
        text = norm(open(src, encoding="utf-8").read())
        seen = set()
        for m in g["metrics"]:
            code, v, ev = m["metric"], m["value"], m["evidence"]
            if catalog and code not in catalog: errs.append(f"unknown metric {code}")
            if code in seen: errs.append(f"duplicate metric {code}")
            seen.add(code)
            if m.get("qualifier") not in (None, "approx", "over", "under"):
                errs.append(f"{code}: bad qualifier")
            if norm(ev) not in text: errs.append(f"{code}: evidence not in text: {ev!r}")
            if code == "soc.status":
                if v not in STATUSES: errs.append(f"soc.status {v!r}")
            elif code == "soc.ncsc_connected":
                if not isinstance(v, bool): errs.append("soc.ncsc_connected not bool")
            elif not value_in_evidence(v, ev) and not m.get("reading"):
                # "reading" says how an oddly written number is read.
                errs.append(f"{code}: value {v} not readable from evidence {ev!r}")
        for b in g["budget_items"]:
            if norm(b["name"]) not in text: errs.append(f"budget item name not in text: {b['name']!r}")
            if norm(b["owner"]) not in text: errs.append(f"budget owner not in text: {b['owner']!r}")
            tr = b["amount_vnd"] / 1e6
            s = f"{int(tr):,}".replace(",", ".")
            if tr != int(tr):
                s += "," + f"{tr:.3f}".split(".")[1].rstrip("0")
            if not re.search(rf"(?<![\d.,]){re.escape(s)}(?![\d,]|\.\d)", text):
                errs.append(f"budget amount {s} not in text")
        for fl in g["flags"] + g["optional_flags"]:
            if fl["kind"] not in ("sum", "ratio"): errs.append(f"flag kind {fl['kind']}")
            errs += check_arith(fl["why"])
        for s in g["must_not_flag"]:
            errs += check_arith(s)
        print(f"{'OK ' if not errs else 'BAD'} {stem}: {len(g['metrics'])} metrics, "
              f"{len(g['budget_items'])} budget items, {len(g['flags'])} flags")
        for e in errs: print("    " + e)
        bad += bool(errs)
    sys.exit(1 if bad else 0)

if __name__ == "__main__":
    main()
