package web

import (
	"cmp"
	"context"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/baocao/baocao/store"
)

// tableCol is a column of the province table.
type tableCol struct {
	Name, Label, Unit string
	// Metric is the column's metric code, "" for other columns.
	Metric string
	// Sorted is "asc" or "desc" when the table is sorted by this column;
	// SortURL sorts by it (the other way when it is sorted already).
	Sorted  string
	SortURL string
}

// tableCell is a cell of the province table.
type tableCell struct {
	Text string
	Num  bool
	// Href links to the figure's evidence.
	Href string
	Mark cellMark
	// Recomputed is set for a rate of a unit of 2025 that the view
	// computed from summed parts rather than read.
	Recomputed bool
}

// tableRow is a row of the province table.
type tableRow struct {
	Code, Name, Href string
	Covers           string
	Cells            []tableCell
	Flags            int64
	FlagsHref        string
}

// tableData is the province table page.
type tableData struct {
	Years      []int64
	Year       int64
	Units      bool
	Q          string
	Sort, Dir  string
	Cols       []tableCol
	Rows       []tableRow
	Total      int
	Params     url.Values
	Provinces  int
	HasReports bool
}

// tableParams reads the table's parameters: year, units=2025, q, sort,
// dir.
type tableParams struct {
	year      int64
	units     bool
	q         string
	sort, dir string
}

func readTableParams(r *http.Request) tableParams {
	v := r.URL.Query()
	p := tableParams{units: v.Get("units") == "2025", q: strings.TrimSpace(v.Get("q")), sort: v.Get("sort"), dir: v.Get("dir")}
	p.year, _ = strconv.ParseInt(v.Get("year"), 10, 64)
	if p.dir != "asc" {
		p.dir = "desc"
	}
	return p
}

func (p tableParams) values() url.Values {
	v := url.Values{}
	if p.year != 0 {
		v.Set("year", strconv.FormatInt(p.year, 10))
	}
	if p.units {
		v.Set("units", "2025")
	}
	if p.q != "" {
		v.Set("q", p.q)
	}
	if p.sort != "" {
		v.Set("sort", p.sort)
		v.Set("dir", p.dir)
	}
	return v
}

// table builds the province table for the parameters, and the same rows
// and columns as a result for download.
func (s *Server) table(ctx context.Context, p *tableParams) (*tableData, *store.Result, error) {
	years, err := s.years(ctx)
	if err != nil {
		return nil, nil, err
	}
	td := &tableData{Years: years}
	if len(years) == 0 {
		return td, &store.Result{}, nil
	}
	td.HasReports = true
	if !slices.Contains(years, p.year) {
		p.year = years[0]
	}
	view, lead := "province_year", []string{"province_code", "province_name"}
	if p.units {
		view, lead = "unit2025_year", []string{"unit_code", "unit_name", "covers", "reports"}
	}
	res, err := s.db.Query(ctx, `SELECT * FROM `+view+` WHERE year = ?`, p.year)
	if err != nil {
		return nil, nil, err
	}
	names, err := s.db.Columns(ctx)
	if err != nil {
		return nil, nil, err
	}
	// The columns: the lead columns, every metric column of the view,
	// the sum of the budget table, and the flag counts.
	idx := map[string]int{}
	for i, c := range res.Columns {
		idx[c] = i
	}
	cols := append([]string{}, lead...)
	for _, c := range res.Columns {
		if names.Metric(c) != "" || c == "budget_items_vnd" {
			cols = append(cols, c)
		}
	}
	if !p.units {
		cols = append(cols, "flag_errors", "flag_warnings")
	}

	// Marks and links: the figures of the reports each row is made of.
	py := res
	if p.units {
		if py, err = s.db.Query(ctx, `SELECT province_code, document_id, flag_errors, flag_warnings FROM province_year WHERE year = ?`, p.year); err != nil {
			return nil, nil, err
		}
	}
	var docs []int64
	for _, r := range rowsOf(py) {
		docs = append(docs, r.Int("document_id"))
	}
	marks, err := s.marks(ctx, docs)
	if err != nil {
		return nil, nil, err
	}
	// For units: the documents and flags of each unit's provinces.
	unitDocs := map[string][]int64{}
	unitFlags := map[string]int64{}
	if p.units {
		merger, err := s.merger(ctx)
		if err != nil {
			return nil, nil, err
		}
		for _, r := range rowsOf(py) {
			u := merger[r.Str("province_code")]
			unitDocs[u] = append(unitDocs[u], r.Int("document_id"))
			unitFlags[u] += r.Int("flag_errors") + r.Int("flag_warnings")
		}
	}

	// Filter and sort.
	rows := rowsOf(res)
	if q := fold(p.q); q != "" {
		rows = slices.DeleteFunc(rows, func(r row) bool {
			return !strings.Contains(fold(r.Str(lead[1])+" "+r.Str(lead[0])+" "+r.Str("covers")), q)
		})
	}
	if _, ok := idx[p.sort]; !ok {
		p.sort = ""
	}
	if p.sort != "" {
		slices.SortStableFunc(rows, func(a, b row) int {
			c := compareValues(a[p.sort], b[p.sort])
			if p.dir == "desc" {
				c = -c
			}
			// NULLs last whichever the direction.
			if an, bn := a[p.sort] == nil, b[p.sort] == nil; an != bn {
				if an {
					return 1
				}
				return -1
			}
			return c
		})
	} else {
		slices.SortStableFunc(rows, func(a, b row) int { return cmp.Compare(fold(a.Str(lead[1])), fold(b.Str(lead[1]))) })
	}

	td.Year, td.Units, td.Q, td.Sort, td.Dir = p.year, p.units, p.q, p.sort, p.dir
	td.Params = p.values()
	td.Total = len(res.Rows)
	for _, c := range cols[1:] {
		if p.units && (c == "covers" || c == "reports") {
			continue
		}
		label, unit := names.Label(c)
		tc := tableCol{Name: c, Label: label, Unit: unit, Metric: names.Metric(c)}
		sp := *p
		sp.sort, sp.dir = c, "desc"
		if unit == "" {
			sp.dir = "asc"
		}
		if p.sort == c {
			tc.Sorted = p.dir
			sp.dir = map[string]string{"asc": "desc", "desc": "asc"}[p.dir]
		}
		tc.SortURL = "?" + sp.values().Encode()
		td.Cols = append(td.Cols, tc)
	}
	for _, r := range rows {
		tr := tableRow{Code: r.Str(lead[0]), Name: r.Str(lead[1])}
		if p.units {
			tr.Covers = r.Str("covers")
			tr.Flags = unitFlags[tr.Code]
			tr.FlagsHref = "/flags?" + url.Values{"unit": {tr.Code}, "year": {strconv.FormatInt(p.year, 10)}}.Encode()
		} else {
			tr.Href = fmt.Sprintf("/report/%d", r.Int("document_id"))
			tr.Flags = r.Int("flag_errors") + r.Int("flag_warnings")
			tr.FlagsHref = "/flags?" + url.Values{"province": {tr.Code}, "year": {strconv.FormatInt(p.year, 10)}}.Encode()
		}
		for _, c := range td.Cols[1:] {
			cell := tableCell{Text: store.FormatValue(r[c.Name], c.Unit), Num: c.Unit != "" && c.Unit != "status"}
			if c.Metric != "" && r[c.Name] != nil {
				if p.units {
					for _, d := range unitDocs[tr.Code] {
						m, ok := marks[d][c.Metric]
						if !ok {
							continue
						}
						cell.Mark.OCR = cell.Mark.OCR || m.OCR
						cell.Mark.Flagged = cell.Mark.Flagged || m.Flagged
						if m.Qualifier != "" {
							cell.Mark.Qualifier = m.Qualifier
						}
					}
					cell.Recomputed = c.Unit == "percent"
				} else if m, ok := marks[r.Int("document_id")][c.Metric]; ok {
					cell.Mark = m
					cell.Href = fmt.Sprintf("/figure/%d", m.ID)
				}
			}
			tr.Cells = append(tr.Cells, cell)
		}
		td.Rows = append(td.Rows, tr)
	}
	td.Provinces = len(td.Rows)

	// The download: the lead columns, then the columns shown, in the
	// order shown.
	out := &store.Result{Columns: append([]string{"year"}, cols...)}
	for _, r := range rows {
		vals := []any{p.year}
		for _, c := range cols {
			vals = append(vals, r[c])
		}
		out.Rows = append(out.Rows, vals)
	}
	return td, out, nil
}

// compareValues orders two values of a column: numbers by value, text
// by its loose form, NULL first.
func compareValues(a, b any) int {
	fa, aNum := store.Number(a)
	fb, bNum := store.Number(b)
	switch {
	case aNum && bNum:
		return cmp.Compare(fa, fb)
	case a == nil && b == nil:
		return 0
	case a == nil:
		return -1
	case b == nil:
		return 1
	}
	return cmp.Compare(fold(fmt.Sprint(a)), fold(fmt.Sprint(b)))
}

// home serves the province table.
func (s *Server) home(w http.ResponseWriter, r *http.Request) error {
	p := readTableParams(r)
	td, _, err := s.table(r.Context(), &p)
	if err != nil {
		return err
	}
	return s.render(w, "home", "Bảng số liệu theo tỉnh", "home", td)
}

// tableCSV downloads the current province table as CSV, with a
// byte-order mark for Excel and Vietnamese headers.
func (s *Server) tableCSV(w http.ResponseWriter, r *http.Request) error {
	p := readTableParams(r)
	_, res, err := s.table(r.Context(), &p)
	if err != nil {
		return err
	}
	names, err := s.db.Columns(r.Context())
	if err != nil {
		return err
	}
	heads := make([]string, len(res.Columns))
	for i, c := range res.Columns {
		heads[i], _ = names.Label(c)
	}
	out := &store.Result{Columns: heads, Rows: res.Rows}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+tableFileName(p)+`.csv"`)
	if _, err := w.Write([]byte("\xEF\xBB\xBF")); err != nil {
		return err
	}
	return store.WriteCSV(w, out)
}

// tableXLSX downloads the current province table as XLSX, written by the
// store's exporter.
func (s *Server) tableXLSX(w http.ResponseWriter, r *http.Request) error {
	p := readTableParams(r)
	_, res, err := s.table(r.Context(), &p)
	if err != nil {
		return err
	}
	name := fmt.Sprintf("Tỉnh %d", p.year)
	if p.units {
		name = fmt.Sprintf("Tỉnh (2025) %d", p.year)
	}
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	w.Header().Set("Content-Disposition", `attachment; filename="`+tableFileName(p)+`.xlsx"`)
	return s.db.WriteXLSX(r.Context(), w, store.Sheet{Name: name, Result: res})
}

// tableFileName names a download of the table.
func tableFileName(p tableParams) string {
	if p.units {
		return fmt.Sprintf("baocao-tinh-2025-%d", p.year)
	}
	return fmt.Sprintf("baocao-tinh-%d", p.year)
}
