package store

import (
	"bufio"
	"context"
	"fmt"
	"github.com/baocao/baocao/rules/report"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// syntheticReport returns a report with one figure of each of the first
// n catalog metrics, a budget item and a flag with evidence.
func syntheticReport(i, n int) *report.Report {
	cat := testCatalog(nil)
	r := &report.Report{
		File:     fmt.Sprintf("r%06d.pdf", i),
		SHA256:   fmt.Sprintf("%064x", i+1),
		Format:   "pdf",
		Province: report.Province{Code: fmt.Sprintf("%02d", 1+i%96), Name: "Tỉnh thử"},
		Year:     2019 + i%6,
		DocDate:  fmt.Sprintf("%d-12-%02d", 2019+i%6, 1+i%28),
	}
	for j := 0; j < n; j++ {
		m := cat[j%len(cat)]
		v := report.Num(float64(i*100 + j))
		switch m.Unit {
		case "status":
			v = report.Str("operational")
		case "bool":
			v = report.BoolValue(j%2 == 0)
		}
		r.Metrics = append(r.Metrics, report.Figure{Metric: m.Code, Value: v, Unit: m.Unit,
			Text: "Số liệu " + m.Label + " của tỉnh", Page: 1 + j/20, Line: 1 + j, Rule: m.Code + "-1", Source: "text"})
	}
	r.BudgetItems = []report.BudgetItem{{No: 1, Name: "Dự án chuyển đổi số", Owner: "Sở TT&TT", AmountVND: 1e9, Page: 3, Line: 4}}
	r.Flags = []report.Flag{{Check: "sum", ID: "tthc-levels-sum", Severity: report.Error, Metric: "tthc.total", Stated: 10, Computed: 9,
		Message: "10 ≠ 9", Evidence: []report.Evidence{{Metric: "tthc.total", Value: 10, Text: "10 TTHC", Page: 1, Line: 1}}}}
	return r
}

const (
	crashEnv     = "BAOCAO_STORE_CRASH_DB"
	crashBatch   = 10
	crashMetrics = 45
)

// crashChild saves batches until it is killed.
func crashChild(path string) {
	ctx := context.Background()
	db, err := Open(ctx, path, testCatalog(nil))
	if err != nil {
		fmt.Println("error", err)
		os.Exit(2)
	}
	for b := 0; ; b++ {
		items := make([]Item, crashBatch)
		for i := range items {
			r := syntheticReport(b*crashBatch+i, crashMetrics)
			items[i] = Item{Info: DocInfo{Path: r.File, SHA256: r.SHA256, Format: "pdf", Size: 1, ModTime: mtime0}, Report: r}
		}
		if err := db.SaveBatch(ctx, items); err != nil {
			fmt.Println("error", err)
			os.Exit(2)
		}
		fmt.Println("committed", b+1)
	}
}

// TestCrashMidBatch kills a process that saves batches and checks that
// the database holds whole batches only and passes integrity checks.
func TestCrashMidBatch(t *testing.T) {
	if p := os.Getenv(crashEnv); p != "" {
		crashChild(p)
		return
	}
	if testing.Short() {
		t.Skip("spawns a child process")
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "baocao.db")
	for round, wait := range []time.Duration{0, 3 * time.Millisecond, 11 * time.Millisecond} {
		cmd := exec.Command(exe, "-test.run=^TestCrashMidBatch$")
		cmd.Env = append(os.Environ(), crashEnv+"="+path)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(out)
		committed := 0
		for sc.Scan() {
			line := sc.Text()
			if strings.HasPrefix(line, "error") {
				t.Fatalf("child: %s", line)
			}
			if strings.HasPrefix(line, "committed") {
				committed++
				if committed == 3 {
					break
				}
			}
		}
		time.Sleep(wait)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		if committed < 3 {
			t.Fatalf("round %d: child committed %d batches before exiting", round, committed)
		}

		db, err := Open(context.Background(), path, testCatalog(t))
		if err != nil {
			t.Fatalf("round %d: reopen after kill: %v", round, err)
		}
		r, err := db.Query(context.Background(), "PRAGMA integrity_check")
		if err != nil || len(r.Rows) != 1 || r.Rows[0][0] != "ok" {
			t.Errorf("round %d: integrity_check = %v, %v", round, r, err)
		}
		if n := count(t, db, "SELECT count(*) FROM pragma_foreign_key_check"); n != 0 {
			t.Errorf("round %d: %d foreign key violations", round, n)
		}
		docs := count(t, db, "SELECT count(*) FROM documents")
		if docs < 3*crashBatch || docs%crashBatch != 0 {
			t.Errorf("round %d: %d documents: not whole batches of %d", round, docs, crashBatch)
		}
		if n := count(t, db, "SELECT count(*) FROM documents d WHERE (SELECT count(*) FROM metrics m WHERE m.document_id = d.id) != ?", crashMetrics); n != 0 {
			t.Errorf("round %d: %d documents without all their metrics", round, n)
		}
		if n := count(t, db, "SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM document_paths p WHERE p.document_id = d.id)"); n != 0 {
			t.Errorf("round %d: %d documents without a path", round, n)
		}
		db.Close()
	}
}

func BenchmarkSaveBatch(b *testing.B) {
	for _, batch := range []int{1, 50} {
		b.Run(fmt.Sprintf("batch=%d", batch), func(b *testing.B) {
			db, _ := openTemp(b)
			ctx := context.Background()
			reports := make([]*report.Report, b.N)
			for i := range reports {
				reports[i] = syntheticReport(i, 45)
			}
			b.ResetTimer()
			for i := 0; i < b.N; i += batch {
				var items []Item
				for j := i; j < min(i+batch, b.N); j++ {
					r := reports[j]
					items = append(items, Item{Info: DocInfo{Path: r.File, SHA256: r.SHA256, Size: 1, ModTime: mtime0}, Report: r})
				}
				if err := db.SaveBatch(ctx, items); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
		})
	}
}
