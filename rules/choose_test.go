package rules_test

import (
	"strings"
	"testing"
)

// TestChoice checks the choice between candidates for one metric, on
// news items and reports written for this test in the styles of several
// provinces: a rounded figure in a title or lead never beats the exact
// statement of the same fact; the body beats the title; a close call
// keeps the runner-up as an alternative and a warning.
func TestChoice(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		metric string
		want   string
		qual   string
		// alt is a value that must be listed among the alternatives ("" for
		// none); warn a substring of the warning about the metric ("" for
		// no warning).
		alt, warn string
	}{
		{"over in title, exact in body", "Hơn 25.000 hồ sơ được tiếp nhận trong quý I\n\nTrong quý I/2023, bộ phận một cửa các cấp của tỉnh Sơn La đã tiếp nhận 25.318 hồ sơ.\n",
			"records.total", "25318", "", "", ""},
		{"nearly in title, exact in body", "Hệ thống một cửa tỉnh Hà Giang tiếp nhận gần 14.600 hồ sơ\n\nTrong tháng 01/2024, hệ thống đã tiếp nhận tổng cộng 14.579 hồ sơ.\n",
			"records.total", "14579", "", "", ""},
		{"scaled in lead, exact later", "Báo cáo năm 2022\n\nNăm 2022, toàn tỉnh Nghệ An đã tiếp nhận khoảng 2,5 triệu hồ sơ. Cụ thể, các cơ quan đã tiếp nhận 2.486.301 hồ sơ, tăng 12% so với năm trước.\n",
			"records.total", "2486301", "", "", ""},
		{"coarser and finer rounding", "Báo cáo năm 2025\n\nToàn thành phố đã tiếp nhận hơn 2,5 triệu hồ sơ. Tổng số hồ sơ tiếp nhận trong kỳ là hơn 2,578 triệu hồ sơ.\n",
			"records.total", "2578000", "over", "", ""},
		{"a rounded figure of another fact is no refinement", "Tiếp nhận hơn 30.000 hồ sơ trong quý II\n\nTrong quý II/2022, tỉnh Phú Yên đã tiếp nhận 25.318 hồ sơ.\n",
			"records.total", "25318", "", "30000", "body over title"},
		{"exact title, exact body: the body", "Bắc Kạn tiếp nhận 12.400 hồ sơ trong tháng 3\n\nTrong tháng 3/2023, tỉnh Bắc Kạn đã tiếp nhận 12.480 hồ sơ.\n",
			"records.total", "12480", "", "12400", "body over title"},
		{"close call between two body statements", "Báo cáo năm 2021\n\nTỉnh Cao Bằng đã tiếp nhận 45.210 hồ sơ. Ở phần phụ lục, hệ thống đã tiếp nhận 45.120 hồ sơ.\n",
			"records.total", "45210", "", "45120", "close call"},
		{"a higher priority wins whatever its place", "Báo cáo năm 2021\n\nTổng số hồ sơ tiếp nhận trong năm: 98.765. Hệ thống đã giải quyết 97.002 hồ sơ.\n",
			"records.total", "98765", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep := applyText(t, tt.text)
			f, ok := figure(rep, tt.metric)
			if !ok {
				t.Fatalf("%s not found; warnings %q", tt.metric, rep.Warnings)
			}
			if got := f.Value.String(); got != tt.want || f.Qualifier != tt.qual {
				t.Fatalf("%s = %s (%q), want %s (%q) (rule %s)", tt.metric, got, f.Qualifier, tt.want, tt.qual, f.Rule)
			}
			found := tt.alt == ""
			for _, a := range f.Alternatives {
				if a.Value.String() == tt.alt {
					found = true
				}
				if a.Value.String() == tt.want {
					t.Errorf("the chosen value %s is also an alternative", tt.want)
				}
			}
			if !found {
				t.Errorf("alternatives %+v lack %s", f.Alternatives, tt.alt)
			}
			var warn string
			for _, w := range rep.Warnings {
				if strings.HasPrefix(w, tt.metric+":") {
					warn = w
				}
			}
			if tt.warn == "" && warn != "" || !strings.Contains(warn, tt.warn) {
				t.Errorf("warning %q, want one containing %q", warn, tt.warn)
			}
		})
	}
}
