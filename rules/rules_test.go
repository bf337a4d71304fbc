package rules_test

import (
	"fmt"
	"github.com/baocao/baocao/rules/report"
	"strings"
	"testing"

	"github.com/baocao/baocao/corpus"
	"github.com/baocao/baocao/extract/text"
	"github.com/baocao/baocao/normalize"
	"github.com/baocao/baocao/rules"
)

// applyText runs the rules over a report written as text.
func applyText(t testing.TB, s string) *report.Report {
	t.Helper()
	doc := text.Parse(s)
	doc.Format = corpus.Text
	nd := normalize.Normalize(doc)
	if nd.Year == 0 {
		nd.Year = 2021
	}
	return rules.Apply(nd)
}

func figure(rep *report.Report, metric string) (report.Figure, bool) {
	for _, f := range rep.Metrics {
		if f.Metric == metric {
			return f, true
		}
	}
	return report.Figure{}, false
}

// TestParaphrases checks each rule family on wording of other provinces
// and years, written for these tests: figures before and after their
// nouns, post-2022 terms, city levels, parentheses and lists.
func TestParaphrases(t *testing.T) {
	tests := []struct {
		text   string
		metric string
		want   string // value as Value.String(); "" means the metric must not be found
		qual   string
	}{
		// tthc.*
		{"Tổng số TTHC thuộc thẩm quyền giải quyết của tỉnh là 1.689 thủ tục.", "tthc.total", "1689", ""},
		{"Bộ TTHC của tỉnh gồm 1.802 thủ tục, trong đó cấp tỉnh: 1.380 TTHC, cấp huyện: 278 TTHC, cấp xã: 144 TTHC.", "tthc.total", "1802", ""},
		{"Bộ TTHC của tỉnh gồm 1.802 thủ tục, trong đó cấp tỉnh: 1.380 TTHC, cấp huyện: 278 TTHC, cấp xã: 144 TTHC.", "tthc.district", "278", ""},
		{"Cổng dịch vụ công của tỉnh đã công khai 1.921 thủ tục hành chính (1.487 thủ tục cấp tỉnh, 290 thủ tục cấp huyện, 144 thủ tục cấp xã).", "tthc.provincial", "1487", ""},
		{"Cổng dịch vụ công của tỉnh đã công khai 1.921 thủ tục hành chính (1.487 thủ tục cấp tỉnh, 290 thủ tục cấp huyện, 144 thủ tục cấp xã).", "tthc.commune", "144", ""},
		{"Hệ thống cung cấp 1.950 TTHC (cấp thành phố: 1.512 TTHC; cấp quận, huyện: 289 TTHC; cấp phường, xã: 149 TTHC).", "tthc.provincial", "1512", ""},
		{"Hệ thống cung cấp 1.950 TTHC (cấp thành phố: 1.512 TTHC; cấp quận, huyện: 289 TTHC; cấp phường, xã: 149 TTHC).", "tthc.commune", "149", ""},
		{"Toàn tỉnh có 25 TTHC liên thông nhiều cấp: 25 TTHC.", "tthc.multilevel", "25", ""},
		{"Năm 2021, tỉnh có 1.058 thủ tục hành chính được cập nhật trên Cổng Dịch vụ công Quốc gia.", "tthc.total", "", ""},
		// dvc.*
		{"Tỉnh đã cung cấp 512 DVCTT mức độ 4 và 301 DVCTT mức độ 3.", "dvc.level4", "512", ""},
		{"Tỉnh đã cung cấp 512 DVCTT mức độ 4 và 301 DVCTT mức độ 3.", "dvc.level3", "301", ""},
		{"Đến nay, tỉnh cung cấp 845 dịch vụ công trực tuyến toàn trình và 611 dịch vụ công trực tuyến một phần.", "dvc.level4", "845", ""},
		{"Đến nay, tỉnh cung cấp 845 dịch vụ công trực tuyến toàn trình và 611 dịch vụ công trực tuyến một phần.", "dvc.level3", "611", ""},
		{"Dịch vụ công trực tuyến toàn trình: 845; dịch vụ công trực tuyến một phần: 611.", "dvc.level4", "845", ""},
		{"Tỉ lệ DVCTT toàn trình trên tổng số TTHC đạt 52,3%.", "dvc.level4_rate", "52.3", ""},
		{"Tỷ lệ TTHC cung cấp trực tuyến mức độ 4 đạt 61,27%.", "dvc.level4_rate", "61.27", ""},
		{"Tỉ lệ hồ sơ giải quyết của DVCTT mức độ 4: 11,3% (84.394/751.295).", "dvc.level4_rate", "", ""},
		{"Dự kiến năm 2023, tỉnh cung cấp 900 dịch vụ công trực tuyến toàn trình.", "dvc.level4", "", ""},
		{"Có 45 DVCTT mức độ 4 có phát sinh hồ sơ với 3.120 hồ sơ.", "dvc.level4_with_records", "45", ""},
		{"Có 45 DVCTT mức độ 4 có phát sinh hồ sơ với 3.120 hồ sơ.", "records.level4", "3120", ""},
		{"Đã tích hợp 1.102 DVCTT lên Cổng Dịch vụ công quốc gia.", "dvc.national_portal", "1102", ""},
		{"Đã tích hợp 1.102 DVCTT lên Cổng Dịch vụ công quốc gia.", "dvc.level4", "", ""},
		// records.*
		{"Trong năm, hệ thống một cửa điện tử đã tiếp nhận 356.210 hồ sơ, đã giải quyết 349.877 hồ sơ.", "records.total", "356210", ""},
		{"Trong năm, hệ thống một cửa điện tử đã tiếp nhận 356.210 hồ sơ, đã giải quyết 349.877 hồ sơ.", "records.resolved", "349877", ""},
		{"Hệ thống đã giải quyết 120.455 hồ sơ, tỷ lệ giải quyết đúng hạn đạt 98,72%.", "records.total", "120455", ""},
		{"Hệ thống đã giải quyết 120.455 hồ sơ, tỷ lệ giải quyết đúng hạn đạt 98,72%.", "records.resolved", "", ""},
		{"Hệ thống đã giải quyết 120.455 hồ sơ, tỷ lệ giải quyết đúng hạn đạt 98,72%.", "records.on_time_rate", "98.72", ""},
		{"Có 97,5% hồ sơ được giải quyết đúng và trước hạn.", "records.on_time_rate", "97.5", ""},
		{"Trong năm có 45.120 hồ sơ trực tuyến, tỉ lệ hồ sơ trực tuyến đạt 37,4%.", "records.online", "45120", ""},
		{"Trong năm có 45.120 hồ sơ trực tuyến, tỉ lệ hồ sơ trực tuyến đạt 37,4%.", "records.online_rate", "37.4", ""},
		{"Số hồ sơ nộp từ Cổng Dịch vụ công Quốc gia là 12.679 hồ sơ.", "records.total", "", ""},
		// payment
		{"Đã có 12.345 giao dịch thanh toán trực tuyến, trong đó 11.020 giao dịch thành công, tổng số tiền thanh toán khoảng 3,2 tỷ đồng.", "payment.transactions", "12345", ""},
		{"Đã có 12.345 giao dịch thanh toán trực tuyến, trong đó 11.020 giao dịch thành công, tổng số tiền thanh toán khoảng 3,2 tỷ đồng.", "payment.successful", "11020", ""},
		{"Đã có 12.345 giao dịch thanh toán trực tuyến, trong đó 11.020 giao dịch thành công, tổng số tiền thanh toán khoảng 3,2 tỷ đồng.", "payment.amount_vnd", "3200000000", "approx"},
		// edoc
		{"Tổng số văn bản điện tử gửi, nhận qua hệ thống trong năm là 1.245.300 văn bản.", "edoc.total", "1245300", ""},
		{"Trong năm có 874.120 văn bản điện tử được ký số, đạt tỷ lệ 96,2%.", "edoc.signed", "874120", ""},
		{"Trong năm có 874.120 văn bản điện tử được ký số, đạt tỷ lệ 96,2%.", "edoc.signed_rate", "96.2", ""},
		// email
		{"Hệ thống thư điện tử công vụ đã cấp 12.850 tài khoản thư điện tử cho cán bộ.", "email.accounts", "12850", ""},
		{"Có gần 9.000 hộp thư điện tử công vụ đang hoạt động.", "email.accounts", "9000", "approx"},
		// cert
		{"Tổng số chứng thư số đã cấp là 6.215 (5.010 cá nhân, 1.205 tổ chức).", "cert.total", "6215", ""},
		{"Tổng số chứng thư số đã cấp là 6.215 (5.010 cá nhân, 1.205 tổ chức).", "cert.organization", "1205", ""},
		{"Trong năm 2022, cấp mới 512 chứng thư số cho cán bộ, công chức.", "cert.total", "", ""},
		{"Đã thu hồi 87 chứng thư số; hiện có 6.128 chứng thư số đang hoạt động.", "cert.revoked", "87", ""},
		{"Đã thu hồi 87 chứng thư số; hiện có 6.128 chứng thư số đang hoạt động.", "cert.active", "6128", ""},
		{"Triển khai 1.020 thuê bao SIM PKI cho lãnh đạo các cấp.", "cert.sim_pki", "1020", ""},
		// security
		{"Phần mềm phòng chống mã độc tập trung đã được cài đặt cho 3.812 máy tính của các cơ quan.", "sec.malware_protected_machines", "3812", ""},
		{"Trong năm, hệ thống đã phát hiện và xử lý 12.430 mã độc.", "sec.malware_removed", "12430", ""},
		{"Đội ứng cứu sự cố đã hỗ trợ xử lý 7 sự cố an toàn thông tin mạng.", "sec.incidents", "7", ""},
		{"Toàn tỉnh có 48 hệ thống thông tin, trong đó đã phê duyệt hồ sơ đề xuất cấp độ cho 30 hệ thống thông tin cấp độ 2 và 6 hệ thống thông tin cấp độ 3.", "httt.total", "48", ""},
		{"Toàn tỉnh có 48 hệ thống thông tin, trong đó đã phê duyệt hồ sơ đề xuất cấp độ cho 30 hệ thống thông tin cấp độ 2 và 6 hệ thống thông tin cấp độ 3.", "httt.level3_approved", "6", ""},
		{"Đã thực hiện kiểm tra, đánh giá đối với 18 hệ thống thông tin.", "httt.total", "", ""},
		// staff
		{"Toàn tỉnh có 95 cán bộ chuyên trách CNTT (tại các sở, ban, ngành 61 người, tại UBND cấp huyện 34 người).", "staff.it_total", "95", ""},
		{"Toàn tỉnh có 95 cán bộ chuyên trách CNTT (tại các sở, ban, ngành 61 người, tại UBND cấp huyện 34 người).", "staff.it_district", "34", ""},
		// data, budget
		{"Tỉnh đã xây dựng 14 cơ sở dữ liệu dùng chung phục vụ chia sẻ dữ liệu.", "data.shared_databases", "14", ""},
		{"Tổng kinh phí thực hiện năm 2022 là 45.120 triệu đồng, trong đó kinh phí bảo đảm an toàn thông tin là 5.300 triệu đồng.", "budget.total_vnd", "45120000000", ""},
		{"Tổng kinh phí thực hiện năm 2022 là 45.120 triệu đồng, trong đó kinh phí bảo đảm an toàn thông tin là 5.300 triệu đồng.", "budget.security_vnd", "5300000000", ""},
		{"Kinh phí dự kiến năm 2024 là 60 tỷ đồng.", "budget.total_vnd", "", ""},
		// Wording of generated reports (rules/synth templates).
		{"Số CSDL dùng chung đã hoàn thành: 10.", "data.shared_databases", "10", ""},
		{"Tỉnh đã đưa vào sử dụng 07 CSDL dùng chung.", "data.shared_databases", "7", ""},
		{"Phân theo mức độ: mức độ 2: 202.930 hồ sơ; mức độ 3: 143.361 hồ sơ (27.072 hồ sơ trực tuyến); mức độ 4: 132.795 hồ sơ (106.800 hồ sơ trực tuyến).", "records.level2", "202930", ""},
		{"Phân theo mức độ: mức độ 2: 202.930 hồ sơ; mức độ 3: 143.361 hồ sơ (27.072 hồ sơ trực tuyến); mức độ 4: 132.795 hồ sơ (106.800 hồ sơ trực tuyến).", "records.online_level3", "27072", ""},
		{"Phân theo mức độ: mức độ 2: 202.930 hồ sơ; mức độ 3: 143.361 hồ sơ (27.072 hồ sơ trực tuyến); mức độ 4: 132.795 hồ sơ (106.800 hồ sơ trực tuyến).", "records.level4", "132795", ""},
		{"Phân theo mức độ: mức độ 2: 202.930 hồ sơ; mức độ 3: 143.361 hồ sơ (27.072 hồ sơ trực tuyến); mức độ 4: 132.795 hồ sơ (106.800 hồ sơ trực tuyến).", "records.online", "", ""},
		{"Tổng số hồ sơ nộp trực tuyến: 260.876, đạt tỷ lệ 21,53% trên tổng số hồ sơ tiếp nhận.", "records.online", "260876", ""},
		{"Số thủ tục hành chính được công bố và cung cấp trên Cổng Dịch vụ công của tỉnh: 1.286 thủ tục hành chính (Tỉnh: 980 TTHC; huyện: 187 TTHC; xã: 119 TTHC).", "tthc.provincial", "980", ""},
		{"Thành phố hiện có 1.788 thủ tục hành chính, trong đó 1.222 thủ tục cấp thành phố, 401 thủ tục cấp quận, huyện và 165 thủ tục cấp phường, xã.", "tthc.provincial", "1222", ""},
		{"Số cán bộ chuyên trách CNTT là 140 người, gồm 106 người ở cấp sở và 34 người ở cấp huyện.", "staff.it_departments", "106", ""},
		{"Số SIM PKI đã cấp: 1488.", "cert.sim_pki", "1488", ""},
		{"Số DVCTT của thành phố được tích hợp, cung cấp trên Cổng Dịch vụ công quốc gia: 398.", "dvc.national_portal", "398", ""},
		{"Số dịch vụ công trực tuyến đang cung cấp gồm 310 dịch vụ mức độ 3 và 588 dịch vụ mức độ 4, đạt tỉ lệ 34,39% số TTHC được cung cấp ở mức độ 4.", "dvc.level4", "588", ""},
		{"Số dịch vụ công trực tuyến đang cung cấp gồm 310 dịch vụ mức độ 3 và 588 dịch vụ mức độ 4, đạt tỉ lệ 34,39% số TTHC được cung cấp ở mức độ 4.", "dvc.level3", "310", ""},
		{"Ban Cơ yếu Chính phủ đã cấp cho các cơ quan của tỉnh 3.810 chứng thư số chuyên dùng, gồm chứng thư số cá nhân: 2.309; chứng thư số tổ chức: 1.501.", "cert.total", "3810", ""},
		{"Ban Cơ yếu Chính phủ đã cấp cho các cơ quan của tỉnh 3.810 chứng thư số chuyên dùng, gồm chứng thư số cá nhân: 2.309; chứng thư số tổ chức: 1.501.", "cert.organization", "1501", ""},
		{"Tổng số hệ thống thông tin cần xác định cấp độ: 100.", "httt.total", "100", ""},
		{"Trong năm 2022, các cơ quan nhà nước đã gửi, nhận 1.664.886 văn bản điện tử (1.604.209 văn bản nội tỉnh, 60.677 văn bản ngoài tỉnh), 1.453.071 văn bản được ký số.", "edoc.total", "1664886", ""},
		{"Trong năm 2022, các cơ quan nhà nước đã gửi, nhận 1.664.886 văn bản điện tử (1.604.209 văn bản nội tỉnh, 60.677 văn bản ngoài tỉnh), 1.453.071 văn bản được ký số.", "edoc.external", "60677", ""},
		{"Có 182 DVCTT mức độ 4 (toàn trình) có phát sinh hồ sơ.", "dvc.level4_with_records", "182", ""},
		{"Có 182 DVCTT mức độ 4 (toàn trình) có phát sinh hồ sơ.", "dvc.level4", "", ""},
		{"Có 194 DVCTT một phần có phát sinh hồ sơ trực tuyến.", "dvc.level3", "", ""},
		// "trên" after a verb of deploying is "on", not "over".
		{"Phần mềm phòng chống mã độc tập trung đã được triển khai trên 2.980 máy trạm.", "sec.malware_protected_machines", "2980", ""},
		{"Có trên 46.016 tài khoản thư điện tử công vụ.", "email.accounts", "46016", "over"},
		// Every phrase of the qualifier table qualifies a figure.
		{"Hệ thống đã cấp nhiều hơn 12.850 tài khoản thư điện tử cho cán bộ.", "email.accounts", "12850", "over"},
		{"Tỉnh đã triển khai tối đa 2.100 tài khoản thư điện tử công vụ.", "email.accounts", "2100", "under"},
		{"Tổng số tiền thanh toán trực tuyến ước đạt 3,2 tỷ đồng.", "payment.amount_vnd", "3200000000", "approx"},
		{"Tỉ lệ hồ sơ trực tuyến đạt chưa tới 40%.", "records.online_rate", "40", "under"},
		// A malformed number is no figure.
		{"Tổng số văn bản điện tử gửi, nhận qua hệ thống trong năm là 2.130.11 văn bản.", "edoc.total", "", ""},
	}
	for i, tt := range tests {
		t.Run(fmt.Sprintf("%02d-%s", i, tt.metric), func(t *testing.T) {
			year := "2022"
			rep := applyText(t, "BÁO CÁO\nKết quả thực hiện kế hoạch năm "+year+"\n\n"+tt.text+"\n")
			f, ok := figure(rep, tt.metric)
			if tt.want == "" {
				if ok {
					t.Fatalf("%q: found %s = %s (rule %s), want nothing", tt.text, tt.metric, f.Value, f.Rule)
				}
				return
			}
			if !ok {
				t.Fatalf("%q: %s not found", tt.text, tt.metric)
			}
			if got := f.Value.String(); got != tt.want || f.Qualifier != tt.qual {
				t.Fatalf("%q: %s = %s (%q), want %s (%q) (rule %s)", tt.text, tt.metric, got, f.Qualifier, tt.want, tt.qual, f.Rule)
			}
			if !strings.Contains(tt.text, strings.TrimSuffix(f.Text, ".")) && f.Source != "table" {
				t.Errorf("evidence %q is not from the text", f.Text)
			}
		})
	}
}

// TestSOCStatus checks the SOC decision rules.
func TestSOCStatus(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Tỉnh chưa triển khai Trung tâm giám sát, điều hành an toàn, an ninh mạng (SOC).", "none"},
		{"Dự kiến năm 2023 tỉnh sẽ thuê dịch vụ SOC theo mô hình 4 lớp.", "planned"},
		{"Trung tâm SOC đang được triển khai thực hiện thí điểm tại Trung tâm tích hợp dữ liệu.", "pilot"},
		{"Trung tâm giám sát an toàn thông tin mạng (SOC) hiện đang trong quá trình triển khai.", "in_progress"},
		{"Trung tâm giám sát an toàn thông tin (SOC) của tỉnh đã chính thức đưa vào vận hành từ tháng 6/2022 và kết nối với Trung tâm giám sát an toàn không gian mạng quốc gia (NCSC).", "operational"},
		{"Tỉnh đang nghiên cứu phương án triển khai SOC. Năm 2022, SOC của tỉnh đã đi vào hoạt động.", "operational"},
		{"Đến nay, tỉnh Đồng Nai chưa triển khai Trung tâm giám sát, điều hành an toàn, an ninh mạng (SOC), dự kiến thuê dịch vụ trong năm 2023.", "none"},
	}
	for _, tt := range tests {
		rep := applyText(t, "Báo cáo năm 2022\n\n"+tt.text+"\n")
		f, ok := figure(rep, "soc.status")
		if !ok || f.Value.Str != tt.want {
			t.Errorf("%q: soc.status = %v (found %v), want %s", tt.text, f.Value, ok, tt.want)
		}
	}
	rep := applyText(t, tests[4].text+"\n")
	if f, ok := figure(rep, "soc.ncsc_connected"); !ok || !f.Value.Bool {
		t.Errorf("soc.ncsc_connected = %v (found %v), want true", f.Value, ok)
	}
}

// TestTables checks figures stated in tables: a TTHC table by level with
// a "Tổng cộng" row, and a key/value table.
func TestTables(t *testing.T) {
	doc := "Báo cáo kết quả năm 2023\n\n" +
		"| Cấp | Số TTHC | DVCTT toàn trình | DVCTT một phần |\n|---|---|---|---|\n" +
		"| Cấp tỉnh | 1.310 | 620 | 301 |\n| Cấp huyện | 270 | 110 | 60 |\n| Cấp xã | 120 | 40 | 20 |\n| Tổng cộng | 1.700 | 770 | 381 |\n\n" +
		"Một số chỉ tiêu khác:\n\n" +
		"| Chỉ tiêu | Kết quả |\n|---|---|\n| Tỷ lệ hồ sơ trực tuyến | 41,5% |\n| Số tài khoản thư điện tử công vụ | 8.120 |\n"
	rep := applyText(t, doc)
	want := map[string]string{"tthc.total": "1700", "tthc.provincial": "1310", "tthc.commune": "120",
		"dvc.level4": "770", "dvc.level3": "381", "records.online_rate": "41.5", "email.accounts": "8120"}
	for m, v := range want {
		f, ok := figure(rep, m)
		if !ok || f.Value.String() != v {
			t.Errorf("%s = %v (found %v), want %s", m, f.Value, ok, v)
			continue
		}
		if f.Source != "table" || f.Line == 0 {
			t.Errorf("%s: source %q line %d, want a table cell with its line", m, f.Source, f.Line)
		}
	}

	// An indicator table with a unit column and a column per year: only
	// the report year's column is read.
	doc = "Báo cáo kết quả năm 2022\n\n" +
		"| STT | Chỉ tiêu | ĐVT | Năm 2021 | Năm 2022 |\n|---|---|---|---|---|\n" +
		"| 1 | Tổng số TTHC | TTHC | 1.650 | 1.702 |\n" +
		"| 2 | Tỷ lệ hồ sơ trực tuyến | % | 28,4 | 41,7 |\n" +
		"| 3 | Kinh phí bảo đảm an toàn thông tin | Triệu đồng | 2.100 | 3.250 |\n" +
		"| 4 | Số chứng thư số đã cấp (lũy kế) | CTS | 5.900 | 6.750 |\n"
	rep = applyText(t, doc)
	want = map[string]string{"tthc.total": "1702", "records.online_rate": "41.7", "budget.security_vnd": "3250000000", "cert.total": "6750"}
	for m, v := range want {
		if f, ok := figure(rep, m); !ok || f.Value.String() != v {
			t.Errorf("indicator table: %s = %v (found %v), want %s", m, f.Value, ok, v)
		}
	}

	// A total row with its formula ("Tổng cộng (I+II)") is a total: its
	// figures are read, and it is no budget item.
	doc = "Báo cáo kết quả năm 2023\n\n" +
		"| STT | Cấp | DVCTT toàn trình | DVCTT một phần |\n|---|---|---|---|\n" +
		"| I | Cấp tỉnh | 620 | 301 |\n| II | Cấp huyện | 150 | 80 |\n| | Tổng cộng (I+II) | 770 | 381 |\n\n" +
		"Kinh phí thực hiện (Đơn vị tính: triệu đồng):\n\n" +
		"| STT | Tên nhiệm vụ | Đơn vị chủ trì | Kinh phí |\n|---|---|---|---|\n" +
		"| 1 | Nâng cấp Cổng dịch vụ công | Văn phòng UBND tỉnh | 1.200 |\n| 2 | Duy trì trục LGSP | Sở Thông tin và Truyền thông | 800 |\n" +
		"| | Tổng cộng (1+2) | | 2.000 |\n"
	rep = applyText(t, doc)
	want = map[string]string{"dvc.level4": "770", "dvc.level3": "381"}
	for m, v := range want {
		if f, ok := figure(rep, m); !ok || f.Value.String() != v {
			t.Errorf("total row with formula: %s = %v (found %v), want %s", m, f.Value, ok, v)
		}
	}
	if len(rep.BudgetItems) != 2 {
		t.Errorf("budget items %+v, want the two rows above the total", rep.BudgetItems)
	}
}
