package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/baocao/baocao/corpus"
	"github.com/baocao/baocao/rules"
	"github.com/baocao/baocao/rules/pipeline"
)

func runEval(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("eval", "[--gold DIR] [--json] [--hide-blind] [--min-precision P] [--min-recall R] FILE...", `Eval extracts each FILE and compares the result with its gold file, found by
file stem (dak-lak-2021.pdf → DIR/dak-lak-2021.json; without --gold, beside
the file). It prints, per document and in total, precision, recall and F1 of
the metric values, qualifier accuracy, budget items and flags found or
false, then the errors by class (missed, wrong value, wrong choice
between candidates, sub-unit taken for the province, province taken for a
sub-unit, figure not in gold, false flag, flag missed, province or year
wrong) and a per-metric table of misses and wrong values. With
--hide-blind, documents whose gold is marked "blind" (held out from
tuning) are scored but shown only as one aggregate line. The exit status
is 1 when precision or recall falls below the given minimums, or when
--max-false-flags is exceeded.`, stderr)
	goldDir := fs.String("gold", "", "directory of gold `files` (default: beside each file)")
	asJSON := fs.Bool("json", false, "print the scores as JSON")
	minP := fs.Float64("min-precision", 0, "fail below this precision")
	minR := fs.Float64("min-recall", 0, "fail below this recall")
	maxFalse := fs.Int("max-false-flags", -1, "fail above this many false flags (-1: no limit)")
	hideBlind := fs.Bool("hide-blind", false, "show held-out (blind) documents only as one aggregate line: no per-document row, miss or false flag of theirs")
	var pf pipelineFlags
	pf.add(fs)
	if err := pf.parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errUsage
	}
	p, err := pipeline.New(pf.opt)
	if err != nil {
		return err
	}
	defer p.Close()
	var docs []rules.Score
	var total, blind rules.Score
	total.Document = "TOTAL"
	skipped := 0 // gold files named as reports
	blind.Document = "BLIND"
	for _, path := range fs.Args() {
		dir := filepath.Dir(path)
		if *goldDir != "" {
			dir = *goldDir
		}
		goldPath := filepath.Join(dir, rules.Stem(path)+".json")
		if sameFile(path, goldPath) {
			// "eval --gold DIR DIR/*-20*.*" names the gold files too.
			skipped++
			continue
		}
		g, err := rules.ReadGold(goldPath)
		if err != nil {
			return fmt.Errorf("gold for %s: %w", path, err)
		}
		f, err := corpus.Load(path)
		if err != nil {
			return err
		}
		rep, err := p.Report(ctx, f)
		if err != nil {
			return err
		}
		s := rules.Evaluate(g, rep)
		s.Document = filepath.Base(path)
		total.Add(s)
		if *hideBlind && g.Blind {
			blind.Add(s)
			continue
		}
		docs = append(docs, s)
	}
	var hidden *rules.Score
	if blind.Documents > 0 {
		blind.Document = fmt.Sprintf("BLIND (%d documents)", blind.Documents)
		hidden = &blind
	}
	if skipped > 0 {
		fmt.Fprintf(stderr, "baocao eval: skipped %d gold files named as reports\n", skipped)
	}
	if *asJSON {
		type out struct {
			Documents []rules.Score `json:"documents"`
			// Blind is the aggregate of the hidden blind documents.
			Blind     *rules.Score `json:"blind,omitempty"`
			Total     rules.Score  `json:"total"`
			Precision float64      `json:"precision"`
			Recall    float64      `json:"recall"`
			F1        float64      `json:"f1"`
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", " ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(out{docs, hidden, total, total.Precision(), total.Recall(), total.F1()}); err != nil {
			return err
		}
	} else {
		writeScores(stdout, docs, hidden, total)
	}
	var fails []string
	if total.Precision() < *minP {
		fails = append(fails, fmt.Sprintf("precision %.3f < %.3f", total.Precision(), *minP))
	}
	if total.Recall() < *minR {
		fails = append(fails, fmt.Sprintf("recall %.3f < %.3f", total.Recall(), *minR))
	}
	if *maxFalse >= 0 && total.FalseFlags > *maxFalse {
		fails = append(fails, fmt.Sprintf("%d false flags > %d", total.FalseFlags, *maxFalse))
	}
	if len(fails) > 0 {
		fmt.Fprintf(stderr, "baocao eval: below target: %s\n", strings.Join(fails, "; "))
		return errFailed
	}
	return nil
}

// writeScores prints the per-document rows, the aggregate of the hidden
// blind documents (when hidden is not nil), the total, then the false
// flags and the per-metric table of the shown documents.
func writeScores(w io.Writer, docs []rules.Score, hidden *rules.Score, total rules.Score) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "DOCUMENT\tPROVINCE\tYEAR\tPERIOD\tP\tR\tF1\tFOUND/EXTRACTED/GOLD\tQUALIFIERS\tBUDGET\tFLAGS\tFALSE FLAGS")
	row := func(s rules.Score) {
		period := "-"
		if s.PeriodGold > 0 {
			period = fmt.Sprintf("%d/%d", s.PeriodOK, s.PeriodGold)
		}
		fmt.Fprintf(tw, "%s\t%d/%d\t%d/%d\t%s\t%.3f\t%.3f\t%.3f\t%d/%d/%d\t%d/%d\t%d/%d/%d\t%d/%d\t%d\n", s.Document,
			s.ProvinceOK, s.Documents, s.YearOK, s.Documents, period, s.Precision(), s.Recall(), s.F1(),
			s.TruePos, s.Extracted, s.GoldCount, s.QualifierOK, s.TruePos,
			s.BudgetFound, s.BudgetOut, s.BudgetGold, s.FlagsFound, s.FlagsGold, s.FalseFlags)
	}
	for _, s := range docs {
		row(s)
	}
	if hidden != nil {
		row(*hidden)
	}
	row(total)
	tw.Flush()
	writeClasses(w, docs, hidden, total)

	// Per-metric table of misses and wrong values.
	type counts struct{ miss, wrong []string }
	by := map[string]*counts{}
	get := func(k string) *counts {
		if by[k] == nil {
			by[k] = &counts{}
		}
		return by[k]
	}
	for _, s := range docs {
		for _, m := range s.Misses {
			k, _, _ := strings.Cut(m, "=")
			c := get(k)
			c.miss = append(c.miss, s.Document+": "+m)
		}
		for _, m := range s.Wrong {
			k, _, _ := strings.Cut(m, "=")
			c := get(k)
			c.wrong = append(c.wrong, s.Document+": "+m)
		}
		for _, f := range s.FalseFlagOf {
			fmt.Fprintf(w, "false flag in %s: %s\n", s.Document, f)
		}
	}
	if len(by) == 0 {
		return
	}
	keys := make([]string, 0, len(by))
	for k := range by {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Fprintln(w, "\nPer metric:")
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "METRIC\tMISSED OR WRONG VALUE\tNOT IN GOLD")
	for _, k := range keys {
		c := by[k]
		fmt.Fprintf(tw, "%s\t%s\t%s\n", k, strings.Join(c.miss, "; "), strings.Join(c.wrong, "; "))
	}
	tw.Flush()
}

// sameFile reports whether two paths name the same file.
func sameFile(a, b string) bool {
	x, errA := filepath.Abs(a)
	y, errB := filepath.Abs(b)
	return errA == nil && errB == nil && x == y
}

// writeClasses prints the errors by class: their counts for the total
// (and the hidden blind documents), then each error of the shown
// documents under its class.
func writeClasses(w io.Writer, docs []rules.Score, hidden *rules.Score, total rules.Score) {
	if len(total.Errors) == 0 {
		return
	}
	fmt.Fprintln(w, "\nErrors by class:")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	head := "CLASS\tTOTAL"
	if hidden != nil {
		head += "\tBLIND"
	}
	fmt.Fprintln(tw, head+"\tSHOWN DOCUMENTS")
	for _, c := range rules.ErrorClasses {
		if total.Errors[c] == 0 {
			continue
		}
		line := fmt.Sprintf("%s\t%d", c, total.Errors[c])
		if hidden != nil {
			line += fmt.Sprintf("\t%d", hidden.Errors[c])
		}
		var items []string
		for _, s := range docs {
			for _, e := range s.Classified {
				if what, ok := strings.CutPrefix(e, c+": "); ok {
					items = append(items, rules.Stem(s.Document)+": "+what)
				}
			}
		}
		fmt.Fprintf(tw, "%s\t%s\n", line, strings.Join(items, "; "))
	}
	tw.Flush()
}
