package rules

import (
	_ "embed"
	"fmt"
	"github.com/baocao/baocao/rules/report"
	"strings"
)

// metricsTSV is a copy of the metric catalog, ../shared/spec/metrics.tsv:
// the contract for extraction output.
//
//go:embed metrics.tsv
var metricsTSV string

var catalog, catalogIndex = mustParseCatalog(metricsTSV)

func mustParseCatalog(tsv string) ([]report.Metric, map[string]int) {
	var ms []report.Metric
	idx := map[string]int{}
	for i, line := range strings.Split(strings.TrimSpace(tsv), "\n") {
		if i == 0 || strings.TrimSpace(line) == "" {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 4 {
			panic(fmt.Sprintf("rules: metrics.tsv line %d: %d fields, want 5", i+1, len(f)))
		}
		m := report.Metric{Code: f[0], Unit: f[1], Label: f[2], Meaning: f[3]}
		if len(f) > 4 {
			m.Wording = f[4]
		}
		idx[m.Code] = len(ms)
		ms = append(ms, m)
	}
	return ms, idx
}

// Catalog returns the metric catalog in its documented order.
func Catalog() []report.Metric {
	return append([]report.Metric(nil), catalog...)
}

// Lookup returns the catalog entry for a metric code.
func Lookup(code string) (report.Metric, bool) {
	i, ok := catalogIndex[code]
	if !ok {
		return report.Metric{}, false
	}
	return catalog[i], true
}

// Label returns the Vietnamese label of a metric, or the code itself when
// the metric is not in the catalog.
func Label(code string) string {
	if m, ok := Lookup(code); ok {
		return m.Label
	}
	return code
}
