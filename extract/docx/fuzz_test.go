package docx_test

import (
	"bytes"
	"context"
	"errors"
	"testing"

	"github.com/baocao/baocao/extract"
	"github.com/baocao/baocao/extract/docx"
)

// minimalDocx is the smallest file Read takes: a zip of one stored
// entry, word/document.xml, holding one paragraph.
func minimalDocx(t testing.TB) []byte {
	return buildStoredParts(t, part{"word/document.xml", xmlHead + `<w:document ` + wNS + `><w:body>` + para("Số 12/BC") + `</w:body></w:document>`})
}

// FuzzRead feeds Read arbitrary files: it must not panic or hang, and
// every error must wrap a sentinel. The seeds are small stored (not
// deflated) files, a few hundred bytes to a few kilobytes, so that
// mutations reach the XML and each run is cheap; the committed fixtures,
// real reports among them, are read by the other tests instead: large
// seeds make the fuzzer spend its time minimising them.
func FuzzRead(f *testing.F) {
	f.Add(minimalDocx(f))
	for _, tc := range goodCases {
		f.Add(buildStored(f, tc.parts...))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		readFuzzed(t, b)
	})
}

// FuzzBody feeds Read well-formed zips whose main part,
// word/document.xml, is arbitrary: every mutation reaches the XML
// reader.
func FuzzBody(f *testing.F) {
	f.Add([]byte(`<w:document ` + wNS + `><w:body>` + para("Số 12/BC") + `</w:body></w:document>`))
	for _, tc := range goodCases {
		for _, p := range tc.parts {
			if p.name == "word/document.xml" {
				f.Add([]byte(p.data))
			}
		}
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		readFuzzed(t, buildStoredParts(t, part{"word/document.xml", string(body)}))
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
