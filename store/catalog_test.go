package store

import (
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/baocao/baocao/rules/report"
)

var (
	testCatalogOnce sync.Once
	testCatalogData []report.Metric
	testCatalogErr  error
)

// testCatalog returns the metric catalog the rules write
// (../rules/metrics.tsv, generated from the rules' families: code, unit,
// label, meaning, wording, key and rate as num+num/den), which the store
// receives from its caller. With
// a nil tb it panics when the file cannot be read.
func testCatalog(tb testing.TB) []report.Metric {
	testCatalogOnce.Do(func() {
		b, err := os.ReadFile("../rules/metrics.tsv")
		if err != nil {
			testCatalogErr = err
			return
		}
		for i, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
			f := strings.Split(line, "\t")
			if i == 0 || len(f) < 4 {
				continue
			}
			m := report.Metric{Code: f[0], Unit: f[1], Label: f[2], Meaning: f[3]}
			if len(f) > 5 && f[5] != "" {
				m.Key, _ = strconv.Atoi(f[5])
			}
			if len(f) > 6 && f[6] != "" {
				num, den, _ := strings.Cut(f[6], "/")
				m.Rate = &report.Rate{Num: strings.Split(num, "+"), Den: den}
			}
			testCatalogData = append(testCatalogData, m)
		}
	})
	if testCatalogErr != nil {
		if tb == nil {
			panic(testCatalogErr)
		}
		tb.Fatalf("test catalog: %v", testCatalogErr)
	}
	return testCatalogData
}
