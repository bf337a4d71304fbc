package extract

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/baocao/baocao/corpus"
)

// TestMain lets the test binary serve as the child of ReadIsolated.
func TestMain(m *testing.M) {
	if ChildMain() {
		return
	}
	os.Exit(m.Run())
}

// fakeFormat is read by fakeReader, which misbehaves as the file's first
// line says. It exists only in this test binary, which the children of
// ReadIsolated run too.
const fakeFormat corpus.Format = "isolate-test"

func init() {
	Register(fakeFormat, fakeReader)
}

var sentinels = map[string]error{
	"encrypted":   ErrEncrypted,
	"corrupt":     ErrCorrupt,
	"too-large":   ErrTooLarge,
	"no-text":     ErrNoText,
	"empty":       ErrEmpty,
	"unsupported": ErrUnsupported,
}

func fakeReader(ctx context.Context, r io.ReaderAt, size int64, path string, opt Options) (*Document, error) {
	b := make([]byte, size)
	if _, err := r.ReadAt(b, 0); err != nil && err != io.EOF {
		return nil, err
	}
	cmd, _, _ := strings.Cut(string(b), "\n")
	switch {
	case cmd == "ok":
		return fakeDocument(opt), nil
	case cmd == "panic":
		panic("boom: xref table out of range")
	case cmd == "hang":
		for {
			time.Sleep(time.Hour) // ignores ctx, as a stuck parser would
		}
	case cmd == "alloc":
		var keep [][]byte
		for {
			chunk := make([]byte, 16<<20)
			for i := 0; i < len(chunk); i += 4096 {
				chunk[i] = 1
			}
			keep = append(keep, chunk)
		}
	case cmd == "exit":
		os.Exit(7)
	case cmd == "big":
		doc := &Document{}
		line := Line{Text: strings.Repeat("x", 1<<20)}
		for range 8 {
			doc.Blocks = append(doc.Blocks, Block{Kind: Paragraph, Lines: []Line{line}})
		}
		return doc, nil
	case strings.HasPrefix(cmd, "error:"):
		class := strings.TrimPrefix(cmd, "error:")
		return nil, fmt.Errorf("%s: page 3: %w: bad thing", path, sentinels[class])
	}
	return nil, fmt.Errorf("%s: unknown fake command %q", path, cmd)
}

// fakeDocument uses every field of the model.
func fakeDocument(opt Options) *Document {
	return &Document{
		Pages: 3,
		Blocks: []Block{
			{Kind: Heading, Level: 1, Lines: []Line{{Text: "I. KẾT QUẢ", Pos: Pos{Page: 1, Line: 2}}}},
			{Kind: Paragraph, Lines: []Line{
				{Text: "Tỉnh đã hoàn thiện 25", Pos: Pos{Page: 1, Line: 3}, Font: ".VnTime"},
				{Text: "cơ sở dữ liệu", Pos: Pos{Page: 1, Line: 4}},
			}, FootnoteRefs: []string{"1"}},
			{Kind: TableKind, Table: &Table{Rows: []Row{
				{Header: true, Cells: []Cell{{Text: "STT", Pos: Pos{Page: 2, Line: 1, Table: 1, Row: 1, Cell: 1}, Span: 2}}},
				{Cells: []Cell{{Text: "1"}, {Text: "2.215,6\n%"}}},
			}}},
		},
		Footnotes:   []Footnote{{ID: "1", Lines: []Line{{Text: "Danh mục", Pos: Pos{Page: 1, Line: 30}}}, Ref: Pos{Page: 1, Line: 3}}},
		Meta:        Meta{Title: "Báo cáo", Created: time.Date(2022, 5, 6, 8, 0, 0, 0, time.UTC)},
		NoTextPages: []int{3},
		Encoding:    "utf-8",
		Warnings:    []string{fmt.Sprintf("max bytes %d, password %q", opt.MaxBytes, opt.Password)},
	}
}

// fakeFile writes a file for fakeReader.
func fakeFile(t testing.TB, cmd string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "report.fake")
	if err := os.WriteFile(p, []byte(cmd+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// fake loads the file at path as the fake format.
func fake(t testing.TB, path string) corpus.File {
	t.Helper()
	f, err := corpus.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	f.Format = fakeFormat
	return f
}

func TestReadIsolatedRoundTrip(t *testing.T) {
	p := fakeFile(t, "ok")
	opt := Options{MaxBytes: 12345, Password: "mật khẩu"} // both reach the child
	want, err := ReadFile(context.Background(), fake(t, p), opt)
	if err != nil {
		t.Fatal(err)
	}
	got, err := ReadIsolated(context.Background(), fake(t, p), IsolateOptions{Options: opt})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("isolated read differs:\n got %+v\nwant %+v", got, want)
	}
}

func TestReadIsolatedFailures(t *testing.T) {
	tests := []struct {
		cmd  string
		opt  IsolateOptions
		want error
		msg  string
	}{
		{"panic", IsolateOptions{}, ErrCrashed, "parser crashed: panic: boom: xref table out of range"},
		{"hang", IsolateOptions{Timeout: 2 * time.Second}, ErrTimeout, "parser timed out after 2s"},
		{"alloc", IsolateOptions{MaxMemory: 200 << 20}, ErrMemory, "parser exceeded memory limit (200.0 MiB)"},
		{"exit", IsolateOptions{}, ErrCrashed, "exit status 7"},
		{"big", IsolateOptions{MaxOutput: 1 << 20}, ErrTooLarge, "parser output exceeds 1.0 MiB"},
		{"error:corrupt", IsolateOptions{}, ErrCorrupt, "report.fake: page 3: corrupt file: bad thing"},
		{"error:encrypted", IsolateOptions{}, ErrEncrypted, "encrypted"},
		{"error:too-large", IsolateOptions{}, ErrTooLarge, "too large"},
		{"error:no-text", IsolateOptions{}, ErrNoText, "needs OCR"},
		{"error:empty", IsolateOptions{}, ErrEmpty, "empty file"},
		{"error:unsupported", IsolateOptions{}, ErrUnsupported, "unsupported"},
	}
	for _, tc := range tests {
		t.Run(tc.cmd, func(t *testing.T) {
			p := fakeFile(t, tc.cmd)
			doc, err := ReadIsolated(context.Background(), fake(t, p), tc.opt)
			checkReadError(t, p, doc, err, tc.want, tc.msg)
		})
	}
}

// checkReadError checks that reading path failed with an error that
// names the file, wraps want and says msg.
func checkReadError(t *testing.T, path string, doc *Document, err, want error, msg string) {
	t.Helper()
	if err == nil {
		t.Fatalf("no error; document %+v", doc)
	}
	if !errors.Is(err, want) {
		t.Errorf("error %q does not wrap %q", err, want)
	}
	if !strings.Contains(err.Error(), msg) {
		t.Errorf("error %q lacks %q", err, msg)
	}
	if !strings.HasPrefix(err.Error(), path+": ") {
		t.Errorf("error %q does not start with the path", err)
	}
}

func TestReadIsolatedCancel(t *testing.T) {
	p := fakeFile(t, "hang")
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(300*time.Millisecond, cancel)
	_, err := ReadIsolated(ctx, fake(t, p), IsolateOptions{Timeout: time.Minute})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("error %v, want context.Canceled", err)
	}
}

// TestReadIsolatedNotLoaded checks that a file whose content was not
// read is refused without bothering a child.
func TestReadIsolatedNotLoaded(t *testing.T) {
	_, err := ReadIsolated(context.Background(), corpus.File{Path: "none.pdf", Format: corpus.PDF, Size: 10}, IsolateOptions{})
	if err == nil || !strings.Contains(err.Error(), "not inspected") {
		t.Fatalf("error %v, want a file not inspected", err)
	}
	_, err = ReadIsolated(context.Background(), corpus.File{Path: "empty.pdf", Format: corpus.PDF, Data: []byte{}}, IsolateOptions{})
	if !errors.Is(err, ErrEmpty) {
		t.Fatalf("error %v, want ErrEmpty", err)
	}
}

// TestReadIsolatedFormat checks that the child reads the content as the
// format it is told, and never detects it again: a fake file told to be
// text goes to the text reader, which this binary lacks.
func TestReadIsolatedFormat(t *testing.T) {
	f := fake(t, fakeFile(t, "ok"))
	f.Format = corpus.Text
	_, err := ReadIsolated(context.Background(), f, IsolateOptions{})
	if !errors.Is(err, ErrUnsupported) || !strings.Contains(err.Error(), `format "text"`) {
		t.Fatalf("error %v, want ErrUnsupported for format text", err)
	}
}

// TestReadIsolatedName checks that a name that is not valid UTF-8
// reaches the reader and comes back, in the document and in errors, as
// the same bytes.
func TestReadIsolatedName(t *testing.T) {
	name := filepath.Join(t.TempDir(), "b\xe1o-c\xff\xfe.fake")
	for _, cmd := range []string{"ok", "error:corrupt"} {
		if err := os.WriteFile(name, []byte(cmd+"\n"), 0o644); err != nil {
			t.Skipf("this file system refuses the name: %v", err)
		}
		doc, err := ReadIsolated(context.Background(), fake(t, name), IsolateOptions{})
		switch cmd {
		case "ok":
			if err != nil || doc.Path != name {
				t.Errorf("ok: path %q, %v; want %q", doc.Path, err, name)
			}
		default:
			if !errors.Is(err, ErrCorrupt) || !strings.HasPrefix(err.Error(), name+": page 3") {
				t.Errorf("error %q, want it to start with the name's bytes %q", err, name)
			}
		}
	}
}

func TestFormatDuration(t *testing.T) {
	for d, want := range map[time.Duration]string{
		60 * time.Second: "60s", 2 * time.Second: "2s", 1500 * time.Millisecond: "1.5s",
	} {
		if got := formatDuration(d); got != want {
			t.Errorf("formatDuration(%v) = %q, want %q", d, got, want)
		}
	}
}

func TestFormatBytes(t *testing.T) {
	for n, want := range map[int64]string{
		512: "512 B", 2 << 30: "2.0 GiB", 200 << 20: "200.0 MiB", 1536: "1.5 KiB",
	} {
		if got := formatBytes(n); got != want {
			t.Errorf("formatBytes(%d) = %q, want %q", n, got, want)
		}
	}
}

// BenchmarkReadIsolated measures the overhead of one isolated read of a
// tiny file: starting the child, and the JSON round trip.
func BenchmarkReadIsolated(b *testing.B) {
	f := fake(b, fakeFile(b, "ok"))
	for b.Loop() {
		if _, err := ReadIsolated(context.Background(), f, IsolateOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}
