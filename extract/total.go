package extract

import (
	"regexp"
	"strings"
)

// TotalLabel is a regular expression (lower case, without anchors) for
// the label of a table row that totals other rows: "Tổng cộng", "Tổng
// số", "Tổng", "Cộng", "Toàn tỉnh", "Toàn thành phố", "Tổng toàn tỉnh",
// optionally followed by the formula of the total in parentheses
// ("Tổng cộng (I+II)", "Cộng (1+2)"). Longer labels come first, so that
// an alternation tries "tổng cộng" before "tổng".
//
// It is the one definition of a total row: [IsTotalLabel] uses it on
// table cells (when [MergeTables] joins the parts of a table, and when the
// rules read table rows, budget tables and total rows), and the rules use
// it (macro {TOTAL}) on table rows rendered as text.
const TotalLabel = `(?:tổng toàn thành phố|tổng toàn tỉnh|toàn thành phố|tổng cộng|toàn tỉnh|tổng số|tổng|cộng)(?:\s*\([^()]*\))?`

// totalCellRe matches a cell that holds a total label and nothing else
// but a final colon; "Tổng cộng" may also be followed by what it totals
// ("Tổng cộng toàn tỉnh", "Tổng cộng các nhiệm vụ").
var totalCellRe = regexp.MustCompile(`(?i)^(?:` + TotalLabel + `|tổng cộng\s.*)\s*:?$`)

// IsTotalLabel reports whether the text of a table cell labels a total
// row (see [TotalLabel]). Case and surrounding white space are ignored.
// "Tổng số TTHC" is not a total label: in a table of indicators it names
// an indicator, not the sum of the rows above.
func IsTotalLabel(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || !strings.ContainsAny(s, "TtCc") {
		return false
	}
	return totalCellRe.MatchString(s)
}
