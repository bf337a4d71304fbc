package extract

import (
	"encoding/json"
	"math"
	"reflect"
	"testing"
	"time"
)

// TestReplyRoundTrip checks that a reply decodes to what a JSON round
// trip gives, whichever encoding encodeReply chose, and that it chose
// gob only where the two agree.
func TestReplyRoundTrip(t *testing.T) {
	line := Line{Text: "Tổng số hồ sơ: 1.234", Pos: Pos{Page: 1, Line: 3}, Font: "Times", Box: Box{X: 1.5, Y: 2, W: 30, H: 10},
		Words: []Word{{Start: 0, End: 4, Box: Box{X: 1.5, Y: 2, W: 5, H: 10}}}}
	base := func() *Document {
		return &Document{Path: "a.pdf", Format: "pdf", Pages: 2,
			Blocks: []Block{{Kind: Paragraph, Lines: []Line{line}, FootnoteRefs: []string{"1"}},
				{Kind: TableKind, Table: &Table{Rows: []Row{{Cells: []Cell{{Text: "1,5", Span: 2, Box: Box{W: 3}}}, Header: true}}}}},
			Footnotes:   []Footnote{{ID: "1", Lines: []Line{line}, Ref: Pos{Page: 1, Line: 3}}},
			Meta:        Meta{Title: "Báo cáo", Created: time.Date(2021, 12, 15, 8, 0, 0, 0, time.FixedZone("", 7*3600))},
			NoTextPages: []int{2}, Warnings: []string{"repaired"}}
	}
	tests := []struct {
		name   string
		change func(d *Document)
		gob    bool
	}{
		{"plain", func(d *Document) {}, true},
		{"no blocks", func(d *Document) { d.Blocks, d.Footnotes = nil, nil }, true},
		{"empty blocks", func(d *Document) { d.Blocks = []Block{} }, false},
		{"empty rows", func(d *Document) { d.Blocks[1].Table.Rows = []Row{} }, false},
		{"invalid UTF-8", func(d *Document) { d.Blocks[0].Lines[0].Text = "a\xffb" }, false},
		{"invalid UTF-8 in a warning", func(d *Document) { d.Warnings = []string{"\xc3"} }, false},
		{"infinite box", func(d *Document) { d.Blocks[0].Lines[0].Words[0].Box.W = math.Inf(1) }, false},
		{"offset JSON cannot write", func(d *Document) { d.Meta.Modified = time.Date(2021, 1, 1, 0, 0, 0, 0, time.FixedZone("", 99*3600)) }, false},
	}
	for _, tt := range tests {
		d := base()
		d.Blocks[0].Lines = append([]Line(nil), d.Blocks[0].Lines...)
		d.Blocks[0].Lines[0].Words = append([]Word(nil), line.Words...)
		tt.change(d)
		r := serverReply{Doc: d}
		enc, err := encodeReply(r)
		wantEnc, wantErr := json.Marshal(r)
		if (err != nil) != (wantErr != nil) {
			t.Errorf("%s: encodeReply error %v; JSON gives %v", tt.name, err, wantErr)
			continue
		}
		if err != nil {
			continue
		}
		if got := enc[0] == gobReply; got != tt.gob {
			t.Errorf("%s: gob = %v; want %v", tt.name, got, tt.gob)
		}
		var got, want serverReply
		if err := decodeReply(enc, &got); err != nil {
			t.Fatalf("%s: decodeReply: %v", tt.name, err)
		}
		if err := json.Unmarshal(wantEnc, &want); err != nil {
			t.Fatal(err)
		}
		g, _ := json.Marshal(got)
		w, _ := json.Marshal(want)
		if string(g) != string(w) {
			t.Errorf("%s: decoded\n%s\nwant\n%s", tt.name, g, w)
		}
		if tt.gob && len(want.Doc.Blocks) > 0 && !reflect.DeepEqual(got.Doc.Blocks[0].Lines, want.Doc.Blocks[0].Lines) {
			t.Errorf("%s: lines differ", tt.name)
		}
	}
}
