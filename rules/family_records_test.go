package rules_test

import (
	"fmt"
	"testing"
)

// paraphrase is a sentence written for a test, in the style of one
// province or another, and what it must give: the value of metric as
// Value.String() with its qualifier, or "" where it must give nothing.
type paraphrase struct {
	text   string
	metric string
	want   string
	qual   string
}

// checkParaphrases runs each sentence as a one-paragraph report of 2023.
func checkParaphrases(t *testing.T, tests []paraphrase) {
	t.Helper()
	for i, tt := range tests {
		t.Run(fmt.Sprintf("%02d-%s", i, tt.metric), func(t *testing.T) {
			rep := applyText(t, "BÁO CÁO\nKết quả thực hiện kế hoạch năm 2023\n\n"+tt.text+"\n")
			f, ok := figure(rep, tt.metric)
			switch {
			case tt.want == "" && ok:
				t.Fatalf("%q: found %s = %s (rule %s), want nothing", tt.text, tt.metric, f.Value, f.Rule)
			case tt.want == "":
			case !ok:
				t.Fatalf("%q: %s not found", tt.text, tt.metric)
			case f.Value.String() != tt.want || f.Qualifier != tt.qual:
				t.Fatalf("%q: %s = %s (%q), want %s (%q) (rule %s)", tt.text, tt.metric, f.Value, f.Qualifier, tt.want, tt.qual, f.Rule)
			}
		})
	}
}

// TestDigitizedRate checks the share of applications whose records and
// results were digitised, in the wordings of several provinces.
func TestDigitizedRate(t *testing.T) {
	checkParaphrases(t, []paraphrase{
		{"Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC đạt 86,7%.", "records.digitized_rate", "86.7", ""},
		{"Tỉ lệ số hoá hồ sơ, kết quả giải quyết thủ tục hành chính của tỉnh: 91,05%.", "records.digitized_rate", "91.05", ""},
		{"Toàn tỉnh đã thực hiện số hóa đối với 73,2% tổng số hồ sơ tiếp nhận trong năm.", "records.digitized_rate", "73.2", ""},
		{"Có 95% hồ sơ TTHC tiếp nhận tại Bộ phận Một cửa các cấp đã được số hóa.", "records.digitized_rate", "95", ""},
		{"Tỷ lệ hồ sơ được số hóa ngay khi tiếp nhận đạt trên 80%, vượt chỉ tiêu giao.", "records.digitized_rate", "80", "over"},
		{"- Số hóa hồ sơ, kết quả giải quyết TTHC: đạt 64,5%;", "records.digitized_rate", "64.5", ""},
		{"Thành phố đã số hóa 100% hồ sơ, kết quả giải quyết TTHC còn hiệu lực.", "records.digitized_rate", "100", ""},
		// Results alone, records of a sector, plans and the reuse of
		// digitised data are other figures.
		{"Tỷ lệ số hóa kết quả giải quyết TTHC đạt 58%.", "records.digitized_rate", "", ""},
		{"Tỷ lệ số hóa hồ sơ địa chính đạt 75%.", "records.digitized_rate", "", ""},
		{"Phấn đấu năm 2025 tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC đạt 100%.", "records.digitized_rate", "", ""},
		{"Tỷ lệ hồ sơ có khai thác, sử dụng lại dữ liệu số hóa đạt 21%.", "records.digitized_rate", "", ""},
		{"Đã số hóa 32.418 hồ sơ cán bộ, công chức, viên chức.", "records.digitized_rate", "", ""},
		// Nor is the share another rate of applications.
		{"Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC đạt 86,7%.", "records.online_rate", "", ""},
		{"Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC đạt 86,7%.", "records.on_time_rate", "", ""},
	})
}

// TestDigitizedRateTable reads the share from a table of indicators.
func TestDigitizedRateTable(t *testing.T) {
	rep := applyText(t, "Báo cáo kết quả năm 2024\n\n"+
		"| STT | Chỉ tiêu | ĐVT | Kết quả |\n|---|---|---|---|\n"+
		"| 1 | Tỷ lệ hồ sơ trực tuyến | % | 61,2 |\n"+
		"| 2 | Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC | % | 92,4 |\n")
	if f, ok := figure(rep, "records.digitized_rate"); !ok || f.Value.String() != "92.4" || f.Source != "table" {
		t.Errorf("records.digitized_rate = %+v (found %v), want 92.4 from the table", f, ok)
	}
	if f, ok := figure(rep, "records.online_rate"); !ok || f.Value.String() != "61.2" {
		t.Errorf("records.online_rate = %+v (found %v), want 61.2", f, ok)
	}
}
