package extract

import (
	"strings"
	"testing"
)

// tbl builds a table block from rows of cells "a|b|c"; a row starting
// with "H:" is a header row. Cells get positions on page, table idx.
func tbl(page, idx int, rows ...string) Block {
	t := &Table{}
	for i, r := range rows {
		var row Row
		if s, ok := strings.CutPrefix(r, "H:"); ok {
			row.Header, r = true, s
		}
		for j, c := range strings.Split(r, "|") {
			row.Cells = append(row.Cells, Cell{Text: c, Pos: Pos{Page: page, Line: i + 1, Table: idx, Row: i + 1, Cell: j + 1},
				Box: Box{X: float64(100 * j), Y: float64(20 * i), W: 50, H: 12}})
		}
		t.Rows = append(t.Rows, row)
	}
	return Block{Kind: TableKind, Table: t}
}

func para(s ...string) Block {
	b := Block{Kind: Paragraph}
	for _, l := range s {
		b.Lines = append(b.Lines, Line{Text: l})
	}
	return b
}

// show renders the blocks of d: tables as rows "a|b" ("H:" for header
// rows) with the position of the first cell, paragraphs as their text.
func show(d *Document) string {
	var out []string
	for _, b := range d.Blocks {
		if b.Kind != TableKind {
			out = append(out, "P:"+b.Text())
			continue
		}
		var rows []string
		for _, r := range b.Table.Rows {
			var cs []string
			for _, c := range r.Cells {
				cs = append(cs, c.Text)
			}
			s := strings.Join(cs, "|")
			if r.Header {
				s = "H:" + s
			}
			p := r.Cells[0].Pos
			rows = append(rows, s+"@"+itoa(p.Table)+"."+itoa(p.Row))
		}
		out = append(out, "T:"+strings.Join(rows, " / "))
	}
	return strings.Join(out, "\n")
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}

func TestMergeTables(t *testing.T) {
	for _, c := range []struct {
		name   string
		blocks []Block
		want   string
	}{
		{"repeated header and a row split by the break",
			[]Block{
				tbl(1, 1, "H:STT|Cơ quan|Hồ sơ", "1|Sở Tài chính|1.120", "2|Sở Kế hoạch và|2.157"),
				tbl(2, 2, "H:STT|Cơ quan|Hồ sơ", "|Đầu tư|", "3|Sở Y tế|3.194"),
			},
			"T:H:STT|Cơ quan|Hồ sơ@1.1 / 1|Sở Tài chính|1.120@1.2 / 2|Sở Kế hoạch và Đầu tư|2.157@1.3 / H:STT|Cơ quan|Hồ sơ@1.4 / 3|Sở Y tế|3.194@1.5"},
		{"unmarked header repeated; page number between the parts",
			[]Block{
				tbl(1, 1, "STT|Cơ quan|Hồ sơ", "1|Sở Tài chính|1.120"),
				para("12"),
				tbl(2, 2, "stt|Cơ  quan|Hồ sơ", "2|Sở Y tế|2.157"),
				para("Đoạn văn sau bảng."),
				tbl(3, 3, "a|b", "1|2"),
			},
			"T:H:STT|Cơ quan|Hồ sơ@1.1 / 1|Sở Tài chính|1.120@1.2 / H:stt|Cơ  quan|Hồ sơ@1.3 / 2|Sở Y tế|2.157@1.4\nP:Đoạn văn sau bảng.\nT:a|b@2.1 / 1|2@2.2"},
		{"a bold first row of a later part is no header",
			[]Block{
				tbl(1, 1, "H:TT|Nội dung", "1|Hạ tầng"),
				tbl(2, 2, "H:II|Dịch vụ", "2|Ứng dụng"),
			},
			"T:H:TT|Nội dung@1.1 / 1|Hạ tầng@1.2 / II|Dịch vụ@1.3 / 2|Ứng dụng@1.4"},
		{"total row and first row are not joined; hyphenated word is",
			[]Block{
				tbl(1, 1, "|Cấp|Số", "1|Cấp tỉnh|120", "|dịch COVID-|", "|19|", "|Tổng cộng|120"),
			},
			"T:|Cấp|Số@1.1 / 1|Cấp tỉnh dịch COVID-19|120@1.2 / |Tổng cộng|120@1.3"},
		{"a paragraph ends the table",
			[]Block{tbl(1, 1, "H:A|B", "1|2"), para("Bảng 2"), tbl(1, 2, "H:A|B", "3|4")},
			"T:H:A|B@1.1 / 1|2@1.2\nP:Bảng 2\nT:H:A|B@2.1 / 3|4@2.2"},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := &Document{Blocks: c.blocks}
			MergeTables(d)
			if got := show(d); got != c.want {
				t.Errorf("got\n%s\nwant\n%s", got, c.want)
			}
		})
	}
}

func TestMergeTablesBoxes(t *testing.T) {
	d := &Document{Blocks: []Block{tbl(1, 1, "1|Cấp thành|263"), tbl(1, 1, "|phố|")}}
	MergeTables(d)
	rows := d.Blocks[0].Table.Rows
	if len(rows) != 1 {
		t.Fatalf("rows %+v", rows)
	}
	// The continuation lay on the same page: the box grows over both.
	if c := rows[0].Cells[1]; c.Text != "Cấp thành phố" || c.Box != (Box{X: 100, Y: 0, W: 50, H: 12}) {
		t.Errorf("cell %+v", c)
	}
}

func TestJoinWrapped(t *testing.T) {
	for _, c := range [][3]string{
		{"COVID-", "19", "COVID-19"},
		{"Cấp thành", "phố", "Cấp thành phố"},
		{"a -", "b", "a - b"},
		{"-", "b", "- b"},
	} {
		if got := JoinWrapped(c[0], c[1]); got != c[2] {
			t.Errorf("JoinWrapped(%q, %q) = %q, want %q", c[0], c[1], got, c[2])
		}
	}
}
