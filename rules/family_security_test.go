package rules_test

import "testing"

// TestSOCWording checks the SOC decision on the wordings of real
// reports, written for this test in the styles of several provinces: a
// launch, a handover, a centre reporting what it monitors, a contractor
// still building, and the connection to the national centre, which the
// Ministry of Public Security's Trung tâm An ninh mạng quốc gia took
// over in 2025.
func TestSOCWording(t *testing.T) {
	tests := []struct {
		text, status string
		ncsc         string // "true", "false" or "" (not stated)
	}{
		{"Sáng 12/8, tỉnh tổ chức lễ ra mắt Trung tâm điều hành an ninh mạng tỉnh. Hệ thống được kết nối, chia sẻ dữ liệu với Trung tâm An ninh mạng quốc gia.", "operational", "true"},
		{"Công an tỉnh tổ chức lễ tiếp nhận và vận hành Trung tâm Giám sát an toàn, an ninh tập trung (SOC); SOC được kết nối với Trung tâm An ninh mạng quốc gia (Bộ Công an).", "operational", "true"},
		{"Trung tâm giám sát an toàn, an ninh mạng của tỉnh đã khai trương trong tháng 3.", "operational", ""},
		{"Năm 2022, hệ thống giám sát của Trung tâm giám sát an toàn, an ninh mạng tỉnh ghi nhận 2.187 cảnh báo, trong đó 9 cảnh báo mức cao.", "operational", ""},
		{"Sở vừa ban hành báo cáo hoạt động Trung tâm giám sát an toàn, an ninh mạng (SOC) năm 2021.", "operational", ""},
		{"Trung tâm giám sát, điều hành an toàn, an ninh mạng (SOC) của tỉnh hiện đang được nhà thầu thi công, lắp đặt thiết bị.", "in_progress", ""},
		{"Hệ thống SOC đang thi công hạng mục phần cứng.", "in_progress", ""},
		{"Tỉnh dự kiến ra mắt Trung tâm giám sát an toàn, an ninh mạng (SOC) vào quý IV.", "planned", ""},
		{"SOC của tỉnh đã đi vào hoạt động nhưng chưa kết nối với Trung tâm An ninh mạng quốc gia.", "operational", "false"},
		// A SOC in a list whose verb stands before the ";".
		{"Năm 2023, tỉnh đã hoàn thành và đưa vào sử dụng các hệ thống dùng chung như trung tâm điều hành thông minh (IOC); hệ thống giám sát an toàn thông tin mạng (SOC), nền tảng LGSP.", "operational", ""},
		{"Thành phố đã đưa vào vận hành các nền tảng gồm: Cổng dữ liệu mở; hệ thống SOC giám sát an toàn thông tin; kho dữ liệu dùng chung.", "operational", ""},
		{"Các hệ thống đã đi vào hoạt động ổn định gồm: hệ thống hội nghị truyền hình; Trung tâm giám sát an toàn thông tin mạng (SOC) của tỉnh.", "operational", ""},
		{"Tỉnh dự kiến đưa vào vận hành các nền tảng như trục LGSP; hệ thống SOC giám sát an toàn thông tin.", "planned", ""},
		{"Tỉnh đã đưa vào vận hành trục LGSP; hệ thống SOC đang được triển khai.", "in_progress", ""},
		// Systems connected to the SOC: it monitors them.
		{"Đến nay, tỉnh đã kết nối 18 hệ thống thông tin với Trung tâm giám sát an toàn thông tin mạng (SOC) của tỉnh.", "operational", ""},
		{"Sở đã nâng cấp, kết nối thành công 9 hệ thống vào SOC tỉnh để giám sát 24/7.", "operational", ""},
		{"Năm 2024 hoàn thành kết nối các hệ thống thông tin của tỉnh về Trung tâm giám sát an toàn, an ninh mạng (SOC).", "operational", ""},
		{"Tỉnh dự kiến kết nối 14 hệ thống thông tin với SOC trong năm tới.", "planned", ""},
	}
	for _, tt := range tests {
		rep := applyText(t, "Báo cáo năm 2023\n\n"+tt.text+"\n")
		f, ok := figure(rep, "soc.status")
		if !ok || f.Value.Str != tt.status {
			t.Errorf("%q: soc.status = %v (found %v), want %s", tt.text, f.Value, ok, tt.status)
		}
		c, ok := figure(rep, "soc.ncsc_connected")
		switch {
		case tt.ncsc == "" && ok:
			t.Errorf("%q: soc.ncsc_connected = %v, want nothing", tt.text, c.Value)
		case tt.ncsc != "" && (!ok || c.Value.String() != tt.ncsc):
			t.Errorf("%q: soc.ncsc_connected = %v (found %v), want %s", tt.text, c.Value, ok, tt.ncsc)
		}
	}
}

// TestSecurityWording checks anti-malware, malware and incident counts in
// the wordings of real reports, written for this test.
func TestSecurityWording(t *testing.T) {
	checkParaphrases(t, []paraphrase{
		// A ratio: the numerator counts the protected machines.
		{"Đến nay tỉnh mới có 1.204/4.870 máy tính trong các cơ quan nhà nước cài đặt phần mềm phòng, chống mã độc tập trung (khoảng 24,7%).", "sec.malware_protected_machines", "1204", ""},
		{"Toàn tỉnh có 3.905/4.100 máy trạm được cài đặt giải pháp phòng chống mã độc tập trung.", "sec.malware_protected_machines", "3905", ""},
		// A ratio read by no rule stays no figure.
		{"Có 35/40 cơ quan đã cài đặt phần mềm phòng chống mã độc tập trung.", "sec.malware_protected_machines", "", ""},
		// Agencies are no machines.
		{"Tỉnh đã hoàn thành cài đặt phần mềm chống mã độc tập trung cho 27 cơ quan, đơn vị.", "sec.malware_protected_machines", "", ""},
		{"Phần mềm phòng, chống mã độc tập trung đã được cài đặt cho 4.512 máy tính của 31 cơ quan.", "sec.malware_protected_machines", "4512", ""},
		// Alerts are no incidents.
		{"Hệ thống giám sát ghi nhận 3.120 cảnh báo thấp, 14 cảnh báo cao trên tổng số 25 máy.", "sec.incidents", "", ""},
	})
}
