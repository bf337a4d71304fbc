package rules_test

import "testing"

// TestPaymentWording checks online payments in the wordings of real
// reports, written for this test in the styles of several provinces.
func TestPaymentWording(t *testing.T) {
	checkParaphrases(t, []paraphrase{
		{"Về thanh toán trực tuyến trên Cổng Dịch vụ công quốc gia, tỉnh thuộc nhóm khá với tổng số giao dịch 12.416, tỷ lệ giao dịch thành công 51,2%.", "payment.transactions", "12416", ""},
		{"Về thanh toán trực tuyến trên Cổng Dịch vụ công quốc gia, tỉnh thuộc nhóm khá với tổng số giao dịch 12.416, tỷ lệ giao dịch thành công 51,2%.", "payment.successful", "", ""},
		{"Tổng số giao dịch thanh toán trực tuyến là 4.380.", "payment.transactions", "4380", ""},
		{"Về thanh toán phí, lệ phí trong giải quyết TTHC, trong quý phát sinh 2.905 giao dịch thành công với tổng số tiền 281,7 triệu đồng.", "payment.successful", "2905", ""},
		{"Về thanh toán phí, lệ phí trong giải quyết TTHC, trong quý phát sinh 2.905 giao dịch thành công với tổng số tiền 281,7 triệu đồng.", "payment.amount_vnd", "281700000", ""},
		// Successful payments are not all the payments.
		{"Năm qua có 12.480 giao dịch thanh toán trực tuyến thành công trên Cổng dịch vụ công.", "payment.transactions", "", ""},
		{"Năm qua có 12.480 giao dịch thanh toán trực tuyến thành công trên Cổng dịch vụ công.", "payment.successful", "12480", ""},
		{"Toàn tỉnh thực hiện 8.215 lượt thanh toán trực tuyến thành công.", "payment.transactions", "", ""},
		{"Người dân đã thực hiện 3.947 giao dịch thanh toán điện tử thành công.", "payment.transactions", "", ""},
		{"Đã có 15.600 giao dịch thanh toán trực tuyến, trong đó 15.020 giao dịch thành công.", "payment.transactions", "15600", ""},
		// A count of transactions of something else than a payment.
		{"Tổng số giao dịch trên Cổng dịch vụ công là 85.200 lượt truy cập.", "payment.transactions", "", ""},
		// A count for a period stated by its months.
		{"Với thanh toán thuế khi thực hiện TTHC đất đai, tổng số giao dịch 6 tháng đầu năm là 41.230.", "payment.transactions", "", ""},
	})
}
