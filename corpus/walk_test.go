package corpus

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"syscall"
	"testing"
	"time"
)

// mkTree creates files (contents = their names) under dir; names ending
// in "/" are folders.
func mkTree(t *testing.T, dir string, names ...string) {
	t.Helper()
	for _, n := range names {
		p := filepath.Join(dir, filepath.FromSlash(n))
		if n[len(n)-1] == '/' {
			if err := os.MkdirAll(p, 0o755); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("content of "+n), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// walkAll returns the paths Walk yields, relative to dir, with a "!"
// suffix on files that carry an error.
func walkAll(t *testing.T, dir string, roots ...string) []string {
	t.Helper()
	var got []string
	err := Walk(context.Background(), roots, func(f File) error {
		rel, err := filepath.Rel(dir, f.Path)
		if err != nil {
			rel = f.Path
		}
		rel = filepath.ToSlash(rel)
		if f.Err != nil {
			rel += "!"
		}
		got = append(got, rel)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func TestWalkFilters(t *testing.T) {
	dir := t.TempDir()
	mkTree(t, dir,
		"b.pdf", "a.DOCX", "c.txt", "d.md", "e.doc", "f.xlsx", "g", "Z.PDF",
		".hidden.pdf", ".git/x.pdf", "~$lock.docx",
		"sub/2.pdf", "sub/10.pdf", "sub/deep/x.Txt",
		"x.pdf/inner.docx", "x.pdf/skip.odt", "empty/",
	)
	tests := []struct {
		name  string
		roots []string
		want  []string
	}{
		{"folder", []string{dir}, []string{
			"Z.PDF", "a.DOCX", "b.pdf", "c.txt", "d.md",
			"sub/10.pdf", "sub/2.pdf", "sub/deep/x.Txt", "x.pdf/inner.docx",
		}},
		{"explicit files keep any extension and order", []string{
			filepath.Join(dir, "f.xlsx"), filepath.Join(dir, "g"), filepath.Join(dir, "b.pdf"),
		}, []string{"f.xlsx", "g", "b.pdf"}},
		{"explicit hidden file", []string{filepath.Join(dir, ".hidden.pdf")}, []string{".hidden.pdf"}},
		{"dir named like a report", []string{filepath.Join(dir, "x.pdf")}, []string{"x.pdf/inner.docx"}},
		{"missing root", []string{filepath.Join(dir, "nope.pdf"), filepath.Join(dir, "c.txt")}, []string{"nope.pdf!", "c.txt"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := walkAll(t, dir, tt.roots...)
			if !slices.Equal(got, tt.want) {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestWalkSymlinks(t *testing.T) {
	dir := t.TempDir()
	mkTree(t, dir, "r/a.pdf", "r/sub/b.pdf", "other/c.pdf")
	links := [][2]string{
		{"..", "r/sub/loop"},              // loop back to r
		{"../other", "r/to-other"},        // a folder outside
		{"a.pdf", "r/link.pdf"},           // a file
		{"missing.pdf", "r/dangling.pdf"}, // dangling, report name
		{"missing", "r/dangling-noext"},   // dangling, ignored
		{"../r", "other/back-to-r"},       // reached twice
	}
	for _, l := range links {
		if err := os.Symlink(l[0], filepath.Join(dir, l[1])); err != nil {
			t.Skipf("symlinks not supported: %v", err)
		}
	}
	got := walkAll(t, dir, filepath.Join(dir, "r"))
	want := []string{"r/a.pdf", "r/dangling.pdf!", "r/link.pdf", "r/sub/b.pdf", "r/to-other/c.pdf"}
	if !slices.Equal(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

func TestWalkNotRegular(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.pdf")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	var files []File
	Walk(context.Background(), []string{dir, fifo}, func(f File) error {
		files = append(files, f)
		return nil
	})
	if len(files) != 2 {
		t.Fatalf("got %d files, want the fifo twice (in folder, explicit)", len(files))
	}
	for _, f := range files {
		if !errors.Is(f.Err, ErrNotRegular) {
			t.Errorf("%s: err = %v, want ErrNotRegular", f.Path, f.Err)
		}
	}
}

func TestWalkUnreadableDir(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root, which can read a folder with mode 000; the fifo test covers unreadable files")
	}
	dir := t.TempDir()
	mkTree(t, dir, "locked/a.pdf", "ok.pdf")
	locked := filepath.Join(dir, "locked")
	os.Chmod(locked, 0)
	defer os.Chmod(locked, 0o755)
	got := walkAll(t, dir, dir)
	want := []string{"locked!", "ok.pdf"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestWalkStops(t *testing.T) {
	dir := t.TempDir()
	mkTree(t, dir, "a.pdf", "b.pdf", "c.pdf")
	stop := errors.New("stop")
	n := 0
	err := Walk(context.Background(), []string{dir}, func(File) error {
		n++
		if n == 2 {
			return stop
		}
		return nil
	})
	if err != stop || n != 2 {
		t.Errorf("err = %v after %d files, want stop after 2", err, n)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := Walk(ctx, []string{dir}, func(File) error { return nil }); err != context.Canceled {
		t.Errorf("cancelled walk: err = %v", err)
	}
}

func TestInspect(t *testing.T) {
	dir := filepath.Join("..", "testdata", "corpus", "formats")
	tests := []struct {
		file string
		want Format
	}{
		{"minimal.pdf", PDF},
		{"pdf-named.docx", PDF},
		{"minimal.docx", DOCX},
		{"other.zip.docx", Unknown},
		{"utf8.txt", Text},
		{"notes.md", Markdown},
		{"utf16.txt", Text},
		{"legacy.txt", Text},
		{"binary.bin.txt", Unknown},
	}
	for _, tt := range tests {
		f := File{Path: filepath.Join(dir, tt.file)}
		if err := Inspect(&f, 0); err != nil {
			t.Errorf("%s: %v", tt.file, err)
			continue
		}
		if f.Format != tt.want {
			t.Errorf("%s: format %q, want %q", tt.file, f.Format, tt.want)
		}
		b, _ := os.ReadFile(f.Path)
		if sum := sha256.Sum256(b); hex.EncodeToString(sum[:]) != f.SHA256 || !bytes.Equal(b, f.Data) {
			t.Errorf("%s: SHA-256 %q or data (%d bytes) not the file's (%d bytes)", tt.file, f.SHA256, len(f.Data), len(b))
		}
		st, _ := os.Stat(f.Path)
		if f.Size != st.Size() {
			t.Errorf("%s: size %d, want %d", tt.file, f.Size, st.Size())
		}
	}
	// Known hash: sha256("abc").
	p := filepath.Join(t.TempDir(), "abc.txt")
	os.WriteFile(p, []byte("abc"), 0o644)
	if f, _ := Load(p); f.SHA256 != "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" {
		t.Errorf("SHA-256 of abc = %s", f.SHA256)
	}
	if _, err := Load(filepath.Join(dir, "nope")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Load(missing) err = %v", err)
	}
	f := File{Path: p}
	if err := Inspect(&f, 2); !errors.Is(err, ErrTooLarge) {
		t.Errorf("Inspect over the cap: err = %v, want ErrTooLarge", err)
	}
}

// TestInspectNotRegular checks that a named pipe without a writer, a
// device and a link to a device are refused at once, not read.
func TestInspectNotRegular(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.pdf")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	link := filepath.Join(dir, "random.pdf")
	if err := os.Symlink("/dev/urandom", link); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{fifo, "/dev/null", link} {
		done := make(chan error, 1)
		go func() {
			f := File{Path: p}
			done <- Inspect(&f, 0)
		}()
		select {
		case err := <-done:
			if !errors.Is(err, ErrNotRegular) {
				t.Errorf("%s: err = %v, want ErrNotRegular", p, err)
			}
		case <-time.After(2 * time.Second):
			t.Fatalf("%s: Inspect blocked", p)
		}
		if _, err := Load(p); !errors.Is(err, ErrNotRegular) {
			t.Errorf("Load(%s): err = %v, want ErrNotRegular", p, err)
		}
	}
}

// TestInspectChanged changes a file between its read and the check
// that follows: once (the second read is taken) and every time (the
// file fails as changing).
func TestInspectChanged(t *testing.T) {
	p := filepath.Join(t.TempDir(), "r.txt")
	os.WriteFile(p, []byte("version 1"), 0o644)
	n := 0
	testHookRead = func(string) {
		n++
		if n == 1 {
			os.WriteFile(p, []byte("version 2, longer"), 0o644)
		}
	}
	defer func() { testHookRead = nil }()
	f := File{Path: p}
	if err := Inspect(&f, 0); err != nil || string(f.Data) != "version 2, longer" || f.Size != int64(len(f.Data)) {
		t.Errorf("changed once: %q, size %d, %v; want the second version", f.Data, f.Size, err)
	}
	testHookRead = func(string) {
		f, _ := os.OpenFile(p, os.O_APPEND|os.O_WRONLY, 0)
		f.Write([]byte(" and more"))
		f.Close()
	}
	f = File{Path: p}
	if err := Inspect(&f, 0); !errors.Is(err, ErrChanged) || f.SHA256 != "" || f.Data != nil {
		t.Errorf("always changing: err %v, sha %q; want ErrChanged and nothing set", err, f.SHA256)
	}
}

func TestIsReportName(t *testing.T) {
	for name, want := range map[string]bool{
		"a.pdf": true, "A.PDF": true, "b.Docx": true, "c.txt": true, "d.MD": true,
		"e.doc": false, "f": false, "g.pdf.bak": false, "pdf": false, ".pdf": true,
	} {
		if got := IsReportName(name); got != want {
			t.Errorf("IsReportName(%q) = %v", name, got)
		}
	}
}

func FuzzDetect(f *testing.F) {
	dir := filepath.Join("..", "testdata", "corpus", "formats")
	entries, err := os.ReadDir(dir)
	if err != nil {
		f.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b, e.Name())
	}
	f.Fuzz(func(t *testing.T, b []byte, name string) {
		r := bytesReaderAt(b)
		got, err := Detect(r, int64(len(b)), name)
		if err != nil {
			t.Fatalf("Detect: %v", err)
		}
		again, _ := Detect(r, int64(len(b)), name)
		if got != again {
			t.Fatalf("not deterministic: %q then %q", got, again)
		}
		if len(b) == 0 && got != Unknown {
			t.Fatalf("empty input detected as %q", got)
		}
	})
}

// TestWalkSkipped checks that every entry a walk passes over is told,
// with its reason, and that hidden folders are told once, not entered.
func TestWalkSkipped(t *testing.T) {
	dir := t.TempDir()
	mkTree(t, dir,
		"report.pdf", "old.doc", "OLD.DOC", "table.xlsx", "sheet.csv", "all.zip", "scan.JPG",
		"notes.odt", "readme", ".DS_Store", ".git/x.pdf", "~$report.docx", "sub/more.rar",
	)
	got := map[string]string{}
	err := WalkSkipped(context.Background(), []string{dir}, func(File) error { return nil }, func(s Skipped) {
		rel, _ := filepath.Rel(dir, s.Path)
		got[filepath.ToSlash(rel)] = s.Reason.String()
	})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"old.doc":       "old Word .doc: save as .docx",
		"OLD.DOC":       "old Word .doc: save as .docx",
		"table.xlsx":    "spreadsheet",
		"sheet.csv":     "spreadsheet",
		"all.zip":       "archive: unzip it first",
		"sub/more.rar":  "archive: unzip it first",
		"scan.JPG":      "image: scan it to PDF",
		"notes.odt":     "other document format: save as .docx or PDF",
		"readme":        "not a report",
		".DS_Store":     "hidden",
		".git":          "hidden",
		"~$report.docx": "Office lock file",
	}
	if !maps.Equal(got, want) {
		t.Errorf("skipped:\n%v\nwant\n%v", got, want)
	}
}

func TestEscape(t *testing.T) {
	for in, want := range map[string]string{
		"báo cáo.pdf":           "báo cáo.pdf",
		"b\xe1o-c\xff\xfe.pdf":  `b\xe1o-c\xff\xfe.pdf`,
		"dir/\xffname: corrupt": `dir/\xffname: corrupt`,
		"cut \xe1\xba":          `cut \xe1\xba`,
		"":                      "",
	} {
		if got := Escape(in); got != want {
			t.Errorf("Escape(%q) = %q, want %q", in, got, want)
		}
	}
}
