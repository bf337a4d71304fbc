package rules

import (
	"fmt"
	"strings"

	"github.com/baocao/baocao/normalize"
	"github.com/baocao/baocao/rules/report"
)

// The classes of error [Evaluate] counts, in the order eval prints them.
const (
	// ErrMissed: a gold figure nothing was extracted for.
	ErrMissed = "missed"
	// ErrValue: a gold figure extracted with another value, which no
	// rule found as a candidate.
	ErrValue = "wrong value"
	// ErrChoice: a gold figure whose value a rule found but another
	// candidate won (the gold value is among the figure's Alternatives).
	ErrChoice = "wrong choice"
	// ErrSubUnit: a figure of a sub-unit or another unit taken for the
	// province's: extracted with another value, or for a metric the gold
	// does not list, from a sentence that names a level, a district, a
	// department, the centre, a group of agencies, another province, a
	// ministry, the nation or the national portal.
	ErrSubUnit = "sub-unit taken for the province"
	// ErrScopedOut: a gold figure the rules found but took for a
	// sub-unit's (it is among the report's SubUnits).
	ErrScopedOut = "province taken for a sub-unit"
	// ErrNotInGold: a figure extracted for a metric the gold does not
	// list, from a sentence that names no other unit: a count of
	// something else, a target, a previous period.
	ErrNotInGold = "figure not in gold"
	// ErrFalseFlag: a flag that matches no gold or optional flag.
	ErrFalseFlag = "false flag"
	// ErrFlagMissed: a gold flag not raised.
	ErrFlagMissed = "flag missed"
	// ErrProvince and ErrYear: the report's province or year is wrong.
	ErrProvince = "province wrong"
	ErrYear     = "year wrong"
)

// ErrorClasses lists the classes of error in the order to print them.
var ErrorClasses = []string{ErrMissed, ErrValue, ErrChoice, ErrSubUnit, ErrScopedOut, ErrNotInGold, ErrFalseFlag, ErrFlagMissed, ErrProvince, ErrYear}

// classify sorts the errors of one report into classes: the gold
// figures missed, the figures extracted for metrics the gold does not
// list (wrong), the flags and the province and year.
//
// Whether a figure is a sub-unit's is read from its evidence: the
// sentence names a unit other than the province (the cues of scope.go).
// That is a diagnosis, not a judgement: it says where to look.
func (s *Score) classify(g *Gold, rep *report.Report, missed []GoldMetric, wrong []report.Figure) {
	own := map[string]bool{normalize.Fold(g.Province): true}
	add := func(class, what string) {
		if s.Errors == nil {
			s.Errors = map[string]int{}
		}
		s.Errors[class]++
		s.Classified = append(s.Classified, class+": "+what)
	}
	for _, gm := range missed {
		accept := gm.Accept
		if len(accept) == 0 {
			accept = []report.Value{gm.Value}
		}
		is := func(v report.Value) bool {
			for _, a := range accept {
				if valuesClose(v, a) {
					return true
				}
			}
			return false
		}
		want := gm.Metric + "=" + gm.Value.String()
		var got *report.Figure
		for i := range rep.Metrics {
			if rep.Metrics[i].Metric == gm.Metric {
				got = &rep.Metrics[i]
			}
		}
		class := ErrMissed
		switch {
		case got != nil && hasAlternative(got, is):
			class = ErrChoice
		case inSubUnits(rep, gm.Metric, is):
			class = ErrScopedOut
		case got != nil && namesOtherUnit(got.Text, own):
			class = ErrSubUnit
		case got != nil:
			class = ErrValue
		}
		if got != nil {
			want += " (got " + got.Value.String() + ")"
		}
		add(class, want)
	}
	for _, f := range wrong {
		class := ErrNotInGold
		if namesOtherUnit(f.Text, own) {
			class = ErrSubUnit
		}
		add(class, f.Metric+"="+f.Value.String())
	}
	for _, f := range s.FalseFlagOf {
		add(ErrFalseFlag, f)
	}
	if n := s.FlagsGold - s.FlagsFound; n > 0 {
		add(ErrFlagMissed, fmt.Sprintf("%d of %d", n, s.FlagsGold))
		s.Errors[ErrFlagMissed] += n - 1
	}
	if s.ProvinceOK == 0 {
		add(ErrProvince, rep.Province.Name+" for "+g.Province)
	}
	if s.YearOK == 0 {
		add(ErrYear, fmt.Sprintf("%d for %d", rep.Year, g.Year))
	}
}

func hasAlternative(f *report.Figure, is func(report.Value) bool) bool {
	for _, a := range f.Alternatives {
		if is(a.Value) {
			return true
		}
	}
	return false
}

func inSubUnits(rep *report.Report, metric string, is func(report.Value) bool) bool {
	for _, f := range rep.SubUnits {
		if f.Metric == metric && is(f.Value) {
			return true
		}
	}
	return false
}

// namesOtherUnit reports whether a sentence names a unit other than the
// province: a level, a district, a department, the centre, a group of
// agencies, another province, a ministry, the nation, the national
// portal.
func namesOtherUnit(text string, own map[string]bool) bool {
	for _, c := range findCues(text, strings.ToLower(text), own) {
		if c.kind != cueProvince {
			return true
		}
	}
	return false
}
