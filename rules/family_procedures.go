package rules

import (
	"github.com/baocao/baocao/normalize"
	"github.com/baocao/baocao/rules/report"
)

// procedures is the family of administrative procedures (thủ tục hành
// chính, TTHC): how many the province offers on its public-service portal
// and one-stop system, and how many at each level of government.
//
// Wording differs between provinces and years: "thủ tục hành chính" or
// "TTHC" ({TTHC}); in centrally run cities the levels are "cấp thành phố
// / quận, huyện / phường, xã". Figures come before or after their nouns.
// Procedures updated on the National Public Service Portal ({PORTAL})
// are not the province's.
var procedures = Family{
	Name:  "procedures",
	Title: "Administrative procedures (thủ tục hành chính, TTHC) the province offers, by level of government",
	Order: 10,
	Words: []string{"thủ tục", "tthc"},
	Topics: []Topic{
		{Name: "tthc", Words: []string{"thủ tục hành chính", "tthc"}},
	},
	Macros: map[string]string{
		"{TTHC}": `(?:thủ tục hành chính|TTHC|thủ tục)`,
	},
	Metrics: []report.Metric{
		{Code: "tthc.total", Unit: "count", Label: "Tổng số thủ tục hành chính", Key: 1,
			Meaning: "administrative procedures (TTHC) offered on the province's public-service portal / one-stop system, all levels",
			Wording: `"cung cấp: 1.543 thủ tục hành chính"; "cung cấp: 1.774 thủ tục hành chính"`},
		{Code: "tthc.provincial", Unit: "count", Label: "TTHC cấp tỉnh", Key: 2,
			Meaning: "of tthc.total, provincial level",
			Wording: `"cấp tỉnh: 1.249 TTHC"; "Tỉnh: 1.423 TTHC"`},
		{Code: "tthc.district", Unit: "count", Label: "TTHC cấp huyện", Key: 3,
			Meaning: "of tthc.total, district level",
			Wording: `"cấp huyện: 191 TTHC"; "huyện: 229 TTHC"`},
		{Code: "tthc.commune", Unit: "count", Label: "TTHC cấp xã", Key: 4,
			Meaning: "of tthc.total, commune level",
			Wording: `"cấp xã: 103 TTHC"; "xã: 100 TTHC"`},
		{Code: "tthc.multilevel", Unit: "count", Label: "TTHC chung nhiều cấp",
			Meaning: "of tthc.total, procedures shared by several levels",
			Wording: `"chung 3 cấp: 22 TTHC"`},
	},
	Rules: []Rule{
		// tthc.total
		{ID: "tthc.total.provide", Metric: "tthc.total", Priority: 30,
			Pattern:    `(?:cung cấp|công bố|công khai|niêm yết|triển khai|tiếp nhận(?: và)? giải quyết|gồm|có tổng(?: số)?)\s*(?:tổng số\s*)?(?:là\s*)?:?\s*{N}\s*(?:thủ tục hành chính|TTHC)`,
			RejectNear: `{PORTAL}|cơ sở dữ liệu quốc gia|bưu chính`,
			Reject:     `mức|phát sinh|trực tuyến\s*$|cấp (?:tỉnh|huyện|xã)|lĩnh vực`},
		{ID: "tthc.total.sum-label", Metric: "tthc.total", Priority: 30,
			Pattern:    `tổng(?: số| cộng)?\s*(?:số\s*)?(?:lượng\s*)?(?:thủ tục hành chính|TTHC)[^.;:()]{0,60}?(?::|là|có|gồm)\s*{N}`,
			RejectNear: `{PORTAL}|bưu chính`,
			Reject:     `mức độ \d|phát sinh|trực tuyến|hồ sơ|bưu chính`},
		{ID: "tthc.total.set", Metric: "tthc.total", Priority: 20,
			Pattern:    `bộ (?:thủ tục hành chính|TTHC)[^.;:()]{0,50}?(?:gồm|có|là|với)\s*{N}\s*(?:thủ tục|TTHC)?`,
			RejectNear: `{PORTAL}`},
		{ID: "tthc.total.count-first", Metric: "tthc.total", Priority: 10,
			Pattern:    `{N}\s*(?:thủ tục hành chính|TTHC)\s*(?:\((?:cấp tỉnh|tỉnh|trong đó)|, trong đó|thuộc thẩm quyền giải quyết của (?:các )?cấp)`,
			RejectNear: `{PORTAL}`},
		// tthc by level
		{ID: "tthc.provincial.label", Metric: "tthc.provincial", Priority: 30,
			Pattern: `(?:(?:^|[(,;]\s*)(?:tỉnh|thành phố)|cấp tỉnh|cấp thành phố)\s*(?::|là|có)\s*{N}\s*(?:thủ tục|TTHC)`},
		{ID: "tthc.provincial.label-table", Metric: "tthc.provincial", Priority: 25,
			Pattern: `^(?:TTHC\s*)?cấp (?:tỉnh|thành phố)\s*(?:[-–]\s*)?(?:tổng\s*)?(?:số\s*)?(?:lượng\s*)?(?:thủ tục hành chính|TTHC)?\s*:\s*{N}$`},
		{ID: "tthc.provincial.count-first", Metric: "tthc.provincial", Priority: 25,
			Pattern:    `{N}\s*{TTHC}\s*(?:thuộc thẩm quyền (?:giải quyết )?(?:của )?)?(?:cấp tỉnh|cấp thành phố)`,
			RejectNear: `{PORTAL}`},
		{ID: "tthc.district.label", Metric: "tthc.district", Priority: 30,
			Pattern: `(?:(?:^|[(,;]\s*)(?:huyện|quận, huyện|quận/huyện)|cấp huyện|cấp quận|cấp quận, huyện)\s*(?::|là|có)\s*{N}\s*(?:thủ tục|TTHC)`},
		{ID: "tthc.district.label-table", Metric: "tthc.district", Priority: 25,
			Pattern: `^(?:TTHC\s*)?cấp (?:huyện|quận|quận, huyện)\s*(?:[-–]\s*)?(?:tổng\s*)?(?:số\s*)?(?:lượng\s*)?(?:thủ tục hành chính|TTHC)?\s*:\s*{N}$`},
		{ID: "tthc.district.count-first", Metric: "tthc.district", Priority: 25,
			Pattern:    `{N}\s*{TTHC}\s*(?:thuộc thẩm quyền (?:giải quyết )?(?:của )?)?(?:cấp huyện|cấp quận)`,
			RejectNear: `{PORTAL}`},
		{ID: "tthc.commune.label", Metric: "tthc.commune", Priority: 30,
			Pattern: `(?:(?:^|[(,;]\s*)(?:xã|phường, xã|xã, phường|phường/xã)|cấp xã|cấp phường|cấp xã, phường|cấp phường, xã)\s*(?::|là|có)\s*{N}\s*(?:thủ tục|TTHC)`},
		{ID: "tthc.commune.label-table", Metric: "tthc.commune", Priority: 25,
			Pattern: `^(?:TTHC\s*)?cấp (?:xã|phường|phường, xã|xã, phường)\s*(?:[-–]\s*)?(?:tổng\s*)?(?:số\s*)?(?:lượng\s*)?(?:thủ tục hành chính|TTHC)?\s*:\s*{N}$`},
		{ID: "tthc.commune.count-first", Metric: "tthc.commune", Priority: 25,
			Pattern:    `{N}\s*{TTHC}\s*(?:thuộc thẩm quyền (?:giải quyết )?(?:của )?)?(?:cấp xã|cấp phường)`,
			RejectNear: `{PORTAL}`},
		{ID: "tthc.multilevel.label", Metric: "tthc.multilevel", Priority: 30,
			Pattern: `(?:chung (?:\d|hai|ba|các|nhiều) cấp|liên thông (?:\d|hai|ba|các|nhiều) cấp|nhiều cấp)\s*(?::|là|có)?\s*{N}\s*(?:thủ tục|TTHC)?`},
		{ID: "tthc.multilevel.count-first", Metric: "tthc.multilevel", Priority: 25,
			Pattern: `{N}\s*{TTHC}\s*(?:chung|liên thông)\s*(?:\d|hai|ba|các|nhiều) cấp`},
	},
	Context: []ContextRule{
		// TTHC by level.
		{ID: "ctx.tthc.provincial", Metric: "tthc.provincial", Topic: "tthc", Kind: normalize.Count, Label: `(?:^(?:tỉnh|thành phố)|cấp tỉnh|cấp thành phố)\s*(?::|là|có)?\s*$`},
		{ID: "ctx.tthc.district", Metric: "tthc.district", Topic: "tthc", Kind: normalize.Count, Label: `(?:^(?:huyện|quận, huyện|quận/huyện)|cấp huyện|cấp quận, huyện|cấp quận)(?:,\s*[\p{L} ]{1,30})?\s*(?::|là|có)?\s*$`},
		{ID: "ctx.tthc.commune", Metric: "tthc.commune", Topic: "tthc", Kind: normalize.Count, Label: `(?:^(?:xã|phường, xã|xã, phường)|cấp xã|cấp phường, xã|cấp xã, phường|cấp phường)(?:,\s*[\p{L} ]{1,30})?\s*(?::|là|có)?\s*$`},
		{ID: "ctx.tthc.total", Metric: "tthc.total", Topic: "tthc", Kind: normalize.Count, Noun: `^\s*{TTHC}`,
			Label: `(?:cung cấp|vận hành|công bố|công khai|tổng số|tổng cộng|gồm|có|là|đạt|:)\s*$`, NotNear: `mức độ|toàn trình|một phần|phát sinh|bưu chính|{PORTAL}|đủ điều kiện|cắt giảm|đơn giản hóa|sửa đổi|bãi bỏ`},
	},
	Relations: []Relation{
		{ID: "tthc.parts", Kind: Sum, Whole: "tthc.total",
			Terms: []string{"tthc.provincial", "tthc.district", "tthc.commune"}, Optional: []string{"tthc.multilevel"}},
	},
}

func init() { register(&procedures) }
