package ocr

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/baocao/baocao/extract"
)

// pageWords lays out lines of text as the words of a 1654×2339 page
// image: each line is "y x height text…", its words 12 pixels apart, a
// Tesseract line of its own.
func pageWords(lines ...string) []word {
	var ws []word
	for li, l := range lines {
		var y, x, h int
		var rest string
		fmt.Sscanf(l, "%d %d %d", &y, &x, &h)
		f := strings.Fields(l)
		rest = strings.Join(f[3:], " ")
		for _, t := range strings.Fields(rest) {
			w := len([]rune(t)) * h / 2
			ws = append(ws, word{block: li + 1, par: 1, line: 1, left: x, top: y, w: w, h: h, conf: 90, text: t, tessLine: li})
			x += w + 12
		}
	}
	return ws
}

func notesText(notes []extract.Footnote) []string {
	var out []string
	for _, n := range notes {
		var ls []string
		for _, l := range n.Lines {
			ls = append(ls, fmt.Sprintf("%d:%s", l.Pos.Line, l.Text))
		}
		out = append(out, n.ID+"="+strings.Join(ls, "|"))
	}
	return out
}

func TestPageZones(t *testing.T) {
	geo := geometry{imgW: 1654, imgH: 2339}
	body := []string{
		"60 800 30 - 2 -", // page number in the top margin
		"200 150 30 Hồ sơ nộp trực tuyến:",
		"250 150 30 312.608 hồ sơ, đạt 64,15%.",
		"300 150 30 Văn bản đã ký số",
	}
	notes := []string{
		"2050 150 22 1 Số liệu do Cục Chứng thực số cung cấp, tính đến",
		"2080 150 22 ngày 30/11/2024.",
		"2110 150 22 ? 02 sự cố tấn công từ chối dịch vụ.",
		"2250 800 30 3", // page number in the bottom margin
	}
	ws := pageWords(append(body, notes...)...)
	rule := ruling{a: 2000, lo: 140, hi: 540}
	tests := []struct {
		name  string
		rules []ruling
	}{
		{"footnote rule", []ruling{rule}},
		// A rule tilted by 1.7°: extended across the page it passes
		// below the right half of the first footnote line, which
		// still goes to the footnote whole.
		{"tilted footnote rule", []ruling{{a: 2045, b: 0.03, lo: 140, hi: 540}}},
		{"small print", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, n := pageZones(ws, geo, rulingSet{h: tc.rules, thick: 6}, 30)
			var bt, nt []string
			for _, w := range b {
				bt = append(bt, w.text)
			}
			for _, w := range n {
				nt = append(nt, w.text)
			}
			if got := strings.Join(bt, " "); got != "Hồ sơ nộp trực tuyến: 312.608 hồ sơ, đạt 64,15%. Văn bản đã ký số" {
				t.Errorf("body %q", got)
			}
			notes := footnotes(n, 4, 3, 30, geo, 0)
			numberNotes(notes)
			want := []string{"1=4:Số liệu do Cục Chứng thực số cung cấp, tính đến|5:ngày 30/11/2024.", "2=6:02 sự cố tấn công từ chối dịch vụ."}
			if got := notesText(notes); !slices.Equal(got, want) {
				t.Errorf("notes %q, want %q", got, want)
			}
		})
	}
	// A long ruling, one far from the text's left edge, one high on the
	// page or one that a vertical ruling meets (a table's) is no
	// footnote rule; without one, trailing lines in the body's size are
	// body.
	for _, rs := range []rulingSet{
		{h: []ruling{{a: 2000, lo: 140, hi: 1500}}},
		{h: []ruling{{a: 2000, lo: 700, hi: 1000}}},
		{h: []ruling{{a: 700, lo: 140, hi: 540}}},
		{h: []ruling{rule}, v: []ruling{{vertical: true, a: 300, lo: 1900, hi: 2000}}},
	} {
		rs.thick = 6
		ws := pageWords(append(body[1:], "2050 150 30 1 Kết quả năm 2024 như sau")...)
		if _, n := pageZones(ws, geo, rs, 30); len(n) != 0 {
			t.Errorf("rulings %+v: %d words taken as footnotes", rs, len(n))
		}
	}
}

func TestNoteIDs(t *testing.T) {
	notes := []extract.Footnote{{ID: ""}, {ID: "2"}, {ID: ""}, {ID: "7"}, {ID: ""}, {ID: "a"}}
	numberNotes(notes)
	var ids []string
	for _, n := range notes {
		ids = append(ids, n.ID)
	}
	if want := []string{"1", "2", "3", "7", "8", "a"}; !slices.Equal(ids, want) {
		t.Errorf("ids %q, want %q", ids, want)
	}
	for in, want := range map[string]string{"¹": "1", "²³": "23", "x": "", "1": ""} {
		if got := superscriptDigits(in); got != want {
			t.Errorf("superscriptDigits(%q) = %q, want %q", in, got, want)
		}
	}
}
