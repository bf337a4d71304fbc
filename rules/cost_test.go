package rules

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"
	"unsafe"

	"github.com/baocao/baocao/corpus"
	"github.com/baocao/baocao/extract/text"
	"github.com/baocao/baocao/normalize"
)

// sampleDocs returns the real-size sample reports, normalized.
func sampleDocs(tb testing.TB) []*normalize.Doc {
	tb.Helper()
	var out []*normalize.Doc
	for _, name := range []string{"dak-lak-2021.txt", "kon-tum-2021.md"} {
		src, err := os.ReadFile(filepath.Join("..", "testdata", "samples", name))
		if err != nil {
			tb.Fatal(err)
		}
		doc := text.Parse(string(src))
		doc.Format = corpus.Text
		out = append(out, normalize.Normalize(doc))
	}
	return out
}

// ruleCost is the time one sentence rule took over the sample reports.
type ruleCost struct {
	id   string
	d    time.Duration
	runs int // segments the rule was run on
}

// measureRuleCosts runs every sentence rule over the segments of docs
// that Apply would run it on, rounds times, and returns the time each
// rule took, costliest first.
func measureRuleCosts(docs []*normalize.Doc, rounds int) []ruleCost {
	// The CPU time of this thread, not the wall time, so that other
	// processes on a busy machine count less.
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	c := compileFamilies()
	type work struct {
		segs []*Segment
		year int
	}
	byRule := map[*Rule][]work{}
	for _, doc := range docs {
		segs := Segments(doc)
		for _, g := range c.groups {
			for _, r := range g.rules {
				w := work{year: doc.Year}
				for i := range segs {
					s := &segs[i]
					if strings.ContainsAny(s.Text, "0123456789") && (g.words == nil || containsAny(s.lower, g.words...)) {
						w.segs = append(w.segs, s)
					}
				}
				byRule[r] = append(byRule[r], w)
			}
		}
	}
	var out []ruleCost
	for _, r := range c.rules {
		rc := ruleCost{id: r.ID}
		start := threadCPU()
		for range rounds {
			for _, w := range byRule[r] {
				for _, s := range w.segs {
					r.match(s, w.year)
				}
			}
		}
		rc.d = (threadCPU() - start) / time.Duration(rounds)
		for _, w := range byRule[r] {
			rc.runs += len(w.segs)
		}
		out = append(out, rc)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].d > out[j].d })
	return out
}

// threadCPU returns the CPU time the calling thread has used.
func threadCPU() time.Duration {
	var ts syscall.Timespec
	// CLOCK_THREAD_CPUTIME_ID is 3 on Linux.
	if _, _, e := syscall.Syscall(syscall.SYS_CLOCK_GETTIME, 3, uintptr(unsafe.Pointer(&ts)), 0); e != 0 {
		panic(e)
	}
	return time.Duration(ts.Nano())
}

// BenchmarkRuleCost measures what each sentence rule costs on the two
// real-size sample reports (with the gates Apply uses) and logs the 15
// costliest rules with their share of all sentence-rule time. One op is
// both reports through every rule.
//
//	go test -run '^$' -bench RuleCost ./rules
func BenchmarkRuleCost(b *testing.B) {
	docs := sampleDocs(b)
	compileFamilies()
	b.ResetTimer()
	costs := measureRuleCosts(docs, b.N)
	b.StopTimer()
	var total time.Duration
	for _, c := range costs {
		total += c.d
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, "sentence rules: %v per op (both reports), %d rules\n", total, len(costs))
	fmt.Fprintf(&sb, "%-4s %-50s %10s %7s %6s\n", "rank", "rule", "µs/op", "share", "segs")
	for i, c := range costs[:min(15, len(costs))] {
		fmt.Fprintf(&sb, "%-4d %-50s %10.1f %6.1f%% %6d\n", i+1, c.id, float64(c.d)/1e3, 100*float64(c.d)/float64(total), c.runs)
	}
	b.Log("\n" + sb.String())
}
