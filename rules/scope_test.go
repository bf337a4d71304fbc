package rules_test

import (
	"strings"
	"testing"

	"github.com/baocao/baocao/rules/report"
)

// subUnit returns the sub-unit figure of a metric with a value, if any.
func subUnit(rep *report.Report, metric, value string) (report.Figure, bool) {
	for _, f := range rep.SubUnits {
		if f.Metric == metric && f.Value.String() == value {
			return f, true
		}
	}
	return report.Figure{}, false
}

// TestScope checks that figures of one level, district, department,
// centre or group of agencies, of the national portal, of a ministry, of
// the nation and of another province are never the province's value:
// they are kept as sub-unit figures with the unit that owns them, and
// never stated twice against the province's. The texts are written for
// this test in the styles of several provinces.
func TestScope(t *testing.T) {
	const head = "BÁO CÁO của UBND tỉnh Phú Thọ\nKết quả thực hiện năm 2022\n\n"
	tests := []struct {
		name   string
		text   string
		metric string
		want   string // the province's value; "" for none
		sub    string // a value that must be a sub-unit figure, "" for none
		unit   string // a word of its scope
	}{
		// The centre by another of its names, and named again by its noun
		// alone.
		{"the centre of public-service 'dịch vụ'", "Năm qua, Trung tâm Dịch vụ hành chính công tỉnh đã tiếp nhận 61.200 hồ sơ.",
			"records.total", "", "61200", "Trung tâm"},
		{"files through the centre", "Trong 6 tháng, tổng số hồ sơ được tiếp nhận và giải quyết qua Trung tâm là 40.315 hồ sơ.",
			"records.total", "", "40315", "Trung tâm"},
		{"the centre as subject, named by its noun", "Bình quân mỗi tháng, Trung tâm tiếp nhận 3.820 hồ sơ của tổ chức, cá nhân.",
			"records.total", "", "3820", "Trung tâm"},
		// A list of timeliness words is one property, not a new clause:
		// the group that has the rate stays its subject.
		{"a group's rate of files on time and early", "Trong quý, 9/15 sở, ngành và 3/11 huyện có tỷ lệ giải quyết hồ sơ đúng hạn, trước hạn đạt trên 98%.",
			"records.on_time_rate", "", "98", "huyện"},
		{"a group's rate, three timeliness words", "Kết quả: 6/19 sở, ban, ngành có tỷ lệ hồ sơ xử lý trước hạn, đúng hạn, trong hạn là 100%.",
			"records.on_time_rate", "", "100", "sở, ban, ngành"},
		{"districts' rate of files early and on time", "Có 7/9 huyện, thị xã có tỷ lệ hồ sơ giải quyết sớm hạn, đúng hạn đạt 99,5%.",
			"records.on_time_rate", "", "99.5", "huyện"},
		{"a new clause after the group's", "Có 7/9 huyện có tỷ lệ hồ sơ đúng hạn trên 99%, tỷ lệ hồ sơ giải quyết đúng hạn của toàn tỉnh đạt 97,4%.",
			"records.on_time_rate", "97.4", "", ""},
		{"the centre files go through, after the figure", "Trong năm, hơn 52.000 hồ sơ được tiếp nhận, giải quyết qua Trung tâm Phục vụ hành chính công tỉnh.",
			"records.total", "", "52000", "Trung tâm"},
		{"the centre files go through governs the rate after them", "Năm 2023, tổng số hồ sơ tiếp nhận qua Trung tâm là 36.900 hồ sơ, tỷ lệ hồ sơ giải quyết đúng hạn là 99,2%.",
			"records.on_time_rate", "", "99.2", "Trung tâm"},
		{"the centre files go through in another sentence", "Tỉnh tiếp nhận 210.300 hồ sơ, giải quyết đúng hạn 98,7%. Riêng qua Trung tâm có 41.000 hồ sơ.",
			"records.total", "210300", "", ""},
		{"machines managed at a data centre", "Toàn tỉnh có 1.870 máy trạm được kết nối về hệ thống quản lý tập trung tại Trung tâm tích hợp dữ liệu; tiếp nhận 64.000 hồ sơ.",
			"records.total", "64000", "", ""},
		// A rank among the provinces of the nation is no figure of the
		// nation.
		{"first of the 63 provinces", "Tỉnh vinh dự đứng đầu 63 tỉnh, thành phố cả nước về dịch vụ công trực tuyến với tỷ lệ giải quyết đúng hạn 99,36%.",
			"records.on_time_rate", "99.36", "", ""},
		{"leading the provinces", "Thành phố dẫn đầu các tỉnh, thành cả nước về thanh toán trực tuyến, tỷ lệ hồ sơ trực tuyến đạt 74,2%.",
			"records.online_rate", "74.2", "", ""},
		{"the nation's own rate", "Tỷ lệ hồ sơ giải quyết đúng hạn bình quân của cả nước đạt 96,1%.",
			"records.on_time_rate", "", "96.1", "cả nước"},
		{"a data centre is no unit", "Trung tâm dữ liệu của tỉnh đã lưu trữ dữ liệu của 46.500 hồ sơ; toàn tỉnh tiếp nhận 98.400 hồ sơ.",
			"records.total", "98400", "", ""},
		// "Riêng" before a kind of what is counted singles it out; before
		// a unit, the unit.
		{"riêng before a kind of service", "Riêng dịch vụ công trực tuyến mức độ 4, tỉnh đã cung cấp 715 dịch vụ.",
			"dvc.level4", "715", "", ""},
		{"riêng before a unit", "Riêng huyện Tam Nông đã tiếp nhận 4.230 hồ sơ.",
			"records.total", "", "4230", "Tam Nông"},
		// "Riêng" before a part of the period: its figures are not the
		// period's, even where the province is the subject; before the
		// year reported on, the year's.
		{"one month singled out", "Năm 2022, toàn tỉnh tiếp nhận 412.000 hồ sơ. Riêng tháng 12, tỉnh tiếp nhận 41.250 hồ sơ, tỷ lệ hồ sơ trực tuyến đạt 88,4%.",
			"records.total", "412000", "41250", "tháng 12"},
		{"the rate of the month singled out", "Năm 2022, toàn tỉnh tiếp nhận 412.000 hồ sơ. Riêng tháng 12, tỉnh tiếp nhận 41.250 hồ sơ, tỷ lệ hồ sơ trực tuyến đạt 88,4%.",
			"records.online_rate", "", "88.4", "tháng 12"},
		{"one day singled out", "Chỉ riêng ngày 2/10, tỉnh Phú Thọ đã tiếp nhận 1.960 hồ sơ.",
			"records.total", "", "1960", "ngày 2/10"},
		{"one quarter singled out", "Riêng quý IV, tỷ lệ hồ sơ giải quyết đúng hạn của tỉnh đạt 99,1%.",
			"records.on_time_rate", "", "99.1", "quý IV"},
		{"the year reported on singled out", "Riêng năm 2022, toàn tỉnh đã tiếp nhận 215.600 hồ sơ.",
			"records.total", "215600", "", ""},
		{"the centre as subject", "Trong năm, Trung tâm Phục vụ hành chính công tỉnh đã tiếp nhận 23.100 hồ sơ, trong đó 19.800 hồ sơ trực tuyến.",
			"records.total", "", "23100", "Trung tâm"},
		{"the centre's clause passes on to the next sentence", "Trong quý IV, Trung tâm Hành chính công đã đón 9.300 lượt công dân; tiếp nhận 8.420 hồ sơ. Tỷ lệ hồ sơ giải quyết đúng hạn đạt 99,1%.",
			"records.on_time_rate", "", "99.1", "Trung tâm"},
		{"a level as subject passes on to its sentence", "Cấp xã đã tiếp nhận 1.610 hồ sơ, gồm 1.475 hồ sơ trực tuyến; trong ngày đã giải quyết 484 hồ sơ.",
			"records.resolved", "", "484", "Cấp xã"},
		{"a level's rate", "Tỷ lệ hồ sơ giải quyết đúng hạn cấp tỉnh đạt 99,2%, cấp huyện đạt 98,1%.",
			"records.on_time_rate", "", "99.2", "cấp tỉnh"},
		{"a level named by its People's Committee", "Tỉ lệ hồ sơ do UBND cấp huyện tiếp nhận được giải quyết đúng hạn đạt 98,15%.",
			"records.on_time_rate", "", "98.15", "cấp huyện"},
		{"the province's total, its parts by level", "Toàn tỉnh tiếp nhận 12.500 hồ sơ, trong đó cấp tỉnh 4.100 hồ sơ, cấp huyện 3.200 hồ sơ.",
			"records.total", "12500", "", ""},
		{"after the breakdown the sentence returns to the province", "Toàn tỉnh tiếp nhận 12.500 hồ sơ (cấp tỉnh 4.100 hồ sơ, cấp huyện 3.200 hồ sơ), tỷ lệ giải quyết đúng hạn đạt 98,4%.",
			"records.on_time_rate", "98.4", "", ""},
		{"vertical agencies", "Khối cơ quan ngành dọc tiếp nhận 8.300 hồ sơ.",
			"records.total", "", "8300", "ngành dọc"},
		{"a count of departments with a rate", "Có 12/19 sở, ngành đạt tỷ lệ hồ sơ trực tuyến trên 80%.",
			"records.online_rate", "", "80", "sở, ngành"},
		{"the departments, then the districts", "Các sở, ngành tiếp nhận 55.000 hồ sơ, UBND cấp huyện tiếp nhận 20.000 hồ sơ.",
			"records.total", "", "55000", "sở, ngành"},
		{"departments, districts and communes together are the province", "Các sở, ngành, địa phương đã tiếp nhận 250.000 hồ sơ.",
			"records.total", "250000", "", ""},
		{"a named district as subject", "Huyện Tân Sơn tiếp nhận 6.120 hồ sơ, tỷ lệ hồ sơ trực tuyến đạt 41,3%.",
			"records.online_rate", "", "41.3", "Tân Sơn"},
		{"the capital city is a district", "Thành phố Việt Trì dẫn đầu toàn tỉnh về tỷ lệ hồ sơ trực tuyến (72,4%).",
			"records.online_rate", "", "72.4", "Việt Trì"},
		{"only one district", "Đáng chú ý, riêng thị xã Phú Thọ đã tiếp nhận 4.105 hồ sơ, tỷ lệ hồ sơ trực tuyến đạt 36,2%.",
			"records.online_rate", "", "36.2", "riêng"},
		// A named commune or ward anywhere in a clause.
		{"a ward named after the province's rate", "Tỷ lệ hồ sơ trực tuyến toàn tỉnh đạt 62,4%; tỷ lệ hồ sơ trực tuyến của phường Tân An đạt 99,1%.",
			"records.online_rate", "62.4", "99.1", "Tân An"},
		{"a ward leading on time", "Dẫn đầu về giải quyết hồ sơ đúng hạn là phường Long Bình với 97,5%.",
			"records.on_time_rate", "", "97.5", "Long Bình"},
		{"a commune after the merger", "Sau sáp nhập, xã Hòa Phú đã tiếp nhận 3.120 hồ sơ.",
			"records.total", "", "3120", "Hòa Phú"},
		{"a socio-political organisation is no commune", "Hội nghị có đại diện các tổ chức chính trị - xã hội; tỷ lệ hồ sơ trực tuyến toàn tỉnh đạt 71,3%.",
			"records.online_rate", "71.3", "", ""},
		// The units a figure's noun is at or of, counted, in its clause;
		// a clause of details is of the unit of the figure it details.
		{"files at the communes and wards", "Năm 2025, thành phố đã tiếp nhận 21.400 hồ sơ tại 32 xã, phường, trong đó tỷ lệ hồ sơ trực tuyến đạt 81,2%.",
			"records.total", "", "21400", "xã"},
		{"the rate that details the communes' files", "Năm 2025, thành phố đã tiếp nhận 21.400 hồ sơ tại 32 xã, phường, trong đó tỷ lệ hồ sơ trực tuyến đạt 81,2%.",
			"records.online_rate", "", "81.2", "xã"},
		{"files of the departments counted", "Quý III, tỉnh đã tiếp nhận 6.300 hồ sơ tại 11 sở, ngành, trong đó hồ sơ trực tuyến là 4.020 hồ sơ.",
			"records.online", "", "4020", "sở, ngành"},
		{"files at the districts, a clause of details", "Đã tiếp nhận 15.780 hồ sơ ở các huyện, thị xã, trong đó giải quyết đúng hạn 15.102 hồ sơ.",
			"records.total", "", "15780", "huyện"},
		{"details of the province's figure stay the province's", "Toàn tỉnh tiếp nhận 88.200 hồ sơ, trong đó 61.500 hồ sơ trực tuyến; 9/15 sở, ngành có tỷ lệ trực tuyến trên 90%.",
			"records.online", "61500", "", ""},
		// A unit in a parenthetical aside passes nothing on.
		{"the centre with its address in an aside", "Trung tâm Phục vụ hành chính công (đặt tại phường Phú Hội) đã đón 4.120 lượt công dân; tiếp nhận 3.870 hồ sơ.",
			"records.total", "", "3870", "Trung tâm"},
		{"a district's centre with its address in an aside", "Trung tâm Hành chính công (trụ sở tại thị trấn Sìn Hồ) đón 912 lượt người dân; đã tiếp nhận 870 hồ sơ trong quý.",
			"records.total", "", "870", "Trung tâm"},
		{"another province", "Tỷ lệ hồ sơ trực tuyến của tỉnh đạt 38,1%, thấp hơn Vĩnh Phúc (45,2%).",
			"records.online_rate", "38.1", "", ""},
		{"another province as subject", "Tỉnh Tuyên Quang đã tiếp nhận 310.220 hồ sơ trong năm.",
			"records.total", "", "310220", "Tuyên Quang"},
		{"a ministry", "Ở khối bộ, ngành, Bộ Công Thương dẫn đầu với 1,2 triệu hồ sơ trực tuyến.",
			"records.online", "", "1200000", "Bộ"},
		{"the nation, and the sentence after it", "Dù vậy, tỷ lệ hồ sơ trực tuyến của cả nước vẫn chưa đạt mục tiêu. Đến cuối năm, tỷ lệ hồ sơ trực tuyến chỉ đạt 45,8%.",
			"records.online_rate", "", "45.8", "cả nước"},
		{"a rank is no national figure", "Tỉnh dẫn đầu cả nước với tỷ lệ hồ sơ trực tuyến đạt 68,5%.",
			"records.online_rate", "68.5", "", ""},
		{"ministries that judge the province are no subject", "Các bộ, ngành trung ương đánh giá Phú Thọ là địa phương đi đầu cả nước về chuyển đổi số. Tỷ lệ hồ sơ trực tuyến đạt 61,4%.",
			"records.online_rate", "61.4", "", ""},
		{"the national portal's split of services", "Số DVCTT được tích hợp trên Cổng Dịch vụ công quốc gia là 1.127 DVCTT (bao gồm 313 DVCTT một phần và 814 DVCTT toàn trình).",
			"dvc.level3", "", "313", "Cổng"},
		{"the national portal's own count", "Số DVCTT được tích hợp trên Cổng Dịch vụ công quốc gia là 1.127 DVCTT (bao gồm 313 DVCTT một phần và 814 DVCTT toàn trình).",
			"dvc.national_portal", "1127", "", ""},
		{"services of one level", "Tỉnh đã triển khai 1.463 dịch vụ công trực tuyến; trong đó cấp tỉnh 1.187 dịch vụ công trực tuyến toàn trình.",
			"dvc.level4", "", "1187", "cấp tỉnh"},
		{"procedures by level are the province's split", "Bộ TTHC của tỉnh gồm 1.802 thủ tục, trong đó cấp tỉnh: 1.380 TTHC, cấp huyện: 278 TTHC.",
			"tthc.district", "278", "", ""},
		{"a system of the provincial level is the province's", "Hệ thống thông tin giải quyết TTHC cấp tỉnh đã tiếp nhận 320.118 hồ sơ.",
			"records.total", "320118", "", ""},
		{"levels from the centre to the commune are everyone", "Hệ thống quản lý văn bản liên thông từ cấp tỉnh đến cấp xã, qua đó đã gửi, nhận 1.846.227 văn bản điện tử.",
			"edoc.total", "1846227", "", ""},
		{"a level framing the sentence", "Ở cấp xã, quý I toàn tỉnh tiếp nhận 264.610 hồ sơ.",
			"records.total", "", "264610", "cấp xã"},
		{"the centre with every level's one-stop desk is the province", "Trung tâm Phục vụ hành chính công tỉnh và bộ phận một cửa các cấp đã tiếp nhận 186.450 hồ sơ.",
			"records.total", "186450", "", ""},
		// A list of the local levels is not every level: only a list that
		// starts with the province's own is the province.
		{"the one-stop desks of the districts and communes", "Trong quý II, Bộ phận một cửa cấp huyện, cấp xã tiếp nhận 9.870 hồ sơ, tỷ lệ giải quyết đúng hạn đạt 97,6%.",
			"records.on_time_rate", "", "97.6", "cấp huyện"},
		{"the district and commune committees", "UBND cấp huyện, xã đã tiếp nhận 45.300 hồ sơ trong năm.",
			"records.total", "", "45300", "cấp huyện"},
		{"the communes and wards after the merger", "Từ tháng 7, các cơ quan cấp xã, phường đã tiếp nhận 12.040 hồ sơ.",
			"records.total", "", "12040", "cấp xã"},
		{"the levels from the province's own down are the province", "Năm 2022, Bộ phận một cửa cấp tỉnh, huyện, xã đã tiếp nhận 230.400 hồ sơ.",
			"records.total", "230400", "", ""},
		{"a list item's level does not reach the next figure", "Cổng cung cấp 1.872 TTHC, gồm 1.471 TTHC cấp tỉnh, 276 TTHC cấp huyện và 125 TTHC cấp xã, trong đó 417 thủ tục được cung cấp mức độ 3.",
			"dvc.level3", "417", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep := applyText(t, head+tt.text+"\n")
			f, ok := figure(rep, tt.metric)
			switch {
			case tt.want == "" && ok:
				t.Errorf("%s = %s (rule %s), want no province figure", tt.metric, f.Value, f.Rule)
			case tt.want != "" && !ok:
				t.Errorf("%s not found (sub-units %+v)", tt.metric, rep.SubUnits)
			case tt.want != "" && f.Value.String() != tt.want:
				t.Errorf("%s = %s (rule %s), want %s", tt.metric, f.Value, f.Rule, tt.want)
			}
			if tt.sub != "" {
				s, ok := subUnit(rep, tt.metric, tt.sub)
				if !ok {
					t.Errorf("no sub-unit figure %s = %s; sub-units %+v", tt.metric, tt.sub, rep.SubUnits)
				} else if !strings.Contains(strings.ToLower(s.Scope), strings.ToLower(tt.unit)) {
					t.Errorf("sub-unit %s = %s has scope %q, want one naming %q", tt.metric, tt.sub, s.Scope, tt.unit)
				}
			}
			for _, fl := range rep.Flags {
				if fl.Check == "duplicate" {
					t.Errorf("a sub-unit figure is a second statement: %s", fl.Message)
				}
			}
		})
	}
}

// TestScopeOfTitle checks that a news item whose title's subject is one
// unit (the public-service centre, a department, a district) is about
// that unit where a clause names nothing else, and that a clause about
// the whole province still speaks for it.
func TestScopeOfTitle(t *testing.T) {
	text := "Trung tâm Hành chính công tỉnh Bình Định giữ vững tỷ lệ đúng hạn\n\n" +
		"Năm 2023, đơn vị đã tiếp nhận 50.212 hồ sơ và giải quyết 49.980 hồ sơ.\n\n" +
		"Đáng chú ý, số hồ sơ được tiếp nhận trực tuyến đạt 31.200.\n\n" +
		"Cũng trong năm, toàn tỉnh đã tiếp nhận 640.311 hồ sơ.\n"
	rep := applyText(t, text)
	if f, ok := figure(rep, "records.online"); ok {
		t.Errorf("records.online = %s, want none: the centre's", f.Value)
	}
	if f, ok := figure(rep, "records.total"); !ok || f.Value.String() != "640311" {
		t.Errorf("records.total = %v (found %v), want 640311, the province's", f.Value, ok)
	}
	if _, ok := subUnit(rep, "records.total", "50212"); !ok {
		t.Errorf("the centre's 50.212 is not a sub-unit figure: %+v", rep.SubUnits)
	}
}

// TestScopeOfKickedTitle checks that a news page's kicker (the name of
// its section above the headline) does not hide the headline: a
// headline that reports on one place ("… tại Trung tâm …") makes the
// page about that place, in the styles of several portals.
func TestScopeOfKickedTitle(t *testing.T) {
	checkTitled(t, []titled{
		{"Chính quyền số\n\nKết quả giải quyết hồ sơ tại Trung tâm Phục vụ hành chính công tỉnh quý III\n\nTrong quý, đã tiếp nhận 12.480 hồ sơ.\n", "records.total", "", "12480"},
		{"Chuyển đổi số\n\nTrung tâm Hành chính công huyện Mường Lát đẩy mạnh hồ sơ trực tuyến\n\nNăm 2023, đã tiếp nhận 2.340 hồ sơ.\n", "records.total", "", "2340"},
		{"Thời sự\n\nTình hình tiếp nhận hồ sơ của Trung tâm Phục vụ hành chính công trong tháng\n\nTrong tháng, đã tiếp nhận 8.120 hồ sơ.\n", "records.total", "", "8120"},
		{"Kinh tế - Xã hội\n\nToàn tỉnh tiếp nhận hơn 300 nghìn hồ sơ năm 2023\n\nNăm 2023, toàn tỉnh đã tiếp nhận 312.450 hồ sơ.\n", "records.total", "312450", ""},
	})
}

// TestHeadlineOfOtherFact checks that a bare count of a headline that
// the body writes only as a rounded figure of another fact (files
// resolved on time, files sent online or by post) is not the metric the
// headline's words suggest; a body that writes the count exactly keeps
// it.
func TestHeadlineOfOtherFact(t *testing.T) {
	checkTitled(t, []titled{
		{"Sáu tháng xử lý 41.000 hồ sơ\n\nTrong 6 tháng đầu năm 2023, số hồ sơ được xử lý trước và đúng hạn gần 41 ngàn, chiếm 97%.\n", "records.total", "", ""},
		{"Tiếp nhận 120.000 hồ sơ trong năm 2023\n\nNăm 2023, số hồ sơ nộp trực tuyến và qua bưu chính công ích của người dân đạt hơn 120 nghìn.\n", "records.total", "", ""},
		{"Giải quyết 9.000 hồ sơ trong quý I\n\nTrong quý I/2023, số hồ sơ giải quyết trước hạn khoảng 9 nghìn, chiếm 40%.\n", "records.total", "", ""},
		{"Xử lý 16.500 hồ sơ trong tháng 8\n\nTrong tháng 8/2023, số hồ sơ được giải quyết đúng hạn là hơn 16,5 nghìn hồ sơ.\n", "records.total", "", ""},
		{"Tiếp nhận 52.300 hồ sơ trong năm 2023\n\nTheo báo cáo tổng kết, năm 2023 các cơ quan đã xử lý 52.300 hồ sơ của người dân.\n", "records.total", "52300", ""},
	})
}

// TestCountsOfSomethingElse checks that a number followed by a noun
// other than its metric's own is not the metric: agencies, staff,
// decisions and one-stop desks are counted beside certificates,
// procedures and applications. Written for this test in the styles of
// several provinces.
func TestCountsOfSomethingElse(t *testing.T) {
	const head = "BÁO CÁO\nKết quả thực hiện năm 2022\n\n"
	tests := []struct {
		text, metric string
		not          []string // values the metric must not take
		want         string   // the value it must take, "" for any or none
	}{
		{"Ban Cơ yếu Chính phủ đã cấp chứng thư số cho 52 cơ quan, đơn vị với tổng số 2.140 chứng thư số.", "cert.organization", []string{"52"}, ""},
		{"Ban Cơ yếu Chính phủ đã cấp chứng thư số cho 52 cơ quan, đơn vị với tổng số 2.140 chứng thư số.", "cert.total", []string{"52"}, ""},
		{"Đến nay có 39 cơ quan, đơn vị của tỉnh được cấp chứng thư số tổ chức.", "cert.organization", []string{"39"}, ""},
		{"Tỉnh đã thành lập 08 Bộ phận Tiếp nhận và Trả kết quả cấp huyện và 260 Bộ phận Tiếp nhận và Trả kết quả cấp xã, với tổng số 1.144 cán bộ, công chức.", "tthc.commune", []string{"1144", "260"}, ""},
		{"Chủ tịch UBND tỉnh đã ban hành 17 quyết định công bố danh mục thủ tục hành chính.", "tthc.total", []string{"17"}, ""},
		{"Trung tâm đã hướng dẫn thủ tục hành chính cho 5.687 lượt tổ chức, cá nhân.", "tthc.total", []string{"5687"}, ""},
		{"Hệ thống phòng, chống mã độc tập trung đã phát hiện, ngăn chặn 27.416 lượt mã độc.", "sec.malware_removed", nil, "27416"},
		{"Hệ thống thư điện tử công vụ đã cấp 12.850 tài khoản thư điện tử cho cán bộ.", "email.accounts", nil, "12850"},
	}
	for _, tt := range tests {
		rep := applyText(t, head+tt.text+"\n")
		f, ok := figure(rep, tt.metric)
		for _, v := range tt.not {
			if ok && f.Value.String() == v {
				t.Errorf("%q: %s = %s (rule %s), a count of something else", tt.text, tt.metric, v, f.Rule)
			}
		}
		if tt.want != "" && (!ok || f.Value.String() != tt.want) {
			t.Errorf("%q: %s = %v (found %v), want %s", tt.text, tt.metric, f.Value, ok, tt.want)
		}
	}
}

// TestHeadlineOfSubUnit checks that a figure of the title which the body
// states only for a sub-unit (a group of departments, a district) is that
// sub-unit's, shortened by the headline, in the styles of several news
// pages; a headline the body states for the province stays the
// province's.
func TestHeadlineOfSubUnit(t *testing.T) {
	checkTitled(t, []titled{
		{"Tỷ lệ hồ sơ trực tuyến đạt trên 85% trong quý III\n\nTrong quý III/2024, 5/18 sở, ngành có tỷ lệ hồ sơ trực tuyến trên 85%.\n", "records.online_rate", "", "85"},
		{"Tỷ lệ giải quyết hồ sơ đúng hạn đạt 100%\n\nNăm 2023, các huyện có tỷ lệ giải quyết hồ sơ đúng hạn đạt 100%, toàn tỉnh tiếp nhận 210.400 hồ sơ.\n", "records.on_time_rate", "", "100"},
		{"Hồ sơ trực tuyến chiếm hơn 70%\n\nNăm 2023, có 3/10 huyện, thị xã có tỷ lệ hồ sơ trực tuyến đạt hơn 70%.\n", "records.online_rate", "", "70"},
		{"Tỷ lệ hồ sơ trực tuyến đạt trên 85% trong năm 2024\n\nNăm 2024, tỷ lệ hồ sơ trực tuyến của toàn tỉnh đạt trên 85%; 5/18 sở, ngành có tỷ lệ trên 85%.\n", "records.online_rate", "85", ""},
	})
}

// titled is a text with a title, the province's value of a metric it
// must give ("" for none) and a value that must be a sub-unit figure
// ("" for none).
type titled struct {
	text, metric, want, sub string
}

// checkTitled runs the rules over each text and checks the province's
// value and the sub-unit figure.
func checkTitled(t *testing.T, tests []titled) {
	t.Helper()
	for _, tt := range tests {
		rep := applyText(t, tt.text)
		f, ok := figure(rep, tt.metric)
		switch {
		case tt.want == "" && ok:
			t.Errorf("%q: %s = %s (rule %s, line %d), want no province figure", tt.text, tt.metric, f.Value, f.Rule, f.Line)
		case tt.want != "" && (!ok || f.Value.String() != tt.want):
			t.Errorf("%q: %s = %v (found %v), want %s", tt.text, tt.metric, f.Value, ok, tt.want)
		}
		if tt.sub != "" {
			if _, ok := subUnit(rep, tt.metric, tt.sub); !ok {
				t.Errorf("%q: no sub-unit figure %s = %s; sub-units %+v", tt.text, tt.metric, tt.sub, rep.SubUnits)
			}
		}
	}
}
