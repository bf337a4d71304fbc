package rules

import (
	"encoding/json"
	"github.com/baocao/baocao/rules/report"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/baocao/baocao/extract"
	"github.com/baocao/baocao/normalize"
)

// The seed test builds a minimal normalize.Doc from the text of the two
// sample reports and the figures from their gold files, and checks the
// flags against the gold flags. It stands in for the pipeline until the
// readers, normalize.Normalize and rules.Apply are in place.

var headingRE = regexp.MustCompile(`^(?:[0-9]+\.|[IVX]+\.|[a-gđ]\)|\*|#)\s`)

// splitSeed splits a seed text into paragraphs: a paragraph runs until a
// line that starts a list item ("- ", "+ "), a heading ("1. ", "II. ",
// "a) ") or a footnote ("⁽8⁾"); blank lines are ignored, since the text
// export puts one after every line. Lines with tabs (Markdown tables)
// start paragraphs of their own.
func splitSeed(text string) []normalize.Para {
	var paras []normalize.Para
	var cur *normalize.Para
	for i, line := range strings.Split(text, "\n") {
		l := strings.TrimSpace(line)
		if l == "" {
			continue
		}
		start := cur == nil || strings.HasPrefix(l, "- ") || strings.HasPrefix(l, "+ ") ||
			headingRE.MatchString(l) || strings.HasPrefix(l, "⁽") || strings.Contains(line, "\t") ||
			strings.Contains(cur.Text, "\t")
		if start {
			paras = append(paras, normalize.Para{Kind: normalize.Body})
			cur = &paras[len(paras)-1]
		} else {
			cur.Text += " "
		}
		cur.Spans = append(cur.Spans, normalize.Span{Off: len(cur.Text), Pos: extract.Pos{Line: i + 1}})
		cur.Text += l
	}
	return paras
}

// seedParas returns the paragraphs of both seeds, for fuzz seeds.
func seedParas(tb testing.TB) []normalize.Para {
	var out []normalize.Para
	for _, name := range []string{"dak-lak-2021.txt", "kon-tum-2021.md"} {
		b, err := os.ReadFile(filepath.Join("..", "testdata", "checks", "seeds", name))
		if err != nil {
			tb.Fatalf("read seed: %v", err)
		}
		out = append(out, splitSeed(string(b))...)
	}
	return out
}

// goldFile is the part of a gold file the test reads.
type goldFile struct {
	Metrics []struct {
		Metric    string       `json:"metric"`
		Value     report.Value `json:"value"`
		Qualifier string       `json:"qualifier"`
		Evidence  string       `json:"evidence"`
	} `json:"metrics"`
	Flags         []goldFlag `json:"flags"`
	OptionalFlags []goldFlag `json:"optional_flags"`
}

type goldFlag struct {
	Kind   string  `json:"kind"`
	About  string  `json:"about"`
	Stated float64 `json:"stated"`
}

// matches is score.py's flag_matches.
func (g goldFlag) matches(f report.Flag) bool {
	return math.Abs(f.Stated-g.Stated) <= math.Max(0.011, 1e-6*math.Abs(g.Stated))
}

func TestSeeds(t *testing.T) {
	for _, tc := range []struct{ seed, gold string }{
		{"dak-lak-2021.txt", "dak-lak-2021.json"},
		{"kon-tum-2021.md", "kon-tum-2021.json"},
	} {
		t.Run(tc.seed, func(t *testing.T) {
			dir := filepath.Join("..", "testdata", "checks")
			text, err := os.ReadFile(filepath.Join(dir, "seeds", tc.seed))
			if err != nil {
				t.Fatal(err)
			}
			gold := readGold(t, tc.gold)
			doc := &normalize.Doc{Paras: splitSeed(string(text))}
			var figs []report.Figure
			for _, m := range gold.Metrics {
				figs = append(figs, report.Figure{Metric: m.Metric, Value: m.Value, Qualifier: m.Qualifier,
					Text: m.Evidence, Rule: m.Metric, Source: "text"})
			}
			flags := RunChecks(CheckInput{Doc: doc, Figures: figs, Candidates: figs})
			assertGold(t, flags, gold)
		})
	}
}

// readGold reads a gold file of testdata/checks/gold.
func readGold(t *testing.T, name string) goldFile {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "checks", "gold", name))
	if err != nil {
		t.Fatal(err)
	}
	var gold goldFile
	if err := json.Unmarshal(b, &gold); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return gold
}

// assertGold checks that flags find every gold flag and raise no flag
// outside the gold and optional flags, as tools/score.py counts them.
func assertGold(t *testing.T, flags []report.Flag, gold goldFile) {
	t.Helper()
	for _, f := range flags {
		t.Logf("%s %s %s %q stated %v computed %v: %s", f.Severity, f.Check, f.ID, f.Metric, f.Stated, f.Computed, f.Message)
		if f.Check == "" || f.ID == "" || f.Metric == "" || f.Message == "" || len(f.Evidence) == 0 {
			t.Errorf("incomplete flag %+v", f)
		}
	}
	for _, g := range gold.Flags {
		found := false
		for _, f := range flags {
			found = found || g.matches(f)
		}
		if !found {
			t.Errorf("missed gold flag %s %q stated %v", g.Kind, g.About, g.Stated)
		}
	}
	for _, f := range flags {
		ok := false
		for _, g := range append(gold.Flags, gold.OptionalFlags...) {
			ok = ok || g.matches(f)
		}
		if !ok {
			t.Errorf("false flag %s %q stated %v: %s", f.Check, f.Metric, f.Stated, f.Message)
		}
	}
}

func TestSplitSeed(t *testing.T) {
	paras := splitSeed("- Tổng số là 1.000,\n\ntrong đó: 2\n\n- Dòng hai\n\n3. Tiêu đề\n")
	want := []string{"- Tổng số là 1.000, trong đó: 2", "- Dòng hai", "3. Tiêu đề"}
	if len(paras) != len(want) {
		t.Fatalf("got %d paragraphs %+v", len(paras), paras)
	}
	for i, p := range paras {
		if p.Text != want[i] {
			t.Errorf("paragraph %d = %q, want %q", i, p.Text, want[i])
		}
	}
	if pos := paras[0].PosAt(strings.Index(paras[0].Text, "trong")); pos.Line != 3 {
		t.Errorf("PosAt = %+v, want line 3", pos)
	}
}
