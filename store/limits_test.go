package store

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// endlessCTE counts the rows of a recursive CTE that never ends.
const endlessCTE = `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n`

func TestQueryTimeLimit(t *testing.T) {
	ctx := context.Background()
	db, err := OpenReadOnly(ctx, fixtureFile(t))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if got := db.Limits(); got != DefaultLimits {
		t.Errorf("limits of a new read-only DB = %+v, want %+v", got, DefaultLimits)
	}
	lim := Limits{Timeout: 300 * time.Millisecond, MaxMemory: DefaultLimits.MaxMemory}
	if err := db.SetLimits(ctx, lim); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		endlessCTE,
		// Rows that never end, read one by one.
		`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT i FROM n WHERE i < 0`,
	} {
		start := time.Now()
		_, err = db.Query(ctx, q)
		took := time.Since(start)
		var le *LimitError
		if !errors.Is(err, ErrTimeLimit) || !errors.As(err, &le) || le.Memory {
			t.Fatalf("endless query: err = %v, want a time LimitError", err)
		}
		if !strings.Contains(err.Error(), "time limit of 300ms") {
			t.Errorf("message %q does not name the limit", err)
		}
		// Not a speed measure: a guard against a query the limit fails
		// to stop.
		if took > 10*time.Second {
			t.Errorf("the endless query stopped after %v, with a limit of %v", took, lim.Timeout)
		}
	}
	// The DB still answers afterwards, and a cancelled caller is not
	// reported as a time limit.
	if _, err := db.Query(ctx, "SELECT count(*) FROM metrics"); err != nil {
		t.Errorf("query after a stopped one: %v", err)
	}
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := db.Query(cctx, endlessCTE); err == nil || errors.Is(err, ErrTimeLimit) {
		t.Errorf("cancelled query: err = %v, want the cancellation, not a time limit", err)
	}
}

func TestQueryMemoryLimit(t *testing.T) {
	ctx := context.Background()
	db, err := OpenReadOnly(ctx, fixtureFile(t))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	// A 900 MB BLOB under the default 512 MiB.
	_, err = db.Query(ctx, "SELECT length(randomblob(900000000))")
	if !errors.Is(err, ErrMemoryLimit) {
		t.Fatalf("randomblob(900000000): err = %v, want a memory LimitError", err)
	}
	if !strings.Contains(err.Error(), "memory limit of 512 MiB") {
		t.Errorf("message %q does not name the limit", err)
	}
	// A result larger than the limit, made of small values.
	if err := db.SetLimits(ctx, Limits{Timeout: 30 * time.Second, MaxMemory: 1 << 20}); err != nil {
		t.Fatal(err)
	}
	_, err = db.Query(ctx, `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000) SELECT i, 'ligne ' || i FROM n`)
	if !errors.Is(err, ErrMemoryLimit) {
		t.Errorf("2 MB of rows under a 1 MiB limit: err = %v, want a memory LimitError", err)
	}
	if _, err := db.Query(ctx, "SELECT count(*) FROM metrics"); err != nil {
		t.Errorf("query after a stopped one: %v", err)
	}
}

// heapChildEnv makes TestHeapLimitChild run: it lowers SQLite's heap
// limit for the whole process, so it runs in a process of its own.
const heapChildEnv = "BAOCAO_TEST_HEAP_CHILD"

// TestHeapLimit runs TestHeapLimitChild in a child process.
func TestHeapLimit(t *testing.T) {
	cmd := exec.Command(os.Args[0], "-test.run=^TestHeapLimitChild$", "-test.v")
	cmd.Env = append(os.Environ(), heapChildEnv+"="+filepath.Join(t.TempDir(), "x"))
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "--- PASS: TestHeapLimitChild") {
		t.Fatalf("child: %v\n%s", err, out)
	}
}

// TestHeapLimitChild needs more SQLite heap than its limit with values
// each within the longest-string limit: three 30 MB BLOBs in one row
// under 64 MiB.
func TestHeapLimitChild(t *testing.T) {
	if os.Getenv(heapChildEnv) == "" {
		t.Skip("run by TestHeapLimit in a process of its own")
	}
	ctx := context.Background()
	db, err := OpenReadOnly(ctx, fixtureFile(t))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.SetLimits(ctx, Limits{Timeout: time.Minute, MaxMemory: 64 << 20}); err != nil {
		t.Fatal(err)
	}
	_, err = db.Query(ctx, `SELECT length(a) + length(b) + length(c) FROM
	(SELECT randomblob(30000000) AS a, randomblob(30000000) AS b, randomblob(30000000) AS c)`)
	if !errors.Is(err, ErrMemoryLimit) {
		t.Fatalf("90 MB of BLOBs under a 64 MiB heap: err = %v, want a memory LimitError", err)
	}
	if _, err := db.Query(ctx, "SELECT count(*) FROM metrics"); err != nil {
		t.Errorf("query after a stopped one: %v", err)
	}
}

// TestReadOnlyCreatesNoFiles checks that reading a database that no
// writer has open creates no -wal or -shm file beside it.
func TestReadOnlyCreatesNoFiles(t *testing.T) {
	ctx := context.Background()
	path := fixtureFile(t)
	list := func() []string {
		ents, err := os.ReadDir(filepath.Dir(path))
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, e := range ents {
			names = append(names, e.Name())
		}
		return names
	}
	if got := list(); len(got) != 1 {
		t.Fatalf("after the writer closed: %v, want the database alone", got)
	}
	db, err := OpenReadOnly(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Query(ctx, "SELECT count(*) FROM metric_values"); err != nil {
		t.Fatal(err)
	}
	if got := list(); len(got) != 1 {
		t.Errorf("during a read-only query: %v, want the database alone", got)
	}
	db.Close()
	if got := list(); len(got) != 1 {
		t.Errorf("after a read-only query: %v, want the database alone", got)
	}
	// The writer still works in WAL mode while it has the file open.
	w, err := Open(ctx, path, testCatalog(t))
	if err != nil {
		t.Fatal(err)
	}
	r, err := w.Query(ctx, "PRAGMA journal_mode")
	if err != nil {
		t.Fatal(err)
	}
	if r.Rows[0][0] != "wal" {
		t.Errorf("journal mode of the writer = %v, want wal", r.Rows[0][0])
	}
	w.Close()
}
