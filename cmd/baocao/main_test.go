package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/baocao/baocao/extract"
	"github.com/baocao/baocao/store"
)

// mainEnv makes the test binary run the command line given in its
// arguments, so that tests can start, and kill, a real baocao process.
const mainEnv = "BAOCAO_TEST_MAIN"

func TestMain(m *testing.M) {
	// The isolated parser re-executes this binary as its child.
	if extract.ChildMain() {
		return
	}
	if os.Getenv(mainEnv) == "1" {
		os.Exit(runMain(os.Args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// copyFile copies src (relative to the repository root) into dir under
// the name dst.
func copyFile(t *testing.T, src, dir, dst string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", src))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, dst), b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// baocao runs a command in this process and returns its exit status and
// output.
func baocao(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, &out, &errb)
	return code, out.String(), errb.String()
}

// query runs SQL on a database, read-only, and returns the rows as
// strings.
func query(t *testing.T, db, sql string) [][]string {
	t.Helper()
	d, err := store.OpenReadOnly(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	res, err := d.Query(context.Background(), sql)
	if err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
	var rows [][]string
	for _, r := range res.Rows {
		var row []string
		for _, v := range r {
			row = append(row, fmt.Sprint(v))
		}
		rows = append(rows, row)
	}
	return rows
}

// dump returns the content of the four core tables, for comparing two
// states of a database.
func dump(t *testing.T, db string) string {
	t.Helper()
	var b strings.Builder
	for _, q := range []string{
		`SELECT * FROM documents ORDER BY id`,
		`SELECT * FROM metrics ORDER BY id`,
		`SELECT * FROM budget_items ORDER BY rowid`,
		`SELECT * FROM flags ORDER BY id`,
	} {
		fmt.Fprintln(&b, q)
		for _, r := range query(t, db, q) {
			fmt.Fprintln(&b, strings.Join(r, "|"))
		}
	}
	return b.String()
}

// TestIngestQueryReingest ingests the sample reports, queries tthc.total
// with its evidence, and checks that a second ingest reports every file
// as unchanged and leaves the core tables exactly as they were.
func TestIngestQueryReingest(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"dak-lak-2021.txt", "kon-tum-2021.md", "kon-tum-2021.docx"} {
		copyFile(t, filepath.Join("testdata", "samples", f), dir, f)
	}
	db := filepath.Join(t.TempDir(), "t.db")
	code, errb, _ := baocao(t, "ingest", "--db", db, dir)
	if code != 0 {
		t.Fatalf("ingest: exit %d\n%s", code, errb)
	}
	if !strings.Contains(errb, "3 ingested") {
		t.Errorf("summary does not say 3 ingested:\n%s", errb)
	}
	rows := query(t, db, `SELECT province_code, value, text FROM metric_values WHERE metric = 'tthc.total' ORDER BY document`)
	want := map[string]string{"66": "1543", "62": "1774"}
	if len(rows) != 3 {
		t.Fatalf("tthc.total rows = %v, want 3", rows)
	}
	for _, r := range rows {
		if want[r[0]] != r[1] || !strings.Contains(r[2], "thủ tục hành chính") {
			t.Errorf("tthc.total row %v: want value %s with its evidence", r, want[r[0]])
		}
	}
	before := dump(t, db)
	code, errb, _ = baocao(t, "ingest", "--db", db, dir)
	if code != 0 || !strings.Contains(errb, "3 unchanged") || !strings.Contains(errb, "0 ingested") {
		t.Fatalf("second ingest: exit %d, want every file unchanged:\n%s", code, errb)
	}
	if after := dump(t, db); after != before {
		t.Errorf("second ingest changed the core tables")
	}
	if n := query(t, db, `SELECT count(*) FROM runs`)[0][0]; n != "2" {
		t.Errorf("runs = %s, want 2", n)
	}
}

// TestIngestBadInput ingests a folder of hostile and broken files beside
// good reports: the good ones are stored, each bad one is recorded with
// a clear error, and nothing crashes or hangs.
func TestIngestBadInput(t *testing.T) {
	dir := t.TempDir()
	good := map[string]string{
		"dak-lak-2021.txt":   "testdata/samples/dak-lak-2021.txt",
		"kon-tum-2021.md":    "testdata/samples/kon-tum-2021.md",
		"pdf-named-as.docx":  "testdata/samples/dak-lak-2021.pdf", // wrong extension: read as PDF
		"owner-password.pdf": "testdata/pdf/encrypted/owner-aes128.pdf",
		"aes256.pdf":         "testdata/pdf/encrypted/aes256.pdf",
	}
	bad := map[string]struct{ src, want string }{
		"truncated.pdf":      {"testdata/pdf/bad/truncated.pdf", ""},
		"garbage.pdf":        {"testdata/pdf/bad/garbage.pdf", ""},
		"random.pdf":         {"testdata/pdf/bad/random.bin", ""},
		"user-password.pdf":  {"testdata/pdf/encrypted/user-password.pdf", "user password"},
		"image-only.pdf":     {"testdata/pdf/scanned/image-only.pdf", "OCR"},
		"bomb.docx":          {"testdata/docx/zipbomb/bomb.docx", ""},
		"no-document.docx":   {"testdata/docx/no-document/x.docx", ""},
		"truncated-xml.docx": {"testdata/docx/truncated/x.docx", ""},
		"kids-loop.pdf":      {"testdata/pdf/hostile/kids-loop.pdf", ""},
	}
	// Hostile files the PDF reader may recover from: either outcome is
	// fine as long as the file is recorded and nothing crashes.
	hostile := map[string]string{
		"length-self.pdf": "testdata/pdf/hostile/length-self.pdf",
		"parent-loop.pdf": "testdata/pdf/hostile/parent-loop.pdf",
		"deep-array.pdf":  "testdata/pdf/hostile/deep-array.pdf",
		"bad-ops.pdf":     "testdata/pdf/hostile/bad-ops.pdf",
		"prev-loop.pdf":   "testdata/pdf/hostile/prev-loop.pdf", // cross-reference table rebuilt
		"huge-size.pdf":   "testdata/pdf/hostile/huge-size.pdf",
	}
	for dst, src := range hostile {
		copyFile(t, src, dir, dst)
	}
	for dst, src := range good {
		copyFile(t, src, dir, dst)
	}
	for dst, b := range bad {
		copyFile(t, b.src, dir, dst)
	}
	if err := os.WriteFile(filepath.Join(dir, "empty.txt"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	// A directory named like a report is walked, not read.
	if err := os.Mkdir(filepath.Join(dir, "x.pdf"), 0o755); err != nil {
		t.Fatal(err)
	}
	// An unreadable file: a FIFO cannot be read as a report (and, unlike
	// chmod 000, stays unreadable for root).
	if err := syscall.Mkfifo(filepath.Join(dir, "unreadable.pdf"), 0o644); err != nil {
		t.Fatal(err)
	}

	db := filepath.Join(t.TempDir(), "t.db")
	// --ocr never: the image-only PDF must fail with "needs OCR" whether
	// or not Tesseract is installed.
	code, errb, _ := baocao(t, "ingest", "--db", db, "--timeout", "20s", "--ocr", "never", dir)
	if code != 1 {
		t.Errorf("exit %d, want 1 (some files failed)", code)
	}
	ok := map[string]bool{}
	for _, r := range query(t, db, `SELECT p.path FROM document_paths p JOIN documents d ON d.id = p.document_id WHERE d.status = 'ok'`) {
		ok[filepath.Base(r[0])] = true
	}
	for name := range good {
		if !ok[name] {
			t.Errorf("%s: not stored as a good report\n%s", name, errb)
		}
	}
	failed := map[string]string{}
	for _, r := range query(t, db, `SELECT path, error FROM documents WHERE status = 'failed'`) {
		failed[filepath.Base(r[0])] = r[1]
	}
	for name, b := range bad {
		msg, ok := failed[name]
		if !ok {
			t.Errorf("%s: no failure recorded\n%s", name, errb)
			continue
		}
		if msg == "" || !strings.Contains(msg, b.want) {
			t.Errorf("%s: error %q, want a clear message containing %q", name, msg, b.want)
		}
	}
	for name := range hostile {
		if _, bad := failed[name]; !bad && !ok[name] {
			t.Errorf("%s: neither stored nor recorded as failed", name)
		}
	}
	for _, name := range []string{"empty.txt", "unreadable.pdf"} {
		if !strings.Contains(errb, name) {
			t.Errorf("%s: not reported as failed:\n%s", name, errb)
		}
	}
}

// TestIngestDuplicatesAndResubmission stores the same content under two
// names once with both paths, and keeps both versions of a resubmission
// as copies of one report: an undeclared change is flagged
// (copies.disagree) and the latest view keeps the original figure, a
// declared correction is picked.
func TestIngestDuplicatesAndResubmission(t *testing.T) {
	dir := t.TempDir()
	copyFile(t, "testdata/samples/kon-tum-2021.md", dir, "kon-tum-2021.md")
	copyFile(t, "testdata/samples/kon-tum-2021.md", dir, "kon-tum-2021-copy.md")
	db := filepath.Join(t.TempDir(), "t.db")
	if code, _, errb := baocao(t, "ingest", "--db", db, dir); code != 0 {
		t.Fatalf("ingest: exit %d\n%s", code, errb)
	}
	if r := query(t, db, `SELECT count(*) FROM documents`); r[0][0] != "1" {
		t.Errorf("documents = %s, want 1 for one content under two names", r[0][0])
	}
	if r := query(t, db, `SELECT count(*) FROM document_paths`); r[0][0] != "2" {
		t.Errorf("paths = %s, want 2", r[0][0])
	}

	// A corrected resubmission: the same report with one figure changed.
	b, err := os.ReadFile(filepath.Join(dir, "kon-tum-2021.md"))
	if err != nil {
		t.Fatal(err)
	}
	fixed := strings.Replace(string(b), "1.774 thủ tục hành chính", "1.775 thủ tục hành chính", 1)
	if err := os.WriteFile(filepath.Join(dir, "kon-tum-2021-v2.md"), []byte(fixed), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errb := baocao(t, "ingest", "--db", db, dir); code != 0 {
		t.Fatalf("ingest: exit %d\n%s", code, errb)
	}
	if r := query(t, db, `SELECT count(*) FROM documents WHERE province_code = '62' AND year = 2021`); r[0][0] != "2" {
		t.Errorf("Kon Tum 2021 documents = %s, want both versions kept", r[0][0])
	}
	r := query(t, db, `SELECT value, document FROM latest_metric_values WHERE metric = 'tthc.total' AND province_code = '62'`)
	if len(r) != 1 || r[0][0] != "1774" {
		t.Errorf("latest tthc.total = %v, want the original's 1774 (the change is not declared)", r)
	}
	if r := query(t, db, `SELECT count(*) FROM flags WHERE check_id = 'copies.disagree' AND metric = 'tthc.total'`); r[0][0] != "1" {
		t.Errorf("copies.disagree flags = %s, want 1", r[0][0])
	}

	// A declared correction is the copy to read.
	corrected := strings.Replace(string(b), "1.774 thủ tục hành chính", "1.776 thủ tục hành chính", 1)
	corrected = strings.Replace(corrected, "PHỤ LỤC 1", "PHỤ LỤC 1 (đính chính số liệu)", 1)
	if err := os.WriteFile(filepath.Join(dir, "kon-tum-2021-dinh-chinh.md"), []byte(corrected), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errb := baocao(t, "ingest", "--db", db, dir); code != 0 {
		t.Fatalf("ingest: exit %d\n%s", code, errb)
	}
	r = query(t, db, `SELECT value FROM latest_metric_values WHERE metric = 'tthc.total' AND province_code = '62'`)
	if len(r) != 1 || r[0][0] != "1776" {
		t.Errorf("latest tthc.total = %v, want the correction's 1776", r)
	}
}

// TestIngestKilled kills an ingest after its first document, then runs it
// again: every document ends up stored exactly once.
func TestIngestKilled(t *testing.T) {
	dir := t.TempDir()
	src, err := os.ReadFile(filepath.Join("..", "..", "testdata", "samples", "kon-tum-2021.md"))
	if err != nil {
		t.Fatal(err)
	}
	const n = 12
	for i := range n {
		// Distinct contents: a different report number in each file.
		body := strings.Replace(string(src), "Kế hoạch số 1320", fmt.Sprintf("Kế hoạch số %d", 2000+i), 1)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("r%02d.md", i)), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	db := filepath.Join(t.TempDir(), "t.db")
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, "ingest", "--db", db, "--workers", "1", dir)
	cmd.Env = append(os.Environ(), mainEnv+"=1")
	stderr, err := cmd.StdoutPipe() // per-file lines are results: stdout
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Not a terminal: one plain line per file. Kill after the first.
	buf := make([]byte, 4096)
	var seen strings.Builder
	deadline := time.Now().Add(60 * time.Second)
	for !strings.Contains(seen.String(), "ok ") && time.Now().Before(deadline) {
		k, err := stderr.Read(buf)
		seen.Write(buf[:k])
		if err == io.EOF {
			break
		}
	}
	cmd.Process.Kill()
	cmd.Wait()
	stored := query(t, db, `SELECT count(*) FROM documents`)[0][0]
	t.Logf("documents after kill: %s of %d", stored, n)

	if code, _, errb := baocao(t, "ingest", "--db", db, dir); code != 0 {
		t.Fatalf("rerun: exit %d\n%s", code, errb)
	}
	if r := query(t, db, `SELECT count(*), count(DISTINCT sha256) FROM documents WHERE status = 'ok'`); r[0][0] != fmt.Sprint(n) || r[0][1] != fmt.Sprint(n) {
		t.Errorf("documents = %v, want each of %d stored once", r, n)
	}
	if r := query(t, db, `SELECT count(*) FROM document_paths`); r[0][0] != fmt.Sprint(n) {
		t.Errorf("paths = %v, want %d", r, n)
	}
	if r := query(t, db, `SELECT count(DISTINCT document_id) FROM metrics`); r[0][0] != fmt.Sprint(n) {
		t.Errorf("documents with metrics = %v, want %d", r, n)
	}
}

// TestPlainProgress checks the output on a non-terminal: one line per
// file with its status and figures, then the summary.
func TestPlainProgress(t *testing.T) {
	dir := t.TempDir()
	copyFile(t, "testdata/samples/kon-tum-2021.md", dir, "kon-tum-2021.md")
	if err := os.WriteFile(filepath.Join(dir, "empty.txt"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(t.TempDir(), "t.db")
	code, errb, _ := baocao(t, "ingest", "--db", db, dir)
	if code != 1 {
		t.Errorf("exit %d, want 1 for the empty file", code)
	}
	for _, want := range []string{"kon-tum-2021.md", "26 metrics", "empty.txt", "1 ingested", "1 failed", "metrics stored: 26"} {
		if !strings.Contains(errb, want) {
			t.Errorf("output lacks %q:\n%s", want, errb)
		}
	}
}

// TestIngestOriginals checks that ingest keeps each file's bytes by
// content hash, and that --no-originals keeps none.
func TestIngestOriginals(t *testing.T) {
	dir := t.TempDir()
	copyFile(t, "testdata/samples/kon-tum-2021.md", dir, "kon-tum-2021.md")
	copyFile(t, "testdata/samples/kon-tum-2021.md", dir, "same-content.md")
	want, err := os.ReadFile(filepath.Join(dir, "kon-tum-2021.md"))
	if err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(t.TempDir(), "t.db")
	if code, _, errb := baocao(t, "ingest", "--db", db, dir); code != 0 {
		t.Fatalf("ingest: exit %d\n%s", code, errb)
	}
	rows := query(t, db, `SELECT o.size, d.sha256 = o.sha256 FROM originals o JOIN documents d ON d.sha256 = o.sha256`)
	if len(rows) != 1 || rows[0][0] != fmt.Sprint(len(want)) || rows[0][1] != "1" {
		t.Fatalf("originals = %v, want one row of %d bytes", rows, len(want))
	}
	d, err := store.OpenReadOnly(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	sha := query(t, db, `SELECT sha256 FROM documents`)[0][0]
	if got, err := d.Original(context.Background(), sha); err != nil || !bytes.Equal(got, want) {
		t.Errorf("Original: %d bytes, %v; want the file's %d bytes", len(got), err, len(want))
	}

	db2 := filepath.Join(t.TempDir(), "t.db")
	if code, _, errb := baocao(t, "ingest", "--no-originals", "--db", db2, dir); code != 0 {
		t.Fatalf("ingest --no-originals: exit %d\n%s", code, errb)
	}
	if n := query(t, db2, `SELECT count(*) FROM originals`)[0][0]; n != "0" {
		t.Errorf("originals with --no-originals = %s, want 0", n)
	}
}

// TestServe starts `baocao serve` on the sample reports, asks it for the
// province table, and stops it as Ctrl-C would.
func TestServe(t *testing.T) {
	db := samplesDB(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	var errb bytes.Buffer
	go func() { done <- run(ctx, []string{"serve", "--db", db, "--addr", addr}, io.Discard, &errb) }()
	var body string
	for start := time.Now(); time.Since(start) < 10*time.Second; time.Sleep(50 * time.Millisecond) {
		res, err := http.Get("http://" + addr + "/")
		if err != nil {
			continue
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		body = string(b)
		break
	}
	for _, want := range []string{"Bảng số liệu theo tỉnh", "Đắk Lắk", "Kon Tum", "1.543"} {
		if !strings.Contains(body, want) {
			t.Errorf("GET / lacks %q", want)
		}
	}
	cancel()
	select {
	case code := <-done:
		if code != exitInterrupted {
			t.Errorf("serve: exit %d, want %d (stopped by Ctrl-C)\n%s", code, exitInterrupted, errb.String())
		}
	case <-time.After(5 * time.Second):
		t.Fatal("serve did not stop on cancel")
	}
}

// TestPassword checks that a PDF that needs a user password fails with a
// message that says how to give it, and opens with --password or
// --password-file.
func TestPassword(t *testing.T) {
	pdf := filepath.Join("..", "..", "testdata", "pdf", "encrypted", "user-password.pdf")
	code, _, stderr := baocao(t, "extract", "--json", pdf)
	if code == 0 || !strings.Contains(stderr, "user password") || !strings.Contains(stderr, "--password-file") {
		t.Errorf("without a password: exit %d, stderr %q; want a failure naming the password and --password-file", code, stderr)
	}
	pw := filepath.Join(t.TempDir(), "pw")
	if err := os.WriteFile(pw, []byte("user\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"--password", "user"}, {"--password-file", pw}} {
		code, stdout, stderr := baocao(t, append([]string{"extract", "--json", pdf}, args...)...)
		if code != 0 || !strings.Contains(stdout, `"format": "pdf"`) {
			t.Errorf("extract %v: exit %d, stderr %q", args, code, stderr)
		}
	}
	if code, _, stderr := baocao(t, "extract", "--json", pdf, "--password", "wrong"); code == 0 || !strings.Contains(stderr, "wrong") {
		t.Errorf("a wrong password: exit %d, stderr %q", code, stderr)
	}
}

// TestExtractSaysWhatHappened checks that extract reports pages read by
// OCR with their confidence, page by page as it goes, and says when no
// figure was found.
func TestExtractSaysWhatHappened(t *testing.T) {
	empty := filepath.Join(t.TempDir(), "note.txt")
	if err := os.WriteFile(empty, []byte("Giấy mời họp giao ban tháng 3.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, stdout, stderr := baocao(t, "extract", empty); code != 0 || !strings.Contains(stdout, "no figure found") {
		t.Errorf("extract of a file without figures: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if _, err := exec.LookPath("tesseract"); err != nil {
		t.Skip("tesseract not installed: not checking the OCR summary")
	}
	scan := filepath.Join("..", "..", "testdata", "ocr", "scanned", "scanned.pdf")
	code, stdout, stderr := baocao(t, "extract", "--ocr-lang", "vie", scan)
	if code != 0 {
		t.Fatalf("extract of a scan: exit %d, stderr %q", code, stderr)
	}
	if !strings.Contains(stdout, "2 pages read by OCR, mean confidence") {
		t.Errorf("extract of a scan does not say how many pages OCR read: %q", stdout)
	}
	if !strings.Contains(stderr, "OCR: page 1 read") || !strings.Contains(stderr, "OCR: page 2 read") {
		t.Errorf("extract of a scan says nothing as pages are read: %q", stderr)
	}
	code, stdout, _ = baocao(t, "extract", "--json", scan)
	if code != 0 || !strings.Contains(stdout, `"ocr_confidence":`) || !strings.Contains(stdout, `"ocr_pages": [`) {
		t.Errorf("extract --json of a scan lacks ocr_pages and ocr_confidence: %q", stdout)
	}
}
