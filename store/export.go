package store

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/baocao/baocao/normalize"
	"github.com/baocao/baocao/rules/report"

	"github.com/mattn/go-runewidth"
	"github.com/xuri/excelize/v2"
)

// ExportOptions change what Export writes.
type ExportOptions struct {
	// Units2025 exports figures under the 34 provincial units of 2025
	// (view unit2025_year, whose covers column names the old provinces
	// each unit's figures come from) instead of the 63 provinces.
	Units2025 bool
	// Locale "vi" writes CSV for Excel set to Vietnamese: fields
	// separated by ";" and numbers with a decimal comma (46,14). The
	// default is RFC 4180 CSV with a decimal point.
	Locale string
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
	"report_periods":       "year, province_code, period_start, document_id",
}

// DefaultViews returns the views Export writes when none are named: for
// CSV and JSON one view, the province table province_year
// (unit2025_year with Units2025); for XLSX province_year,
// metric_values, report_flags and unit2025_year (with Units2025:
// unit2025_year, metric_values and report_flags, the last two with the
// unit of each province).
func DefaultViews(format string, opt ExportOptions) []string {
	if format == FormatXLSX {
		if opt.Units2025 {
			return []string{"unit2025_year", "metric_values", "report_flags"}
		}
		return []string{"province_year", "metric_values", "report_flags", "unit2025_year"}
	}
	if opt.Units2025 {
		return []string{"unit2025_year"}
	}
	return []string{"province_year"}
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
	switch opt.Locale {
	case "", "en", "vi":
	default:
		return fmt.Errorf("export: unknown locale %q (want vi or en)", opt.Locale)
	}
	switch format {
	case FormatCSV, FormatJSON:
		if len(views) != 1 {
			return fmt.Errorf("export: %s holds one view, got %d (%s)", format, len(views), strings.Join(views, ", "))
		}
		r, err := exportQuery(ctx, db, views[0], opt)
		if err != nil {
			return err
		}
		if format == FormatJSON {
			return WriteJSON(w, r)
		}
		if _, err := io.WriteString(w, "\xEF\xBB\xBF"); err != nil {
			return err
		}
		if opt.Locale == "vi" {
			return writeCSVLocale(w, r, ';', ",")
		}
		return WriteCSV(w, r)
	case FormatXLSX:
		return exportXLSX(ctx, db, w, views, opt)
	default:
		return fmt.Errorf("export: unknown format %q (want csv, json or xlsx)", format)
	}
}

// exportQuery reads a whole view in a stable order. report_flags gains
// the page, line and sentence of each flag's first piece of evidence.
// With Units2025, province_year becomes unit2025_year, and every other
// view with province_code and year columns gains the unit of 2025 each
// row's province became part of (unit_code, unit_name); a view without
// them cannot be grouped and is refused.
func exportQuery(ctx context.Context, db *DB, view string, opt ExportOptions) (*Result, error) {
	if opt.Units2025 && view == "province_year" {
		view = "unit2025_year"
	}
	src := `"` + view + `"`
	if view == "report_flags" {
		src = `(SELECT r.*, e.page AS evidence_page, e.line AS evidence_line, e.text AS evidence_text
	FROM report_flags r
	LEFT JOIN flag_evidence e ON e.id = (SELECT min(id) FROM flag_evidence WHERE flag_id = r.flag_id))`
	}
	q := `SELECT * FROM ` + src + ` v`
	if opt.Units2025 && view != "unit2025_year" {
		head, err := db.Query(ctx, `SELECT * FROM `+src+` LIMIT 0`)
		if err != nil {
			return nil, fmt.Errorf("export %s: %w", view, err)
		}
		if !slices.Contains(head.Columns, "province_code") || !slices.Contains(head.Columns, "year") {
			return nil, fmt.Errorf("export: --units 2025 groups rows by province, and %s has no province_code and year columns", view)
		}
		// Reports from 2026 on already name units of the 34.
		unit := `CASE WHEN v.year >= 2026 THEN v.province_code ELSE g.new_code END`
		q = `SELECT v.*, ` + unit + ` AS unit_code, u.name AS unit_name
FROM ` + src + ` v
LEFT JOIN province_merger_2025 g ON g.old_code = v.province_code
LEFT JOIN provinces u ON u.era = '34' AND u.code = ` + unit
	}
	if o, ok := exportOrder[view]; ok {
		q += " ORDER BY " + prefixColumns(o, "v.")
	}
	r, err := db.Query(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("export %s: %w", view, err)
	}
	return r, nil
}

// prefixColumns qualifies a comma-separated list of columns.
func prefixColumns(list, prefix string) string {
	cols := strings.Split(list, ",")
	for i, c := range cols {
		cols[i] = prefix + strings.TrimSpace(c)
	}
	return strings.Join(cols, ", ")
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
	"evidence_page":    "Trang",
	"evidence_line":    "Dòng",
	"evidence_text":    "Câu làm căn cứ",
	"status":           "Trạng thái",
	"error":            "Lỗi",
	"size":             "Kích thước (byte)",

	// The period and the province's map and source (report_periods).
	"province_era":      "Bản đồ hành chính (63/34)",
	"province_source":   "Nguồn xác định tỉnh",
	"period_kind":       "Loại kỳ báo cáo",
	"period_start":      "Từ ngày",
	"period_end":        "Đến ngày",
	"period_text":       "Kỳ báo cáo (nguyên văn)",
	"full_year":         "Báo cáo cả năm",
	"in_province_table": "Dùng trong bảng theo tỉnh",
}

// columnEnglish explains the columns that are not metric columns in
// English, for the legend sheet (metric columns take the catalog's
// meaning).
var columnEnglish = map[string]string{
	"province_code":    "GSO code of the province (as of the report's year)",
	"province_name":    "province",
	"year":             "year reported on",
	"metric":           "metric code",
	"label_vi":         "metric (Vietnamese label)",
	"value":            "value",
	"unit":             "unit",
	"qualifier":        "qualifier (approx, over, under)",
	"document":         "report file",
	"document_id":      "document id in the database",
	"text":             "evidence sentence or table row",
	"page":             "page (PDF; 0 for DOCX and text)",
	"line":             "line on the page, or of the file",
	"rule":             "extraction rule",
	"doc_date":         "date of issue",
	"ingested_at":      "time read into the database",
	"format":           "file format",
	"pages":            "page count",
	"path":             "report file",
	"sha256":           "SHA-256 of the file",
	"severity":         "severity",
	"check":            "kind of check",
	"check_id":         "check id",
	"stated":           "figure stated in the report",
	"computed":         "figure recomputed from its parts",
	"message":          "message (English)",
	"evidence":         "all evidence: sentence [page, line]",
	"flag_id":          "flag id",
	"unit_code":        "GSO code of the unit of 2025 (34 provinces)",
	"unit_name":        "unit of 2025",
	"covers":           "old provinces whose reports are summed",
	"all_covers":       "old provinces the unit was formed from",
	"reports":          "reports summed",
	"flag_errors":      "error flags",
	"flag_warnings":    "warning flags",
	"amount_vnd":       "amount",
	"budget_items_vnd": "sum of the budget table's items",
	"evidence_page":    "page of the first evidence",
	"evidence_line":    "line of the first evidence",
	"evidence_text":    "sentence of the first evidence",

	// The period and the province's map and source (report_periods).
	"province_era":      "map the province code belongs to: 63 (until 2025-06-30) or 34 (from 2025-07-01)",
	"province_source":   "where the province was read from: the text, the file's path, or --province",
	"period_kind":       "period reported on: year, half, quarter, nine_months, month, range or multi_year",
	"period_start":      "first day of the period",
	"period_end":        "last day of the period (empty when the report gives none)",
	"period_text":       "words the period was read from",
	"full_year":         "a full-year report (1) or a periodic one (0)",
	"in_province_table": "the report the province table uses for its province and year (1)",
}

// categoryVI gives the Vietnamese words of the category values of some
// columns (and of the values of the status metrics in metric_values).
var categoryVI = map[string]map[string]string{
	"soc_status":         {"none": "chưa có", "planned": "có kế hoạch", "pilot": "thí điểm", "in_progress": "đang triển khai", "operational": "đang vận hành"},
	"soc_ncsc_connected": {"1": "có", "0": "không"},
	"severity":           {"error": "lỗi", "warning": "cảnh báo", "info": "lưu ý"},

	// The period and the province's source (report_periods).
	"period_kind": {"year": "cả năm", "half": "6 tháng", "quarter": "quý", "nine_months": "9 tháng", "month": "tháng",
		"range": "khoảng thời gian", "multi_year": "nhiều năm"},
	"province_source":   {"text": "nội dung báo cáo", "path": "tên tệp, thư mục", "option": "tham số --province"},
	"full_year":         {"1": "có", "0": "không"},
	"in_province_table": {"1": "có", "0": "không"},
	"check": {"sum": "tổng", "difference": "hiệu", "ratio": "tỷ lệ", "part_le_whole": "phần lớn hơn tổng",
		"duplicate": "nêu hai lần", "table_total": "dòng tổng của bảng", "shares": "tỷ lệ thành phần"},
	"qualifier": {"approx": "khoảng", "over": "trên", "under": "dưới"},
	"unit":      {"count": "số lượng", "percent": "%", "vnd": "đồng", "status": "trạng thái", "bool": "có/không"},
	"source":    {"text": "văn bản", "table": "bảng", "footnote": "chú thích", "ocr": "OCR"},
	"status":    {"ok": "đã đọc", "failed": "lỗi khi đọc"},
}

// CategoryVI returns the Vietnamese word for a category value of a
// column ("severity" "warning" → "cảnh báo"; "soc_status" "pilot" →
// "thí điểm"), or "" when there is none.
func CategoryVI(column, value string) string { return categoryVI[column][value] }

// sheetNames are the Vietnamese names of the views' sheets (at most 31
// characters, Excel's limit).
var sheetNames = map[string]string{
	"province_year":        "Theo tỉnh",
	"unit2025_year":        "Theo tỉnh 2025 (34 đơn vị)",
	"metric_values":        "Số liệu",
	"latest_metric_values": "Số liệu mới nhất",
	"latest_documents":     "Báo cáo",
	"report_flags":         "Cảnh báo",
	"documents":            "Tệp đã đọc",
	"report_periods":       "Kỳ báo cáo",
}

// Names of the extra sheets.
const (
	sheetCompare = "So sánh"
	sheetLegend  = "Chú giải (legend)"
)

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

// columnMetric returns the catalog metric whose column (metricColumn) a
// column of province_year or unit2025_year is.
func (c catalog) columnMetric(col string) (report.Metric, bool) {
	for code, m := range c {
		if metricColumn(code) == col {
			return m, true
		}
	}
	return report.Metric{}, false
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
	numFmtCount    = "#,##0"
	numFmtPercent  = `0.00"%"`
	numFmtMoney    = "#,##0"
	numFmtDate     = "dd/mm/yyyy"
	numFmtDateTime = "dd/mm/yyyy hh:mm"
)

// xlsxStyles holds the style ids of a workbook.
type xlsxStyles struct {
	kinds          map[colKind]int
	head, date, dt int
}

// newXLSX returns a new workbook with the styles of the export.
func newXLSX() (*excelize.File, xlsxStyles, error) {
	f := excelize.NewFile()
	st := xlsxStyles{kinds: map[colKind]int{}}
	for k, nf := range map[colKind]string{kindCount: numFmtCount, kindPercent: numFmtPercent, kindMoney: numFmtMoney} {
		nf := nf
		id, err := f.NewStyle(&excelize.Style{CustomNumFmt: &nf})
		if err != nil {
			f.Close()
			return nil, xlsxStyles{}, fmt.Errorf("export xlsx: %w", err)
		}
		st.kinds[k] = id
	}
	for _, d := range []struct {
		id *int
		nf string
	}{{&st.date, numFmtDate}, {&st.dt, numFmtDateTime}} {
		nf := d.nf
		id, err := f.NewStyle(&excelize.Style{CustomNumFmt: &nf})
		if err != nil {
			f.Close()
			return nil, xlsxStyles{}, fmt.Errorf("export xlsx: %w", err)
		}
		*d.id = id
	}
	var err error
	st.head, err = f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"},
	})
	if err != nil {
		f.Close()
		return nil, xlsxStyles{}, fmt.Errorf("export xlsx: %w", err)
	}
	return f, st, nil
}

// exportXLSX writes one sheet per view, then a comparison sheet (metrics
// as rows, provinces as columns) and a legend.
func exportXLSX(ctx context.Context, db *DB, w io.Writer, views []string, opt ExportOptions) error {
	f, st, err := newXLSX()
	if err != nil {
		return err
	}
	defer f.Close()
	cat, err := db.catalog(ctx)
	if err != nil {
		return fmt.Errorf("export xlsx: %w", err)
	}
	var legend []legendRow
	var compare *Result
	compareView := ""
	for i, view := range views {
		if err := ctx.Err(); err != nil {
			return err
		}
		r, err := exportQuery(ctx, db, view, opt)
		if err != nil {
			return err
		}
		if opt.Units2025 && view == "province_year" {
			view = "unit2025_year"
		}
		sheet := sheetNames[view]
		if sheet == "" {
			sheet = view
		}
		if idx, _ := f.GetSheetIndex(sheet); idx >= 0 && i > 0 {
			sheet = view // the same view twice: keep its own name
		}
		if i == 0 {
			if err := f.SetSheetName("Sheet1", sheet); err != nil {
				return fmt.Errorf("export xlsx: %w", err)
			}
		} else if _, err := f.NewSheet(sheet); err != nil {
			return fmt.Errorf("export xlsx: %w", err)
		}
		if err := writeSheet(f, sheet, r, cat, st); err != nil {
			return fmt.Errorf("export xlsx %s: %w", view, err)
		}
		if view == "unit2025_year" {
			if err := noteRecomputed(ctx, db, f, sheet, r, cat); err != nil {
				return fmt.Errorf("export xlsx %s: %w", view, err)
			}
		}
		if compare == nil && (view == "province_year" || view == "unit2025_year") {
			compare, compareView = r, view
		}
		legend = append(legend, legendRows(sheet, r.Columns, cat)...)
	}
	if compare != nil {
		if err := writeCompare(f, compare, compareView, cat, st); err != nil {
			return fmt.Errorf("export xlsx %s: %w", sheetCompare, err)
		}
	}
	if err := writeLegend(f, legend, st); err != nil {
		return fmt.Errorf("export xlsx %s: %w", sheetLegend, err)
	}
	f.SetActiveSheet(0)
	if err := f.Write(w); err != nil {
		return fmt.Errorf("export xlsx: %w", err)
	}
	return nil
}

// Sheet is one sheet of an XLSX workbook: a result under a name.
type Sheet struct {
	Name   string
	Result *Result
}

// WriteXLSX writes results as an XLSX workbook, one sheet each, the way
// Export writes views: Vietnamese headers and category values (from the
// metric catalog of d), number formats by column (or by the row's
// metric), dates as dates, frozen header row, an autofilter, and the
// legend sheet.
func (d *DB) WriteXLSX(ctx context.Context, w io.Writer, sheets ...Sheet) error {
	f, st, err := newXLSX()
	if err != nil {
		return err
	}
	defer f.Close()
	cat, err := d.catalog(ctx)
	if err != nil {
		return fmt.Errorf("export xlsx: %w", err)
	}
	var legend []legendRow
	for i, sh := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", sh.Name); err != nil {
				return fmt.Errorf("export xlsx: %w", err)
			}
		} else if _, err := f.NewSheet(sh.Name); err != nil {
			return fmt.Errorf("export xlsx: %w", err)
		}
		if err := writeSheet(f, sh.Name, sh.Result, cat, st); err != nil {
			return fmt.Errorf("export xlsx %s: %w", sh.Name, err)
		}
		legend = append(legend, legendRows(sh.Name, sh.Result.Columns, cat)...)
	}
	if err := writeLegend(f, legend, st); err != nil {
		return fmt.Errorf("export xlsx %s: %w", sheetLegend, err)
	}
	f.SetActiveSheet(0)
	if err := f.Write(w); err != nil {
		return fmt.Errorf("export xlsx: %w", err)
	}
	return nil
}

// cellValue returns what an XLSX cell shows for v in column col:
// Vietnamese words for category values, dates as dates, and the value
// itself otherwise. metric is the row's metric code where the view has
// one (the value column of metric_values holds a status metric's words).
func cellValue(col, metric string, v any) any {
	s, isText := v.(string)
	if col == "value" && metric != "" {
		col = metricColumn(metric)
	}
	if m, ok := categoryVI[col]; ok {
		key := s
		if !isText {
			key = formatValue(v)
		}
		if vi, ok := m[key]; ok {
			return vi
		}
	}
	if !isText {
		return v
	}
	switch col {
	case "doc_date":
		if t, err := time.Parse("2006-01-02", s); err == nil {
			return t
		}
	case "ingested_at":
		if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
			return t.UTC()
		}
	}
	return v
}

// writeSheet writes a result to a sheet with Vietnamese headers, formats,
// widths, a frozen header row and an autofilter.
func writeSheet(f *excelize.File, sheet string, r *Result, cat catalog, st xlsxStyles) error {
	metricCol := slices.Index(r.Columns, "metric")
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
	if err := f.SetCellStyle(sheet, "A1", last, st.head); err != nil {
		return err
	}
	for j, row := range r.Rows {
		cell, _ := excelize.CoordinatesToCellName(1, j+2)
		metric := ""
		if metricCol >= 0 {
			metric, _ = row[metricCol].(string)
		}
		vals := make([]any, len(row))
		for i, v := range row {
			vals[i] = cellValue(r.Columns[i], metric, v)
			switch t := vals[i].(type) {
			case string:
				widths[i] = max(widths[i], runewidth.StringWidth(t))
			case time.Time:
				widths[i] = max(widths[i], 16)
			case nil:
			default:
				widths[i] = max(widths[i], len(formatValue(t))+len(formatValue(t))/3)
			}
		}
		if err := f.SetSheetRow(sheet, cell, &vals); err != nil {
			return err
		}
		for i, k := range kinds {
			c, _ := excelize.CoordinatesToCellName(i+1, j+2)
			if t, ok := vals[i].(time.Time); ok {
				id := st.date
				if t.Hour() != 0 || t.Minute() != 0 || t.Second() != 0 {
					id = st.dt
				}
				if err := f.SetCellStyle(sheet, c, c, id); err != nil {
					return err
				}
				continue
			}
			if k == kindByRow && metricCol >= 0 {
				k = unitKind(cat[metric].Unit)
			}
			if k == kindText || vals[i] == nil {
				continue
			}
			if _, isText := vals[i].(string); isText {
				continue
			}
			if err := f.SetCellStyle(sheet, c, c, st.kinds[k]); err != nil {
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

// noteRecomputed puts a comment on every rate cell of the unit2025_year
// sheet: the rate is recomputed from the summed parts of the provinces
// the unit covers, not stated by a report, and the comment gives the
// rates those reports stated.
func noteRecomputed(ctx context.Context, db *DB, f *excelize.File, sheet string, r *Result, cat catalog) error {
	unitCol, yearCol := slices.Index(r.Columns, "unit_code"), slices.Index(r.Columns, "year")
	if unitCol < 0 || yearCol < 0 {
		return nil
	}
	stated, err := db.Query(ctx, `SELECT g.new_code, p.year, p.province_name, p.* FROM province_year p
JOIN province_merger_2025 g ON g.old_code = p.province_code ORDER BY p.province_code`)
	if err != nil {
		return err
	}
	for i, col := range r.Columns {
		m, ok := cat.columnMetric(col)
		if !ok || m.Unit != "percent" {
			continue
		}
		pc := slices.Index(stated.Columns[3:], col)
		for j, row := range r.Rows {
			if row[i] == nil {
				continue
			}
			var said []string
			for _, s := range stated.Rows {
				if fmt.Sprint(s[0]) != fmt.Sprint(row[unitCol]) || fmt.Sprint(s[1]) != fmt.Sprint(row[yearCol]) {
					continue
				}
				v := "không nêu"
				if pc >= 0 && s[3+pc] != nil {
					v = formatVN(s[3+pc]) + "%"
				}
				said = append(said, fmt.Sprintf("%v: %s", s[2], v))
			}
			text := "Tỷ lệ tính lại từ tổng các thành phần, không phải số nêu trong báo cáo."
			if len(said) > 0 {
				text += " Báo cáo nêu: " + strings.Join(said, "; ") + "."
			}
			text += " (Recomputed from the summed parts, not stated by a report.)"
			cell, _ := excelize.CoordinatesToCellName(i+1, j+2)
			if err := f.AddComment(sheet, excelize.Comment{Cell: cell, Author: "baocao", Text: text, Width: 300, Height: 90}); err != nil {
				return err
			}
		}
	}
	return nil
}

// formatVN writes a number the Vietnamese way (1.543; 46,14), for
// comments.
func formatVN(v any) string {
	switch t := v.(type) {
	case int64:
		return normalize.FormatNumber(float64(t), 0)
	case float64:
		return normalize.FormatNumber(t, -1)
	}
	return formatValue(v)
}

// writeCompare writes the comparison sheet: one row per metric column of
// the province (or unit) table, labelled in Vietnamese, and one column
// per province and year.
func writeCompare(f *excelize.File, r *Result, view string, cat catalog, st xlsxStyles) error {
	nameCol, yearCol := slices.Index(r.Columns, "province_name"), slices.Index(r.Columns, "year")
	if view == "unit2025_year" {
		nameCol = slices.Index(r.Columns, "unit_name")
	}
	if nameCol < 0 || yearCol < 0 {
		return nil
	}
	if _, err := f.NewSheet(sheetCompare); err != nil {
		return err
	}
	heads := []any{"Chỉ tiêu", "Đơn vị"}
	for _, row := range r.Rows {
		heads = append(heads, fmt.Sprintf("%v (%v)", row[nameCol], row[yearCol]))
	}
	if err := f.SetSheetRow(sheetCompare, "A1", &heads); err != nil {
		return err
	}
	last, _ := excelize.CoordinatesToCellName(len(heads), 1)
	if err := f.SetCellStyle(sheetCompare, "A1", last, st.head); err != nil {
		return err
	}
	n := 1
	for i, col := range r.Columns {
		m, ok := cat.columnMetric(col)
		if !ok {
			continue
		}
		n++
		vals := []any{m.Label, categoryVI["unit"][m.Unit]}
		for _, row := range r.Rows {
			vals = append(vals, cellValue(col, "", row[i]))
		}
		cell, _ := excelize.CoordinatesToCellName(1, n)
		if err := f.SetSheetRow(sheetCompare, cell, &vals); err != nil {
			return err
		}
		if k := unitKind(m.Unit); k != kindText && len(r.Rows) > 0 {
			from, _ := excelize.CoordinatesToCellName(3, n)
			to, _ := excelize.CoordinatesToCellName(2+len(r.Rows), n)
			if err := f.SetCellStyle(sheetCompare, from, to, st.kinds[k]); err != nil {
				return err
			}
		}
	}
	if err := f.SetColWidth(sheetCompare, "A", "A", 48); err != nil {
		return err
	}
	if len(heads) > 2 {
		to, _ := excelize.ColumnNumberToName(len(heads))
		if err := f.SetColWidth(sheetCompare, "C", to, 18); err != nil {
			return err
		}
	}
	return f.SetPanes(sheetCompare, &excelize.Panes{Freeze: true, XSplit: 2, YSplit: 1, TopLeftCell: "C2", ActivePane: "bottomRight"})
}

// legendRow explains one column of one sheet.
type legendRow struct {
	sheet, head, column, english, unit string
}

// legendRows explains the columns of a sheet in English.
func legendRows(sheet string, cols []string, cat catalog) []legendRow {
	var out []legendRow
	for _, c := range cols {
		head, _ := cat.columnInfo(c, false)
		lr := legendRow{sheet: sheet, head: head, column: c, english: columnEnglish[c]}
		if m, ok := cat.columnMetric(c); ok {
			lr.english, lr.unit = m.Meaning, m.Unit
		}
		out = append(out, lr)
	}
	return out
}

// writeLegend writes the legend: every column of every sheet with its
// Vietnamese header, database column and English meaning, then the
// Vietnamese words used for category values.
func writeLegend(f *excelize.File, rows []legendRow, st xlsxStyles) error {
	if _, err := f.NewSheet(sheetLegend); err != nil {
		return err
	}
	head := []any{"Trang tính (sheet)", "Cột (column)", "Tên cột trong cơ sở dữ liệu (database column)", "Ý nghĩa (meaning)", "Đơn vị (unit)"}
	if err := f.SetSheetRow(sheetLegend, "A1", &head); err != nil {
		return err
	}
	if err := f.SetCellStyle(sheetLegend, "A1", "E1", st.head); err != nil {
		return err
	}
	n := 1
	for _, r := range rows {
		n++
		cell, _ := excelize.CoordinatesToCellName(1, n)
		vals := []any{r.sheet, r.head, r.column, r.english, r.unit}
		if err := f.SetSheetRow(sheetLegend, cell, &vals); err != nil {
			return err
		}
	}
	n += 2
	cell, _ := excelize.CoordinatesToCellName(1, n)
	sub := []any{"Giá trị (values)", "Tiếng Việt", "Cột (column)", "English"}
	if err := f.SetSheetRow(sheetLegend, cell, &sub); err != nil {
		return err
	}
	end, _ := excelize.CoordinatesToCellName(4, n)
	if err := f.SetCellStyle(sheetLegend, cell, end, st.head); err != nil {
		return err
	}
	cols := make([]string, 0, len(categoryVI))
	for c := range categoryVI {
		cols = append(cols, c)
	}
	slices.Sort(cols)
	for _, c := range cols {
		vals := make([]string, 0, len(categoryVI[c]))
		for v := range categoryVI[c] {
			vals = append(vals, v)
		}
		slices.Sort(vals)
		for _, v := range vals {
			n++
			cell, _ := excelize.CoordinatesToCellName(1, n)
			row := []any{v, categoryVI[c][v], c, v}
			if err := f.SetSheetRow(sheetLegend, cell, &row); err != nil {
				return err
			}
		}
	}
	for col, w := range map[string]float64{"A": 28, "B": 36, "C": 28, "D": 60, "E": 10} {
		if err := f.SetColWidth(sheetLegend, col, col, w); err != nil {
			return err
		}
	}
	return nil
}

// writeCSVLocale writes r as CSV with the given separator and decimal
// mark, for spreadsheets set to a locale that reads them so.
func writeCSVLocale(w io.Writer, r *Result, comma rune, decimal string) error {
	cw := csv.NewWriter(w)
	cw.Comma = comma
	if err := cw.Write(r.Columns); err != nil {
		return err
	}
	rec := make([]string, len(r.Columns))
	for _, row := range r.Rows {
		for i := range rec {
			rec[i] = ""
			if i < len(row) {
				rec[i] = formatValue(row[i])
				if _, ok := row[i].(float64); ok {
					rec[i] = strings.Replace(rec[i], ".", decimal, 1)
				}
			}
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
