package synth

import (
	"fmt"
	"math"
	"strings"

	"github.com/baocao/baocao/rules"
)

// The generator's figures obey the relations the rules check
// (rules.Relations): totals are the sums of their parts, differences and
// rates are computed from their figures, and a planted inconsistency is a
// relation made false on purpose, which the gold records as a flag.

// relation returns the sum, difference or ratio the rules declare about
// a metric.
func relation(about string) rules.Relation {
	for _, r := range rules.Relations() {
		if r.Whole == about && (r.Kind == rules.Sum || r.Kind == rules.Difference || r.Kind == rules.Ratio) {
			return r
		}
	}
	panic("synth: the rules declare no sum, difference or ratio about " + about)
}

// operand is a figure a relation is computed from, with its sign.
type operand struct {
	code string
	neg  bool
}

// operands returns the figures of this report that r is computed from,
// in order: its terms (the optional ones that exist included) and, for a
// ratio, its denominator last.
func (g *gen) operands(r rules.Relation) []operand {
	var ops []operand
	add := func(c string) {
		neg := strings.HasPrefix(c, "-")
		c = strings.TrimPrefix(c, "-")
		if g.figs[c] != nil {
			ops = append(ops, operand{c, neg})
		}
	}
	for _, c := range r.Terms {
		add(c)
	}
	for _, c := range r.Optional {
		add(c)
	}
	if r.Kind == rules.Ratio {
		add(r.Den)
	}
	return ops
}

// compute returns the value r gives from the figures of this report.
func (g *gen) compute(r rules.Relation) float64 {
	ops := g.operands(r)
	t := 0.0
	for _, o := range ops {
		if r.Kind == rules.Ratio && o.code == r.Den {
			break
		}
		if o.neg {
			t -= g.figs[o.code].v
		} else {
			t += g.figs[o.code].v
		}
	}
	if r.Kind == rules.Ratio {
		return round(t/g.figs[ops[len(ops)-1].code].v*100, 2)
	}
	return t
}

// derive sets the figure a relation is about from the figures it is
// computed from, or, when plant is set, to a value that differs from it,
// recording the plant.
func (g *gen) derive(about string, plant bool) {
	r := relation(about)
	ops := g.operands(r)
	if len(ops) < 2 && r.Kind != rules.Sum || len(ops) == 0 {
		return
	}
	v := g.compute(r)
	if plant {
		if r.Kind == rules.Ratio {
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
		g.planted[about] = true
	}
	g.set(about, v)
}

// statedFlags returns the planted inconsistencies whose figures the
// report all states.
func (g *gen) statedFlags() []rules.GoldFlag {
	flags := []rules.GoldFlag{}
	for _, about := range plantable {
		r := relation(about)
		if !g.planted[about] || !g.allStated(r) {
			continue
		}
		kind := "sum"
		if r.Kind == rules.Ratio {
			kind = "ratio"
		}
		flags = append(flags, rules.GoldFlag{
			Kind:     kind,
			About:    about,
			Stated:   g.figs[about].v,
			Computed: g.compute(r),
			Why:      g.why(r) + ", stated " + g.fmtValue(about),
		})
	}
	return flags
}

// allStated reports whether the report states r's figure and every
// figure it is computed from.
func (g *gen) allStated(r rules.Relation) bool {
	ops := g.operands(r)
	if !g.stated[r.Whole] || len(ops) < 2 {
		return false
	}
	for _, o := range ops {
		if !g.stated[o.code] {
			return false
		}
	}
	return true
}

// why writes the computation of r, as "1.249 + 191 + 103 = 1.543".
func (g *gen) why(r rules.Relation) string {
	ops := g.operands(r)
	if r.Kind == rules.Ratio {
		return fmt.Sprintf("%s/%s = %s%%", g.st.fmtInt(int64(g.figs[ops[0].code].v)), g.st.fmtInt(int64(g.figs[ops[len(ops)-1].code].v)),
			g.st.fmtDec(g.compute(r), 2, false))
	}
	var b strings.Builder
	for i, o := range ops {
		switch {
		case o.neg:
			b.WriteString(" - ")
		case i > 0:
			b.WriteString(" + ")
		}
		b.WriteString(g.st.fmtInt(int64(g.figs[o.code].v)))
	}
	return b.String() + " = " + g.st.fmtInt(int64(g.compute(r)))
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
	for _, about := range plantable {
		r := relation(about)
		if g.planted[about] || !g.allStated(r) {
			continue
		}
		out = append(out, about+" = "+g.why(r))
	}
	return out
}
