package rules

import (
	"strings"

	"github.com/baocao/baocao/extract"
	"github.com/baocao/baocao/normalize"
)

var (
	subRowRe   = startRe(`(?i)^\s*(?:TTHC\s*)?(?:cấp\s+)?(?:tỉnh|huyện|xã|thành phố|quận|phường|quận, huyện|phường, xã|xã, phường|chung (?:\d|hai|ba|các|nhiều) cấp|liên thông[^:]*)\s*$`)
	levelRowRe = startRe(`(?i)^\s*(?:mức độ [234]|mức [234]|toàn trình|một phần)\s*$`)
	sttRe      = startRe(`(?i)^\s*(?:stt|tt|số tt|số thứ tự)\s*$`)
	rowNoRe    = startRe(`^\s*(?:\d{1,3}(?:\.\d{1,2}){0,3}|[IVX]{1,5}|[a-zđ])[.)]?\s*$`)
	yearHdrRe  = startRe(`(?:19|20)\d\d`)
	moneyUnit  = startRe(`(?i)(nghìn|ngàn|triệu|tỷ|tỉ)?\s*(?:đồng|VNĐ|VND)`)
	pctHdrRe   = startRe(`(?i)%|tỷ lệ|tỉ lệ`)
)

// tableSegments renders the rows of a table that state figures about the
// whole province as "label header: value" sentences, so that the same
// rules read tables and text. Rows of a total ("Tổng cộng"), rows of a
// two-column key/value table, and rows naming a level of government
// ("Cấp tỉnh") are rendered; rows about single projects or units are not.
func tableSegments(t *normalize.Table, order *int, year int, ocrPages map[int]bool) []Segment {
	header := headerTexts(t)
	unit := tableMoneyUnit(t)
	// Columns about another year than the report's are not read, nor,
	// in an indicator table with a plan column ("Kế hoạch | Thực hiện |
	// Tỷ lệ (%)"), the plan and the share of the plan achieved.
	otherYear := make([]bool, len(header))
	hasPlan := false
	for _, h := range header {
		if planColRe.MatchString(h) {
			hasPlan = true
		}
	}
	for ci, h := range header {
		if m := yearHdrRe.Regexp().FindString(h); m != "" && year > 0 && m != itoa(year) && !resultColRe.MatchString(h) {
			otherYear[ci] = true
		}
		if hasPlan && (planColRe.MatchString(h) || pctHdrRe.MatchString(h) && !resultColRe.MatchString(h)) {
			otherYear[ci] = true
		}
	}
	var out []Segment
	for _, row := range t.Rows {
		label, unitCell, labels := rowLabelUnit(row)
		if label == "" {
			continue
		}
		figures := 0
		for ci, c := range row {
			if (ci >= len(otherYear) || !otherYear[ci]) && !(ci == 0 && rowNoRe.MatchString(c.Text)) && isNumericCell(c.Text) {
				figures++
			}
		}
		// A key/value row: one label, maybe a unit ("ĐVT"), one figure.
		// (A budget row, with its name, owner and status, is not.)
		keyValue := figures == 1 && labels == 1
		total := extract.IsTotalLabel(label)
		sub := subRowRe.MatchString(label)
		level := levelRowRe.MatchString(label)
		if !keyValue && !total && !sub && !level {
			continue
		}
		for ci, c := range row {
			v := strings.TrimSpace(c.Text)
			if !isNumericCell(v) || ci < len(otherYear) && otherYear[ci] || ci == 0 && rowNoRe.MatchString(v) {
				continue
			}
			h := ""
			if ci < len(header) {
				h = header[ci]
			}
			if (pctHdrRe.MatchString(h) || unitCell == "%") && !strings.Contains(v, "%") {
				v += "%"
			}
			switch u := moneyUnit.Regexp().FindString(h); {
			case moneyUnit.MatchString(v):
			case u != "":
				v += " " + u
			case moneyUnit.MatchString(unitCell):
				v += " " + unitCell
			case unit != "" && isMoneyHeader(h):
				v += " " + unit
			}
			text := label
			if !keyValue || (h != "" && !genericValueHdrRe.MatchString(h) && !resultColRe.MatchString(h)) {
				text = strings.TrimSpace(label + " " + h)
			}
			// A noun unit ("ĐVT": TTHC, văn bản, thuê bao) says what is
			// counted: it leads the label, which may not name it.
			if unitCell != "" && unitCell != "%" && !moneyUnit.MatchString(unitCell) &&
				!strings.Contains(strings.ToLower(text), strings.ToLower(unitCell)) {
				text = unitCell + " " + text
			}
			text += ": " + v
			*order++
			cell := c
			out = append(out, Segment{Text: text, Source: "table", Order: *order, Sub: sub && !total, Level: level && !total, OCR: ocrPages[cell.Pos.Page],
				Locate: func(int, int) place { return cellPlace(cell) }})
		}
	}
	return out
}

var (
	// planColRe matches the header of a plan or target column.
	planColRe = startRe(`(?i)kế hoạch|chỉ tiêu|mục tiêu|dự kiến|^kh$|^kh\b`)
	// resultColRe matches the header of a result column.
	resultColRe = startRe(`(?i)thực hiện|kết quả|đạt được|^th$|ước thực hiện`)
)

// genericValueHdrRe matches value column headers that say nothing about
// the figure ("Kết quả", "Số liệu", "Năm 2021", "Thực hiện").
var genericValueHdrRe = startRe(`(?i)^(?:(?:kết quả|số liệu|giá trị|thực hiện|số lượng|tổng số)(?:\s+(?:thực hiện|đạt được))?(?:\s+(?:năm\s+)?\d{4})?|(?:năm\s+)?\d{4})$`)

// isBlankCell reports whether a cell says nothing: empty, or a dash or
// cross standing for "not applicable".
func isBlankCell(t string) bool {
	switch t {
	case "", "-", "–", "—", "x", "X", "…", "...", "/":
		return true
	}
	return false
}

// unitCellRe matches a unit-of-measure cell ("ĐVT" column): "%", "TTHC",
// "Hồ sơ", "Triệu đồng", "Người", …
var unitCellRe = startRe(`(?i)^(?:%|tỷ lệ %|tthc|thủ tục|dịch vụ|dvc|hồ sơ|văn bản|người|cán bộ|máy|hệ thống|httt|tài khoản|chứng thư|cts|giao dịch|sự cố|csdl|cơ sở dữ liệu|(?:nghìn |ngàn |triệu |tỷ |tỉ )?(?:đồng|vnđ|vnd)|lượt|cái|bộ)$`)

// rowLabelUnit returns a row's label (its text cells other than a row
// number and a unit cell), its unit cell if any, and how many text cells
// the label joins.
func rowLabelUnit(row []extract.Cell) (label, unit string, labels int) {
	var parts []string
	for i, c := range row {
		t := strings.TrimSpace(c.Text)
		if isBlankCell(t) || isNumericCell(t) || i == 0 && rowNoRe.MatchString(t) {
			continue
		}
		if unit == "" && len(parts) > 0 && unitCellRe.MatchString(t) {
			unit = t
			continue
		}
		parts = append(parts, t)
	}
	return strings.Join(parts, " "), unit, len(parts)
}

func itoa(y int) string {
	const d = "0123456789"
	if y <= 0 {
		return ""
	}
	var b []byte
	for y > 0 {
		b = append([]byte{d[y%10]}, b...)
		y /= 10
	}
	return string(b)
}

// headerTexts joins the header rows of a table column by column.
func headerTexts(t *normalize.Table) []string {
	var out []string
	for _, hr := range t.Header {
		for i, c := range hr {
			for len(out) <= i {
				out = append(out, "")
			}
			if c.Text != "" && !strings.Contains(out[i], c.Text) {
				out[i] = strings.TrimSpace(out[i] + " " + c.Text)
			}
		}
	}
	return out
}

// isNumericCell reports whether a cell holds one figure and nothing
// else: a count, a percentage or an amount of money, with its qualifier
// and unit ("khoảng 5.000", "46,14%", "1.200 triệu đồng"), as
// normalize.ScanNumbers reads it.
func isNumericCell(s string) bool {
	s = strings.TrimSpace(s)
	if !strings.ContainsAny(s, "0123456789") {
		return false
	}
	ns := normalize.ScanNumbers(s)
	return len(ns) == 1 && ns[0].Start == 0 && ns[0].End == len(s) &&
		(ns[0].Kind == normalize.Count || ns[0].Kind == normalize.Percent || ns[0].Kind == normalize.Money)
}

var moneyHdrRe = startRe(`(?i)kinh phí|tổng mức|dự toán|vốn|giá trị|số tiền|thành tiền`)

func isMoneyHeader(h string) bool {
	return moneyHdrRe.MatchString(h) && !strings.Contains(strings.ToLower(h), "nguồn")
}

var unitCaptionRe = startRe(`(?i)(?:đơn vị(?: tính)?|ĐVT)\s*:\s*((?:nghìn|ngàn|triệu|tỷ|tỉ)?\s*(?:đồng|VNĐ|VND))`)

// tableMoneyUnit reads the money unit of a table from its caption
// ("Đơn vị tính: Triệu đồng") or a header ("Kinh phí (triệu đồng)").
func tableMoneyUnit(t *normalize.Table) string {
	if m := unitCaptionRe.Regexp().FindStringSubmatch(t.Caption); m != nil {
		return strings.ToLower(strings.TrimSpace(m[1]))
	}
	for _, h := range headerTexts(t) {
		if isMoneyHeader(h) {
			if u := moneyUnit.Regexp().FindString(h); u != "" {
				return strings.ToLower(strings.TrimSpace(u))
			}
		}
	}
	return ""
}
