package docx_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/baocao/baocao/corpus"
	"github.com/baocao/baocao/extract"
	"github.com/baocao/baocao/extract/docx"
)

func readFile(t testing.TB, name string) *extract.Document {
	t.Helper()
	doc, err := extract.Read(context.Background(), filepath.Join(fixtureDir, "real", name), extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestKonTum(t *testing.T) {
	doc := readFile(t, "kon-tum-2021.docx")
	if len(doc.Footnotes) != 14 {
		t.Fatalf("%d footnotes, want 14", len(doc.Footnotes))
	}
	if fn := doc.Footnotes[7]; len(fn.Lines) == 0 || !strings.Contains(fn.Lines[0].Text, "1.774 thủ tục hành chính") {
		t.Errorf("footnote 8 = %+v, want the text with 1.774 thủ tục hành chính", fn)
	}
	for i, fn := range doc.Footnotes {
		if fn.Ref.Line == 0 {
			t.Errorf("footnote %d (id %s) has no reference", i+1, fn.ID)
		}
	}
	var tables []*extract.Table
	for _, b := range doc.Blocks {
		if b.Kind == extract.TableKind {
			tables = append(tables, b.Table)
		}
	}
	if len(tables) != 1 {
		t.Fatalf("%d tables, want 1", len(tables))
	}
	tb := tables[0]
	header, body := 0, 0
	for i, r := range tb.Rows {
		if r.Header {
			header++
		} else {
			body++
		}
		cols := 0
		for _, c := range r.Cells {
			cols += max(c.Span, 1)
		}
		if cols != 8 {
			t.Errorf("row %d has %d columns, want 8", i+1, cols)
		}
	}
	if header != 1 || body != 11 || !tb.Rows[0].Header {
		t.Errorf("%d header rows (first: %v) and %d body rows, want 1 first and 11", header, tb.Rows[0].Header, body)
	}
	if got := tb.Rows[0].Cells[1].Text; got != "Tên dự án/nhiệm vụ" {
		t.Errorf("header cell 2 = %q", got)
	}
	if doc.Meta.Title == "" || doc.Meta.Created.IsZero() {
		t.Errorf("meta = %+v", doc.Meta)
	}
}

func TestDakLak(t *testing.T) {
	doc := readFile(t, "dak-lak-2021.docx")
	body := bodyText(doc)
	if !strings.Contains(body, "hoàn thiện 25 cơ sở") {
		t.Error(`body lacks "hoàn thiện 25 cơ sở"`)
	}
	if strings.Contains(body, "251") {
		t.Error(`body has "251": footnote mark glued to the number`)
	}
	if len(doc.Footnotes) != 1 {
		t.Fatalf("%d footnotes, want 1", len(doc.Footnotes))
	}
	// The header holds only a PAGE field; no block may be a bare page
	// number.
	for _, b := range doc.Blocks {
		for _, l := range b.Lines {
			if strings.Trim(l.Text, "0123456789") == "" {
				t.Errorf("block at %+v is a bare number %q", l.Pos, l.Text)
			}
		}
	}
	headings := 0
	for _, b := range doc.Blocks {
		if b.Kind == extract.Heading {
			headings++
		}
	}
	if headings == 0 {
		t.Error("no headings")
	}
}

// BenchmarkRead reads the Kon Tum report; b.SetBytes makes the MB/s
// column the reading speed.
func BenchmarkRead(b *testing.B) {
	data, err := os.ReadFile(filepath.Join(fixtureDir, "real", "kon-tum-2021.docx"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := docx.Read(context.Background(), strings.NewReader(string(data)), int64(len(data)), "kon-tum-2021.docx", extract.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBomb measures how fast the zip bomb fixture is refused.
func BenchmarkBomb(b *testing.B) {
	data, err := os.ReadFile(filepath.Join(fixtureDir, "zipbomb", "bomb.docx"))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := readBytes(b, "bomb.docx", data); err == nil {
			b.Fatal("bomb accepted")
		}
	}
}

// BenchmarkBombLying measures the refusal of a bomb whose zip directory
// understates the expanded size, so that only counting catches it.
func BenchmarkBombLying(b *testing.B) {
	data := buildBomb(b, 300<<20, true)
	b.ResetTimer()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := readBytes(b, "bomb.docx", data); err == nil {
			b.Fatal("bomb accepted")
		}
	}
}

// TestMain lets the test binary serve as the child of
// extract.ReadIsolated.
func TestMain(m *testing.M) {
	if extract.ChildMain() {
		return
	}
	os.Exit(m.Run())
}

// load loads the file at path for a read.
func load(t *testing.T, path string) corpus.File {
	t.Helper()
	f, err := corpus.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// TestIsolated reads the real files in a child process: the documents
// must survive the trip exactly.
func TestIsolated(t *testing.T) {
	for _, name := range []string{"kon-tum-2021.docx", "dak-lak-2021.docx"} {
		want := readFile(t, name)
		got, err := extract.ReadIsolated(context.Background(), load(t, filepath.Join(fixtureDir, "real", name)), extract.IsolateOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: isolated read differs", name)
		}
	}
	_, err := extract.ReadIsolated(context.Background(), load(t, filepath.Join(fixtureDir, "truncated", "x.docx")), extract.IsolateOptions{})
	if !errors.Is(err, extract.ErrCorrupt) || !strings.Contains(err.Error(), "XML syntax error") {
		t.Errorf("truncated: error %v, want ErrCorrupt with the XML error", err)
	}
}
