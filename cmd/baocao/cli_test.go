package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/creack/pty"
	"golang.org/x/text/unicode/norm"

	"github.com/baocao/baocao/cmd/baocao/internal/msg"
	"github.com/baocao/baocao/corpus"
)

// lockedBuffer collects a child's output while the test reads it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// baocaoCmd returns a command that runs baocao (this test binary, see
// TestMain) with args.
func baocaoCmd(t *testing.T, args ...string) *exec.Cmd {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, args...)
	cmd.Env = append(os.Environ(), mainEnv+"=1", "LANG=C", "LC_ALL=", "LC_MESSAGES=")
	return cmd
}

// onTerminal starts baocao with args on a new pseudo-terminal (stdin,
// stdout and stderr), as in an analyst's terminal, and returns the
// command, the terminal's master side and everything written to it.
func onTerminal(t *testing.T, args ...string) (*exec.Cmd, *os.File, *lockedBuffer) {
	t.Helper()
	cmd := baocaoCmd(t, args...)
	tty, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 24, Cols: 100})
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	out := &lockedBuffer{}
	go func() { _, _ = out.ReadFrom(tty) }()
	t.Cleanup(func() {
		cmd.Process.Kill()
		tty.Close()
	})
	return cmd, tty, out
}

// ReadFrom copies r into the buffer until r fails (the terminal closes).
func (l *lockedBuffer) ReadFrom(r interface{ Read([]byte) (int, error) }) (int64, error) {
	buf := make([]byte, 4096)
	var n int64
	for {
		k, err := r.Read(buf)
		l.Write(buf[:k])
		n += int64(k)
		if err != nil {
			return n, err
		}
	}
}

// waitFor polls cond every 20 ms until it holds or d passes.
func waitFor(d time.Duration, cond func() bool) bool {
	for end := time.Now().Add(d); time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
		if cond() {
			return true
		}
	}
	return cond()
}

// waitExit waits at most d for cmd to exit and returns its status and
// how long it took, or fails the test.
func waitExit(t *testing.T, cmd *exec.Cmd, d time.Duration) (int, time.Duration) {
	t.Helper()
	t0 := time.Now()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
		return cmd.ProcessState.ExitCode(), time.Since(t0)
	case <-time.After(d):
		cmd.Process.Signal(syscall.SIGQUIT) // a goroutine dump for the log
		time.Sleep(200 * time.Millisecond)
		t.Fatalf("still running %s after the signal", d)
	}
	return -1, 0
}

// manyReports writes n distinct text reports (the Kon Tum sample, each
// with a line of its own) into a new folder.
func manyReports(t *testing.T, n int) string {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("..", "..", "testdata", "samples", "kon-tum-2021.md"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for i := range n {
		body := append(append([]byte{}, src...), fmt.Sprintf("\nDòng riêng của bản %d.\n", i)...)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("r%03d.md", i)), body, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

var barCount = regexp.MustCompile(`(\d+) / (\d+) files`)

// TestInterruptOnTerminal presses Ctrl-C during an ingest on a terminal,
// with its live progress bar: baocao stops within the stop deadline with
// status 130 and says how many files are left, and the next run
// finishes them without reading again what was stored.
func TestInterruptOnTerminal(t *testing.T) {
	const n = 400
	dir := manyReports(t, n)
	db := filepath.Join(t.TempDir(), "t.db")
	cmd, tty, out := onTerminal(t, "ingest", "--workers", "1", "--db", db, dir)
	midway := func() bool {
		m := barCount.FindAllStringSubmatch(out.String(), -1)
		return len(m) > 0 && m[len(m)-1][1] != "0"
	}
	if !waitFor(60*time.Second, midway) {
		t.Fatalf("no progress bar moving on the terminal:\n%q", out.String())
	}
	if _, err := tty.Write([]byte{3}); err != nil { // Ctrl-C
		t.Fatal(err)
	}
	code, took := waitExit(t, cmd, 3*time.Second)
	t.Logf("stopped %s after Ctrl-C, exit %d", took, code)
	if code != exitInterrupted {
		t.Errorf("exit %d, want %d", code, exitInterrupted)
	}
	if took > 2*time.Second {
		t.Errorf("took %s to stop, want under 2 s", took)
	}
	time.Sleep(100 * time.Millisecond)
	if s := out.String(); !strings.Contains(s, "left for the next run") {
		t.Errorf("no word on what is left:\n%s", s[max(0, len(s)-600):])
	}
	stored := query(t, db, `SELECT count(*) FROM documents WHERE status = 'ok'`)[0][0]
	if failed := query(t, db, `SELECT count(*) FROM documents WHERE status = 'failed'`)[0][0]; failed != "0" {
		t.Errorf("%s documents failed: an interrupted file must stay pending", failed)
	}
	if stored == fmt.Sprint(n) {
		t.Skipf("all %d files done before Ctrl-C took effect: machine too fast for this test", n)
	}

	// The next run, not on a terminal, finishes the rest.
	code, stdout, stderr := baocao(t, "ingest", "--db", db, dir)
	if code != 0 {
		t.Fatalf("second run: exit %d\n%s%s", code, stdout, stderr)
	}
	if !strings.Contains(stdout, fmt.Sprintf("%s unchanged", stored)) {
		t.Errorf("second run does not find the %s stored files unchanged:\n%s", stored, tail(stdout))
	}
	if got := query(t, db, `SELECT count(*) FROM documents WHERE status = 'ok'`)[0][0]; got != fmt.Sprint(n) {
		t.Errorf("%s documents after the second run, want %d", got, n)
	}
}

// TestSignalWithoutTerminal sends SIGTERM to an ingest whose output is a
// pipe, and Ctrl-C (SIGINT) to a query stuck in a long SQL statement:
// both stop within the deadline.
func TestSignalWithoutTerminal(t *testing.T) {
	dir := manyReports(t, 300)
	db := filepath.Join(t.TempDir(), "t.db")
	cmd := baocaoCmd(t, "ingest", "--workers", "1", "--db", db, dir)
	out := &lockedBuffer{}
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if !waitFor(60*time.Second, func() bool { return strings.Contains(out.String(), "ok ") }) {
		t.Fatalf("no file done:\n%s", out.String())
	}
	cmd.Process.Signal(syscall.SIGTERM)
	code, took := waitExit(t, cmd, 3*time.Second)
	t.Logf("ingest stopped %s after SIGTERM", took)
	if code != exitInterrupted || took > 2*time.Second {
		t.Errorf("exit %d after %s, want %d within 2 s", code, took, exitInterrupted)
	}

	q := baocaoCmd(t, "query", "--db", db, "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c) SELECT count(*) FROM c")
	var qerr bytes.Buffer
	q.Stderr = &qerr
	if err := q.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond)
	q.Process.Signal(os.Interrupt)
	code, took = waitExit(t, q, 3*time.Second)
	if code != exitInterrupted || took > 2*time.Second {
		t.Errorf("query: exit %d after %s, want %d within 2 s\n%s", code, took, exitInterrupted, qerr.String())
	}
}

// tail returns the last lines of s, for messages.
func tail(s string) string {
	if len(s) > 800 {
		return "…" + s[len(s)-800:]
	}
	return s
}

// TestFlagsAnywhere checks that flags are read before and after the
// arguments, that "--" ends them, and that a misspelt flag is an error
// that creates nothing rather than a path.
func TestFlagsAnywhere(t *testing.T) {
	dir := t.TempDir()
	copyFile(t, "testdata/samples/kon-tum-2021.md", dir, "kon-tum-2021.md")
	work := t.TempDir()
	copyFile(t, "testdata/samples/kon-tum-2021.md", work, "-odd.md")
	t.Chdir(work)
	db := filepath.Join(work, "x.db")

	code, stdout, stderr := baocao(t, "ingest", dir, "--db", db)
	if code != 0 {
		t.Fatalf("ingest DIR --db x.db: exit %d\n%s%s", code, stdout, stderr)
	}
	if _, err := os.Stat(filepath.Join(work, "baocao.db")); err == nil {
		t.Errorf("ingest DIR --db x.db wrote ./baocao.db")
	}
	if n := query(t, db, `SELECT count(*) FROM documents`)[0][0]; n != "1" {
		t.Errorf("documents = %s, want 1 (no path taken from the flags)", n)
	}

	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"query", "SELECT 1 AS x", "--format", "csv", "--db", db}, "x\n1\n"},
		{[]string{"query", "--format=csv", "--db=" + db, "SELECT 2 AS y"}, "y\n2\n"},
		// An SQL file that starts with a comment, with or without "--".
		{[]string{"query", "--db", db, "--format", "csv", "-- the answer\nSELECT 3 AS z"}, "z\n3\n"},
		{[]string{"query", "--db", db, "--format", "csv", "--", "-- the answer\nSELECT 4 AS z"}, "z\n4\n"},
		{[]string{"query", "--format", "csv", "SELECT", "5", "AS", "w", "--db", db}, "w\n5\n"},
		// --lang, which every command takes, also before the command.
		{[]string{"--lang", "vi", "query", "--format", "csv", "--db", db, "SELECT 6 AS v"}, "v\n6\n"},
		{[]string{"--lang=en", "query", "--format", "csv", "--db", db, "SELECT 7 AS v"}, "v\n7\n"},
	} {
		code, stdout, stderr := baocao(t, tc.args...)
		if code != 0 || stdout != tc.want {
			t.Errorf("%q: exit %d, stdout %q, want %q\n%s", tc.args, code, stdout, tc.want, stderr)
		}
	}

	if code, stdout, stderr := baocao(t, "--lang", "vi", "check", "--db", db); code != 0 || !strings.Contains(stdout, "cảnh báo, đọc từ kon-tum-2021.md") {
		t.Errorf("--lang vi check: exit %d, want the flags in Vietnamese\n%s%s", code, stdout, stderr)
	}

	// A misspelt flag after the paths is an error, and nothing is made.
	other := filepath.Join(work, "other.db")
	code, _, stderr = baocao(t, "ingest", dir, "--dbb", other)
	if code != 2 || !strings.Contains(stderr, "dbb") {
		t.Errorf("ingest DIR --dbb: exit %d, want 2 naming the flag\n%s", code, stderr)
	}
	for _, f := range []string{other, filepath.Join(work, "baocao.db")} {
		if _, err := os.Stat(f); err == nil {
			t.Errorf("%s created by a command line with a bad flag", f)
		}
	}

	// After "--", a file whose name starts with "-" is a path.
	code, stdout, stderr = baocao(t, "extract", "--json", "--", "-odd.md")
	if code != 0 || !strings.Contains(stdout, `"file": "-odd.md"`) {
		t.Errorf("extract -- -odd.md: exit %d\n%s%s", code, tail(stdout), stderr)
	}
}

// TestVersion prints the version from the build information.
func TestVersion(t *testing.T) {
	code, stdout, _ := baocao(t, "version")
	if code != 0 || !strings.HasPrefix(stdout, "baocao ") || !strings.Contains(stdout, runtime.Version()) {
		t.Errorf("version: exit %d, %q", code, stdout)
	}
}

// TestCheck checks the flags of the sample reports: once per report
// whatever the number of files it was read from, in Vietnamese and
// English, with the evidence sentence and its page:line; provinces named
// in any of the ways analysts type them, and an unknown one refused with
// suggestions.
func TestCheck(t *testing.T) {
	db := samplesDB(t)
	code, out, errb := baocao(t, "check", "--db", db, "--province", "kon tum")
	if code != 0 {
		t.Fatalf("check: exit %d\n%s", code, errb)
	}
	for _, want := range []string{
		"Kon Tum (62), 2021",
		"Tỷ lệ không khớp: Tỷ lệ DVCTT mức độ 4 nêu 43,8%", // Vietnamese
		"is stated as 43,8%",  // English
		"kon-tum-2021.pdf 5:", // page:line of the PDF
		"tỷ lệ triển khai DVCTT mức độ 4 của tỉnh đạt 43.8%", // the sentence
	} {
		if !strings.Contains(out, want) {
			t.Errorf("check --province 'kon tum' lacks %q:\n%s", want, out)
		}
	}
	if n := strings.Count(out, "[cảnh báo | warning]"); n != 1 {
		t.Errorf("%d warnings shown for Kon Tum, want 1 (three files, one report):\n%s", n, out)
	}
	dakLak := "Đắk Lắk (66), 2021"
	for _, p := range []string{"Dak Lak", "ĐẮK LẮK", norm.NFD.String("Đắk Lắk"), "66", "đắk l", "Daklak"} {
		code, out, errb := baocao(t, "check", "--db", db, "--province", p)
		if code != 0 || !strings.Contains(out, dakLak) || strings.Contains(out, "Kon Tum") {
			t.Errorf("--province %q: exit %d, want only Đắk Lắk's flags\n%s%s", p, code, out, errb)
		}
	}
	code, out, errb = baocao(t, "check", "--db", db, "--province", "Kon Tun")
	if code != 1 || out != "" || !strings.Contains(errb, "Kon Tum") {
		t.Errorf("unknown province: exit %d, stdout %q, stderr %q; want 1 and a suggestion", code, out, errb)
	}

	code, out, _ = baocao(t, "check", "--db", db, "--province", "62", "--format", "csv")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if code != 0 || err != nil || len(rows) != 2 {
		t.Fatalf("check --format csv: exit %d, %v, %d rows\n%s", code, err, len(rows), out)
	}
	col := map[string]string{}
	for i, c := range rows[0] {
		col[c] = rows[1][i]
	}
	if !strings.Contains(col["evidence_text"], "43.8%") || col["evidence_page"] == "" || col["message_vi"] == "" || !strings.Contains(col["files"], "kon-tum-2021.md") {
		t.Errorf("csv row lacks evidence or Vietnamese: %v", col)
	}

	code, out, _ = baocao(t, "check", "--db", db, "--format", "json")
	var flags []checkFlag
	if err := json.Unmarshal([]byte(out), &flags); code != 0 || err != nil {
		t.Fatalf("check --format json: exit %d, %v\n%s", code, err, out)
	}
	for _, f := range flags {
		if len(f.Evidence) == 0 || f.Evidence[0].Text == "" || f.MessageVI == "" {
			t.Errorf("json flag without evidence or Vietnamese: %+v", f)
		}
	}
	if len(flags) != 7 {
		t.Errorf("%d flags in json, want 7 (6 for Đắk Lắk, 1 for Kon Tum, each once)", len(flags))
	}

	code, out, _ = baocao(t, "check", "--db", db, "--year", "2019", "--lang", "vi")
	if code != 0 || strings.TrimSpace(out) != "không có cảnh báo nào" {
		t.Errorf("check --lang vi with no flag: exit %d, %q", code, out)
	}
	code, out, _ = baocao(t, "check", "--db", db, "--year", "2019", "--format", "json")
	if code != 0 || strings.TrimSpace(out) != "[]" {
		t.Errorf("check --format json with no flag: %q, want []", out)
	}
}

// TestExportTerminal asks for XLSX on a terminal without --out: a clear
// error, no binary on the screen; and checks the CSV defaults.
func TestExportTerminal(t *testing.T) {
	db := samplesDB(t)
	cmd, _, out := onTerminal(t, "export", "--db", db, "--format", "xlsx")
	code, _ := waitExit(t, cmd, 30*time.Second)
	time.Sleep(100 * time.Millisecond)
	if s := out.String(); code != 1 || !strings.Contains(s, "--out") || strings.Contains(s, "PK\x03\x04") {
		t.Errorf("export --format xlsx on a terminal: exit %d, output %q; want exit 1 and a word on --out", code, s)
	}

	code, stdout, _ := baocao(t, "export", "--db", db)
	if code != 0 || !strings.HasPrefix(stdout, "\ufeffprovince_code,province_name,year,tthc_total") {
		t.Errorf("default export is not the province table:\n%.200s", stdout)
	}
	code, stdout, _ = baocao(t, "export", "--db", db, "--excel")
	if code != 0 || !strings.Contains(stdout, ";46,14;") {
		t.Errorf("export --excel: want ';' separators and 46,14:\n%.400s", stdout)
	}
	code, _, stderr := baocao(t, "export", "--db", db, "--units", "2025", "--view", "metric_catalog")
	if code != 1 || !strings.Contains(stderr, "province") {
		t.Errorf("--units 2025 on a table without provinces: exit %d, %q; want a refusal with its reason", code, stderr)
	}
	code, stdout, _ = baocao(t, "export", "--db", db, "--units", "2025", "--view", "province_year")
	if code != 0 || !strings.Contains(stdout, "Quảng Ngãi") || !strings.Contains(stdout, "covers") {
		t.Errorf("--units 2025 --view province_year: not the unit table:\n%.300s", stdout)
	}
}

// TestIngestOutput checks what ingest says: results on stdout and
// nothing else on stderr; only JSON with --json, the summary last; the
// files skipped by reason; an empty run and a wrong path are errors, and
// a wrong path creates nothing; the summary in Vietnamese with --lang vi.
func TestIngestOutput(t *testing.T) {
	dir := t.TempDir()
	copyFile(t, "testdata/samples/kon-tum-2021.md", dir, "kon-tum-2021.md")
	copyFile(t, "testdata/samples/kon-tum-2021.docx", dir, "old.doc") // named like Word 97
	for _, n := range []string{"table.xlsx", "all.zip"} {
		if err := os.WriteFile(filepath.Join(dir, n), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	db := filepath.Join(t.TempDir(), "t.db")
	code, stdout, stderr := baocao(t, "ingest", "--db", db, dir)
	if code != 0 || stderr != "" {
		t.Errorf("ingest: exit %d, stderr %q; want 0 and nothing on stderr", code, stderr)
	}
	for _, want := range []string{"kon-tum-2021.md  26 metrics", "1 ingested", "skipped 3 files",
		"old Word .doc: save as .docx (1): " + filepath.Join(dir, "old.doc"), "spreadsheet (1)", "archive: unzip it first (1)",
		"metrics stored: 26"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}

	code, stdout, stderr = baocao(t, "ingest", "--json", "--db", filepath.Join(t.TempDir(), "j.db"), dir)
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if code != 0 || stderr != "" || len(lines) != 2 {
		t.Fatalf("ingest --json: exit %d, %d lines, stderr %q\n%s", code, len(lines), stderr, stdout)
	}
	for _, l := range lines {
		if !json.Valid([]byte(l)) {
			t.Errorf("not JSON: %s", l)
		}
	}
	var sum summaryJSON
	if err := json.Unmarshal([]byte(lines[1]), &sum); err != nil || sum.Summary.Ingested != 1 || len(sum.Summary.Skipped) != 3 || sum.Summary.Failures == nil {
		t.Errorf("last line is not the summary: %v %+v", err, sum)
	}

	// Nothing to read: said, and exit 1.
	empty := t.TempDir()
	code, stdout, stderr = baocao(t, "ingest", "--db", filepath.Join(t.TempDir(), "e.db"), empty)
	if code != 1 || !strings.Contains(stderr, "no reports found") || !strings.Contains(stdout, "0 files") {
		t.Errorf("empty folder: exit %d\n%s%s", code, stdout, stderr)
	}
	only := t.TempDir()
	copyFile(t, "testdata/samples/kon-tum-2021.docx", only, "report.doc")
	code, stdout, stderr = baocao(t, "ingest", "--db", filepath.Join(t.TempDir(), "o.db"), only)
	if code != 1 || !strings.Contains(stderr, "no reports found") || !strings.Contains(stdout, "save as .docx") {
		t.Errorf("folder with only a .doc: exit %d\n%s%s", code, stdout, stderr)
	}

	// A wrong path: an error before anything is created.
	nodb := filepath.Join(t.TempDir(), "never.db")
	code, _, stderr = baocao(t, "ingest", "--db", nodb, filepath.Join(dir, "no-such-folder"))
	if code != 2 || !strings.Contains(stderr, "no such file or folder") {
		t.Errorf("wrong path: exit %d, %q", code, stderr)
	}
	if _, err := os.Stat(nodb); err == nil {
		t.Errorf("a wrong path created %s", nodb)
	}

	// In Vietnamese.
	code, stdout, _ = baocao(t, "ingest", "--lang", "vi", "--db", db, dir)
	if code != 0 || !strings.Contains(stdout, "1 không đổi") || !strings.Contains(stdout, "tệp Word cũ .doc") {
		t.Errorf("ingest --lang vi:\n%s", stdout)
	}
	cmd := baocaoCmd(t, "ingest", "--db", db, dir)
	cmd.Env = append(cmd.Env, "LANG=vi_VN.UTF-8")
	out, _ := cmd.Output()
	if !strings.Contains(string(out), "đã lưu 0 số liệu") {
		t.Errorf("LANG=vi_VN.UTF-8 ingest:\n%s", out)
	}
}

// TestExtractEmptyLists extracts a text with no figure: every list of the
// JSON contract is [], never null.
func TestExtractEmptyLists(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "nothing.txt")
	if err := os.WriteFile(p, []byte("Báo cáo này không nêu số liệu nào.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := baocao(t, "extract", "--json", p)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{`"metrics": []`, `"budget_items": []`, `"flags": []`, `"warnings": []`} {
		if !strings.Contains(stdout, want) {
			t.Errorf("extract --json lacks %s:\n%s", want, stdout)
		}
	}
}

// TestQueryTable checks that the query table writes numbers the
// Vietnamese way and leaves years alone, while CSV keeps plain numbers.
func TestQueryTable(t *testing.T) {
	db := samplesDB(t)
	sql := "SELECT province_name, year, tthc_total, dvc_level4_rate, budget_total_vnd FROM province_year ORDER BY province_code"
	code, out, errb := baocao(t, "query", "--db", db, sql)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errb)
	}
	for _, want := range []string{"1.543", "46,14", "29.473.482.000", " 2021 ", "(2 rows)"} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "2.021") {
		t.Errorf("year grouped:\n%s", out)
	}
	code, out, _ = baocao(t, "query", "--db", db, "--format", "csv", sql)
	if code != 0 || !strings.Contains(out, ",1543,46.14,29473482000") {
		t.Errorf("csv:\n%s", out)
	}
}

// TestMessagesTranslated checks that every message the command line
// prints through its printer (pr.Sprintf, pr.Fprintf) has a Vietnamese
// translation in internal/msg, and every skip reason too.
func TestMessagesTranslated(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	call := regexp.MustCompile(`pr\.Sprintf\(\s*("(?:[^"\\]|\\.)*")`)
	vi := msg.New(msg.VI)
	n := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range call.FindAllStringSubmatch(string(b), -1) {
			key, err := strconv.Unquote(m[1])
			if err != nil {
				t.Fatalf("%s: %s: %v", f, m[1], err)
			}
			n++
			if vi.Sprintf(key) == msg.New(msg.EN).Sprintf(key) && !strings.HasPrefix(key, "%") {
				t.Errorf("%s: %q has no Vietnamese translation", f, key)
			}
		}
	}
	if n < 20 {
		t.Errorf("found only %d messages: is the pattern still right?", n)
	}
	for r := corpus.SkipHidden; r <= corpus.SkipNotReport; r++ {
		if vi.Sprintf(r.String()) == r.String() {
			t.Errorf("skip reason %q has no Vietnamese translation", r)
		}
	}
}

// TestIngestProvinceAndPeriod ingests news items that never name their
// province: the folder names it, or --province does; a quarter's report
// is stored with its period and stays out of the province table.
func TestIngestProvinceAndPeriod(t *testing.T) {
	dir := t.TempDir()
	write := func(rel, text string) {
		p := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("Đắk Nông/tin-2024.txt", "Hồ sơ trực tuyến tăng mạnh trong quý I\n\nQuý I/2024, toàn tỉnh tiếp nhận 30.200 hồ sơ, trong đó 21.000 hồ sơ trực tuyến.\n")
	write("lam-dong/bc-2023.txt", "BÁO CÁO\nKết quả chuyển đổi số năm 2023\n\nNăm 2023, toàn tỉnh cung cấp 1.650 thủ tục hành chính.\n")
	db := filepath.Join(t.TempDir(), "t.db")
	if code, out, errb := baocao(t, "ingest", "--db", db, dir); code != 0 {
		t.Fatalf("ingest: exit %d\n%s%s", code, out, errb)
	}
	got := query(t, db, `SELECT province_code, province_source, year, period_kind, full_year, in_province_table FROM report_periods ORDER BY province_code`)
	want := [][]string{{"67", "path", "2024", "quarter", "0", "0"}, {"68", "path", "2023", "year", "1", "1"}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("report_periods = %v, want %v", got, want)
	}
	if rows := query(t, db, `SELECT province_code, year FROM province_year`); fmt.Sprint(rows) != "[[68 2023]]" {
		t.Errorf("province_year = %v, want only Lâm Đồng 2023", rows)
	}

	other := t.TempDir()
	p := filepath.Join(other, "tin-bai-2024.txt")
	if err := os.WriteFile(p, []byte("Trong năm 2024, toàn tỉnh tiếp nhận 80.000 hồ sơ.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errb := baocao(t, "extract", "--json", "--province", "Kon Tum", p)
	if code != 0 || !strings.Contains(out, `"code": "62"`) || !strings.Contains(out, `"source": "option"`) {
		t.Errorf("extract --province: exit %d\n%s%s", code, out, errb)
	}
	if code, _, errb := baocao(t, "extract", "--province", "Kon Tun", p); code == 0 || !strings.Contains(errb, "Kon Tum") {
		t.Errorf("extract --province 'Kon Tun': exit %d, stderr %q; want an error suggesting Kon Tum", code, errb)
	}
}

// TestEvalSkipsGold runs eval with a glob that names the gold files too
// ("eval --gold DIR DIR/*-20*.*"): they are skipped, not scored as
// reports, and the period is scored.
func TestEvalSkipsGold(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "eval-real")
	code, out, errb := baocao(t, "eval", "--gold", dir, filepath.Join(dir, "thai-nguyen-2023.txt"), filepath.Join(dir, "thai-nguyen-2023.json"))
	if code != 0 || !strings.Contains(errb, "skipped 1 gold files") {
		t.Fatalf("eval: exit %d, stderr %q", code, errb)
	}
	var total string
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "TOTAL") {
			total = l
		}
	}
	if f := strings.Fields(total); len(f) < 4 || f[1] != "1/1" || f[2] != "1/1" || f[3] != "1/1" {
		t.Errorf("TOTAL row %q, want one document with province, year and period right", total)
	}
}
