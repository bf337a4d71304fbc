package rules

import (
	"github.com/baocao/baocao/normalize"
	"github.com/baocao/baocao/rules/report"
)

// email is the family of official e-mail (thư điện tử công vụ).
var email = Family{
	Name:  "email",
	Title: "Official e-mail accounts",
	Order: 60,
	Words: []string{"thư", "email"},
	Topics: []Topic{
		{Name: "email", Words: []string{"thư điện tử", "hộp thư", "thư công vụ", "email"},
			NounWords: []string{"tài khoản thư", "tài khoản email"}},
	},
	Metrics: []report.Metric{
		{Code: "email.accounts", Unit: "count", Label: "Tài khoản thư điện tử công vụ", Key: 18,
			Meaning: "official e-mail accounts",
			Wording: `"Có trên 46.016 tài khoản thư điện tử công vụ"; "khoảng 7.000 tài khoản thư điện tử"`},
	},
	Rules: []Rule{
		{ID: "email.accounts.count-first", Metric: "email.accounts", Priority: 30,
			Pattern: `{N}\s*(?:tài khoản\s*(?:thư\s*(?:điện tử|công vụ|email)|điện tử|email)|hộp thư)(?:\s*(?:điện tử|công vụ))*`},
		{ID: "email.accounts.label", Metric: "email.accounts", Priority: 30,
			Pattern: `(?:số\s*)?(?:lượng\s*)?(?:tài khoản|hộp thư)\s*(?:thư\s*)?(?:điện tử|email)?\s*(?:công vụ)?\s*(?:đã\s*)?(?:được\s*)?(?:cấp\s*)?(?::|là)\s*{N}`},
	},
	Context: []ContextRule{
		// E-mail.
		{ID: "ctx.email.accounts", Metric: "email.accounts", Topic: "email", Kind: normalize.Count, Noun: `^\s*(?:tài khoản|hộp thư)`},
		{ID: "ctx.email.accounts.label", Metric: "email.accounts", Topic: "email", Kind: normalize.Count, Label: `(?:hộp thư|tài khoản)[^;]{0,30}(?:được cấp|đã cấp|là|:)\s*$`},
	},
}

func init() { register(&email) }
