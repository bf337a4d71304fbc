package store

import (
	"context"
	"fmt"
	"github.com/baocao/baocao/rules/report"
	"io"
	"strings"

	"github.com/mattn/go-runewidth"
	"github.com/xuri/excelize/v2"
)

// ExportOptions change what Export writes.
type ExportOptions struct {
	// Units2025 exports figures under the 34 provincial units of 2025
	// (view unit2025_year, whose covers column names the old provinces
	// each unit's figures come from) instead of the 63 provinces.
	Units2025 bool
}

// The export formats.
const (
	FormatCSV  = "csv"
	FormatXLSX = "xlsx"
	FormatJSON = "json"
)

// exportOrder gives each view a stable row order in exports.
var exportOrder = map[string]string{
	"metric_values":        "year, province_code, document_id, metric",
	"latest_metric_values": "year, province_code, document_id, metric",
	"latest_documents":     "year, province_code, document_id",
	"province_year":        "year, province_code, document_id",
	"report_flags":         "year, province_code, document_id, flag_id",
	"unit2025_year":        "year, unit_code",
}

// DefaultViews returns the views Export writes when none are named: for
// CSV and JSON one view, metric_values (unit2025_year with Units2025);
// for XLSX province_year, metric_values, report_flags and unit2025_year
// (with Units2025: unit2025_year, province_year and report_flags).
func DefaultViews(format string, opt ExportOptions) []string {
	if format == FormatXLSX {
		if opt.Units2025 {
			return []string{"unit2025_year", "province_year", "report_flags"}
		}
		return []string{"province_year", "metric_values", "report_flags", "unit2025_year"}
	}
	if opt.Units2025 {
		return []string{"unit2025_year"}
	}
	return []string{"metric_values"}
}

// Export writes views (or tables) of db to w in format "csv", "json" or
// "xlsx". With no views, DefaultViews are written.
//
// CSV is UTF-8 with a byte-order mark, so that Excel on Windows reads
// Vietnamese text, and keeps the column names as headers. JSON is an
// array of objects. Both take one view.
//
// XLSX has one sheet per view, named after it, with Vietnamese headers,
// the header row frozen and an autofilter. Counts are formatted "#,##0",
// money "#,##0" with "(đồng)" in the header, and percentages keep their
// values as reported (46.14, not 0.4614) with the format `0.00"%"`.
func Export(ctx context.Context, db *DB, w io.Writer, format string, views []string, opt ExportOptions) error {
	format = strings.ToLower(format)
	if len(views) == 0 {
		views = DefaultViews(format, opt)
	}
	known := map[string]bool{}
	for _, e := range SchemaDoc() {
		known[e.Name] = true
	}
	for _, v := range views {
		if !known[v] {
			return fmt.Errorf("export: no view or table %q (see baocao query --schema)", v)
		}
	}
	switch format {
	case FormatCSV, FormatJSON:
		if len(views) != 1 {
			return fmt.Errorf("export: %s holds one view, got %d (%s)", format, len(views), strings.Join(views, ", "))
		}
		r, err := exportQuery(ctx, db, views[0])
		if err != nil {
			return err
		}
		if format == FormatJSON {
			return WriteJSON(w, r)
		}
		if _, err := io.WriteString(w, "\xEF\xBB\xBF"); err != nil {
			return err
		}
		return WriteCSV(w, r)
	case FormatXLSX:
		return exportXLSX(ctx, db, w, views)
	default:
		return fmt.Errorf("export: unknown format %q (want csv, json or xlsx)", format)
	}
}

// exportQuery reads a whole view in a stable order.
func exportQuery(ctx context.Context, db *DB, view string) (*Result, error) {
	q := `SELECT * FROM "` + view + `"`
	if o, ok := exportOrder[view]; ok {
		q += " ORDER BY " + o
	}
	r, err := db.Query(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("export %s: %w", view, err)
	}
	return r, nil
}

// columnHeaders are the Vietnamese headers of the views' columns that are
// not metric columns.
var columnHeaders = map[string]string{
	"province_code":    "Mã tỉnh",
	"province_name":    "Tỉnh/Thành phố",
	"year":             "Năm",
	"metric":           "Mã chỉ tiêu",
	"label_vi":         "Chỉ tiêu",
	"value":            "Giá trị",
	"unit":             "Đơn vị",
	"qualifier":        "Bổ ngữ (trên, khoảng…)",
	"document":         "Tệp báo cáo",
	"document_id":      "Mã tài liệu",
	"text":             "Trích dẫn",
	"page":             "Trang",
	"line":             "Dòng",
	"rule":             "Quy tắc",
	"doc_date":         "Ngày ban hành",
	"ingested_at":      "Thời điểm nạp",
	"format":           "Định dạng",
	"pages":            "Số trang",
	"path":             "Tệp báo cáo",
	"sha256":           "SHA-256",
	"severity":         "Mức độ",
	"check":            "Loại kiểm tra",
	"check_id":         "Mã kiểm tra",
	"stated":           "Số nêu trong báo cáo",
	"computed":         "Số tính lại",
	"message":          "Nội dung",
	"evidence":         "Căn cứ",
	"flag_id":          "Mã cảnh báo",
	"unit_code":        "Mã tỉnh/thành phố (2025)",
	"unit_name":        "Tỉnh/Thành phố (2025)",
	"covers":           "Gồm số liệu của",
	"all_covers":       "Hợp thành từ",
	"reports":          "Số báo cáo tổng hợp",
	"flag_errors":      "Số lỗi",
	"flag_warnings":    "Số cảnh báo",
	"amount_vnd":       "Số tiền",
	"budget_items_vnd": "Tổng kinh phí các nhiệm vụ, dự án",
}

// colKind is how an exported column's numbers are formatted.
type colKind int

const (
	kindText    colKind = iota // text or plain numbers (years, ids, lines)
	kindCount                  // "#,##0"
	kindPercent                // 0.00"%"
	kindMoney                  // "#,##0", header "(đồng)"
	kindByRow                  // the unit of the row's metric column
)

// catalog is the metric catalog as stored in the database, by code.
type catalog map[string]report.Metric

// catalog reads the metric catalog stored in the database.
func (d *DB) catalog(ctx context.Context) (catalog, error) {
	ms, err := d.Catalog(ctx)
	if err != nil {
		return nil, err
	}
	c := make(catalog, len(ms))
	for _, m := range ms {
		c[m.Code] = m
	}
	return c, nil
}

// columnMetric returns the catalog metric of a pivot column such as
// dvc_level4_rate (dvc.level4_rate).
func (c catalog) columnMetric(col string) (report.Metric, bool) {
	group, rest, ok := strings.Cut(col, "_")
	if !ok {
		return report.Metric{}, false
	}
	m, ok := c[group+"."+rest]
	return m, ok
}

// unitKind maps a catalog unit to a column kind.
func unitKind(unit string) colKind {
	switch unit {
	case "count":
		return kindCount
	case "percent":
		return kindPercent
	case "vnd":
		return kindMoney
	}
	return kindText
}

// columnInfo returns the header and kind of a column.
func (c catalog) columnInfo(col string, hasMetric bool) (string, colKind) {
	kind := kindText
	head, ok := columnHeaders[col]
	if m, isMetric := c.columnMetric(col); isMetric && !ok {
		head, kind = m.Label, unitKind(m.Unit)
	}
	switch {
	case (col == "value" || col == "stated" || col == "computed") && hasMetric:
		kind = kindByRow
	case strings.HasSuffix(col, "_vnd"):
		kind = kindMoney
	case strings.HasSuffix(col, "_rate") || strings.HasSuffix(col, "_pct"):
		kind = kindPercent
	case col == "reports" || col == "flag_errors" || col == "flag_warnings":
		kind = kindCount
	}
	if head == "" {
		head = col
	}
	switch kind {
	case kindMoney:
		head += " (đồng)"
	case kindPercent:
		if !strings.Contains(head, "%") {
			head += " (%)"
		}
	}
	return head, kind
}

// Number formats of the XLSX export.
const (
	numFmtCount   = "#,##0"
	numFmtPercent = `0.00"%"`
	numFmtMoney   = "#,##0"
)

// exportXLSX writes one sheet per view.
func exportXLSX(ctx context.Context, db *DB, w io.Writer, views []string) error {
	f := excelize.NewFile()
	defer f.Close()
	styles := map[colKind]int{}
	for k, nf := range map[colKind]string{kindCount: numFmtCount, kindPercent: numFmtPercent, kindMoney: numFmtMoney} {
		nf := nf
		id, err := f.NewStyle(&excelize.Style{CustomNumFmt: &nf})
		if err != nil {
			return fmt.Errorf("export xlsx: %w", err)
		}
		styles[k] = id
	}
	headStyle, err := f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"},
	})
	if err != nil {
		return fmt.Errorf("export xlsx: %w", err)
	}
	cat, err := db.catalog(ctx)
	if err != nil {
		return fmt.Errorf("export xlsx: %w", err)
	}
	for i, view := range views {
		if err := ctx.Err(); err != nil {
			return err
		}
		r, err := exportQuery(ctx, db, view)
		if err != nil {
			return err
		}
		sheet := view
		if i == 0 {
			if err := f.SetSheetName("Sheet1", sheet); err != nil {
				return fmt.Errorf("export xlsx: %w", err)
			}
		} else if _, err := f.NewSheet(sheet); err != nil {
			return fmt.Errorf("export xlsx: %w", err)
		}
		if err := writeSheet(f, sheet, r, cat, styles, headStyle); err != nil {
			return fmt.Errorf("export xlsx %s: %w", view, err)
		}
	}
	f.SetActiveSheet(0)
	if err := f.Write(w); err != nil {
		return fmt.Errorf("export xlsx: %w", err)
	}
	return nil
}

// writeSheet writes a result to a sheet with headers, formats, widths, a
// frozen header row and an autofilter.
func writeSheet(f *excelize.File, sheet string, r *Result, cat catalog, styles map[colKind]int, headStyle int) error {
	metricCol := -1
	for i, c := range r.Columns {
		if c == "metric" {
			metricCol = i
		}
	}
	heads := make([]any, len(r.Columns))
	kinds := make([]colKind, len(r.Columns))
	widths := make([]int, len(r.Columns))
	for i, c := range r.Columns {
		h, k := cat.columnInfo(c, metricCol >= 0)
		heads[i], kinds[i] = h, k
		widths[i] = min(runewidth.StringWidth(h), 24)
	}
	if err := f.SetSheetRow(sheet, "A1", &heads); err != nil {
		return err
	}
	last, err := excelize.CoordinatesToCellName(max(1, len(r.Columns)), 1)
	if err != nil {
		return err
	}
	if err := f.SetCellStyle(sheet, "A1", last, headStyle); err != nil {
		return err
	}
	for j, row := range r.Rows {
		cell, _ := excelize.CoordinatesToCellName(1, j+2)
		vals := make([]any, len(row))
		for i, v := range row {
			vals[i] = v
			if s, ok := v.(string); ok {
				widths[i] = max(widths[i], runewidth.StringWidth(s))
			} else if v != nil {
				widths[i] = max(widths[i], len(formatValue(v))+len(formatValue(v))/3)
			}
		}
		if err := f.SetSheetRow(sheet, cell, &vals); err != nil {
			return err
		}
		for i, k := range kinds {
			if k == kindByRow && metricCol >= 0 {
				code, _ := row[metricCol].(string)
				k = unitKind(cat[code].Unit)
			}
			if k == kindText || row[i] == nil {
				continue
			}
			if _, isNum := row[i].(string); isNum {
				continue
			}
			c, _ := excelize.CoordinatesToCellName(i+1, j+2)
			if err := f.SetCellStyle(sheet, c, c, styles[k]); err != nil {
				return err
			}
		}
	}
	for i, wd := range widths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(sheet, col, col, float64(min(max(wd, 6), 60)+2)); err != nil {
			return err
		}
	}
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	end, _ := excelize.CoordinatesToCellName(max(1, len(r.Columns)), max(1, len(r.Rows)+1))
	return f.AutoFilter(sheet, "A1:"+end, nil)
}
