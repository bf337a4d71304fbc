package docx_test

import (
	"bytes"
	"context"
	"errors"
	"testing"

	"github.com/baocao/baocao/extract"
	"github.com/baocao/baocao/extract/docx"
)

// fuzzBodies are small bodies of word/document.xml, one for each thing
// the reader interprets: paragraphs, tables with spans and merges,
// fields, headings, lists and note references, content it skips, legacy
// fonts and tracked changes, alternative content. They stay under a few
// hundred bytes: the fuzzer minimises every new input it finds, which
// costs time quadratic in its size, and with seeds of several kilobytes
// (the fixtures, real reports) it spends its time there instead of
// exploring.
var fuzzBodies = []string{
	para("Số 12/BC-UBND"),
	`<w:tbl><w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc><w:p><w:r><w:t>STT</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>2,5%</w:t></w:r></w:p></w:tc></w:tr>` +
		`<w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p/></w:tc><w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>`,
	`<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:fldSimple w:instr="REF x"><w:r><w:t>4</w:t></w:r></w:fldSimple></w:p>`,
	`<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:outlineLvl w:val="1"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>I.</w:t><w:footnoteReference w:id="1"/><w:endnoteReference w:id="2"/></w:r></w:p>`,
	`<w:altChunk r:id="rId1"/><w:p><w:r><w:object><o:OLEObject xmlns:o="urn:schemas-microsoft-com:office:office" ProgID="Excel.Sheet.12" r:id="rId2"/></w:object></w:r></w:p>`,
	`<w:p><w:r><w:rPr><w:rFonts w:ascii=".VnTime"/></w:rPr><w:t>Tû lÖ</w:t><w:tab/><w:noBreakHyphen/></w:r><w:del><w:r><w:delText>9</w:delText></w:r></w:del><w:ins><w:r><w:t>8</w:t></w:r></w:ins></w:p>`,
	`<w:p><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="wps"><w:txbxContent><w:p><w:r><w:t>Hộp</w:t></w:r></w:p></w:txbxContent></mc:Choice><mc:Fallback/></mc:AlternateContent></w:r></w:p>`,
}

// fuzzNotes is a footnotes part for the note references of fuzzBodies.
const fuzzNotes = `<w:footnotes ` + wNS + `><w:footnote w:id="1"><w:p><w:r><w:t>Ghi chú 25</w:t></w:r></w:p></w:footnote></w:footnotes>`

// minimalDocx is the smallest file Read takes: a zip of one stored
// entry, word/document.xml, holding body.
func minimalDocx(t testing.TB, body string) []byte {
	return buildStoredParts(t, part{"word/document.xml", `<w:document ` + wNS + `><w:body>` + body + `</w:body></w:document>`})
}

// FuzzRead feeds Read arbitrary files: it must not panic or hang, and
// every error must wrap a sentinel. The seeds are minimal stored (not
// deflated) files of a few hundred bytes, so that mutations reach the
// XML and each run is cheap; the committed fixtures, real reports among
// them, are read by the other tests.
func FuzzRead(f *testing.F) {
	for _, body := range fuzzBodies {
		f.Add(minimalDocx(f, body))
	}
	f.Add(buildStoredParts(f,
		part{"word/document.xml", `<w:document ` + wNS + `><w:body>` + fuzzBodies[3] + `</w:body></w:document>`},
		part{"word/footnotes.xml", fuzzNotes}))
	f.Fuzz(func(t *testing.T, b []byte) {
		readFuzzed(t, b)
	})
}

// FuzzBody feeds Read well-formed zips whose main part,
// word/document.xml, is arbitrary: every mutation reaches the XML
// reader.
func FuzzBody(f *testing.F) {
	for _, body := range fuzzBodies {
		f.Add([]byte(`<w:document ` + wNS + `><w:body>` + body + `</w:body></w:document>`))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		readFuzzed(t, buildStoredParts(t, part{"word/document.xml", string(body)}, part{"word/footnotes.xml", fuzzNotes}))
	})
}

// readFuzzed reads b and checks that an error wraps a sentinel.
func readFuzzed(t *testing.T, b []byte) {
	doc, err := docx.Read(context.Background(), bytes.NewReader(b), int64(len(b)), "f.docx", extract.Options{MaxBytes: 4 << 20})
	if err != nil {
		for _, s := range []error{extract.ErrCorrupt, extract.ErrTooLarge, extract.ErrEncrypted, extract.ErrUnsupported, extract.ErrEmpty} {
			if errors.Is(err, s) {
				return
			}
		}
		t.Fatalf("error wraps no sentinel: %v", err)
	}
	if doc == nil {
		t.Fatal("nil document without error")
	}
}

// TestFuzzSeeds checks that the seeds are read without error and stay
// small.
func TestFuzzSeeds(t *testing.T) {
	for i, body := range fuzzBodies {
		b := minimalDocx(t, body)
		if len(b) > 900 {
			t.Errorf("seed %d: %d bytes, want a few hundred", i, len(b))
		}
		if _, err := readBytes(t, "seed.docx", b); err != nil {
			t.Errorf("seed %d: %v", i, err)
		}
	}
}
