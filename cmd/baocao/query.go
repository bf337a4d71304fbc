package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/baocao/baocao/store"
)

func runQuery(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("query", "[--db FILE] [--format table|csv|json] [--timeout D] [--max-memory MiB] [--schema] SQL", `Query runs SQL against the database, read-only: the database is opened in
read-only mode and no statement can change it. The views metric_values,
latest_metric_values, province_year, report_flags and unit2025_year are
documented in docs/database.md; --schema lists every table and view. A query that
runs longer than --timeout or needs more than --max-memory is stopped.`, stderr)
	dbPath := fs.String("db", "baocao.db", "SQLite database `file`")
	format := fs.String("format", "table", "output format: table, csv or json")
	schema := fs.Bool("schema", false, "print the tables and views with a comment on each")
	lim := addLimitFlags(fs, store.DefaultLimits.Timeout, "time limit of the query")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	switch *format {
	case "table", "csv", "json":
	default:
		return fmt.Errorf("unknown format %q: want table, csv or json", *format)
	}
	if *schema {
		tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "NAME\tTYPE\tCOMMENT")
		for _, e := range store.SchemaDoc() {
			fmt.Fprintf(tw, "%s\t%s\t%s\n", e.Name, e.Kind, e.Comment)
		}
		return tw.Flush()
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errUsage
	}
	db, err := lim.open(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	sql := strings.Join(fs.Args(), " ")
	if *format == "table" {
		// Streamed: rows are written as SQLite returns them.
		var tw *store.TableWriter
		err := db.Each(ctx, sql, func(cols []string) error {
			tw = store.NewTableWriter(stdout, cols)
			return nil
		}, func(row []any) error { return tw.Write(row) })
		if err != nil {
			return err
		}
		return tw.Close()
	}
	res, err := db.Query(ctx, sql)
	if err != nil {
		return err
	}
	return writeResult(stdout, *format, res)
}

// writeResult prints a query result in the given format.
func writeResult(w io.Writer, format string, res *store.Result) error {
	switch format {
	case "table":
		return store.WriteTable(w, res)
	case "csv":
		return store.WriteCSV(w, res)
	case "json":
		return store.WriteJSON(w, res)
	}
	return fmt.Errorf("unknown format %q: want table, csv or json", format)
}

// limitFlags are the flags that limit the queries of a reading command:
// --timeout and --max-memory.
type limitFlags struct {
	timeout   *time.Duration
	maxMemMiB *int64
}

// addLimitFlags registers --timeout (with its default and usage) and
// --max-memory.
func addLimitFlags(fs *flag.FlagSet, timeout time.Duration, usage string) limitFlags {
	return limitFlags{
		timeout:   fs.Duration("timeout", timeout, usage),
		maxMemMiB: fs.Int64("max-memory", store.DefaultLimits.MaxMemory>>20, "memory limit of a query, in MiB"),
	}
}

// limits returns the limits the flags set.
func (l limitFlags) limits() store.Limits {
	return store.Limits{Timeout: *l.timeout, MaxMemory: *l.maxMemMiB << 20}
}

// open opens the database read-only with the flags' limits.
func (l limitFlags) open(ctx context.Context, path string) (*store.DB, error) {
	db, err := store.OpenReadOnly(ctx, path)
	if err != nil {
		return nil, err
	}
	if err := db.SetLimits(ctx, l.limits()); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}
