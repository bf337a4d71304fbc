package synth

import (
	"archive/zip"
	"encoding/csv"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/go-pdf/fpdf"
)

// ReadProvincesCSV reads provinces from CSV with a header naming at
// least the columns code, name and type (as in
// shared/data/provinces/provinces-63-until-2025-06-30.csv); a type
// starting with "Thành phố" marks a centrally run city.
func ReadProvincesCSV(r io.Reader) ([]Province, error) {
	rows, err := csv.NewReader(r).ReadAll()
	if err != nil {
		return nil, err
	}
	if len(rows) < 2 {
		return nil, errors.New("no provinces")
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[strings.TrimSpace(h)] = i
	}
	for _, c := range []string{"code", "name", "type"} {
		if _, ok := col[c]; !ok {
			return nil, fmt.Errorf("no column %q", c)
		}
	}
	var ps []Province
	for _, row := range rows[1:] {
		ps = append(ps, Province{
			Code: row[col["code"]],
			Name: row[col["name"]],
			City: strings.HasPrefix(row[col["type"]], "Thành phố"),
		})
	}
	return ps, nil
}

// WriteText writes the report as UTF-8 text (see [Report.Text]).
func WriteText(w io.Writer, r *Report) error {
	_, err := io.WriteString(w, r.Text())
	return err
}

// fixedTime is the zip entries' time, so that the same report gives the
// same bytes.
var fixedTime = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)

// WriteDOCX writes the report as a WordprocessingML document: headings
// with Heading styles, paragraphs, tables and real footnotes in
// word/footnotes.xml.
func WriteDOCX(w io.Writer, r *Report) error {
	zw := zip.NewWriter(w)
	part := func(name, content string) error {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: fixedTime})
		if err != nil {
			return err
		}
		_, err = io.WriteString(f, content)
		return err
	}
	hasNotes := len(r.Footnotes) > 0
	ct := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>`
	if hasNotes {
		ct += `<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>`
	}
	ct += `</Types>`
	rels := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`
	docRels := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`
	if hasNotes {
		docRels += `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>`
	}
	docRels += `</Relationships>`

	const ns = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n<w:document " + ns + "><w:body>")
	run := func(text string) string {
		return `<w:r><w:t xml:space="preserve">` + esc(text) + `</w:t></w:r>`
	}
	for _, bl := range r.Blocks {
		switch bl.Kind {
		case Heading:
			level := 1
			if len(bl.Text) > 0 && bl.Text[0] >= '0' && bl.Text[0] <= '9' {
				level = 2
			}
			fmt.Fprintf(&b, `<w:p><w:pPr><w:pStyle w:val="Heading%d"/></w:pPr>%s</w:p>`, level, run(bl.Text))
		case Paragraph:
			b.WriteString(`<w:p>` + run(bl.Text))
			if bl.Footnote != "" {
				fmt.Fprintf(&b, `<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="%s"/></w:r>`, bl.Footnote)
			}
			b.WriteString(`</w:p>`)
		case Table:
			b.WriteString(`<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr>`)
			for i, row := range bl.Rows {
				b.WriteString(`<w:tr>`)
				if i == 0 {
					b.WriteString(`<w:trPr><w:tblHeader/></w:trPr>`)
				}
				for _, c := range row {
					b.WriteString(`<w:tc><w:p>` + run(c) + `</w:p></w:tc>`)
				}
				b.WriteString(`</w:tr>`)
			}
			b.WriteString(`</w:tbl>`)
		}
	}
	b.WriteString(`<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`)

	var fn strings.Builder
	if hasNotes {
		fn.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n<w:footnotes " + ns + ">")
		fn.WriteString(`<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>`)
		for _, n := range r.Footnotes {
			fmt.Fprintf(&fn, `<w:footnote w:id="%s"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>%s</w:p></w:footnote>`, n.ID, run(" "+n.Text))
		}
		fn.WriteString(`</w:footnotes>`)
	}
	for _, p := range []struct{ name, content string }{
		{"[Content_Types].xml", ct},
		{"_rels/.rels", rels},
		{"word/_rels/document.xml.rels", docRels},
		{"word/document.xml", b.String()},
	} {
		if err := part(p.name, p.content); err != nil {
			return err
		}
	}
	if hasNotes {
		if err := part("word/footnotes.xml", fn.String()); err != nil {
			return err
		}
	}
	return zw.Close()
}

func esc(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// WritePDF writes the report as an A4 PDF in the TrueType font at
// fontPath, which must cover Vietnamese (DejaVu Sans does). Footnotes
// are printed after the body, each with its ⁽N⁾ marker.
func WritePDF(w io.Writer, r *Report, fontPath string) error {
	font, err := os.ReadFile(fontPath)
	if err != nil {
		return fmt.Errorf("font: %w", err)
	}
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCreationDate(fixedTime)
	pdf.SetModificationDate(fixedTime)
	pdf.SetCompression(true)
	pdf.AddUTF8FontFromBytes("body", "", font)
	pdf.SetMargins(20, 20, 20)
	pdf.SetAutoPageBreak(true, 20)
	pdf.AliasNbPages("")
	pdf.SetFooterFunc(func() {
		pdf.SetY(-15)
		pdf.SetFont("body", "", 9)
		pdf.CellFormat(0, 8, fmt.Sprint(pdf.PageNo()), "", 0, "C", false, 0, "")
	})
	pdf.AddPage()
	width := 170.0
	for _, bl := range r.Blocks {
		switch bl.Kind {
		case Heading:
			pdf.SetFont("body", "", 12)
			pdf.MultiCell(width, 6, bl.Text, "", "L", false)
			pdf.Ln(1)
		case Paragraph:
			pdf.SetFont("body", "", 11)
			text := bl.Text
			if bl.Footnote != "" {
				text += superscript(bl.Footnote)
			}
			pdf.MultiCell(width, 5.5, text, "", "J", false)
			pdf.Ln(1.5)
		case Table:
			pdf.SetFont("body", "", 9)
			cols := len(bl.Rows[0])
			widths := make([]float64, cols)
			for i := range widths {
				widths[i] = width / float64(cols)
			}
			if cols >= 4 {
				widths[0] = 12
				rest := (width - 12) / float64(cols-1)
				for i := 1; i < cols; i++ {
					widths[i] = rest
				}
				widths[1] = rest * 1.6
				for i := 2; i < cols; i++ {
					widths[i] = (width - 12 - widths[1]) / float64(cols-2)
				}
			}
			for _, row := range bl.Rows {
				// Row height from the tallest cell.
				lines := 1
				for i, c := range row {
					if n := len(pdf.SplitText(c, widths[i]-2)); n > lines {
						lines = n
					}
				}
				h := 5 * float64(lines)
				if pdf.GetY()+h > 277 {
					pdf.AddPage()
				}
				x, y := pdf.GetXY()
				for i, c := range row {
					pdf.Rect(x, y, widths[i], h, "D")
					pdf.SetXY(x+1, y)
					pdf.MultiCell(widths[i]-2, 5, c, "", "L", false)
					x += widths[i]
				}
				pdf.SetXY(20, y+h)
			}
			pdf.Ln(3)
		}
	}
	if len(r.Footnotes) > 0 {
		pdf.Ln(4)
		pdf.SetFont("body", "", 9)
		pdf.Line(20, pdf.GetY(), 70, pdf.GetY())
		pdf.Ln(2)
		for _, n := range r.Footnotes {
			pdf.MultiCell(width, 4.5, superscript(n.ID)+" "+n.Text, "", "L", false)
		}
	}
	return pdf.Output(w)
}
