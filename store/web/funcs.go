package web

import (
	"fmt"
	"html/template"
	"net/url"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

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
	"source":     sourceLabel,
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

// severityLabel is the Vietnamese name of a flag's severity (Lỗi, Cảnh
// báo, Lưu ý).
func severityLabel(s string) string { return capital(category("severity", s)) }

// unitName is the Vietnamese name of a catalog unit.
func unitName(u string) string { return category("unit", u) }

// checkLabel is the Vietnamese name of a kind of check.
func checkLabel(c string) string { return capital(category("check", c)) }

// sourceLabel is the Vietnamese name of where a figure was read.
func sourceLabel(s string) string { return category("source", s) }

// category returns store.CategoryVI's word for a value of a column, or
// the value itself.
func category(col, v string) string {
	if w := store.CategoryVI(col, v); w != "" {
		return w
	}
	return v
}

// capital returns s with its first letter in upper case.
func capital(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// fold is the loose form of a name for filtering.
func fold(s string) string { return strings.TrimSpace(store.FoldName(s)) }

// flagTable is the data of the template flaglist: flags, and whether to
// name the report of each.
type flagTable struct {
	Flags   []flagView
	ShowDoc bool
}
