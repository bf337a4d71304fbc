package docx

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/baocao/baocao/extract"
)

// TestCappedReader checks the count of inflated bytes, which guards
// against zip directories that understate sizes (archive/zip catches
// most of those itself, so the count is reached here by lowering the
// cap after the declared sizes passed).
func TestCappedReader(t *testing.T) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("word/document.xml")
	io.WriteString(w, strings.Repeat("<w:p/>", 1000))
	zw.Close()
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		limit int64
		want  error
	}{{1 << 20, nil}, {6000, nil}, {5999, extract.ErrTooLarge}, {100, extract.ErrTooLarge}} {
		a := &archive{path: "x.docx", limit: 1 << 20, files: map[string]*zip.File{"word/document.xml": zr.File[0]}}
		rc, err := a.open("word/document.xml")
		if err != nil {
			t.Fatal(err)
		}
		a.limit = tc.limit
		_, err = io.Copy(io.Discard, rc)
		rc.Close()
		if !errors.Is(err, tc.want) {
			t.Errorf("limit %d: error %v, want %v", tc.limit, err, tc.want)
		}
		if err != nil && !strings.HasPrefix(err.Error(), "x.docx: word/document.xml: too large") {
			t.Errorf("limit %d: error %q does not name file and part", tc.limit, err)
		}
	}
}

func TestHeadingName(t *testing.T) {
	for name, want := range map[string]int{
		"heading 1": 1, "Heading9": 9, "Tiêu đề 3": 3, "Đề mục 2": 2, "Đầu đề 4": 4,
		"heading 1 Char": 0, "Heading10": 0, "Normal": 0, "": 0, "heading": 0,
		"Tie\u0302u đề 5": 5, // decomposed: NFC first
	} {
		if got := headingName(name); got != want {
			t.Errorf("headingName(%q) = %d, want %d", name, got, want)
		}
	}
}

func TestDropField(t *testing.T) {
	for instr, want := range map[string]bool{
		" PAGE ": true, "PAGE \\* MERGEFORMAT": true, " NUMPAGES ": true, "PAGEREF _Toc1 \\h": true,
		`TOC \o "1-3"`: true, ` HYPERLINK "x" `: false, "": false, " MERGEFIELD Tinh ": false,
	} {
		if got := dropField(instr); got != want {
			t.Errorf("dropField(%q) = %v, want %v", instr, got, want)
		}
	}
}
