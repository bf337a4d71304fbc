package store

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// exampleDB opens the example fixture read-only, closed at the end of
// the test.
func exampleDB(t *testing.T) *DB {
	t.Helper()
	db, err := OpenReadOnly(context.Background(), buildExampleFixture(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestExportXLSX(t *testing.T) {
	ctx := context.Background()
	db := exampleDB(t)
	var buf bytes.Buffer
	if err := Export(ctx, db, &buf, "xlsx", nil, ExportOptions{}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got, want := strings.Join(f.GetSheetList(), ","), "Theo tỉnh,Số liệu,Cảnh báo,Theo tỉnh 2025 (34 đơn vị),So sánh,Chú giải (legend)"; got != want {
		t.Errorf("sheets = %s, want %s", got, want)
	}
	// cellFormat returns the custom number format of a cell.
	cellFormat := func(sheet, cell string) string {
		t.Helper()
		id, err := f.GetCellStyle(sheet, cell)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		if st.CustomNumFmt == nil {
			return ""
		}
		return *st.CustomNumFmt
	}
	// find returns the cell of the column whose header is head, in row.
	find := func(sheet, head string, row int) string {
		t.Helper()
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for i, h := range rows[0] {
			if h == head {
				c, _ := excelize.CoordinatesToCellName(i+1, row)
				return c
			}
		}
		t.Fatalf("%s: no header %q in %q", sheet, head, rows[0])
		return ""
	}
	// metricRow returns the row of Kon Tum 2021's figure for metric.
	metricRow := func(metric string) int {
		t.Helper()
		rows, err := f.GetRows("Số liệu")
		if err != nil {
			t.Fatal(err)
		}
		col := map[string]int{}
		for i, h := range rows[0] {
			col[h] = i
		}
		for j, r := range rows[1:] {
			if r[col["Mã chỉ tiêu"]] == metric && r[col["Tỉnh/Thành phố"]] == "Kon Tum" && r[col["Năm"]] == "2021" {
				return j + 2
			}
		}
		t.Fatalf("metric_values: no Kon Tum 2021 %s", metric)
		return 0
	}
	tests := []struct {
		sheet, head string
		row         int
		value       string // as GetCellValue with raw values
		format      string
	}{
		{"Theo tỉnh", "Tỉnh/Thành phố", 2, "Kon Tum", ""},
		{"Theo tỉnh", "Năm", 2, "2021", ""},
		{"Theo tỉnh", "Tổng số thủ tục hành chính", 2, "1700", numFmtCount},
		{"Theo tỉnh", "Tỷ lệ DVCTT mức độ 4 (%)", 3, "45", numFmtPercent},
		{"Theo tỉnh", "Tổng kinh phí (đồng)", 2, "30000000000", numFmtMoney},
		{"Số liệu", "Chỉ tiêu", metricRow("tthc.total"), "Tổng số thủ tục hành chính", ""},
		{"Số liệu", "Giá trị", metricRow("tthc.total"), "1700", numFmtCount},
		{"Số liệu", "Giá trị", metricRow("dvc.level4_rate"), "25", numFmtPercent},
		{"Số liệu", "Giá trị", metricRow("soc.status"), "thí điểm", ""},
		{"Số liệu", "Giá trị", metricRow("soc.ncsc_connected"), "có", ""},
		{"Số liệu", "Giá trị", metricRow("budget.total_vnd"), "30000000000", numFmtMoney},
		{"Số liệu", "Đơn vị", metricRow("budget.total_vnd"), "đồng", ""},
		{"Cảnh báo", "Mức độ", 2, "lỗi", ""},
		{"Cảnh báo", "Số nêu trong báo cáo", 2, "1600", numFmtCount},
		{"Theo tỉnh 2025 (34 đơn vị)", "Gồm số liệu của", 2, "Kon Tum (62)", ""},
		{"Theo tỉnh 2025 (34 đơn vị)", "Tỉnh/Thành phố (2025)", 2, "Quảng Ngãi", ""},
		{"So sánh", "Chỉ tiêu", 2, "Tổng số thủ tục hành chính", ""},
	}
	for _, tt := range tests {
		cell := find(tt.sheet, tt.head, tt.row)
		v, err := f.GetCellValue(tt.sheet, cell, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		if v != tt.value {
			t.Errorf("%s!%s (%s) = %q, want %q", tt.sheet, cell, tt.head, v, tt.value)
		}
		if got := cellFormat(tt.sheet, cell); got != tt.format {
			t.Errorf("%s!%s (%s) format = %q, want %q", tt.sheet, cell, tt.head, got, tt.format)
		}
	}
	// Dates are dates: a number with a date format, not text.
	dateCell := find("Theo tỉnh", "Ngày ban hành", 2)
	if v, _ := f.GetCellValue("Theo tỉnh", dateCell, excelize.Options{RawCellValue: true}); v != "" {
		if _, err := strconv.ParseFloat(v, 64); err != nil || cellFormat("Theo tỉnh", dateCell) != numFmtDate {
			t.Errorf("doc_date %s = %q (format %q), want a date serial formatted %q", dateCell, v, cellFormat("Theo tỉnh", dateCell), numFmtDate)
		}
	}
	// Recomputed rates of the 2025 units say so, per cell.
	comments, err := f.GetComments("Theo tỉnh 2025 (34 đơn vị)")
	if err != nil {
		t.Fatal(err)
	}
	if len(comments) == 0 || !strings.Contains(comments[0].Text+commentText(comments[0]), "tính lại") {
		t.Errorf("no comment on the recomputed rates of the 2025 units: %+v", comments)
	}
	for _, sheet := range f.GetSheetList()[:4] {
		panes, err := f.GetPanes(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if !panes.Freeze || panes.YSplit != 1 || panes.TopLeftCell != "A2" {
			t.Errorf("%s: panes %+v, want the header row frozen", sheet, panes)
		}
		// AutoFilter records its range as the sheet's _FilterDatabase name.
		filter := ""
		for _, dn := range f.GetDefinedName() {
			if dn.Name == "_xlnm._FilterDatabase" && dn.Scope == sheet {
				filter = dn.RefersTo
			}
		}
		if !strings.HasPrefix(filter, "'"+sheet+"'!$A$1:") && !strings.HasPrefix(filter, sheet+"!$A$1:") {
			t.Errorf("%s: autofilter range %q, want one from A1", sheet, filter)
		}
		w, err := f.GetColWidth(sheet, "A")
		if err != nil || w < 8 || w > 62 {
			t.Errorf("%s: column A width %v, %v", sheet, w, err)
		}
	}
}

// commentText joins the runs of a comment.
func commentText(c excelize.Comment) string {
	var b strings.Builder
	for _, r := range c.Paragraph {
		b.WriteString(r.Text)
	}
	return b.String()
}

// TestExportExcelCSV checks the CSV for Vietnamese Excel: ";" between
// fields and decimal commas.
func TestExportExcelCSV(t *testing.T) {
	ctx := context.Background()
	db := exampleDB(t)
	var buf bytes.Buffer
	if err := Export(ctx, db, &buf, "csv", nil, ExportOptions{Locale: "vi"}); err != nil {
		t.Fatal(err)
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(buf.Bytes(), []byte("\xEF\xBB\xBF"))))
	r.Comma = ';'
	recs, err := r.ReadAll()
	if err != nil || len(recs) < 2 {
		t.Fatalf("semicolon CSV: %v, %d records", err, len(recs))
	}
	col := slices.Index(recs[0], "dvc_level4_rate")
	found := false
	for _, rec := range recs[1:] {
		if strings.Contains(rec[col], ".") {
			t.Errorf("rate %q has a decimal point", rec[col])
		}
		found = found || strings.Contains(rec[col], ",")
	}
	if !found {
		t.Errorf("no rate with a decimal comma in %v", recs)
	}
}

func TestExportCSVAndJSON(t *testing.T) {
	ctx := context.Background()
	db := exampleDB(t)
	tests := []struct {
		format string
		views  []string
		opt    ExportOptions
		column string // a column the export must have
		rows   int
	}{
		{"csv", nil, ExportOptions{}, "tthc_total", 5},
		{"csv", []string{"metric_values"}, ExportOptions{}, "label_vi", 60},
		{"csv", nil, ExportOptions{Units2025: true}, "covers", 4},
		{"csv", []string{"province_year"}, ExportOptions{Units2025: true}, "covers", 4},
		{"csv", []string{"metric_values"}, ExportOptions{Units2025: true}, "unit_name", 60},
		{"csv", []string{"report_flags"}, ExportOptions{}, "evidence_text", 3},
		{"json", []string{"metric_values"}, ExportOptions{}, "label_vi", 60},
		{"json", nil, ExportOptions{Units2025: true}, "all_covers", 4},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		if err := Export(ctx, db, &buf, tt.format, tt.views, tt.opt); err != nil {
			t.Fatalf("%s %v: %v", tt.format, tt.views, err)
		}
		var header []string
		var n int
		if tt.format == "csv" {
			data, ok := bytes.CutPrefix(buf.Bytes(), []byte("\xEF\xBB\xBF"))
			if !ok {
				t.Errorf("CSV does not start with a UTF-8 BOM")
			}
			recs, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			header, n = recs[0], len(recs)-1
		} else {
			var objs []map[string]any
			if err := json.Unmarshal(buf.Bytes(), &objs); err != nil {
				t.Fatalf("JSON export: %v", err)
			}
			for k := range objs[0] {
				header = append(header, k)
			}
			n = len(objs)
			if tt.opt.Units2025 {
				if _, ok := objs[0]["tthc_total"].(float64); !ok {
					t.Errorf("JSON tthc_total is %T, want a number", objs[0]["tthc_total"])
				}
			}
		}
		if !strings.Contains(","+strings.Join(header, ",")+",", ","+tt.column+",") {
			t.Errorf("%s %v: no column %s in %v", tt.format, tt.views, tt.column, header)
		}
		if n != tt.rows {
			t.Errorf("%s %v %+v: %d rows, want %d", tt.format, tt.views, tt.opt, n, tt.rows)
		}
	}
	for _, bad := range []struct {
		format string
		views  []string
	}{
		{"csv", []string{"metric_values", "province_year"}},
		{"csv", []string{"metrics; DROP TABLE metrics"}},
		{"ods", nil},
	} {
		if err := Export(ctx, db, &bytes.Buffer{}, bad.format, bad.views, ExportOptions{}); err == nil {
			t.Errorf("Export(%s, %v) succeeded", bad.format, bad.views)
		}
	}
	// A table without provinces cannot be grouped by unit of 2025.
	err := Export(ctx, db, &bytes.Buffer{}, "csv", []string{"metric_catalog"}, ExportOptions{Units2025: true})
	if err == nil || !strings.Contains(err.Error(), "province") {
		t.Errorf("--units 2025 on metric_catalog: %v, want a refusal naming the reason", err)
	}
}
