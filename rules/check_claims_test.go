package rules

import (
	"github.com/baocao/baocao/rules/report"
	"strings"
	"testing"

	"github.com/baocao/baocao/extract"
	"github.com/baocao/baocao/normalize"
)

// testPara builds a paragraph on line 1.
func testPara(text string) normalize.Para {
	return normalize.Para{Kind: normalize.Body, Text: text, Spans: []normalize.Span{{Off: 0, Pos: extract.Pos{Line: 7}}}}
}

// claimFlags runs every check over one paragraph.
func claimFlags(text string) []report.Flag {
	return RunChecks(CheckInput{Doc: &normalize.Doc{Paras: []normalize.Para{testPara(text)}}})
}

func TestClaims(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		check    string // "" for no flag
		stated   float64
		computed float64
		metric   string // the claim text, when checked
	}{
		// P% (A/B)
		{name: "pct ratio off", text: "Tỉ lệ hồ sơ giải quyết của DVCTT mức độ 4: 11,3% (84.394/751.295); Số lượng HSTT mức độ 3: 82.369",
			check: "ratio", stated: 11.3, computed: 11.23, metric: "11,3% (84.394/751.295)"},
		{name: "pct ratio ok", text: "Tỉ lệ hồ sơ giải quyết của DVCTT mức độ 3: 31,63% (237.636/751.295);"},
		{name: "pct ratio truncated", text: "đạt tỷ lệ: 82,94% (214/258);"},
		{name: "pct ratio one decimal", text: "số DVCTT mức độ 3 có phát sinh hồ sơ trực tuyến: 153, đạt tỷ lệ: 80,1% (153/191)."},
		{name: "pct ratio with unit", text: "Giải quyết đúng hạn đạt 95,2% (1.190/1.250 hồ sơ).", metric: ""},
		{name: "pct ratio with unit off", text: "Giải quyết đúng hạn đạt 96,2% (1.190/1.250 hồ sơ).",
			check: "ratio", stated: 96.2, computed: 95.2, metric: "96,2% (1.190/1.250 hồ sơ)"},
		// A/B, đạt tỷ lệ P%
		{name: "ratio then rate off", text: "tính đến nay đã có 1315/1611 cơ sở kết nối, đạt tỷ lệ 82,6%. Ngoài ra",
			check: "ratio", stated: 82.6, computed: 81.63, metric: "1315/1611 cơ sở kết nối, đạt tỷ lệ 82,6%"},
		{name: "ratio then rate ok", text: "Tổng số TTHC phát sinh qua dịch vụ Bưu chính công ích là 393/591 đạt tỉ lệ 66.5% trong tổng số"},
		{name: "ratio then rate last digit", text: "là 212.201/751.295, đạt tỉ lệ 28,25% trong tổng số DVCTT phát sinh hồ sơ",
			check: "ratio", stated: 28.25, computed: 28.24},
		{name: "ratio then rate rounds", text: "Số hồ sơ TTHC tiếp nhận qua Bưu chính công ích là 33.652/751.295, đạt tỉ lệ 4,5%;"},
		{name: "ratio comma tỉ lệ", text: "đã giải quyết 1.190/1.250 hồ sơ, tỉ lệ 95,20%."},
		{name: "ratio comma tỉ lệ off", text: "đã giải quyết 1.190/1.250 hồ sơ, tỉ lệ 95,30%.",
			check: "ratio", stated: 95.3, computed: 95.2},
		{name: "ratio chiếm", text: "có 45/60 xã chiếm 75%."},
		{name: "ratio chiếm off", text: "có 45/60 xã chiếm 57%.", check: "ratio", stated: 57, computed: 75},
		// A count of units with a threshold each unit reaches is no share.
		{name: "units over a threshold", text: "Trong quý, 12/19 sở, ban, ngành có tỷ lệ hồ sơ trực tuyến đạt trên 85%."},
		{name: "units reach over", text: "có 4/9 huyện, thị xã đạt trên 40% hồ sơ trực tuyến;"},
		{name: "units from a threshold", text: "Đã có 7/10 đơn vị đạt tỷ lệ văn bản ký số từ 95% trở lên."},
		{name: "units with an owned rate", text: "Hiện 21/25 xã, phường có tỷ lệ hồ sơ giải quyết đúng hạn 100%."},
		{name: "share of units checked", text: "đến nay 10/17 sở, ngành đã kết nối, đạt tỷ lệ 60%.", check: "ratio", stated: 60, computed: 58.82},
		{name: "share of units consistent", text: "đến nay 10/17 sở, ngành đã kết nối, đạt tỷ lệ 58,8%."},
		{name: "ratio then unrelated pct across sentence", text: "có 887/987 trường. Tỷ lệ đạt 80%."},
		{name: "ratio without rate word", text: "19/19 sở, ban, ngành 90% cán bộ"},
		// A rank among units or a score out of a maximum is no share.
		{name: "rank then index score", text: "Chỉ số cải cách hành chính của tỉnh tăng 6 bậc, xếp 31/63, đạt 86,12%, thuộc nhóm B."},
		{name: "rank by place then index", text: "Chỉ số SIPAS của tỉnh đứng thứ 12/63 tỉnh, thành phố, đạt 83,5%."},
		{name: "rank by position then rate", text: "Về chỉ số PAPI, tỉnh xếp vị thứ 20/61 và đạt tỷ lệ 44,1% điểm tối đa."},
		{name: "score out of a maximum then rate", text: "Chỉ số chuyển đổi số đạt 520/1000 điểm, đạt tỷ lệ 60%."},
		{name: "a share after a rank word elsewhere is checked", text: "Tỉnh xếp nhóm khá; có 30/40 xã đã kết nối, đạt tỷ lệ 70%.", check: "ratio", stated: 70, computed: 75},
		// A … trên tổng số B (đạt P%)
		{name: "out of total ok", text: "giải quyết đúng hạn 1.190 hồ sơ trên tổng số 1.250 hồ sơ (đạt 95,2%)."},
		{name: "out of total off", text: "giải quyết đúng hạn 1.190 hồ sơ trên tổng số 1.250 hồ sơ (đạt 92,5%).",
			check: "ratio", stated: 92.5, computed: 95.2, metric: "1.190 hồ sơ trên tổng số 1.250 hồ sơ (đạt 92,5%)"},
		{name: "out of total bare pct", text: "Có 573 hồ sơ trên tổng số 600 hồ sơ (95,5%) được giải quyết đúng hạn."},
		{name: "out of total bare pct off", text: "Có 573 hồ sơ trên tổng số 600 hồ sơ (97,5%) được giải quyết đúng hạn.",
			check: "ratio", stated: 97.5, computed: 95.5},
		{name: "out of total with over numerator", text: "hơn 573 hồ sơ trên tổng số 600 hồ sơ (đạt 97,5%)"},
		{name: "out of total with over numerator too low", text: "hơn 573 hồ sơ trên tổng số 600 hồ sơ (đạt 90%)",
			check: "ratio", stated: 90, computed: 95.5},
		{name: "chiếm without explicit ratio", text: "Số lượng DVCTT mức độ 3 có phát sinh hồ sơ: 191, chiếm tỉ lệ 32,31%"},
		{name: "over pct bound", text: "đạt trên 90% (1.190/1.250 hồ sơ)"},
		{name: "under pct bound fails", text: "đạt dưới 90% (1.190/1.250 hồ sơ)", check: "ratio", stated: 90, computed: 95.2},
		{name: "dates are not ratios", text: "Quyết định số 2134/QĐ-UBND ngày 05/8/2021 đạt 100% kế hoạch, tháng 9/2021 đạt 50%"},

		// Lists
		{name: "total then parts exceed", text: "tổng số văn bản điện tử gửi trên trục liên thông văn bản của tỉnh là 619.120, trong đó: 579.445 (nội bộ trong tỉnh), 40.375 (ngoài tỉnh); có 571.421 văn bản điện tử được ký số",
			check: "sum", stated: 619120, computed: 619820},
		{name: "total then parts add up", text: "tổng số văn bản là 619.820, trong đó: 579.445 (nội bộ trong tỉnh), 40.375 (ngoài tỉnh); có 571.421 văn bản"},
		{name: "total then parts short: not exhaustive", text: "tổng số hồ sơ là 1.000, trong đó: 950 đúng hạn, 30 quá hạn."},
		{name: "total then overlapping parts far off", text: "tổng số 100 cán bộ, trong đó: 60 nữ, 50 đảng viên."},
		{name: "total then level labels", text: "tổng số 22 HTTT, trong đó: 20 HTTT cấp độ 2, 02 HTTT cấp độ 3."},
		{name: "staff list", text: "Số lượng cán bộ chuyên trách là 82 người (tại các sở, ban, ngành 60 người, tại UBND cấp huyện 22 người), trong đó: Có 12 người có trình độ thạc sỹ, 49 người có trình độ đại học, 12 người có trình độ cao đẳng, 02 người có trình độ trung cấp và 07 người có trình độ khác."},
		{name: "parts then total ok", text: "cấp tỉnh 10 hệ thống, cấp huyện 5 hệ thống, cấp xã 3 hệ thống, tổng cộng 18 hệ thống."},
		{name: "parts then total off", text: "cấp tỉnh 10 hệ thống, cấp huyện 5 hệ thống, cấp xã 4 hệ thống, tổng cộng 18 hệ thống.",
			check: "sum", stated: 18, computed: 19},
		{name: "parts then total là", text: "Sở A 120 máy, sở B 80 máy và sở C 50 máy; tổng số là 251 máy.",
			check: "sum", stated: 251, computed: 250},

		// Shares
		{name: "shares add up with a missing %", text: "ngăn chặn 104 ứng dụng độc hại (trong đó: Blocked 23.46%, deleted 75.97%, Moved to quarantine 0.09, Disinfected 0.48%)."},
		{name: "shares off", text: "ngăn chặn 104 ứng dụng độc hại (trong đó: Blocked 23.46%, deleted 74.97%, Moved to quarantine 0.09, Disinfected 0.48%).",
			check: "shares", stated: 99, computed: 100},
		{name: "shares within rounding", text: "trong đó: cấp tỉnh 33,3%, cấp huyện 33,3%, cấp xã 33,3%."},
		{name: "rates are not shares", text: "Cấp tỉnh là 100%, cấp huyện là 100% và cấp xã là 80% (sử dụng máy tính)."},
		{name: "partial shares", text: "trong đó: nhóm A 20%, nhóm B 30%, nhóm C 10%."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			flags := claimFlags(tt.text)
			if tt.check == "" {
				if len(flags) != 0 {
					t.Fatalf("got flags %+v, want none", flags)
				}
				return
			}
			if len(flags) != 1 {
				t.Fatalf("got %d flags %+v, want 1", len(flags), flags)
			}
			f := flags[0]
			if f.Check != tt.check || !sameValue(f.Stated, tt.stated) || !sameValue(f.Computed, tt.computed) {
				t.Errorf("got %s stated %v computed %v, want %s %v %v", f.Check, f.Stated, f.Computed, tt.check, tt.stated, tt.computed)
			}
			if tt.metric != "" && f.Metric != tt.metric {
				t.Errorf("metric %q, want %q", f.Metric, tt.metric)
			}
			if len(f.Evidence) == 0 || f.Evidence[0].Line != 7 || !strings.Contains(tt.text, strings.Fields(f.Evidence[0].Text)[0]) {
				t.Errorf("evidence %+v", f.Evidence)
			}
			if f.Message == "" {
				t.Error("no message")
			}
		})
	}
}

func TestLexNumbers(t *testing.T) {
	type want struct {
		kind tokKind
		val  float64
		dec  int
		qual normalize.Qualifier
	}
	tests := []struct {
		text string
		want []want
	}{
		{"1.543 thủ tục", []want{{tokCount, 1543, 0, normalize.Exact}}},
		{"đạt 46,14%", []want{{tokPercent, 46.14, 2, normalize.Exact}}},
		{"đúng hạn 96.1%", []want{{tokPercent, 96.1, 1, normalize.Exact}}},
		{"29.473,482 triệu", []want{{tokCount, 29473.482, 3, normalize.Exact}}},
		{"2.130.119 văn bản", []want{{tokCount, 2130119, 0, normalize.Exact}}},
		{"quarantine 0.09,", []want{{tokCount, 0.09, 2, normalize.Exact}}},
		{"(153/191)", []want{{tokRatio, 100 * 153.0 / 191, 0, normalize.Exact}}},
		{"có hơn 158 chứng thư", []want{{tokCount, 158, 0, normalize.Over}}},
		{"khoảng 7.000 tài khoản", []want{{tokCount, 7000, 0, normalize.Approx}}},
		{"trên 90%", []want{{tokPercent, 90, 0, normalize.Over}}},
		{"ngày 05/8/2021", []want{{tokDate, 0, 0, normalize.Exact}}},
		{"tháng 9/2021", []want{{tokDate, 0, 0, normalize.Exact}}},
		{"số 2134/QĐ-UBND", []want{{tokDoc, 0, 0, normalize.Exact}}},
		{"số 04-NQ/TU", []want{{tokDoc, 0, 0, normalize.Exact}}},
		{"giai đoạn 2021-2025", []want{{tokYear, 2021, 0, normalize.Exact}}},
		{"COVID-19 IPv6 Nh-5b", nil},
		{"12.345%", []want{{tokPercent, 12.345, 3, normalize.Exact}}},
		{"tối đa 5%", []want{{tokPercent, 5, 0, normalize.Under}}},
		{"ước tính 1.200 hồ sơ", []want{{tokCount, 1200, 0, normalize.Approx}}},
		{"nhiều hơn 30 cơ sở", []want{{tokCount, 30, 0, normalize.Over}}},
		{"2021 hồ sơ", []want{{tokYear, 2021, 0, normalize.Exact}}},
		// Malformed numbers are no tokens: no claim is computed from a guess.
		{"2.130.11 văn bản, 01.234 và 12.34.567", nil},
	}
	for _, tt := range tests {
		got := lexNumbers(tt.text)
		if len(got) != len(tt.want) {
			t.Errorf("%q: got %d tokens %+v, want %d", tt.text, len(got), got, len(tt.want))
			continue
		}
		for i, w := range tt.want {
			g := got[i]
			if g.kind != w.kind || (w.kind != tokDate && w.kind != tokDoc && (!sameValue(g.val, w.val) || g.dec != w.dec)) || g.qual != w.qual {
				t.Errorf("%q: token %d = %+v, want %+v", tt.text, i, g, w)
			}
		}
	}
}

// FuzzCheckClaims runs the paragraph checks on arbitrary text: they must
// not panic, and every flag must be complete.
func FuzzCheckClaims(f *testing.F) {
	for _, s := range []string{
		"Tỉ lệ: 11,3% (84.394/751.295);",
		"đã có 1315/1611 cơ sở kết nối, đạt tỷ lệ 82,6%.",
		"tổng số là 619.120, trong đó: 579.445 (nội bộ), 40.375 (ngoài tỉnh);",
		"(trong đó: Blocked 23.46%, deleted 75.97%, Moved to quarantine 0.09, Disinfected 0.48%)",
		"a, 10, 5 và 4, tổng cộng 18",
		"1.190 hồ sơ trên tổng số 1.250 hồ sơ (đạt 92,5%)",
		"0/0 đạt 5%", "1/0, đạt 100%", "5% (3/0)",
		"đang giải quyết là 26.068 (19.972 hồ sơ còn trong hạn và 4.104 hồ sơ quá hạn)",
		"giải quyết 5.9123 hồ sơ, trong đó 58.350 hồ sơ đúng và sớm hạn (98,7%); 818 trễ hạn",
	} {
		f.Add(s)
	}
	for _, p := range seedParas(f) {
		f.Add(p.Text)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, fl := range claimFlags(s) {
			if fl.Check == "" || fl.ID == "" || fl.Metric == "" || fl.Message == "" || len(fl.Evidence) == 0 {
				t.Fatalf("incomplete flag %+v", fl)
			}
		}
		prev := 0
		for _, tk := range lexNumbers(s) {
			if tk.start < prev || tk.end < tk.start || tk.end > len(s) {
				t.Fatalf("token %+v out of order or bounds (len %d)", tk, len(s))
			}
			prev = tk.end
		}
	})
}
