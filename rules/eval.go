package rules

import (
	"encoding/json"
	"fmt"
	"github.com/baocao/baocao/normalize"
	"github.com/baocao/baocao/rules/report"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Gold is a hand-checked label file: the figures, budget items and flags
// a report states, in the format of ../shared/gold/*.json. The synthetic
// corpus (package rules/synth) writes its gold in this type too.
type Gold struct {
	Document string `json:"document"`
	// Sources are the files the labels were made from.
	Sources      []string         `json:"sources,omitempty"`
	Province     string           `json:"province"`
	ProvinceCode string           `json:"province_code"`
	Year         int              `json:"year"`
	Metrics      []GoldMetric     `json:"metrics"`
	BudgetItems  []GoldBudgetItem `json:"budget_items"`
	Flags        []GoldFlag       `json:"flags"`
	Optional     []GoldFlag       `json:"optional_flags"`
	MustNotFlag  []string         `json:"must_not_flag"`

	// Period is the period reported on, as a label ("quý I/2023", "6
	// tháng đầu năm 2024", "2023"); empty where the gold does not say.
	Period string `json:"period,omitempty"`
	// Blind marks a held-out document: it is scored, but nobody tuning
	// the rules reads it, its gold or its misses (baocao eval
	// --hide-blind prints only the blind documents' aggregate).
	Blind bool `json:"blind,omitempty"`
	// NotInCatalog lists figures the report states that the catalog
	// lacks, for deciding what the catalog should add; they are not
	// scored.
	NotInCatalog []GoldExtra `json:"not_in_catalog,omitempty"`
}

// GoldExtra is a figure a report states that the catalog lacks.
type GoldExtra struct {
	Name      string       `json:"name"`
	Value     report.Value `json:"value"`
	Qualifier string       `json:"qualifier,omitempty"`
	Evidence  string       `json:"evidence"`
	// Scope says whose figure it is where it is not the province's
	// ("sub-unit").
	Scope string `json:"scope,omitempty"`
}

// GoldMetric is one labelled figure. Accept lists other acceptable
// values where the report is ambiguous.
type GoldMetric struct {
	Metric    string         `json:"metric"`
	Value     report.Value   `json:"value"`
	Accept    []report.Value `json:"accept,omitempty"`
	Qualifier string         `json:"qualifier,omitempty"`
	Evidence  string         `json:"evidence"`
}

// GoldBudgetItem is one labelled row of a budget table. A budget item is
// found when its amount and owner match.
type GoldBudgetItem struct {
	No        int     `json:"no"`
	Name      string  `json:"name"`
	Owner     string  `json:"owner"`
	AmountVND float64 `json:"amount_vnd"`
	Source    string  `json:"source"`
}

// GoldFlag is an inconsistency the report holds.
type GoldFlag struct {
	Kind     string  `json:"kind"`
	About    string  `json:"about"`
	Stated   float64 `json:"stated"`
	Computed float64 `json:"computed"`
	Why      string  `json:"why"`
}

// ReadGold reads a gold file.
func ReadGold(path string) (*Gold, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var g Gold
	if err := json.Unmarshal(b, &g); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if g.Document == "" {
		g.Document = Stem(path)
	}
	return &g, nil
}

// Stem returns the name a report and its gold file share: the base name
// without its extension and without a "-scanned" suffix.
func Stem(path string) string {
	base := filepath.Base(path)
	for _, ext := range []string{".json", ".pdf", ".docx", ".txt", ".md", ".doc"} {
		if strings.HasSuffix(strings.ToLower(base), ext) {
			base = base[:len(base)-len(ext)]
		}
	}
	return strings.Replace(base, "-scanned", "", 1)
}

// Score is the evaluation of one or more reports against gold labels.
type Score struct {
	Document    string `json:"document"`
	ProvinceOK  int    `json:"province_ok"`
	YearOK      int    `json:"year_ok"`
	Documents   int    `json:"documents"`
	TruePos     int    `json:"true_positives"`
	Extracted   int    `json:"extracted"`
	GoldCount   int    `json:"gold"`
	QualifierOK int    `json:"qualifiers_ok"`
	BudgetFound int    `json:"budget_items_found"`
	BudgetOut   int    `json:"budget_items_extracted"`
	BudgetGold  int    `json:"budget_items_gold"`
	FlagsFound  int    `json:"flags_found"`
	FlagsGold   int    `json:"flags_gold"`
	FalseFlags  int    `json:"false_flags"`
	// PeriodOK counts the reports whose period has the kind of the
	// gold's (a quarter for "quý I/2023"), PeriodGold those whose gold
	// states a period.
	PeriodOK   int `json:"period_ok"`
	PeriodGold int `json:"period_gold"`
	// Misses are gold figures not found or found with another value;
	// Wrong are figures extracted for metrics the gold does not list.
	Misses      []string `json:"misses,omitempty"`
	Wrong       []string `json:"wrong,omitempty"`
	FalseFlagOf []string `json:"false_flag_list,omitempty"`

	// Blind is true for a held-out document (Gold.Blind).
	Blind bool `json:"blind,omitempty"`
	// Errors counts the errors by class (ErrorClasses), and Classified
	// lists them, "class: metric=value …" (eval_classes.go).
	Errors     map[string]int `json:"errors,omitempty"`
	Classified []string       `json:"classified,omitempty"`
}

// Precision is the share of extracted figures that are right.
func (s *Score) Precision() float64 { return ratio(s.TruePos, s.Extracted) }

// Recall is the share of gold figures found.
func (s *Score) Recall() float64 { return ratio(s.TruePos, s.GoldCount) }

// F1 is the harmonic mean of precision and recall.
func (s *Score) F1() float64 {
	p, r := s.Precision(), s.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Add accumulates another score into s.
func (s *Score) Add(o Score) {
	s.ProvinceOK += o.ProvinceOK
	s.YearOK += o.YearOK
	s.PeriodOK += o.PeriodOK
	s.PeriodGold += o.PeriodGold
	s.Documents += o.Documents
	s.TruePos += o.TruePos
	s.Extracted += o.Extracted
	s.GoldCount += o.GoldCount
	s.QualifierOK += o.QualifierOK
	s.BudgetFound += o.BudgetFound
	s.BudgetOut += o.BudgetOut
	s.BudgetGold += o.BudgetGold
	s.FlagsFound += o.FlagsFound
	s.FlagsGold += o.FlagsGold
	s.FalseFlags += o.FalseFlags
	for k, v := range o.Errors {
		if s.Errors == nil {
			s.Errors = map[string]int{}
		}
		s.Errors[k] += v
	}
}

func valuesClose(a, b report.Value) bool {
	if a.Kind != b.Kind {
		return false
	}
	switch a.Kind {
	case report.String:
		return strings.EqualFold(strings.TrimSpace(a.Str), strings.TrimSpace(b.Str))
	case report.Bool:
		return a.Bool == b.Bool
	}
	return math.Abs(a.Num-b.Num) <= math.Max(0.005, 1e-9*math.Abs(b.Num))
}

// Evaluate scores one report against its gold labels, the way
// ../shared/tools/score.py does: a figure is right when its metric and
// value match a gold figure; a flag is found when its stated value
// matches a gold flag's, and false when it matches neither a flag nor
// an optional flag.
//
// Unlike score.py, the province is right only by its code when the
// gold gives one: a report on October 2025 about Gia Lai must give the
// code of the unit of 2025 (52), not the old province's (64). The
// period is right when the gold's label reads as a period of the same
// kind (normalize.ParsePeriod).
func Evaluate(g *Gold, rep *report.Report) Score {
	s := Score{Document: g.Document, Documents: 1, GoldCount: len(g.Metrics), Blind: g.Blind}
	switch {
	case g.ProvinceCode != "":
		if strings.TrimLeft(rep.Province.Code, "0") == strings.TrimLeft(g.ProvinceCode, "0") {
			s.ProvinceOK = 1
		}
	case rep.Province.Name == g.Province:
		s.ProvinceOK = 1
	}
	if g.Year == 0 || rep.Year == g.Year {
		s.YearOK = 1
	}
	if g.Period != "" {
		s.PeriodGold = 1
		if p, ok := normalize.ParsePeriod(g.Period, g.Year); ok && rep.Period != nil && string(p.Kind) == rep.Period.Kind {
			s.PeriodOK = 1
		}
	}
	known := map[string]bool{}
	for _, m := range g.Metrics {
		known[m.Metric] = true
	}
	var ext []report.Figure
	for _, f := range rep.Metrics {
		if _, ok := Lookup(f.Metric); ok {
			ext = append(ext, f)
		}
	}
	s.Extracted = len(ext)
	used := map[int]bool{}
	var missed []GoldMetric
	var wrong []report.Figure
	for _, gm := range g.Metrics {
		accept := gm.Accept
		if len(accept) == 0 {
			accept = []report.Value{gm.Value}
		}
		hit := -1
		for i, f := range ext {
			if used[i] || f.Metric != gm.Metric {
				continue
			}
			for _, a := range accept {
				if valuesClose(f.Value, a) {
					hit = i
					break
				}
			}
			if hit >= 0 {
				break
			}
		}
		if hit < 0 {
			var got []string
			for _, f := range ext {
				if f.Metric == gm.Metric {
					got = append(got, f.Value.String())
				}
			}
			miss := gm.Metric + "=" + gm.Value.String()
			if len(got) > 0 {
				miss += " (got " + strings.Join(got, ", ") + ")"
			}
			s.Misses = append(s.Misses, miss)
			missed = append(missed, gm)
			continue
		}
		used[hit] = true
		s.TruePos++
		if ext[hit].Qualifier == gm.Qualifier {
			s.QualifierOK++
		}
	}
	for i, f := range ext {
		if !used[i] && !known[f.Metric] {
			s.Wrong = append(s.Wrong, f.Metric+"="+f.Value.String())
			wrong = append(wrong, f)
		}
	}
	flagMatch := func(f report.Flag, g GoldFlag) bool {
		return math.Abs(f.Stated-g.Stated) <= math.Max(0.011, 1e-6*math.Abs(g.Stated))
	}
	for _, gf := range g.Flags {
		for _, f := range rep.Flags {
			if flagMatch(f, gf) {
				s.FlagsFound++
				break
			}
		}
	}
	s.FlagsGold = len(g.Flags)
	for _, f := range rep.Flags {
		ok := false
		for _, gf := range append(append([]GoldFlag{}, g.Flags...), g.Optional...) {
			if flagMatch(f, gf) {
				ok = true
				break
			}
		}
		if !ok {
			s.FalseFlags++
			s.FalseFlagOf = append(s.FalseFlagOf, fmt.Sprintf("%s %s: stated %v, computed %v", f.Check, f.Metric, f.Stated, f.Computed))
		}
	}
	left := append([]report.BudgetItem(nil), rep.BudgetItems...)
	for _, gi := range g.BudgetItems {
		for i, it := range left {
			if math.Abs(it.AmountVND-gi.AmountVND) <= math.Max(0.005, 1e-9*gi.AmountVND) && strings.TrimSpace(it.Owner) == gi.Owner {
				left = append(left[:i], left[i+1:]...)
				s.BudgetFound++
				break
			}
		}
	}
	s.BudgetOut = len(rep.BudgetItems)
	s.BudgetGold = len(g.BudgetItems)
	sort.Strings(s.Wrong)
	s.classify(g, rep, missed, wrong)
	return s
}
