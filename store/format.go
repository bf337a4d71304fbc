package store

import (
	"context"
	"math"

	"github.com/baocao/baocao/normalize"
)

// This file formats values the way Vietnamese readers write them, for
// the web view (package store/web) and anything else that shows figures
// to people: 1.543; 46,14 %; 29.473.482.000 đồng. Numbers are written by
// normalize.FormatNumber, category words come from CategoryVI.

// QualifierLabel returns the Vietnamese word of a qualifier ("approx" →
// "khoảng"), or "" for an exact figure.
func QualifierLabel(q string) string { return CategoryVI("qualifier", q) }

// FormatValue formats a value of the database for people, by the unit of
// its metric or column: "count" 1.543; "percent" 46,14 %; "vnd"
// 29.473.482.000 đồng; "status" in Vietnamese (đang vận hành); "bool"
// có or không. NULL is "". Other values are printed as they are, numbers
// the Vietnamese way.
func FormatValue(v any, unit string) string {
	switch t := v.(type) {
	case nil:
		return ""
	case string:
		if l := CategoryVI("soc_status", t); unit == "status" && l != "" {
			return l
		}
		return t
	case bool:
		return yesNo(t)
	}
	f, ok := Number(v)
	if !ok {
		return formatValue(v)
	}
	switch unit {
	case "percent":
		return normalize.FormatNumber(math.Round(f*100)/100, -1) + " %"
	case "vnd":
		return normalize.FormatNumber(math.Round(f), 0) + " đồng"
	case "bool":
		return yesNo(f != 0)
	}
	return normalize.FormatNumber(f, -1)
}

// yesNo is the Vietnamese yes or no of the boolean columns.
func yesNo(b bool) string {
	if b {
		return CategoryVI("soc_ncsc_connected", "1")
	}
	return CategoryVI("soc_ncsc_connected", "0")
}

// Number returns a numeric value of a Result (int64 or float64) as a
// float64, and false for NULL, text and other values.
func Number(v any) (float64, bool) {
	switch t := v.(type) {
	case int64:
		return float64(t), true
	case float64:
		return t, true
	case int:
		return float64(t), true
	}
	return 0, false
}

// Columns names the columns of the views for people, by the metric
// catalog stored in the database: see DB.Columns.
type Columns struct {
	cat catalog
}

// Columns reads the metric catalog stored in d, for naming the columns
// of its views.
func (d *DB) Columns(ctx context.Context) (*Columns, error) {
	cat, err := d.catalog(ctx)
	if err != nil {
		return nil, err
	}
	return &Columns{cat: cat}, nil
}

// Label returns the Vietnamese header of a column of the views (the one
// the XLSX export writes, with "(đồng)" or "(%)" where it applies) and
// the unit its numbers are in: "count", "percent", "vnd", the metric's
// unit ("status", "bool") for other metric columns, or "" for text and
// plain numbers (years, ids).
func (c *Columns) Label(col string) (label, unit string) {
	head, kind := c.cat.columnInfo(col, false)
	switch kind {
	case kindCount:
		unit = "count"
	case kindPercent:
		unit = "percent"
	case kindMoney:
		unit = "vnd"
	}
	if m, ok := c.cat.columnMetric(col); ok && unit == "" {
		unit = m.Unit
	}
	return head, unit
}

// Metric returns the metric code of a pivot column of the views
// (edoc_signed_rate → edoc.signed_rate), or "" when the column is not a
// metric of the catalog.
func (c *Columns) Metric(col string) string {
	if m, ok := c.cat.columnMetric(col); ok {
		return m.Code
	}
	return ""
}

// FoldName returns s lower-cased without diacritics ("Đắk Lắk" →
// "dak lak"), for matching names typed loosely.
func FoldName(s string) string { return normalize.FoldASCII(s) }

// NumberSpan returns the byte offsets in text of the number whose value
// is v, as the figure's evidence states it ("1.543", "46,14%", "29.473,482
// triệu đồng", or a table's amount in triệu or tỷ đồng), so that it can
// be highlighted; ok is false when text does not state v.
func NumberSpan(text string, v float64) (start, end int, ok bool) {
	near := func(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b)) }
	nums := normalize.ScanNumbers(text)
	for _, scale := range []float64{1, 1e3, 1e6, 1e9} {
		for _, n := range nums {
			switch n.Kind {
			case normalize.Count, normalize.Percent, normalize.Money:
			default:
				continue
			}
			if near(n.Value*scale, v) {
				return n.NumStart, n.End, true
			}
		}
	}
	return 0, 0, false
}
