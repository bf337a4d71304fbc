package rules

import (
	"fmt"
	"github.com/baocao/baocao/rules/report"
	"math"
	"strings"

	"github.com/baocao/baocao/extract"
	"github.com/baocao/baocao/normalize"
)

// Table checks: a total row ("Tổng cộng", "Cộng", "Tổng", "Tổng số")
// against the sum of its column. A column is checked only when every
// non-empty cell of the rows summed is one plain number (a "-" counts as
// zero) and its header is not a serial number, a year or a code.
// Hierarchical tables, whose rows mix sections (I, II; A, B) and items (1,
// 2, 1.1), are read several ways: all rows, sections only, top-level
// items only, the sub-total rows, every row of the table; the total is
// consistent when one reading matches.

// checkGrid expands a table's rows into columns, honouring cell spans.
func checkGrid(rows [][]extract.Cell) [][]extract.Cell {
	out := make([][]extract.Cell, len(rows))
	for i, r := range rows {
		for _, c := range r {
			n := c.Span
			if n < 1 {
				n = 1
			}
			out[i] = append(out[i], c)
			for k := 1; k < n; k++ {
				out[i] = append(out[i], extract.Cell{Pos: c.Pos})
			}
		}
	}
	return out
}

// totalRow reports whether row r is a total row, and the column of its
// label.
func totalRow(r []extract.Cell) (int, bool) {
	for c := 0; c < len(r) && c < 3; c++ {
		if extract.IsTotalLabel(r[c].Text) {
			return c, true
		}
	}
	return 0, false
}

// skipHeader reports whether a column header names a serial number, a
// year, a date or a code rather than a quantity.
func skipHeader(h string) bool {
	h = strings.ToLower(strings.TrimSpace(h))
	if h == "tt" || h == "số tt" {
		return true
	}
	return containsAny(h, "stt", "năm", "thời gian", "mã", "số hiệu", "ngày", "điện thoại", "tỷ lệ", "tỉ lệ", "%")
}

// cellNumber reads a cell holding one plain number; empty and "-" cells
// read as zero with ok and empty set.
func cellNumber(text string) (v float64, dec int, empty, ok bool) {
	t := strings.TrimSpace(text)
	if t == "" || t == "-" || t == "–" {
		return 0, 0, true, true
	}
	toks := lexNumbers(t)
	if len(toks) != 1 || toks[0].kind != tokCount || toks[0].start != 0 || toks[0].end != len(t) {
		return 0, 0, false, false
	}
	return toks[0].val, toks[0].dec, false, true
}

// rowKey classifies the serial-number cell of a row: "section" (I, II,
// A, B), "item" (1, 2), "sub" (1.1, a, -), or "".
func rowKey(r []extract.Cell) string {
	if len(r) == 0 {
		return ""
	}
	t := strings.TrimSpace(strings.TrimRight(strings.TrimSpace(r[0].Text), "."))
	switch {
	case t == "":
		return ""
	case isRoman(t), len(t) == 1 && t[0] >= 'A' && t[0] <= 'Z':
		return "section"
	case strings.Trim(t, "0123456789") == "":
		return "item"
	}
	return "sub"
}

func isRoman(s string) bool {
	return s != "" && strings.Trim(s, "IVXL") == ""
}

// checkTable checks the total rows of a table.
func checkTable(t *normalize.Table) []report.Flag {
	rows := checkGrid(t.Rows)
	if len(rows) < 3 {
		return nil
	}
	header := make([]string, 0)
	for _, hr := range checkGrid(t.Header) {
		for c, cell := range hr {
			for len(header) <= c {
				header = append(header, "")
			}
			header[c] += " " + cell.Text
		}
	}
	money := containsAny(strings.ToLower(t.Caption+" "+strings.Join(header, " ")), "triệu", "tỷ", "đồng", "kinh phí", "vốn")
	var totals []int
	for i, r := range rows {
		if _, ok := totalRow(r); ok {
			totals = append(totals, i)
		}
	}
	var flags []report.Flag
	for ti, tr := range totals {
		label, _ := totalRow(rows[tr])
		// The rows summed: since the previous total row, or, for a total
		// in the first body row, down to the next one.
		from := 0
		if ti > 0 {
			from = totals[ti-1] + 1
		}
		to := tr
		if tr == 0 {
			from, to = 1, len(rows)
			if ti+1 < len(totals) {
				to = totals[ti+1]
			}
		}
		group := rows[from:to]
		var subs [][]extract.Cell
		for _, k := range totals[:ti] {
			subs = append(subs, rows[k])
		}
		var others [][]extract.Cell
		for i, r := range rows {
			if _, ok := totalRow(r); !ok && i != tr {
				others = append(others, r)
			}
		}
		if len(group) < 2 && len(subs) > 0 {
			// A grand total right after sub-totals.
			group = others
		}
		for c := range rows[tr] {
			if c <= label {
				continue
			}
			if c < len(header) && skipHeader(header[c]) {
				continue
			}
			if f, ok := checkColumn(t, rows[tr], c, group, subs, others, header, money); ok {
				flags = append(flags, f)
			}
		}
	}
	return flags
}

// columnSum sums column c of rows whose row key passes keep; ok is false
// when a cell is not a number.
func columnSum(rows [][]extract.Cell, c int, keep func(string) bool) (sum, tol float64, n int, ok bool) {
	for _, r := range rows {
		if !keep(rowKey(r)) {
			continue
		}
		if c >= len(r) {
			continue
		}
		v, dec, empty, good := cellNumber(r[c].Text)
		if !good {
			return 0, 0, 0, false
		}
		if empty {
			continue
		}
		sum += v
		tol += 0.5 * math.Pow(10, -float64(dec))
		n++
	}
	return sum, tol, n, true
}

// checkColumn checks column c of a total row.
func checkColumn(t *normalize.Table, total []extract.Cell, c int, group, subs, others [][]extract.Cell, header []string, money bool) (report.Flag, bool) {
	tv, tdec, empty, ok := cellNumber(total[c].Text)
	if !ok || empty {
		return report.Flag{}, false
	}
	all := func(string) bool { return true }
	sum, tol, n, ok := columnSum(group, c, all)
	if !ok || n < 2 {
		return report.Flag{}, false
	}
	if !money {
		tol = 0
	}
	tol += 0.5*math.Pow(10, -float64(tdec))*boolf(money) + 1e-9*math.Abs(tv)
	readings := []func(string) bool{
		all,
		func(k string) bool { return k == "section" },
		func(k string) bool { return k == "item" },
		func(k string) bool { return k == "item" || k == "section" },
	}
	for _, rows := range [][][]extract.Cell{group, subs, others} {
		for _, keep := range readings {
			s, _, m, ok := columnSum(rows, c, keep)
			if ok && m > 0 && math.Abs(s-tv) <= tol {
				return report.Flag{}, false
			}
		}
	}
	name := ""
	if c < len(header) {
		name = trimClaim(header[c])
	}
	if name == "" {
		name = fmt.Sprintf("column %d", c+1)
	}
	label := trimClaim(total[0].Text)
	for _, cell := range total {
		if extract.IsTotalLabel(cell.Text) {
			label = trimClaim(cell.Text)
			break
		}
	}
	ev := []report.Evidence{cellPlace(total[c]).evidence(tv, label+": "+trimClaim(total[c].Text))}
	for _, r := range group {
		if c < len(r) {
			if v, _, empty, ok := cellNumber(r[c].Text); ok && !empty {
				ev = append(ev, cellPlace(r[c]).evidence(v, trimClaim(r[c].Text)))
			}
		}
	}
	msg := fmt.Sprintf("The %q row of table column %q states %s but the %d rows it totals add up to %s.",
		label, name, fmtNum(tv), n, fmtNum(sum))
	stated, computed := tv, sum
	// Money is stated in whole đồng, like budget figures, where the
	// column or the table says its unit ("Kinh phí (triệu đồng)").
	if u := moneyUnit.Regexp().FindString(strings.ToLower(name)); money && (u != "" || tableMoneyUnit(t) != "") {
		if u == "" {
			u = tableMoneyUnit(t)
		}
		if scale, known := unitScale(u); known && scale > 1 {
			stated, computed = math.Round(tv*scale), math.Round(sum*scale)
			msg += fmt.Sprintf(" (%s: %s against %s đồng)", u, fmtNum(stated), fmtNum(computed))
		}
	}
	return report.Flag{
		Check: "table_total", ID: "table.total", Severity: report.Error,
		Metric: name + " (" + label + ")", Stated: stated, Computed: computed,
		Message: msg, Evidence: ev,
	}, true
}

func boolf(b bool) float64 {
	if b {
		return 1
	}
	return 0
}
