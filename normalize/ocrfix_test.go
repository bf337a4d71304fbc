package normalize

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

var ocrFixTests = []struct {
	in, want string
	warn     string // substring of a warning; "" means no warning
}{
	// Confusable letters inside numbers.
	{"1.O58 hồ sơ", "1.058 hồ sơ", ""},
	{"2l3 xã", "213 xã", ""},
	{"5S0 cơ quan", "550 cơ quan", ""},
	{"1.2B4", "1.284", ""},
	{"tổng 1O.OO5", "tổng 10.005", ""},
	{"đạt 46,l4%", "đạt 46,14%", ""},
	{"1I2", "112", ""},
	{"3|4", "314", ""},
	{"1o5 người", "105 người", ""},
	{"29.47S,482 triệu", "29.475,482 triệu", ""},
	{"số 1O58/QĐ-UBND", "số 1058/QĐ-UBND", ""},
	// A colon read for a thousands dot.
	{"có 571:421 văn bản", "có 571.421 văn bản", ""},
	{"đạt 12:345 lượt", "đạt 12.345 lượt", ""},
	{"lúc 10:30 ngày", "lúc 10:30 ngày", ""},
	{"bản đồ tỷ lệ 1:500", "bản đồ tỷ lệ 1:500", ""},
	{"TCVN 11930:2017", "TCVN 11930:2017", ""},
	{"12:00:00", "12:00:00", ""},
	{"1.234:567", "1.234:567", ""},
	// Doubled thousands dot.
	{"1..058 hồ sơ", "1.058 hồ sơ", ""},
	{"2.130..119", "2.130.119", ""},
	{"1..O58", "1.058", ""},
	// Spaces inside numbers.
	{"751 295 hồ sơ", "751.295 hồ sơ", ""},
	{"1 058 hồ sơ", "1.058 hồ sơ", ""},
	{"có 2 130 119 tài khoản", "có 2.130.119 tài khoản", ""},
	{"12 679,5 triệu", "12.679,5 triệu", ""},
	{"(751 295)", "(751.295)", ""},
	// Near misses: unchanged.
	{"COVID-19", "COVID-19", ""},
	{"ISO 27001", "ISO 27001", ""},
	{"TCVN 11930:2017", "TCVN 11930:2017", ""},
	{"IPv6", "IPv6", ""},
	{"mức độ 3", "mức độ 3", ""},
	{"S1", "S1", ""},
	{"Số 05", "Số 05", ""},
	{"B2B", "B2B", ""},
	{"ISO", "ISO", ""},
	{"Lo 15", "Lo 15", ""},
	{"12S", "12S", ""},
	{"l2", "l2", ""},
	{"4G", "4G", ""},
	{"IOS 15", "IOS 15", ""},
	{"ngày 15 tháng 10 năm 2021", "ngày 15 tháng 10 năm 2021", ""},
	{"năm 2021 125 hồ sơ", "năm 2021 125 hồ sơ", ""},
	{"0 123", "0 123", ""},
	{"1 23 hồ sơ", "1 23 hồ sơ", ""},
	{"1 2345", "1 2345", ""},
	{"24/7 123", "24/7 123", ""},
	{"Kế hoạch số 1320 /KH-UBND", "Kế hoạch số 1320 /KH-UBND", ""},
	{"đến ... 123", "đến ... 123", ""},
	{"1.234...", "1.234...", ""},
	{"Việt Nam", "Việt Nam", ""},
	{"", "", ""},
	// Kept with a warning.
	{"mức độ 3 150 hồ sơ", "mức độ 3 150 hồ sơ", "after \"độ\""},
	{"Điều 5 100 người", "Điều 5 100 người", "after \"Điều\""},
	{"tổng 12 100 200", "tổng 12.100.200", ""},
	{"12 34 100 người", "12 34 100 người", "after \"12\""},
	{"1058 hồ sơ", "1058 hồ sơ", "without a thousands dot"},
	{"29473,482 triệu đồng", "29473,482 triệu đồng", "without a thousands dot"},
	{"1.05O", "1.05O", "misread digit"},
	{"1234..567", "1234..567", "doubled dot"},
}

func TestFixOCRNumbers(t *testing.T) {
	for _, tc := range ocrFixTests {
		got, warns := FixOCRNumbers(tc.in)
		if got != tc.want {
			t.Errorf("FixOCRNumbers(%q) = %q, want %q", tc.in, got, tc.want)
		}
		all := strings.Join(warns, "\n")
		switch {
		case tc.warn == "" && len(warns) > 0:
			t.Errorf("FixOCRNumbers(%q): unexpected warnings %q", tc.in, warns)
		case tc.warn != "" && !strings.Contains(all, tc.warn):
			t.Errorf("FixOCRNumbers(%q): warnings %q, want one containing %q", tc.in, warns, tc.warn)
		}
		if again, _ := FixOCRNumbers(got); again != got {
			t.Errorf("not idempotent: %q → %q → %q", tc.in, got, again)
		}
	}
}

// TestFixOCRNumbersOffsets checks that repairs other than doubled dots
// keep byte offsets: the figures found in the repaired line are where
// the damaged ones were.
func TestFixOCRNumbersOffsets(t *testing.T) {
	for _, tc := range ocrFixTests {
		if strings.Contains(tc.in, "..") {
			continue
		}
		got, _ := FixOCRNumbers(tc.in)
		if len(got) != len(tc.in) {
			t.Errorf("FixOCRNumbers(%q) = %q: length %d, want %d", tc.in, got, len(got), len(tc.in))
		}
	}
	got, _ := FixOCRNumbers("1..058 và 751 295")
	if want := "1.058 và 751.295"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestFixOCRNumbersParses checks that repaired figures parse as the
// intended values.
func TestFixOCRNumbersParses(t *testing.T) {
	tests := []struct {
		in   string
		want float64
	}{
		{"1.O58", 1058},
		{"751 295", 751295},
		{"1..058", 1058},
		{"2.l30.ll9", 2130119},
	}
	for _, tc := range tests {
		fixed, _ := FixOCRNumbers(tc.in)
		v, _, ok := ParseNumber(fixed)
		if !ok || v != tc.want {
			t.Errorf("ParseNumber(FixOCRNumbers(%q) = %q) = %v, %v; want %v", tc.in, fixed, v, ok, tc.want)
		}
	}
}

func FuzzFixOCRNumbers(f *testing.F) {
	for _, tc := range ocrFixTests {
		f.Add(tc.in)
	}
	f.Add("Trong năm 2021 đã tiếp nhận 75l 29S hồ sơ, đạt 46,l4%; 1..O58 cơ sở")
	f.Fuzz(func(t *testing.T, s string) {
		got, _ := FixOCRNumbers(s)
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Fatalf("FixOCRNumbers(%q) = %q: invalid UTF-8", s, got)
		}
		if len(got) > len(s) {
			t.Fatalf("FixOCRNumbers(%q) = %q: longer than the input", s, got)
		}
		again, _ := FixOCRNumbers(got)
		if again != got {
			t.Fatalf("not idempotent: %q → %q → %q", s, got, again)
		}
	})
}

func BenchmarkFixOCRNumbers(b *testing.B) {
	line := "Trong năm 2021 đã tiếp nhận 75l 295 hồ sơ trực tuyến, trong đó 1.O58 hồ sơ mức độ 4, đạt 46,14% (COVID-19, ISO 27001)."
	b.SetBytes(int64(len(line)))
	for b.Loop() {
		FixOCRNumbers(line)
	}
}

// ocrJoinTests are numbers split after their separator; the repairs
// remove one byte each, so they are kept out of the offset test.
var ocrJoinTests = []struct{ in, want string }{
	{"đã tiếp nhận 56. 212 hồ sơ", "đã tiếp nhận 56.212 hồ sơ"},
	{"tỷ lệ đạt 40, 27% so với", "tỷ lệ đạt 40,27% so với"},
	{"kinh phí 29.473, 482 triệu đồng", "kinh phí 29.473,482 triệu đồng"},
	{"có 1.234. 567 lượt truy cập", "có 1.234.567 lượt truy cập"},
	{"(đạt 98, 5%)", "(đạt 98,5%)"},
	{"tổng cộng 2. 130 tài khoản", "tổng cộng 2.130 tài khoản"},
	{"khoảng 3, 5 tỷ đồng", "khoảng 3, 5 tỷ đồng"}, // a grouped integer only
	// Kept: item numbers, small numbers, lists, sentence ends, codes.
	{"2. 100% xã có điểm phục vụ", "2. 100% xã có điểm phục vụ"},
	{"  3. 150 hồ sơ", "  3. 150 hồ sơ"},
	{"mục 3. 150 hồ sơ", "mục 3. 150 hồ sơ"},
	{"Điều 5. 100 người", "Điều 5. 100 người"},
	{"năm 2021. 125 hồ sơ", "năm 2021. 125 hồ sơ"},
	{"các năm 2019, 2020", "các năm 2019, 2020"},
	{"lần lượt 40, 27 và 30", "lần lượt 40, 27 và 30"},
	{"kế hoạch (50%, 800, 25%, 42.500 triệu)", "kế hoạch (50%, 800, 25%, 42.500 triệu)"},
	{"kế hoạch: 1.100, 60%, 1.450 tỷ", "kế hoạch: 1.100, 60%, 1.450 tỷ"},
	{"đạt 40, 27%, 30%", "đạt 40, 27%, 30%"},
	{"đạt 1.234, 56%", "đạt 1.234, 56%"},
	{"số 12. 345/QĐ-UBND", "số 12. 345/QĐ-UBND"},
	{"đạt 56. 2124 lượt", "đạt 56. 2124 lượt"},
	{"v1. 234", "v1. 234"},
}

func TestFixOCRNumbersJoin(t *testing.T) {
	for _, tc := range ocrJoinTests {
		got, _ := FixOCRNumbers(tc.in)
		if got != tc.want {
			t.Errorf("FixOCRNumbers(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if again, _ := FixOCRNumbers(got); again != got {
			t.Errorf("not idempotent: %q → %q → %q", tc.in, got, again)
		}
	}
}

func TestFixOCRText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Tỉnh đã hoàn thiện 25\" cơ sở dữ liệu", "Tỉnh đã hoàn thiện 25 cơ sở dữ liệu"},
		{"thôngtin và truyền thông: 56. 212 hồ sơ, đạt 4O,27% và 1.O58", "thông tin và truyền thông: 56.212 hồ sơ, đạt 40,27% và 1.058"},
		{"tỷ lệ 40, 27%", "tỷ lệ 40,27%"},
		// Acronyms and Cổng misread by one letter or tone.
		{"xã: 100 TIHC, chung 3 cấp: 22 TTHC", "xã: 100 TTHC, chung 3 cấp: 22 TTHC"},
		{"tích hợp 835 DVCTT lên Cống dịch vụ công Quốc gia", "tích hợp 835 DVCTT lên Cổng dịch vụ công Quốc gia"},
		{"trên cống thông tin điện tử", "trên cổng thông tin điện tử"},
		{"nạo vét cống thoát nước", "nạo vét cống thoát nước"},
		{"ứng dụng CNIT và ATIT", "ứng dụng CNTT và ATTT"},
		{"chuẩn ISO, IEC, TCVN, COVID", "chuẩn ISO, IEC, TCVN, COVID"},
		{"Hệ thống IOC, IDC và VNPT", "Hệ thống IOC, IDC và VNPT"},
		// ! and ? read from a superscript marker.
		{"Tỉnh đã hoàn thiện 25! cơ sở dữ liệu", "Tỉnh đã hoàn thiện 25 cơ sở dữ liệu"},
		{"1.967 chứng thư tổ chức?. Ngành giáo dục", "1.967 chứng thư tổ chức. Ngành giáo dục"},
		{"theo Nghị định 42/2022/NĐ-CP!, UBND", "theo Nghị định 42/2022/NĐ-CP, UBND"},
		{"22 cơ sở dữ liệu dùng chung! phục vụ", "22 cơ sở dữ liệu dùng chung phục vụ"},
		{"Thật tuyệt vời! Tỉnh đã", "Thật tuyệt vời! Tỉnh đã"},
		{"Vì sao? Do thiếu kinh phí.", "Vì sao? Do thiếu kinh phí."},
		// Quotes that pair up are quotes.
		{"Đề án “Tuyên truyền giai đoạn 2021-2025” trên địa bàn", "Đề án “Tuyên truyền giai đoạn 2021-2025” trên địa bàn"},
		{"cổng \"trên 4.400\" DVCTT của tỉnh's", "cổng \"trên 4.400\" DVCTT của tỉnh's"},
		{"năm ‘2021’ và ‘2022’", "năm ‘2021’ và ‘2022’"},
		// A marker: more closing quotes than opening ones.
		{"đạt 12’ và ‘ổn định’", "đạt 12 và ‘ổn định’"},
		{"đạt 12’ và ổn định", "đạt 12 và ổn định"},
		// The speck of a diacritic read apart from its letter, in the
		// titles and sentences of several styles; accents on letters,
		// carets in formulas and quotes stay.
		{"KẾT QUẢ ˆ THỰC HIỆN KẾ HOẠCH NĂM 2021", "KẾT QUẢ THỰC HIỆN KẾ HOẠCH NĂM 2021"},
		{"˜ Báo cáo tình hình triển khai chính quyền số", "Báo cáo tình hình triển khai chính quyền số"},
		{"tiếp nhận ´ 12.345 hồ sơ trực tuyến ¨", "tiếp nhận 12.345 hồ sơ trực tuyến "},
		{"Tổng số TTHC ˆˆ của tỉnh là 1.774", "Tổng số TTHC của tỉnh là 1.774"},
		{"diện tích 10^3 m2 và KẾT QUẢ", "diện tích 10^3 m2 và KẾT QUẢ"},
		{"Cổng Dịch vụ công `Một cửa` của tỉnh", "Cổng Dịch vụ công `Một cửa` của tỉnh"},
	}
	for _, tc := range tests {
		if got, _ := FixOCRText(tc.in); got != tc.want {
			t.Errorf("FixOCRText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestFixOCRCell(t *testing.T) {
	tests := []struct{ in, want string }{
		{"‘1.234", "1.234"},
		{"56 |", "56"},
		{"| 12,5% |", "12,5%"},
		{"'40,5%'", "40,5%"},
		{"`1.O58", "1.058"},
		{"56. 212", "56.212"},
		{"| 40, 27% ‘", "40,27%"},
		{"¦ 2.130", "2.130"},
		{"1.284:", "1.284"},
		{". 1126540", "1126540"},
		{"108.225.", "108.225"},
		{"1632 -", "1632"},
		{"-", "-"},
		{"Trong đó:", "Trong đó:"},
		// Text cells keep their marks.
		{"'Sở Y tế'", "'Sở Y tế'"},
		{"Cổng |dịch vụ công", "Cổng |dịch vụ công"},
		{"| Tổng", "Tổng"},
		{"'Số TTHC", "Số TTHC"},
		{"‘Sở Y tế’", "‘Sở Y tế’"},
		{"— 1.757", "1.757"},
		{"2. 130 tài khoản", "2.130 tài khoản"},
		{"", ""},
	}
	for _, tc := range tests {
		if got, _ := FixOCRCell(tc.in); got != tc.want {
			t.Errorf("FixOCRCell(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestFixOCRMonth checks that a date whose "tháng" OCR misread is read
// as a date once repaired, in the issue dates of several styles, and
// that other words and spans of years are left alone.
func TestFixOCRMonth(t *testing.T) {
	tests := []struct {
		in   string
		want time.Time
	}{
		{"ngày 06 từng 5 năm 2022 của Ủy ban nhân dân tỉnh", time.Date(2022, 5, 6, 0, 0, 0, 0, time.UTC)},
		{"Đắk Lắk, ngày 10 thảng 01 năm 2022", time.Date(2022, 1, 10, 0, 0, 0, 0, time.UTC)},
		{"Hà Nội, ngày 28 Thang 12 năm 2023", time.Date(2023, 12, 28, 0, 0, 0, 0, time.UTC)},
		// Not a misread month: no "năm", another word, a span of years.
		{"ngày 06 từng 5 đơn vị", time.Time{}},
		{"ngày 15 trong 3 năm 2021", time.Time{}},
	}
	for _, tt := range tests {
		fixed, _ := FixOCRText(tt.in)
		var got time.Time
		for _, n := range ScanNumbers(fixed) {
			if n.Kind == Date {
				got = n.Time
				break
			}
		}
		if !got.Equal(tt.want) {
			t.Errorf("ScanNumbers(FixOCRText(%q) = %q): date %v, want %v", tt.in, fixed, got, tt.want)
		}
	}
	if got, _ := FixOCRText("ngày 06 từng 5 năm 2022"); got != "ngày 06 tháng 5 năm 2022" {
		t.Errorf("FixOCRText: %q", got)
	}
}
