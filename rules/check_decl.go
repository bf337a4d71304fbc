package rules

import (
	"fmt"
	"github.com/baocao/baocao/rules/report"
	"math"
	"strings"

	"github.com/baocao/baocao/normalize"
)

// declCheck is one declarative check over catalog metrics.
type declCheck struct {
	// ID names the check in flags and in CHECKS.md.
	ID string
	// Kind is "sum", "difference", "ratio" or "part_le_whole".
	Kind     string
	Severity report.Severity
	// Whole is the metric stated as the total (sum, difference), the
	// rate (ratio) or the whole (part_le_whole).
	Whole string
	// Terms are the metrics added up; a leading "-" subtracts. For a
	// ratio the terms are the numerator, and Alt lists other
	// numerators tried in order when a term is missing.
	Terms []string
	// Optional terms are added when the report gives them.
	Optional []string
	// Alt holds alternative numerators of a ratio.
	Alt [][]string
	// Den is the denominator of a ratio; AltDen are denominators a
	// report may mean instead: a rate that fits only one of them is
	// reported as Info, with both computations.
	Den    string
	AltDen []string
	// Msg is the message template. {whole} is "Label (code)" of Whole,
	// {stated} and {computed} the two values, {terms} the terms with
	// their labels and values.
	Msg string
}

// declaredChecks is the table of declarative checks. Adding a check is
// adding an entry; CHECKS.md documents each one.
var declaredChecks = []declCheck{
	{ID: "tthc.parts", Kind: "sum", Severity: report.Error, Whole: "tthc.total",
		Terms: []string{"tthc.provincial", "tthc.district", "tthc.commune"}, Optional: []string{"tthc.multilevel"},
		Msg: sumMsg},
	{ID: "cert.parts", Kind: "sum", Severity: report.Error, Whole: "cert.total",
		Terms: []string{"cert.personal", "cert.organization"}, Msg: sumMsg},
	{ID: "edoc.parts", Kind: "sum", Severity: report.Error, Whole: "edoc.total",
		Terms: []string{"edoc.internal", "edoc.external"}, Msg: sumMsg},
	{ID: "staff.parts", Kind: "sum", Severity: report.Error, Whole: "staff.it_total",
		Terms: []string{"staff.it_departments", "staff.it_district"}, Msg: sumMsg},
	{ID: "records.levels", Kind: "sum", Severity: report.Error, Whole: "records.total",
		Terms: []string{"records.level2", "records.level3", "records.level4"}, Msg: sumMsg},
	{ID: "records.online.levels", Kind: "sum", Severity: report.Error, Whole: "records.online",
		Terms: []string{"records.online_level3", "records.online_level4"}, Msg: sumMsg},

	{ID: "cert.active", Kind: "difference", Severity: report.Error, Whole: "cert.active",
		Terms: []string{"cert.total", "-cert.revoked"},
		Msg:   "{whole} is stated as {stated} but {terms} = {computed}."},

	{ID: "dvc.level4_rate", Kind: "ratio", Severity: report.Warning, Whole: "dvc.level4_rate",
		Terms: []string{"dvc.level4"}, Den: "tthc.total", Msg: ratioMsg},
	{ID: "records.online_rate", Kind: "ratio", Severity: report.Warning, Whole: "records.online_rate",
		Terms: []string{"records.online"}, Alt: [][]string{{"records.online_level3", "records.online_level4"}},
		Den: "records.total", Msg: ratioMsg},
	{ID: "edoc.signed_rate", Kind: "ratio", Severity: report.Warning, Whole: "edoc.signed_rate",
		Terms: []string{"edoc.signed"}, Den: "edoc.total", AltDen: []string{"edoc.internal"}, Msg: ratioMsg},

	{ID: "dvc.level4_with_records", Kind: "part_le_whole", Severity: report.Error, Whole: "dvc.level4",
		Terms: []string{"dvc.level4_with_records"}, Msg: partMsg},
	{ID: "dvc.level3_with_records", Kind: "part_le_whole", Severity: report.Error, Whole: "dvc.level3",
		Terms: []string{"dvc.level3_with_records"}, Msg: partMsg},
	{ID: "records.online_level3", Kind: "part_le_whole", Severity: report.Error, Whole: "records.level3",
		Terms: []string{"records.online_level3"}, Msg: partMsg},
	{ID: "records.online_level4", Kind: "part_le_whole", Severity: report.Error, Whole: "records.level4",
		Terms: []string{"records.online_level4"}, Msg: partMsg},
	{ID: "payment.successful", Kind: "part_le_whole", Severity: report.Error, Whole: "payment.transactions",
		Terms: []string{"payment.successful"}, Msg: partMsg},
	{ID: "cert.revoked", Kind: "part_le_whole", Severity: report.Error, Whole: "cert.total",
		Terms: []string{"cert.revoked"}, Msg: partMsg},
	{ID: "edoc.signed", Kind: "part_le_whole", Severity: report.Error, Whole: "edoc.total",
		Terms: []string{"edoc.signed"}, Msg: partMsg},
	{ID: "httt.approved", Kind: "part_le_whole", Severity: report.Error, Whole: "httt.total",
		Terms: []string{"httt.level2_approved", "httt.level3_approved"}, Msg: partMsg},
	{ID: "records.resolved", Kind: "part_le_whole", Severity: report.Error, Whole: "records.total",
		Terms: []string{"records.resolved"}, Msg: partMsg},
}

const (
	sumMsg   = "{whole} is stated as {stated} but its parts add up to {computed}: {terms}."
	ratioMsg = "{whole} is stated as {stated} but {terms} = {computed}."
	partMsg  = "{terms} is more than {whole} {computed}, of which it is a part."
)

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

// runDeclared runs declaredChecks over the chosen figures.
func runDeclared(figs []report.Figure) []report.Flag {
	ix := indexFigures(figs)
	var flags []report.Flag
	for i := range declaredChecks {
		if f, ok := declaredChecks[i].run(ix); ok {
			flags = append(flags, f)
		}
	}
	return flags
}

// run evaluates one check; ok is false when it holds or cannot run.
func (c *declCheck) run(ix figIndex) (report.Flag, bool) {
	whole, ok := ix[c.Whole]
	if !ok {
		return report.Flag{}, false
	}
	ts, ok := ix.resolve(c.Terms)
	if !ok && c.Kind == "ratio" {
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
	w := ix.spanOf(c.Whole)
	wq := qualOf(whole.Qualifier)
	sum := ix.total(ts)
	f := report.Flag{Check: c.Kind, ID: c.ID, Severity: c.Severity, Metric: c.Whole, Stated: whole.Value.Num}
	var computed string
	switch c.Kind {
	case "sum", "difference":
		if w.overlaps(sum) {
			return report.Flag{}, false
		}
		f.Computed = sumPoint(sum)
		computed = fmtNum(f.Computed)
		if !sum.exact() {
			computed = rangeWord(sum)
		}
	case "part_le_whole":
		if sum.lo <= w.hi+1e-9*math.Abs(w.hi) {
			return report.Flag{}, false
		}
		f.Metric = c.Terms[0]
		f.Stated, f.Computed = sumPoint(sum), whole.Value.Num
		computed = qualWord(whole.Value.Num, wq, false)
	case "ratio":
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
		f.Message = fillMsg(c.Msg, labelCode(c.Whole), qualWord(whole.Value.Num, wq, true), computed, desc)
		return f, true
	default:
		return report.Flag{}, false
	}
	if c.Kind != "part_le_whole" {
		f.Evidence = append(f.Evidence, figEvidence(whole))
	}
	for _, t := range ts {
		f.Evidence = append(f.Evidence, figEvidence(ix[t.code]))
	}
	if c.Kind == "part_le_whole" {
		f.Evidence = append(f.Evidence, figEvidence(whole))
		if len(ts) > 1 {
			f.Metric = c.Whole
		}
	}
	f.Message = fillMsg(c.Msg, labelCode(c.Whole), qualWord(whole.Value.Num, wq, false), computed, ix.describe(ts))
	return f, true
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
// values, repeats of the same sentence and values far apart (more than
// 10 %) are left alone, since a report often gives a figure for two
// periods or scopes (last year's count, one district's); what is left
// looks like one figure written two ways. Severity Info.
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
			if seen[key] {
				continue
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
