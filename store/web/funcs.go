package web

import (
	"fmt"
	"html/template"
	"net/url"
	"slices"
	"strings"

	"github.com/baocao/baocao/store"
)

// funcs are the template functions.
var funcs = template.FuncMap{
	"fmtv":       store.FormatValue,
	"qualifier":  store.QualifierLabel,
	"highlight":  highlight,
	"pos":        position,
	"severity":   severityLabel,
	"unitname":   unitName,
	"pct":        func(f float64) string { return fmt.Sprintf("%.4f%%", f*100) },
	"query":      func(v url.Values) template.URL { return template.URL(v.Encode()) },
	"add":        func(a, b int) int { return a + b },
	"checklabel": checkLabel,
	"has":        func(list []string, s string) bool { return slices.Contains(list, s) },
	"flagtable":  func(fs []flagView, showDoc bool) flagTable { return flagTable{fs, showDoc} },
}

// highlight returns text as HTML with the number whose value is v marked,
// where text states it.
func highlight(text string, v any) template.HTML {
	f, ok := store.Number(v)
	esc := template.HTMLEscapeString
	if ok {
		if s, e, found := store.NumberSpan(text, f); found {
			return template.HTML(esc(text[:s]) + "<mark>" + esc(text[s:e]) + "</mark>" + esc(text[e:]))
		}
	}
	return template.HTML(esc(text))
}

// position names where a figure is: "trang 5, dòng 25", or "dòng 116"
// (text and Markdown), or "đoạn 40" (DOCX).
func position(format string, page, line any) string {
	p, _ := page.(int64)
	l, _ := line.(int64)
	switch {
	case p > 0:
		return fmt.Sprintf("trang %d, dòng %d", p, l)
	case format == "docx":
		return fmt.Sprintf("đoạn %d", l)
	}
	return fmt.Sprintf("dòng %d", l)
}

// severityLabels are the Vietnamese names of the flags' severities.
var severityLabels = map[string]string{
	"error":   "Lỗi",
	"warning": "Cảnh báo",
	"info":    "Lưu ý",
}

func severityLabel(s string) string {
	if l, ok := severityLabels[s]; ok {
		return l
	}
	return s
}

// unitName is the Vietnamese name of a catalog unit.
func unitName(u string) string {
	switch u {
	case "count":
		return "số lượng"
	case "percent":
		return "%"
	case "vnd":
		return "đồng"
	case "status":
		return "trạng thái"
	case "bool":
		return "có/không"
	}
	return u
}

// checkLabels are the Vietnamese names of the kinds of check.
var checkLabels = map[string]string{
	"sum":           "Tổng không khớp",
	"difference":    "Hiệu không khớp",
	"ratio":         "Tỷ lệ không khớp",
	"part_le_whole": "Phần lớn hơn tổng",
	"duplicate":     "Nêu hai lần",
	"table_total":   "Dòng tổng của bảng",
	"shares":        "Tỷ trọng không khớp",
}

func checkLabel(c string) string {
	if l, ok := checkLabels[c]; ok {
		return l
	}
	return c
}

// fold is the loose form of a name for filtering.
func fold(s string) string { return strings.TrimSpace(store.FoldName(s)) }

// flagTable is the data of the template flaglist: flags, and whether to
// name the report of each.
type flagTable struct {
	Flags   []flagView
	ShowDoc bool
}
