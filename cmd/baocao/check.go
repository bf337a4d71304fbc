package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/text/message"

	"github.com/baocao/baocao/cmd/baocao/internal/msg"
	"github.com/baocao/baocao/normalize"
	"github.com/baocao/baocao/rules"
	"github.com/baocao/baocao/store"
)

func runCheck(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	pr := msg.From(ctx)
	fs := newFlags("check", "[--db FILE] [--province P] [--year Y] [--severity S] [--format table|csv|json]", `Check lists the flags raised on the reports in the database: totals that
do not add up, rates that do not match their parts, figures stated twice.
Each flag is shown in Vietnamese and English with the sentences it rests on
and their page:line. Flags are grouped by report (province and year): the
same report read from several files (PDF, DOCX, text) shows each flag once,
with the files it was found in. --province takes a GSO code or a name, with
or without diacritics, or the start of one ("kon", "dak lak", "66").`, stderr)
	dbPath := fs.String("db", "baocao.db", "SQLite database `file`")
	province := fs.String("province", "", "only this province (GSO code or name)")
	year := fs.Int("year", 0, "only this year")
	severity := fs.String("severity", "", "only this severity or worse: error, warning or info")
	format := fs.String("format", "table", "output format: table, csv or json")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	switch *format {
	case "table", "csv", "json":
	default:
		return errors.New(pr.Sprintf("unknown format %q: want table, csv or json", *format))
	}
	where := []string{"1=1"}
	var qargs []any
	if *province != "" {
		ms, err := normalize.LookupProvince(*province)
		if err != nil {
			var le *normalize.ProvinceLookupError
			if errors.As(err, &le) && len(le.Suggestions) > 0 {
				return errors.New(pr.Sprintf("no province %q; did you mean %s?", le.Query, strings.Join(le.Suggestions, ", ")))
			}
			return errors.New(pr.Sprintf("no province %q", *province))
		}
		// A code means a unit of the map its report belongs to
		// (documents.province_era; before it was recorded, the 63 up to
		// 2025).
		var or []string
		for _, m := range ms {
			or = append(or, `(d.province_code = ? AND coalesce(d.province_era, CASE WHEN d.year >= 2026 THEN '34' ELSE '63' END) = ?)`)
			qargs = append(qargs, m.Code, m.Era)
		}
		where = append(where, "("+strings.Join(or, " OR ")+")")
	}
	if *year != 0 {
		where = append(where, `d.year = ?`)
		qargs = append(qargs, *year)
	}
	switch strings.ToLower(*severity) {
	case "", "info":
	case "error":
		where = append(where, `f.severity = 'error'`)
	case "warning":
		where = append(where, `f.severity IN ('error', 'warning')`)
	default:
		return errors.New(pr.Sprintf("unknown severity %q: want error, warning or info", *severity))
	}
	db, err := store.OpenReadOnly(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	reports, err := readFlags(ctx, db, strings.Join(where, " AND "), qargs)
	if err != nil {
		return err
	}
	switch *format {
	case "json":
		flags := []checkFlag{}
		for _, r := range reports {
			flags = append(flags, r.Flags...)
		}
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", " ")
		return enc.Encode(flags)
	case "csv":
		return store.WriteCSV(stdout, flagsTable(reports))
	}
	if len(reports) == 0 {
		fmt.Fprintln(stdout, pr.Sprintf("no flags"))
		return nil
	}
	for _, r := range reports {
		writeCheckReport(stdout, pr, r)
	}
	return nil
}

// checkReport is one report's flags: the report is its province and
// year, whichever files (formats, copies) it was read from.
type checkReport struct {
	ProvinceCode, ProvinceName string
	Year                       int
	Files                      []string
	Flags                      []checkFlag
}

// checkFlag is a flag as check prints it: once per report, with the
// files it was raised in and the evidence of one of them (a PDF's,
// whose pages are known, where there is one).
type checkFlag struct {
	ProvinceCode string          `json:"province_code"`
	ProvinceName string          `json:"province_name"`
	Year         int             `json:"year"`
	Severity     string          `json:"severity"`
	Check        string          `json:"check"`
	CheckID      string          `json:"check_id"`
	Metric       string          `json:"metric"`
	Label        string          `json:"label_vi"`
	Stated       float64         `json:"stated"`
	Computed     float64         `json:"computed"`
	MessageVI    string          `json:"message_vi"`
	Message      string          `json:"message"`
	Files        []string        `json:"files"`
	Evidence     []checkEvidence `json:"evidence"`
}

// checkEvidence is one figure a flag rests on.
type checkEvidence struct {
	File   string  `json:"file"`
	Metric string  `json:"metric"`
	Value  float64 `json:"value"`
	Text   string  `json:"text"`
	Page   int     `json:"page"`
	Line   int     `json:"line"`
}

// readFlags reads the flags of the documents that match where (over
// flags f and documents d), grouped by report and de-duplicated.
func readFlags(ctx context.Context, db *store.DB, where string, args []any) ([]*checkReport, error) {
	res, err := db.Query(ctx, `SELECT f.id, d.id, d.path, coalesce(d.province_code, ''), coalesce(d.province_name, ''),
	coalesce(d.year, 0), f.severity, f."check", f.check_id, f.metric, f.stated, f.computed, f.message
FROM flags f JOIN documents d ON d.id = f.document_id
WHERE `+where+`
ORDER BY d.province_code, d.year, d.path, CASE f.severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, f.id`, args...)
	if err != nil {
		return nil, err
	}
	ev, err := db.Query(ctx, `SELECT e.flag_id, coalesce(e.metric, ''), coalesce(e.value, 0), coalesce(e.text, ''), coalesce(e.page, 0), coalesce(e.line, 0)
FROM flag_evidence e JOIN flags f ON f.id = e.flag_id JOIN documents d ON d.id = f.document_id
WHERE `+where+` ORDER BY e.flag_id, e.id`, args...)
	if err != nil {
		return nil, err
	}
	evidence := map[int64][]checkEvidence{}
	for _, r := range ev.Rows {
		id := r[0].(int64)
		evidence[id] = append(evidence[id], checkEvidence{Metric: str(r[1]), Value: num(r[2]), Text: str(r[3]), Page: int(num(r[4])), Line: int(num(r[5]))})
	}
	var reports []*checkReport
	byKey := map[string]*checkReport{}
	type flagKey struct {
		report, severity, id, metric string
		stated, computed             float64
	}
	seen := map[flagKey]int{}
	for _, r := range res.Rows {
		code, name, year := str(r[3]), str(r[4]), int(num(r[5]))
		file := filepath.Base(str(r[2]))
		key := fmt.Sprintf("%s|%d", code, year)
		if code == "" || year == 0 {
			key = fmt.Sprint("doc|", r[1]) // unknown province or year: alone
		}
		rep := byKey[key]
		if rep == nil {
			rep = &checkReport{ProvinceCode: code, ProvinceName: name, Year: year}
			byKey[key] = rep
			reports = append(reports, rep)
		}
		if !slices.Contains(rep.Files, file) {
			rep.Files = append(rep.Files, file)
		}
		f := checkFlag{ProvinceCode: code, ProvinceName: name, Year: year,
			Severity: str(r[6]), Check: str(r[7]), CheckID: str(r[8]), Metric: str(r[9]),
			Stated: num(r[10]), Computed: num(r[11]), Message: str(r[12]), Files: []string{file}}
		if m, ok := rules.Lookup(f.Metric); ok {
			f.Label = m.Label
		}
		f.MessageVI = flagVI(f)
		f.Evidence = evidence[r[0].(int64)]
		for i := range f.Evidence {
			f.Evidence[i].File = file
		}
		if f.Evidence == nil {
			f.Evidence = []checkEvidence{}
		}
		k := flagKey{key, f.Severity, f.CheckID, f.Metric, f.Stated, f.Computed}
		if i, ok := seen[k]; ok {
			g := &rep.Flags[i]
			g.Files = append(g.Files, file)
			if !hasPages(g.Evidence) && hasPages(f.Evidence) {
				g.Evidence = f.Evidence
			}
			continue
		}
		seen[k] = len(rep.Flags)
		rep.Flags = append(rep.Flags, f)
	}
	return reports, nil
}

func hasPages(ev []checkEvidence) bool {
	for _, e := range ev {
		if e.Page > 0 {
			return true
		}
	}
	return false
}

func str(v any) string {
	if v == nil {
		return ""
	}
	return fmt.Sprint(v)
}

func num(v any) float64 {
	switch t := v.(type) {
	case int64:
		return float64(t)
	case float64:
		return t
	}
	return 0
}

// flagVI describes a flag in Vietnamese from its kind, metric and
// numbers. (The flag's stored message is English.)
func flagVI(f checkFlag) string {
	what := f.Label
	if what == "" {
		what = "“" + f.Metric + "”"
	}
	pct := ""
	if f.Check == "ratio" || f.Check == "shares" || strings.HasSuffix(f.Metric, "_rate") {
		pct = "%"
	}
	s, c := formatVN(f.Stated)+pct, formatVN(f.Computed)+pct
	switch f.Check {
	case "sum":
		return fmt.Sprintf("Tổng không khớp: %s nêu %s, cộng các thành phần được %s.", what, s, c)
	case "difference":
		return fmt.Sprintf("Hiệu không khớp: %s nêu %s, tính lại được %s.", what, s, c)
	case "ratio":
		if f.Severity == "info" {
			return fmt.Sprintf("Mẫu số chưa rõ: %s nêu %s, tính theo mẫu số khác được %s.", what, s, c)
		}
		return fmt.Sprintf("Tỷ lệ không khớp: %s nêu %s, tính lại từ các số liệu được %s.", what, s, c)
	case "shares":
		return fmt.Sprintf("Các tỷ lệ thành phần không khớp: %s nêu %s, tính lại được %s.", what, s, c)
	case "part_le_whole":
		return fmt.Sprintf("Phần lớn hơn tổng: %s là %s, lớn hơn tổng %s.", what, s, c)
	case "duplicate":
		return fmt.Sprintf("Nêu hai lần với hai số khác nhau: %s là %s và %s.", what, s, c)
	case "table_total":
		return fmt.Sprintf("Dòng tổng của bảng không khớp: %s nêu %s, cộng các dòng được %s.", what, s, c)
	}
	return fmt.Sprintf("Số liệu không nhất quán (%s): %s nêu %s, tính lại được %s.", f.Check, what, s, c)
}

// writeCheckReport prints one report's flags for people.
func writeCheckReport(w io.Writer, pr *message.Printer, r *checkReport) {
	head := r.ProvinceName
	if r.ProvinceCode != "" {
		head += " (" + r.ProvinceCode + ")"
	}
	if head == "" {
		head = pr.Sprintf("province unknown")
	}
	if r.Year != 0 {
		head += fmt.Sprintf(", %d", r.Year)
	}
	fmt.Fprintf(w, "\n%s: %s\n", head, pr.Sprintf("%d flags, read from %s", len(r.Flags), strings.Join(r.Files, ", ")))
	for _, f := range r.Flags {
		fmt.Fprintf(w, "\n  [%s | %s] %s\n", store.CategoryVI("severity", f.Severity), f.Severity, f.MessageVI)
		fmt.Fprintf(w, "    %s\n", f.Message)
		if len(f.Files) < len(r.Files) {
			fmt.Fprintf(w, "    %s\n", pr.Sprintf("only in %s", strings.Join(f.Files, ", ")))
		}
		// Each sentence once, with the positions of its figures.
		var order []string
		at := map[string][]string{}
		for _, e := range f.Evidence {
			k := e.File + "\x00" + e.Text
			if _, ok := at[k]; !ok {
				order = append(order, k)
			}
			pos := fmt.Sprintf("%d:%d", e.Page, e.Line)
			if e.Page == 0 {
				pos = pr.Sprintf("line %d", e.Line)
			}
			if !slices.Contains(at[k], pos) {
				at[k] = append(at[k], pos)
			}
		}
		for _, k := range order {
			file, text, _ := strings.Cut(k, "\x00")
			fmt.Fprintf(w, "    %s %s  “%s”\n", file, strings.Join(at[k], ", "), clip(text, 160))
		}
	}
}

// flagsTable lays the flags out as one row each, with the first piece
// of evidence in columns of its own and all of it in the last column.
func flagsTable(reports []*checkReport) *store.Result {
	res := &store.Result{Columns: []string{"province_code", "province_name", "year", "severity", "check", "check_id",
		"metric", "label_vi", "stated", "computed", "message_vi", "message", "files",
		"evidence_file", "evidence_page", "evidence_line", "evidence_text", "evidence"}}
	for _, r := range reports {
		for _, f := range r.Flags {
			var first checkEvidence
			var all []string
			for i, e := range f.Evidence {
				if i == 0 {
					first = e
				}
				all = append(all, fmt.Sprintf("%s [%s %d:%d]", e.Text, e.File, e.Page, e.Line))
			}
			res.Rows = append(res.Rows, []any{f.ProvinceCode, f.ProvinceName, int64(f.Year), f.Severity, f.Check, f.CheckID,
				f.Metric, f.Label, f.Stated, f.Computed, f.MessageVI, f.Message, strings.Join(f.Files, "; "),
				first.File, int64(first.Page), int64(first.Line), first.Text, strings.Join(all, " | ")})
		}
	}
	return res
}
