package normalize

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestIsSyllable(t *testing.T) {
	yes := []string{
		"a", "ở", "và", "tin", "thông", "người", "nghiệp", "được", "quốc", "quý",
		"quyết", "khuya", "nguyễn", "thuở", "giá", "gì", "gìn", "giếng", "giữ",
		"yên", "yêu", "kỹ", "tỷ", "hoà", "hòa", "khoẻ", "xoong", "ghế", "nghe",
		"huyện", "thuyền", "chuyển", "đổi", "số", "hóa", "Việt", "NAM", "TỈNH",
		"tuần", "quân", "khuếch", "oanh", "ích", "ứng", "ạ", "ừ",
	}
	no := []string{
		"", "tinvà", "thôngtin", "Đắk", "Lắk", "Krông", "Pắc", "online", "zalo",
		"ce", "ngi", "ka", "gha", "quu", "gii",
		"lắt" + "s", "tàc", "hỏp", "nyêu", "tyên", "gích", "ngoàng" + "x",
		"tiền" + "̀", "bb", "xyz", "ĐBSCL", "UBND",
	}
	for _, w := range yes {
		if !IsSyllable(w) {
			t.Errorf("IsSyllable(%q) = false, want true", w)
		}
	}
	for _, w := range no {
		if IsSyllable(w) {
			t.Errorf("IsSyllable(%q) = true, want false", w)
		}
	}
}

func TestSplitGluedSyllables(t *testing.T) {
	tests := []struct{ in, want string }{
		{"tinvà truyền thông", "tin và truyền thông"},
		{"ứng dụng công nghệ thôngtin trong", "ứng dụng công nghệ thông tin trong"},
		{"CHÍNHQUYỀN SỐ", "CHÍNH QUYỀN SỐ"},
		{"Chuyểnđổi số", "Chuyển đổi số"},
		{"hoạtđộng của Sở Thông tin và Truyền thông", "hoạt động của Sở Thông tin và Truyền thông"},
		{"cung cấp dịchvụ công", "cung cấp dịch vụ công"},
		{"đạt 95,6%,tăng sovới năm trước", "đạt 95,6%,tăng so với năm trước"},
		{"Ủy ban nhândân tỉnh", "Ủy ban nhân dân tỉnh"},
		{"(cấp tỉnh,cấphuyện)", "(cấp tỉnh,cấp huyện)"},
		// Kept: words that are syllables, names, loanwords, codes,
		// mixed case and ambiguous glues.
		{"Đắk Lắk, Krông Pắc, M'Đrắk, Cư M'gar, Ea H'leo", "Đắk Lắk, Krông Pắc, M'Đrắk, Cư M'gar, Ea H'leo"},
		{"ĐắkLắk", "ĐắkLắk"},
		{"online, website, Zalo, smartphone, eGov, iOS", "online, website, Zalo, smartphone, eGov, iOS"},
		{"UBND, HĐND, ĐBSCL, CNTT, VNPT, Viettel", "UBND, HĐND, ĐBSCL, CNTT, VNPT, Viettel"},
		{"COVID-19, IPv6, ISO/IEC 27001", "COVID-19, IPv6, ISO/IEC 27001"},
		{"thanhân", "thanhân"},       // tha nhân or than hân
		{"đảman", "đảman"},           // đảm an or đả man
		{"dịchvụcông", "dịchvụcông"}, // dịch vụ công or dịch vục ông
		{"củaUBND", "củaUBND"},
		{"Pleiku, Buôn Ma Thuột, Hà Tĩnh", "Pleiku, Buôn Ma Thuột, Hà Tĩnh"},
		{"", ""},
	}
	for _, tc := range tests {
		if got := SplitGluedSyllables(tc.in); got != tc.want {
			t.Errorf("SplitGluedSyllables(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// cleanReports returns the lines of the hand-written and sample
// reports, which have no OCR damage.
func cleanReports(t testing.TB) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	for _, g := range []string{"../testdata/samples/*", "../testdata/eval/*", "../testdata/eval-blind/*"} {
		m, _ := filepath.Glob(g)
		for _, f := range m {
			if ext := filepath.Ext(f); ext != ".txt" && ext != ".md" || filepath.Base(f) == "README.md" {
				continue
			}
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			out[f] = strings.Split(string(b), "\n")
		}
	}
	if len(out) < 10 {
		t.Fatalf("only %d clean reports found", len(out))
	}
	return out
}

// TestOCRRepairsCleanText measures false repairs: every line of the
// clean reports, as normalize would see it if OCR had read it perfectly,
// must come out of the OCR repairs (lines and table cells) the same as
// without them.
func TestOCRRepairsCleanText(t *testing.T) {
	lines, cells := 0, 0
	for f, ls := range cleanReports(t) {
		for _, l := range ls {
			lines++
			base := cleanLine(l, "", "")
			if fixed, _ := FixOCRText(FixLine(l, "", "")); cleanLine(fixed, "", "") != base {
				t.Errorf("%s: false repair:\n%q\n%q", f, base, cleanLine(fixed, "", ""))
			}
			if !strings.HasPrefix(strings.TrimSpace(l), "|") && !strings.Contains(l, "\t") {
				continue
			}
			for _, c := range strings.FieldsFunc(l, func(r rune) bool { return r == '|' || r == '\t' }) {
				cells++
				base := cleanLine(c, "", "")
				if fixed, _ := FixOCRCell(FixLine(c, "", "")); cleanLine(fixed, "", "") != base {
					t.Errorf("%s: false repair in a cell: %q → %q", f, base, cleanLine(fixed, "", ""))
				}
			}
		}
	}
	t.Logf("%d lines and %d table cells of clean reports: no change", lines, cells)
}

// TestSplitGluedSyllablesRecall glues every pair of neighbouring words
// of the clean reports in turn and measures how many SplitGluedSyllables
// splits back right (most), wrongly (none) or keeps (ambiguous glues,
// codes, loanwords, names).
func TestSplitGluedSyllablesRecall(t *testing.T) {
	right, wrong, kept := 0, 0, 0
	isWord := func(s string) bool {
		if s == "" {
			return false
		}
		for _, r := range s {
			if !unicode.IsLetter(r) {
				return false
			}
		}
		return true
	}
	for f, ls := range cleanReports(t) {
		for _, l := range ls {
			ws := strings.Split(FixLine(l, "", ""), " ")
			for i := 0; i+1 < len(ws); i++ {
				a, b := ws[i], ws[i+1]
				if !isWord(a) || !isWord(b) {
					continue
				}
				switch got := SplitGluedSyllables(a + b); got {
				case a + " " + b:
					right++
				case a + b:
					kept++
				default:
					wrong++
					t.Errorf("%s: %q glued and split as %q", f, a+" "+b, got)
				}
			}
		}
	}
	total := right + wrong + kept
	t.Logf("%d glued word pairs: %d split right (%.1f%%), %d wrong, %d kept", total, right, 100*float64(right)/float64(total), wrong, kept)
	if float64(right) < 0.7*float64(total) {
		t.Errorf("only %d of %d glued pairs split back", right, total)
	}
}

func FuzzSplitGluedSyllables(f *testing.F) {
	for _, s := range []string{"tinvà", "CHÍNHQUYỀN", "Đắk Lắk", "dịchvụcông", "online", "thanhân", "a b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		got := SplitGluedSyllables(s)
		// Only spaces are added.
		if strings.ReplaceAll(got, " ", "") != strings.ReplaceAll(s, " ", "") {
			t.Fatalf("SplitGluedSyllables(%q) = %q: not only spaces added", s, got)
		}
		if again := SplitGluedSyllables(got); again != got {
			t.Fatalf("not idempotent: %q → %q → %q", s, got, again)
		}
	})
}

func BenchmarkSplitGluedSyllables(b *testing.B) {
	line := "Trong năm, tỉnh đã triển khai ứng dụng công nghệ thôngtin vàchuyển đổi số, cung cấp dịchvụcông trực tuyến toàn trình."
	b.SetBytes(int64(len(line)))
	for b.Loop() {
		SplitGluedSyllables(line)
	}
}
