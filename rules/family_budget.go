package rules

import (
	"github.com/baocao/baocao/normalize"
	"github.com/baocao/baocao/rules/report"
)

// budget is the family of the budget stated in the text: the total for
// digital-government tasks and the share for information security. The
// rows of budget tables are read apart (budgetItems), and their sum is no
// stated total.
var budget = Family{
	Name:  "budget",
	Title: "Budget for digital government and information security",
	Order: 120,
	Words: []string{"đồng", "vnd", "vnđ", " đ"},
	Topics: []Topic{
		{Name: "budget", Words: []string{"kinh phí", "ngân sách", "tổng vốn", "nguồn vốn"}},
	},
	Metrics: []report.Metric{
		{Code: "budget.total_vnd", Unit: "vnd", Label: "Tổng kinh phí", Key: 21,
			Meaning: "stated total budget for digital-government tasks in the period, in đồng",
			Wording: `"năm 2021: 29.473,482 triệu đồng"`},
		{Code: "budget.security_vnd", Unit: "vnd", Label: "Kinh phí an toàn thông tin", Key: 22,
			Meaning: "of budget.total_vnd, for information security, in đồng",
			Wording: `"Kinh phí cho các nhiệm vụ, dự án về an toàn thông tin mạng: 3.432 triệu đồng"`},
	},
	Rules: []Rule{
		{ID: "budget.total_vnd.stated", Metric: "budget.total_vnd", Priority: 30,
			Pattern: `(?:tổng\s*)?(?:kinh phí|nguồn vốn|vốn)[^.;:]{0,140}?(?::|là|đạt)\s*{M}`,
			Reject:  `^kinh phí[^:]{0,30}(?:an toàn thông tin|ATTT|an ninh mạng)|dự kiến|kế hoạch năm`},
		// "kinh phí khoảng 12 tỷ đồng": the qualifier is the separator,
		// and stays the figure's.
		{ID: "budget.total_vnd.qualified", Metric: "budget.total_vnd", Priority: 30,
			Pattern: `(?:tổng\s*)?(?:kinh phí|nguồn vốn|vốn)[^.;:]{0,100}?\s{QUAL}{M}`,
			Reject:  `^kinh phí[^:]{0,30}(?:an toàn thông tin|ATTT|an ninh mạng)|dự kiến|kế hoạch năm`},
		{ID: "budget.security_vnd.stated", Metric: "budget.security_vnd", Priority: 30,
			Pattern: `kinh phí[^.;:\d]{0,30}?(?:an toàn thông tin|ATTT|an toàn, an ninh)[^.;:\d]{0,40}?(?::|là|đạt)?\s*{M}`,
			Reject:  `chính quyền số|chính quyền điện tử|chuyển đổi số`},
	},
	Context: []ContextRule{
		// Budget.
		{ID: "ctx.budget.security", Metric: "budget.security_vnd", Topic: "budget", Kind: normalize.Money, Label: `(?:an toàn thông tin|attt|an toàn, an ninh)[^;]{0,30}$`},
	},
}

func init() { register(&budget) }
