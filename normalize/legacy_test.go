package normalize

import (
	"bytes"
	"encoding/csv"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/unicode/norm"
)

// legacyUpdate rewrites the fixtures under testdata/legacy.
var legacyUpdate = flag.Bool("legacy-update", false, "rewrite testdata/legacy fixtures")

const legacyTestdata = "../testdata/legacy"

// latin1Of renders bytes as their Latin-1 reading, as extract/text does
// for 8-bit files.
func latin1Of(b []byte) string {
	r := make([]rune, len(b))
	for i, c := range b {
		r[i] = rune(c)
	}
	return string(r)
}

// cp1252Of renders bytes as their cp1252 reading, as Word stores text
// in an ANSI font.
func cp1252Of(b []byte) string {
	t := legLoadTables()
	r := make([]rune, len(b))
	for i, c := range b {
		r[i] = t.cp1252Char(c)
	}
	return string(r)
}

func readTable(t *testing.T, name string) [][]string {
	t.Helper()
	f, err := legacyData.Open("data/legacy/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return recs[1:]
}

// TestTableLetters round-trips each of the 134 letters of both tables:
// the table's bytes, read as Latin-1 and as cp1252, decode back to the
// letter, and EncodeLegacy gives the table's bytes.
func TestTableLetters(t *testing.T) {
	for _, tc := range []struct {
		file string
		enc  Encoding
		font func(row []string) string
	}{
		{"tcvn3.csv", TCVN3, func(row []string) string { return row[4] }},
		{"vni.csv", VNI, func(row []string) string { return "VNI-Times" }},
	} {
		rows := readTable(t, tc.file)
		if len(rows) != 134 {
			t.Fatalf("%s: %d letters, want 134", tc.file, len(rows))
		}
		for _, row := range rows {
			letter, hexBytes, stored := row[0], row[2], row[3]
			b, err := legParseHex(hexBytes)
			if err != nil {
				t.Fatal(err)
			}
			if got := latin1Of(b); got != stored {
				t.Errorf("%s %s: Latin-1 reading %q, table says %q", tc.file, letter, got, stored)
			}
			font := tc.font(row)
			for name, render := range map[string]func([]byte) string{"latin1": latin1Of, "cp1252": cp1252Of} {
				got, enc := FixText(render(b), font)
				if got != letter || enc != tc.enc {
					t.Errorf("%s %s (%s, font %s): FixText(%q) = %q, %s", tc.file, letter, name, font, render(b), got, enc)
				}
			}
			if got := DecodeLegacyFont(stored, font); got != letter {
				t.Errorf("%s %s: DecodeLegacyFont(%q, %q) = %q", tc.file, letter, stored, font, got)
			}
			enc, ok := EncodeLegacy(letter, tc.enc)
			if !ok || !bytes.Equal(enc, b) {
				t.Errorf("%s %s: EncodeLegacy = % x, %v; want % x", tc.file, letter, enc, ok, b)
			}
		}
	}
}

// TestTCVN3Capitals checks that toned capitals, which TCVN3 writes with
// the lowercase byte, decode lowercase in .VnTime and capital in
// .VnTimeH.
func TestTCVN3Capitals(t *testing.T) {
	for _, row := range readTable(t, "tcvn3.csv") {
		if row[4] != ".VnTimeH" {
			continue
		}
		letter, stored := row[0], row[3]
		lower := strings.ToLower(letter)
		if got := DecodeLegacyFont(stored, ".VnTime"); got != lower {
			t.Errorf("%s in .VnTime = %q, want %q", letter, got, lower)
		}
		if got := DecodeLegacyFont(stored, ".VnTimeH"); got != letter {
			t.Errorf("%s in .VnTimeH = %q", letter, got)
		}
	}
}

var legacySentences = []string{
	"Ủy ban nhân dân tỉnh Quảng Trị báo cáo kết quả năm 2019: 1.234 thủ tục hành chính",
	"Tỷ lệ hồ sơ giải quyết đúng hạn đạt 98,5%; số người sử dụng dịch vụ công trực tuyến tăng gấp đôi.",
	"Hệ thống thông tin của tỉnh được bảo đảm an toàn — không xảy ra sự cố nghiêm trọng.",
	"Số lượng",
	"Tổng",
	"năm",
	"Hà Nội",
	"Cà Mau",
	"Đắk Lắk",
	"Thừa Thiên Huế",
	"Bà Rịa - Vũng Tàu",
	"Sở Thông tin và Truyền thông",
	"Nguyễn Văn Quỳnh, Phó Giám đốc",
	"Chỉ số chuyển đổi số cấp tỉnh (DTI) năm 2021 xếp thứ 15/63.",
}

// tcvn3Lower is what TCVN3 keeps of s: toned capitals become lowercase.
func tcvn3Lower(s string) string {
	t := legLoadTables()
	return strings.Map(func(r rune) rune {
		if b, ok := t.tcvn3Enc[r]; ok && t.tcvn3[b] != 0 && t.tcvn3[b] != r {
			return t.tcvn3[b]
		}
		return r
	}, s)
}

// TestFixTextSentences encodes sentences in each encoding and decodes
// them back, with and without a font name.
func TestFixTextSentences(t *testing.T) {
	for _, s := range legacySentences {
		for _, tc := range []struct {
			enc  Encoding
			font string
			want string
		}{
			{TCVN3, "", tcvn3Lower(s)},
			{TCVN3, ".VnTime", tcvn3Lower(s)},
			{TCVN3, ".VnTimeH", strings.ToUpper(s)},
			{TCVN3, "ABCDEF+.VnArialH,Bold", strings.ToUpper(s)},
			{VNI, "", s},
			{VNI, "VNI-Times", s},
			{CP1258, "", s},
		} {
			b, ok := EncodeLegacy(s, tc.enc)
			if !ok {
				t.Fatalf("EncodeLegacy(%q, %s) failed", s, tc.enc)
			}
			in := cp1252Of(b)
			got, enc := FixText(in, tc.font)
			if got != tc.want || enc != tc.enc {
				t.Errorf("FixText(%q, %q) = %q, %s; want %q, %s", in, tc.font, got, enc, tc.want, tc.enc)
			}
			if got, _ := FixText(latin1Of(b), tc.font); got != tc.want {
				t.Errorf("FixText(Latin-1 %q, %q) = %q", latin1Of(b), tc.font, got)
			}
		}
	}
}

// TestFixTextLiterals decodes legacy text written out by hand, not made
// by EncodeLegacy.
func TestFixTextLiterals(t *testing.T) {
	for _, tc := range []struct {
		in, font string
		want     string
		enc      Encoding
	}{
		{"B¸o c¸o t×nh h×nh triÓn khai", "", "Báo cáo tình hình triển khai", TCVN3},
		{"Sè l\u00adîng", "", "Số lượng", TCVN3},                            // 0xAD is ư, not a soft hyphen
		{"n\u00adíc", ".VnTime", "nước", TCVN3},                             // 0xAD trap with a font
		{"ñy ban nh©n d©n tØnh", ".VnTimeH", "ỦY BAN NHÂN DÂN TỈNH", TCVN3}, // all capitals
		{"b¸o c¸o \u0097 n¨m 2020", "", "báo cáo — năm 2020", TCVN3},        // byte 0x97 as a C1 control
		{"b¸o c¸o — n¨m 2020", "", "báo cáo — năm 2020", TCVN3},             // byte 0x97 as cp1252
		{"Baùo caùo tình hình trieån khai", "", "Báo cáo tình hình triển khai", VNI},
		{"Soá löôïng", "", "Số lượng", VNI},
		{"Tyû leä", "VNI-Times", "Tỷ lệ", VNI},
		{"BAÙO CAÙO", "", "BÁO CÁO", VNI},
		{"Baøo", "VNI-Times", "Bào", VNI},
		{"Aø", "VNI-Times", "À", VNI}, // capital base, small mark byte
		{"Vi\u00ea\u00f2t Nam", "", "Việt Nam", CP1258},
	} {
		got, enc := FixText(tc.in, tc.font)
		if got != tc.want || enc != tc.enc {
			t.Errorf("FixText(%q, %q) = %q, %s; want %q, %s", tc.in, tc.font, got, enc, tc.want, tc.enc)
		}
	}
}

// TestFixTextUnchanged checks that text that is no legacy encoding
// comes back as it is, in NFC.
func TestFixTextUnchanged(t *testing.T) {
	for _, tc := range []struct {
		in, font string
		want     string
		enc      Encoding
	}{
		{"", "", "", UTF8},
		{"UBND tinh Quang Tri, 2019: 1.234 TTHC (45,6%)", "", "UBND tinh Quang Tri, 2019: 1.234 TTHC (45,6%)", UTF8},
		{"Ủy ban nhân dân tỉnh Quảng Trị", "", "Ủy ban nhân dân tỉnh Quảng Trị", UTF8},
		{"Ủy ban nhân dân tỉnh Quảng Trị", ".VnTime", "Ủy ban nhân dân tỉnh Quảng Trị", UTF8}, // font left on converted text
		{"Ủy ban nhân dân tỉnh", "VNI-Times", "Ủy ban nhân dân tỉnh", UTF8},
		{"Cà Mau", "", "Cà Mau", UTF8},
		{"Tây Ninh và Cà Mau", "", "Tây Ninh và Cà Mau", UTF8},
		{"Bảo đảm an toàn — “thông tin”", "", "Bảo đảm an toàn — “thông tin”", UTF8},
		{norm.NFD.String("Việt Nam, tỉnh Quảng Trị"), "", "Việt Nam, tỉnh Quảng Trị", UTF8},
		{norm.NFD.String("Ủy ban"), ".VnTime", "Ủy ban", UTF8},
		{"Größe café", "", "Größe café", Latin1},
		{"Số liệu ©2021", "Arial", "Số liệu ©2021", UTF8},
	} {
		got, enc := FixText(tc.in, tc.font)
		if got != tc.want || enc != tc.enc {
			t.Errorf("FixText(%q, %q) = %q, %s; want %q, %s", tc.in, tc.font, got, enc, tc.want, tc.enc)
		}
	}
}

func TestDetectLegacy(t *testing.T) {
	s := legacySentences[0]
	for _, enc := range []Encoding{TCVN3, VNI, CP1258} {
		b, _ := EncodeLegacy(s, enc)
		if got := DetectLegacy(latin1Of(b), ""); got != enc {
			t.Errorf("DetectLegacy(%s sentence) = %s", enc, got)
		}
	}
	for _, tc := range []struct {
		s, font string
		want    Encoding
	}{
		{"plain ASCII", "", UTF8},
		{"plain ASCII", ".VnTime", TCVN3},
		{"plain ASCII", "VNI-Helve", VNI},
		{"Báo cáo", "", UTF8},
		{"B¸o c¸o", "", TCVN3},
		{"Baùo caùo", "", VNI},
		{"Baùo caùo", ".VnTime", TCVN3}, // the font decides
	} {
		if got := DetectLegacy(tc.s, tc.font); got != tc.want {
			t.Errorf("DetectLegacy(%q, %q) = %s, want %s", tc.s, tc.font, got, tc.want)
		}
	}
}

func TestToBytes(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want []byte
		ok   bool
	}{
		{"abc", []byte("abc"), true},
		{"\u00ad\u00ff\u0080", []byte{0xAD, 0xFF, 0x80}, true},
		{"—€‚Ÿ", []byte{0x97, 0x80, 0x82, 0x9F}, true},
		{"aơb", []byte("ab"), false},
		{"", []byte{}, true},
	} {
		got, ok := ToBytes(tc.s)
		if !bytes.Equal(got, tc.want) || ok != tc.ok {
			t.Errorf("ToBytes(%q) = % x, %v; want % x, %v", tc.s, got, ok, tc.want, tc.ok)
		}
	}
}

func TestFontEncoding(t *testing.T) {
	for _, tc := range []struct {
		font string
		enc  Encoding
		caps bool
	}{
		{"", UTF8, false},
		{"Times New Roman", UTF8, false},
		{"Vni", UTF8, false},
		{".VnTime", TCVN3, false},
		{".VnTimeH", TCVN3, true},
		{".VnArial NarrowH", TCVN3, true},
		{"VnTimeH", TCVN3, true},
		{"BCDEEE+.VnTime,Bold", TCVN3, false},
		{".VnTimeH-Bold", TCVN3, true},
		{"VNI-Times", VNI, false},
		{"VNI-Helve-Condense", VNI, false},
		{"ABCDEF+VNI-Times,Italic", VNI, false},
		{"Vnexpress", UTF8, false},
	} {
		enc, caps := FontEncoding(tc.font)
		if enc != tc.enc || caps != tc.caps {
			t.Errorf("FontEncoding(%q) = %s, %v; want %s, %v", tc.font, enc, caps, tc.enc, tc.caps)
		}
	}
}

func TestValidSyllable(t *testing.T) {
	for w, want := range map[string]bool{
		"người": true, "quỳnh": true, "giường": true, "gì": true, "khuỷu": true,
		"hoà": true, "hòa": true, "thuở": true, "việt": true, "ngoài": true,
		"caì": false, "viet́": false, "nhâ": false, "tỉng": false, "bac": false,
		"ñy": false, "b¸o": false, "hoàà": false,
		"týnh": false, "yên": true, "quýt": true,
	} {
		if got := validSyllable(w, true); got != want {
			t.Errorf("validSyllable(%q, true) = %v, want %v", w, got, want)
		}
	}
}

// fixtureSentence is the text of the fixtures under testdata/legacy.
const fixtureSentence = "Ủy ban nhân dân tỉnh Quảng Trị báo cáo kết quả năm 2019: 1.234 thủ tục hành chính được cung cấp trực tuyến mức độ 3 và 4.\n" +
	"Tỷ lệ hồ sơ giải quyết đúng hạn đạt 98,5%; số người sử dụng dịch vụ công trực tuyến tăng gấp đôi.\n" +
	"Hệ thống thông tin của tỉnh được bảo đảm an toàn — không xảy ra sự cố nghiêm trọng.\n"

// legacyFixtures lists the fixture cases: the file bytes, and the text
// that decoding them must give.
func legacyFixtures(t *testing.T) map[string][2][]byte {
	t.Helper()
	enc := func(e Encoding, crlf bool) []byte {
		b, ok := EncodeLegacy(fixtureSentence, e)
		if !ok {
			t.Fatalf("EncodeLegacy(%s) failed", e)
		}
		if crlf {
			b = bytes.ReplaceAll(b, []byte("\n"), []byte("\r\n"))
		}
		return b
	}
	u16, err := xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM).NewEncoder().Bytes([]byte(fixtureSentence))
	if err != nil {
		t.Fatal(err)
	}
	return map[string][2][]byte{
		"tcvn3":       {enc(TCVN3, false), []byte(tcvn3Lower(fixtureSentence))},
		"vni":         {enc(VNI, false), []byte(fixtureSentence)},
		"cp1258":      {enc(CP1258, true), []byte(fixtureSentence)},
		"utf16le-bom": {u16, []byte(fixtureSentence)},
		"utf8-bom":    {append([]byte("\xEF\xBB\xBF"), fixtureSentence...), []byte(fixtureSentence)},
	}
}

// TestLegacyFixtures checks the committed fixtures: they are what the
// generator makes, and the legacy ones decode line by line to want.txt.
// Run with -legacy-update to rewrite them.
func TestLegacyFixtures(t *testing.T) {
	for name, f := range legacyFixtures(t) {
		dir := filepath.Join(legacyTestdata, name)
		if *legacyUpdate {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			for file, b := range map[string][]byte{"input.txt": f[0], "want.txt": f[1]} {
				if err := os.WriteFile(filepath.Join(dir, file), b, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
		in, err := os.ReadFile(filepath.Join(dir, "input.txt"))
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(filepath.Join(dir, "want.txt"))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(in, f[0]) || !bytes.Equal(want, f[1]) {
			t.Errorf("%s: fixture differs from the generator; run go test -run TestLegacyFixtures -legacy-update", dir)
		}
		if strings.HasPrefix(name, "utf") {
			continue // decoded by extract/text
		}
		text := strings.ReplaceAll(latin1Of(in), "\r\n", "\n")
		if got := DetectLegacy(text, ""); string(got) != strings.ReplaceAll(name, "cp1258", string(CP1258)) {
			t.Errorf("%s: DetectLegacy(whole file) = %s", dir, got)
		}
		lines := strings.Split(text, "\n")
		for i, l := range lines {
			lines[i], _ = FixText(l, "")
		}
		if got := strings.Join(lines, "\n"); got != string(want) {
			t.Errorf("%s: decoded\n%s\nwant\n%s", dir, got, want)
		}
	}
}

func FuzzFixText(f *testing.F) {
	for _, s := range legacySentences {
		f.Add(s, "")
		for _, e := range []Encoding{TCVN3, VNI, CP1258} {
			b, _ := EncodeLegacy(s, e)
			f.Add(latin1Of(b), "")
			f.Add(cp1252Of(b), ".VnTimeH")
		}
	}
	for _, name := range []string{"tcvn3", "vni", "cp1258"} {
		if b, err := os.ReadFile(filepath.Join(legacyTestdata, name, "input.txt")); err == nil {
			f.Add(latin1Of(b), "")
			f.Add(string(b), "VNI-Times")
		}
	}
	f.Add(norm.NFD.String("Việt Nam"), "")
	f.Add("\xff\xfe\x00invalid", ".VnTime")
	f.Fuzz(func(t *testing.T, s, font string) {
		out, enc := FixText(s, font)
		if !utf8.ValidString(out) {
			t.Fatalf("FixText(%q, %q) = %q: invalid UTF-8", s, font, out)
		}
		if !norm.NFC.IsNormalString(out) {
			t.Fatalf("FixText(%q, %q) = %q: not NFC", s, font, out)
		}
		if enc == UTF8 || enc == Latin1 {
			if want := norm.NFC.String(strings.ToValidUTF8(s, "\uFFFD")); out != want {
				t.Fatalf("FixText(%q, %q) = %q, %s: changed text it did not decode", s, font, out, enc)
			}
		}
		// Text holding Vietnamese letters that only Unicode has is
		// never decoded. Letters that Windows-1252 also has (Š, Œ, ƒ)
		// are what 8-bit text read as Windows-1252 looks like.
		for _, r := range s {
			if _, cp1252 := ToBytes(string(r)); cp1252 {
				continue
			}
			if legIsVietnamese(r) && unicode.IsLetter(r) && utf8.ValidString(s) {
				if enc != UTF8 {
					t.Fatalf("FixText(%q, %q): %s, but %q is Unicode Vietnamese", s, font, enc, r)
				}
				break
			}
		}
		if b, ok := ToBytes(s); ok && len(b) != utf8.RuneCountInString(s) {
			t.Fatalf("ToBytes(%q) = %d bytes for %d runes", s, len(b), utf8.RuneCountInString(s))
		}
	})
}

var benchParagraph = strings.Repeat(legacySentences[0]+" ", 4) + legacySentences[1]

func BenchmarkFixText(b *testing.B) {
	for _, bc := range []struct {
		name string
		enc  Encoding
	}{{"tcvn3", TCVN3}, {"vni", VNI}, {"cp1258", CP1258}} {
		raw, _ := EncodeLegacy(benchParagraph, bc.enc)
		s := latin1Of(raw)
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(s)))
			for b.Loop() {
				FixText(s, "")
			}
		})
	}
	b.Run("utf8", func(b *testing.B) {
		b.SetBytes(int64(len(benchParagraph)))
		for b.Loop() {
			FixText(benchParagraph, "")
		}
	})
	ascii := strings.Repeat("UBND tinh Quang Tri bao cao 1.234 TTHC, ty le 98,5%. ", 5)
	b.Run("ascii", func(b *testing.B) {
		b.SetBytes(int64(len(ascii)))
		for b.Loop() {
			FixText(ascii, "")
		}
	})
}
