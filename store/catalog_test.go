package store

import (
	"os"
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
// (../rules/metrics.tsv), which the store receives from its caller. With
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
			testCatalogData = append(testCatalogData, report.Metric{Code: f[0], Unit: f[1], Label: f[2], Meaning: f[3]})
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
