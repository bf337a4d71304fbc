package docx_test

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/baocao/baocao/extract"
	"github.com/baocao/baocao/extract/docx"
)

var update = flag.Bool("update", false, "rewrite the fixtures under testdata/docx")

// fixtureDir is where the generated fixtures live, shared with other
// packages' tests of bad input.
const fixtureDir = "../../testdata/docx"

const stylesXML = xmlHead + `<w:styles ` + wNS + `>` +
	`<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/></w:rPr></w:rPrDefault></w:docDefaults>` +
	`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="u2"><w:name w:val="Tiêu đề 2"/><w:basedOn w:val="Normal"/></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Muc3"><w:name w:val="Mục ba"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Muc3Con"><w:name w:val="Mục ba con"/><w:basedOn w:val="Muc3"/></w:style>` +
	`<w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="VnBody"><w:name w:val="VnBody"/><w:rPr><w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/></w:rPr></w:style>` +
	`<w:style w:type="character" w:styleId="VniChar"><w:name w:val="Vni Char"/><w:rPr><w:rFonts w:ascii="VNI-Times" w:hAnsi="VNI-Times"/></w:rPr></w:style>` +
	`</w:styles>`

func pStyle(style, text string) string {
	return `<w:p><w:pPr><w:pStyle w:val="` + style + `"/></w:pPr><w:r><w:t>` + text + `</w:t></w:r></w:p>`
}

func line(n int, text string) []extract.Line {
	return []extract.Line{{Text: text, Pos: extract.Pos{Line: n}}}
}

// goodCase is a well-formed test file and what Read must make of it.
type goodCase struct {
	name      string
	parts     []part
	blocks    []extract.Block
	footnotes []extract.Footnote
	meta      extract.Meta
	absent    []string // text that must not appear anywhere in the body
	warnings  []string // the warnings, after "NAME.docx: "
}

var goodCases = []goodCase{
	{
		name: "headings",
		parts: []part{
			{"word/styles.xml", stylesXML},
			{"word/document.xml", document(
				pStyle("Heading1", "I. KẾT QUẢ") +
					`<w:p/>` +
					pStyle("u2", "1. Công tác chỉ đạo") +
					pStyle("Muc3Con", "a) Hạ tầng") +
					`<w:p><w:pPr><w:pStyle w:val="Heading4"/></w:pPr><w:r><w:t>Không có trong styles</w:t></w:r></w:p>` +
					`<w:p><w:pPr><w:outlineLvl w:val="4"/></w:pPr><w:r><w:t>Cấp 5 trực tiếp</w:t></w:r></w:p>` +
					`<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="7"/></w:numPr></w:pPr><w:r><w:t>Mục danh sách</w:t></w:r></w:p>` +
					pStyle("ListBullet", "Gạch đầu dòng") +
					`<w:p><w:pPr><w:pStyle w:val="ListBullet"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>Bỏ đánh số</w:t></w:r></w:p>` +
					`<w:p><w:r><w:t xml:space="preserve">   </w:t></w:r></w:p>` +
					para("Đoạn thường"))},
		},
		blocks: []extract.Block{
			{Kind: extract.Heading, Level: 1, Lines: line(1, "I. KẾT QUẢ")},
			{Kind: extract.Heading, Level: 2, Lines: line(3, "1. Công tác chỉ đạo")},
			{Kind: extract.Heading, Level: 3, Lines: line(4, "a) Hạ tầng")},
			{Kind: extract.Heading, Level: 4, Lines: line(5, "Không có trong styles")},
			{Kind: extract.Heading, Level: 5, Lines: line(6, "Cấp 5 trực tiếp")},
			{Kind: extract.ListItem, Level: 2, Lines: line(7, "Mục danh sách")},
			{Kind: extract.ListItem, Level: 1, Lines: line(8, "Gạch đầu dòng")},
			{Kind: extract.Paragraph, Lines: line(9, "Bỏ đánh số")},
			{Kind: extract.Paragraph, Lines: line(11, "Đoạn thường")},
		},
	},
	{
		name: "table",
		parts: []part{{"word/document.xml", document(
			para("Trước bảng") +
				`<w:tbl><w:tblPr><w:tblW w:w="0"/></w:tblPr><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>` +
				`<w:tr><w:trPr><w:tblHeader/></w:trPr>` +
				`<w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>` + para("Dự án") + `</w:tc>` +
				`<w:tc>` + para("Kinh phí") + `</w:tc></w:tr>` +
				`<w:tr>` +
				`<w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr>` + para("1") + `</w:tc>` +
				`<w:tc>` + para("Hạ tầng") + `<w:p/>` + para("mạng LAN") + `</w:tc>` +
				`<w:tc>` + `<w:p><w:r><w:t>1.058</w:t></w:r><w:r><w:footnoteReference w:id="5"/></w:r></w:p>` + `</w:tc></w:tr>` +
				`<w:tr>` +
				`<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>` +
				`<w:tc><w:tbl><w:tr><w:tc>` + para("lồng A") + `</w:tc><w:tc>` + para("lồng B") + `</w:tc></w:tr></w:tbl></w:tc>` +
				`<w:tc>` + para("2.215,6") + `</w:tc></w:tr>` +
				`<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>` +
				`<w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>` + para("Tổng") + `</w:tc></w:tr>` +
				`</w:tbl>` +
				para("Sau bảng"))},
			{"word/footnotes.xml", xmlHead + `<w:footnotes ` + wNS + `><w:footnote w:id="5">` + para("Ghi chú trong bảng") + `</w:footnote></w:footnotes>`},
		},
		blocks: []extract.Block{
			{Kind: extract.Paragraph, Lines: line(1, "Trước bảng")},
			{Kind: extract.TableKind, FootnoteRefs: []string{"5"}, Table: &extract.Table{Rows: []extract.Row{
				{Header: true, Cells: []extract.Cell{
					{Text: "Dự án", Span: 2, Pos: extract.Pos{Line: 2, Table: 1, Row: 1, Cell: 1}},
					{Text: "Kinh phí", Span: 1, Pos: extract.Pos{Line: 3, Table: 1, Row: 1, Cell: 3}},
				}},
				{Cells: []extract.Cell{
					{Text: "1", Span: 1, Pos: extract.Pos{Line: 4, Table: 1, Row: 2, Cell: 1}},
					{Text: "Hạ tầng\nmạng LAN", Span: 1, Pos: extract.Pos{Line: 5, Table: 1, Row: 2, Cell: 2}},
					{Text: "1.058", Span: 1, Pos: extract.Pos{Line: 8, Table: 1, Row: 2, Cell: 3}},
				}},
				{Cells: []extract.Cell{
					{Text: "1", Span: 1, Pos: extract.Pos{Line: 9, Table: 1, Row: 3, Cell: 1}},
					{Text: "lồng A\nlồng B", Span: 1, Pos: extract.Pos{Line: 10, Table: 1, Row: 3, Cell: 2}},
					{Text: "2.215,6", Span: 1, Pos: extract.Pos{Line: 12, Table: 1, Row: 3, Cell: 3}},
				}},
				{Cells: []extract.Cell{
					{Text: "Tổng", Span: 2, Pos: extract.Pos{Line: 13, Table: 1, Row: 4, Cell: 2}},
				}},
			}}},
			{Kind: extract.Paragraph, Lines: line(14, "Sau bảng")},
		},
		footnotes: []extract.Footnote{
			{ID: "5", Ref: extract.Pos{Line: 8, Table: 1, Row: 2, Cell: 3}, Lines: []extract.Line{{Text: "Ghi chú trong bảng", Pos: extract.Pos{Line: 8, Table: 1, Row: 2, Cell: 3}}}},
		},
	},
	{
		name: "footnotes",
		parts: []part{
			{"word/_rels/document.xml.rels", xmlHead + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
				`<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="notes/fn.xml"/>` +
				`<Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes" Target="/word/en.xml"/>` +
				`</Relationships>`},
			{"word/document.xml", document(
				`<w:p><w:r><w:t>Tỉnh đã hoàn thiện 25</w:t></w:r><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="24"/></w:r><w:r><w:t xml:space="preserve"> cơ sở dữ liệu</w:t></w:r></w:p>` +
					`<w:p><w:r><w:t>cấp độ 2</w:t></w:r><w:r><w:endnoteReference w:id="1"/></w:r><w:r><w:t>; có 04</w:t></w:r><w:r><w:footnoteReference w:id="3"/></w:r></w:p>`)},
			{"word/notes/fn.xml", xmlHead + `<w:footnotes ` + wNS + `>` +
				`<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>` +
				`<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>` +
				`<w:footnote w:id="3"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Ba hệ thống.</w:t></w:r></w:p></w:footnote>` +
				`<w:footnote w:id="24"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Danh mục cơ quan;</w:t></w:r></w:p><w:p><w:r><w:t>Danh mục đơn vị</w:t></w:r></w:p></w:footnote>` +
				`<w:footnote w:id="9"><w:p><w:r><w:t>Không được tham chiếu</w:t></w:r></w:p></w:footnote>` +
				`</w:footnotes>`},
			{"word/en.xml", xmlHead + `<w:endnotes ` + wNS + `>` +
				`<w:endnote w:type="separator" w:id="0"><w:p><w:r><w:separator/></w:r></w:p></w:endnote>` +
				`<w:endnote w:id="1"><w:p><w:r><w:endnoteRef/></w:r><w:r><w:t xml:space="preserve"> Theo Thông tư 12/2022/TT-BTTTT.</w:t></w:r></w:p></w:endnote>` +
				`</w:endnotes>`},
		},
		blocks: []extract.Block{
			{Kind: extract.Paragraph, Lines: line(1, "Tỉnh đã hoàn thiện 25 cơ sở dữ liệu"), FootnoteRefs: []string{"24"}},
			{Kind: extract.Paragraph, Lines: line(2, "cấp độ 2; có 04"), FootnoteRefs: []string{"e1", "3"}},
		},
		footnotes: []extract.Footnote{
			{ID: "24", Ref: extract.Pos{Line: 1}, Lines: []extract.Line{{Text: "Danh mục cơ quan;", Pos: extract.Pos{Line: 1}}, {Text: "Danh mục đơn vị", Pos: extract.Pos{Line: 1}}}},
			{ID: "e1", Ref: extract.Pos{Line: 2}, Lines: []extract.Line{{Text: "Theo Thông tư 12/2022/TT-BTTTT.", Pos: extract.Pos{Line: 2}}}},
			{ID: "3", Ref: extract.Pos{Line: 2}, Lines: []extract.Line{{Text: "Ba hệ thống.", Pos: extract.Pos{Line: 2}}}},
			{ID: "9", Lines: []extract.Line{{Text: "Không được tham chiếu"}}},
		},
		absent: []string{"251", "24"},
	},
	{
		name: "headerfooter",
		parts: []part{
			{"word/_rels/document.xml.rels", xmlHead + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
				`<Relationship Id="rIdH" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>` +
				`<Relationship Id="rIdF" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>` +
				`</Relationships>`},
			{"word/document.xml", document(para("Nội dung báo cáo"))},
			{"word/header1.xml", xmlHead + `<w:hdr ` + wNS + `>` + para("ĐẦU TRANG 77") + `</w:hdr>`},
			{"word/footer1.xml", xmlHead + `<w:ftr ` + wNS + `>` + para("CHÂN TRANG 88") + `</w:ftr>`},
		},
		blocks: []extract.Block{{Kind: extract.Paragraph, Lines: line(1, "Nội dung báo cáo")}},
		absent: []string{"77", "88", "TRANG"},
	},
	{
		name: "fields",
		parts: []part{{"word/document.xml", document(
			`<w:p><w:r><w:t xml:space="preserve">Trang </w:t></w:r>` +
				`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>12</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
				`<w:r><w:t xml:space="preserve"> / </w:t></w:r><w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>30</w:t></w:r></w:fldSimple></w:p>` +
				`<w:p><w:r><w:t xml:space="preserve">Xem </w:t></w:r><w:hyperlink r:id="rId9"><w:r><w:t>https://dichvucong.gov.vn</w:t></w:r></w:hyperlink>` +
				`<w:r><w:t xml:space="preserve"> và </w:t></w:r>` +
				`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> HYPERLINK "https://x.vn" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>cổng tỉnh</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>` +
				`<w:p><w:r><w:t>Cột</w:t><w:tab/><w:t>một</w:t><w:br/><w:t>COVID</w:t><w:noBreakHyphen/><w:t>19 ng</w:t><w:softHyphen/><w:t>ày</w:t><w:sym w:font="Wingdings" w:char="F0FC"/></w:r></w:p>` +
				`<w:p><w:r><w:t xml:space="preserve">Đạt </w:t></w:r><w:del w:id="1" w:author="A"><w:r><w:delText>90</w:delText></w:r></w:del><w:ins w:id="2" w:author="A"><w:r><w:t>95</w:t></w:r></w:ins><w:r><w:t>%</w:t></w:r></w:p>` +
				`<w:p><w:r><w:t>Hoa</w:t></w:r><w:r><w:t>` + "\u0300" + ` Bình</w:t></w:r></w:p>` +
				`<w:p><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>Hộp chữ</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>Hộp chữ</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>sau hộp</w:t></w:r></w:p>`)},
		},
		blocks: []extract.Block{
			{Kind: extract.Paragraph, Lines: line(1, "Trang  /")},
			{Kind: extract.Paragraph, Lines: line(2, "Xem https://dichvucong.gov.vn và cổng tỉnh")},
			{Kind: extract.Paragraph, Lines: line(3, "Cột một COVID-19 ngày")},
			{Kind: extract.Paragraph, Lines: line(4, "Đạt 95%")},
			{Kind: extract.Paragraph, Lines: line(5, "Hoà Bình")},
			{Kind: extract.Paragraph, Lines: line(6, "Hộp chữ sau hộp")},
		},
		absent: []string{"12", "30", "PAGE", "HYPERLINK", "90"},
	},
	{
		name: "vntime",
		parts: []part{
			{"word/styles.xml", stylesXML},
			{"word/document.xml", document(
				`<w:p><w:r><w:rPr><w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/></w:rPr><w:t>Tû lÖ v¨n b¶n</w:t></w:r><w:r><w:t xml:space="preserve"> 1.058</w:t></w:r></w:p>` +
					pStyle("VnBody", "Së Th«ng tin") +
					`<w:p><w:r><w:rPr><w:rStyle w:val="VniChar"/></w:rPr><w:t>Tæng soá</w:t></w:r></w:p>` +
					para("Unicode thường"))},
		},
		blocks: []extract.Block{
			{Kind: extract.Paragraph, Lines: []extract.Line{{Text: "Tû lÖ v¨n b¶n 1.058", Pos: extract.Pos{Line: 1}, Font: ".VnTime"}}},
			{Kind: extract.Paragraph, Lines: []extract.Line{{Text: "Së Th«ng tin", Pos: extract.Pos{Line: 2}, Font: ".VnTime"}}},
			{Kind: extract.Paragraph, Lines: []extract.Line{{Text: "Tæng soá", Pos: extract.Pos{Line: 3}, Font: "VNI-Times"}}},
			{Kind: extract.Paragraph, Lines: line(4, "Unicode thường")},
		},
	},
	{
		// Content the reader skips is named in the warnings: imported
		// content (w:altChunk), an embedded spreadsheet, a chart.
		name: "skipped",
		parts: []part{
			{"word/_rels/document.xml.rels", xmlHead + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
				`<Relationship Id="rIdA" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="afchunk1.docx"/>` +
				`<Relationship Id="rIdO" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/package" Target="embeddings/Microsoft_Excel_Worksheet1.xlsx"/>` +
				`<Relationship Id="rIdC" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="charts/chart1.xml"/>` +
				`</Relationships>`},
			{"word/document.xml", document(para("Trước") + `<w:altChunk r:id="rIdA"/>` +
				`<w:p><w:r><w:object xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:v="urn:schemas-microsoft-com:vml"><v:shape id="s1"/><o:OLEObject Type="Embed" ProgID="Excel.Sheet.12" ShapeID="s1" r:id="rIdO"/></w:object></w:r></w:p>` +
				`<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rIdC"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>` +
				`<w:altChunk r:id="rIdGone"/>` + para("Sau"))},
			{"word/afchunk1.docx", "not read"},
		},
		blocks: []extract.Block{
			{Kind: extract.Paragraph, Lines: line(1, "Trước")},
			{Kind: extract.Paragraph, Lines: line(4, "Sau")},
		},
		warnings: []string{
			"imported content (w:altChunk) not read: word/afchunk1.docx",
			"embedded object (Excel.Sheet.12) not read: word/embeddings/microsoft_excel_worksheet1.xlsx",
			"chart not read: word/charts/chart1.xml",
			"imported content (w:altChunk) not read: a missing part",
		},
	},
	{
		name: "meta",
		parts: []part{
			{"word/document.xml", document(para("Báo cáo"))},
			{"docProps/core.xml", xmlHead + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
				`<dc:title>Báo cáo năm 2021</dc:title><dcterms:created xsi:type="dcterms:W3CDTF">2022-05-06T08:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2022-05-07T09:30:00+07:00</dcterms:modified></cp:coreProperties>`},
		},
		blocks: []extract.Block{{Kind: extract.Paragraph, Lines: line(1, "Báo cáo")}},
		meta: extract.Meta{
			Title:    "Báo cáo năm 2021",
			Created:  time.Date(2022, 5, 6, 8, 0, 0, 0, time.UTC),
			Modified: time.Date(2022, 5, 7, 9, 30, 0, 0, time.FixedZone("", 7*3600)),
		},
	},
}

func readBytes(t testing.TB, name string, b []byte) (*extract.Document, error) {
	t.Helper()
	return docx.Read(context.Background(), bytes.NewReader(b), int64(len(b)), name, extract.Options{})
}

func TestRead(t *testing.T) {
	for _, tc := range goodCases {
		t.Run(tc.name, func(t *testing.T) {
			b := buildDocx(t, tc.parts...)
			if *update {
				writeFixture(t, tc.name, "x.docx", b)
			}
			doc, err := readBytes(t, tc.name+".docx", b)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(doc.Blocks, tc.blocks) {
				t.Errorf("blocks:\n got %s\nwant %s", dump(doc.Blocks), dump(tc.blocks))
			}
			if !reflect.DeepEqual(doc.Footnotes, tc.footnotes) {
				t.Errorf("footnotes:\n got %s\nwant %s", dump(doc.Footnotes), dump(tc.footnotes))
			}
			if !doc.Meta.Created.Equal(tc.meta.Created) || !doc.Meta.Modified.Equal(tc.meta.Modified) || doc.Meta.Title != tc.meta.Title {
				t.Errorf("meta = %+v, want %+v", doc.Meta, tc.meta)
			}
			body := bodyText(doc)
			for _, s := range tc.absent {
				if strings.Contains(body, s) {
					t.Errorf("body contains %q:\n%s", s, body)
				}
			}
			var want []string
			for _, w := range tc.warnings {
				want = append(want, tc.name+".docx: "+w)
			}
			if !slices.Equal(doc.Warnings, want) {
				t.Errorf("warnings:\n got %q\nwant %q", doc.Warnings, want)
			}
		})
	}
}

// badCases are files Read must refuse, with the sentinel it must wrap
// and text the message must hold.
var badCases = []struct {
	name, file string
	build      func(testing.TB) []byte
	want       error
	msg        string
}{
	{"no-document", "x.docx", func(t testing.TB) []byte {
		return buildDocx(t, part{"word/styles.xml", stylesXML})
	}, extract.ErrCorrupt, "no word/document.xml"},
	{"truncated", "x.docx", func(t testing.TB) []byte {
		d := document(para("Một") + para("Hai"))
		return buildDocx(t, part{"word/document.xml", d[:len(d)*2/3]})
	}, extract.ErrCorrupt, ".docx: word/document.xml: corrupt file: XML syntax error on line 2: unexpected EOF"},
	{"zipbomb", "bomb.docx", func(t testing.TB) []byte {
		// Deflating 210 MB takes about a second: use the committed
		// fixture unless rewriting it.
		if b, err := os.ReadFile(filepath.Join(fixtureDir, "zipbomb", "bomb.docx")); err == nil && !*update {
			return b
		}
		return buildBomb(t, 210<<20, false)
	}, extract.ErrTooLarge, "word/document.xml"},
	{"zipbomb-lying", "", func(t testing.TB) []byte {
		return buildBomb(t, 4<<20, true)
	}, nil, "word/document.xml"},
	{"not-zip", "", func(testing.TB) []byte {
		return []byte("PK\x03\x04 this is not really a zip archive")
	}, extract.ErrCorrupt, "not a valid zip archive"},
	{"cut-zip", "", func(t testing.TB) []byte {
		b := buildDocx(t, part{"word/document.xml", document(para("Một"))})
		return b[:len(b)/2]
	}, extract.ErrCorrupt, "cut-zip"},
	{"encrypted", "x.docx", func(testing.TB) []byte {
		b := make([]byte, 4096)
		copy(b, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1})
		for i, c := range "EncryptedPackage" {
			b[1024+2*i] = byte(c)
		}
		return b
	}, extract.ErrEncrypted, "password"},
	{"ole-doc", "", func(testing.TB) []byte {
		b := make([]byte, 4096)
		copy(b, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1})
		return b
	}, extract.ErrUnsupported, "OLE"},
	{"empty", "", func(testing.TB) []byte { return nil }, extract.ErrEmpty, "empty"},
}

func TestReadBad(t *testing.T) {
	for _, tc := range badCases {
		t.Run(tc.name, func(t *testing.T) {
			b := tc.build(t)
			if *update && tc.file != "" {
				writeFixture(t, tc.name, tc.file, b)
			}
			_, err := readBytes(t, tc.name+".docx", b)
			if err == nil {
				t.Fatal("no error")
			}
			if tc.want != nil && !errors.Is(err, tc.want) {
				t.Errorf("error %q does not wrap %q", err, tc.want)
			}
			if tc.want == nil && !errors.Is(err, extract.ErrTooLarge) && !errors.Is(err, extract.ErrCorrupt) {
				t.Errorf("error %q wraps neither ErrTooLarge nor ErrCorrupt", err)
			}
			if !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("error %q lacks %q", err, tc.msg)
			}
			if !strings.HasPrefix(err.Error(), tc.name+".docx: ") {
				t.Errorf("error %q does not start with the file name", err)
			}
		})
	}
}

// TestFixtures checks that the committed fixtures read as their cases
// say, so that other packages may rely on them.
func TestFixtures(t *testing.T) {
	for _, tc := range goodCases {
		doc, err := extract.Read(context.Background(), filepath.Join(fixtureDir, tc.name, "x.docx"), extract.Options{})
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if !reflect.DeepEqual(doc.Blocks, tc.blocks) {
			t.Errorf("%s: fixture blocks differ from the case; run go test -update", tc.name)
		}
		if len(doc.Warnings) != len(tc.warnings) {
			t.Errorf("%s: fixture warnings %q, want %d", tc.name, doc.Warnings, len(tc.warnings))
		}
	}
	for _, tc := range badCases {
		if tc.file == "" {
			continue
		}
		// Through Read directly: corpus.Detect sees neither a zip without
		// word/document.xml nor an OLE file as DOCX.
		b, err := os.ReadFile(filepath.Join(fixtureDir, tc.name, tc.file))
		if err != nil {
			t.Error(err)
			continue
		}
		_, err = readBytes(t, tc.file, b)
		if !errors.Is(err, tc.want) {
			t.Errorf("%s: error %v, want %v", tc.name, err, tc.want)
		}
	}
}

func TestOptionsMaxBytes(t *testing.T) {
	b := buildDocx(t, part{"word/document.xml", document(strings.Repeat(para("Một đoạn văn bản"), 200))})
	for _, tc := range []struct {
		max  int64
		want error
	}{{0, nil}, {1 << 20, nil}, {4096, extract.ErrTooLarge}} {
		_, err := docx.Read(context.Background(), bytes.NewReader(b), int64(len(b)), "x.docx", extract.Options{MaxBytes: tc.max})
		if !errors.Is(err, tc.want) {
			t.Errorf("MaxBytes %d: error %v, want %v", tc.max, err, tc.want)
		}
	}
}

func TestCanceled(t *testing.T) {
	b := buildDocx(t, part{"word/document.xml", document(strings.Repeat(para("Một"), 10000))})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := docx.Read(ctx, bytes.NewReader(b), int64(len(b)), "x.docx", extract.Options{})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("error %v, want context.Canceled", err)
	}
}

func TestTooManyEntries(t *testing.T) {
	var parts []part
	parts = append(parts, part{"word/document.xml", document(para("x"))})
	for i := 0; i <= docx.MaxEntries; i++ {
		parts = append(parts, part{name: "media/" + strings.Repeat("a", 1) + itoa(i)})
	}
	b := buildStored(t, parts...)
	_, err := readBytes(t, "many.docx", b)
	if !errors.Is(err, extract.ErrTooLarge) {
		t.Fatalf("error %v, want ErrTooLarge", err)
	}
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	var b []byte
	for ; i > 0; i /= 10 {
		b = append([]byte{byte('0' + i%10)}, b...)
	}
	return string(b)
}

func bodyText(doc *extract.Document) string {
	var sb strings.Builder
	for i := range doc.Blocks {
		b := &doc.Blocks[i]
		sb.WriteString(b.Text())
		sb.WriteByte('\n')
		if b.Table != nil {
			for _, r := range b.Table.Rows {
				for _, c := range r.Cells {
					sb.WriteString(c.Text)
					sb.WriteByte('\t')
				}
				sb.WriteByte('\n')
			}
		}
	}
	return sb.String()
}

func writeFixture(t *testing.T, dir, name string, b []byte) {
	t.Helper()
	d := filepath.Join(fixtureDir, dir)
	if err := os.MkdirAll(d, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(d, name), b, 0o644); err != nil {
		t.Fatal(err)
	}
}
