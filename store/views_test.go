package store

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/baocao/baocao/rules/report"
)

// columns returns the column names of a view.
func columns(t *testing.T, db *DB, view string) []string {
	t.Helper()
	r, err := db.Query(context.Background(), `SELECT * FROM "`+view+`" LIMIT 0`)
	if err != nil {
		t.Fatal(err)
	}
	return r.Columns
}

// TestDerivedViews checks that the views' metric columns follow the
// catalog: a new key figure gets a column (and a recomputed rate where its
// parts are key figures) when a writer opens the database with it, and
// loses it when the catalog drops it; a reader never changes the views.
func TestDerivedViews(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "baocao.db")
	base := testCatalog(t)
	db, err := Open(ctx, path, base)
	if err != nil {
		t.Fatal(err)
	}
	buildFixture(t, db)
	before := strings.Join(columns(t, db, "unit2025_year"), ",")
	db.Close()

	// A catalog with a new key share of applications and its parts.
	cat := append([]report.Metric(nil), base...)
	maxKey := 0
	for _, m := range cat {
		maxKey = max(maxKey, m.Key)
	}
	cat = append(cat,
		report.Metric{Code: "test.digitized", Unit: "count", Label: "Hồ sơ số hóa", Key: maxKey + 1},
		report.Metric{Code: "test.digitized_rate", Unit: "percent", Label: "Tỷ lệ số hóa", Key: maxKey + 2,
			Rate: &report.Rate{Num: []string{"test.digitized"}, Den: "records.total"}})
	db, err = Open(ctx, path, cat)
	if err != nil {
		t.Fatal(err)
	}
	py := columns(t, db, "province_year")
	if i := indexOf(py, "test_digitized_rate"); i < 0 || py[i-1] != "test_digitized" || py[i+1] != "budget_items_vnd" {
		t.Errorf("province_year columns %v: want test_digitized, test_digitized_rate after the other key figures", py)
	}
	var def string
	if err := db.db.QueryRowContext(ctx, "SELECT sql FROM sqlite_master WHERE name = 'unit2025_year'").Scan(&def); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(def, "round(100.0 * sum(py.test_digitized) / sum(py.records_total), 2) END AS test_digitized_rate") {
		t.Errorf("unit2025_year does not recompute the new rate:\n%s", def)
	}
	db.Close()

	// A reader with the old catalog in mind changes nothing.
	ro, err := OpenReadOnly(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if indexOf(columns(t, ro, "province_year"), "test_digitized") < 0 {
		t.Errorf("a read-only open changed province_year")
	}
	ro.Close()

	// Back to the base catalog: the columns are gone.
	db, err = Open(ctx, path, base)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if got := strings.Join(columns(t, db, "unit2025_year"), ","); got != before {
		t.Errorf("unit2025_year columns %s, want %s", got, before)
	}
}

// TestViewsUnchangedOnReopen checks that a writer leaves the views alone
// when their definition is the catalog's.
func TestViewsUnchangedOnReopen(t *testing.T) {
	ctx := context.Background()
	db, path := openTemp(t)
	var before int64
	if err := db.db.QueryRowContext(ctx, "PRAGMA schema_version").Scan(&before); err != nil {
		t.Fatal(err)
	}
	db.Close()
	db, err := Open(ctx, path, testCatalog(t))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var after int64
	if err := db.db.QueryRowContext(ctx, "PRAGMA schema_version").Scan(&after); err != nil {
		t.Fatal(err)
	}
	if after != before {
		t.Errorf("schema_version %d -> %d: the views were recreated although the catalog did not change", before, after)
	}
}

func TestKeyMetricsErrors(t *testing.T) {
	for _, cat := range [][]report.Metric{
		{{Code: "a.b; DROP TABLE x", Unit: "count", Key: 1}},
		{{Code: "a.b_c", Unit: "count", Key: 1}, {Code: "a_b.c", Unit: "count", Key: 2}},
	} {
		if _, err := keyMetrics(cat); err == nil {
			t.Errorf("keyMetrics(%v): no error", cat)
		}
	}
}

func indexOf(ss []string, s string) int {
	for i, x := range ss {
		if x == s {
			return i
		}
	}
	return -1
}
