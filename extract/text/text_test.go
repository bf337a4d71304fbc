package text

import (
	"strings"
	"testing"

	"github.com/baocao/baocao/extract"
)

func paragraphs(d *extract.Document) []string {
	var out []string
	for _, b := range d.Blocks {
		if b.Kind != extract.TableKind {
			out = append(out, b.Text())
		}
	}
	return out
}

func tables(d *extract.Document) []*extract.Table {
	var out []*extract.Table
	for _, b := range d.Blocks {
		if b.Kind == extract.TableKind {
			out = append(out, b.Table)
		}
	}
	return out
}

// TestFootnotes covers the footnote shapes of text exports: superscript
// markers, Markdown definitions, "[n]" lines, and the lone-number
// markers of PDF-to-text output. Markers never stay glued to numbers.
func TestFootnotes(t *testing.T) {
	tests := []struct {
		name, in  string
		body      string // a substring of the body text
		id, note  string // a footnote and a substring of its text
		notInBody string
	}{
		{"superscript", "Tỉnh đã hoàn thiện 25¹ cơ sở dữ liệu.\n\n¹ Danh mục cơ quan; Danh mục đơn vị.\n",
			"hoàn thiện 25 cơ sở", "1", "Danh mục cơ quan", "251"},
		{"parenthesised superscript", "Đã phê duyệt 20 HTTT cấp độ 2⁽¹³⁾.\n\n⁽¹³⁾ Hệ thống thông tin của các sở.\n",
			"cấp độ 2.", "13", "các sở", "213"},
		{"markdown", "Cung cấp 1.774 thủ tục[^8].\n\n[^8]: Tính đến tháng 9/2021.\n",
			"1.774 thủ tục.", "8", "tháng 9/2021", "[^8]"},
		{"bracket", "Nhân lực chuyên trách CNTT[3] được củng cố.\n\n[3] Cấp tỉnh 66 người, cấp huyện 31 người.\n",
			"CNTT được củng cố", "3", "66 người", "[3]"},
		{"pdf export", "- Tỉnh đã hoàn thiện 25 \n\n1\n\n cơ sở dữ liệu dùng chung\n\n" + strings.Repeat(" ", 40) + "\n1 Danh mục cơ quan; Danh mục đơn vị\n\n \n",
			"hoàn thiện 25", "1", "Danh mục cơ quan", "25 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Parse(tt.in)
			body := strings.Join(paragraphs(d), "\n")
			if !strings.Contains(body, tt.body) {
				t.Errorf("body %q lacks %q", body, tt.body)
			}
			if tt.notInBody != "" && strings.Contains(body, tt.notInBody) {
				t.Errorf("body %q holds %q", body, tt.notInBody)
			}
			found := false
			for _, f := range d.Footnotes {
				var b strings.Builder
				for _, l := range f.Lines {
					b.WriteString(l.Text + " ")
				}
				if f.ID == tt.id && strings.Contains(b.String(), tt.note) {
					found = true
					if f.Ref.Line == 0 {
						t.Errorf("footnote %s has no reference position", f.ID)
					}
				}
			}
			if !found {
				t.Errorf("footnote %s with %q not found in %+v", tt.id, tt.note, d.Footnotes)
			}
		})
	}
}

// TestTables covers tab-separated, pipe (with and without outer pipes),
// two-column tab and space-aligned tables.
func TestTables(t *testing.T) {
	tests := []struct {
		name, in string
		rows     int
		cell     string // text of row 2, cell 2
	}{
		{"tabs", "STT\tChỉ tiêu\tKết quả\n1\tTổng số TTHC\t1.689\n2\tDVCTT toàn trình\t845\n", 3, "Tổng số TTHC"},
		{"pipes", "| STT | Chỉ tiêu | Kết quả |\n|---|---|---|\n| 1 | Tổng số TTHC | 1.689 |\n", 2, "Tổng số TTHC"},
		{"pipes without outer pipes", "STT | Chỉ tiêu | Kết quả\n1 | Tổng số TTHC | 1.689\n", 2, "Tổng số TTHC"},
		{"label tab value", "Chỉ tiêu\tKết quả\nTổng số TTHC\t1.689\nSố hộp thư\t6.830\n", 3, "1.689"},
		{"space aligned", "STT  Chỉ tiêu              ĐVT       Kết quả\n 1   Tổng số TTHC          thủ tục   1.862\n 2   DVCTT mức độ 3        dịch vụ   412\n", 3, "Tổng số TTHC"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts := tables(Parse(tt.in))
			if len(ts) != 1 {
				t.Fatalf("%d tables, want 1", len(ts))
			}
			if len(ts[0].Rows) != tt.rows {
				t.Fatalf("%d rows, want %d: %+v", len(ts[0].Rows), tt.rows, ts[0].Rows)
			}
			if got := ts[0].Rows[1].Cells[1].Text; got != tt.cell {
				t.Errorf("row 2 cell 2 = %q, want %q", got, tt.cell)
			}
			if ts[0].Rows[1].Cells[1].Pos.Line == 0 {
				t.Errorf("cell without a line number")
			}
		})
	}
	// Prose with a double space is not a table.
	if ts := tables(Parse("Tỉnh đã  ban hành kế hoạch.\nCác sở  đã triển khai.\nKết quả  tốt.\n")); len(ts) != 0 {
		t.Errorf("prose read as %d tables", len(ts))
	}
}

// TestLinePositions checks that lines keep their line numbers in the
// file and that Markdown markup is removed.
func TestLinePositions(t *testing.T) {
	d := Parse("# Báo cáo\n\n**Đơn vị tính:** triệu đồng\n\nKinh phí *năm 2021*: 29.473,482 triệu đồng.\n")
	var found bool
	for _, b := range d.Blocks {
		for _, l := range b.Lines {
			if strings.Contains(l.Text, "29.473,482") {
				found = true
				if l.Pos.Line != 5 || l.Pos.Page != 0 {
					t.Errorf("position %+v, want page 0 line 5", l.Pos)
				}
				if strings.Contains(l.Text, "*") {
					t.Errorf("markup left in %q", l.Text)
				}
			}
		}
	}
	if !found {
		t.Fatal("line not found")
	}
	if d.Blocks[0].Kind != extract.Heading {
		t.Errorf("first block is %s, want a heading", d.Blocks[0].Kind)
	}
}

func TestSuperscriptTests(t *testing.T) {
	for _, tc := range []struct {
		s           string
		has, starts bool
	}{
		{"cấp độ 2¹³ hệ thống", true, false},
		{"²⁵ Theo Quyết định", true, true},
		{"⁽³⁾ Số liệu", true, true},
		{"dịch vụ⁴", true, false},
		{"mức độ 4 và 3", false, false},
		{"nhiệt độ 25°C, ±2", false, false},
		{"", false, false},
	} {
		if got := hasSuperscript(tc.s); got != tc.has {
			t.Errorf("hasSuperscript(%q) = %v, want %v", tc.s, got, tc.has)
		}
		if got := startsSuperscript(tc.s); got != tc.starts {
			t.Errorf("startsSuperscript(%q) = %v, want %v", tc.s, got, tc.starts)
		}
	}
}
