package rules

import (
	"github.com/baocao/baocao/normalize"
	"github.com/baocao/baocao/rules/report"
)

// payment is the family of online payments: transactions, successful
// transactions and the amount paid.
var payment = Family{
	Name:  "payment",
	Title: "Online payment of fees",
	Order: 40,
	Words: []string{"thanh toán", "giao dịch"},
	Topics: []Topic{
		{Name: "payment", Words: []string{"thanh toán", "giao dịch"}},
	},
	Metrics: []report.Metric{
		{Code: "payment.transactions", Unit: "count", Label: "Giao dịch thanh toán trực tuyến",
			Meaning: "online payment transactions",
			Wording: `"có 4.082 giao dịch thanh toán trực tuyến"`},
		{Code: "payment.successful", Unit: "count", Label: "Giao dịch thanh toán thành công",
			Meaning: "successful online payment transactions",
			Wording: `"trong đó có 2.197 giao dịch thành công"`},
		{Code: "payment.amount_vnd", Unit: "vnd", Label: "Số tiền thanh toán trực tuyến",
			Meaning: "amount paid online, in đồng",
			Wording: `"với tổng số tiền thanh toán là hơn 4,9 tỷ đồng"`},
	},
	Rules: []Rule{
		// payment
		{ID: "payment.transactions.count", Metric: "payment.transactions", Priority: 30,
			// "58.297 giao dịch thanh toán trực tuyến thành công" are the
			// successful ones: the word after the noun is read too.
			Pattern: `{N}\s*(?:giao dịch|lượt giao dịch|lượt) thanh toán(?: trực tuyến| điện tử| qua mạng)?(?:\s*thành công)?`,
			Reject:  `thành công`},
		{ID: "payment.transactions.label", Metric: "payment.transactions", Priority: 30,
			Pattern: `(?:tổng\s*)?số\s*(?:lượng\s*)?(?:giao dịch|lượt) thanh toán(?: trực tuyến)?\s*(?::|là)\s*{N}`,
			Reject:  `thành công`},
		// "về thanh toán trực tuyến …, tỉnh thuộc tốp khá với tổng số giao
		// dịch 8.701, tỷ lệ giao dịch thành công 45,37%".
		{ID: "payment.transactions.total", Metric: "payment.transactions", Priority: 30,
			Pattern: `tổng số giao dịch(?: thanh toán)?(?: trực tuyến)?\s*(?::|là|đạt)?\s*{N}`,
			Require: `thanh toán`, Reject: `thành công`},
		{ID: "payment.successful.count", Metric: "payment.successful", Priority: 30,
			Pattern: `{N}\s*(?:giao dịch|lượt giao dịch|lượt)(?: thanh toán)?(?: trực tuyến)? thành công`},
		{ID: "payment.successful.label", Metric: "payment.successful", Priority: 30,
			Pattern: `(?:giao dịch|lượt)(?: thanh toán)?(?: trực tuyến)? thành công\s*(?::|là)\s*{N}`},
		{ID: "payment.amount_vnd.amount", Metric: "payment.amount_vnd", Priority: 30,
			Pattern: `(?:tổng\s*)?số tiền(?: đã)?(?: thanh toán| được thanh toán)?(?: trực tuyến)?\s*(?::|là|đạt)?\s*{M}`,
			Require: `thanh toán`},
		{ID: "payment.amount_vnd.with", Metric: "payment.amount_vnd", Priority: 20,
			Pattern: `thanh toán trực tuyến[^.;]{0,60}?(?:với|tổng|trị giá|giá trị)[^.;\d]{0,20}?{M}`},
	},
	Context: []ContextRule{
		// Payment.
		{ID: "ctx.payment.successful", Metric: "payment.successful", Topic: "payment", Kind: normalize.Count, Noun: `^\s*(?:giao dịch|lượt)[^,;.]{0,20}thành công`},
		{ID: "ctx.payment.successful.label", Metric: "payment.successful", Topic: "payment", Kind: normalize.Count, Label: `thành công\s*:?\s*$`},
		{ID: "ctx.payment.transactions", Metric: "payment.transactions", Topic: "payment", Kind: normalize.Count, Noun: `^\s*(?:giao dịch|lượt giao dịch)`, NotNear: `thành công`},
	},
	Relations: []Relation{
		{ID: "payment.successful", Kind: PartOf, Whole: "payment.transactions", Terms: []string{"payment.successful"}},
	},
}

func init() { register(&payment) }
