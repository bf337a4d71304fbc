package normalize

import (
	"strings"
	"testing"

	"github.com/baocao/baocao/corpus"
	"github.com/baocao/baocao/extract"
)

// wordsOf gives each space-separated word of a line a box: 40 points per
// word across, at height y.
func wordsOf(text string, y float64) []extract.Word {
	var ws []extract.Word
	start := 0
	for i, f := range strings.Split(text, " ") {
		ws = append(ws, extract.Word{Start: start, End: start + len(f), Box: extract.Box{X: 72 + 40*float64(i), Y: y, W: 36, H: 12}})
		start += len(f) + 1
	}
	return ws
}

// TestLocate checks that a figure of a paragraph joined from layout lines
// is placed on the line that holds its number, with the box of its word.
func TestLocate(t *testing.T) {
	lines := []string{
		"- Tính đến ngày 13/12/2021, Cổng dịch vụ công của tỉnh",
		"cung cấp: 2.468 thủ tục hành chính (cấp tỉnh: 1.902 TTHC, cấp huyện:",
		"366 TTHC, cấp xã: 200 TTHC).",
	}
	var b extract.Block
	b.Kind = extract.Paragraph
	for i, l := range lines {
		b.Lines = append(b.Lines, extract.Line{Text: l, Pos: extract.Pos{Page: 3, Line: 10 + i}, Words: wordsOf(l, 100+15*float64(i))})
	}
	d := Normalize(&extract.Document{Format: corpus.PDF, Pages: 3, Blocks: []extract.Block{b}})
	if len(d.Paras) != 1 {
		t.Fatalf("%d paragraphs, want 1: %+v", len(d.Paras), d.Paras)
	}
	p := &d.Paras[0]
	for _, tc := range []struct {
		num  string
		line int
		x, y float64
	}{
		{num: "2.468", line: 11, x: 72 + 40*2, y: 115},
		{num: "1.902", line: 11, x: 72 + 40*9, y: 115},
		{num: "366", line: 12, x: 72, y: 130},
		{num: "200", line: 12, x: 72 + 40*4, y: 130},
	} {
		i := strings.Index(p.Text, tc.num)
		pos, box := p.Locate(i, i+len(tc.num))
		if pos.Page != 3 || pos.Line != tc.line {
			t.Errorf("%s: page %d line %d, want page 3 line %d", tc.num, pos.Page, pos.Line, tc.line)
		}
		if want := (extract.Box{X: tc.x, Y: tc.y, W: 36, H: 12}); box != want {
			t.Errorf("%s: box %+v, want %+v", tc.num, box, want)
		}
	}
	if _, box := p.Locate(0, 0); !box.IsZero() {
		t.Errorf("an empty range has box %+v", box)
	}
	// Without word positions (DOCX, text) there is no box, only the line.
	b.Lines[1].Words = nil
	d = Normalize(&extract.Document{Format: corpus.PDF, Blocks: []extract.Block{b}})
	p = &d.Paras[0]
	i := strings.Index(p.Text, "2.468")
	if pos, box := p.Locate(i, i+5); pos.Line != 11 || !box.IsZero() {
		t.Errorf("without word positions: line %d box %+v, want line 11 and no box", pos.Line, box)
	}
}
