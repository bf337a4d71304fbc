package normalize

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Hoà Bình", "hòa bình"},
		{"Hòa Bình", "hòa bình"},
		{"Thanh Hoá", "thanh hóa"},
		{"Khánh Hoà", "khánh hòa"},
		{"hoả hoạn", "hỏa hoạn"},
		{"Uỷ ban nhân dân", "ủy ban nhân dân"},
		{"ỦY BAN", "ủy ban"},
		{"thuỷ lợi", "thủy lợi"},
		{"khoẻ", "khỏe"},
		{"quý", "quý"},
		{"hoàng", "hoàng"},
		{"khoảng", "khoảng"},
		{"thuyền", "thuyền"},
		{"Đăk Lăk", "đắk lắk"},
		{"Đắk Lắk", "đắk lắk"},
		{"ĐẮK LẮK", "đắk lắk"},
		{"Đắk  Nông\n", "đắk nông"},
		{"  Bà Rịa - Vũng Tàu ", "bà rịa-vũng tàu"},
		{"Bà Rịa–Vũng Tàu", "bà rịa-vũng tàu"},
		{"Thừa Thiên - Huế", "thừa thiên-huế"},
		{"TP.HCM", "tp.hcm"},
		{"Đà Nẵng", "đà nẵng"},
		{"a\u00a0\tb", "a b"},
		{"", ""},
		// Decomposed input comes out composed.
		{norm.NFD.String("Hà Nội"), "hà nội"},
	}
	for _, tt := range tests {
		got := Fold(tt.in)
		if got != tt.want {
			t.Errorf("Fold(%q) = %q; want %q", tt.in, got, tt.want)
		}
		if !norm.NFC.IsNormalString(got) {
			t.Errorf("Fold(%q) = %q not NFC", tt.in, got)
		}
		if again := Fold(got); again != got {
			t.Errorf("Fold not idempotent on %q: %q", got, again)
		}
	}
}

func TestFoldASCII(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Đắk Lắk", "dak lak"},
		{"Daklak", "daklak"},
		{"Thừa Thiên - Huế", "thua thien-hue"},
		{"Hồ Chí Minh", "ho chi minh"},
		{"Bạc Liêu", "bac lieu"},
		{"Đồng Tháp", "dong thap"},
	}
	for _, tt := range tests {
		if got := FoldASCII(tt.in); got != tt.want {
			t.Errorf("FoldASCII(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{"Hoà Bình", "Thanh Hoá", "Đăk Lăk", "Bà Rịa - Vũng Tàu", "quỳ", "uỷ", "a - - b", " - "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		g := Fold(s)
		if r := foldReference(s); g != r {
			t.Fatalf("Fold(%q) = %q; foldReference gives %q", s, g, r)
		}
		if !norm.NFC.IsNormalString(g) {
			t.Fatalf("Fold(%q) = %q not NFC", s, g)
		}
		if a := FoldASCII(s); !utf8.ValidString(a) {
			t.Fatalf("FoldASCII(%q) invalid", s)
		}
	})
}

func BenchmarkFold(b *testing.B) {
	b.SetBytes(int64(len(numBenchParagraph)))
	for b.Loop() {
		Fold(numBenchParagraph)
	}
}

// TestNFCStable checks what nfcStable assumes of the runes it accepts:
// each is NFC on its own, of combining class 0, and combines with no
// rune before it; and that it accepts them and nothing else.
func TestNFCStable(t *testing.T) {
	for r := rune(0); r < 0x2000; r++ {
		s := string(r)
		in := r < 0x300 || r >= 0x1E00 && r <= 0x1EFF
		if got := nfcStable(s); got != in {
			t.Fatalf("nfcStable(%U) = %v", r, got)
		}
		if !in {
			continue
		}
		p := norm.NFC.PropertiesString(s)
		if !norm.NFC.IsNormalString(s) || p.CCC() != 0 || !p.BoundaryBefore() {
			t.Errorf("%U: NFC %v, combining class %d, boundary before %v", r, norm.NFC.IsNormalString(s), p.CCC(), p.BoundaryBefore())
		}
	}
	for _, s := range []string{"\xc3", "a\xcc", "\xe1\xb8", "\xe1\xbc\x80", "\xff", "Đắk Lắk", "a\u0300"} {
		if nfcStable(s) && (!utf8.ValidString(s) || !norm.NFC.IsNormalString(s)) {
			t.Errorf("nfcStable(%q) is true", s)
		}
	}
	if !nfcStable("Thừa Thiên Huế, Đắk Lắk: 12,5%") {
		t.Error("Vietnamese text is not nfcStable")
	}
}

// foldReference is Fold as it was written before its ASCII fast path:
// rune by rune, every syllable through foldSyllable. Fold must agree
// with it on every input.
func foldReference(s string) string {
	s = nfc(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false
	sep := func() {
		if space && b.Len() > 0 && !strings.HasSuffix(b.String(), "-") {
			b.WriteByte(' ')
		}
		space = false
	}
	var syl []rune
	flush := func() {
		if len(syl) == 0 {
			return
		}
		sep()
		foldSyllable(syl)
		for _, r := range syl {
			b.WriteRune(r)
		}
		syl = syl[:0]
	}
	t := runes()
	for _, r := range s {
		if letterOrMark(t, r) {
			syl = append(syl, lowerRune(t, r))
			continue
		}
		flush()
		switch {
		case unicode.IsSpace(r):
			space = true
		case numIsDash(r):
			b.WriteByte('-')
			space = false
		default:
			sep()
			b.WriteRune(r)
		}
	}
	flush()
	out := b.String()
	if !nfcStable(out) && !norm.NFC.IsNormalString(out) {
		out = norm.NFC.String(out)
	}
	return out
}

// TestFoldReference checks Fold against foldReference on every line of
// the seed reports and on edge cases of spaces, dashes, marks and
// invalid UTF-8.
func TestFoldReference(t *testing.T) {
	cases := []string{"", " ", "-", " - ", "a - - b", "HOÀ BÌNH", "Thanh Hoá", "ĐĂK LĂK", "Đăk", "quỷ", "thuỷ", "khoẻ",
		"İ\u0303", "a\u0300b", "x\xffy", "\t12,5 %\u00a0và\u2013nữa", "A-B", "ǅ", "Ωmega", "hoà-bình", "(Hoà) Bình."}
	files, err := filepath.Glob(filepath.Join("..", "testdata", "normalize", "seeds", "*"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		cases = append(cases, strings.Split(string(b), "\n")...)
	}
	for _, s := range cases {
		if got, want := Fold(s), foldReference(s); got != want {
			t.Errorf("Fold(%q) = %q; want %q", s, got, want)
		}
	}
}

// TestFoldKeepsStable checks what Fold assumes when it skips checking
// its output: stableRune agrees with nfcStable, and the toned vowels
// foldSyllable writes are stable; and that a letter whose lower case is
// not stable still gets an NFC output.
func TestFoldKeepsStable(t *testing.T) {
	for r := rune(0); r < 0x2000; r++ {
		if utf8.ValidRune(r) && stableRune(r) != nfcStable(string(r)) {
			t.Errorf("stableRune(%U) = %v", r, stableRune(r))
		}
	}
	for _, set := range [][]rune{tonedA, tonedE, tonedY, tonedO, tonedU, {'ắ', 'ấ'}} {
		if s := string(set); !nfcStable(s) {
			t.Errorf("%q is not nfcStable", s)
		}
	}
	for _, s := range []string{"Ⱥ", "Ȿa", "İ\u0303"} {
		if got, want := Fold(s), foldReference(s); got != want || !norm.NFC.IsNormalString(got) {
			t.Errorf("Fold(%q) = %q; want %q", s, got, want)
		}
	}
}

// TestRuneTable checks the rune table against Unicode's: isLetter is
// unicode.IsLetter, and numIsWordRune a letter, digit or non-spacing
// mark.
func TestRuneTable(t *testing.T) {
	tab := runes()
	for r := rune(0); r < 0x3000; r++ {
		if got := isLetter(tab, r); got != unicode.IsLetter(r) {
			t.Errorf("isLetter(%U) = %v", r, got)
		}
		want := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
		if got := numIsWordRune(r); got != want {
			t.Errorf("numIsWordRune(%U) = %v", r, got)
		}
	}
}
