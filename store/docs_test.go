package store

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/baocao/baocao/rules/report"
)

var update = flag.Bool("update", false, "rewrite the description of the views in docs/database.md from the schema and the catalog")

// Markers around the generated description of the views in
// docs/database.md.
const (
	genViews = "<!-- generated from store.SchemaDoc and the metric catalog by go test ./store -update -->"
	genEnd   = "<!-- end of generated text -->"
)

// viewsDoc describes the views for docs/database.md: the table of views with
// their comments, and the columns the catalog gives province_year and
// unit2025_year.
func viewsDoc(cat []report.Metric) (string, error) {
	var b strings.Builder
	b.WriteString("| view | gives |\n| --- | --- |\n")
	for _, e := range SchemaDoc() {
		if e.Kind == "view" {
			fmt.Fprintf(&b, "| `%s` | %s |\n", e.Name, strings.TrimSuffix(e.Comment, "."))
		}
	}
	keys, err := keyMetrics(cat)
	if err != nil {
		return "", err
	}
	isKey := map[string]bool{}
	var cols, summed, rates, null, left []string
	for _, m := range keys {
		isKey[m.Code] = true
	}
	for _, m := range keys {
		col := "`" + metricColumn(m.Code) + "`"
		cols = append(cols, col)
		switch m.Unit {
		case "count", "vnd":
			summed = append(summed, col)
		case "percent":
			if _, ok := rateSQL(m.Rate, isKey); ok {
				var num []string
				for _, n := range m.Rate.Num {
					num = append(num, metricColumn(n))
				}
				rates = append(rates, fmt.Sprintf("%s = 100 × %s / %s", col, strings.Join(num, " + "), metricColumn(m.Rate.Den)))
			} else {
				null = append(null, col)
			}
		default:
			left = append(left, col)
		}
	}
	fmt.Fprintf(&b, "\n`province_year` has a column per key figure of the metric catalog, in this order: %s. ", strings.Join(cols, ", "))
	b.WriteString("The key figures and their order are declared with the metrics (`Key` in the rules' families), and `store.Open` recreates both views when the catalog changes them.\n")
	fmt.Fprintf(&b, "In `unit2025_year`, %s are summed; the rates %s are recomputed from the sums of their parts; %s %s NULL; %s %s left out.\n",
		strings.Join(summed, ", "), strings.Join(rates, ", "), strings.Join(null, ", "), isAre(len(null)), strings.Join(left, " and "), isAre(len(left)))
	return b.String(), nil
}

func isAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}

// TestViewsDoc keeps the description of the views in docs/database.md
// (section "Views") the views SchemaDoc lists and the columns the catalog
// gives.
func TestViewsDoc(t *testing.T) {
	path := filepath.Join("..", "docs", "database.md")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc := string(b)
	i := strings.Index(doc, genViews+"\n")
	j := strings.Index(doc, genEnd)
	for j >= 0 && j < i {
		k := strings.Index(doc[j+1:], genEnd)
		if k < 0 {
			j = -1
			break
		}
		j += k + 1
	}
	if i < 0 || j < 0 {
		t.Fatalf("%s has no %q … %q block", path, genViews, genEnd)
	}
	text, err := viewsDoc(testCatalog(t))
	if err != nil {
		t.Fatal(err)
	}
	want := doc[:i] + genViews + "\n" + text + doc[j:]
	if *update {
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if want != doc {
		t.Errorf("%s: the description of the views is stale: run go test ./store -run TestViewsDoc -update", path)
	}
}
