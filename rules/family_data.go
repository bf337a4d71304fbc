package rules

import (
	"github.com/baocao/baocao/normalize"
	"github.com/baocao/baocao/rules/report"
)

// data is the family of the province's shared databases (cơ sở dữ liệu
// dùng chung).
var data = Family{
	Name:  "data",
	Title: "Shared databases",
	Order: 110,
	Words: []string{"dữ liệu", "csdl"},
	Topics: []Topic{
		{Name: "data", Words: []string{"cơ sở dữ liệu dùng chung", "csdl dùng chung"}},
	},
	Metrics: []report.Metric{
		{Code: "data.shared_databases", Unit: "count", Label: "CSDL dùng chung",
			Meaning: "shared provincial databases completed",
			Wording: `"Tỉnh đã hoàn thiện 25 cơ sở dữ liệu (CSDL) dùng chung"`},
	},
	Rules: []Rule{
		{ID: "data.shared_databases.count", Metric: "data.shared_databases", Priority: 30,
			Pattern: `(?:hoàn thiện|xây dựng|triển khai|có|hoàn thành|đưa vào sử dụng|đưa vào vận hành|đưa vào khai thác)\s*(?:được\s*)?{N}\s*(?:cơ sở dữ liệu|CSDL)(?:\s*\([^)]{0,10}\))?\s*dùng chung`},
		{ID: "data.shared_databases.label", Metric: "data.shared_databases", Priority: 25,
			Pattern: `(?:số\s*)?(?:lượng\s*)?(?:CSDL|cơ sở dữ liệu) dùng chung[^.;:\d]{0,30}?(?::|là|đã xây dựng|đã hoàn thành|đưa vào sử dụng)\s*{N}`},
	},
	Context: []ContextRule{
		// Shared databases.
		{ID: "ctx.data.shared_databases", Metric: "data.shared_databases", Topic: "data", Kind: normalize.Count, Label: `(?:đã xây dựng|hoàn thiện|đưa vào sử dụng)\s*:?\s*$`},
	},
}

func init() { register(&data) }
