package pdf

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/baocao/baocao/extract"
)

// BenchmarkRead reads the real reports from memory and reports the time
// per page.
func BenchmarkRead(b *testing.B) {
	for _, name := range []string{"dak-lak-2021.pdf", "kon-tum-2021.pdf"} {
		b.Run(name, func(b *testing.B) {
			data, err := os.ReadFile(filepath.Join(testdata, "real", name))
			if err != nil {
				b.Fatal(err)
			}
			r := bytes.NewReader(data)
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			pages := 0
			for b.Loop() {
				doc, err := Read(context.Background(), r, int64(len(data)), name, extract.Options{})
				if err != nil {
					b.Fatal(err)
				}
				pages += doc.Pages
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(pages), "ns/page")
		})
	}
}
