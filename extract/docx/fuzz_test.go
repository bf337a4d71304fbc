package docx_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/baocao/baocao/extract"
	"github.com/baocao/baocao/extract/docx"
)

// FuzzRead feeds Read arbitrary files, seeded with every fixture: it
// must not panic or hang, and every error must wrap a sentinel.
func FuzzRead(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join(fixtureDir, "*", "*.docx"))
	for _, s := range seeds {
		if filepath.Base(filepath.Dir(s)) == "zipbomb" {
			continue // large to mutate, and covered by TestReadBad
		}
		b, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	// Small cases whose XML the fuzzer can mutate without breaking the
	// zip (stored, not deflated).
	for _, tc := range goodCases {
		f.Add(buildStored(f, tc.parts...))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		ctx := context.Background()
		doc, err := docx.Read(ctx, bytes.NewReader(b), int64(len(b)), "f.docx", extract.Options{MaxBytes: 4 << 20})
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
	})
}
