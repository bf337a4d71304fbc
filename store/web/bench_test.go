package web

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/baocao/baocao/normalize"
	"github.com/baocao/baocao/rules"
	"github.com/baocao/baocao/rules/report"
	"github.com/baocao/baocao/store"
)

// benchReports is the size of the benchmark database.
const benchReports = 8064 // 63 provinces × 16 years × 8 reports

var (
	benchOnce sync.Once
	benchPath string
	benchErr  error
)

// benchDB returns a database of 8,064 reports: the six sample reports
// read by the pipeline, cloned under the 63 provinces and the years
// 2010–2025, eight reports per province and year (resubmissions and
// copies in other formats), with their figures scaled so that provinces
// differ. The sample PDFs keep their originals.
func benchDB(b *testing.B) string {
	b.Helper()
	benchOnce.Do(func() {
		benchPath = filepath.Join(tmpRoot, "bench.db")
		// BAOCAO_BENCH_DB keeps the database between runs.
		if p := os.Getenv("BAOCAO_BENCH_DB"); p != "" {
			benchPath = p
			if _, err := os.Stat(p); err == nil {
				return
			}
		}
		ctx := context.Background()
		db, err := store.Open(ctx, benchPath, rules.Catalog())
		if err != nil {
			benchErr = err
			return
		}
		type sample struct {
			rep  *report.Report
			data []byte
		}
		var ss []sample
		for _, p := range samples {
			rep, data := readReport(b, p)
			ss = append(ss, sample{rep, data})
		}
		provs := normalize.Provinces63()
		var items []store.Item
		n := 0
		flush := func() {
			if benchErr == nil && len(items) > 0 {
				benchErr = db.SaveBatch(ctx, items)
			}
			items = items[:0]
		}
		for pi, p := range provs {
			for year := 2010; year <= 2025; year++ {
				for k := 0; k < 8; k++ {
					s := ss[(pi+k)%len(ss)]
					rep := *s.rep
					rep.Province = report.Province{Code: p.Code, Name: p.Name}
					rep.Year = year
					rep.DocDate = fmt.Sprintf("%d-%02d-15", year+1, k+1)
					rep.SHA256 = fmt.Sprintf("%064x", n+1)
					scale := 1 + float64(pi)/40 + float64(year-2010)/20
					rep.Metrics = append([]report.Figure(nil), s.rep.Metrics...)
					for i := range rep.Metrics {
						if m := &rep.Metrics[i]; m.Value.Kind == report.Number && m.Unit != "percent" {
							m.Value.Num = float64(int64(m.Value.Num * scale))
						}
					}
					it := store.Item{Info: store.DocInfo{Path: fmt.Sprintf("bench/%s/%d/%d-%s", p.Code, year, k, s.rep.File),
						SHA256: rep.SHA256, Format: rep.Format, Size: int64(len(s.data)), ModTime: time.Unix(1700000000, 0)}, Report: &rep}
					items = append(items, it)
					n++
					if len(items) == 500 {
						flush()
					}
				}
			}
		}
		// The real samples, with their originals.
		for _, s := range ss {
			items = append(items, store.Item{Info: store.DocInfo{Path: "samples/" + s.rep.File, SHA256: s.rep.SHA256, Format: s.rep.Format,
				Size: int64(len(s.data)), ModTime: time.Unix(1700000000, 0)}, Report: s.rep, Original: s.data})
		}
		flush()
		if err := db.Close(); err != nil && benchErr == nil {
			benchErr = err
		}
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchPath
}

// benchPage measures one page of the view on the 8,064-report database.
func benchPage(b *testing.B, target func(db *store.DB) string) {
	db, err := store.OpenReadOnly(context.Background(), benchDB(b))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	s, err := New(db, Options{})
	if err != nil {
		b.Fatal(err)
	}
	u := target(db)
	serve := func() {
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, u, nil))
		if rec.Code != http.StatusOK {
			b.Fatalf("%s: status %d: %s", u, rec.Code, rec.Body.String())
		}
	}
	serve() // warm the page cache of SQLite and of page images
	b.ResetTimer()
	cpu0 := cpuTime()
	for b.Loop() {
		serve()
	}
	// CPU time per page, less sensitive than wall time to the other
	// work of a shared machine.
	b.ReportMetric(float64(cpuTime()-cpu0)/1e6/float64(b.N), "cpu-ms/op")
}

// cpuTime returns the CPU time (user and system) of this process.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func fixed(u string) func(*store.DB) string { return func(*store.DB) string { return u } }

// figureURL returns the evidence page of Đắk Lắk's tthc.total in the
// sample PDF.
func figureURL(db *store.DB) string {
	r, err := db.Query(context.Background(), `SELECT m.id FROM metrics m JOIN documents d ON d.id = m.document_id
WHERE d.path = 'samples/dak-lak-2021.pdf' AND m.metric = 'tthc.total'`)
	if err != nil || len(r.Rows) == 0 {
		panic(fmt.Sprint("figure of the sample PDF: ", err))
	}
	return fmt.Sprintf("/figure/%d", r.Rows[0][0])
}

func BenchmarkHome(b *testing.B) { benchPage(b, fixed("/?year=2021")) }
func BenchmarkHomeSorted(b *testing.B) {
	benchPage(b, fixed("/?year=2021&sort=tthc_total&dir=desc&q=a"))
}
func BenchmarkHomeUnits(b *testing.B) { benchPage(b, fixed("/?year=2021&units=2025")) }
func BenchmarkTableXLSX(b *testing.B) { benchPage(b, fixed("/table.xlsx?year=2021")) }
func BenchmarkTableCSV(b *testing.B)  { benchPage(b, fixed("/table.csv?year=2021")) }
func BenchmarkReport(b *testing.B)    { benchPage(b, fixed("/report/4000")) }
func BenchmarkFigure(b *testing.B)    { benchPage(b, figureURL) }
func BenchmarkFlags(b *testing.B)     { benchPage(b, fixed("/flags")) }
func BenchmarkFlagsFiltered(b *testing.B) {
	benchPage(b, fixed("/flags?severity=error&province=66&year=2021"))
}
func BenchmarkCompare(b *testing.B) {
	benchPage(b, fixed("/compare?p=01&p=79&p=66&p=62&year=2021"))
}
func BenchmarkCompareYears(b *testing.B) { benchPage(b, fixed("/compare?p=66&by=year")) }
func BenchmarkChartBars(b *testing.B)    { benchPage(b, fixed("/charts?metric=tthc.total&year=2021")) }
func BenchmarkChartYears(b *testing.B)   { benchPage(b, fixed("/charts?province=66")) }
func BenchmarkSQL(b *testing.B) {
	benchPage(b, fixed("/sql?q=SELECT+year%2C+count%28*%29+FROM+province_year+GROUP+BY+year"))
}
func BenchmarkSQLExample(b *testing.B) {
	benchPage(b, func(*store.DB) string { return "/sql?q=" + urlq(store.Examples()[0].SQL) })
}

// BenchmarkPageImageCold renders a page with pdftoppm (the cost of a
// page not in the cache); BenchmarkPageImage serves it from the cache.
func BenchmarkPageImageCold(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "samples", "dak-lak-2021.pdf"))
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := pdftoppm(context.Background(), "pdftoppm", data, 5, 110); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPageImage(b *testing.B) {
	benchPage(b, func(db *store.DB) string {
		r, _ := db.Query(context.Background(), `SELECT id FROM documents WHERE path = 'samples/dak-lak-2021.pdf'`)
		return fmt.Sprintf("/page/%d/5", r.Rows[0][0])
	})
}

// BenchmarkFigureCold serves the evidence page of a figure with a new
// Server each time, so that the page's size is read again (pdfinfo)
// and its image is not cached yet.
func BenchmarkFigureCold(b *testing.B) {
	db, err := store.OpenReadOnly(context.Background(), benchDB(b))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	u := figureURL(db)
	for b.Loop() {
		s, err := New(db, Options{})
		if err != nil {
			b.Fatal(err)
		}
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, u, nil))
		if rec.Code != http.StatusOK {
			b.Fatalf("%s: status %d", u, rec.Code)
		}
	}
}
