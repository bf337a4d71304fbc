package rules_test

import "testing"

// TestSystemsStaffDataWording checks information systems by security
// level, IT staff and shared databases in wordings written for this
// test in the styles of several provinces.
func TestSystemsStaffDataWording(t *testing.T) {
	checkParaphrases(t, []paraphrase{
		// Information systems by security level.
		{"Đến nay, đã phê duyệt hồ sơ đề xuất cấp độ đối với 57 hệ thống thông tin, trong đó 49 hệ thống cấp độ 2 và 8 hệ thống cấp độ 3.", "httt.level2_approved", "49", ""},
		{"Đến nay, đã phê duyệt hồ sơ đề xuất cấp độ đối với 57 hệ thống thông tin, trong đó 49 hệ thống cấp độ 2 và 8 hệ thống cấp độ 3.", "httt.level3_approved", "8", ""},
		{"Số HTTT cấp độ 3 đã được phê duyệt hồ sơ đề xuất cấp độ: 06.", "httt.level3_approved", "6", ""},
		{"Toàn tỉnh có 64 hệ thống thông tin cần xác định cấp độ.", "httt.total", "64", ""},
		{"Đã kiểm tra, đánh giá an toàn thông tin đối với 22 hệ thống thông tin cấp độ 2.", "httt.level2_approved", "", ""},
		// "duyệt" without "phê", and "phê" misread by OCR.
		{"Năm 2023, Sở đã duyệt hồ sơ đề xuất cấp độ cho 15 hệ thống thông tin (cấp độ 2: 12; cấp độ 3: 3).", "httt.level2_approved", "12", ""},
		{"Năm 2023, Sở đã duyệt hồ sơ đề xuất cấp độ cho 15 hệ thống thông tin (cấp độ 2: 12; cấp độ 3: 3).", "httt.level3_approved", "3", ""},
		{"Có 14 hệ thống thông tin cấp độ 2 đã được duyệt hồ sơ đề xuất cấp độ.", "httt.level2_approved", "14", ""},
		{"Hệ thống thông tin cấp độ 3 được duyệt: 05 hệ thống.", "httt.level3_approved", "5", ""},
		{"Đã gắn duyệt hồ sơ cấp độ cho 32 hệ thống thông tin (cấp độ 2: 21; cấp độ 3: 11).", "httt.level2_approved", "21", ""},
		// Dedicated IT staff.
		{"Tổng số công chức chuyên trách công nghệ thông tin tại các cơ quan nhà nước của tỉnh là 118 người.", "staff.it_total", "118", ""},
		{"Toàn tỉnh có 96 cán bộ chuyên trách CNTT, trong đó tại các sở, ban, ngành 54 người, tại UBND cấp huyện 42 người.", "staff.it_departments", "54", ""},
		{"Toàn tỉnh có 96 cán bộ chuyên trách CNTT, trong đó tại các sở, ban, ngành 54 người, tại UBND cấp huyện 42 người.", "staff.it_district", "42", ""},
		{"Bộ phận một cửa các cấp có 1.210 cán bộ, công chức làm việc.", "staff.it_total", "", ""},
		// Shared databases.
		{"Tỉnh đã xây dựng và đưa vào khai thác 18 cơ sở dữ liệu dùng chung.", "data.shared_databases", "18", ""},
		{"Đã hoàn thành 11 CSDL dùng chung của tỉnh.", "data.shared_databases", "11", ""},
		{"100% CSDL tại Kho dữ liệu dùng chung của tỉnh sẵn sàng kết nối.", "data.shared_databases", "", ""},
	})
}
