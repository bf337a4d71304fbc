package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/baocao/baocao/store"
)

func runCheck(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("check", "[--db FILE] [--province P] [--year Y] [--severity S] [--format table|csv|json]", `Check lists the flags raised on the reports in the database: totals that
do not add up, rates that do not match their parts, figures stated twice.
Flags are grouped by report. --province takes a GSO code or a name.`, stderr)
	dbPath := fs.String("db", "baocao.db", "SQLite database `file`")
	province := fs.String("province", "", "only this province (GSO code or name)")
	year := fs.Int("year", 0, "only this year")
	severity := fs.String("severity", "", "only this severity or worse: error, warning or info")
	format := fs.String("format", "table", "output format: table, csv or json")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	db, err := store.OpenReadOnly(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	q := `SELECT document, province_code, province_name, year, severity, "check", metric, stated, computed, message
FROM report_flags WHERE 1=1`
	var qargs []any
	if *province != "" {
		q += ` AND (province_code = ? OR province_name = ?)`
		qargs = append(qargs, *province, *province)
	}
	if *year != 0 {
		q += ` AND year = ?`
		qargs = append(qargs, *year)
	}
	switch strings.ToLower(*severity) {
	case "":
	case "error":
		q += ` AND severity = 'error'`
	case "warning":
		q += ` AND severity IN ('error', 'warning')`
	case "info":
	default:
		return fmt.Errorf("unknown severity %q: want error, warning or info", *severity)
	}
	q += ` ORDER BY document, CASE severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END`
	res, err := db.Query(ctx, q, qargs...)
	if err != nil {
		return err
	}
	if *format != "table" {
		return writeResult(stdout, *format, res)
	}
	// Grouped by report.
	if len(res.Rows) == 0 {
		fmt.Fprintln(stdout, "no flags")
		return nil
	}
	last := ""
	for _, r := range res.Rows {
		doc := fmt.Sprint(r[0])
		if doc != last {
			fmt.Fprintf(stdout, "\n%s  (%v %v, %v)\n", doc, r[1], r[2], r[3])
			last = doc
		}
		fmt.Fprintf(stdout, "  [%v] %v %v: %v\n", r[4], r[5], r[6], r[9])
	}
	return nil
}
