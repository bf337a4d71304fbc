// Command mk writes the borderless-table fixtures of extract/pdf: one
// PDF per case, set with github.com/go-pdf/fpdf in DejaVu Sans, and the
// gold cells of its tables in a JSON file beside it. The gold comes
// from the same data the PDF is drawn from, not from reading the PDF.
//
// Usage, from the module root:
//
//	go run ./testdata/pdf/borderless/mk
//
// Output is deterministic: the same source gives the same bytes.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/go-pdf/fpdf"
)

// column is a table column: width in points and alignment (L, C, R).
type column struct {
	w     float64
	align string
}

// table is a table to draw and its gold.
type table struct {
	caption string
	unit    string // "Đơn vị tính: …" line above the table, right-aligned
	cols    []column
	header  [][]string // header rows: cells, wrapped within their column
	rows    [][]string
	// rules: "none", "header" (a rule under the header), "box" (a frame
	// around the table), "booktabs" (rules above and below the table
	// and under the header).
	rules string
	// repeat repeats the header on each new page.
	repeat bool
}

// doc is one fixture: running text, a table, running text.
type doc struct {
	name   string
	before []string
	t      table
	after  []string
	// pageBreakAfter starts the table this far down the page (in
	// points from the top margin) so that it runs over a page break.
	startAt float64
}

const (
	fontSize = 11
	lineH    = 14
	pad      = 4 // cell padding, left and right
	margin   = 56
)

var prose = []string{
	"Thực hiện Kế hoạch chuyển đổi số của tỉnh, trong năm các cơ quan nhà nước đã tập trung rà soát, chuẩn hóa quy trình giải quyết thủ tục hành chính và nâng cấp Cổng dịch vụ công, bảo đảm kết nối với Cổng Dịch vụ công quốc gia.",
	"Kết quả cụ thể theo từng cấp được tổng hợp trong bảng dưới đây; số liệu tính đến ngày 15 tháng 12 năm 2023.",
	"Nhìn chung, tỷ lệ hồ sơ trực tuyến tăng so với năm trước nhưng chưa đồng đều giữa các đơn vị; một số thủ tục có lượng hồ sơ lớn vẫn chủ yếu tiếp nhận trực tiếp tại Bộ phận Một cửa.",
}

var levels = []column{{84, "L"}, {90, "R"}, {90, "R"}, {90, "R"}}

var docs = []doc{
	{
		name:   "no-rules",
		before: prose[:2],
		t: table{
			caption: "Bảng 1. Số thủ tục hành chính theo cấp",
			cols:    []column{{44, "C"}, {160, "L"}, {90, "R"}, {80, "R"}, {80, "R"}},
			header:  [][]string{{"STT", "Cấp", "Tổng số", "Toàn trình", "Một phần"}},
			rows: [][]string{
				{"1", "Cấp tỉnh", "1.249", "845", "404"},
				{"2", "Cấp huyện", "191", "120", "71"},
				{"3", "Cấp xã", "103", "58", "45"},
				{"", "Tổng cộng", "1.543", "1.023", "520"},
			},
			rules: "none",
		},
		after: prose[2:],
	},
	{
		name:   "header-rule",
		before: prose[1:2],
		t: table{
			caption: "Bảng 2. Hồ sơ trực tuyến theo đơn vị",
			cols:    []column{{200, "L"}, {100, "R"}, {100, "R"}, {70, "R"}},
			header:  [][]string{{"Đơn vị", "Hồ sơ tiếp nhận", "Hồ sơ trực tuyến", "Tỷ lệ"}},
			rows: [][]string{
				{"Sở Tài chính", "4.768", "4.697", "98,5%"},
				{"Sở Y tế", "12.679", "11.056", "87,2%"},
				{"Sở Xây dựng", "3.215", "2.890", "89,9%"},
				{"Huyện Krông Pắc", "2.130", "1.619", "76,0%"},
			},
			rules: "header",
		},
		after: prose[2:],
	},
	{
		name:   "outer-box",
		before: prose[:1],
		t: table{
			caption: "Biểu 3. Bảo đảm an toàn thông tin",
			cols:    []column{{40, "C"}, {250, "L"}, {80, "R"}},
			header:  [][]string{{"TT", "Nội dung", "Số lượng"}},
			rows: [][]string{
				{"1", "Hệ thống thông tin được phê duyệt cấp độ", "35"},
				{"2", "Cơ quan kết nối SOC của tỉnh", "58"},
				{"3", "Máy chủ được cài phần mềm phòng chống mã độc", "5.528"},
			},
			rules: "box",
		},
		after: prose[2:],
	},
	{
		name:   "wrapped-first-column",
		before: prose[:2],
		t: table{
			caption: "Bảng 4. Thủ tục hành chính theo cấp chính quyền",
			cols:    levels,
			header:  [][]string{{"Cấp", "Tổng số TTHC", "Toàn trình", "Một phần"}},
			rows: [][]string{
				{"Cấp thành phố", "1.102", "612", "490"},
				{"Cấp quận, huyện", "263", "154", "109"},
				{"Cấp phường, xã", "116", "71", "45"},
			},
			rules: "none",
		},
		after: prose[2:],
	},
	{
		name:   "multiline-header",
		before: prose[1:2],
		t: table{
			caption: "Biểu 5. Kinh phí thực hiện các nhiệm vụ chuyển đổi số",
			unit:    "Đơn vị tính: triệu đồng",
			cols:    []column{{30, "C"}, {200, "L"}, {70, "R"}, {70, "R"}, {95, "L"}},
			header:  [][]string{{"TT", "Tên nhiệm vụ, dự án", "Kinh phí được giao", "Kinh phí đã giải ngân", "Nguồn vốn"}},
			rows: [][]string{
				{"1", "Nâng cấp hệ thống quản lý văn bản và điều hành dùng chung của tỉnh", "2.500", "2.215,6", "Ngân sách tỉnh"},
				{"2", "Thuê dịch vụ giám sát, điều hành an toàn thông tin (SOC)", "1.200", "1.200", "Ngân sách tỉnh"},
				{"3", "Đào tạo kỹ năng số cho cán bộ, công chức cấp xã", "350", "298,4", "Ngân sách trung ương"},
			},
			rules: "booktabs",
		},
		after: prose[2:],
	},
	{
		name:    "page-break",
		before:  prose[:2],
		startAt: 582,
		t: table{
			caption: "Bảng 6. Dịch vụ công trực tuyến của các sở, ngành",
			cols:    []column{{44, "C"}, {230, "L"}, {90, "R"}, {90, "R"}},
			header:  [][]string{{"STT", "Cơ quan", "Dịch vụ công", "Hồ sơ"}},
			rows: func() [][]string {
				names := []string{"Sở Tài chính", "Sở Y tế", "Sở Xây dựng", "Sở Giao thông vận tải", "Sở Tư pháp",
					"Sở Kế hoạch và Đầu tư, bao gồm các thủ tục đăng ký doanh nghiệp và hộ kinh doanh", "Sở Nội vụ",
					"Sở Thông tin và Truyền thông", "Sở Tài nguyên và Môi trường", "Sở Công Thương", "Sở Lao động - Thương binh và Xã hội"}
				var rows [][]string
				for i, n := range names {
					rows = append(rows, []string{fmt.Sprint(i + 1), n, fmt.Sprint(40 + 7*i), fmt.Sprintf("%d.%03d", 1+i, 120+37*i)})
				}
				return rows
			}(),
			rules:  "header",
			repeat: true,
		},
		after: prose[2:],
	},
}

// gold is the JSON written beside each PDF.
type gold struct {
	Source string      `json:"source"`
	Tables []goldTable `json:"tables"`
}

type goldTable struct {
	Rows []goldRow `json:"rows"`
}

type goldRow struct {
	Header bool     `json:"header,omitempty"`
	Cells  []string `json:"cells"`
}

func main() {
	out := flag.String("out", "testdata/pdf/borderless", "output directory")
	font := flag.String("font", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "TrueType font")
	bold := flag.String("bold", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", "bold TrueType font")
	flag.Parse()
	regular, err := os.ReadFile(*font)
	if err != nil {
		log.Fatal(err)
	}
	boldBytes, err := os.ReadFile(*bold)
	if err != nil {
		log.Fatal(err)
	}
	for _, d := range docs {
		g, err := write(d, regular, boldBytes, filepath.Join(*out, d.name+".pdf"))
		if err != nil {
			log.Fatal(err)
		}
		g.Source = "made by mk/main.go (" + d.name + ")"
		b, _ := json.MarshalIndent(g, "", "  ")
		if err := os.WriteFile(filepath.Join(*out, d.name+".json"), append(b, '\n'), 0o644); err != nil {
			log.Fatal(err)
		}
	}
}

// writer draws a document.
type writer struct {
	pdf *fpdf.Fpdf
	y   float64
}

// paragraph sets running text, justified, over the text width.
func (w *writer) paragraph(s string) {
	w.pdf.SetFont("body", "", fontSize)
	w.pdf.SetXY(margin, w.y)
	w.pdf.MultiCell(595.28-2*margin, lineH, s, "", "J", false)
	w.y = w.pdf.GetY() + 6
}

// bottom is the lowest y a line may start at.
const bottom = 841.89 - margin - lineH

func write(d doc, regular, boldBytes []byte, path string) (gold, error) {
	pdf := fpdf.New("P", "pt", "A4", "")
	pdf.SetCompression(true)
	pdf.SetCreationDate(time.Date(2024, 1, 15, 9, 0, 0, 0, time.UTC))
	pdf.SetModificationDate(time.Date(2024, 1, 15, 9, 0, 0, 0, time.UTC))
	pdf.AddUTF8FontFromBytes("body", "", regular)
	pdf.AddUTF8FontFromBytes("body", "B", boldBytes)
	pdf.SetMargins(margin, margin, margin)
	pdf.SetAutoPageBreak(false, margin)
	pdf.AddPage()
	w := &writer{pdf: pdf, y: margin}
	for _, s := range d.before {
		w.paragraph(s)
	}
	if d.startAt > 0 {
		w.y = margin + d.startAt
	}
	g := gold{Tables: []goldTable{w.table(d.t)}}
	for _, s := range d.after {
		w.paragraph(s)
	}
	if err := pdf.OutputFileAndClose(path); err != nil {
		return g, err
	}
	return g, nil
}

// table draws t from w.y and returns its gold: the header row (header
// lines joined per column), repeated where the header is repeated on a
// new page, and one row per data row.
func (w *writer) table(t table) goldTable {
	pdf := w.pdf
	width := 0.0
	for _, c := range t.cols {
		width += c.w
	}
	x0 := (595.28 - width) / 2
	pdf.SetFont("body", "", fontSize)
	pdf.SetXY(margin, w.y)
	pdf.CellFormat(595.28-2*margin, lineH, t.caption, "", 0, "C", false, 0, "")
	w.y += lineH + 2
	if t.unit != "" {
		pdf.SetXY(margin, w.y)
		pdf.CellFormat(x0+width-margin, lineH, t.unit, "", 0, "R", false, 0, "")
		w.y += lineH + 2
	}
	top := w.y
	var g goldTable
	wrap := func(s string, c column, style string) []string {
		pdf.SetFont("body", style, fontSize)
		var out []string
		for _, b := range pdf.SplitText(s, c.w-2*pad) {
			out = append(out, strings.TrimSpace(b))
		}
		return out
	}
	// line draws one line of each cell of a row at w.y.
	line := func(cells [][]string, k int, style string) {
		pdf.SetFont("body", style, fontSize)
		x := x0
		for ci, c := range t.cols {
			if k < len(cells[ci]) {
				pdf.SetXY(x+pad, w.y)
				pdf.CellFormat(c.w-2*pad, lineH, cells[ci][k], "", 0, c.align, false, 0, "")
			}
			x += c.w
		}
		w.y += lineH
	}
	rule := func(y float64) { pdf.Line(x0, y, x0+width, y) }
	repeated := false // a repeated header waits for the row it split
	header := func() {
		for _, h := range t.header {
			cells := make([][]string, len(h))
			n := 0
			for ci, s := range h {
				cells[ci] = wrap(s, t.cols[ci], "B")
				n = max(n, len(cells[ci]))
			}
			for k := 0; k < n; k++ {
				line(cells, k, "B")
			}
			if !repeated {
				g.Rows = append(g.Rows, goldRow{Header: true, Cells: h})
			}
		}
		w.y += 3
		if t.rules == "header" || t.rules == "booktabs" {
			pdf.SetLineWidth(0.8)
			rule(w.y - 1.5)
		}
	}
	if t.rules == "booktabs" {
		pdf.SetLineWidth(0.8)
		rule(w.y - 1.5)
	}
	header()
	for _, r := range t.rows {
		cells := make([][]string, len(r))
		n := 0
		for ci, s := range r {
			cells[ci] = wrap(s, t.cols[ci], "")
			n = max(n, len(cells[ci]))
		}
		for k := 0; k < n; k++ {
			if w.y > bottom {
				// The row runs on to the next page.
				pdf.AddPage()
				w.y = margin
				if t.repeat {
					// Between two rows the header goes in its place;
					// inside a row, after it.
					repeated = k > 0
					header()
				}
			}
			line(cells, k, "")
		}
		w.y += 2
		g.Rows = append(g.Rows, goldRow{Cells: r})
		if repeated {
			// The header repeated on the new page follows the row the
			// page break split: that row is joined across the break.
			for _, h := range t.header {
				g.Rows = append(g.Rows, goldRow{Header: true, Cells: h})
			}
			repeated = false
		}
	}
	switch t.rules {
	case "booktabs":
		rule(w.y)
	case "box":
		pdf.SetLineWidth(0.6)
		pdf.Rect(x0, top-2, width, w.y-top+2, "D")
	}
	w.y += lineH
	return g
}
