package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/baocao/baocao/store"
)

func runExport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("export", "[--db FILE] --format csv|xlsx|json [--view NAME] [--units 2025] [--out FILE]", `Export writes views of the database for analysts. CSV is UTF-8 with a
byte-order mark so that Excel shows Vietnamese correctly; XLSX has a sheet
per view plus the flags, with Vietnamese headers, frozen header rows,
number formats and filters; JSON is an array of objects.

--units 2025 maps the 63 provinces to the 34 units formed on 2025-07-01:
counts and money are summed, rates recomputed from their parts where the
parts exist, and the covers column names the old provinces of each unit.`, stderr)
	dbPath := fs.String("db", "baocao.db", "SQLite database `file`")
	format := fs.String("format", "csv", "csv, xlsx or json")
	view := fs.String("view", "", "view to export (comma-separated for xlsx); default depends on the format")
	units := fs.String("units", "", `"2025" to group provinces into the 34 units of 2025`)
	outPath := fs.String("out", "", "output `file` (default standard output; required for xlsx on a terminal)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *units != "" && *units != "2025" {
		return fmt.Errorf("unknown --units %q: only 2025 is known", *units)
	}
	opt := store.ExportOptions{Units2025: *units == "2025"}
	views := store.DefaultViews(*format, opt)
	if *view != "" {
		views = strings.Split(*view, ",")
	}
	db, err := store.OpenReadOnly(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	w := stdout
	if *outPath != "" {
		f, err := os.Create(*outPath)
		if err != nil {
			return err
		}
		defer f.Close()
		w = f
	}
	if err := store.Export(ctx, db, w, *format, views, opt); err != nil {
		return err
	}
	if f, ok := w.(*os.File); ok && *outPath != "" {
		return f.Close()
	}
	return nil
}
