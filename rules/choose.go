package rules

import (
	"fmt"
	"math"
	"sort"

	"github.com/baocao/baocao/normalize"
	"github.com/baocao/baocao/rules/report"
)

// candidate is one value a rule found, with the features the choice
// between candidates reads (see the package documentation, "Choosing
// one value").
type candidate struct {
	report.Figure
	// prio is the rule's priority: 30, 25 or 20 for sentence rules, 10
	// for context rules.
	prio int
	// order is the figure's position in the document: body, then
	// footnotes, then tables.
	order int
	// part is the part of the document the figure stands in: the body,
	// or the title.
	part part
	// approx marks a figure written with a qualifier ("hơn", "gần",
	// "khoảng") or a scale word ("2,5 triệu"): a rounded statement.
	approx bool
	// unit is the value of one unit of the figure's last written digit
	// (1 for "25.318", 1.000 for "hơn 25.000", 100.000 for "2,5
	// triệu"): how finely it is stated.
	unit float64
	// scope is whose figure it is: the province's, a sub-unit's or
	// another unit's (scope.go).
	scope scope
	// clause is the lower-cased text of the figure's clause before it,
	// and sentence the lower-cased sentence that holds it (across
	// semicolons), for a family's Resolve.
	clause, sentence string
}

// part is the part of the document a figure stands in.
type part int

const (
	inBody  part = iota
	inTitle      // the document's title or a heading before its body
)

func (p part) String() string {
	if p == inTitle {
		return "title"
	}
	return "body"
}

// resolution returns the value of one unit of the last digit of a
// number written with decimals decimals and scaled by scale ("2,5
// triệu": decimals 1, scale 1e6 → 100.000). For an approximate count,
// trailing zeros are rounding ("hơn 25.000" → 1.000); a percentage's are
// not ("trên 90%" is stated to the unit).
func resolution(v float64, decimals int, scale float64, approx, percent bool) float64 {
	if scale == 0 {
		scale = 1
	}
	u := math.Pow(10, -float64(decimals)) * scale
	if approx && !percent && decimals == 0 {
		for w := math.Round(v / scale); w >= 10 && math.Mod(w, 10) == 0; w /= 10 {
			u *= 10
		}
	}
	return u
}

// span returns the values a rounded statement may stand for: "hơn
// 25.000" is 25.000 to 26.000, "gần 14.600" 14.500 to 14.600, "khoảng
// 2,5 triệu" or "2,5 triệu" 2,4 to 2,6 triệu. The slack is one unit of
// the last written digit, and at least 2 % of the value.
func (c *candidate) span() interval {
	v := c.Value.Num
	tol := math.Max(c.unit, 0.02*math.Abs(v))
	switch normalize.Qualifier(c.Qualifier) {
	case normalize.Over:
		return interval{v, v + tol}
	case normalize.Under:
		return interval{v - tol, v}
	}
	return interval{v - tol, v + tol}
}

// refines reports whether b states the same fact as the rounded
// statement a, more finely: a is approximate, b is written to a finer
// digit (or is exact where a is not), and b's value is one a may stand
// for. "tiếp nhận 25.318 hồ sơ" refines "Hơn 25.000 hồ sơ".
func (b *candidate) refines(a *candidate) bool {
	if !a.approx || a.Value.Kind != report.Number || b.Value.Kind != report.Number {
		return false
	}
	if !(b.unit < a.unit || !b.approx && b.unit <= a.unit) {
		return false
	}
	s := a.span()
	return s.lo <= b.Value.Num && b.Value.Num <= s.hi
}

// outranks reports whether a ranks before b: higher priority, then the
// body before the title, then earlier in the document.
//
// The distance between a figure and its metric's words was a feature
// too (a figure next to its words before one a rule reached far for),
// and was dropped: on every evaluation set it changed nothing but one
// budget total of testdata/eval-blind, for the worse.
func (a *candidate) outranks(b *candidate) bool {
	if a.prio != b.prio {
		return a.prio > b.prio
	}
	if a.part != b.part {
		return a.part < b.part
	}
	return a.order < b.order
}

// why says which feature made a outrank b.
func (a *candidate) why(b *candidate) string {
	switch {
	case a.refines(b):
		return "more precise"
	case a.prio != b.prio:
		return "higher priority"
	case a.part != b.part:
		return "body over title"
	}
	return "earlier in the document (close call)"
}

// maxAlternatives is how many runner-ups with other values a figure
// lists.
const maxAlternatives = 3

// choose picks one value per metric among the candidates of the
// province's scope (the others become sub-unit figures, see
// scopeFigures): the best ranked by priority, part and position, unless a candidate refines it (states the same fact more
// finely), which then wins, and so on. Runner-ups with other values
// become the figure's Alternatives and a warning that says why the
// chosen one won; a decision made only by position is a close call.
func choose(cands []candidate) ([]report.Figure, []string) {
	headlineScopes(cands)
	by := map[string][]*candidate{}
	for i := range cands {
		c := &cands[i]
		if c.scope.kind != scopeProvince {
			continue
		}
		by[c.Metric] = append(by[c.Metric], c)
	}
	var out []report.Figure
	var warns []string
	for _, m := range built().catalog {
		cs := by[m.Code]
		if len(cs) == 0 {
			continue
		}
		sort.SliceStable(cs, func(i, j int) bool { return cs[i].outranks(cs[j]) })
		best := cs[0]
		for changed := true; changed; {
			changed = false
			for _, c := range cs {
				if c != best && c.refines(best) {
					best, changed = c, true
					break
				}
			}
		}
		f := best.Figure
		seen := map[string]bool{best.Value.String(): true}
		for _, c := range cs {
			if seen[c.Value.String()] || best.refines(c) && c != best {
				continue
			}
			seen[c.Value.String()] = true
			if len(f.Alternatives) == 0 {
				warns = append(warns, fmt.Sprintf("%s: chose %s (rule %s, line %d) over %s (rule %s, line %d): %s",
					m.Code, best.Value, best.Rule, best.Line, c.Value, c.Rule, c.Line, best.why(c)))
			}
			if len(f.Alternatives) < maxAlternatives {
				a := report.Alternative{Value: c.Value, Qualifier: c.Qualifier, Rule: c.Rule, Page: c.Page, Line: c.Line}
				if c.Text != f.Text {
					a.Text = c.Text
				}
				f.Alternatives = append(f.Alternatives, a)
			}
		}
		out = append(out, f)
	}
	return out, warns
}

// headlineScopes gives a figure of the title the scope of the body's
// statement of it where the body states that value of that metric only
// for a sub-unit or another unit: "Tỷ lệ tiếp nhận hồ sơ trực tuyến đạt
// trên 80%" above "4/13 sở, ngành có tỷ lệ tiếp nhận hồ sơ trực tuyến
// trên 80%" is the departments' rate, shortened by the headline. It
// changes cands in place, before choose and subUnitFigures read them.
func headlineScopes(cands []candidate) {
	for i := range cands {
		t := &cands[i]
		if t.part != inTitle || t.scope.kind != scopeProvince {
			continue
		}
		var other *candidate
		for j := range cands {
			b := &cands[j]
			if b.part != inBody || b.Metric != t.Metric || b.Value != t.Value || b.Qualifier != t.Qualifier {
				continue
			}
			if b.scope.kind == scopeProvince {
				other = nil
				break // the body states it of the province too
			}
			if other == nil {
				other = b
			}
		}
		if other != nil {
			t.scope = other.scope
		}
	}
}

// headlinesOfOtherFacts drops a bare count of the title that the body
// writes only as a rounded figure of another fact: where no body
// candidate of its metric has a value the headline may stand for, but
// the body writes that value with a qualifier ("gần 41 ngàn") and never
// exactly, the headline dropped the qualifier of a figure the rules read
// as no statement of the metric ("xử lý 41.000 hồ sơ" above "đã giải
// quyết đúng và trước hạn gần 41 ngàn": files resolved on time, not all
// the files resolved). A body that writes the headline's value exactly
// restates it, in wording the rules may miss, and keeps it. nums are
// the numbers of each paragraph of doc (scanParas).
func headlinesOfOtherFacts(cands []candidate, doc *normalize.Doc, nums [][]normalize.Number) []candidate {
	var heads map[*normalize.Para]bool
	out := cands[:0]
	for i := range cands {
		t := &cands[i]
		if t.part != inTitle || t.scope.kind != scopeProvince || t.Value.Kind != report.Number || t.approx {
			out = append(out, *t)
			continue
		}
		stated := false // the body states the metric with this value
		for j := range cands {
			b := &cands[j]
			if b.part == inBody && b.Metric == t.Metric && (b.Value == t.Value || b.refines(t) || t.refines(b)) {
				stated = true
				break
			}
		}
		if !stated {
			if heads == nil {
				heads = titleParas(doc)
			}
			stated = !bodyRounds(doc, nums, heads, t.Value.Num)
		}
		if stated {
			out = append(out, *t)
		}
	}
	return out
}

// bodyRounds reports whether the paragraphs of doc outside the title
// write v only as a rounded figure that may stand for it ("gần 25
// ngàn"), never exactly.
func bodyRounds(doc *normalize.Doc, nums [][]normalize.Number, heads map[*normalize.Para]bool, v float64) bool {
	rounded := false
	for i := range doc.Paras {
		if heads[&doc.Paras[i]] || i >= len(nums) {
			continue
		}
		for _, n := range nums[i] {
			switch {
			case n.Kind != normalize.Count:
			case n.Qualifier == normalize.Exact && n.Value == v:
				return false
			case n.Qualifier != normalize.Exact && math.Abs(n.Value-v) <= 0.02*v:
				rounded = true
			}
		}
	}
	return rounded
}

// subUnitFigures returns the figures of sub-units and other units, one
// per metric, unit and value, best ranked first, in catalog order: the
// contract's Report.SubUnits.
func subUnitFigures(cands []candidate) []report.Figure {
	by := map[string][]*candidate{}
	for i := range cands {
		if c := &cands[i]; c.scope.kind != scopeProvince {
			by[c.Metric] = append(by[c.Metric], c)
		}
	}
	var out []report.Figure
	for _, m := range built().catalog {
		cs := by[m.Code]
		sort.SliceStable(cs, func(i, j int) bool { return cs[i].outranks(cs[j]) })
		seen := map[string]bool{}
		for _, c := range cs {
			k := c.scope.unit + "\x00" + c.Value.String()
			if seen[k] {
				continue
			}
			seen[k] = true
			f := c.Figure
			f.Scope = c.scope.unit
			out = append(out, f)
		}
	}
	return out
}
