package rules

import (
	"github.com/baocao/baocao/rules/report"
	"strings"
	"testing"

	"github.com/baocao/baocao/extract"
	"github.com/baocao/baocao/normalize"
)

// testTable builds a table from rows of cell texts separated by "|";
// the first row is the header.
func testTable(caption string, rows ...string) normalize.Table {
	t := normalize.Table{Caption: caption}
	for i, r := range rows {
		var cells []extract.Cell
		for j, c := range strings.Split(r, "|") {
			cells = append(cells, extract.Cell{Text: c, Pos: extract.Pos{Page: 2, Line: 10 + i, Table: 1, Row: i + 1, Cell: j + 1}})
		}
		if i == 0 {
			t.Header = append(t.Header, cells)
		} else {
			t.Rows = append(t.Rows, cells)
		}
	}
	return t
}

func TestTableTotals(t *testing.T) {
	tests := []struct {
		name     string
		table    normalize.Table
		want     int
		stated   float64
		raw      float64 // the total cell's own value, when it differs from stated
		computed float64
	}{
		{name: "counts add up", table: testTable("", "STT|Đơn vị|Số máy|Năm", "1|Sở A|120|2021", "2|Sở B|80|2021", "3|Sở C|50|2021", "|Tổng cộng|250|2021")},
		{name: "counts off by one", table: testTable("", "STT|Đơn vị|Số máy|Năm", "1|Sở A|120|2021", "2|Sở B|80|2021", "3|Sở C|50|2021", "|Tổng cộng|251|2021"),
			want: 1, stated: 251, computed: 250},
		{name: "money with decimals", table: testTable("Đơn vị tính: Triệu đồng", "TT|Nhiệm vụ|Kinh phí", "1|A|1.624", "2|B|2.215,6", "3|C|117", "|Cộng|3.956,6")},
		{name: "money off", table: testTable("Đơn vị tính: Triệu đồng", "TT|Nhiệm vụ|Kinh phí", "1|A|1.624", "2|B|2.215,6", "3|C|117", "|Cộng|3.966,6"),
			// Money is compared in đồng, as budget figures are stated.
			want: 1, stated: 3966600000, computed: 3956600000, raw: 3966.6},
		{name: "sections and items", table: testTable("", "STT|Nội dung|Số lượng", "I|Cấp tỉnh|30", "1|Sở A|10", "2|Sở B|20", "II|Cấp huyện|5", "1|Huyện A|5", "|Tổng cộng|35")},
		{name: "sub-totals", table: testTable("", "STT|Nội dung|Số lượng", "1|A|10", "2|B|20", "|Cộng|30", "3|C|5", "4|D|5", "|Cộng|10", "|Tổng cộng|40")},
		{name: "sub-totals, grand total off", table: testTable("", "STT|Nội dung|Số lượng", "1|A|10", "2|B|20", "|Cộng|30", "3|C|5", "4|D|5", "|Cộng|10", "|Tổng cộng|41"),
			want: 1, stated: 41, computed: 40},
		{name: "sub-total off", table: testTable("", "STT|Nội dung|Số lượng", "1|A|10", "2|B|20", "|Cộng|31", "3|C|5", "4|D|5", "|Cộng|10", "|Tổng cộng|41"),
			want: 1, stated: 31, computed: 30},
		{name: "total first", table: testTable("", "Chỉ tiêu|Số lượng", "Tổng số|1.543", "Cấp tỉnh|1.249", "Cấp huyện|191", "Cấp xã|103")},
		{name: "total first off", table: testTable("", "Chỉ tiêu|Số lượng", "Tổng số|1.544", "Cấp tỉnh|1.249", "Cấp huyện|191", "Cấp xã|103"),
			want: 1, stated: 1544, computed: 1543},
		{name: "text column", table: testTable("", "STT|Đơn vị|Ghi chú", "1|A|xong", "2|B|12 máy", "|Tổng cộng|30")},
		{name: "percent column skipped", table: testTable("", "STT|Đơn vị|Tỷ lệ (%)", "1|A|50", "2|B|60", "|Tổng cộng|55")},
		{name: "total with its formula", table: testTable("", "STT|Nội dung|Số lượng", "I|Cấp tỉnh|30", "II|Cấp huyện|5", "|Tổng cộng (I+II)|36"),
			want: 1, stated: 36, computed: 35},
		{name: "province-wide row", table: testTable("", "STT|Huyện|Số hồ sơ", "1|Huyện A|120", "2|Huyện B|80", "|Toàn tỉnh|200")},
		{name: "province-wide row off", table: testTable("", "STT|Huyện|Số hồ sơ", "1|Huyện A|120", "2|Huyện B|80", "|Toàn tỉnh|210"),
			want: 1, stated: 210, computed: 200},
		{name: "no total row", table: testTable("", "STT|Đơn vị|Kinh phí", "1|A|1", "2|B|2", "3|C|4")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			flags := RunChecks(CheckInput{Doc: &normalize.Doc{Tables: []normalize.Table{tt.table}}})
			if len(flags) != tt.want {
				t.Fatalf("got %d flags %+v, want %d", len(flags), flags, tt.want)
			}
			if tt.want == 0 {
				return
			}
			f := flags[0]
			if f.Check != "table_total" || f.Severity != report.Error || !sameValue(f.Stated, tt.stated) || !sameValue(f.Computed, tt.computed) {
				t.Errorf("got %+v", f)
			}
			if len(f.Evidence) < 3 || f.Evidence[0].Page != 2 || f.Evidence[0].Value != rawOr(tt.raw, tt.stated) {
				t.Errorf("evidence %+v", f.Evidence)
			}
		})
	}
}

func BenchmarkRunChecks(b *testing.B) {
	paras := seedParas(b)
	doc := &normalize.Doc{Paras: paras, Tables: []normalize.Table{
		testTable("", "STT|Đơn vị|Số máy", "1|Sở A|120", "2|Sở B|80", "3|Sở C|50", "|Tổng cộng|250"),
	}}
	figs := []report.Figure{testFig("edoc.total", 619120), testFig("edoc.internal", 579445), testFig("edoc.external", 40375),
		testFig("dvc.level4_rate", 46.14), testFig("dvc.level4", 712), testFig("tthc.total", 1543)}
	n := 0
	for _, p := range paras {
		n += len(p.Text)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		RunChecks(CheckInput{Doc: doc, Figures: figs, Candidates: figs})
	}
}

func rawOr(raw, stated float64) float64 {
	if raw != 0 {
		return raw
	}
	return stated
}
