package rules_test

import (
	"fmt"
	"testing"

	"github.com/baocao/baocao/rules"
	"github.com/baocao/baocao/rules/report"
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
		// The documents of each file ("thành phần hồ sơ").
		{"Tỷ lệ số hoá thành phần hồ sơ trên toàn tỉnh đạt 97,2%.", "records.digitized_rate", "97.2", ""},
		{"Tỉ lệ số hóa thành phần hồ sơ TTHC của tỉnh là 88%.", "records.digitized_rate", "88", ""},
		{"Đến hết quý, tỷ lệ số hóa thành phần hồ sơ, kết quả giải quyết TTHC: 76,5%.", "records.digitized_rate", "76.5", ""},
		{"Tỷ lệ số hóa thành phần hồ sơ địa chính đạt 60%.", "records.digitized_rate", "", ""},
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

// TestOnlineFullRate checks the share of applications made end to end
// online, in the wordings of several provinces and years, apart from the
// share of all online applications.
func TestOnlineFullRate(t *testing.T) {
	checkParaphrases(t, []paraphrase{
		{"Tỷ lệ hồ sơ trực tuyến toàn trình đạt 42,6%.", "records.online_full_rate", "42.6", ""},
		{"Tỉ lệ hồ sơ nộp trực tuyến toàn trình trên tổng số hồ sơ giải quyết TTHC: 38,15%.", "records.online_full_rate", "38.15", ""},
		{"Năm 2023, 51,3% hồ sơ TTHC được giải quyết trực tuyến toàn trình.", "records.online_full_rate", "51.3", ""},
		{"Tỷ lệ hồ sơ trực tuyến mức độ 4 đạt 27,4%, tăng 9 điểm so với năm trước.", "records.online_full_rate", "27.4", ""},
		{"Hồ sơ xử lý trực tuyến toàn trình chiếm 36,9% tổng số hồ sơ tiếp nhận.", "records.online_full_rate", "36.9", ""},
		{"Tỷ lệ hồ sơ TTHC được xử lý trực tuyến toàn trình của thành phố đạt gần 46%.", "records.online_full_rate", "46", "approx"},
		// The share of all online applications, of the online ones, of
		// services, a count and a target are other figures.
		{"Tỷ lệ hồ sơ trực tuyến đạt 67,9%.", "records.online_full_rate", "", ""},
		{"Hồ sơ trực tuyến toàn trình chiếm 75,4% tổng số hồ sơ trực tuyến.", "records.online_full_rate", "", ""},
		{"Tỷ lệ hồ sơ trực tuyến toàn trình trên tổng số hồ sơ trực tuyến là 72%.", "records.online_full_rate", "", ""},
		{"Tỷ lệ DVCTT toàn trình đạt 52,3%.", "records.online_full_rate", "", ""},
		{"Số hồ sơ trực tuyến là 452.307 hồ sơ, trong đó hồ sơ trực tuyến toàn trình 341.220 hồ sơ.", "records.online_full_rate", "", ""},
		{"Phấn đấu tỷ lệ hồ sơ trực tuyến toàn trình đạt 60%.", "records.online_full_rate", "", ""},
		{"Thành phố có số hồ sơ trực tuyến toàn trình là 84.310 và tổng số hồ sơ giải quyết TTHC là 152.904, chiếm 55,14%.", "records.online_full_rate", "55.14", ""},
		{"Năm 2024, tỉnh đã giải quyết trực tuyến toàn trình 61,7% trong tổng số 203.118 hồ sơ TTHC.", "records.online_full_rate", "61.7", ""},
		{"Hệ thống ghi nhận 9 sở, ngành có tỷ lệ hồ sơ trực tuyến toàn trình trên 80%.", "records.online_full_rate", "", ""},
		{"Cả nước có 12 địa phương có tỷ lệ hồ sơ trực tuyến toàn trình dưới 15%.", "records.online_full_rate", "", ""},
		// Nor is the share of end-to-end applications the online rate.
		{"Tỷ lệ hồ sơ trực tuyến toàn trình đạt 42,6%.", "records.online_rate", "", ""},
		{"Trong năm có 521.740 hồ sơ trực tuyến, trong đó hồ sơ trực tuyến toàn trình 384.615 hồ sơ, chiếm 50,1%.", "records.online_rate", "", ""},
		{"Tổng số hồ sơ trực tuyến là 521.740 hồ sơ, đạt 67,9% tổng số hồ sơ tiếp nhận.", "records.online_rate", "67.9", ""},
	})
}

// TestOnlineFullRateChecks checks the relations of the share of
// applications made end to end online: the rate of the end-to-end online
// applications in all applications (or, ambiguously, in those resolved),
// at most the share of all online applications.
func TestOnlineFullRateChecks(t *testing.T) {
	fig := func(metric string, v float64) report.Figure {
		return report.Figure{Metric: metric, Value: report.Num(v), Text: metric, Line: 1, Rule: metric, Source: "text"}
	}
	tests := []struct {
		name   string
		figs   []report.Figure
		wantID string
		sev    report.Severity
	}{
		{"rate of the total", []report.Figure{fig("records.online_full_rate", 40), fig("records.online_level4", 400), fig("records.total", 1000)}, "", ""},
		{"rate off", []report.Figure{fig("records.online_full_rate", 45), fig("records.online_level4", 400), fig("records.total", 1000)}, "records.online_full_rate", report.Warning},
		{"rate of the resolved: ambiguous", []report.Figure{fig("records.online_full_rate", 50), fig("records.online_level4", 400), fig("records.total", 1000), fig("records.resolved", 800)}, "records.online_full_rate", report.Info},
		{"within the online rate", []report.Figure{fig("records.online_full_rate", 40), fig("records.online_rate", 55)}, "", ""},
		{"above the online rate", []report.Figure{fig("records.online_full_rate", 60), fig("records.online_rate", 55)}, "records.online_full_rate.part", report.Error},
		{"over 100", []report.Figure{fig("records.online_full_rate", 104)}, "records.online_full_rate.max", report.Error},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			flags := rules.RunChecks(rules.CheckInput{Figures: tt.figs})
			if tt.wantID == "" {
				if len(flags) != 0 {
					t.Fatalf("flags %+v, want none", flags)
				}
				return
			}
			if len(flags) != 1 || flags[0].ID != tt.wantID || flags[0].Severity != tt.sev {
				t.Fatalf("flags %+v, want one %s (%s)", flags, tt.wantID, tt.sev)
			}
		})
	}
}

// TestOnlineFullRateNotOnlineRate checks that the share of all online
// applications, followed by the end-to-end count in parentheses or in a
// clause, is not read as the end-to-end share.
func TestOnlineFullRateNotOnlineRate(t *testing.T) {
	checkParaphrases(t, []paraphrase{
		{"Số hồ sơ nộp trực tuyến là 84.120 hồ sơ, chiếm 41,5 % tổng số hồ sơ tiếp nhận (hồ sơ trực tuyến mức độ 4 là 60.204 hồ sơ).", "records.online_full_rate", "", ""},
		{"Tổng số hồ sơ nộp trực tuyến là 91.300 hồ sơ, chiếm 44,2% tổng số hồ sơ tiếp nhận, trong đó hồ sơ trực tuyến toàn trình 62.017 hồ sơ.", "records.online_full_rate", "", ""},
		{"Tỉ lệ hồ sơ trực tuyến mức độ 4: 6,93% (41.276/595.610);", "records.online_full_rate", "6.93", ""},
	})
}

// TestSubgroupRates checks rates of a subgroup of the applications: the
// on-time rate of the online applications is neither the on-time rate
// nor the online rate; "trước hạn" (early) alone is not the on-time
// rate, "trước hạn và đúng hạn", "đúng và sớm hạn", "trong hạn" are; a
// sector's online share is not the province's. Written for this test
// in the styles of several provinces.
func TestSubgroupRates(t *testing.T) {
	checkParaphrases(t, []paraphrase{
		{"Tỷ lệ hồ sơ trực tuyến được giải quyết đúng hạn đạt 99,3%.", "records.on_time_rate", "", ""},
		{"Tỷ lệ hồ sơ trực tuyến được giải quyết đúng hạn đạt 99,3%.", "records.online_rate", "", ""},
		{"Trong đó, số hồ sơ nộp trực tuyến là 105.970 hồ sơ, tỷ lệ hồ sơ nộp trực tuyến giải quyết đúng hạn đạt 99,7%.", "records.on_time_rate", "", ""},
		{"Tỉ lệ hồ sơ qua môi trường mạng giải quyết đúng hạn là 98,6%.", "records.online_rate", "", ""},
		{"Có 223 hồ sơ được giải quyết trước hạn, chiếm gần 50%.", "records.on_time_rate", "", ""},
		{"Tỷ lệ hồ sơ giải quyết trước hạn đạt 61,2%.", "records.on_time_rate", "", ""},
		{"Tỷ lệ hồ sơ thủ tục hành chính giải quyết trước hạn và đúng hạn đạt 98,22%.", "records.on_time_rate", "98.22", ""},
		{"Tỷ lệ giải quyết trước hạn, đúng hạn, trong hạn đạt 99%.", "records.on_time_rate", "99", ""},
		{"Đã giải quyết 59.123 hồ sơ, trong đó 58.350 hồ sơ đúng và sớm hạn (đạt tỷ lệ 98,7%).", "records.on_time_rate", "98.7", ""},
		{"Số hồ sơ giải quyết đúng và trước hạn có 635.593 hồ sơ, chiếm tỷ lệ 98,81%.", "records.on_time_rate", "98.81", ""},
		{"Về kết quả, 90,77% hồ sơ được xử lý đúng hạn và 9,23% hồ sơ xử lý quá hạn.", "records.on_time_rate", "90.77", ""},
		{"Tỷ lệ hồ sơ giải quyết trong hạn của toàn tỉnh đạt 97,6%.", "records.on_time_rate", "97.6", ""},
		{"Tỉ lệ hồ sơ qua môi trường mạng chiếm hơn 90%.", "records.online_rate", "90", "over"},
		{"Số hồ sơ đăng ký doanh nghiệp qua mạng chiếm 60% tổng số hồ sơ.", "records.online_rate", "", ""},
		{"Tỷ lệ hồ sơ đất đai nộp trực tuyến đạt 35,2%.", "records.online_rate", "", ""},
		{"Tỷ lệ hồ sơ thanh toán trực tuyến đạt 76,85%.", "records.online_rate", "", ""},
	})
}

// TestRecordsWording checks wordings of real reports for applications,
// written for this test in the styles of several provinces: "yêu cầu /
// đề nghị giải quyết" and "ghi nhận" (received), a whole in "trong tổng
// số …" or after a slash, a ratio "A/B hồ sơ … trực tuyến, đạt x%",
// "xử lý", "giải quyết xong", "… hồ sơ đã được giải quyết" (resolved),
// "qua môi trường mạng", "được nộp trực tuyến" (online), counts with a
// scale word ("hơn 330 nghìn").
func TestRecordsWording(t *testing.T) {
	checkParaphrases(t, []paraphrase{
		{"Trong quý II, toàn tỉnh Hà Giang có 84.210 hồ sơ của tổ chức, công dân yêu cầu giải quyết.", "records.total", "84210", ""},
		{"Năm 2023, tổng số hồ sơ đề nghị giải quyết là 512.644 hồ sơ.", "records.total", "512644", ""},
		{"Từ ngày 1/7 đến 30/11, tổng số hồ sơ ghi nhận trên hệ thống là gần 410.000 hồ sơ.", "records.total", "410000", "approx"},
		{"Tháng 5, các cơ quan đã có hơn 21.400 hồ sơ tiếp nhận mới.", "records.total", "21400", "over"},
		{"Tỉnh đã xử lý trực tuyến toàn trình 51,2% trong tổng số 96.300 hồ sơ thủ tục hành chính.", "records.total", "96300", ""},
		{"Có gần 41.500 hồ sơ được thực hiện trực tuyến/tổng số hơn 120.300 hồ sơ giải quyết.", "records.total", "120300", "over"},
		{"Có gần 41.500 hồ sơ được thực hiện trực tuyến/tổng số hơn 120.300 hồ sơ giải quyết.", "records.online", "41500", "approx"},
		{"Toàn tỉnh có 21.310/180.442 hồ sơ giải quyết trực tuyến qua Hệ thống thông tin giải quyết TTHC tỉnh, đạt 11,8%.", "records.online", "21310", ""},
		{"Toàn tỉnh có 21.310/180.442 hồ sơ giải quyết trực tuyến qua Hệ thống thông tin giải quyết TTHC tỉnh, đạt 11,8%.", "records.total", "180442", ""},
		{"Toàn tỉnh có 21.310/180.442 hồ sơ giải quyết trực tuyến qua Hệ thống thông tin giải quyết TTHC tỉnh, đạt 11,8%.", "records.online_rate", "11.8", ""},
		{"Tổng số hồ sơ được tiếp nhận là 221.004 hồ sơ, đã xử lý 219.870 hồ sơ.", "records.resolved", "219870", ""},
		{"Trong ngày, toàn tỉnh đã tiếp nhận 2.114 hồ sơ và giải quyết xong 612 hồ sơ.", "records.resolved", "612", ""},
		{"Tỉnh tiếp nhận 98.400 hồ sơ. Trong đó 95.112 hồ sơ đã được giải quyết, 3.288 hồ sơ đang giải quyết.", "records.resolved", "95112", ""},
		{"Tỉnh tiếp nhận 98.400 hồ sơ, đang giải quyết 3.288 hồ sơ.", "records.resolved", "", ""},
		{"Tỉnh tiếp nhận 98.400 hồ sơ, trong đó 80.005 hồ sơ được giải quyết đúng hạn.", "records.resolved", "", ""},
		{"Đến nay, 88% hồ sơ của người dân, doanh nghiệp được nộp trực tuyến.", "records.online_rate", "88", ""},
		{"Tỷ lệ hồ sơ giải quyết thủ tục hành chính nộp trực tuyến trung bình toàn tỉnh đạt gần 62%.", "records.online_rate", "62", "approx"},
		{"Năm 2024, các cơ quan của tỉnh tiếp nhận hơn 330 nghìn hồ sơ trực tuyến.", "records.online", "330000", "over"},
		{"Đã tiếp nhận hơn 2,5 triệu hồ sơ trong kỳ và tiếp nhận trực tuyến là hơn 1,7 triệu hồ sơ.", "records.online", "1700000", "over"},
	})
}

// TestRecordsResolve checks what a report's whole text decides for
// applications, on texts written for this test: the share on time in a
// breakdown that states the early files apart is a part, not the rate;
// the national index of online use is the online rate; a rate given as
// a floor ("từ 30% trở lên") is a target.
// TestRecordsOfOneProcedure checks that the files of one procedure, the
// figures of an earlier year and the online rate of one level of service
// are not the province's figures of the year, in the wordings of several
// provinces.
func TestRecordsOfOneProcedure(t *testing.T) {
	checkParaphrases(t, []paraphrase{
		{"Toàn tỉnh tiếp nhận 2.540 hồ sơ cấp phiếu lý lịch tư pháp qua ứng dụng VNeID.", "records.total", "", ""},
		{"Năm 2023 đã tiếp nhận 860 hồ sơ đăng ký doanh nghiệp qua mạng.", "records.total", "", ""},
		{"Toàn tỉnh đã giải quyết 1.215 hồ sơ cấp giấy phép xây dựng.", "records.total", "", ""},
		{"Các cơ quan đã tiếp nhận 314 hồ sơ, tiếp nhận thêm 95 hồ sơ cấp đổi giấy phép lái xe.", "records.total", "314", ""},
		{"Toàn tỉnh tiếp nhận 48.200 hồ sơ, giải quyết đúng hạn 99%.", "records.total", "48200", ""},
		{"Trong năm, tỉnh tiếp nhận 31.200 hồ sơ thủ tục hành chính.", "records.total", "31200", ""},
		// A sentence framed by an earlier year gives that year's figures
		// (the report is of 2023).
		{"Năm 2021, tổng số hồ sơ được giải quyết trực tuyến là trên 18.300 hồ sơ.", "records.online", "", ""},
		{"Cũng năm 2022, toàn tỉnh tiếp nhận 152.000 hồ sơ.", "records.total", "", ""},
		{"Năm 2020, tỷ lệ hồ sơ giải quyết đúng hạn của tỉnh đạt 97,1%.", "records.on_time_rate", "", ""},
		{"Năm 2023, tỷ lệ hồ sơ giải quyết đúng hạn đạt 98,4%.", "records.on_time_rate", "98.4", ""},
		{"Toàn tỉnh tiếp nhận 161.400 hồ sơ, tăng 6% so với năm 2022.", "records.total", "161400", ""},
		// The files that used the online services; the share in an aside
		// after the online files.
		{"Năm 2023, 46,8% hồ sơ có sử dụng dịch vụ công trực tuyến.", "records.online_rate", "46.8", ""},
		{"Có 33% hồ sơ sử dụng DVCTT trong tổng số hồ sơ tiếp nhận.", "records.online_rate", "33", ""},
		{"Khoảng 52% hồ sơ thông qua dịch vụ công trực tuyến, tăng so với năm trước.", "records.online_rate", "52", "approx"},
		{"Có 98% hồ sơ qua dịch vụ công trực tuyến được giải quyết đúng hạn.", "records.online_rate", "", ""},
		{"Việc nộp hồ sơ trên môi trường điện tử tăng nhanh (tỷ lệ năm nay đạt 72%).", "records.online_rate", "72", ""},
		{"Số hồ sơ tiếp nhận qua môi trường mạng tiếp tục tăng (tỷ lệ bình quân đạt 64,5%).", "records.online_rate", "64.5", ""},
		{"Hồ sơ nộp trực tuyến tăng mạnh (tỉ lệ cả năm đạt 58%).", "records.online_rate", "58", ""},
		{"Hồ sơ nộp trực tuyến tăng mạnh (tỷ lệ giải quyết đúng hạn đạt 99%).", "records.online_rate", "", ""},
		// The online rate of one level of service.
		{"Tỷ lệ hồ sơ giải quyết trực tuyến mức độ 3 đạt 38,2%, mức độ 4 đạt 12%.", "records.online_rate", "", ""},
		{"Năm nay, tỷ lệ hồ sơ xử lý trực tuyến một phần đạt tỷ lệ 52%.", "records.online_rate", "", ""},
		{"Với hồ sơ, tỷ lệ hồ sơ nộp trực tuyến mức độ 3 là 23%.", "records.online_rate", "", ""},
		{"Tỷ lệ hồ sơ giải quyết trực tuyến mức độ 3, 4 đạt 27,6%.", "records.online_rate", "27.6", ""},
		{"Tỷ lệ hồ sơ giải quyết trực tuyến đạt 44%.", "records.online_rate", "44", ""},
	})
}

func TestRecordsResolve(t *testing.T) {
	checkParaphrases(t, []paraphrase{
		{"Đã giải quyết 130.500 hồ sơ; trong đó 61.220 hồ sơ giải quyết trước hạn đạt 46,9%; 67.900 hồ sơ giải quyết đúng hạn đạt 52,0%; 1.380 hồ sơ quá hạn.", "records.on_time_rate", "", ""},
		{"Tỷ lệ giải quyết trước hạn và đúng hạn đạt 98,9%. Đã giải quyết 130.500 hồ sơ; trong đó 61.220 hồ sơ giải quyết trước hạn đạt 46,9%; 67.900 hồ sơ giải quyết đúng hạn đạt 52,0%.", "records.on_time_rate", "98.9", ""},
		{"Đã giải quyết 88.240 hồ sơ, trong đó xử lý đúng hạn 87.100 hồ sơ, đạt tỷ lệ 98,71%.", "records.on_time_rate", "98.71", ""},
		{"Dù là tỉnh miền núi, chỉ số sử dụng dịch vụ công trực tuyến của tỉnh đạt 58% (trung bình toàn quốc đạt 55,1%).", "records.online_rate", "58", ""},
		{"Phấn đấu năm sau tỷ lệ hồ sơ trực tuyến đạt từ 30% trở lên.", "records.online_rate", "", ""},
		{"Tỷ lệ hồ sơ trực tuyến trên tổng số hồ sơ đạt từ 30% trở lên.", "records.online_rate", "", ""},
		{"Năm 2024, 17 cơ quan, đơn vị cấp tỉnh và 9 huyện, thành phố đã tiếp nhận 412.300 hồ sơ.", "records.total", "412300", ""},
		{"Cổng Dịch vụ công quốc gia được khai trương từ năm 2019 và đến nay đã có hơn 4,1 triệu hồ sơ trực tuyến thực hiện từ Cổng.", "records.online", "", ""},
		{"Ảnh: Trung tâm Phục vụ hành chính công tỉnh tiếp nhận hồ sơ của người dân. Tỷ lệ hồ sơ trực tuyến của tỉnh đạt 61,4%.", "records.online_rate", "61.4", ""},
	})
}

// TestRecordsLongerWording checks applications stated in longer
// wordings, in the styles of several provinces: the end-to-end share
// written as every step online ("nộp, xử lý và trả kết quả trực
// tuyến"), which is not the plain online share; a digitisation rate
// whose noun phrase runs long; files by level in a breakdown ("trong đó
// mức 3 là … hồ sơ"); and the online files with their verbs ("hồ sơ trực
// tuyến đã tiếp nhận, giải quyết … là"). Near-misses: the online files
// by level, a timeliness.
func TestRecordsLongerWording(t *testing.T) {
	checkParaphrases(t, []paraphrase{
		{"Tỷ lệ hồ sơ nộp, xử lý và trả kết quả trực tuyến trên địa bàn tỉnh mới đạt 38,6% (cấp tỉnh 21,4%).", "records.online_full_rate", "38.6", ""},
		{"Tỷ lệ hồ sơ nộp, xử lý và trả kết quả trực tuyến trên địa bàn tỉnh mới đạt 38,6% (cấp tỉnh 21,4%).", "records.online_rate", "", ""},
		{"Tỉ lệ hồ sơ TTHC tiếp nhận, giải quyết, trả kết quả trực tuyến của thành phố đạt 52,07%.", "records.online_full_rate", "52.07", ""},
		{"Tỷ lệ hồ sơ thủ tục hành chính được xử lý hoàn toàn trực tuyến đạt 47%.", "records.online_full_rate", "47", ""},
		{"Tỷ lệ hồ sơ nộp trực tuyến trên địa bàn tỉnh đạt 61,2%.", "records.online_full_rate", "", ""},
		{"Năm qua, tỷ lệ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính trên địa bàn toàn thành phố đạt gần 88,4%.", "records.digitized_rate", "88.4", "approx"},
		{"Tỉ lệ số hoá hồ sơ, kết quả giải quyết TTHC của các cơ quan, đơn vị trên địa bàn toàn tỉnh năm 2023 đạt 79,15%.", "records.digitized_rate", "79.15", ""},
		{"Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC thuộc thẩm quyền giải quyết của cả ba cấp chính quyền trên địa bàn tỉnh là trên 90%.", "records.digitized_rate", "90", "over"},
		{"Tỷ lệ khai thác, sử dụng lại dữ liệu số hóa hồ sơ, kết quả giải quyết TTHC của toàn tỉnh đạt 41,3%.", "records.digitized_rate", "", ""},
		{"Tổng số hồ sơ của các DVCTT được tiếp nhận và giải quyết là 84.120 hồ sơ (trong đó mức 3 là 20.140 hồ sơ, mức 4 là 63.980 hồ sơ).", "records.level3", "20140", ""},
		{"Tổng số hồ sơ của các DVCTT được tiếp nhận và giải quyết là 84.120 hồ sơ (trong đó mức 3 là 20.140 hồ sơ, mức 4 là 63.980 hồ sơ).", "records.level4", "63980", ""},
		{"Các cơ quan đã tiếp nhận 41.225 hồ sơ, trong đó mức độ 3 có 9.804 hồ sơ, mức độ 4 có 31.421 hồ sơ.", "records.level4", "31421", ""},
		{"Hệ thống tiếp nhận 70.310 hồ sơ (gồm một phần: 25.002 hồ sơ; toàn trình: 45.308 hồ sơ).", "records.level3", "25002", ""},
		{"Toàn tỉnh tiếp nhận 70.310 hồ sơ trực tuyến, trong đó mức độ 3 là 25.002 hồ sơ.", "records.level3", "", ""},
		{"Số hồ sơ nộp trực tuyến qua Cổng dịch vụ công của tỉnh là 41.200 hồ sơ (mức độ 3: 30.150 hồ sơ; mức độ 4: 11.050 hồ sơ).", "records.level3", "", ""},
		{"Từ ngày 1 đến 30/9/2024, tổng số hồ sơ trực tuyến đã tiếp nhận, giải quyết trên địa bàn tỉnh là 38.112 hồ sơ.", "records.online", "38112", ""},
		{"Trong tháng, tổng số hồ sơ trực tuyến được tiếp nhận và giải quyết của thành phố là 12.470 hồ sơ.", "records.online", "12470", ""},
		{"Lũy kế 6 tháng, số hồ sơ trực tuyến đã tiếp nhận, xử lý của toàn tỉnh đạt 9.305 hồ sơ.", "records.online", "9305", ""},
		{"Theo số liệu thống kê trên Cổng Dịch vụ công quốc gia, tổng số hồ sơ trực tuyến đã tiếp nhận, giải quyết của tỉnh trong quý là 21.560 hồ sơ.", "records.online", "21560", ""},
		{"Tổng số hồ sơ trực tuyến được giải quyết đúng hạn là 37.040 hồ sơ.", "records.online", "", ""},
	})
}
