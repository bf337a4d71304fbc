package rules

import (
	"github.com/baocao/baocao/normalize"
	"github.com/baocao/baocao/rules/report"
)

// services is the family of online public services (dịch vụ công trực
// tuyến, DVCTT): how many are offered at level 3 and level 4, the share
// of procedures offered at level 4, how many received applications, and
// how many are on the National Public Service Portal.
//
// Since Decree 42/2022/NĐ-CP reports say "một phần" (partial) for level
// 3 and "toàn trình" (end to end) for level 4 ({L3}, {L4}).
var services = Family{
	Name:  "services",
	Title: "Online public services (dịch vụ công trực tuyến, DVCTT) by level",
	Order: 20,
	Words: []string{"dịch vụ công", "dvc", "tthc", "thủ tục", "mức độ", "toàn trình", "một phần"},
	Topics: []Topic{
		{Name: "dvc_records", Words: []string{"phát sinh hồ sơ"}},
		// "hồ sơ của DVCTT mức độ 4", "hồ sơ qua dịch vụ công": the
		// applications are the subject, not the services.
		{Name: "dvc", Words: []string{"dịch vụ công trực tuyến", "dvctt", "dvc trực tuyến", "dịch vụ công", "dvc"},
			NotAfter: []string{"hồ sơ của ", "hồ sơ qua ", "hồ sơ "}},
	},
	Metrics: []report.Metric{
		{Code: "dvc.level3", Unit: "count", Label: "DVCTT mức độ 3", Key: 5,
			Meaning: "online public services at level 3; since Decree 42/2022/NĐ-CP reports also call them \"DVCTT một phần\" (partial online services)",
			Wording: `"DVCTT mức độ 3: 456"; "DVCTT mức độ 3: 273"`},
		{Code: "dvc.level4", Unit: "count", Label: "DVCTT mức độ 4", Key: 6,
			Meaning: "online public services at level 4; since Decree 42/2022/NĐ-CP reports also call them \"DVCTT toàn trình\" (end-to-end online services)",
			Wording: `"DVCTT mức độ 4: 712"`},
		{Code: "dvc.level4_rate", Unit: "percent", Label: "Tỷ lệ DVCTT mức độ 4", Key: 7,
			Meaning: "share of procedures offered at level 4, as stated",
			Wording: `"tỷ lệ triển khai DVCTT mức độ 4 của tỉnh đạt 46,14%"`},
		{Code: "dvc.level3_with_records", Unit: "count", Label: "DVCTT mức độ 3 có phát sinh hồ sơ",
			Meaning: "level-3 services that received at least one application",
			Wording: `"Số lượng DVCTT mức độ 3 có phát sinh hồ sơ: 191"; "Có 16 DVCTT mức độ 3 có phát sinh hồ sơ"`},
		{Code: "dvc.level4_with_records", Unit: "count", Label: "DVCTT mức độ 4 có phát sinh hồ sơ",
			Meaning: "level-4 services that received at least one application",
			Wording: `"Số lượng DVCTT mức độ 4 có phát sinh hồ sơ: 258"`},
		{Code: "dvc.national_portal", Unit: "count", Label: "DVCTT trên Cổng DVC quốc gia", Key: 8,
			Meaning: "online public services integrated into / offered on the National Public Service Portal",
			Wording: `"trong đó có 553 dịch vụ công cung cấp trực tuyến"; "Đã tích hợp 835 DVCTT mức độ 3, 4 lên Cổng dịch vụ công Quốc gia"`},
	},
	Rules: []Rule{
		// dvc.level3 / dvc.level4
		{ID: "dvc.level3.label", Metric: "dvc.level3", Priority: 30,
			Pattern:    `{DVC}\s*{L3}\s*(?::|là|có)\s*{N}(?:\s*hồ sơ)?`,
			RejectNear: `{PORTAL}|tích hợp|hồ sơ[^.;]{0,30}?(?:của|qua)\s*(?:các\s*)?(?:dvctt|dịch vụ công|dvc)`, Reject: `phát sinh|hồ sơ|{TL}`},
		{ID: "dvc.level3.count-first", Metric: "dvc.level3", Priority: 25,
			Pattern:    `{N}\s*(?:{DVC}|dịch vụ)\s*{L3}(?:\s*(?:,|và)\s*4\b)?(?:\s*(?:và|,)\s*\d[\d.]*\s*(?:{DVC}|dịch vụ)\s*{L4})?(?:\s*\([^)]{0,20}\))?(?:\s*(?:có\s*)?phát sinh)?`,
			RejectNear: `{PORTAL}|tích hợp`, Reject: `phát sinh|mức độ 3\s*(?:,|và)\s*4\b`,
			Require: `.`},
		{ID: "dvc.level3.tthc-first", Metric: "dvc.level3", Priority: 25,
			Pattern:    `{N}\s*(?:TTHC|thủ tục(?: hành chính)?)\s*(?:được\s*)?(?:cung cấp\s*)?(?:dưới hình thức\s*)?(?:{DVC}\s*)?(?:trực tuyến\s*)?{L3}(?:\s*(?:,|và)\s*4\b)?`,
			RejectNear: `{PORTAL}|tích hợp`, Reject: `mức độ 3\s*(?:,|và)\s*4|phát sinh`},
		{ID: "dvc.level4.tthc-first", Metric: "dvc.level4", Priority: 25,
			Pattern:    `{N}\s*(?:TTHC|thủ tục(?: hành chính)?)\s*(?:được\s*)?(?:cung cấp\s*)?(?:dưới hình thức\s*)?(?:{DVC}\s*)?(?:trực tuyến\s*)?{L4}`,
			RejectNear: `{PORTAL}|tích hợp`, Reject: `phát sinh`},
		{ID: "dvc.level4.label", Metric: "dvc.level4", Priority: 30,
			Pattern:    `{DVC}\s*{L4}\s*(?::|là|có)\s*{N}(?:\s*hồ sơ)?`,
			RejectNear: `{PORTAL}|tích hợp|hồ sơ[^.;]{0,30}?(?:của|qua)\s*(?:các\s*)?(?:dvctt|dịch vụ công|dvc)`, Reject: `phát sinh|hồ sơ|{TL}`},
		{ID: "dvc.level4.count-first", Metric: "dvc.level4", Priority: 25,
			Pattern:    `{N}\s*(?:{DVC}|dịch vụ)\s*{L4}(?:\s*(?:,|và)\s*4\b)?(?:\s*(?:và|,)\s*\d[\d.]*\s*(?:{DVC}|dịch vụ)\s*{L3})?(?:\s*\([^)]{0,20}\))?(?:\s*(?:có\s*)?phát sinh)?`,
			RejectNear: `{PORTAL}|tích hợp`, Reject: `phát sinh|mức độ 3\s*(?:,|và)\s*4\b`},
		{ID: "dvc.level3.total-row", Metric: "dvc.level3", Priority: 25,
			Pattern: `^{TOTAL}\s*(?:số\s*)?(?:{DVC}\s*)?{L3}\s*:\s*{N}$`},
		{ID: "dvc.level4.total-row", Metric: "dvc.level4", Priority: 25,
			Pattern: `^{TOTAL}\s*(?:số\s*)?(?:{DVC}\s*)?{L4}\s*:\s*{N}$`},
		{ID: "dvc.level4_rate.stated", Metric: "dvc.level4_rate", Priority: 30,
			Pattern: `{TL}\s*(?:triển khai|cung cấp|đạt)?\s*(?:{DVC}|TTHC|thủ tục hành chính)?\s*(?:được\s*)?(?:cung cấp\s*)?(?:trực tuyến\s*)?{L4}[^.;:%]{0,40}?(?:đạt|là|:)\s*{P}`,
			Reject:  `hồ sơ|phát sinh`},
		{ID: "dvc.level4_rate.pct-first", Metric: "dvc.level4_rate", Priority: 20,
			Pattern: `{P}\s*(?:số\s*)?(?:TTHC|thủ tục hành chính)\s*(?:được\s*)?(?:cung cấp\s*)?(?:dưới dạng\s*)?{DVC}?\s*{L4}`,
			Reject:  `đủ điều kiện`},
		{ID: "dvc.level3_with_records.label", Metric: "dvc.level3_with_records", Priority: 30,
			Pattern: `{DVC}\s*{L3}\s*có phát sinh hồ sơ\s*(?::|là)\s*{N}`},
		{ID: "dvc.level3_with_records.count-first", Metric: "dvc.level3_with_records", Priority: 25,
			Pattern: `{N}\s*(?:{DVC}|dịch vụ)\s*{L3}(?:\s*\([^)]{0,20}\))?\s*(?:có\s*)?phát sinh hồ sơ`},
		{ID: "dvc.level3_with_records.pair", Metric: "dvc.level3_with_records", Priority: 25,
			Pattern: `{N}\s*(?:{DVC}|dịch vụ)\s*{L3}\s*(?:và|,)\s*\d[\d.]*\s*(?:{DVC}|dịch vụ)\s*{L4}\s*(?:có\s*)?phát sinh hồ sơ`},
		{ID: "dvc.level3_with_records.pair2", Metric: "dvc.level3_with_records", Priority: 25,
			Pattern: `(?:{DVC}|dịch vụ)\s*{L4}\s*(?:và|,)\s*{N}\s*(?:{DVC}|dịch vụ)\s*{L3}\s*(?:có\s*)?phát sinh hồ sơ`},
		{ID: "dvc.level4_with_records.pair", Metric: "dvc.level4_with_records", Priority: 25,
			Pattern: `{N}\s*(?:{DVC}|dịch vụ)\s*{L4}\s*(?:và|,)\s*\d[\d.]*\s*(?:{DVC}|dịch vụ)\s*{L3}\s*(?:có\s*)?phát sinh hồ sơ`},
		{ID: "dvc.level4_with_records.pair2", Metric: "dvc.level4_with_records", Priority: 25,
			Pattern: `(?:{DVC}|dịch vụ)\s*{L3}\s*(?:và|,)\s*{N}\s*(?:{DVC}|dịch vụ)\s*{L4}\s*(?:có\s*)?phát sinh hồ sơ`},
		{ID: "dvc.level4_with_records.label", Metric: "dvc.level4_with_records", Priority: 30,
			Pattern: `{DVC}\s*{L4}\s*có phát sinh hồ sơ\s*(?::|là)\s*{N}`},
		{ID: "dvc.level4_with_records.count-first", Metric: "dvc.level4_with_records", Priority: 25,
			Pattern: `{N}\s*(?:{DVC}|dịch vụ)\s*{L4}(?:\s*\([^)]{0,20}\))?\s*(?:có\s*)?phát sinh hồ sơ`},
		{ID: "dvc.national_portal.integrated", Metric: "dvc.national_portal", Priority: 30,
			Pattern: `(?:tích hợp|đồng bộ|kết nối|cung cấp|công khai)\s*(?:được\s*)?{N}\s*(?:{DVC}|thủ tục hành chính|TTHC)[^.;]{0,60}?(?:lên|trên|với|vào)\s*(?:{PORTAL})`},
		{ID: "dvc.national_portal.label", Metric: "dvc.national_portal", Priority: 30,
			Pattern: `(?:{DVC}|TTHC)[^.;:\d]{0,40}?(?:tích hợp|cung cấp)[^.;:\d]{0,30}?(?:lên|trên)\s*(?:{PORTAL})\s*(?::|là)\s*{N}`},
		{ID: "dvc.national_portal.online-on-portal", Metric: "dvc.national_portal", Priority: 25,
			Pattern: `trong đó(?: có)?\s*{N}\s*(?:{DVC}|TTHC|thủ tục hành chính)\s*(?:được\s*)?(?:cung cấp\s*)?trực tuyến`,
			Require: `{PORTAL}`},
	},
	Context: []ContextRule{
		// Online services.
		{ID: "ctx.dvc.level4_with_records", Metric: "dvc.level4_with_records", Topic: "dvc_records", Kind: normalize.Count, Label: `{L4}\s*(?::|là)?\s*$`},
		{ID: "ctx.dvc.level3_with_records", Metric: "dvc.level3_with_records", Topic: "dvc_records", Kind: normalize.Count, Label: `{L3}\s*(?::|là)?\s*$`},
		{ID: "ctx.dvc.level4", Metric: "dvc.level4", Topic: "dvc", Kind: normalize.Count, Label: `{L4}\s*(?::|là|có)?\s*$`, NotNear: `hồ sơ|phát sinh|quốc gia`},
		{ID: "ctx.dvc.level3", Metric: "dvc.level3", Topic: "dvc", Kind: normalize.Count, Label: `{L3}\s*(?::|là|có)?\s*$`, NotNear: `hồ sơ|phát sinh|quốc gia`},
		{ID: "ctx.dvc.level4.noun", Metric: "dvc.level4", Topic: "dvc", Kind: normalize.Count, Noun: `^\s*(?:dịch vụ công trực tuyến|dvctt|dịch vụ công|dịch vụ)\s*{L4}`, NotNear: `phát sinh|quốc gia|tích hợp`},
		{ID: "ctx.dvc.level3.noun", Metric: "dvc.level3", Topic: "dvc", Kind: normalize.Count, Noun: `^\s*(?:dịch vụ công trực tuyến|dvctt|dịch vụ công|dịch vụ)\s*{L3}`, NotNear: `phát sinh|quốc gia|tích hợp`},
		{ID: "ctx.dvc.level4_rate", Metric: "dvc.level4_rate", Topic: "dvc", Kind: normalize.Percent, Label: `{L4}[^%]{0,40}(?:{TL}|đạt|chiếm)\s*:?\s*$`, NotNear: `hồ sơ|phát sinh`},
		{ID: "ctx.dvc.national_portal", Metric: "dvc.national_portal", Topic: "dvc", Kind: normalize.Count, Noun: `^\s*(?:dịch vụ công trực tuyến|dvctt|dịch vụ công)[^.;]{0,60}(?:{PORTAL})`, NotNear: `hồ sơ`},
	},
	Relations: []Relation{
		{ID: "dvc.level4_rate", Kind: Ratio, Whole: "dvc.level4_rate", Terms: []string{"dvc.level4"}, Den: "tthc.total"},
		shareBound("dvc.level4_rate"),
		{ID: "dvc.level4_with_records", Kind: PartOf, Whole: "dvc.level4", Terms: []string{"dvc.level4_with_records"}},
		{ID: "dvc.level3_with_records", Kind: PartOf, Whole: "dvc.level3", Terms: []string{"dvc.level3_with_records"}},
	},
}

func init() { register(&services) }
