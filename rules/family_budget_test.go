package rules_test

import "testing"

// TestBudgetWording checks the budget stated in the text, written for
// this test in the styles of several provinces.
func TestBudgetWording(t *testing.T) {
	checkParaphrases(t, []paraphrase{
		{"Tổng kinh phí thực hiện các nhiệm vụ chuyển đổi số năm 2023 khoảng 48 tỷ đồng.", "budget.total_vnd", "48000000000", "approx"},
		{"Kinh phí bố trí cho ứng dụng công nghệ thông tin trong năm gần 12,5 tỷ đồng.", "budget.total_vnd", "12500000000", "approx"},
		{"Tổng kinh phí cho các dự án CNTT giai đoạn này là hơn 31 tỷ đồng.", "budget.total_vnd", "31000000000", "over"},
		{"Tổng kinh phí thực hiện năm 2023 là khoảng 48 tỷ đồng.", "budget.total_vnd", "48000000000", "approx"},
		{"Kinh phí thực hiện kế hoạch: 22.400 triệu đồng.", "budget.total_vnd", "22400000000", ""},
		// Security's share is another metric; a plan's estimate no result.
		{"Kinh phí bảo đảm an toàn thông tin khoảng 2,1 tỷ đồng.", "budget.total_vnd", "", ""},
		{"Kinh phí bảo đảm an toàn thông tin khoảng 2,1 tỷ đồng.", "budget.security_vnd", "2100000000", "approx"},
		{"Kinh phí dự kiến khoảng 60 tỷ đồng cho giai đoạn tới.", "budget.total_vnd", "", ""},
	})
}
