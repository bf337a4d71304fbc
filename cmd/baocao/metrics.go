package main

import (
	"context"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/baocao/baocao/rules"
)

func runMetrics(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("metrics", "", `Metrics lists the metric catalog: code, unit, Vietnamese label and meaning.`, stderr)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "CODE\tUNIT\tLABEL\tMEANING")
	for _, m := range rules.Catalog() {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", m.Code, m.Unit, m.Label, m.Meaning)
	}
	return tw.Flush()
}
