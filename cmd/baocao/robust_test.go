package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/baocao/baocao/corpus"
	"github.com/baocao/baocao/rules/report"
)

// started starts baocao with args, its output (stdout and stderr) in
// the buffer returned.
func started(t *testing.T, args ...string) (*exec.Cmd, *lockedBuffer) {
	t.Helper()
	cmd := baocaoCmd(t, args...)
	out := &lockedBuffer{}
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, out
}

// TestExtractNotRegular runs extract on a named pipe without a writer, a
// device and a link to /dev/urandom: each exits at once with a clear
// error instead of blocking or reading forever.
func TestExtractNotRegular(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.pdf")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	random := filepath.Join(dir, "random.pdf")
	if err := os.Symlink("/dev/urandom", random); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{fifo, random, "/dev/zero"} {
		cmd, out := started(t, "extract", p)
		code, _ := waitExit(t, cmd, 2*time.Second)
		if code != 1 || !strings.Contains(out.String(), p+": not a regular file") {
			t.Errorf("extract %s: exit %d, output %q; want 1 and a clear error", p, code, out)
		}
	}
}

// TestNamesNotUTF8 reads a PDF and a DOCX whose names hold the bytes
// \xff\xfe, which are not UTF-8: extract reads them, ingest stores them
// with the path's bytes as the file system gives them (and shows it
// escaped), and a second ingest finds them unchanged.
func TestNamesNotUTF8(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"b\xe1o-c\xe1o-\xff\xfe.pdf":  "testdata/samples/kon-tum-2021.pdf",
		"b\xe1o-c\xe1o-\xff\xfe.docx": "testdata/samples/dak-lak-2021.docx",
	}
	for name, src := range files {
		b, err := os.ReadFile(filepath.Join("..", "..", src))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Skipf("this file system refuses the name: %v", err)
		}
	}
	for name := range files {
		p := filepath.Join(dir, name)
		code, out, errb := baocao(t, "extract", "--json", p)
		if code != 0 {
			t.Fatalf("extract %q: exit %d\n%s", name, code, errb)
		}
		var rep report.Report
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatal(err)
		}
		if rep.File != corpus.Escape(name) || len(rep.Metrics) < 20 {
			t.Errorf("extract %q: file %q, %d metrics", name, rep.File, len(rep.Metrics))
		}
	}
	db := filepath.Join(t.TempDir(), "t.db")
	if code, _, errb := baocao(t, "ingest", "--db", db, dir); code != 0 {
		t.Fatalf("ingest: exit %d\n%s", code, errb)
	}
	for _, r := range query(t, db, `SELECT p.path, d.path, d.status, (SELECT count(*) FROM metrics m WHERE m.document_id = d.id)
FROM document_paths p JOIN documents d ON d.id = p.document_id`) {
		name := filepath.Base(r[0])
		if _, ok := files[name]; !ok {
			t.Errorf("stored path %q is not the file's name", r[0])
		}
		if r[1] != corpus.Escape(r[0]) || !strings.Contains(r[1], `\xff\xfe`) || r[2] != "ok" || r[3] < "20" {
			t.Errorf("%q: shown as %q, status %s, %s metrics", r[0], r[1], r[2], r[3])
		}
	}
	code, out, errb := baocao(t, "ingest", "--db", db, dir)
	if code != 0 || !strings.Contains(out, "2 unchanged") {
		t.Errorf("second ingest: exit %d, want both files unchanged:\n%s%s", code, out, errb)
	}
}

// TestIngestChangingFile ingests a folder while one of its files is
// replaced, again and again, by one or the other of two reports: no
// report is ever stored under the other's hash, and once the file is
// left alone, both reports are stored with their figures.
func TestIngestChangingFile(t *testing.T) {
	var versions [2][]byte
	var sums [2]string
	for i, src := range []string{"kon-tum-2021.docx", "dak-lak-2021.pdf"} {
		f, err := corpus.Load(filepath.Join("..", "..", "testdata", "samples", src))
		if err != nil {
			t.Fatal(err)
		}
		versions[i], sums[i] = f.Data, f.SHA256
	}
	province := map[string]string{sums[0]: "62", sums[1]: "66"}
	dir := t.TempDir()
	p := filepath.Join(dir, "report.pdf")
	os.WriteFile(p, versions[0], 0o644)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 1; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			if i%2 == 0 {
				os.WriteFile(p, versions[i%2], 0o644) // rewritten in place
			} else {
				tmp := filepath.Join(dir, ".tmp")
				os.WriteFile(tmp, versions[i%2], 0o644)
				os.Rename(tmp, p) // replaced whole
			}
			time.Sleep(time.Millisecond)
		}
	}()
	db := filepath.Join(t.TempDir(), "t.db")
	for range 15 {
		baocao(t, "ingest", "--db", db, dir)
	}
	close(stop)
	wg.Wait()
	check := func() {
		t.Helper()
		for _, r := range query(t, db, `SELECT sha256, ifnull(province_code, ''), (SELECT count(*) FROM metrics m WHERE m.document_id = d.id) FROM documents d WHERE status = 'ok'`) {
			want, known := province[r[0]]
			if known && (r[1] != want || r[2] < "20") {
				t.Errorf("content %.12s stored with province %q and %s metrics, want %s's figures", r[0], r[1], r[2], want)
			}
		}
	}
	check()
	// The files left alone: both reports end up stored with their
	// figures, whatever the runs above stored.
	os.WriteFile(filepath.Join(dir, "kon-tum.docx"), versions[0], 0o644)
	os.WriteFile(filepath.Join(dir, "dak-lak.pdf"), versions[1], 0o644)
	if code, _, errb := baocao(t, "ingest", "--db", db, dir); code != 0 {
		t.Fatalf("ingest of the files left alone: exit %d\n%s", code, errb)
	}
	check()
	for i, sum := range sums {
		r := query(t, db, fmt.Sprintf(`SELECT count(*) FROM documents d WHERE sha256 = '%s' AND status = 'ok' AND province_code = '%s'
AND (SELECT count(*) FROM metrics m WHERE m.document_id = d.id) >= 20`, sum, province[sum]))
		if r[0][0] != "1" {
			t.Errorf("report %d (%.12s) not stored with its figures", i, sum)
		}
	}
}

// TestConcurrentIngests runs two ingests of one folder into one database
// at once: the second waits for the first, and between them every file
// is ingested once and reported once, none as a duplicate.
func TestConcurrentIngests(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", "testdata", "samples", "kon-tum-2021.md"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	const n = 40
	for i := range n {
		body := strings.Replace(string(src), "Kế hoạch số 1320", fmt.Sprintf("Kế hoạch số %d", 3000+i), 1)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("r%02d.md", i)), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	db := filepath.Join(t.TempDir(), "t.db")
	a, aOut := started(t, "ingest", "--db", db, dir)
	b, bOut := started(t, "ingest", "--db", db, dir)
	codeA, _ := waitExit(t, a, time.Minute)
	codeB, _ := waitExit(t, b, time.Minute)
	codes := []int{codeA, codeB}
	var ingested, unchanged, waited int
	for i, out := range []string{aOut.String(), bOut.String()} {
		var found, ing, unch, dup, failed int
		line := out[strings.LastIndex(out, "\n"+fmt.Sprint(n)+" files in ")+1:]
		if _, err := fmt.Sscanf(line[strings.Index(line, ": ")+2:], "%d ingested, %d unchanged, %d duplicate, %d failed", &ing, &unch, &dup, &failed); err != nil || codes[i] != 0 {
			t.Fatalf("ingest %d: exit %d, summary not read (%v):\n%s", i, codes[i], err, out)
		}
		fmt.Sscanf(line, "%d files", &found)
		if found != n || ing+unch != n || dup != 0 || failed != 0 {
			t.Errorf("ingest %d: %d found, %d ingested, %d unchanged, %d duplicate, %d failed; want %d files, none duplicate", i, found, ing, unch, dup, failed, n)
		}
		ingested += ing
		unchanged += unch
		if strings.Contains(out, "waiting for it to finish") {
			waited++
		}
	}
	if ingested != n || unchanged != n || waited > 1 {
		t.Errorf("between them: %d ingested, %d unchanged, %d waited; want %d, %d, one at most", ingested, unchanged, waited, n, n)
	}
	t.Logf("%d of the two waited for the other", waited)
	if r := query(t, db, `SELECT count(*), sum(status = 'ok') FROM documents`); r[0][0] != fmt.Sprint(n) || r[0][1] != fmt.Sprint(n) {
		t.Errorf("documents = %v, want %d stored", r[0], n)
	}
}
