package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/term"

	"github.com/baocao/baocao/cmd/baocao/internal/msg"
	"github.com/baocao/baocao/store"
)

func runExport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	pr := msg.From(ctx)
	fs := newFlags("export", "[--db FILE] [--format csv|xlsx|json] [--view NAME] [--units 2025] [--excel] [--out FILE]", `Export writes views of the database for analysts. The default is the
province table (province_year) as CSV: UTF-8 with a byte-order mark so
that Excel shows Vietnamese correctly. --excel (or --locale vi) writes it
for Excel set to Vietnamese: ";" between fields and decimal commas. XLSX
has a sheet per view with Vietnamese names, headers and values, dates as
dates, number formats, frozen headers and filters, the flags with the file,
page, line and sentence they rest on, a comparison sheet (metrics as rows,
provinces as columns) and a legend in English; it needs --out on a
terminal. JSON is an array of objects.

--units 2025 maps the 63 provinces to the 34 units formed on 2025-07-01:
the province table becomes the unit table (counts and money summed, rates
recomputed from their parts where the parts exist, and noted so in XLSX);
the other views gain the unit of each row's province.`, stderr)
	dbPath := fs.String("db", "baocao.db", "SQLite database `file`")
	format := fs.String("format", "csv", "csv, xlsx or json")
	view := fs.String("view", "", "view to export (comma-separated for xlsx); default: province_year (xlsx: several)")
	units := fs.String("units", "", `"2025" to group provinces into the 34 units of 2025`)
	excel := fs.Bool("excel", false, `CSV for Vietnamese Excel: ";" separator, decimal comma (same as --locale vi)`)
	locale := fs.String("locale", "", `"vi" for CSV with ";" and decimal commas`)
	outPath := fs.String("out", "", "output `file` (default standard output; required for xlsx on a terminal)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return errors.New(pr.Sprintf("unexpected argument %q: export takes only flags", fs.Arg(0)))
	}
	if *units != "" && *units != "2025" {
		return errors.New(pr.Sprintf("unknown --units %q: only 2025 is known", *units))
	}
	opt := store.ExportOptions{Units2025: *units == "2025", Locale: *locale}
	if *excel {
		opt.Locale = "vi"
	}
	if opt.Locale != "" && *format != store.FormatCSV {
		return errors.New(pr.Sprintf("--excel and --locale apply to CSV, not %s", *format))
	}
	if *format == store.FormatXLSX && *outPath == "" && isTerminal(stdout) {
		return errors.New(pr.Sprintf("XLSX is a binary file: give --out FILE.xlsx, or redirect the output to a file"))
	}
	var views []string
	if *view != "" {
		views = strings.Split(*view, ",")
	}
	db, err := store.OpenReadOnly(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	w := stdout
	var f *os.File
	if *outPath != "" {
		// Written beside the target and renamed, so that a failed export
		// leaves no half file under the name asked for.
		tmp := *outPath + ".part"
		if f, err = os.Create(tmp); err != nil {
			return err
		}
		defer os.Remove(tmp)
		defer f.Close()
		w = f
	}
	if err := store.Export(ctx, db, w, *format, views, opt); err != nil {
		return err
	}
	if f != nil {
		if err := f.Close(); err != nil {
			return err
		}
		if err := os.Rename(f.Name(), *outPath); err != nil {
			return err
		}
		fmt.Fprintln(stderr, pr.Sprintf("wrote %s", *outPath))
	}
	return nil
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
