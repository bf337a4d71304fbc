package synth

import (
	"fmt"
	"math"
	"strings"
)

// relation ties a stated figure to the figures it is computed from.
type relation struct {
	kind  string // "sum" (about = Σ parts), "diff" (about = parts[0] - parts[1]) or "ratio" (about = parts[0]/parts[1] %)
	about string
	parts []string
}

// relations are the checks a reader can make on a report's figures.
var relations = []relation{
	{"sum", "tthc.total", []string{"tthc.provincial", "tthc.district", "tthc.commune", "tthc.multilevel"}},
	{"sum", "records.total", []string{"records.level2", "records.level3", "records.level4"}},
	{"sum", "records.online", []string{"records.online_level3", "records.online_level4"}},
	{"sum", "edoc.total", []string{"edoc.internal", "edoc.external"}},
	{"sum", "cert.total", []string{"cert.personal", "cert.organization"}},
	{"diff", "cert.active", []string{"cert.total", "cert.revoked"}},
	{"sum", "staff.it_total", []string{"staff.it_departments", "staff.it_district"}},
	{"ratio", "dvc.level4_rate", []string{"dvc.level4", "tthc.total"}},
	{"ratio", "records.online_rate", []string{"records.online", "records.total"}},
	{"ratio", "edoc.signed_rate", []string{"edoc.signed", "edoc.total"}},
}

// parts returns the parts of r that exist in this report.
func (g *gen) parts(r relation) []string {
	var ps []string
	for _, p := range r.parts {
		if g.figs[p] != nil {
			ps = append(ps, p)
		}
	}
	return ps
}

// compute returns the value r gives from its parts.
func (g *gen) compute(r relation) float64 {
	ps := g.parts(r)
	switch r.kind {
	case "sum":
		t := 0.0
		for _, p := range ps {
			t += g.figs[p].v
		}
		return t
	case "diff":
		return g.figs[ps[0]].v - g.figs[ps[1]].v
	}
	return round(g.figs[ps[0]].v/g.figs[ps[1]].v*100, 2)
}

// derive sets r.about from its parts, or, when plant is set, to a value
// that differs from it, recording the plant.
func (g *gen) derive(r relation, unit string, plant bool) {
	ps := g.parts(r)
	if len(ps) < 2 && r.kind != "sum" || len(ps) == 0 {
		return
	}
	v := g.compute(r)
	if plant {
		if r.kind == "ratio" {
			d := round(0.3+g.rng.Float64()*2.7, 2)
			if g.chance(0.5) && v-d > 0 {
				d = -d
			}
			v = round(v+d, 2)
		} else {
			d := math.Max(1, math.Round(v*(0.002+g.rng.Float64()*0.03)))
			if g.chance(0.5) && v-d > 0 {
				d = -d
			}
			v += d
		}
		g.planted[r.about] = true
	}
	g.set(r.about, unit, v)
}

// figures draws a consistent set of figures, with at most two planted
// inconsistencies.
func (g *gen) figures() {
	// Which relation, if any, to make inconsistent.
	plant := map[string]bool{}
	for n := 0; n < 2; n++ {
		if g.chance([]float64{0.35, 0.12}[n]) {
			plant[relations[g.rng.IntN(len(relations))].about] = true
		}
	}
	rel := func(about string) relation {
		for _, r := range relations {
			if r.about == about {
				return r
			}
		}
		panic("synth: no relation " + about)
	}
	city := 1.0
	if g.p.City {
		city = 1.3
	}
	// Year drives maturity: later years have more online services.
	y := float64(g.year - 2019)

	g.set("tthc.provincial", "count", g.between(900, 1700))
	g.set("tthc.district", "count", g.between(150, 360))
	g.set("tthc.commune", "count", g.between(80, 170))
	if g.chance(0.35) {
		g.set("tthc.multilevel", "count", g.between(8, 45))
	}
	g.derive(rel("tthc.total"), "count", plant["tthc.total"])
	total := g.figs["tthc.total"].v
	l4 := math.Round(total * (0.15 + 0.07*y + g.rng.Float64()*0.15))
	l3 := math.Round((total - l4) * (0.2 + g.rng.Float64()*0.4))
	g.set("dvc.level4", "count", l4)
	g.set("dvc.level3", "count", l3)
	if g.chance(0.8) {
		g.derive(rel("dvc.level4_rate"), "percent", plant["dvc.level4_rate"])
	}
	g.set("dvc.level3_with_records", "count", math.Round(l3*(0.2+g.rng.Float64()*0.5)))
	g.set("dvc.level4_with_records", "count", math.Round(l4*(0.2+g.rng.Float64()*0.6)))
	g.set("dvc.national_portal", "count", math.Round((l3+l4)*(0.4+g.rng.Float64()*0.6)))

	scale := city * (0.5 + g.rng.Float64()*2)
	g.set("records.level2", "count", math.Round(scale*g.between(100000, 450000)))
	g.set("records.level3", "count", math.Round(scale*g.between(30000, 240000)))
	g.set("records.level4", "count", math.Round(scale*g.between(5000, 90000)*(1+y/3)))
	g.set("records.online_level3", "count", math.Round(g.figs["records.level3"].v*(0.1+g.rng.Float64()*0.5)))
	g.set("records.online_level4", "count", math.Round(g.figs["records.level4"].v*(0.5+g.rng.Float64()*0.5)))
	g.derive(rel("records.total"), "count", plant["records.total"])
	g.set("records.resolved", "count", math.Round(g.figs["records.total"].v*(0.9+g.rng.Float64()*0.09)))
	g.set("records.on_time_rate", "percent", round(85+g.rng.Float64()*14.9, 1))
	g.derive(rel("records.online"), "count", plant["records.online"])
	g.derive(rel("records.online_rate"), "percent", plant["records.online_rate"])

	tx := g.between(800, 60000)
	g.set("payment.transactions", "count", tx)
	g.set("payment.successful", "count", math.Round(tx*(0.5+g.rng.Float64()*0.45)))
	g.set("payment.amount_vnd", "vnd", g.between(5, 300)*1e8)

	g.set("edoc.internal", "count", math.Round(scale*g.between(150000, 900000)))
	g.set("edoc.external", "count", math.Round(scale*g.between(10000, 90000)))
	g.derive(rel("edoc.total"), "count", plant["edoc.total"])
	g.set("edoc.signed", "count", math.Round(g.figs["edoc.total"].v*(0.8+g.rng.Float64()*0.2)))
	g.derive(rel("edoc.signed_rate"), "percent", plant["edoc.signed_rate"])
	g.set("email.accounts", "count", g.between(3000, 60000))

	g.set("cert.personal", "count", g.between(1500, 9000))
	g.set("cert.organization", "count", g.between(300, 2000))
	g.derive(rel("cert.total"), "count", plant["cert.total"])
	g.set("cert.revoked", "count", g.between(20, 400))
	g.derive(rel("cert.active"), "count", plant["cert.active"])
	g.set("cert.sim_pki", "count", g.between(100, 2500))

	statuses := []string{"none", "planned", "pilot", "in_progress", "operational"}
	st := statuses[min(len(statuses)-1, g.rng.IntN(3)+int(y)/2)]
	g.figs["soc.status"] = &fig{unit: "status", str: st}
	g.figs["soc.ncsc_connected"] = &fig{unit: "bool", b: st == "operational" || st == "pilot" && g.chance(0.5)}

	g.set("sec.malware_protected_machines", "count", g.between(1500, 12000))
	g.set("sec.malware_removed", "count", g.between(200, 20000))
	g.set("sec.incidents", "count", g.between(0, 40))
	g.set("httt.total", "count", g.between(20, 120))
	g.set("httt.level2_approved", "count", math.Round(g.figs["httt.total"].v*(0.1+g.rng.Float64()*0.4)))
	g.set("httt.level3_approved", "count", g.between(1, 9))
	g.set("staff.it_departments", "count", g.between(25, 110))
	g.set("staff.it_district", "count", g.between(8, 40))
	g.derive(rel("staff.it_total"), "count", plant["staff.it_total"])
	g.set("data.shared_databases", "count", g.between(3, 40))

	// Distractors: figures that are written but are not metrics.
	g.set("x.nat_tthc", "count", math.Round(total*(0.6+g.rng.Float64()*0.3)))
	g.set("x.plan4", "count", l4+g.between(50, 300))
	g.set("x.planrate", "count", g.between(30, 80))
	g.set("x.hosp", "count", g.between(2, 12))
	g.set("x.ttyt", "count", g.between(8, 20))
	g.set("x.tyt", "count", g.between(90, 400))
	g.set("x.lan", "count", g.between(120, 600))
	g.set("x.growth", "count", g.between(5, 60))
	g.set("x.national", "count", g.between(2500, 4500))
	g.set("x.account946", "count", g.between(200, 2000))
}

// statedFlags returns the planted inconsistencies whose figures the
// report all states.
func (g *gen) statedFlags() []Flag {
	flags := []Flag{}
	for _, r := range relations {
		if !g.planted[r.about] || !g.allStated(r) {
			continue
		}
		stated, computed := g.figs[r.about].v, g.compute(r)
		flags = append(flags, Flag{
			Kind:     map[string]string{"sum": "sum", "diff": "sum", "ratio": "ratio"}[r.kind],
			About:    r.about,
			Stated:   stated,
			Computed: computed,
			Why:      g.why(r) + ", stated " + g.fmtValue(r.about),
		})
	}
	return flags
}

func (g *gen) allStated(r relation) bool {
	ps := g.parts(r)
	if !g.stated[r.about] || len(ps) < 2 {
		return false
	}
	for _, p := range ps {
		if !g.stated[p] {
			return false
		}
	}
	return true
}

// why writes the computation of r, as "1.249 + 191 + 103 = 1.543".
func (g *gen) why(r relation) string {
	ps := g.parts(r)
	var vs []string
	for _, p := range ps {
		vs = append(vs, g.st.fmtInt(int64(g.figs[p].v)))
	}
	switch r.kind {
	case "sum":
		return strings.Join(vs, " + ") + " = " + g.st.fmtInt(int64(g.compute(r)))
	case "diff":
		return strings.Join(vs, " - ") + " = " + g.st.fmtInt(int64(g.compute(r)))
	}
	return fmt.Sprintf("%s/%s = %s%%", vs[0], vs[1], g.st.fmtDec(g.compute(r), 2, false))
}

func (g *gen) fmtValue(code string) string {
	f := g.figs[code]
	if f.unit == "percent" {
		return g.st.fmtDec(f.v, 2, false) + "%"
	}
	return g.st.fmtInt(int64(f.v))
}

// mustNot lists the consistent relations the report states in full, which
// a checker must not flag.
func (g *gen) mustNot() []string {
	out := []string{}
	for _, r := range relations {
		if g.planted[r.about] || !g.allStated(r) {
			continue
		}
		out = append(out, r.about+" = "+g.why(r))
	}
	return out
}
