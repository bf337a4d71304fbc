package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/baocao/baocao/rules"
	"github.com/baocao/baocao/store"
)

func runDocs(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("docs", "[--db FILE] [--province CODE] [--year Y] [--json] [--pin ID | --unpin ID | --remove ID | --restore ID]", `Docs lists the reports in the database with their copies. A province often
sends one report as several files (the signed scan, the DOCX, a PDF
export, a declared correction): each file is a copy, and the province
tables take the report's figures from its best copy (pinned, else one
with figures, a declared correction, born-digital rather than OCR, more
figures, stored first). Copies whose figures differ raise copies.disagree.

--pin ID makes copy ID (a document id, as listed) the one used; --unpin ID
undoes it. --remove ID sets a copy aside: it stays stored, a rerun of
ingest does not bring it back, but it is never used; --restore ID undoes
it. Each prints the report afterwards.`, stderr)
	dbPath := fs.String("db", "baocao.db", "SQLite database `file`")
	province := fs.String("province", "", "only this province (GSO code)")
	year := fs.Int("year", 0, "only this year")
	asJSON := fs.Bool("json", false, "print the reports as JSON")
	var pin, unpin, remove, restore int64
	fs.Int64Var(&pin, "pin", 0, "use copy `ID` for its report's figures")
	fs.Int64Var(&unpin, "unpin", 0, "let the ranking choose the copy of copy `ID`'s report again")
	fs.Int64Var(&remove, "remove", 0, "set copy `ID` aside")
	fs.Int64Var(&restore, "restore", 0, "bring back copy `ID`")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return errUsage
	}
	var change func(*store.DB) error
	var id int64
	for _, a := range []struct {
		id *int64
		fn func(*store.DB, int64) error
	}{
		{&pin, func(db *store.DB, id int64) error { return db.PinCopy(ctx, id, true) }},
		{&unpin, func(db *store.DB, id int64) error { return db.PinCopy(ctx, id, false) }},
		{&remove, func(db *store.DB, id int64) error { return db.RemoveCopy(ctx, id, true) }},
		{&restore, func(db *store.DB, id int64) error { return db.RemoveCopy(ctx, id, false) }},
	} {
		if *a.id == 0 {
			continue
		}
		if change != nil {
			return fmt.Errorf("give one of --pin, --unpin, --remove and --restore")
		}
		id = *a.id
		fn := a.fn
		change = func(db *store.DB) error { return fn(db, id) }
	}

	var reps []store.ReportCopies
	if change != nil {
		db, err := store.OpenWait(ctx, *dbPath, rules.Catalog(), func(err error) {
			fmt.Fprintf(stderr, "%s; waiting for it to finish (Ctrl-C to give up)\n", err)
		})
		if err != nil {
			return err
		}
		defer db.Close()
		if err := change(db); err != nil {
			return err
		}
		all, err := db.Reports(ctx, "", 0)
		if err != nil {
			return err
		}
		for _, r := range all {
			for _, c := range r.Copies {
				if c.DocumentID == id {
					reps = append(reps, r)
				}
			}
		}
	} else {
		db, err := store.OpenReadOnly(ctx, *dbPath)
		if err != nil {
			return err
		}
		defer db.Close()
		if reps, err = db.Reports(ctx, *province, *year); err != nil {
			return err
		}
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", " ")
		if reps == nil {
			reps = []store.ReportCopies{}
		}
		return enc.Encode(reps)
	}
	return writeReports(stdout, reps)
}

// writeReports prints reports and their copies for people.
func writeReports(w io.Writer, reps []store.ReportCopies) error {
	if len(reps) == 0 {
		_, err := fmt.Fprintln(w, "no reports")
		return err
	}
	for i, r := range reps {
		if i > 0 {
			fmt.Fprintln(w)
		}
		c0 := r.Copies[0]
		fmt.Fprintf(w, "report %d  %s %s  %d", r.ID, r.ProvinceCode, r.ProvinceName, r.Year)
		if c0.DocNumber != "" {
			fmt.Fprintf(w, "  số %s", c0.DocNumber)
		}
		if c0.DocDate != "" {
			fmt.Fprintf(w, "  issued %s", c0.DocDate)
		}
		fmt.Fprintf(w, "  %d cop%s", len(r.Copies), plural(len(r.Copies), "y", "ies"))
		if r.Disagreements > 0 {
			fmt.Fprintf(w, ", %d figure%s disagree%s (copies.disagree)", r.Disagreements, plural(r.Disagreements, "", "s"), plural(r.Disagreements, "s", ""))
		}
		fmt.Fprintln(w)
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "  ID\tUSE\tFORMAT\tFIGURES\tREAD\tNUMBER\tISSUED\tPATH")
		for _, c := range r.Copies {
			use := ""
			switch {
			case c.Removed:
				use = "removed"
			case c.Best && c.Pinned:
				use = "pinned"
			case c.Best:
				use = "best"
			}
			read := "text"
			if c.OCR {
				read = "OCR"
			}
			if c.Correction {
				read += ", correction"
			}
			fmt.Fprintf(tw, "  %d\t%s\t%s\t%d\t%s\t%s\t%s\t%s\n", c.DocumentID, use, c.Format, c.Figures, read, c.DocNumber, c.DocDate, c.Path)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	return nil
}

// plural returns one when n is 1, else many.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
