package pdf

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestIdentityHRange reads a PDF whose ToUnicode CMap maps all codes with
// one bfrange <0000> <FFFF> <0000>, as fpdf and other generators write
// for Unicode-keyed fonts.
func TestIdentityHRange(t *testing.T) {
	doc, err := readFile(t, "identity-h/report.pdf")
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, bl := range doc.Blocks {
		b.WriteString(bl.Text())
		b.WriteByte('\n')
	}
	text := b.String()
	for _, want := range []string{"ỦY BAN NHÂN DÂN", "Kết quả thực hiện", "thủ tục hành chính"} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q:\n%.600s", want, text)
		}
	}
}

func TestCMapDecode(t *testing.T) {
	m := readCMapText(t, `/CIDInit /ProcSet findresource begin 12 dict begin begincmap
1 begincodespacerange <0000> <FFFF> endcodespacerange
2 beginbfchar <0003> <0020> <0041> <D835DC00> endbfchar
2 beginbfrange <0100> <01FF> <1E00> <0200> <0201> [<0110> <0111>] endbfrange
endcmap CMapName currentdict /CMap defineresource pop end end`)
	tests := []struct{ raw, want string }{
		{"\x00\x03", " "},
		{"\x00\x41", "\U0001D400"},
		{"\x01\x00", "\u1E00"},
		{"\x01\xA2", "\u1EA2"},
		{"\x02\x01", "đ"},
		{"\x09\x99", "\uFFFD"},
	}
	for _, tt := range tests {
		if got := m.Decode(tt.raw); got != tt.want {
			t.Errorf("Decode(%q) = %q, want %q", tt.raw, got, tt.want)
		}
	}
}

// readCMapText builds a toUnicode from CMap text.
func readCMapText(t *testing.T, s string) *toUnicode {
	t.Helper()
	m := parseCMap([]byte(s))
	if m == nil {
		t.Fatal("no CMap parsed")
	}
	return m
}

// FuzzParseCMap feeds arbitrary text to the CMap parser and decoder: they
// must not panic, and decoding must give valid UTF-8.
func FuzzParseCMap(f *testing.F) {
	f.Add([]byte("1 begincodespacerange <00> <FF> endcodespacerange 1 beginbfchar <01> <004B> endbfchar"), []byte("\x01\x02"))
	f.Add([]byte("1 beginbfrange <0000> <FFFF> <0000> endbfrange"), []byte("\x1e\xbf\x00"))
	f.Add([]byte("1 beginbfrange <00> <05> [<0041> <0042>] endbfrange"), []byte("\x00\x01\x04"))
	f.Fuzz(func(t *testing.T, cmap, raw []byte) {
		m := parseCMap(cmap)
		if m == nil {
			return
		}
		if s := m.Decode(string(raw)); !utf8.ValidString(s) {
			t.Fatalf("invalid UTF-8 %q", s)
		}
	})
}
