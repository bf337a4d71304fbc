package rules

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/baocao/baocao/extract"
	_ "github.com/baocao/baocao/extract/text"
	"github.com/baocao/baocao/normalize"
)

// TestPipelineSeeds reads the two seed reports through the whole
// pipeline (extract, normalize.Normalize, Apply, which runs RunChecks on
// the extracted figures) and checks the flags against the gold files.
func TestPipelineSeeds(t *testing.T) {
	if testing.Short() {
		t.Skip("reads and extracts two whole reports")
	}
	for _, tc := range []struct{ seed, gold string }{
		{"dak-lak-2021.txt", "dak-lak-2021.json"},
		{"kon-tum-2021.md", "kon-tum-2021.json"},
	} {
		t.Run(tc.seed, func(t *testing.T) {
			path := filepath.Join("..", "testdata", "checks", "seeds", tc.seed)
			d, err := extract.Read(context.Background(), path, extract.Options{})
			if err != nil {
				t.Fatal(err)
			}
			rep := Apply(normalize.Normalize(d))
			assertGold(t, rep.Flags, readGold(t, tc.gold))
		})
	}
}
