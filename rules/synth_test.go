package rules_test

import (
	"math/rand/v2"
	"os"
	"path/filepath"

	"github.com/baocao/baocao/rules"
	"github.com/baocao/baocao/rules/synth"
)

func init() {
	rules.GeneratedTexts = func(n int) []string {
		f, err := os.Open(filepath.Join("..", "testdata", "synth", "provinces-63-until-2025-06-30.csv"))
		if err != nil {
			panic(err)
		}
		defer f.Close()
		ps, err := synth.ReadProvincesCSV(f)
		if err != nil {
			panic(err)
		}
		gen := &synth.Generator{Provinces: ps}
		out := make([]string, n)
		for i := range n {
			r := gen.Generate(rand.New(rand.NewPCG(3, uint64(i))), i)
			out[i] = r.Text()
		}
		return out
	}
}
