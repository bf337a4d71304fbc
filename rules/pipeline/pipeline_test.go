package pipeline

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/baocao/baocao/corpus"
	"github.com/baocao/baocao/extract"
	"github.com/baocao/baocao/extract/ocr"

	_ "github.com/baocao/baocao/extract/docx"
	_ "github.com/baocao/baocao/extract/pdf"
	_ "github.com/baocao/baocao/extract/text"
)

func TestMain(m *testing.M) {
	// The parser children re-execute this binary.
	if extract.ChildMain() {
		return
	}
	os.Exit(m.Run())
}

func TestNeedOCR(t *testing.T) {
	scan := &extract.Document{NoTextPages: []int{2}}
	text := &extract.Document{}
	noText := fmt.Errorf("x.pdf: %w", extract.ErrNoText)
	corrupt := fmt.Errorf("x.pdf: %w", extract.ErrCorrupt)
	for _, tc := range []struct {
		format corpus.Format
		doc    *extract.Document
		err    error
		mode   string
		want   bool
	}{
		{corpus.PDF, nil, noText, ocr.ModeAuto, true},
		{corpus.PDF, nil, noText, ocr.ModeNever, false},
		{corpus.PDF, scan, nil, ocr.ModeAuto, true},
		{corpus.PDF, scan, nil, "", true},
		{corpus.PDF, text, nil, ocr.ModeAuto, false},
		{corpus.PDF, text, nil, ocr.ModeAlways, true},
		{corpus.PDF, nil, corrupt, ocr.ModeAlways, false},
		{corpus.DOCX, text, nil, ocr.ModeAlways, false},
		{corpus.Text, nil, noText, ocr.ModeAuto, false},
	} {
		if got := needOCR(tc.format, tc.doc, tc.err, tc.mode); got != tc.want {
			t.Errorf("needOCR(%s, %v, %v, %q) = %v, want %v", tc.format, tc.doc, tc.err, tc.mode, got, tc.want)
		}
	}
}

// TestReport checks that a report is the same read in a parser child
// and in this process, carries the file's name and hash, and that a
// file not inspected is refused.
func TestReport(t *testing.T) {
	ctx := context.Background()
	isolated, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer isolated.Close()
	inProc, err := New(Options{InProcess: true})
	if err != nil {
		t.Fatal(err)
	}
	defer inProc.Close()
	for _, name := range []string{"kon-tum-2021.docx", "kon-tum-2021.pdf", "dak-lak-2021.txt"} {
		f, err := corpus.Load(filepath.Join("..", "..", "testdata", "samples", name))
		if err != nil {
			t.Fatal(err)
		}
		a, err := isolated.Report(ctx, f)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		b, err := inProc.Report(ctx, f)
		if err != nil {
			t.Fatalf("%s in process: %v", name, err)
		}
		if a.File != name || a.SHA256 != f.SHA256 || a.Format != string(f.Format) || len(a.Metrics) < 20 {
			t.Errorf("%s: file %q sha %q format %q, %d metrics", name, a.File, a.SHA256, a.Format, len(a.Metrics))
		}
		if !reflect.DeepEqual(a.Metrics, b.Metrics) {
			t.Errorf("%s: metrics differ between a child and this process", name)
		}
	}
	if _, err := isolated.Report(ctx, corpus.File{Path: "x.pdf"}); err == nil {
		t.Error("a file not inspected was read")
	}
	if _, err := New(Options{OCR: ocr.Options{Mode: "sometimes"}}); err == nil {
		t.Error("New accepted OCR mode \"sometimes\"")
	}
	isolated.Close()
	f, _ := corpus.Load(filepath.Join("..", "..", "testdata", "samples", "kon-tum-2021.docx"))
	if _, err := isolated.Report(ctx, f); err == nil || errors.Is(err, extract.ErrCorrupt) {
		t.Errorf("read after Close: %v, want an error", err)
	}
}
