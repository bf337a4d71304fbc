package pdf

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/baocao/baocao/extract"
)

// readBoth reads data with lexContent and with the library's
// interpreter alone, and reports a difference in the documents or
// errors.
func readBoth(t *testing.T, name string, data []byte) {
	t.Helper()
	read := func(lib bool) (*extract.Document, string) {
		libraryLexer = lib
		defer func() { libraryLexer = false }()
		doc, err := Read(context.Background(), bytes.NewReader(data), int64(len(data)), name, extract.Options{})
		msg := ""
		if err != nil {
			msg = err.Error()
		}
		return doc, msg
	}
	d1, e1 := read(false)
	d2, e2 := read(true)
	if e1 != e2 || !reflect.DeepEqual(d1, d2) {
		t.Errorf("%s: lexContent and the library differ (errors %q, %q)", name, e1, e2)
	}
}

// TestLexContentSameAsLibrary reads every PDF of testdata/pdf both
// ways: the documents must be the same.
func TestLexContentSameAsLibrary(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(testdata, "*", "*.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 10 {
		t.Fatalf("only %d PDFs in %s", len(files), testdata)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		readBoth(t, f, data)
	}
}

// TestLexContentSyntax runs content streams of odd syntax both ways.
func TestLexContentSyntax(t *testing.T) {
	streams := []string{
		"BT /F1 12 Tf 72 700 Td (Hello) Tj ET",
		"BT /F1 12 Tf 72 700 Td [(A) -250 (B) 12.5 (C)] TJ ET",
		"BT /F#31 12 Tf 1 0 0 1 72 700 Tm <48656C6C6F> Tj T* (x\\(y\\)\\101\\n\\\r\nz) ' 1 2 (q) \" ET",
		"/P <</MCID 0 /A [1 2 <</B (c)>>]>> BDC BT /F1 12 Tf 72 700 Td (a) Tj ET EMC",
		"q 1 0 0 1 0 0 cm 10 10 m 100 10 l S 0 0 100 1 re f Q % comment\n BT /F1 9 Tf (tail",
		"BT /F1 12 Tf 72 700 Td (a) Tj ET 1 . Td",
		"BT /F1 12 Tf <4 8 6> Tj ET",
		"BT /F1 12 Tf [(a) 1e5 (b)] TJ ET",
		"BT /F1 12 Tf 72 700 Td (\\q) Tj ET",
		"BT /F1 12 Tf ] (a) Tj ET",
		"1 dict begin BT /F1 12 Tf (a) Tj ET end",
		"BT /F1 12 Tf 99999999999999999999 0 Td (a) Tj ET",
		"BT /F1 12 Tf true false null 3 Td (a) Tj ET",
	}
	for _, s := range streams {
		readBoth(t, s, onePagePDF(s))
	}
}

// onePagePDF returns a one-page PDF whose content stream is content,
// with a Helvetica font F1 (and F1 under the name written F#31).
func onePagePDF(content string) []byte {
	var b bytes.Buffer
	var offs []int
	obj := func(s string) {
		offs = append(offs, b.Len())
		b.WriteString(s)
	}
	b.WriteString("%PDF-1.4\n")
	obj("1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n")
	obj("2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n")
	obj("3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >> endobj\n")
	obj("4 0 obj << /Length " + itoa(len(content)) + " >> stream\n" + content + "\nendstream endobj\n")
	obj("5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 32 /LastChar 126 /Widths [" + widths() + "] >> endobj\n")
	xref := b.Len()
	b.WriteString("xref\n0 6\n0000000000 65535 f \n")
	for _, o := range offs {
		s := itoa(o)
		for len(s) < 10 {
			s = "0" + s
		}
		b.WriteString(s + " 00000 n \n")
	}
	b.WriteString("trailer << /Size 6 /Root 1 0 R >>\nstartxref\n" + itoa(xref) + "\n%%EOF\n")
	return b.Bytes()
}

func widths() string {
	var b bytes.Buffer
	for i := 32; i <= 126; i++ {
		b.WriteString("500 ")
	}
	return b.String()
}

// FuzzLexContent runs content streams that lexContent takes both ways
// (one it gives up on goes through the library either way; the library
// loops forever on some, such as an unterminated hex string "<").
func FuzzLexContent(f *testing.F) {
	for _, s := range []string{"BT /F1 12 Tf 72 700 Td (Hello) Tj ET", "BT /F1 12 Tf [(A) -250 <42>] TJ ET", "/P <</MCID 0>> BDC q 0 0 10 1 re f Q EMC", "BT /F#31 9 Tf (a\\101) ' ET"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !lexContent([]byte(s), func(string, []operand) {}) {
			return
		}
		readBoth(t, "fuzz", onePagePDF(s))
	})
}

// TestLexContentReadsText checks that the synthetic page is read at
// all: the comparisons above would pass on two empty documents.
func TestLexContentReadsText(t *testing.T) {
	data := onePagePDF("BT /F1 12 Tf 72 700 Td (Hello) Tj ET")
	doc, err := Read(context.Background(), bytes.NewReader(data), int64(len(data)), "x.pdf", extract.Options{})
	if err != nil || len(doc.Blocks) == 0 || len(doc.Blocks[0].Lines) == 0 || doc.Blocks[0].Lines[0].Text != "Hello" {
		t.Fatalf("Read = %+v, %v", doc, err)
	}
}
