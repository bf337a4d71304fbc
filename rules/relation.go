package rules

import (
	"fmt"
	"github.com/baocao/baocao/rules/report"
	"math"
	"strings"

	"github.com/baocao/baocao/normalize"
)

// RelKind is the kind of a [Relation]; it is the "check" of the flags
// the relation raises.
type RelKind string

// The kinds of relation.
const (
	// Sum: Whole = the sum of Terms (and of the Optional terms the
	// report gives); a term written "-code" is subtracted.
	Sum RelKind = "sum"
	// Difference: Whole = Terms[0] − Terms[1] (written "-code").
	Difference RelKind = "difference"
	// Ratio: Whole (a percentage) = 100 × the sum of Terms / Den.
	Ratio RelKind = "ratio"
	// PartOf: the sum of Terms ≤ Whole.
	PartOf RelKind = "part_le_whole"
	// Bound: Whole ≤ Max (a share is at most 100 %).
	Bound RelKind = "bound"
)

// Relation is an arithmetic fact about a family's metrics. The checks
// (RunChecks) test it on the figures of a report and flag a report whose
// figures break it; a ratio relation also tells the database how to
// recompute the rate from summed figures (report.Metric.Rate), and the
// synthetic corpus draws consistent figures from the relations.
type Relation struct {
	// ID names the check in flags and in docs/checks.md.
	ID   string
	Kind RelKind
	// Severity of a flag; by default Error, Warning for a Ratio.
	Severity report.Severity
	// Whole is the metric stated as the total (Sum, Difference), the
	// rate (Ratio), the whole (PartOf) or the bounded figure (Bound).
	Whole string
	// Terms are the metrics added up; a leading "-" subtracts. For a
	// Ratio the terms are the numerator.
	Terms []string
	// Optional terms are added when the report gives them.
	Optional []string
	// MayInclude are metrics a Sum's whole may already count beside its
	// Terms, when the report gives them: some reports count the SIM
	// certificates and even the revoked ones in the certificates issued
	// ("đã cấp 3.056 chứng thư số, trong đó cá nhân 2.241, tổ chức 416,
	// sim ký số 213, đã thu hồi 186"), others do not. The sum holds when
	// the whole equals the Terms plus any of them.
	MayInclude []string
	// Alt holds other numerators of a Ratio, tried in order when a term
	// of Terms is missing.
	Alt [][]string
	// Den is the denominator of a Ratio; AltDen are denominators a
	// report may mean instead: a rate that fits only one of them is
	// reported as Info, with both computations.
	Den    string
	AltDen []string
	// Max is the largest value of a Bound's Whole.
	Max float64
	// Msg is the message template; by default the kind's. {whole} is
	// "Label (code)" of Whole, {stated} and {computed} the two values,
	// {terms} the terms with their labels and values.
	Msg string
}

// Message templates by kind.
const (
	sumMsg   = "{whole} is stated as {stated} but its parts add up to {computed}: {terms}."
	diffMsg  = "{whole} is stated as {stated} but {terms} = {computed}."
	ratioMsg = "{whole} is stated as {stated} but {terms} = {computed}."
	partMsg  = "{terms} is more than {whole} {computed}, of which it is a part."
	boundMsg = "{whole} is stated as {stated}, more than {computed}, which it cannot exceed."
)

// shareBound is the Bound relation of a share: at most 100 %.
func shareBound(code string) Relation {
	return Relation{ID: code + ".max", Kind: Bound, Whole: code, Max: 100}
}

// relations returns the relations of every family, in family order.
func Relations() []Relation {
	var out []Relation
	for _, f := range familiesByOrder() {
		out = append(out, f.Relations...)
	}
	return out
}

// metrics returns every metric code the relation names.
func (c *Relation) metrics() []string {
	out := []string{c.Whole}
	for _, t := range c.Terms {
		out = append(out, strings.TrimPrefix(t, "-"))
	}
	out = append(out, c.Optional...)
	out = append(out, c.MayInclude...)
	for _, a := range c.Alt {
		out = append(out, a...)
	}
	if c.Den != "" {
		out = append(out, c.Den)
	}
	return append(out, c.AltDen...)
}

// severity returns the relation's severity.
func (c *Relation) severity() report.Severity {
	switch {
	case c.Severity != "":
		return c.Severity
	case c.Kind == Ratio:
		return report.Warning
	}
	return report.Error
}

// msg returns the relation's message template.
func (c *Relation) msg() string {
	if c.Msg != "" {
		return c.Msg
	}
	switch c.Kind {
	case Sum:
		return sumMsg
	case Difference:
		return diffMsg
	case Ratio:
		return ratioMsg
	case PartOf:
		return partMsg
	}
	return boundMsg
}

// figIndex maps metric codes to the chosen numeric figure.
type figIndex map[string]report.Figure

func indexFigures(figs []report.Figure) figIndex {
	ix := figIndex{}
	for _, f := range figs {
		if f.Value.Kind != report.Number || math.IsNaN(f.Value.Num) || math.IsInf(f.Value.Num, 0) {
			continue
		}
		if _, ok := ix[f.Metric]; !ok {
			ix[f.Metric] = f
		}
	}
	return ix
}

func (ix figIndex) spanOf(code string) interval {
	f := ix[code]
	return spanOf(f.Value.Num, qualOf(f.Qualifier))
}

// sameScope reports whether the figures a relation compares (its whole,
// the terms ts and its denominator) are about one scope: none of them
// is another agency's, the national portal's or another period's than
// the others (figureScope).
func (ix figIndex) sameScope(c *Relation, ts []term, sc scopeCache) bool {
	scope := sc.of(ix, c.Whole)
	for _, t := range ts {
		if sc.of(ix, t.code) != scope {
			return false
		}
	}
	if _, ok := ix[c.Den]; ok && c.Kind == Ratio && sc.of(ix, c.Den) != scope {
		return false
	}
	return true
}

// includes reports whether the whole w equals the terms ts plus some of
// the MayInclude metrics the report gives in the whole's scope.
func (c *Relation) includes(ix figIndex, sc scopeCache, w interval, ts []term) bool {
	var extra []term
	for _, m := range c.MayInclude {
		if _, ok := ix[m]; ok && sc.of(ix, m) == sc.of(ix, c.Whole) {
			extra = append(extra, term{code: m})
		}
	}
	for set := 1; set < 1<<len(extra); set++ {
		all := append([]term(nil), ts...)
		for i, e := range extra {
			if set&(1<<i) != 0 {
				all = append(all, e)
			}
		}
		if w.overlaps(ix.total(all)) {
			return true
		}
	}
	return false
}

// scopeCache holds the relation scope of each figure of a report, by
// metric code, computed once.
type scopeCache map[string]string

// of returns the relation scope of the figure of code.
func (sc scopeCache) of(ix figIndex, code string) string {
	s, ok := sc[code]
	if !ok {
		s = figureScope(ix[code], true)
		sc[code] = s
	}
	return s
}

// term is one figure in a computation, with its sign.
type term struct {
	code string
	neg  bool
}

// resolve returns the terms of codes, or false when one is missing.
func (ix figIndex) resolve(codes []string) ([]term, bool) {
	var ts []term
	for _, c := range codes {
		neg := strings.HasPrefix(c, "-")
		c = strings.TrimPrefix(c, "-")
		if _, ok := ix[c]; !ok {
			return nil, false
		}
		ts = append(ts, term{c, neg})
	}
	return ts, true
}

func (ix figIndex) total(ts []term) interval {
	var s interval
	for _, t := range ts {
		if t.neg {
			s = s.sub(ix.spanOf(t.code))
		} else {
			s = s.add(ix.spanOf(t.code))
		}
	}
	return s
}

// describe writes "Label v + Label v − Label v".
func (ix figIndex) describe(ts []term) string {
	var b strings.Builder
	for i, t := range ts {
		f := ix[t.code]
		switch {
		case i > 0 && t.neg:
			b.WriteString(" − ")
		case i > 0:
			b.WriteString(" + ")
		}
		b.WriteString(Label(t.code))
		b.WriteByte(' ')
		b.WriteString(qualWord(f.Value.Num, qualOf(f.Qualifier), isPercentMetric(t.code)))
	}
	return b.String()
}

func isPercentMetric(code string) bool {
	m, ok := Lookup(code)
	return ok && m.Unit == "percent"
}

// runDeclared checks every family's relations on the chosen figures.
func runDeclared(figs []report.Figure) []report.Flag {
	ix := indexFigures(figs)
	sc := scopeCache{}
	var flags []report.Flag
	for _, f := range familiesByOrder() {
		for i := range f.Relations {
			if fl, ok := f.Relations[i].run(ix, sc); ok {
				flags = append(flags, fl)
			}
		}
	}
	return flags
}

// run checks one relation; ok is false when it holds or cannot be
// checked (a figure it needs is missing).
func (c *Relation) run(ix figIndex, sc scopeCache) (report.Flag, bool) {
	whole, ok := ix[c.Whole]
	if !ok {
		return report.Flag{}, false
	}
	if c.Kind == Bound {
		return c.runBound(ix, whole)
	}
	ts, ok := ix.resolve(c.Terms)
	if !ok && c.Kind == Ratio {
		for _, alt := range c.Alt {
			if ts, ok = ix.resolve(alt); ok {
				break
			}
		}
	}
	if !ok {
		return report.Flag{}, false
	}
	for _, o := range c.Optional {
		if _, have := ix[o]; have {
			ts = append(ts, term{code: o})
		}
	}
	if !ix.sameScope(c, ts, sc) {
		return report.Flag{}, false
	}
	w := ix.spanOf(c.Whole)
	wq := qualOf(whole.Qualifier)
	sum := ix.total(ts)
	f := report.Flag{Check: string(c.Kind), ID: c.ID, Severity: c.severity(), Metric: c.Whole, Stated: whole.Value.Num}
	var computed string
	switch c.Kind {
	case Sum, Difference:
		if w.overlaps(sum) || c.includes(ix, sc, w, ts) {
			return report.Flag{}, false
		}
		f.Computed = sumPoint(sum)
		computed = fmtNum(f.Computed)
		if !sum.exact() {
			computed = rangeWord(sum)
		}
	case PartOf:
		if sum.lo <= w.hi+1e-9*math.Abs(w.hi) {
			return report.Flag{}, false
		}
		f.Metric = c.Terms[0]
		f.Stated, f.Computed = sumPoint(sum), whole.Value.Num
		computed = qualWord(whole.Value.Num, wq, isPercentMetric(c.Whole))
	case Ratio:
		den, ok := ix[c.Den]
		if !ok {
			return report.Flag{}, false
		}
		q, ok := quotient(sum, ix.spanOf(c.Den))
		if !ok {
			return report.Flag{}, false
		}
		dec := decimalsOf(whole.Value.Num)
		if rateConsistent(whole.Value.Num, dec, wq, q) {
			return report.Flag{}, false
		}
		f.Computed = roundTo2(sumPoint(q))
		computed = fmtNum(f.Computed) + "%"
		desc := ix.describe(ts)
		if len(ts) > 1 {
			desc = "(" + desc + ")"
		}
		desc += " / " + Label(c.Den) + " " + qualWord(den.Value.Num, qualOf(den.Qualifier), false)
		f.Evidence = append(f.Evidence, figEvidence(whole))
		for _, t := range ts {
			f.Evidence = append(f.Evidence, figEvidence(ix[t.code]))
		}
		f.Evidence = append(f.Evidence, figEvidence(den))
		for _, alt := range c.AltDen {
			ad, ok := ix[alt]
			if !ok {
				continue
			}
			aq, ok := quotient(sum, ix.spanOf(alt))
			if ok && rateConsistent(whole.Value.Num, dec, wq, aq) {
				f.Severity = report.Info
				f.Evidence = append(f.Evidence, figEvidence(ad))
				f.Message = fmt.Sprintf("%s is stated as %s, which is not %s = %s but matches %s / %s %s = %s%%: the report's denominator is ambiguous.",
					labelCode(c.Whole), qualWord(whole.Value.Num, wq, true), desc, computed,
					ix.describe(ts), Label(alt), fmtNum(ad.Value.Num), fmtNum(roundTo2(sumPoint(aq))))
				return f, true
			}
		}
		f.Message = fillMsg(c.msg(), labelCode(c.Whole), qualWord(whole.Value.Num, wq, true), computed, desc)
		return f, true
	default:
		return report.Flag{}, false
	}
	if c.Kind != PartOf {
		f.Evidence = append(f.Evidence, figEvidence(whole))
	}
	for _, t := range ts {
		f.Evidence = append(f.Evidence, figEvidence(ix[t.code]))
	}
	if c.Kind == PartOf {
		f.Evidence = append(f.Evidence, figEvidence(whole))
		if len(ts) > 1 {
			f.Metric = c.Whole
		}
	}
	f.Message = fillMsg(c.msg(), labelCode(c.Whole), qualWord(whole.Value.Num, wq, false), computed, ix.describe(ts))
	return f, true
}

// runBound checks a Bound: the figure, with its qualifier, can be at
// most Max.
func (c *Relation) runBound(ix figIndex, whole report.Figure) (report.Flag, bool) {
	w := ix.spanOf(c.Whole)
	if w.lo <= c.Max+1e-9*math.Abs(c.Max) {
		return report.Flag{}, false
	}
	wq := qualOf(whole.Qualifier)
	pct := isPercentMetric(c.Whole)
	max := fmtNum(c.Max)
	if pct {
		max += "%"
	}
	return report.Flag{Check: string(c.Kind), ID: c.ID, Severity: c.severity(), Metric: c.Whole,
		Stated: whole.Value.Num, Computed: c.Max,
		Message:  fillMsg(c.msg(), labelCode(c.Whole), qualWord(whole.Value.Num, wq, pct), max, ""),
		Evidence: []report.Evidence{figEvidence(whole)},
	}, true
}

// sumPoint is a single value for an interval: its finite end nearest to
// the centre.
func sumPoint(a interval) float64 {
	switch {
	case a.exact():
		return a.lo
	case math.IsInf(a.hi, 1):
		return a.lo
	case math.IsInf(a.lo, -1):
		return a.hi
	}
	return (a.lo + a.hi) / 2
}

// rangeWord describes an interval for a message.
func rangeWord(a interval) string {
	switch {
	case math.IsInf(a.hi, 1):
		return "at least " + fmtNum(a.lo)
	case math.IsInf(a.lo, -1):
		return "at most " + fmtNum(a.hi)
	}
	return "between " + fmtNum(math.Round(a.lo)) + " and " + fmtNum(math.Round(a.hi))
}

// fillMsg fills a message template.
func fillMsg(tmpl, whole, stated, computed, terms string) string {
	return strings.NewReplacer("{whole}", whole, "{stated}", stated, "{computed}", computed, "{terms}", terms).Replace(tmpl)
}

// checkDuplicates flags a metric that one extraction rule read twice,
// from the same kind of source, with two different exact values. It is
// conservative: candidates from different rules or sources, qualified
// values, repeats of the same sentence, values far apart (more than
// 10 %) and statements of another scope (figureScope: a level, a unit,
// a subgroup, a portal, a period) are left alone, since a report often
// gives a figure for two periods or scopes (last year's count, one
// district's); what is left looks like one figure written two ways.
// Severity Info.
func checkDuplicates(cands []report.Figure) []report.Flag {
	var flags []report.Flag
	seen := map[string]bool{}
	for i, a := range cands {
		if a.Value.Kind != report.Number || qualOf(a.Qualifier) != normalize.Exact || a.Rule == "" {
			continue
		}
		for _, b := range cands[i+1:] {
			if b.Metric != a.Metric || b.Rule != a.Rule || b.Source != a.Source || b.Value.Kind != report.Number ||
				qualOf(b.Qualifier) != normalize.Exact || b.Text == a.Text || sameValue(a.Value.Num, b.Value.Num) ||
				math.Abs(a.Value.Num-b.Value.Num) > 0.1*math.Max(math.Abs(a.Value.Num), math.Abs(b.Value.Num)) {
				continue
			}
			key := a.Metric + "\x00" + fmtNum(a.Value.Num) + "\x00" + fmtNum(b.Value.Num)
			if seen[key] || figureScope(a, false) != figureScope(b, false) {
				continue // another level, unit, subgroup or period
			}
			seen[key] = true
			pct := isPercentMetric(a.Metric)
			flags = append(flags, report.Flag{
				Check: "duplicate", ID: "duplicate." + a.Metric, Severity: report.Info, Metric: a.Metric,
				Stated: a.Value.Num, Computed: b.Value.Num,
				Message: fmt.Sprintf("%s is stated twice with different values: %s and %s.",
					labelCode(a.Metric), qualWord(a.Value.Num, normalize.Exact, pct), qualWord(b.Value.Num, normalize.Exact, pct)),
				Evidence: []report.Evidence{figEvidence(a), figEvidence(b)},
			})
		}
	}
	return flags
}
