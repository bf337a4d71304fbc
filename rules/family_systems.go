package rules

import (
	"github.com/baocao/baocao/normalize"
	"github.com/baocao/baocao/rules/report"
)

// systems is the family of information systems (hệ thống thông tin,
// HTTT) classified by security level, and those whose level-2 or level-3
// dossier is approved.
var systems = Family{
	Name:  "systems",
	Title: "Information systems by security level",
	Order: 90,
	Words: []string{"hệ thống", "httt", "cấp độ"},
	Topics: []Topic{
		// "Hệ thống thông tin" names the topic only as the noun of a
		// figure ("48 hệ thống thông tin"): before one it is as often
		// "Hệ thống thông tin một cửa điện tử" as an information system.
		{Name: "httt", Words: []string{"httt", "cấp độ an toàn", "cấp độ 2", "cấp độ 3", "cấp độ ii", "cấp độ iii", "hệ thống thông tin cấp độ"},
			NounWords: []string{"hệ thống thông tin"}},
	},
	Metrics: []report.Metric{
		{Code: "httt.total", Unit: "count", Label: "Hệ thống thông tin",
			Meaning: "information systems in the province subject to security-level classification",
			Wording: `"Toàn tỉnh có khoảng 35 HTTT"`},
		{Code: "httt.level2_approved", Unit: "count", Label: "HTTT cấp độ 2 đã phê duyệt",
			Meaning: "information systems with an approved level-2 security dossier",
			Wording: `"Số lượng hệ thống thông tin cấp độ 2 đã phê duyệt là 13"; "20 HTTT cấp độ 2"`},
		{Code: "httt.level3_approved", Unit: "count", Label: "HTTT cấp độ 3 đã phê duyệt",
			Meaning: "information systems with an approved level-3 security dossier",
			Wording: `"cấp độ 3 đã phê duyệt là 04 hệ thống"; "02 HTTT cấp độ 3"`},
	},
	Rules: []Rule{
		{ID: "httt.total.count-first", Metric: "httt.total", Priority: 30,
			Pattern: `(?:có|toàn tỉnh có|toàn thành phố có|tổng số|tổng cộng|đã xác định|xác định)\s*{N}\s*(?:HTTT|hệ thống thông tin)`,
			Reject:  `cấp độ`, RejectSeg: `kiểm tra|đánh giá đối với`},
		{ID: "httt.total.label", Metric: "httt.total", Priority: 25,
			Pattern: `tổng\s*số\s*(?:HTTT|hệ thống thông tin)[^.;:\d]{0,40}?(?::|là)\s*{N}`,
			Reject:  `cấp độ (?:[23]|ii|iii)|phê duyệt`},
		{ID: "httt.level2_approved.label", Metric: "httt.level2_approved", Priority: 30,
			Pattern: `(?:HTTT|hệ thống thông tin)\s*cấp độ (?:2|II)[^.;:\d]{0,30}?(?:đã\s*)?(?:được\s*)?(?:phê\s*)?duyệt(?:\s*hồ sơ(?: đề xuất)?(?: cấp độ)?)?\s*(?::|là)?\s*{N}`},
		{ID: "httt.level2_approved.count-first", Metric: "httt.level2_approved", Priority: 25,
			Pattern: `{N}\s*(?:HTTT|hệ thống thông tin|hệ thống)\s*(?:ở\s*|theo\s*)?cấp độ (?:2|II)\b`,
			Require: `duyệt`},
		{ID: "httt.level3_approved.label", Metric: "httt.level3_approved", Priority: 30,
			Pattern: `(?:HTTT|hệ thống thông tin)?\s*cấp độ (?:3|III)[^.;:\d]{0,30}?(?:đã\s*)?(?:được\s*)?(?:phê\s*)?duyệt(?:\s*hồ sơ(?: đề xuất)?(?: cấp độ)?)?\s*(?::|là)?\s*{N}`},
		{ID: "httt.level3_approved.count-first", Metric: "httt.level3_approved", Priority: 25,
			Pattern: `{N}\s*(?:HTTT|hệ thống thông tin|hệ thống)\s*(?:ở\s*|theo\s*)?cấp độ (?:3|III)\b`,
			Require: `duyệt`},
	},
	Context: []ContextRule{
		// Information systems by security level. "duyệt" alone: "đã
		// duyệt hồ sơ đề xuất cấp độ" is said too, and OCR misreads
		// "phê" ("gắn duyệt").
		{ID: "ctx.httt.level2", Metric: "httt.level2_approved", Topic: "httt", Kind: normalize.Count, Label: `cấp độ (?:2|ii)[^;]{0,12}$`, Para: `duyệt`},
		{ID: "ctx.httt.level3", Metric: "httt.level3_approved", Topic: "httt", Kind: normalize.Count, Label: `cấp độ (?:3|iii)[^;]{0,12}$`, Para: `duyệt`},
		{ID: "ctx.httt.total", Metric: "httt.total", Topic: "httt", Kind: normalize.Count, Noun: `^\s*(?:hệ thống thông tin|httt)`, Label: `(?:có|xác định|tổng số|toàn tỉnh có|gồm)\s*(?:được\s*)?$`, NotNear: `cấp độ (?:[23]|ii|iii)|kiểm tra|đánh giá|phê duyệt`},
	},
	Relations: []Relation{
		{ID: "httt.approved", Kind: PartOf, Whole: "httt.total", Terms: []string{"httt.level2_approved", "httt.level3_approved"}},
	},
}

func init() { register(&systems) }
