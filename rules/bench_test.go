package rules_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/baocao/baocao/corpus"
	"github.com/baocao/baocao/extract/text"
	"github.com/baocao/baocao/normalize"
	"github.com/baocao/baocao/rules"
)

// BenchmarkApply measures rule matching and checks per document on the
// two sample reports, from normalized text (extraction not included).
func BenchmarkApply(b *testing.B) {
	for _, name := range []string{"dak-lak-2021.txt", "kon-tum-2021.md"} {
		src, err := os.ReadFile(filepath.Join("..", "testdata", "samples", name))
		if err != nil {
			b.Fatal(err)
		}
		doc := text.Parse(string(src))
		doc.Format = corpus.Text
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for i := 0; i < b.N; i++ {
				rules.Apply(normalize.Normalize(doc))
			}
		})
	}
}
