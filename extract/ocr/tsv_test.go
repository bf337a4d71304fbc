package ocr

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/baocao/baocao/extract"
)

const tablePageTSV = "../../testdata/ocr/tsv/table-page.tsv"

const tsvHeader = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"

// w5 formats one level-5 TSV row.
func w5(block, par, line, word, left, top, width, height int, conf float64, text string) string {
	return fmt.Sprintf("5\t1\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%g\t%s\n", block, par, line, word, left, top, width, height, conf, text)
}

func TestParseTSV(t *testing.T) {
	tests := []struct {
		name  string
		tsv   string
		want  []string // blocks: "P:line|line" or "T:cell,cell;cell,cell"
		confs []float64
		err   bool
	}{
		{name: "empty", tsv: "", want: nil},
		{name: "header only", tsv: tsvHeader, want: nil},
		{
			name: "two paragraphs",
			tsv: tsvHeader +
				"1\t1\t0\t0\t0\t0\t0\t0\t1000\t1000\t-1\t\n" +
				w5(1, 1, 1, 1, 10, 10, 50, 30, 90, "Tổng") +
				w5(1, 1, 1, 2, 70, 10, 60, 30, 80, "1.058") +
				w5(1, 1, 2, 1, 10, 50, 50, 30, 70, "hồ") +
				w5(1, 1, 2, 2, 70, 50, 40, 30, 0, " ") +
				w5(1, 2, 1, 1, 10, 100, 50, 30, 95.55, "Mới"),
			want:  []string{"P:Tổng 1.058|hồ", "P:Mới"},
			confs: []float64{85, 70, 95.6},
		},
		{
			name: "decomposed text is composed",
			tsv:  tsvHeader + w5(1, 1, 1, 1, 10, 10, 50, 30, 90, "Vie\u0323\u0302t"),
			want: []string{"P:Việt"},
		},
		{
			// Package grid finds the table: a caption, a header, rows
			// anchored on their numbers, a wrapped label joined to its
			// row.
			name: "table",
			tsv: tsvHeader +
				w5(1, 1, 1, 1, 10, 10, 70, 30, 90, "Bảng") + w5(1, 1, 1, 2, 90, 10, 20, 30, 90, "1") +
				w5(2, 1, 1, 1, 10, 60, 60, 30, 90, "Đơn") + w5(2, 1, 1, 2, 80, 60, 40, 30, 90, "vị") +
				w5(3, 1, 1, 1, 500, 60, 80, 30, 90, "Số") +
				w5(2, 1, 2, 1, 10, 110, 60, 30, 90, "Sở") + w5(2, 1, 2, 2, 80, 110, 30, 30, 90, "Y") + w5(2, 1, 2, 3, 120, 110, 40, 30, 90, "tế") +
				w5(3, 1, 2, 1, 500, 110, 100, 30, 90, "4.768") +
				w5(2, 1, 3, 1, 10, 160, 60, 30, 90, "Sở") + w5(2, 1, 3, 2, 80, 160, 60, 30, 90, "Tài") +
				w5(3, 1, 3, 1, 500, 160, 120, 30, 90, "12.679") +
				w5(2, 1, 4, 1, 10, 200, 80, 30, 90, "chính") +
				w5(4, 1, 1, 1, 10, 300, 60, 30, 90, "Sau"),
			want: []string{"P:Bảng 1", "T:Đơn vị,Số;Sở Y tế,4.768;Sở Tài chính,12.679", "P:Sau"},
		},
		{
			name: "wide gap in a lone row keeps two spaces",
			tsv: tsvHeader +
				w5(1, 1, 1, 1, 10, 10, 60, 30, 90, "Tổng") + w5(1, 1, 1, 2, 500, 10, 60, 30, 90, "12"),
			want: []string{"P:Tổng  12"},
		},
		{name: "short row", tsv: tsvHeader + "5\t1\t1\n", err: true},
		{name: "bad number", tsv: tsvHeader + "5\t1\tx\t1\t1\t1\t0\t0\t1\t1\t90\tA\n", err: true},
		{name: "bad confidence", tsv: tsvHeader + "5\t1\t1\t1\t1\t1\t0\t0\t1\t1\tNaN\tA\n", err: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			blocks, _, err := ParseTSV([]byte(tc.tsv), 3, Placement{})
			if tc.err {
				if err == nil {
					t.Fatalf("no error for %q", tc.tsv)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got := summarize(blocks)
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("blocks:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
			var confs []float64
			for _, b := range blocks {
				for _, l := range b.Lines {
					confs = append(confs, l.Conf)
				}
			}
			if tc.confs != nil && fmt.Sprint(confs) != fmt.Sprint(tc.confs) {
				t.Errorf("confidences %v, want %v", confs, tc.confs)
			}
			checkPositions(t, blocks, 3)
		})
	}
}

// summarize renders blocks compactly for comparison.
func summarize(blocks []extract.Block) []string {
	var out []string
	for _, b := range blocks {
		switch b.Kind {
		case extract.TableKind:
			var rows []string
			for _, r := range b.Table.Rows {
				var cells []string
				for _, c := range r.Cells {
					if c.Span > 1 {
						cells = append(cells, fmt.Sprintf("%s^%d", c.Text, c.Span))
						continue
					}
					cells = append(cells, c.Text)
				}
				rows = append(rows, strings.Join(cells, ","))
			}
			out = append(out, "T:"+strings.Join(rows, ";"))
		default:
			var lines []string
			for _, l := range b.Lines {
				lines = append(lines, l.Text)
			}
			out = append(out, "P:"+strings.Join(lines, "|"))
		}
	}
	return out
}

// checkPositions checks that every line and row is on page and that line
// numbers run 1, 2, 3… in block order.
func checkPositions(t *testing.T, blocks []extract.Block, page int) {
	t.Helper()
	next := 1
	for _, b := range blocks {
		for _, l := range b.Lines {
			if l.Pos.Page != page || l.Pos.Line != next {
				t.Errorf("line %q at %+v, want page %d line %d", l.Text, l.Pos, page, next)
			}
			if l.Conf <= 0 || l.Conf > 100 {
				t.Errorf("line %q: confidence %v", l.Text, l.Conf)
			}
			next++
		}
		if b.Table != nil {
			for ri, r := range b.Table.Rows {
				for ci, c := range r.Cells {
					if c.Pos.Page != page || c.Pos.Line != next || c.Pos.Row != ri+1 || c.Pos.Cell != ci+1 || c.Span < 1 {
						t.Errorf("cell %q at %+v span %d, want page %d line %d row %d cell %d", c.Text, c.Pos, c.Span, page, next, ri+1, ci+1)
					}
				}
				next++
			}
		}
	}
}

func TestParseTSVRealPage(t *testing.T) {
	tsv, err := os.ReadFile(tablePageTSV)
	if err != nil {
		t.Fatal(err)
	}
	blocks, _, err := ParseTSV(tsv, 1, Placement{})
	if err != nil {
		t.Fatal(err)
	}
	checkPositions(t, blocks, 1)
	got := summarize(blocks)
	want := []string{
		"P:Báo cáo kết quả chuyển đổi số năm 2023",
		"P:Trong năm, tỉnh đã tiếp nhận 751.295 hồ sơ trực tuyến,|trong đó có 1.234 hồ sơ mức độ 4. Tỷ lệ hồ sơ xử lý đúng|hạn đạt 46,14%. Kinh phí thực hiện là 29.473,482 triệu|đồng.",
		"P:Bảng 1. Số liệu theo đơn vị",
		"T:Đơn vị,Hồ sơ,Tỷ lệ;Sở Tài chính,4.768,98,5%;Sở Y tế,12.679,87,2%;Huyện Krông Pắc,2.130,76,0%",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("blocks:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// fuzzPage is the level-1 row of a small page image, 1000×1400 pixels.
const fuzzPage = "1\t1\t0\t0\t0\t0\t0\t0\t1000\t1400\t-1\t\n"

func FuzzParseTSV(f *testing.F) {
	// Small seeds, a few rows each, so that the fuzzer explores: a
	// paragraph, a captioned table, small print below the body with a
	// mark, a page number in the margin, noise, odd numbers.
	f.Add([]byte(fuzzPage + w5(1, 1, 1, 1, 10, 10, 60, 30, 90, "Tổng") + w5(1, 1, 1, 2, 80, 10, 60, 30, 80, "1.058") +
		w5(1, 1, 2, 1, 10, 50, 50, 30, 70, "hồ")))
	f.Add([]byte(fuzzPage + w5(1, 1, 1, 1, 10, 10, 70, 30, 90, "Bảng") + w5(1, 1, 1, 2, 90, 10, 20, 30, 90, "1") +
		w5(2, 1, 1, 1, 10, 60, 60, 30, 90, "Đơn") + w5(3, 1, 1, 1, 500, 60, 80, 30, 90, "Số") +
		w5(2, 1, 2, 1, 10, 110, 60, 30, 90, "Sở") + w5(3, 1, 2, 1, 500, 110, 100, 30, 90, "4.768") +
		w5(2, 1, 3, 1, 10, 160, 60, 30, 90, "Huyện") + w5(3, 1, 3, 1, 500, 160, 120, 30, 90, "12.679")))
	f.Add([]byte(fuzzPage + w5(1, 1, 1, 1, 10, 600, 60, 30, 90, "Văn") + w5(1, 1, 1, 2, 80, 600, 60, 30, 90, "bản") +
		w5(2, 1, 1, 1, 10, 1200, 10, 15, 60, "1") + w5(2, 1, 1, 2, 25, 1200, 60, 15, 90, "Số") +
		w5(3, 1, 1, 1, 500, 1360, 20, 30, 95, "2")))
	f.Add([]byte(tsvHeader + w5(1, 1, 1, 1, -5, -10, -60, 0, -1, "x") + w5(1, 1, 1, 2, 0, 0, 10, 10, 30, "__") +
		w5(1, 2, 1, 1, 5, 5, 5, 5, 100, "'")))
	f.Fuzz(func(t *testing.T, tsv []byte) {
		blocks, notes, err := ParseTSV(tsv, 1, Placement{})
		if err != nil {
			return
		}
		// Every word that is not noise or a page number comes out.
		words := 0
		for _, l := range strings.Split(string(tsv), "\n") {
			f := strings.SplitN(l, "\t", 12)
			if len(f) < 12 || f[0] != "5" {
				continue
			}
			text := strings.TrimSpace(f[11])
			conf, _ := strconv.ParseFloat(f[10], 64)
			if text != "" && !noise(text, conf) && !pageNumberRe.MatchString(text) {
				words++
			}
		}
		if words > 0 && len(blocks)+len(notes) == 0 {
			t.Errorf("%d words, no blocks", words)
		}
		checkPositions(t, blocks, 1)
		for _, s := range summarize(blocks) {
			if !utf8.ValidString(s) && utf8.Valid(tsv) {
				t.Errorf("invalid UTF-8 out of valid input: %q", s)
			}
		}
	})
}

func BenchmarkParseTSV(b *testing.B) {
	for _, name := range []string{"table-page", "footnote-page"} {
		b.Run(name, func(b *testing.B) {
			tsv, err := os.ReadFile("../../testdata/ocr/tsv/" + name + ".tsv")
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(tsv)))
			for b.Loop() {
				if _, _, err := ParseTSV(tsv, 1, Placement{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestParseTSVFootnotePage is page 4 of the Đắk Lắk scan: body text and
// a footnote in a smaller font with short words ("Danh mục …"), which
// once came out as a two-row table.
func TestParseTSVFootnotePage(t *testing.T) {
	tsv, err := os.ReadFile("../../testdata/ocr/tsv/footnote-page.tsv")
	if err != nil {
		t.Fatal(err)
	}
	blocks, _, err := ParseTSV(tsv, 4, Placement{})
	if err != nil {
		t.Fatal(err)
	}
	checkPositions(t, blocks, 4)
	text := strings.Join(summarize(blocks), "\n")
	for _, b := range blocks {
		if b.Kind == extract.TableKind {
			t.Errorf("table found in running text: %s", summarize([]extract.Block{b}))
		}
	}
	for _, s := range []string{
		"Tỉnh đã hoàn thiện 25",
		"Danh mục cơ quan; Danh mục đơn vị; Danh mục cán bộ công chức;",
		"1315/1611",
		"82,6%",
	} {
		if !strings.Contains(text, s) {
			t.Errorf("page text lacks %q", s)
		}
	}
}

func TestPlacementBox(t *testing.T) {
	// An A4 page, 595×842 pt, rendered at 72 dpi so that a pixel is a
	// point: the word at pixels (100, 50) 40×10 of the displayed page.
	const w, h = 595, 842
	tests := []struct {
		name string
		pl   Placement
		imgW int
		imgH int
		want extract.Box
	}{
		{"unrotated", Placement{Frame: extract.Box{W: w, H: h}, PageW: w, PageH: h}, w, h, extract.Box{X: 100, Y: 50, W: 40, H: 10}},
		{"image at 2 px a point", Placement{Frame: extract.Box{W: w, H: h}, PageW: w, PageH: h}, 2 * w, 2 * h, extract.Box{X: 50, Y: 25, W: 20, H: 5}},
		{"image inset on the page", Placement{Frame: extract.Box{X: 10, Y: 20, W: w - 20, H: h - 40}, PageW: w, PageH: h}, w - 20, h - 40, extract.Box{X: 110, Y: 70, W: 40, H: 10}},
		// Turned 90° clockwise for display: the displayed top edge is
		// the page's left edge.
		{"rotate 90", Placement{Frame: extract.Box{W: h, H: w}, Rotate: 90, PageW: w, PageH: h}, h, w, extract.Box{X: 50, Y: h - 140, W: 10, H: 40}},
		{"rotate 180", Placement{Frame: extract.Box{W: w, H: h}, Rotate: 180, PageW: w, PageH: h}, w, h, extract.Box{X: w - 140, Y: h - 60, W: 40, H: 10}},
		{"rotate 270", Placement{Frame: extract.Box{W: h, H: w}, Rotate: 270, PageW: w, PageH: h}, h, w, extract.Box{X: w - 60, Y: 100, W: 10, H: 40}},
		{"zero placement", Placement{}, w, h, extract.Box{}},
		{"unknown image size", Placement{Frame: extract.Box{W: w, H: h}}, 0, 0, extract.Box{}},
	}
	for _, tc := range tests {
		if got := tc.pl.box(100, 50, 40, 10, tc.imgW, tc.imgH); got != tc.want {
			t.Errorf("%s: box = %+v, want %+v", tc.name, got, tc.want)
		}
	}
}

func TestParseTSVBoxes(t *testing.T) {
	// A 1000×2000 pixel image of a 100×200 pt page: 10 pixels a point.
	tsv := tsvHeader +
		"1\t1\t0\t0\t0\t0\t0\t0\t1000\t2000\t-1\t\n" +
		w5(1, 1, 1, 1, 100, 100, 200, 50, 90, "Tổng") + w5(1, 1, 1, 2, 320, 100, 150, 60, 80, "số") +
		w5(1, 1, 1, 3, 900, 110, 90, 40, 70, "12") +
		w5(1, 1, 2, 1, 100, 300, 100, 50, 60, "Việt")
	pl := Placement{Frame: extract.Box{W: 100, H: 200}, PageW: 100, PageH: 200}
	blocks, _, err := ParseTSV([]byte(tsv), 1, pl)
	if err != nil {
		t.Fatal(err)
	}
	if len(blocks) != 1 || len(blocks[0].Lines) != 2 {
		t.Fatalf("blocks: %s", summarize(blocks))
	}
	l := blocks[0].Lines[0]
	if l.Text != "Tổng số  12" {
		t.Errorf("text %q", l.Text)
	}
	wantWords := []struct {
		text string
		box  extract.Box
	}{
		{"Tổng", extract.Box{X: 10, Y: 10, W: 20, H: 5}},
		{"số", extract.Box{X: 32, Y: 10, W: 15, H: 6}},
		{"12", extract.Box{X: 90, Y: 11, W: 9, H: 4}},
	}
	if len(l.Words) != len(wantWords) {
		t.Fatalf("words %+v", l.Words)
	}
	for i, w := range l.Words {
		if got := l.Text[w.Start:w.End]; got != wantWords[i].text || w.Box != wantWords[i].box {
			t.Errorf("word %d = %q %+v, want %q %+v", i, got, w.Box, wantWords[i].text, wantWords[i].box)
		}
	}
	if want := (extract.Box{X: 10, Y: 10, W: 89, H: 6}); l.Box != want {
		t.Errorf("line box %+v, want %+v", l.Box, want)
	}
	if l.Conf != 80 || blocks[0].Lines[1].Conf != 60 {
		t.Errorf("confidences %v %v", l.Conf, blocks[0].Lines[1].Conf)
	}
	// Without a level-1 row, the image size is the words' extent.
	blocks, _, err = ParseTSV([]byte(tsvHeader+w5(1, 1, 1, 1, 0, 0, 500, 100, 90, "A")), 1, pl)
	if err != nil || blocks[0].Lines[0].Box != (extract.Box{W: 100, H: 200}) {
		t.Errorf("no page row: %+v, %v", blocks, err)
	}
}

func TestNoise(t *testing.T) {
	tests := []struct {
		text string
		conf float64
		want bool
	}{
		{"__", 95, true}, {"-_", 53, true}, {":", 82, true}, {".", 96, true}, {"'", 90, true}, {"|", 91, true},
		{"-", 92, false}, {"–", 90, false}, {"+", 88, false}, {"(", 85, false}, {"•", 80, false},
		{"-", 45, true}, {"a", 10, true}, {"ý", 47, true}, {"ở", 90, false}, {"1", 30, false}, {"đã", 96, false}, {"1.234:", 60, false},
	}
	for _, tc := range tests {
		if got := noise(tc.text, tc.conf); got != tc.want {
			t.Errorf("noise(%q, %v) = %v, want %v", tc.text, tc.conf, got, tc.want)
		}
	}
}
