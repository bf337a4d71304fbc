package rules_test

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/baocao/baocao/corpus"
	"github.com/baocao/baocao/extract"
	"github.com/baocao/baocao/extract/text"
	"github.com/baocao/baocao/normalize"
	"github.com/baocao/baocao/rules"
	"github.com/baocao/baocao/rules/synth"
)

// BenchmarkApply measures normalization, rule matching and checks per
// document on the two sample reports (extraction not included).
func BenchmarkApply(b *testing.B) {
	benchSamples(b, func(doc *extract.Document) func() {
		return func() { rules.Apply(normalize.Normalize(doc)) }
	})
}

// BenchmarkRules measures the rules and checks alone (rules.Apply) per
// sample report, on text normalized once.
func BenchmarkRules(b *testing.B) {
	benchSamples(b, func(doc *extract.Document) func() {
		nd := normalize.Normalize(doc)
		return func() { rules.Apply(nd) }
	})
}

// benchSamples runs a sub-benchmark per sample report: setup prepares
// the report and returns one op.
func benchSamples(b *testing.B, setup func(*extract.Document) func()) {
	for _, name := range []string{"dak-lak-2021.txt", "kon-tum-2021.md"} {
		src, err := os.ReadFile(filepath.Join("..", "testdata", "samples", name))
		if err != nil {
			b.Fatal(err)
		}
		doc := text.Parse(string(src))
		doc.Format = corpus.Text
		op := setup(doc)
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			cpu := processCPU()
			for i := 0; i < b.N; i++ {
				op()
			}
			reportCPU(b, cpu)
		})
	}
}

// BenchmarkApplySynthetic measures normalization, rule matching and
// checks per document on generated reports (rules/synth), the mix the
// ingest benchmark uses; one op is one document.
func BenchmarkApplySynthetic(b *testing.B) {
	f, err := os.Open(filepath.Join("..", "testdata", "synth", "provinces-63-until-2025-06-30.csv"))
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	ps, err := synth.ReadProvincesCSV(f)
	if err != nil {
		b.Fatal(err)
	}
	gen := &synth.Generator{Provinces: ps}
	var docs []*extract.Document
	var size int64
	for i := range 64 {
		r := gen.Generate(rand.New(rand.NewPCG(1, uint64(i))), i)
		src := r.Text()
		size += int64(len(src))
		doc := text.Parse(src)
		doc.Format = corpus.Text
		docs = append(docs, doc)
	}
	b.SetBytes(size / int64(len(docs)))
	b.ReportAllocs()
	b.ResetTimer()
	cpu := processCPU()
	for i := 0; i < b.N; i++ {
		rules.Apply(normalize.Normalize(docs[i%len(docs)]))
	}
	reportCPU(b, cpu)
}

// processCPU returns the CPU time (user and system) the process has
// used, garbage collection included.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		panic(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportCPU reports the CPU time per op since start, a steadier figure
// than wall time on a shared machine.
func reportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric(float64(processCPU()-start)/float64(b.N)/1e6, "cpu-ms/op")
}
