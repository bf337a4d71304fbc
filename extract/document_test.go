package extract

import (
	"strings"
	"testing"
)

func TestBoxOf(t *testing.T) {
	// Each word i of the line is 50 points wide, at x = 60·i.
	line := Line{Text: "cấp tỉnh: 1.249 TTHC, tổng 1.249 (46,14%)"}
	start := 0
	for i, f := range strings.Split(line.Text, " ") {
		line.Words = append(line.Words, Word{Start: start, End: start + len(f), Box: Box{X: 60 * float64(i), Y: 100, W: 50, H: 12}})
		start += len(f) + 1
	}
	at := func(lit string, n int) int { // byte offset of the n-th occurrence
		off := -1
		for ; n >= 0; n-- {
			off += 1 + strings.Index(line.Text[off+1:], lit)
		}
		return off
	}
	for _, tc := range []struct {
		name string
		lit  string
		near int
		want Box
	}{
		{"first occurrence near its offset", "1.249", at("1.249", 0), Box{X: 120, Y: 100, W: 50, H: 12}},
		{"second occurrence near its offset", "1.249", at("1.249", 1) - 2, Box{X: 300, Y: 100, W: 50, H: 12}},
		{"a number inside a longer word", "46,14", at("46,14", 0), Box{X: 360, Y: 100, W: 50, H: 12}},
		{"two words", "TTHC, tổng", at("TTHC", 0), Box{X: 180, Y: 100, W: 110, H: 12}},
		{"not in the line", "9.999", 0, Box{}},
		{"empty", "", 0, Box{}},
	} {
		if got := line.BoxOf(tc.lit, tc.near); got != tc.want {
			t.Errorf("%s: BoxOf(%q, %d) = %+v, want %+v", tc.name, tc.lit, tc.near, got, tc.want)
		}
	}
	// OCR split a number that normalization joined: words 1 and 2.
	split := Line{Text: "đạt 56. 212 hồ sơ"}
	start = 0
	for i, f := range strings.Split(split.Text, " ") {
		split.Words = append(split.Words, Word{Start: start, End: start + len(f), Box: Box{X: 30 * float64(i), Y: 0, W: 20, H: 10}})
		start += len(f) + 1
	}
	if got, want := split.BoxOf("56.212", 5), (Box{X: 30, Y: 0, W: 50, H: 10}); got != want {
		t.Errorf("split number: BoxOf = %+v, want %+v", got, want)
	}
	if got := (&Line{Text: "1.249"}).BoxOf("1.249", 0); !got.IsZero() {
		t.Errorf("a line without word positions gave %+v", got)
	}
}

func TestBoxUnion(t *testing.T) {
	a := Box{X: 10, Y: 20, W: 5, H: 5}
	b := Box{X: 12, Y: 18, W: 10, H: 4}
	if got, want := a.Union(b), (Box{X: 10, Y: 18, W: 12, H: 7}); got != want {
		t.Errorf("Union = %+v, want %+v", got, want)
	}
	if got := a.Union(Box{}); got != a {
		t.Errorf("Union with a zero box = %+v, want %+v", got, a)
	}
	if got := (Box{}).Union(b); got != b {
		t.Errorf("zero box Union = %+v, want %+v", got, b)
	}
}
