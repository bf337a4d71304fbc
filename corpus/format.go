package corpus

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"strings"
	"unicode/utf8"
)

// Format is a report's file format, detected from its content.
type Format string

// The formats baocao reads. Unknown is a file whose content matches none.
const (
	PDF      Format = "pdf"
	DOCX     Format = "docx"
	Text     Format = "text"
	Markdown Format = "markdown"
	Unknown  Format = "unknown"
)

// sniffLen is how many leading bytes Detect reads.
const sniffLen = 8192

// DetectFile opens path and detects its format from its content. The file
// name's extension only separates Markdown from plain text, which share
// their content type.
func DetectFile(path string) (Format, error) {
	f, err := os.Open(path)
	if err != nil {
		return Unknown, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return Unknown, err
	}
	return Detect(f, st.Size(), path)
}

// Detect reports the format of the content in r, which holds size bytes.
// name is consulted only to tell Markdown from plain text.
//
// A PDF starts with "%PDF-" within its first 1024 bytes. A DOCX is a zip
// archive holding word/document.xml or [Content_Types].xml naming a
// WordprocessingML main part. Text is anything else that decodes as
// UTF-8, UTF-16 with a byte-order mark, or an 8-bit Vietnamese encoding
// (no NUL bytes in the sample).
func Detect(r io.ReaderAt, size int64, name string) (Format, error) {
	head := make([]byte, sniffLen)
	n, err := r.ReadAt(head, 0)
	if err != nil && err != io.EOF {
		return Unknown, err
	}
	head = head[:n]
	if n == 0 {
		return Unknown, nil
	}
	if i := bytes.Index(head, []byte("%PDF-")); i >= 0 && i < 1024 {
		return PDF, nil
	}
	if bytes.HasPrefix(head, []byte("PK\x03\x04")) || bytes.HasPrefix(head, []byte("PK\x05\x06")) {
		zr, err := zip.NewReader(r, size)
		if err != nil {
			return Unknown, nil
		}
		for _, f := range zr.File {
			if f.Name == "word/document.xml" {
				return DOCX, nil
			}
		}
		return Unknown, nil
	}
	if isText(head) {
		lower := strings.ToLower(name)
		if strings.HasSuffix(lower, ".md") || strings.HasSuffix(lower, ".markdown") {
			return Markdown, nil
		}
		return Text, nil
	}
	return Unknown, nil
}

// isText reports whether head looks like text in one of the encodings
// baocao decodes.
func isText(head []byte) bool {
	if bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF}) {
		return true
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return false
	}
	// Trim a rune cut at the end of the sample before checking UTF-8.
	trimmed := head
	for i := 0; i < utf8.UTFMax && len(trimmed) > 0 && !utf8.Valid(trimmed); i++ {
		trimmed = trimmed[:len(trimmed)-1]
	}
	if utf8.Valid(trimmed) && len(trimmed) > 0 {
		return true
	}
	// 8-bit legacy text: mostly printable, few control bytes.
	ctrl := 0
	for _, b := range head {
		if b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' {
			ctrl++
		}
	}
	return ctrl*100 < len(head)
}
