package rules

import (
	"github.com/baocao/baocao/normalize"
	"github.com/baocao/baocao/rules/report"
)

// staff is the family of dedicated IT staff (cán bộ chuyên trách CNTT)
// in state agencies, in provincial departments and in districts.
var staff = Family{
	Name:  "staff",
	Title: "Dedicated IT staff in state agencies",
	Order: 100,
	Words: []string{"người", "cán bộ", "chuyên trách", "công chức"},
	Topics: []Topic{
		{Name: "staff", Words: []string{"chuyên trách cntt", "chuyên trách về cntt", "chuyên trách công nghệ thông tin", "chuyên trách về công nghệ thông tin",
			"cntt chuyên trách", "công nghệ thông tin chuyên trách",
			"nhân lực cntt", "nhân lực công nghệ thông tin", "cán bộ cntt", "cán bộ công nghệ thông tin"}},
	},
	Metrics: []report.Metric{
		{Code: "staff.it_total", Unit: "count", Label: "Cán bộ chuyên trách CNTT",
			Meaning: "dedicated IT staff in state agencies",
			Wording: `"Số lượng cán bộ chuyên trách về công nghệ thông tin tại các cơ quan nhà nước là 82 người"`},
		{Code: "staff.it_departments", Unit: "count", Label: "Cán bộ CNTT cấp sở",
			Meaning: "of staff.it_total, in provincial departments",
			Wording: `"tại các sở, ban, ngành 60 người"`},
		{Code: "staff.it_district", Unit: "count", Label: "Cán bộ CNTT cấp huyện",
			Meaning: "of staff.it_total, in district people's committees",
			Wording: `"tại UBND cấp huyện 22 người"`},
	},
	PerLevel: []string{"staff.it_departments", "staff.it_district"},
	Rules: []Rule{
		{ID: "staff.it_total.label", Metric: "staff.it_total", Priority: 30,
			Pattern: `(?:cán bộ|công chức|nhân lực|người)[^.;:\d]{0,20}?chuyên trách\s*(?:về\s*)?(?:công nghệ thông tin|CNTT)[^.;:\d]{0,80}?(?::|là|có)\s*{N}\s*(?:người|cán bộ)?`},
		{ID: "staff.it_total.count-first", Metric: "staff.it_total", Priority: 25,
			Pattern: `{N}\s*(?:người|cán bộ|công chức)\s*chuyên trách\s*(?:về\s*)?(?:CNTT|công nghệ thông tin)`},
		{ID: "staff.it_departments.at", Metric: "staff.it_departments", Priority: 30,
			Pattern: `(?:tại|ở|thuộc)\s*(?:các\s*)?(?:sở, ban, ngành|sở, ngành|cơ quan chuyên môn cấp tỉnh|cơ quan cấp tỉnh)\s*(?::|là|có)?\s*{N}\s*(?:người|cán bộ)`,
			Require: `chuyên trách|CNTT|công nghệ thông tin`},
		{ID: "staff.it_departments.count-first", Metric: "staff.it_departments", Priority: 25,
			Pattern: `{N}\s*(?:người|cán bộ)\s*(?:tại|ở|thuộc)\s*(?:các\s*)?(?:sở, ban, ngành|sở, ngành|cơ quan chuyên môn cấp tỉnh|cơ quan cấp tỉnh|cấp sở|cấp tỉnh)`,
			Require: `chuyên trách|CNTT|công nghệ thông tin`},
		{ID: "staff.it_district.at", Metric: "staff.it_district", Priority: 30,
			Pattern: `(?:tại|ở|thuộc)\s*(?:các\s*)?(?:UBND\s*)?(?:cấp huyện|các huyện|quận, huyện|huyện, thị xã, thành phố)\s*(?::|là|có)?\s*{N}\s*(?:người|cán bộ)`,
			Require: `chuyên trách|CNTT|công nghệ thông tin`},
		{ID: "staff.it_district.count-first", Metric: "staff.it_district", Priority: 25,
			Pattern: `{N}\s*(?:người|cán bộ)\s*(?:tại|ở|thuộc)\s*(?:các\s*)?(?:UBND\s*)?(?:cấp huyện|các huyện|quận, huyện|cấp quận, huyện|huyện, thị xã, thành phố)`,
			Require: `chuyên trách|CNTT|công nghệ thông tin`},
	},
	Context: []ContextRule{
		// Staff.
		{ID: "ctx.staff.departments", Metric: "staff.it_departments", Topic: "staff", Kind: normalize.Count, Label: `(?:cấp sở|cấp tỉnh|sở, ban, ngành|sở, ngành|cơ quan cấp tỉnh|cơ quan chuyên môn)\s*(?::|là|có)?\s*$`},
		{ID: "ctx.staff.district", Metric: "staff.it_district", Topic: "staff", Kind: normalize.Count, Label: `(?:ubnd\s*)?(?:các\s*|cấp\s*)?(?:huyện|quận)(?:,\s*(?:huyện|quận|thị xã|thành phố|thị trấn)(?:\s+\p{Lu}\p{L}*)*)*\s*(?::|là|có)?\s*$`},
		{ID: "ctx.staff.total", Metric: "staff.it_total", Topic: "staff", Kind: normalize.Count, Label: `(?:gồm|là|có|tổng số|tổng cộng|:)\s*$`, Noun: `^\s*(?:người|cán bộ|công chức)`, NotNear: `thạc sĩ|thạc sỹ|đại học|cao đẳng|trung cấp`},
	},
	Relations: []Relation{
		{ID: "staff.parts", Kind: Sum, Whole: "staff.it_total", Terms: []string{"staff.it_departments", "staff.it_district"}},
	},
}

func init() { register(&staff) }
