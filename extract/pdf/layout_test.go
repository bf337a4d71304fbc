package pdf

import (
	"bytes"
	"encoding/binary"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/baocao/baocao/extract"
)

var update = flag.Bool("update", false, "rewrite testdata/pdf/layout seeds from the real PDFs")

// The fuzz encoding of pages: a sequence of 13-byte records
//
//	kind  uint8  bit 0: rule (else glyph); bit 7: start a new page
//	a, b  int16  glyph: X, Y in 1/10 pt; rule: X0, Y0
//	c, d  int16  glyph: W in 1/100 pt, font index; rule: X1, Y1
//	size  uint8  glyph size in 1/4 pt
//	r     uint16 glyph rune
const recLen = 13

var fuzzFonts = []string{"LiberationSerif", "LiberationSerif-Bold", ".VnTime", "Arial"}

// decodePieces turns fuzz bytes into pages.
func decodePieces(data []byte) []*page {
	pages := []*page{{N: 1, Width: 595, Height: 842}}
	for len(data) >= recLen {
		rec := data[:recLen]
		data = data[recLen:]
		kind := rec[0]
		a := float64(int16(binary.LittleEndian.Uint16(rec[1:])))
		b := float64(int16(binary.LittleEndian.Uint16(rec[3:])))
		c := int16(binary.LittleEndian.Uint16(rec[5:]))
		d := int16(binary.LittleEndian.Uint16(rec[7:]))
		size := float64(rec[9]) / 4
		r := rune(binary.LittleEndian.Uint16(rec[10:]))
		if kind&0x80 != 0 && len(pages) < 64 {
			pages = append(pages, &page{N: len(pages) + 1, Width: 595, Height: 842})
		}
		p := pages[len(pages)-1]
		if kind&1 != 0 {
			p.Rules = append(p.Rules, segment{a / 10, b / 10, float64(c) / 10, float64(d) / 10})
			continue
		}
		s := string(r)
		if !goodText(s) {
			p.Bad++
			s = "\uFFFD"
		}
		p.Glyphs = append(p.Glyphs, glyph{
			Font: fuzzFonts[int(uint16(d))%len(fuzzFonts)],
			Size: size, X: a / 10, Y: b / 10, W: float64(c) / 100, S: s,
		})
	}
	return pages
}

// encodePieces is the inverse of decodePieces, for writing seeds.
func encodePieces(pages []*page) []byte {
	var buf bytes.Buffer
	rec := make([]byte, recLen)
	clamp := func(v float64) uint16 {
		if v > 32767 {
			v = 32767
		}
		if v < -32768 {
			v = -32768
		}
		return uint16(int16(v))
	}
	for i, p := range pages {
		first := i > 0
		for _, g := range p.Glyphs {
			r, _ := utf8.DecodeRuneInString(g.S)
			fi := 0
			for k, f := range fuzzFonts {
				if f == g.Font {
					fi = k
				}
			}
			rec[0] = 0
			if first {
				rec[0] = 0x80
				first = false
			}
			binary.LittleEndian.PutUint16(rec[1:], clamp(g.X*10))
			binary.LittleEndian.PutUint16(rec[3:], clamp(g.Y*10))
			binary.LittleEndian.PutUint16(rec[5:], clamp(g.W*100))
			binary.LittleEndian.PutUint16(rec[7:], uint16(fi))
			rec[9] = byte(min(g.Size*4, 255))
			binary.LittleEndian.PutUint16(rec[10:], uint16(r))
			rec[12] = 0
			buf.Write(rec)
		}
		for _, s := range p.Rules {
			rec[0] = 1
			if first {
				rec[0] = 0x81
				first = false
			}
			binary.LittleEndian.PutUint16(rec[1:], clamp(s.X0*10))
			binary.LittleEndian.PutUint16(rec[3:], clamp(s.Y0*10))
			binary.LittleEndian.PutUint16(rec[5:], clamp(s.X1*10))
			binary.LittleEndian.PutUint16(rec[7:], clamp(s.Y1*10))
			rec[9], rec[10], rec[11], rec[12] = 0, 0, 0, 0
			buf.Write(rec)
		}
	}
	return buf.Bytes()
}

// TestWriteLayoutSeeds writes the seeds of FuzzLayout when run with
// -update: small pages (a hundred glyphs or so, so that the fuzzer
// runs thousands of inputs a minute) of what layout must handle: a
// paragraph with a page number, a footnote marker and its footnote, a
// ruled table, a borderless table.
func TestWriteLayoutSeeds(t *testing.T) {
	if !*update {
		t.Skip("run with -update to rewrite the seeds")
	}
	line := func(gs *[]glyph, s string, x, y, size float64) {
		*gs = append(*gs, glyphs(s, x, y, size, size/2)...)
	}
	var para, table, stream []glyph
	line(&para, "12", 290, 800, 12)
	line(&para, "Tỉnh đã hoàn thiện 25", 72, 700, 14)
	para = append(para, glyphs("1", 226, 705, 8, 4)...)
	line(&para, " cơ sở dữ liệu", 230, 700, 14)
	line(&para, "chuyên ngành.", 72, 683, 14)
	line(&para, "1 Danh mục cơ sở dữ liệu", 72, 80, 10)
	var rules []segment
	for _, y := range []float64{700, 680, 660} {
		rules = append(rules, segment{72, y, 372, y})
	}
	for _, x := range []float64{72, 122, 272, 372} {
		rules = append(rules, segment{x, 660, x, 700})
	}
	line(&table, "STT", 76, 686, 11)
	line(&table, "Nội dung", 126, 686, 11)
	line(&table, "Kinh phí", 276, 686, 11)
	line(&table, "1", 76, 666, 11)
	line(&table, "Hạ tầng", 126, 666, 11)
	line(&table, "2.215,6", 276, 666, 11)
	line(&stream, "Bảng 1. Hồ sơ", 72, 720, 11)
	for i, r := range [][3]string{{"Đơn vị", "Hồ sơ", "Tỷ lệ"}, {"Sở Tài chính", "4.768", "98,5%"}, {"Sở Y tế", "12.679", "87,2%"}, {"phố", "", ""}} {
		y := 700 - 16*float64(i)
		line(&stream, r[0], 72, y, 11)
		line(&stream, r[1], 250, y, 11)
		line(&stream, r[2], 350, y, 11)
	}
	for name, pages := range map[string][]*page{
		"paragraph.bin":  {{N: 1, Width: 595, Height: 842, Glyphs: para}},
		"table.bin":      {{N: 1, Width: 595, Height: 842, Glyphs: table, Rules: rules}},
		"borderless.bin": {{N: 1, Width: 595, Height: 842, Glyphs: stream}, {N: 2, Width: 595, Height: 842, Glyphs: stream[len(glyphs("Bảng 1. Hồ sơ", 0, 0, 11, 5.5)):]}},
	} {
		if err := os.WriteFile(filepath.Join(testdata, "layout", name), encodePieces(pages), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// checkDoc asserts what layout must always give.
func checkDoc(t *testing.T, pages []*page, doc *extract.Document) {
	t.Helper()
	check := func(l extract.Line) {
		if !utf8.ValidString(l.Text) {
			t.Fatalf("invalid UTF-8 %q", l.Text)
		}
		if l.Pos.Page < 1 || l.Pos.Page > len(pages) {
			t.Fatalf("line %q on page %d of %d", l.Text, l.Pos.Page, len(pages))
		}
	}
	for _, b := range doc.Blocks {
		for _, l := range b.Lines {
			check(l)
		}
		if b.Kind == extract.TableKind && (b.Table == nil || len(b.Table.Rows) == 0) {
			t.Fatal("empty table block")
		}
	}
	for _, f := range doc.Footnotes {
		for _, l := range f.Lines {
			check(l)
		}
	}
}

// FuzzLayout lays out pages decoded from the fuzz bytes. Its seeds are
// small pages (TestWriteLayoutSeeds); minimizing an input can hold the
// fuzzer for a minute, so run it with
//
//	go test -run XXX -fuzz FuzzLayout -fuzzminimizetime 5s ./extract/pdf
func FuzzLayout(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join(testdata, "layout", "*.bin"))
	for _, s := range seeds {
		data, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		pages := decodePieces(data)
		doc := &extract.Document{}
		layout(pages, doc)
		checkDoc(t, pages, doc)
	})
}

// glyphs lays s out from x on baseline y, one glyph per rune, each
// w points wide.
func glyphs(s string, x, y, size, w float64) []glyph {
	var out []glyph
	for _, r := range s {
		out = append(out, glyph{Font: "LiberationSerif", Size: size, X: x, Y: y, W: w, S: string(r)})
		x += w
	}
	return out
}

// cat joins runs of glyphs.
func cat(gs ...[]glyph) []glyph {
	var out []glyph
	for _, g := range gs {
		out = append(out, g...)
	}
	return out
}

func TestLayoutLines(t *testing.T) {
	for _, c := range []struct {
		name   string
		glyphs []glyph
		text   []string
		refs   []string
	}{
		{"superscript not glued",
			cat(glyphs("hoàn thiện 25", 100, 700, 14, 7), glyphs("1", 191, 705, 8, 4), glyphs(" cơ sở", 195, 700, 14, 7)),
			[]string{"hoàn thiện 25 cơ sở"}, []string{"1"}},
		{"parenthesised marker",
			cat(glyphs("cấp độ 2", 100, 700, 13, 6.5), glyphs("(13)", 152, 704.5, 7.5, 3.5), glyphs(", 02", 166, 700, 13, 6.5)),
			[]string{"cấp độ 2, 02"}, []string{"13"}},
		{"gap makes a space",
			cat(glyphs("1.543", 100, 700, 14, 7), glyphs("thủ", 140, 700, 14, 7)),
			[]string{"1.543 thủ"}, nil},
		{"hyphen kept at line end",
			cat(glyphs("dịch COVID-", 100, 700, 14, 7), glyphs("19 trên", 100, 683, 14, 7)),
			[]string{"dịch COVID-", "19 trên"}, nil},
		{"content order does not matter",
			cat(glyphs("second", 100, 683, 14, 7), glyphs("first", 100, 700, 14, 7)),
			[]string{"first", "second"}, nil},
		{"NFC",
			glyphs("Vie\u0302\u0323t", 100, 700, 14, 7),
			[]string{"Việt"}, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			lines := buildLines(frame{N: 1, Top: 842}, c.glyphs, 4)
			var got, refs []string
			for _, l := range lines {
				got = append(got, l.Text)
				for _, r := range l.Refs {
					refs = append(refs, r.ID)
				}
			}
			if strings.Join(got, "|") != strings.Join(c.text, "|") || strings.Join(refs, ",") != strings.Join(c.refs, ",") {
				t.Errorf("got %q refs %q, want %q refs %q", got, refs, c.text, c.refs)
			}
		})
	}
}

func TestLayoutParagraphs(t *testing.T) {
	var gs []glyph
	y := 780.0
	add := func(s string, x float64) {
		gs = append(gs, glyphs(s, x, y, 14, 7)...)
		y -= 17
	}
	add("12", 290)                      // page number at the top
	add("- first item runs on to", 100) // indented list item
	add("the margin and beyond it", 85)
	add("short end.", 85)
	add("a) next one", 100)
	add("Body paragraph text that", 100)
	add("continues here too ok", 85)
	pages := []*page{{N: 1, Width: 595, Height: 842, Glyphs: gs}}
	doc := &extract.Document{}
	layout(pages, doc)
	var got []string
	for _, b := range doc.Blocks {
		got = append(got, b.Text())
	}
	want := []string{
		"- first item runs on to\nthe margin and beyond it\nshort end.",
		"a) next one",
		"Body paragraph text that\ncontinues here too ok",
	}
	if strings.Join(got, "¶") != strings.Join(want, "¶") {
		t.Errorf("blocks:\n%q\nwant\n%q", got, want)
	}
	if l := doc.Blocks[0].Lines[0]; l.Pos != (extract.Pos{Page: 1, Line: 1}) {
		t.Errorf("first line at %+v, want page 1 line 1 (page number removed)", l.Pos)
	}
}

func TestLineWords(t *testing.T) {
	for _, c := range []struct {
		name   string
		glyphs []glyph
		words  []string
		xs     []float64 // left edge of each word's box
	}{
		{"gap and space glyph", cat(glyphs("1.543", 100, 700, 14, 7), glyphs("thủ tục", 140, 700, 14, 7)),
			[]string{"1.543", "thủ", "tục"}, []float64{100, 140, 168}},
		{"decomposed text composed, offsets in the NFC text", glyphs("Vie\u0302\u0323t Nam", 100, 700, 14, 7),
			[]string{"Việt", "Nam"}, []float64{100, 149}},
		{"footnote marker out of the word", cat(glyphs("25", 100, 700, 14, 7), glyphs("1", 114, 705, 8, 4), glyphs(" cơ", 118, 700, 14, 7)),
			[]string{"25", "cơ"}, []float64{100, 125}},
	} {
		t.Run(c.name, func(t *testing.T) {
			lines := buildLines(frame{N: 1, Top: 842}, c.glyphs, 4)
			if len(lines) != 1 {
				t.Fatalf("%d lines", len(lines))
			}
			l := lines[0]
			var got []string
			var xs []float64
			for _, w := range l.Words {
				got = append(got, l.Text[w.Start:w.End])
				xs = append(xs, w.Box.X)
				// Baseline 700 of a 14 pt font: the box runs from
				// 0.95 em above it to 0.35 em below, measured down
				// from the top of an 842 pt page.
				if w.Box.Y != 842-700-0.95*14 || w.Box.H != 1.3*14 {
					t.Errorf("word %q box %+v", l.Text[w.Start:w.End], w.Box)
				}
			}
			if strings.Join(got, "|") != strings.Join(c.words, "|") || fmt.Sprint(xs) != fmt.Sprint(c.xs) {
				t.Errorf("words %q at %v, want %q at %v", got, xs, c.words, c.xs)
			}
		})
	}
}

func TestWordsShift(t *testing.T) {
	// "25 cơ" with the orphan superscript 1 put back after 25.
	l := &tline{Text: "25 cơ", Refs: []ref{{ID: "1", Off: 2}},
		Words: []extract.Word{{Start: 0, End: 2}, {Start: 3, End: 6}}}
	putBackOrphans(l, map[string]bool{})
	if l.Text != "25¹ cơ" {
		t.Fatalf("text %q", l.Text)
	}
	if got := l.Text[l.Words[0].Start:l.Words[0].End] + "|" + l.Text[l.Words[1].Start:l.Words[1].End]; got != "25¹|cơ" {
		t.Errorf("words %q", got)
	}
	w := dropPrefix([]extract.Word{{Start: 0, End: 1}, {Start: 2, End: 6}}, 2)
	if len(w) != 1 || w[0] != (extract.Word{Start: 0, End: 4}) {
		t.Errorf("dropPrefix: %+v", w)
	}
}
