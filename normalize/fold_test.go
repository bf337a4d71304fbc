package normalize

import (
	"testing"
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
