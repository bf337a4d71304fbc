package docx_test

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"io"
	"testing"
	"time"
)

// The XML namespaces and boilerplate of a minimal WordprocessingML
// package, for building test files.
const (
	wNS     = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	xmlHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

	contentTypes = xmlHead + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
		`</Types>`
	pkgRels = xmlHead + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
		`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
		`</Relationships>`
)

// document wraps body XML in a w:document.
func document(body string) string {
	return xmlHead + `<w:document ` + wNS + `><w:body>` + body + `<w:sectPr><w:headerReference w:type="default" r:id="rIdH"/></w:sectPr></w:body></w:document>`
}

// para is a plain paragraph of one run.
func para(text string) string {
	return `<w:p><w:r><w:t xml:space="preserve">` + text + `</w:t></w:r></w:p>`
}

// part is one zip entry of a test file.
type part struct {
	name string
	data string
}

// buildDocx returns a .docx holding the standard content types and
// package relationships, then parts in order. Zip times are fixed so
// that the bytes are reproducible.
func buildDocx(t testing.TB, parts ...part) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	all := append([]part{{"[Content_Types].xml", contentTypes}, {"_rels/.rels", pkgRels}}, parts...)
	for _, p := range all {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: time.Date(2022, 5, 6, 8, 0, 0, 0, time.UTC)})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.WriteString(w, p.data); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// buildBomb returns a .docx whose word/document.xml is a w:document
// followed by n spaces, deflated. When lie is set, the zip directory
// declares a small expanded size.
func buildBomb(t testing.TB, n int64, lie bool) []byte {
	t.Helper()
	var comp bytes.Buffer
	fw, err := flate.NewWriter(&comp, flate.BestCompression)
	if err != nil {
		t.Fatal(err)
	}
	head := xmlHead + `<w:document ` + wNS + `><w:body><w:p><w:r><w:t>`
	io.WriteString(fw, head)
	spaces := bytes.Repeat([]byte(" "), 1<<20)
	for left := n; left > 0; left -= int64(len(spaces)) {
		if left < int64(len(spaces)) {
			spaces = spaces[:left]
		}
		fw.Write(spaces)
	}
	io.WriteString(fw, `</w:t></w:r></w:p></w:body></w:document>`)
	fw.Close()

	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range []part{{"[Content_Types].xml", contentTypes}, {"_rels/.rels", pkgRels}} {
		w, _ := zw.Create(p.name)
		io.WriteString(w, p.data)
	}
	size := uint64(n) + uint64(len(head)) + 40
	if lie {
		size = 1000
	}
	w, err := zw.CreateRaw(&zip.FileHeader{
		Name:               "word/document.xml",
		Method:             zip.Deflate,
		CompressedSize64:   uint64(comp.Len()),
		UncompressedSize64: size,
		CRC32:              0,
		Modified:           time.Date(2022, 5, 6, 8, 0, 0, 0, time.UTC),
	})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(comp.Bytes())
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// buildStored is buildDocx with stored (uncompressed) entries, so that a
// fuzzer's mutations reach the XML.
func buildStored(t testing.TB, parts ...part) []byte {
	t.Helper()
	return buildStoredParts(t, append([]part{{"[Content_Types].xml", contentTypes}, {"_rels/.rels", pkgRels}}, parts...)...)
}

// buildStoredParts returns a zip of the parts, stored, and nothing else.
func buildStoredParts(t testing.TB, parts ...part) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Store})
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, p.data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
