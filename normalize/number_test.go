package normalize

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"
)

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in  string
		v   float64
		dec int
		ok  bool
	}{
		{"1.058", 1058, 0, true},
		{"2.130.119", 2130119, 0, true},
		{"29.473,482", 29473.482, 3, true},
		{"2.215,6", 2215.6, 1, true},
		{"96.1", 96.1, 1, true},
		{"43.8", 43.8, 1, true},
		{"23.46", 23.46, 2, true},
		{"0.09", 0.09, 2, true},
		{"0.090", 0.09, 3, true},
		{"04", 4, 0, true},
		{"02", 2, 0, true},
		{"5528", 5528, 0, true},
		{"1040", 1040, 0, true},
		{"1,234,567", 1234567, 0, true},
		{"1,234.5", 1234.5, 1, true},
		{"46,14", 46.14, 2, true},
		{"4,9", 4.9, 1, true},
		{"1,234", 1.234, 3, true}, // one comma: decimal comma
		{"100", 100, 0, true},
		{"0", 0, 0, true},
		{"12.345.678,9", 12345678.9, 1, true},
		{"1.2.3", 0, 0, false},
		{"1.23.456", 0, 0, false},
		{"1 234", 0, 0, false},
		{"", 0, 0, false},
		{".5", 0, 0, false},
		{"5.", 0, 0, false},
		{"1,2,3", 0, 0, false},
		{"1.234,5.6", 0, 0, false},
		{"1,234.567,8", 0, 0, false},
		{"12a", 0, 0, false},
		{"-5", 0, 0, false},
		{"25¹", 0, 0, false},
		{"1234.567", 1234.567, 3, true}, // 4-digit head: no thousands group
		// Malformed: a group of two digits, a leading zero before a
		// thousands dot, groups of two. No figure is guessed from them.
		{"2.130.11", 0, 0, false},
		{"01.234", 0, 0, false},
		{"12.34.567", 0, 0, false},
	}
	for _, tt := range tests {
		v, dec, ok := ParseNumber(tt.in)
		if ok != tt.ok || (ok && (math.Abs(v-tt.v) > 1e-9 || dec != tt.dec)) {
			t.Errorf("ParseNumber(%q) = %v, %d, %v; want %v, %d, %v", tt.in, v, dec, ok, tt.v, tt.dec, tt.ok)
		}
	}
}

func TestParsePercent(t *testing.T) {
	tests := []struct {
		in  string
		v   float64
		dec int
		ok  bool
	}{
		{"46,14", 46.14, 2, true},
		{"96.1", 96.1, 1, true},
		{"100", 100, 0, true},
		{"12.345", 12.345, 3, true}, // English decimal point: no share is 12 345 %
		{"1.000", 1000, 0, true},    // 1 000 % stays
		{"1.058", 1.058, 3, true},
		{"2.130.119", 2130119, 0, true},
		{"2.130.11", 0, 0, false},
	}
	for _, tt := range tests {
		v, dec, ok := ParsePercent(tt.in)
		if ok != tt.ok || (ok && (math.Abs(v-tt.v) > 1e-9 || dec != tt.dec)) {
			t.Errorf("ParsePercent(%q) = %v, %d, %v; want %v, %d, %v", tt.in, v, dec, ok, tt.v, tt.dec, tt.ok)
		}
	}
	if ns := ScanNumbers("đạt 12.345 %"); len(ns) != 1 || ns[0].Kind != Percent || math.Abs(ns[0].Value-12.345) > 1e-9 {
		t.Errorf("ScanNumbers(12.345 %%) = %+v, want the percentage 12,345", ns)
	}
}

// TestQualifierPhrases checks the qualifier table: every phrase is read
// back by QualifierBefore with its own qualifier (a shorter phrase listed
// first would shadow a longer one).
func TestQualifierPhrases(t *testing.T) {
	for _, p := range QualifierPhrases() {
		if got := QualifierBefore("đạt " + p.Phrase + " "); got != p.Qualifier {
			t.Errorf("QualifierBefore(%q) = %q, want %q", p.Phrase, got, p.Qualifier)
		}
		if p.Qualifier == Exact {
			t.Errorf("phrase %q has no qualifier", p.Phrase)
		}
	}
}

// want is an expected Number; fields left zero are not checked, except
// Kind and Value that are always checked.
type numWant struct {
	kind NumberKind
	v    float64
	text string
	q    Qualifier
	dec  int
	unit string
}

func TestScanNumbers(t *testing.T) {
	tests := []struct {
		in   string
		want []numWant
	}{
		// Plain counts and Vietnamese number styles.
		{"có 1.058 hồ sơ", []numWant{{kind: Count, v: 1058, text: "1.058"}}},
		{"tổng 2.130.119 lượt", []numWant{{kind: Count, v: 2130119, text: "2.130.119"}}},
		{"2.215,6 km", []numWant{{kind: Count, v: 2215.6, dec: 1, text: "2.215,6"}}},
		{"đạt 04 cơ quan", []numWant{{kind: Count, v: 4, text: "04"}}},
		{"5528 và 1040", []numWant{{kind: Count, v: 5528}, {kind: Count, v: 1040}}},
		{"1,234,567 lượt truy cập", []numWant{{kind: Count, v: 1234567}}},
		{"0.09 giây", []numWant{{kind: Count, v: 0.09, dec: 2}}},
		{"23.46 điểm", []numWant{{kind: Count, v: 23.46, dec: 2}}},
		{"đạt 1.058.", []numWant{{kind: Count, v: 1058, text: "1.058"}}},
		{"(153)", []numWant{{kind: Count, v: 153}}},

		// Percent.
		{"46,14%", []numWant{{kind: Percent, v: 46.14, dec: 2, text: "46,14%", unit: "%"}}},
		{"96.1%", []numWant{{kind: Percent, v: 96.1, dec: 1}}},
		{"100 %", []numWant{{kind: Percent, v: 100, dec: 0, text: "100 %"}}},
		{"11,3%", []numWant{{kind: Percent, v: 11.3, dec: 1}}},
		{"100%", []numWant{{kind: Percent, v: 100, dec: 0}}},
		{"46,14 phần trăm", []numWant{{kind: Percent, v: 46.14, text: "46,14 phần trăm"}}},
		{"đạt 43.8%.", []numWant{{kind: Percent, v: 43.8, text: "43.8%"}}},
		{"tỷ lệ 23.46%,", []numWant{{kind: Percent, v: 23.46}}},
		{"50％", []numWant{{kind: Percent, v: 50, text: "50％"}}},

		// Money.
		{"29.473,482 triệu đồng", []numWant{{kind: Money, v: 29473482000, dec: 3, text: "29.473,482 triệu đồng", unit: "triệu đồng"}}},
		{"hơn 4,9 tỷ đồng", []numWant{{kind: Money, v: 4900000000, q: Over, text: "hơn 4,9 tỷ đồng"}}},
		{"4,9 tỉ đồng", []numWant{{kind: Money, v: 4900000000}}},
		{"500 nghìn đồng", []numWant{{kind: Money, v: 500000}}},
		{"500 ngàn đồng", []numWant{{kind: Money, v: 500000}}},
		{"1.500.000 đồng.", []numWant{{kind: Money, v: 1500000, text: "1.500.000 đồng"}}},
		{"200.000 VNĐ", []numWant{{kind: Money, v: 200000, text: "200.000 VNĐ"}}},
		{"200.000 VND", []numWant{{kind: Money, v: 200000}}},
		{"500.000đ/tháng", []numWant{{kind: Money, v: 500000, text: "500.000đ"}}},
		{"15 triệu VNĐ", []numWant{{kind: Money, v: 15000000}}},
		{"2 nghìn tỷ đồng", []numWant{{kind: Money, v: 2e12}}},
		{"5 đồng chí", []numWant{{kind: Count, v: 5, text: "5"}}},
		{"3 đồng thời", []numWant{{kind: Count, v: 3}}},
		{"5 đ/c lãnh đạo", []numWant{{kind: Count, v: 5, text: "5"}}},

		// Scale words without money.
		{"1,2 triệu hồ sơ", []numWant{{kind: Count, v: 1200000, text: "1,2 triệu", unit: "triệu"}}},
		{"3 nghìn lượt", []numWant{{kind: Count, v: 3000}}},
		{"2 tỷ lượt", []numWant{{kind: Count, v: 2e9}}},
		{"40 tỷ lệ", []numWant{{kind: Count, v: 40, text: "40"}}},

		// Ratios.
		{"153/191 hồ sơ", []numWant{{kind: Ratio, v: 100 * 153.0 / 191, text: "153/191"}}},
		{"84.394/751.295", []numWant{{kind: Ratio, v: 100 * 84394.0 / 751295}}},
		{"651/751 hồ sơ trên tổng số", []numWant{{kind: Ratio, v: 100 * 651.0 / 751, q: Exact}}},
		{"khoảng 20/25 đơn vị", []numWant{{kind: Ratio, v: 80, q: Approx, text: "khoảng 20/25"}}},
		{"5/0", []numWant{{kind: Other, v: 5}}},

		// Dates.
		{"ngày 13/12/2021", []numWant{{kind: Date, v: 2021, text: "ngày 13/12/2021"}}},
		{"01/01/2020", []numWant{{kind: Date, v: 2020}}},
		{"7/5/2021", []numWant{{kind: Date, v: 2021}}},
		{"22/05/2018", []numWant{{kind: Date, v: 2018}}},
		{"tháng 9/2021", []numWant{{kind: Date, v: 2021, text: "tháng 9/2021"}}},
		{"9/2021", []numWant{{kind: Date, v: 2021}}},
		{"ngày 05 tháng 8 năm 2021", []numWant{{kind: Date, v: 2021, text: "ngày 05 tháng 8 năm 2021"}}},
		{"ngày 30\n tháng 8 năm 2021", []numWant{{kind: Date, v: 2021}}},
		{"tháng 6 năm 2022", []numWant{{kind: Date, v: 2022, text: "tháng 6 năm 2022"}}},
		{"13.12.2021", []numWant{{kind: Date, v: 2021}}},
		{"05-8-2021", []numWant{{kind: Date, v: 2021}}},
		{"Quý II/2022", []numWant{{kind: Date, v: 2022}}},
		{"32/13/2021", []numWant{{kind: Other}}},

		// Years.
		{"năm 2022", []numWant{{kind: Year, v: 2022, text: "năm 2022"}}},
		{"2021-2025", []numWant{{kind: Year, v: 2021, text: "2021-2025"}}},
		{"giai đoạn 2021 - 2025", []numWant{{kind: Year, v: 2021, text: "giai đoạn 2021 - 2025"}}},
		{"2016–2020", []numWant{{kind: Year, v: 2016}}},
		{"đến 2030", []numWant{{kind: Year, v: 2030}}},
		{"từ 2019", []numWant{{kind: Year, v: 2019}}},
		{"2021 hồ sơ", []numWant{{kind: Count, v: 2021}}},
		{"có 2.021 hồ sơ", []numWant{{kind: Count, v: 2021}}},

		// Document numbers.
		{"2134/QĐ-UBND", []numWant{{kind: DocNumber, v: 2134, text: "2134/QĐ-UBND"}}},
		{"85/2016/NĐ-CP,", []numWant{{kind: DocNumber, v: 85, text: "85/2016/NĐ-CP"}}},
		{"Nghị quyết số 04-NQ/TU ngày", []numWant{{kind: DocNumber, v: 4, text: "04-NQ/TU"}}},
		{"1179/ĐASYT", []numWant{{kind: DocNumber, v: 1179, text: "1179/ĐASYT"}}},
		{"01/2020/TT-VPCP", []numWant{{kind: DocNumber, v: 1, text: "01/2020/TT-VPCP"}}},
		{"14/CT-TTg", []numWant{{kind: DocNumber, v: 14, text: "14/CT-TTg"}}},
		{"26/TB-VPUBND", []numWant{{kind: DocNumber, v: 26}}},
		{"Quyết định số 945 của", []numWant{{kind: DocNumber, v: 945, text: "945"}}},
		{"Kế hoạch số 1320 /KH-UBND ngày 06 tháng 5 năm 2022", []numWant{
			{kind: DocNumber, v: 1320, text: "1320 /KH-UBND"},
			{kind: Date, v: 2022, text: "ngày 06 tháng 5 năm 2022"},
		}},

		// Codes that are not values.
		{"ISO 27001", []numWant{{kind: Other, v: 27001, text: "ISO 27001"}}},
		{"ISO 27001:2013", []numWant{{kind: Other, v: 27001, text: "ISO 27001:2013"}}},
		{"IPv6", []numWant{{kind: Other, text: "IPv6"}}},
		{"COVID-19", []numWant{{kind: Other, text: "COVID-19"}}},
		{"Covid-19", []numWant{{kind: Other, text: "Covid-19"}}},
		{"cách mạng 4.0", []numWant{{kind: Other, v: 4}}},
		{"phiên bản 2.0", []numWant{{kind: Other, v: 2}}},
		{"24/7", []numWant{{kind: Other, v: 24, text: "24/7"}}},
		{"mạng 5G", []numWant{{kind: Other, text: "5G"}}},
		{"Điều 5", []numWant{{kind: Other, v: 5}}},
		{"lúc 8:30", []numWant{{kind: Other, v: 8, text: "8:30"}}},
		{"1.2.3 mục", []numWant{{kind: Other}}},
		{"1. Kết quả", []numWant{{kind: Other, v: 1}}},
		{"x\n2.1. Hạ tầng", []numWant{{kind: Other, v: 2.1}}},
		{"định hướng đến năm\n\n2030. Tiếp", []numWant{{kind: Year, v: 2030}}},
		{"phòng chống dịch COVID-\n\n19 trên địa bàn", []numWant{{kind: Other, text: "COVID-\n\n19"}}},
		{"Giám sát -\n19 hệ thống", []numWant{{kind: Count, v: 19}}},

		// Qualifiers.
		{"trên 46.016 hồ sơ", []numWant{{kind: Count, v: 46016, q: Over, text: "trên 46.016"}}},
		{"trên 90%", []numWant{{kind: Percent, v: 90, q: Over, text: "trên 90%"}}},
		{"khoảng 96.1%", []numWant{{kind: Percent, v: 96.1, q: Approx}}},
		{"Khoảng 300", []numWant{{kind: Count, v: 300, q: Approx, text: "Khoảng 300"}}},
		{"gần 100%", []numWant{{kind: Percent, v: 100, q: Approx}}},
		{"xấp xỉ 50", []numWant{{kind: Count, v: 50, q: Approx}}},
		{"ước tính 20", []numWant{{kind: Count, v: 20, q: Approx, text: "ước tính 20"}}},
		{"ước đạt 20", []numWant{{kind: Count, v: 20, q: Approx}}},
		{"vượt 10%", []numWant{{kind: Percent, v: 10, q: Over}}},
		{"vượt quá 10%", []numWant{{kind: Percent, v: 10, q: Over, text: "vượt quá 10%"}}},
		{"tối thiểu 50% báo cáo", []numWant{{kind: Percent, v: 50, q: Over}}},
		{"ít nhất 3", []numWant{{kind: Count, v: 3, q: Over}}},
		{"dưới 5%", []numWant{{kind: Percent, v: 5, q: Under}}},
		{"chưa đến 10", []numWant{{kind: Count, v: 10, q: Under}}},
		{"không quá 2", []numWant{{kind: Count, v: 2, q: Under}}},
		{"tối đa 15", []numWant{{kind: Count, v: 15, q: Under}}},
		{"dự kiến 30", []numWant{{kind: Count, v: 30, q: Exact, text: "30"}}},
		{"trong tuần 3", []numWant{{kind: Count, v: 3, q: Exact}}},
		{"trên Cổng có 12 dịch vụ", []numWant{{kind: Count, v: 12, q: Exact}}},

		// Footnote markers never join.
		{"25¹ cơ sở", []numWant{{kind: Count, v: 25, text: "25"}}},
		{"cấp độ 2⁽¹³⁾", []numWant{{kind: Count, v: 2, text: "2"}}},
		{"25 1 cơ sở", []numWant{{kind: Count, v: 25}, {kind: Count, v: 1}}},
		{"96,5%²", []numWant{{kind: Percent, v: 96.5, text: "96,5%"}}},

		// Several in a row.
		{"đạt 46,14% (153/191), hơn 4,9 tỷ đồng", []numWant{
			{kind: Percent, v: 46.14},
			{kind: Ratio, v: 100 * 153.0 / 191},
			{kind: Money, v: 4.9e9, q: Over},
		}},
		{"", nil},
		{"không có số", nil},
	}
	for _, tt := range tests {
		got := ScanNumbers(tt.in)
		if len(got) != len(tt.want) {
			t.Errorf("ScanNumbers(%q): %d numbers %v; want %d", tt.in, len(got), numTexts(got), len(tt.want))
			continue
		}
		for i, w := range tt.want {
			g := got[i]
			if g.Kind != w.kind {
				t.Errorf("ScanNumbers(%q)[%d] %q: kind %v; want %v", tt.in, i, g.Text, g.Kind, w.kind)
			}
			if w.v != 0 && math.Abs(g.Value-w.v) > 1e-6*math.Max(1, math.Abs(w.v)) {
				t.Errorf("ScanNumbers(%q)[%d] %q: value %v; want %v", tt.in, i, g.Text, g.Value, w.v)
			}
			if w.text != "" && g.Text != w.text {
				t.Errorf("ScanNumbers(%q)[%d]: text %q; want %q", tt.in, i, g.Text, w.text)
			}
			if g.Qualifier != w.q {
				t.Errorf("ScanNumbers(%q)[%d] %q: qualifier %q; want %q", tt.in, i, g.Text, g.Qualifier, w.q)
			}
			if w.dec != 0 && g.Decimals != w.dec {
				t.Errorf("ScanNumbers(%q)[%d] %q: decimals %d; want %d", tt.in, i, g.Text, g.Decimals, w.dec)
			}
			if w.unit != "" && g.Unit != w.unit {
				t.Errorf("ScanNumbers(%q)[%d] %q: unit %q; want %q", tt.in, i, g.Text, g.Unit, w.unit)
			}
		}
		numCheckOffsets(t, tt.in, got)
	}
}

func numTexts(ns []Number) []string {
	var out []string
	for _, n := range ns {
		out = append(out, n.Kind.String()+":"+n.Text)
	}
	return out
}

// numCheckOffsets checks the invariants of ScanNumbers' offsets.
func numCheckOffsets(t *testing.T, s string, ns []Number) {
	t.Helper()
	prev := 0
	for i, n := range ns {
		if !(prev <= n.Start && n.Start <= n.NumStart && n.NumStart < n.NumEnd && n.NumEnd <= n.End && n.End <= len(s)) {
			t.Fatalf("ScanNumbers(%q)[%d]: bad offsets %d %d %d %d (prev end %d)", s, i, n.Start, n.NumStart, n.NumEnd, n.End, prev)
		}
		if n.Text != s[n.Start:n.End] {
			t.Fatalf("ScanNumbers(%q)[%d]: Text %q != s[Start:End] %q", s, i, n.Text, s[n.Start:n.End])
		}
		if !numIsASCIIDigit(s[n.NumStart]) {
			t.Fatalf("ScanNumbers(%q)[%d]: NumStart %d not on a digit", s, i, n.NumStart)
		}
		if math.IsNaN(n.Value) || math.IsInf(n.Value, 0) {
			t.Fatalf("ScanNumbers(%q)[%d]: value %v", s, i, n.Value)
		}
		prev = n.End
	}
}

func numIsASCIIDigit(c byte) bool { return c >= '0' && c <= '9' }

func TestScanNumbersDateTime(t *testing.T) {
	tests := []struct {
		in   string
		want time.Time
	}{
		{"ngày 05 tháng 8 năm 2021", time.Date(2021, 8, 5, 0, 0, 0, 0, time.UTC)},
		{"13/12/2021", time.Date(2021, 12, 13, 0, 0, 0, 0, time.UTC)},
		{"tháng 9/2021", time.Date(2021, 9, 1, 0, 0, 0, 0, time.UTC)},
		{"ngày 31/02/2021", time.Time{}}, // no such day: not a date
	}
	for _, tt := range tests {
		ns := ScanNumbers(tt.in)
		if len(ns) == 0 {
			t.Errorf("ScanNumbers(%q): nothing", tt.in)
			continue
		}
		if !ns[0].Time.Equal(tt.want) {
			t.Errorf("ScanNumbers(%q)[0].Time = %v; want %v", tt.in, ns[0].Time, tt.want)
		}
	}
}

func TestScanNumbersRange(t *testing.T) {
	ns := ScanNumbers("giai đoạn 2021-2025")
	if len(ns) != 1 || ns[0].To != 2025 {
		t.Fatalf("got %+v; want one Year range to 2025", ns)
	}
}

func TestQualifierBefore(t *testing.T) {
	tests := []struct {
		in   string
		want Qualifier
	}{
		{"có hơn ", Over},
		{"có trên ", Over},
		{"TRÊN ", Over},
		{"đạt gần ", Approx},
		{"khoảng", Approx},
		{"ước tính ", Approx},
		{"xấp  xỉ ", Approx},
		{"dưới ", Under},
		{"chưa tới ", Under},
		{"không đến ", Under},
		{"tuần ", Exact},
		{"dự kiến ", Exact},
		{"tổng số ", Exact},
		{"", Exact},
		{"phơn ", Exact},
		{"nhiều hơn\u00a0", Over},
	}
	for _, tt := range tests {
		if got := QualifierBefore(tt.in); got != tt.want {
			t.Errorf("QualifierBefore(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestNumberKindString(t *testing.T) {
	for k, want := range map[NumberKind]string{Count: "count", Percent: "percent", Money: "money", Ratio: "ratio", Date: "date", Year: "year", DocNumber: "docnumber", Other: "other", 99: "kind(99)"} {
		if got := k.String(); got != want {
			t.Errorf("%d.String() = %q; want %q", int(k), got, want)
		}
	}
	if !Ratio.IsValue() || Date.IsValue() || Other.IsValue() {
		t.Error("IsValue wrong")
	}
}

// TestScanNumbersSeeds checks figures of the sample reports and the
// offset invariants over every line of them.
func TestScanNumbersSeeds(t *testing.T) {
	for _, name := range []string{"dak-lak-2021.txt", "kon-tum-2021.md"} {
		b, err := os.ReadFile(filepath.Join("..", "testdata", "normalize", "seeds", name))
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
		numCheckOffsets(t, s, ScanNumbers(s))
	}
}

func numSeedLines(f *testing.F) {
	for _, name := range []string{"dak-lak-2021.txt", "kon-tum-2021.md"} {
		b, err := os.ReadFile(filepath.Join("..", "testdata", "normalize", "seeds", name))
		if err != nil {
			f.Fatal(err)
		}
		lines := strings.Split(string(b), "\n")
		for i, l := range lines {
			if i%7 == 0 && strings.ContainsAny(l, "0123456789") {
				f.Add(l)
			}
		}
	}
}

func FuzzScanNumbers(f *testing.F) {
	for _, s := range []string{"46,14%", "hơn 4,9 tỷ đồng", "153/191", "ngày 05 tháng 8 năm 2021", "2021 - 2025", "1320 /KH-UBND", "25¹", "COVID-19", "1.2.", "5/", "đ1", "năm 2", "0/0", "9/2021/"} {
		f.Add(s)
	}
	numSeedLines(f)
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		numCheckOffsets(t, s, ScanNumbers(s))
		QualifierBefore(s)
	})
}

func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"1.058", "29.473,482", "96.1", "04", "1,234,567", "1.2.3", "", ",", "0.090", "1,234.5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, dec, ok := ParseNumber(s)
		if !ok {
			return
		}
		if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 || dec < 0 || dec >= len(s) {
			t.Fatalf("ParseNumber(%q) = %v, %d", s, v, dec)
		}
	})
}

const numBenchParagraph = `Trong năm 2021, tổng số hồ sơ tiếp nhận trên Hệ thống một cửa điện tử là 2.130.119 hồ sơ, trong đó có 1.058 hồ sơ trực tuyến mức độ 3, 4 (đạt 46,14%); tỷ lệ hồ sơ giải quyết đúng hạn đạt 96.1%. Kinh phí thực hiện năm 2021: 29.473,482 triệu đồng, trong đó ngân sách tỉnh hơn 4,9 tỷ đồng. Theo Kế hoạch số 1320 /KH-UBND ngày 06 tháng 5 năm 2022 và Quyết định số 2134/QĐ-UBND ngày 05/8/2021, có 153/191 cơ quan kết nối; trên 90% cán bộ đã được tập huấn theo ISO 27001 giai đoạn 2021-2025.`

func BenchmarkScanNumbers(b *testing.B) {
	b.SetBytes(int64(len(numBenchParagraph)))
	for b.Loop() {
		ScanNumbers(numBenchParagraph)
	}
}

// TestScanNumbersGold checks ScanNumbers on the evidence phrases of the
// hand-checked figures of the sample reports: each numeric figure must
// be found with its qualifier.
func TestScanNumbersGold(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "testdata", "normalize", "gold", "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no gold files: %v", err)
	}
	checked := 0
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var g struct {
			Metrics []struct {
				Metric    string          `json:"metric"`
				Value     json.RawMessage `json:"value"`
				Evidence  string          `json:"evidence"`
				Qualifier Qualifier       `json:"qualifier"`
			} `json:"metrics"`
		}
		if err := json.Unmarshal(b, &g); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		for _, m := range g.Metrics {
			var v float64
			if json.Unmarshal(m.Value, &v) != nil || m.Evidence == "" {
				continue // a status, not a number
			}
			found := false
			for _, n := range ScanNumbers(m.Evidence) {
				if !n.Kind.IsValue() || n.Qualifier != m.Qualifier {
					continue
				}
				if math.Abs(n.Value-v) <= 1e-6*math.Max(1, v) || (n.Kind == Ratio && (n.Num == v || n.Den == v)) {
					found = true
				}
			}
			if !found {
				t.Errorf("%s %s: %v (%q) not found in %q: %v", filepath.Base(file), m.Metric, v, m.Qualifier, m.Evidence, numTexts(ScanNumbers(m.Evidence)))
			}
			checked++
		}
	}
	if checked < 50 {
		t.Errorf("checked only %d figures", checked)
	}
}

// TestNumTrimSpaceEnd checks the ASCII fast path of numTrimSpaceEnd
// against unicode.IsSpace on every ASCII byte and a few wider spaces.
func TestNumTrimSpaceEnd(t *testing.T) {
	for c := rune(0); c < 0x80; c++ {
		s := "x" + string(c)
		want := 2
		if unicode.IsSpace(c) {
			want = 1
		}
		if got := numTrimSpaceEnd(s, len(s)); got != want {
			t.Errorf("numTrimSpaceEnd(%q) = %d, want %d", s, got, want)
		}
	}
	if got := numTrimSpaceEnd("gần\u00a0 \u2003\t", len("gần\u00a0 \u2003\t")); got != len("gần") {
		t.Errorf("wide spaces: %d", got)
	}
}
