package rules

import (
	"fmt"
	"github.com/baocao/baocao/rules/report"
	"math"
	"strconv"
	"strings"

	"github.com/baocao/baocao/extract"
	"github.com/baocao/baocao/normalize"
)

var (
	nameHdrRe   = startRe(`(?i)tên|nội dung|dự án|nhiệm vụ|hạng mục`)
	ownerHdrRe  = startRe(`(?i)chủ trì|chủ đầu tư|đơn vị (?:thực hiện|chủ trì|quản lý)|cơ quan (?:chủ trì|thực hiện)|đơn vị$`)
	sourceHdrRe = startRe(`(?i)nguồn`)
	statusHdrRe = startRe(`(?i)kết quả|tình trạng|tiến độ|ghi chú|tình hình`)
	amountHdrRe = startRe(`(?i)kinh phí|tổng mức|dự toán|giá trị|số tiền|thành tiền|vốn (?:bố trí|được giao|thực hiện)|^vốn`)
)

// budgetColumns locates the columns of a budget table.
type budgetColumns struct{ no, name, owner, amount, source, status int }

func findBudgetColumns(header []string) (budgetColumns, bool) {
	c := budgetColumns{-1, -1, -1, -1, -1, -1}
	for i, h := range header {
		switch {
		case sttRe.MatchString(h) && c.no < 0:
			c.no = i
		case sourceHdrRe.MatchString(h) && c.source < 0:
			c.source = i
		case amountHdrRe.MatchString(h) && c.amount < 0:
			c.amount = i
		case ownerHdrRe.MatchString(h) && c.owner < 0:
			c.owner = i
		case statusHdrRe.MatchString(h) && c.status < 0:
			c.status = i
		case nameHdrRe.MatchString(h) && c.name < 0:
			c.name = i
		}
	}
	return c, c.amount >= 0 && c.name >= 0
}

// budgetItems reads the rows of every budget table: a table with a name
// column and an amount column. Rows of a total ("Tổng cộng", "Cộng") and
// group headings without an amount are not items. Amounts are converted
// to đồng with the unit of the table's caption or header; a table with
// no stated unit is read in triệu đồng when its amounts are small, and
// a warning says so.
func budgetItems(doc *normalize.Doc) []report.BudgetItem {
	var items []report.BudgetItem
	for ti := range doc.Tables {
		t := &doc.Tables[ti]
		cols, ok := findBudgetColumns(headerTexts(t))
		if !ok {
			continue
		}
		scale, known := unitScale(tableMoneyUnit(t))
		guessed := false
		for _, row := range t.Rows {
			cell := func(i int) string {
				if i < 0 || i >= len(row) {
					return ""
				}
				return strings.TrimSpace(row[i].Text)
			}
			name := cell(cols.name)
			first := cell(0)
			if extract.IsTotalLabel(first) || extract.IsTotalLabel(name) {
				continue
			}
			amountText := cell(cols.amount)
			v, _, ok := normalize.ParseNumber(strings.Fields(amountText + " x")[0])
			if !ok || name == "" {
				continue
			}
			s := scale
			if !known {
				if v < 1e6 {
					s, guessed = 1e6, true
				} else {
					s = 1
				}
			}
			no, _ := strconv.Atoi(strings.Trim(cell(cols.no), ". "))
			pos := row[cols.amount].Pos
			items = append(items, report.BudgetItem{
				No: no, Name: name, Owner: cell(cols.owner), AmountVND: math.Round(v * s),
				Source: cell(cols.source), Status: cell(cols.status),
				Text: rowText(row), Page: pos.Page, Line: pos.Line,
			})
		}
		if guessed {
			doc.Warnings = append(doc.Warnings, fmt.Sprintf("budget table %d states no unit; amounts under 1,000,000 read as triệu đồng", ti+1))
		}
	}
	return items
}

func unitScale(u string) (float64, bool) {
	u = strings.ToLower(u)
	switch {
	case u == "":
		return 1, false
	case strings.HasPrefix(u, "nghìn"), strings.HasPrefix(u, "ngàn"):
		return 1e3, true
	case strings.HasPrefix(u, "triệu"):
		return 1e6, true
	case strings.HasPrefix(u, "tỷ"), strings.HasPrefix(u, "tỉ"):
		return 1e9, true
	}
	return 1, true
}

func rowText(row []extract.Cell) string {
	var parts []string
	for _, c := range row {
		if t := strings.TrimSpace(c.Text); t != "" {
			parts = append(parts, t)
		}
	}
	return strings.Join(parts, " | ")
}
