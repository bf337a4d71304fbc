package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strings"
	"text/tabwriter"

	"golang.org/x/text/message"

	"github.com/baocao/baocao/cmd/baocao/internal/msg"
	"github.com/baocao/baocao/normalize"
	"github.com/baocao/baocao/rules"
	"github.com/baocao/baocao/rules/report"
)

func runExtract(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("extract", "[--json] FILE", `Extract reads one report (PDF, DOCX, text or Markdown) and prints its
figures without touching a database: for each metric its Vietnamese label,
value, unit and qualifier, the rule that found it, and its evidence with
page and line. Flags raised by the consistency checks and the budget items
follow. With --json it prints the JSON contract described in docs/json.md.`, stderr)
	asJSON := fs.Bool("json", false, "print the JSON contract")
	var pf pipelineFlags
	pf.add(fs)
	if err := pf.parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errUsage
	}
	pr := msg.From(ctx)
	// OCR of a scan takes seconds a page: say so as it goes.
	pf.opt.OCR.Progress = func(page int) { fmt.Fprintln(stderr, pr.Sprintf("OCR: page %d read", page)) }
	rep, err := readReport(ctx, pf.opt, fs.Arg(0))
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", " ")
		return enc.Encode(rep)
	}
	return writeReport(stdout, rep, pr)
}

// writeReport prints a report for people.
func writeReport(w io.Writer, rep *report.Report, pr *message.Printer) error {
	fmt.Fprintf(w, "%s (%s)  province: %s %s  year: %d  sha256: %.12s…\n",
		rep.File, rep.Format, rep.Province.Code, rep.Province.Name, rep.Year, rep.SHA256)
	if n := len(rep.OCRPages); n > 0 {
		fmt.Fprintln(w, pr.Sprintf("%d pages read by OCR, mean confidence %.0f: figures from them may hold misread digits", n, rep.OCRConf))
	}
	if len(rep.Metrics) == 0 {
		fmt.Fprintln(w, pr.Sprintf("no figure found"))
	}
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "METRIC\tLABEL\tVALUE\tRULE\tPAGE:LINE\tEVIDENCE")
	for _, m := range rep.Metrics {
		v := m.Value.String()
		if m.Value.Kind == report.Number {
			v = formatVN(m.Value.Num)
		}
		switch m.Unit {
		case "percent":
			v += "%"
		case "vnd":
			v += " đồng"
		}
		if m.Qualifier != "" {
			v += " (" + m.Qualifier + ")"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d:%d\t%s\n", m.Metric, rules.Label(m.Metric), v, m.Rule, m.Page, m.Line, clip(m.Text, 90))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(rep.BudgetItems) > 0 {
		fmt.Fprintf(w, "\nBudget items (%d):\n", len(rep.BudgetItems))
		tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "NO\tAMOUNT (đồng)\tOWNER\tSOURCE\tNAME")
		for _, b := range rep.BudgetItems {
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", b.No, formatVN(b.AmountVND), b.Owner, b.Source, clip(b.Name, 70))
		}
		tw.Flush()
	}
	if len(rep.Flags) > 0 {
		fmt.Fprintf(w, "\nFlags (%d):\n", len(rep.Flags))
		for _, f := range rep.Flags {
			fmt.Fprintf(w, "  [%s] %s %s: %s\n", f.Severity, f.Check, f.Metric, f.Message)
		}
	}
	if len(rep.Warnings) > 0 {
		fmt.Fprintf(w, "\nWarnings (%d):\n", len(rep.Warnings))
		for _, s := range rep.Warnings {
			fmt.Fprintf(w, "  %s\n", s)
		}
	}
	return nil
}

// clip shortens s to n runes.
func clip(s string, n int) string {
	s = strings.ReplaceAll(s, "\n", " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// formatVN formats a number the Vietnamese way: 1.543, 46,14.
func formatVN(v float64) string { return normalize.FormatNumber(math.Round(v*100)/100, -1) }
