package rules_test

import "testing"

// TestProceduresWording checks wordings of real reports for procedures
// and online services, written for this test in the styles of several
// provinces: "TTHC cung cấp DVCTT toàn trình / một phần", "thủ tục đã
// thực hiện ở mức độ 4", "dịch vụ công" for procedures, "trong 1.843
// thủ tục", a total inside a ratio, a count called a rate, the national
// portal named before its count, and procedures the province enacts or
// offers as services that are not its total.
func TestProceduresWording(t *testing.T) {
	checkParaphrases(t, []paraphrase{
		{"Hiện có 1.204 TTHC cung cấp dịch vụ công trực tuyến (DVCTT) toàn trình, 388 TTHC cung cấp DVCTT một phần và đã tích hợp được 702 DVCTT lên Cổng Dịch vụ công quốc gia.", "dvc.level4", "1204", ""},
		{"Hiện có 1.204 TTHC cung cấp dịch vụ công trực tuyến (DVCTT) toàn trình, 388 TTHC cung cấp DVCTT một phần và đã tích hợp được 702 DVCTT lên Cổng Dịch vụ công quốc gia.", "dvc.level3", "388", ""},
		{"Hiện có 1.204 TTHC cung cấp dịch vụ công trực tuyến (DVCTT) toàn trình, 388 TTHC cung cấp DVCTT một phần và đã tích hợp được 702 DVCTT lên Cổng Dịch vụ công quốc gia.", "tthc.total", "", ""},
		{"Trong 1.650 thủ tục hành chính thuộc thẩm quyền của thành phố, đến cuối năm có 611 thủ tục đã thực hiện ở mức độ 4.", "dvc.level4", "611", ""},
		{"Trong 1.650 thủ tục hành chính thuộc thẩm quyền của thành phố, đến cuối năm có 611 thủ tục đã thực hiện ở mức độ 4.", "tthc.total", "1650", ""},
		{"Toàn tỉnh mới có 198 thủ tục hành chính thực hiện dịch vụ công trực tuyến mức độ 4.", "dvc.level4", "198", ""},
		{"UBND tỉnh công bố 1.102 thủ tục hành chính giải quyết qua dịch vụ công trực tuyến mức độ 4.", "dvc.level4", "1102", ""},
		{"Tỉnh có tới 1.401 thủ tục hành chính đã được cung cấp dịch vụ công trực tuyến mức độ 3 nhưng không phát sinh hồ sơ.", "dvc.level3", "", ""},
		{"Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh đang cung cấp 1.760 dịch vụ công. Trong đó có 601 dịch vụ công trực tuyến toàn trình.", "tthc.total", "1760", ""},
		{"Đến nay, tổng số dịch vụ công tỉnh đang thực hiện là 1.742, trong đó có 980 dịch vụ công trực tuyến.", "tthc.total", "1742", ""},
		{"Hiện toàn tỉnh đang thực hiện 1.988 thủ tục hành chính, tất cả được công khai trên Cổng Dịch vụ công quốc gia.", "tthc.total", "1988", ""},
		{"Tỉnh thực hiện cung ứng dịch vụ công 3 cấp với 2.104 thủ tục gồm 1.690 thủ tục cấp tỉnh, 281 thủ tục cấp huyện và 133 thủ tục cấp xã.", "tthc.total", "2104", ""},
		{"Trên 75% (1.288/1.702 TTHC) được cung cấp dịch vụ công trực tuyến mức độ 3, 4.", "tthc.total", "1702", ""},
		{"Tỷ lệ thủ tục hành chính cung cấp dịch vụ công trực tuyến một phần đạt 412; tỷ lệ thủ tục hành chính cung cấp dịch vụ công trực tuyến toàn trình đạt 690 (58,1%).", "dvc.level3", "412", ""},
		{"Tỷ lệ thủ tục hành chính cung cấp dịch vụ công trực tuyến một phần đạt 412; tỷ lệ thủ tục hành chính cung cấp dịch vụ công trực tuyến toàn trình đạt 690 (58,1%).", "dvc.level4_rate", "58.1", ""},
		{"- Tích hợp trên Cổng DVC quốc gia: 1.204 DVCTT.", "dvc.national_portal", "1204", ""},
		{"Tỉnh đã tích hợp lên Cổng dịch vụ công Quốc gia 1.588 dịch vụ công trực tuyến.", "dvc.national_portal", "1588", ""},
		{"Đã tích hợp 1.102 DVCTT toàn trình lên Cổng Dịch vụ công quốc gia.", "dvc.level4", "", ""},
		{"Qua rà soát, tổng số TTHC thuộc thẩm quyền ban hành của tỉnh là 9 thủ tục.", "tthc.total", "", ""},
		{"Chủ tịch UBND tỉnh đã ban hành 42 quyết định công bố danh mục thủ tục hành chính với tổng số 980 thủ tục, trong đó có 512 thủ tục mới.", "tthc.total", "", ""},
	})
}
