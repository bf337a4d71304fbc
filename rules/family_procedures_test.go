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
		{"Hiện toàn tỉnh đang cung cấp gần 1.800 thủ tục hành chính dịch vụ công trực tuyến.", "tthc.total", "", ""},
		{"Tỉnh có 980 thủ tục hành chính giải quyết qua dịch vụ công trực tuyến mức độ 4. UBND tỉnh công bố danh mục, áp dụng đối với 980 thủ tục hành chính ở 3 cấp. Ở cấp tỉnh có 840 TTHC thuộc 18 lĩnh vực. Cấp huyện có 100 TTHC. Cấp xã có 40 TTHC.", "tthc.provincial", "", ""},
		{"Tỉnh có 980 thủ tục hành chính giải quyết qua dịch vụ công trực tuyến mức độ 4. UBND tỉnh công bố danh mục, áp dụng đối với 980 thủ tục hành chính ở 3 cấp. Ở cấp tỉnh có 840 TTHC thuộc 18 lĩnh vực. Cấp huyện có 100 TTHC. Cấp xã có 40 TTHC.", "dvc.level4", "980", ""},
		{"Bộ TTHC của tỉnh gồm 1.802 thủ tục. Tỉnh cung cấp 1.001 DVCTT mức độ 4. Ở cấp tỉnh có 1.380 TTHC, cấp huyện có 278 TTHC, cấp xã có 144 TTHC.", "tthc.provincial", "1380", ""},
		{"UBND tỉnh đã ban hành 40 quyết định công bố danh mục TTHC thuộc phạm vi chức năng quản lý của các sở, ban, ngành, với tổng số 912 TTHC.", "tthc.announced", "912", ""},
		{"UBND tỉnh đã ban hành 40 quyết định công bố danh mục TTHC thuộc phạm vi chức năng quản lý của các sở, ban, ngành, với tổng số 912 TTHC.", "tthc.total", "", ""},
		{"Đến tháng 6, toàn tỉnh có 288 thủ tục hành chính của 3 cấp chính quyền có một số tiêu chí phù hợp để thực hiện dịch vụ công trực tuyến mức độ 4 nhưng chưa đạt điều kiện.", "tthc.total", "", ""},
		{"Chủ tịch UBND tỉnh đã ban hành 42 quyết định công bố danh mục thủ tục hành chính với tổng số 980 thủ tục, trong đó có 512 thủ tục mới.", "tthc.total", "", ""},
	})
}

// TestCatalogAdditions checks the metrics real reports led to
// (tthc.announced, dvc.total, dvc.eligible_rate, records.pending) on wordings written for
// this test in the styles of several provinces, and the figures that
// are not them.
// TestServicesByHead checks online services named by the head of their
// clause, in an aside after a share, or out of all procedures, in the
// wordings of several provinces.
func TestServicesByHead(t *testing.T) {
	checkParaphrases(t, []paraphrase{
		// A clause headed by the services of levels 3 and 4, or of level 4.
		{"Riêng dịch vụ công trực tuyến mức độ 3 và 4, tỉnh đã cung cấp tổng số 1.210/2.050 thủ tục (đạt 59%).", "dvc.total", "1210", ""},
		{"Riêng dịch vụ công trực tuyến mức độ 3 và 4, tỉnh đã cung cấp tổng số 1.210/2.050 thủ tục (đạt 59%).", "tthc.total", "2050", ""},
		{"Đối với DVCTT mức 3, mức 4, toàn tỉnh hiện có 930 dịch vụ.", "dvc.total", "930", ""},
		{"Về dịch vụ công trực tuyến một phần và toàn trình, Cổng dịch vụ công của tỉnh có 1.318 dịch vụ.", "dvc.total", "1318", ""},
		{"Đối với dịch vụ công trực tuyến mức độ 3 và 4, toàn tỉnh tiếp nhận 45.200 hồ sơ.", "dvc.total", "", ""},
		{"Ở dịch vụ công mức độ 4, trên địa bàn tỉnh có 1.035 dịch vụ công, trong đó cấp tỉnh 88, cấp huyện 947.", "dvc.level4", "1035", ""},
		{"Về DVCTT toàn trình, tỉnh đã cung cấp 640 dịch vụ cho người dân và doanh nghiệp.", "dvc.level4", "640", ""},
		{"Đối với dịch vụ công trực tuyến mức 4, toàn tỉnh đã triển khai 212 dịch vụ.", "dvc.level4", "212", ""},
		{"Đối với dịch vụ công trực tuyến mức độ 4, toàn tỉnh có 18.930 hồ sơ phát sinh.", "dvc.level4", "", ""},
		// A sentence that opens with "Ở" ends the one before it.
		{"Toàn tỉnh đã vận hành 512 dịch vụ công cấp tỉnh. Ở dịch vụ công mức độ 4, trên địa bàn tỉnh có 870 dịch vụ công.", "dvc.level4", "870", ""},
		// The count at a launch is not the count now.
		{"Cổng dịch vụ công của tỉnh bắt đầu hoạt động từ tháng 3/2016 với 214 dịch vụ mức độ 3 và 4.", "dvc.total", "", ""},
		{"Hệ thống chính thức vận hành năm 2018 với 96 dịch vụ công trực tuyến mức độ 4.", "dvc.level4", "", ""},
		{"Ngày khai trương, Cổng cung cấp 150 dịch vụ công trực tuyến mức độ 3.", "dvc.level3", "", ""},
		{"Cổng đi vào hoạt động từ năm 2017; hiện cung cấp 1.044 dịch vụ công mức độ 3 và 4.", "dvc.total", "1044", ""},
		// A clause headed by a level gives that level's procedures.
		{"Ở cấp xã, bộ phận một cửa đã niêm yết công khai 112 thủ tục hành chính thuộc thẩm quyền.", "tthc.commune", "112", ""},
		{"Đối với cấp huyện, các địa phương đang thực hiện 236 thủ tục hành chính.", "tthc.district", "236", ""},
		{"Tại cấp tỉnh, các sở, ngành đã công khai đầy đủ 1.386 TTHC trên cổng thông tin.", "tthc.provincial", "1386", ""},
		{"Ở cấp xã, các địa phương đã tiếp nhận 4.500 hồ sơ thủ tục hành chính.", "tthc.commune", "", ""},
		{"Ở cấp xã, bộ phận một cửa đã niêm yết công khai 112 thủ tục hành chính thuộc thẩm quyền.", "tthc.total", "", ""},
		// Out of all procedures.
		{"Số dịch vụ công trực tuyến mức độ 4 là 612/1.804 thủ tục, đạt 33,9%.", "dvc.level4", "612", ""},
		{"Số dịch vụ công trực tuyến mức độ 4 là 612/1.804 thủ tục, đạt 33,9%.", "tthc.total", "1804", ""},
		{"DVCTT toàn trình đạt 955/1.870 thủ tục hành chính.", "dvc.level4", "955", ""},
		{"Dịch vụ công trực tuyến mức 4 có 480/1.512 dịch vụ công của tỉnh.", "dvc.level4", "480", ""},
		{"Dịch vụ công trực tuyến mức độ 4 là 8.120/10.400 hồ sơ.", "dvc.level4", "", ""},
		{"Đã cắt giảm thời gian giải quyết 45/120 thủ tục có dịch vụ công trực tuyến mức độ 3.", "tthc.total", "", ""},
		// A share of all the services on the national portal, their count
		// in an aside.
		{"Thành phố đã tích hợp 100% dịch vụ công trực tuyến toàn trình và một phần của thành phố (1.642 dịch vụ) trên Cổng Dịch vụ công quốc gia.", "dvc.national_portal", "1642", ""},
		{"Tỉnh đã đồng bộ 100% DVCTT một phần và toàn trình (1.587 thủ tục) với Cổng DVC quốc gia.", "dvc.national_portal", "1587", ""},
		{"Đã công khai 100% dịch vụ công trực tuyến mức độ 3, 4 của tỉnh (1.120 dịch vụ) trên Cổng Dịch vụ công quốc gia.", "dvc.national_portal", "1120", ""},
		{"Phấn đấu tích hợp 100% dịch vụ công trực tuyến một phần và toàn trình của tỉnh (1.700 dịch vụ) trên Cổng Dịch vụ công quốc gia.", "dvc.national_portal", "", ""},
		// The share of procedures offered "dưới hình thức" level 4.
		{"Hiện 68% TTHC được cung cấp dưới hình thức DVC trực tuyến mức độ 4.", "dvc.level4_rate", "68", ""},
		{"Có 41,5% thủ tục hành chính cung cấp dưới hình thức dịch vụ công trực tuyến toàn trình.", "dvc.level4_rate", "41.5", ""},
		{"Đến cuối năm, 52% TTHC cung cấp dưới hình thức dịch vụ công trực tuyến mức 4.", "dvc.level4_rate", "52", ""},
		{"Có 82% hồ sơ được nộp dưới hình thức dịch vụ công trực tuyến mức độ 4.", "dvc.level4_rate", "", ""},
		// A target met is a result.
		{"Thành phố đã hoàn thành mục tiêu cung cấp 100% DVC đủ điều kiện lên trực tuyến toàn trình.", "dvc.eligible_rate", "100", ""},
		{"Năm 2023, tỉnh đạt chỉ tiêu cung cấp 100% dịch vụ công đủ điều kiện trực tuyến mức độ 4.", "dvc.eligible_rate", "100", ""},
		{"Sau hai năm, tỉnh hoàn thành mục tiêu đưa 95% thủ tục hành chính đủ điều kiện lên trực tuyến mức độ 4.", "dvc.eligible_rate", "95", ""},
		{"Phấn đấu hoàn thành mục tiêu cung cấp 100% DVC đủ điều kiện lên trực tuyến mức độ 4 trong năm tới.", "dvc.eligible_rate", "", ""},
	})
}

func TestCatalogAdditions(t *testing.T) {
	checkParaphrases(t, []paraphrase{
		// tthc.announced
		{"Từ đầu năm, UBND tỉnh đã ban hành 38 quyết định công bố danh mục thủ tục hành chính với tổng số 1.102 thủ tục, trong đó có 640 thủ tục mới.", "tthc.announced", "1102", ""},
		{"Giai đoạn 2016-2020, UBND tỉnh ban hành 280 quyết định công bố 6.904 TTHC ở 3 cấp.", "tthc.announced", "6904", ""},
		{"Chủ tịch UBND tỉnh đã ban hành 12 quyết định công bố danh mục 186 TTHC gồm: 20 TTHC ban hành mới; sửa đổi 150 TTHC; bãi bỏ 16 TTHC.", "tthc.announced", "186", ""},
		{"Năm 2023, UBND tỉnh đã công bố 412 TTHC (120 mới, 250 sửa đổi, 42 bãi bỏ).", "tthc.announced", "412", ""},
		{"UBND tỉnh đã ban hành 21 quyết định công bố 390 thủ tục hành chính nội bộ.", "tthc.announced", "", ""},
		{"Hiện toàn tỉnh đang thực hiện 1.988 thủ tục hành chính.", "tthc.announced", "", ""},
		// A list of procedures offered as services of levels 3 and 4.
		{"Đến nay, tỉnh có 1.204 danh mục TTHC dịch vụ công trực tuyến (DVCTT) mức độ 3 và 4.", "dvc.total", "1204", ""},
		{"Cổng đã đăng tải 987 danh mục thủ tục hành chính dịch vụ công trực tuyến mức 3, 4.", "dvc.total", "987", ""},
		{"Hiện có 1.330 danh mục dịch vụ công trực tuyến mức độ 3 và mức độ 4 được công bố.", "dvc.total", "1330", ""},
		{"UBND tỉnh đã ban hành 1.330 danh mục dịch vụ công trực tuyến mức độ 3 và 4 nhưng chưa phát sinh hồ sơ.", "dvc.total", "", ""},
		// The procedures published, the whole of a share.
		{"Số thủ tục hành chính được công khai đầy đủ, đúng quy định: 1.642/1.642 thủ tục.", "tthc.total", "1642", ""},
		{"Số TTHC đã được công khai theo quy định là 1.903/1.910 (đạt 99,6%).", "tthc.total", "1910", ""},
		{"Số TTHC được công khai đầy đủ các bộ phận: 2.011/2.011, đạt 100%.", "tthc.total", "2011", ""},
		{"Số TTHC được đơn giản hóa: 120/450 thủ tục.", "tthc.total", "", ""},
		{"Năm 2023, toàn tỉnh đã công bố 1.284 TTHC; trong đó, ban hành mới 402 thủ tục, sửa đổi 611 và bãi bỏ 271 TTHC.", "tthc.announced", "1284", ""},
		{"Năm 2023, toàn tỉnh đã công bố 1.284 TTHC; trong đó, ban hành mới 402 thủ tục, sửa đổi 611 và bãi bỏ 271 TTHC.", "tthc.total", "", ""},
		{"UBND tỉnh đã công bố 936 thủ tục hành chính; gồm: 210 TTHC mới, 498 TTHC sửa đổi, 228 TTHC bãi bỏ.", "tthc.announced", "936", ""},
		{"Trong kỳ, tỉnh công bố 517 thủ tục hành chính; trong đó thay thế 88 thủ tục và bãi bỏ 41 thủ tục.", "tthc.announced", "517", ""},
		{"Tỉnh công bố 1.902 TTHC; trong đó 1.480 TTHC cấp tỉnh, 290 TTHC cấp huyện.", "tthc.total", "1902", ""},
		// dvc.total
		{"Thành phố đã cung cấp 611 dịch vụ công mức độ 3,4 trên cổng dịch vụ công của thành phố.", "dvc.total", "611", ""},
		{"Đến nay đã triển khai 1.390 dịch vụ công mức độ 3, mức độ 4; trong đó cấp tỉnh 1.120 dịch vụ.", "dvc.total", "1390", ""},
		{"Đến nay đã triển khai 1.390 dịch vụ công mức độ 3, mức độ 4; trong đó cấp tỉnh 1.120 dịch vụ.", "dvc.level3", "", ""},
		{"Cổng dịch vụ công của tỉnh hiện cung cấp: 1.517 dịch vụ công trực tuyến (402 DVCTT một phần và 1.115 DVCTT toàn trình).", "dvc.total", "1517", ""},
		{"Tỉnh cung cấp hơn 1.900 DVC trực tuyến, trong đó có gần 800 DVC trực tuyến được kết nối với Cổng DVC quốc gia.", "dvc.total", "1900", "over"},
		{"Hiện toàn tỉnh đang cung cấp gần 1.800 thủ tục hành chính dịch vụ công trực tuyến, trong đó có gần 1.200 thủ tục hành chính toàn trình.", "dvc.total", "1800", "approx"},
		{"Cổng Dịch vụ công quốc gia đến nay đã cung cấp 4.120 DVC trực tuyến mức độ 3, 4.", "dvc.total", "", ""},
		{"Tỉnh đã tích hợp 671 dịch vụ công trực tuyến mức độ 3,4 trên Cổng Dịch vụ công quốc gia.", "dvc.total", "", ""},
		{"Cổng dịch vụ công tỉnh đang cung cấp 312 DVCTT mức độ 3 và 498 DVCTT mức độ 4.", "dvc.total", "", ""},
		// dvc.eligible_rate
		{"Đến tháng 9/2021, tỉnh đã cung cấp 100% dịch vụ công đủ điều kiện lên trực tuyến mức độ 4.", "dvc.eligible_rate", "100", ""},
		{"Hòa Bình đã đưa 100% dịch vụ công lên trực tuyến mức 4 trong năm 2021.", "dvc.eligible_rate", "100", ""},
		{"Đến nay, tỷ lệ dịch vụ công đủ điều kiện mức độ 4 được cung cấp trên Cổng dịch vụ công của tỉnh là 98,6%.", "dvc.eligible_rate", "98.6", ""},
		{"Đến nay, 100% thủ tục hành chính đủ điều kiện được thực hiện toàn trình.", "dvc.eligible_rate", "100", ""},
		{"Đến nay, 100% thủ tục hành chính đủ điều kiện được thực hiện toàn trình.", "dvc.level4_rate", "", ""},
		{"Đến nay, 95,1% thủ tục hành chính được cung cấp trực tuyến.", "dvc.eligible_rate", "", ""},
		{"Phấn đấu năm 2025 cung cấp 100% dịch vụ công đủ điều kiện lên trực tuyến toàn trình.", "dvc.eligible_rate", "", ""},
		// records.pending
		{"Các cơ quan đã giải quyết 182.004 hồ sơ; còn 9.113 hồ sơ đang giải quyết.", "records.pending", "9113", ""},
		{"Số hồ sơ còn lại đang giải quyết là 6.480 hồ sơ, gồm 5.310 hồ sơ chưa đến hạn và 1.170 hồ sơ đã quá hạn.", "records.pending", "6480", ""},
		{"Trong tháng, 24.615 hồ sơ đang trong thời hạn xử lý.", "records.pending", "24615", ""},
		{"Số hồ sơ đã giải quyết hơn 1,9 triệu hồ sơ, đang giải quyết hơn 85.200 hồ sơ.", "records.pending", "85200", "over"},
		{"Thành phố đã tiếp nhận hơn 2 triệu hồ sơ. Số hồ sơ đã giải quyết hơn 1,9 triệu hồ sơ, đang giải quyết hơn 85.200 hồ sơ.", "records.resolved", "1900000", "over"},
	})
}

// TestServicesLongerWording checks shares and counts of online services
// stated in longer sentences, in the styles of several provinces: an
// eligible share stated as done ("đã được cung cấp") however long the
// words between, a share with its base in an aside ("tính trên các TTHC
// đủ điều kiện"), procedures offered as services of levels 3 and 4 in a
// longer predicate, a count in an aside after a share, and services
// integrated in the national portal written as a ratio. Targets and
// shares of files are near-misses.
func TestServicesLongerWording(t *testing.T) {
	checkParaphrases(t, []paraphrase{
		{"Về chính quyền số, đến nay 100% TTHC đủ điều kiện theo quy định hiện hành đã được cung cấp dưới dạng dịch vụ công trực tuyến toàn trình.", "dvc.eligible_rate", "100", ""},
		{"Hệ thống một cửa điện tử của tỉnh bảo đảm 98,2% thủ tục hành chính của các sở, ngành đủ điều kiện đã được đưa lên trực tuyến mức độ 4.", "dvc.eligible_rate", "98.2", ""},
		{"Kết quả, 100% dịch vụ công đủ điều kiện theo Quyết định của Thủ tướng Chính phủ đã được triển khai trực tuyến toàn trình trên Cổng dịch vụ công của tỉnh.", "dvc.eligible_rate", "100", ""},
		{"Mục tiêu đến năm 2025, 100% TTHC đủ điều kiện theo quy định đã được cung cấp dịch vụ công trực tuyến toàn trình.", "dvc.eligible_rate", "", ""},
		{"100% thủ tục hành chính đủ điều kiện theo quy định được cung cấp dưới hình thức dịch vụ công trực tuyến toàn trình.", "dvc.eligible_rate", "", ""},
		{"Toàn tỉnh có 1.208 thủ tục đã được cung cấp trực tuyến mức độ 3, 4 trên Cổng dịch vụ công, đạt 96,4% (tính trên số TTHC đủ điều kiện).", "dvc.eligible_rate", "96.4", ""},
		{"Thành phố đã đưa 1.530 TTHC lên dịch vụ công trực tuyến, bằng 100% so với số thủ tục hành chính đủ điều kiện.", "dvc.eligible_rate", "100", ""},
		{"Tỉnh tiếp nhận 52.300 hồ sơ trực tuyến, đạt 71% (tính trên các TTHC đủ điều kiện).", "dvc.eligible_rate", "", ""},
		{"Trong tổng số 1.902 TTHC, 1.466 thủ tục hành chính (TTHC) đã được đưa lên cung cấp thành dịch vụ công trực tuyến (DVCTT) mức độ 3, 4.", "dvc.total", "1466", ""},
		{"Toàn thành phố có 1.210 thủ tục hành chính được cung cấp dưới hình thức dịch vụ công trực tuyến mức độ 3 và 4.", "dvc.total", "1210", ""},
		{"Đến nay, 842 TTHC đã được triển khai thành DVCTT một phần và toàn trình trên Cổng dịch vụ công của tỉnh.", "dvc.total", "842", ""},
		{"Có 305 thủ tục hành chính được cung cấp thành dịch vụ công trực tuyến mức độ 3, 4 nhưng chưa phát sinh hồ sơ.", "dvc.total", "", ""},
		{"Hiện nay, tỷ lệ dịch vụ công trực tuyến của tỉnh đạt 92% so với tổng số thủ tục hành chính (1.650 DVCTT).", "dvc.total", "1650", ""},
		{"Tỷ lệ DVC trực tuyến trên tổng số TTHC của thành phố đạt khoảng 88,5% (1.402 dịch vụ công trực tuyến), cao hơn năm trước.", "dvc.total", "1402", ""},
		{"Tỉ lệ dịch vụ công (DVC) trực tuyến đạt 97% so với tổng số TTHC (1.713 DVCTT), trong đó 640 dịch vụ toàn trình.", "dvc.total", "1713", ""},
		{"Tỷ lệ DVCTT toàn trình đạt 52% (688 DVCTT).", "dvc.total", "", ""},
		{"Tỉnh cũng đã đưa 1.044/1.380 DVCTT tích hợp lên Cổng Dịch vụ công quốc gia, đạt 76%.", "dvc.national_portal", "1044", ""},
		{"Đến nay đã tích hợp 1.120/1.530 dịch vụ công trực tuyến với Cổng DVC quốc gia.", "dvc.national_portal", "1120", ""},
		{"Thành phố đã kết nối được 905/1.240 TTHC trên Cổng Dịch vụ công Quốc gia.", "dvc.national_portal", "905", ""},
		{"Tỉnh đã đưa 1.044/1.380 hồ sơ trực tuyến đồng bộ lên Cổng Dịch vụ công quốc gia.", "dvc.national_portal", "", ""},
	})
}
