package rules

import (
	"regexp"
	"strings"

	"github.com/baocao/baocao/extract"
	"github.com/baocao/baocao/normalize"
)

// vocabulary holds the macros of rule patterns that several families
// use. A macro a single family uses is declared with that family
// (Family.Macros).
var vocabulary = map[string]string{
	// A number with the qualifier phrase before it, if any. The number
	// is the group "n", the qualifier "q" and a scale word "s".
	// {N} is a count, {P} a percentage and {M} an amount of money.
	"{N}": `(?P<q>` + qualifierAlt + `\s+)?(?P<n>\d{1,3}(?:[.,]\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?)(?:\s+(?P<s>nghìn|ngàn|triệu)(?:\s|$))?`,
	"{P}": `(?P<q>` + qualifierAlt + `\s+)?(?P<n>\d+(?:[.,]\d+)?)\s*(?:%|phần trăm)`,
	"{M}": `(?P<q>` + qualifierAlt + `\s+)?(?P<n>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)\s*(?P<s>nghìn|ngàn|triệu|tỷ|tỉ)?\s*(?:đồng|VNĐ|VND|đ)`,
	// A qualifier phrase that must stand before the next number macro's
	// figure ("kinh phí khoảng 12 tỷ đồng"): the same group "q", so that
	// the figure keeps its qualifier where a pattern needs the phrase
	// itself, as a separator.
	"{QUAL}": `(?P<q>` + qualifierAlt + `\s+)`,
	// "tỷ lệ" and "tỉ lệ" (a rate).
	"{TL}": `(?:tỷ lệ|tỉ lệ)`,
	// Online public services, and the levels of online service: "mức
	// độ 3/4" before Decree 42/2022/NĐ-CP, "một phần" and "toàn trình"
	// since.
	"{DVC}": `(?:dịch vụ công trực tuyến|DVCTTT?|DVC trực tuyến|dịch vụ công|DVC)(?:\s*\([^)]{1,12}\))?`,
	"{L3}":  `(?:mức độ 3|mức 3|một phần)`,
	"{L4}":  `(?:mức độ 4|mức 4|toàn trình)`,
	// The National Public Service Portal, whose figures are not the
	// province's.
	"{PORTAL}": `Cổng (?:Dịch vụ công|DVC) (?:Quốc gia|QG)|Cổng DVCQG|Cổng DVC quốc gia`,
	// The label of a table's total row, as rendered in a segment.
	"{TOTAL}": extract.TotalLabel,
}

// qualifierAlt is the alternation of the qualifier phrases
// (normalize.QualifierPhrases) that may come before a number macro's
// figure.
var qualifierAlt = func() string {
	var alts []string
	for _, p := range normalize.QualifierPhrases() {
		alts = append(alts, regexp.QuoteMeta(p.Phrase))
	}
	return "(?:" + strings.Join(alts, "|") + ")"
}()
