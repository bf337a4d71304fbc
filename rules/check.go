package rules

import (
	"github.com/baocao/baocao/rules/report"
	"math"
	"sort"
	"strings"

	"github.com/baocao/baocao/normalize"
)

// CheckInput is what the checks see.
type CheckInput struct {
	// Doc is the normalized report; it may be nil in unit tests of
	// declarative checks.
	Doc *normalize.Doc
	// Figures holds the chosen value per metric.
	Figures []report.Figure
	// Candidates holds every candidate value the extraction rules found
	// (the chosen ones included), for "stated twice" checks.
	Candidates []report.Figure
	// Numbers holds the numbers of each of Doc's paragraphs, as
	// normalize.ScanNumbers finds them, where the caller has them
	// already; nil to scan the paragraphs here.
	Numbers [][]normalize.Number
}

// RunChecks runs every check and returns the flags, sorted by severity
// then position, de-duplicated: a text claim and a declarative check
// about the same numbers give one flag.
func RunChecks(in CheckInput) []report.Flag {
	var flags []report.Flag
	flags = append(flags, runDeclared(in.Figures)...)
	flags = append(flags, checkDuplicates(in.Candidates)...)
	if in.Doc != nil {
		for i := range in.Doc.Paras {
			var nums []normalize.Number
			if i < len(in.Numbers) {
				nums = in.Numbers[i]
			} else {
				nums = normalize.ScanNumbers(in.Doc.Paras[i].Text)
			}
			flags = append(flags, checkClaims(&in.Doc.Paras[i], nums)...)
		}
		for i := range in.Doc.Tables {
			flags = append(flags, checkTable(&in.Doc.Tables[i])...)
		}
	}
	return dedupFlags(flags)
}

// sevRank orders severities: errors first.
func sevRank(s report.Severity) int {
	switch s {
	case report.Error:
		return 0
	case report.Warning:
		return 1
	}
	return 2
}

// flagPos is the position of a flag's first evidence.
func flagPos(f report.Flag) (int, int) {
	if len(f.Evidence) == 0 {
		return math.MaxInt, math.MaxInt
	}
	return f.Evidence[0].Page, f.Evidence[0].Line
}

// dedupFlags sorts flags by severity then position and drops a flag whose
// stated and computed values repeat those of an earlier flag of the same
// family (a ratio claim and a rate check; a list sum and a declared sum).
func dedupFlags(flags []report.Flag) []report.Flag {
	sort.SliceStable(flags, func(i, j int) bool {
		a, b := flags[i], flags[j]
		if ra, rb := sevRank(a.Severity), sevRank(b.Severity); ra != rb {
			return ra < rb
		}
		pa, la := flagPos(a)
		pb, lb := flagPos(b)
		if pa != pb {
			return pa < pb
		}
		if la != lb {
			return la < lb
		}
		// Declarative checks (with a metric code) before text claims.
		_, ka := Lookup(a.Metric)
		_, kb := Lookup(b.Metric)
		return ka && !kb
	})
	var out []report.Flag
	for _, f := range flags {
		dup := false
		for _, g := range out {
			if family(f.Check) == family(g.Check) && sameValue(f.Stated, g.Stated) && sameValue(f.Computed, g.Computed) {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, f)
		}
	}
	return out
}

// family groups the check kinds that can describe the same numbers.
func family(check string) string {
	switch check {
	case "sum", "table_total", "difference":
		return "sum"
	case "ratio", "shares":
		return "ratio"
	}
	return check
}

func sameValue(a, b float64) bool {
	return math.Abs(a-b) <= math.Max(0.011, 1e-9*math.Abs(b))
}

// interval is a closed range of values a figure may take.
type interval struct{ lo, hi float64 }

// approxTol is the relative slack given to a figure stated as "khoảng".
const approxTol = 0.05

// spanOf returns the interval of value v with qualifier q.
func spanOf(v float64, q normalize.Qualifier) interval {
	switch q {
	case normalize.Over:
		return interval{v, math.Inf(1)}
	case normalize.Under:
		return interval{math.Inf(-1), v}
	case normalize.Approx:
		d := math.Abs(v) * approxTol
		return interval{v - d, v + d}
	}
	return interval{v, v}
}

func (a interval) add(b interval) interval { return interval{a.lo + b.lo, a.hi + b.hi} }
func (a interval) sub(b interval) interval { return interval{a.lo - b.hi, a.hi - b.lo} }

// exact reports whether the interval is a single value.
func (a interval) exact() bool { return a.lo == a.hi }

// overlaps reports whether a and b share a value, with a relative slack
// for float error.
func (a interval) overlaps(b interval) bool {
	m := 1.0
	for _, v := range []float64{a.lo, a.hi, b.lo, b.hi} {
		if !math.IsInf(v, 0) {
			m = math.Max(m, math.Abs(v))
		}
	}
	eps := 1e-9 * m
	return a.lo <= b.hi+eps && b.lo <= a.hi+eps
}

// quotient returns 100·n/d over the intervals, for positive values.
func quotient(n, d interval) (interval, bool) {
	if d.lo <= 0 || n.lo < 0 {
		return interval{}, false
	}
	return interval{100 * n.lo / d.hi, 100 * n.hi / d.lo}, true
}

// rateConsistent reports whether a stated percentage p, shown with dec
// decimals and qualified by q, can be the computed range c rounded or
// truncated to dec decimals.
func rateConsistent(p float64, dec int, q normalize.Qualifier, c interval) bool {
	unit := math.Pow(10, -float64(dec))
	const eps = 1e-9
	var s interval
	switch q {
	case normalize.Over:
		s = interval{p - unit/2, math.Inf(1)}
	case normalize.Under:
		s = interval{math.Inf(-1), p + unit}
	case normalize.Approx:
		d := math.Max(unit, math.Abs(p)*approxTol)
		s = interval{p - d, p + d}
	default:
		// round(c) == p  ⇔ c ∈ [p−u/2, p+u/2); trunc(c) == p ⇔ c ∈ [p, p+u).
		s = interval{p - unit/2 - eps, p + unit - eps}
	}
	return c.lo <= s.hi && s.lo <= c.hi
}

// qualWord describes a qualified value for a message.
func qualWord(v float64, q normalize.Qualifier, percent bool) string {
	s := fmtNum(v)
	if percent {
		s += "%"
	}
	switch q {
	case normalize.Over:
		return "over " + s
	case normalize.Under:
		return "under " + s
	case normalize.Approx:
		return "about " + s
	}
	return s
}

// labelCode is "Label (code)" for messages.
func labelCode(code string) string {
	return Label(code) + " (" + code + ")"
}

// figEvidence turns a figure into evidence.
func figEvidence(f report.Figure) report.Evidence {
	return report.Evidence{Metric: f.Metric, Value: f.Value.Num, Text: f.Text, Page: f.Page, Line: f.Line, Box: f.Box}
}

// trimClaim trims a claim text for Metric and messages.
func trimClaim(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
