package rules_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/baocao/baocao/extract"
	_ "github.com/baocao/baocao/extract/docx"
	_ "github.com/baocao/baocao/extract/pdf"
	"github.com/baocao/baocao/normalize"
	"github.com/baocao/baocao/rules"
)

// scored is one report scored against its gold file.
type scored struct {
	name  string
	gold  *rules.Gold
	score rules.Score
}

// scoreDir scores every report in dir that has a gold file in goldDir.
func scoreDir(t *testing.T, dir, goldDir string) []scored {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []scored
	for _, e := range entries {
		name := e.Name()
		ext := filepath.Ext(name)
		if e.IsDir() || ext == ".json" || strings.HasPrefix(strings.ToUpper(name), "README") || strings.HasPrefix(strings.ToUpper(name), "SOURCE") {
			continue
		}
		if ext != ".txt" && ext != ".md" && ext != ".pdf" && ext != ".docx" {
			continue
		}
		g, err := rules.ReadGold(filepath.Join(goldDir, rules.Stem(name)+".json"))
		if err != nil {
			continue
		}
		doc, err := extract.Read(context.Background(), filepath.Join(dir, name), extract.Options{})
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		s := rules.Evaluate(g, rules.Apply(normalize.Normalize(doc)))
		s.Document = name
		out = append(out, scored{name, g, s})
	}
	if len(out) == 0 {
		t.Fatalf("no report with a gold file in %s", dir)
	}
	return out
}

// evalDir scores every report in dir that has a gold file in goldDir,
// logs each one's misses and fails on a wrong province or year.
func evalDir(t *testing.T, dir, goldDir string) rules.Score {
	t.Helper()
	var total rules.Score
	for _, r := range scoreDir(t, dir, goldDir) {
		s := r.score
		t.Logf("%-22s P=%.3f R=%.3f flags %d/%d false %d", r.name, s.Precision(), s.Recall(), s.FlagsFound, s.FlagsGold, s.FalseFlags)
		for _, m := range s.Misses {
			t.Logf("    missed: %s", m)
		}
		for _, m := range s.Wrong {
			t.Logf("    not in gold: %s", m)
		}
		for _, f := range s.FalseFlagOf {
			t.Logf("    false flag: %s", f)
		}
		if s.ProvinceOK != 1 || s.YearOK != 1 {
			t.Errorf("%s: province or year wrong", r.name)
		}
		total.Add(s)
	}
	return total
}

// TestGoldSamples scores the sample reports, in every format, against
// the hand-checked gold labels (copies of shared/gold).
func TestGoldSamples(t *testing.T) {
	s := evalDir(t, filepath.Join("..", "testdata", "samples"), filepath.Join("..", "testdata", "gold"))
	t.Logf("samples: %d documents P=%.3f R=%.3f budget %d/%d flags %d/%d false %d", s.Documents, s.Precision(), s.Recall(), s.BudgetFound, s.BudgetGold, s.FlagsFound, s.FlagsGold, s.FalseFlags)
	if s.Documents != 6 {
		t.Errorf("scored %d documents, want 6 (two reports in three formats)", s.Documents)
	}
	if s.Precision() < 0.97 || s.Recall() < 0.95 {
		t.Errorf("P=%.3f R=%.3f, want P ≥ 0.97 and R ≥ 0.95", s.Precision(), s.Recall())
	}
	if s.QualifierOK*100 < s.TruePos*95 {
		t.Errorf("qualifiers %d/%d right, want ≥ 95%%", s.QualifierOK, s.TruePos)
	}
	if s.BudgetFound != s.BudgetGold {
		t.Errorf("budget items %d/%d", s.BudgetFound, s.BudgetGold)
	}
	if s.FlagsFound != s.FlagsGold || s.FalseFlags != 0 {
		t.Errorf("flags found %d/%d, false %d", s.FlagsFound, s.FlagsGold, s.FalseFlags)
	}
}

// TestEvalSet scores our own evaluation set: reports written for this
// project in other provinces' wording, with tables, traps and planted
// inconsistencies (testdata/eval/README.md).
func TestEvalSet(t *testing.T) {
	dir := filepath.Join("..", "testdata", "eval")
	s := evalDir(t, dir, dir)
	t.Logf("eval set: %d documents P=%.3f R=%.3f budget %d/%d flags %d/%d false %d", s.Documents, s.Precision(), s.Recall(), s.BudgetFound, s.BudgetGold, s.FlagsFound, s.FlagsGold, s.FalseFlags)
	if s.Documents < 5 {
		t.Errorf("scored %d documents, want at least 5", s.Documents)
	}
	if s.Precision() < 0.95 || s.Recall() < 0.90 {
		t.Errorf("P=%.3f R=%.3f, want P ≥ 0.95 and R ≥ 0.90", s.Precision(), s.Recall())
	}
	if s.FalseFlags != 0 {
		t.Errorf("%d false flags, want none", s.FalseFlags)
	}
	if s.FlagsFound*10 < s.FlagsGold*8 {
		t.Errorf("found %d of %d planted inconsistencies, want ≥ 80%%", s.FlagsFound, s.FlagsGold)
	}
}

// TestBlindSet scores reports written by people who had not read the
// rules, kept apart from testdata/eval: the rules are never tuned on
// them (testdata/eval-blind/README.md). The bar is the one for reports
// from other provinces: P ≥ 0.95, R ≥ 0.85, and at most one false flag
// for these five reports.
func TestBlindSet(t *testing.T) {
	dir := filepath.Join("..", "testdata", "eval-blind")
	s := evalDir(t, dir, dir)
	t.Logf("blind set: %d documents P=%.3f R=%.3f budget %d/%d flags %d/%d false %d", s.Documents, s.Precision(), s.Recall(), s.BudgetFound, s.BudgetGold, s.FlagsFound, s.FlagsGold, s.FalseFlags)
	if s.Precision() < 0.95 || s.Recall() < 0.85 {
		t.Errorf("P=%.3f R=%.3f, want P ≥ 0.95 and R ≥ 0.85", s.Precision(), s.Recall())
	}
	if s.FalseFlags > 1 {
		t.Errorf("%d false flags, want at most 1", s.FalseFlags)
	}
}

// realBars are the bars of the real-derived set (testdata/eval-real),
// those of issue 12: P ≥ 0.95, R ≥ 0.90, 90 % of the flags and no false
// flag. The whole set reaches P 0.965, R 0.933, 7/7 flags and none
// false; its blind part alone P 0.774, R 0.706 (see the README's
// evaluation section).
var realBars = struct {
	precision, recall, flags float64
	falseFlags               int
}{precision: 0.95, recall: 0.90, flags: 0.90, falseFlags: 0}

// TestRealSet scores the real-derived evaluation set: 94 documents
// reworded from public pages, a fifth of them blind. Only the open
// documents are logged; the blind ones count in the total and are never
// shown, so that nobody tunes the rules on them.
func TestRealSet(t *testing.T) {
	dir := filepath.Join("..", "testdata", "eval-real")
	var total, blind rules.Score
	for _, r := range scoreDir(t, dir, dir) {
		total.Add(r.score)
		if r.gold.Blind {
			blind.Add(r.score)
			continue
		}
		if s := r.score; len(s.Classified) > 0 {
			t.Logf("%-26s P=%.3f R=%.3f %s", r.name, s.Precision(), s.Recall(), strings.Join(s.Classified, "; "))
		}
	}
	t.Logf("eval-real: %d documents (%d blind) P=%.3f R=%.3f flags %d/%d false %d province %d year %d; blind part P=%.3f R=%.3f",
		total.Documents, blind.Documents, total.Precision(), total.Recall(), total.FlagsFound, total.FlagsGold, total.FalseFlags,
		total.ProvinceOK, total.YearOK, blind.Precision(), blind.Recall())
	if total.Documents < 60 {
		t.Fatalf("scored %d documents, want at least 60", total.Documents)
	}
	if total.Precision() < realBars.precision || total.Recall() < realBars.recall {
		t.Errorf("P=%.3f R=%.3f, want P ≥ %.2f and R ≥ %.2f", total.Precision(), total.Recall(), realBars.precision, realBars.recall)
	}
	if float64(total.FlagsFound) < realBars.flags*float64(total.FlagsGold) {
		t.Errorf("flags found %d of %d, want ≥ %.0f%%", total.FlagsFound, total.FlagsGold, 100*realBars.flags)
	}
	if total.FalseFlags > realBars.falseFlags {
		t.Errorf("%d false flags, want at most %d", total.FalseFlags, realBars.falseFlags)
	}
	if total.ProvinceOK != total.Documents || total.YearOK != total.Documents {
		t.Errorf("province right on %d and year on %d of %d documents, want all", total.ProvinceOK, total.YearOK, total.Documents)
	}
}

// unseenSets are the unseen sets of issue 12, each with the floor that
// TestUnseenSet keeps: real-derived documents fetched after the rules of
// their time were written and scored once, before any rule was changed
// for them. The floor is a regression guard (a score minus 0.02), not a
// target to tune towards.
//
// Batch D (testdata/eval-unseen) was scored once on 2026-12-07 with the
// rules of main at a279231 (binary /tmp/bc-unseen, branch realD at ddd692d
// before its rebase; the branch changes no rule): P 0.613, R 0.463 (19 of
// 41 gold figures found, 31 extracted). Branch lang3 then tuned the rules
// on it (P 1.000, R 0.927, 38 of 41 found, 38 extracted); its floor keeps
// that tuned score, minus 0.02.
//
// Batch E (testdata/eval-unseen-e) was fetched after lang3 and scored once
// on 2026-12-07 with the rules of main at e9d0660 (binary /tmp/bc-realE,
// branch realE at d456e99 before its rebase; the branch changes no rule):
// P 0.742, R 0.676 (23 of 34 gold figures found, 31 extracted). Branch
// lang4 then tuned the rules on it (P 0.971, R 1.000, 34 of 34 found, 35
// extracted); its floor keeps that tuned score, minus 0.02.
//
// Batch F (testdata/eval-unseen-f) was fetched while lang4 tuned on batch
// E, by someone who never ran the tool on it, and scored once on
// 2026-12-07 by the lead with the rules of main at 9df876c (lang4
// merged): P 0.615, R 0.727 (16 of 22 gold figures found, 26
// extracted). Branch lang5 then tuned the rules on it (P 1.000, R 1.000,
// 22 of 22 found, 22 extracted); its floor keeps that tuned score, minus
// 0.02.
//
// Batch G (testdata/eval-unseen-g) was fetched while lang5 tuned on batch
// F, by someone who never ran the tool on it, and scored once on
// 2026-12-08 by the lead with the rules of main at 4e272cc (lang5
// merged): P 0.882, R 0.566 (30 of 53 gold figures found, 34 extracted).
// No rule has been tuned on it.
var unseenSets = []struct {
	dir               string
	precision, recall float64
}{
	{dir: "eval-unseen", precision: 1.000 - 0.02, recall: 0.927 - 0.02},
	{dir: "eval-unseen-e", precision: 0.971 - 0.02, recall: 1.000 - 0.02},
	{dir: "eval-unseen-f", precision: 1.000 - 0.02, recall: 1.000 - 0.02},
	{dir: "eval-unseen-g", precision: 0.882 - 0.02, recall: 0.566 - 0.02},
}

// TestUnseenSet scores the unseen sets: documents reworded from public
// pages, each batch scored once before any rule was tuned on it (batch D
// has been tuned on since, by branch lang3, and batch E by branch lang4).
// Only the totals are logged, never a document's misses.
func TestUnseenSet(t *testing.T) {
	for _, set := range unseenSets {
		t.Run(set.dir, func(t *testing.T) {
			dir := filepath.Join("..", "testdata", set.dir)
			var total rules.Score
			for _, r := range scoreDir(t, dir, dir) {
				total.Add(r.score)
			}
			t.Logf("%s: %d documents P=%.3f R=%.3f", set.dir, total.Documents, total.Precision(), total.Recall())
			if total.Precision() < set.precision || total.Recall() < set.recall {
				t.Errorf("P=%.3f R=%.3f, below the floor (P ≥ %.3f, R ≥ %.3f)",
					total.Precision(), total.Recall(), set.precision, set.recall)
			}
		})
	}
}
