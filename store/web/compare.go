package web

import (
	"cmp"
	"fmt"
	"math"
	"net/http"
	"slices"
	"strconv"

	"github.com/baocao/baocao/store"
)

// compareCol is a column of the comparison: one report.
type compareCol struct {
	Doc        int64
	Title, Sub string
}

// compareCell is a value of the comparison, with its difference from
// the reference column (the first, or the year before).
type compareCell struct {
	Text, Href string
	Differs    bool
	Diff       string
	Up         bool
}

// compareRow is one metric across the columns.
type compareRow struct {
	Metric, Label string
	Cells         []compareCell
	Differs       bool
}

// compareData is the comparison page.
type compareData struct {
	Provinces []province
	Years     []int64
	Selected  []string
	Year      int64
	ByYear    bool
	Cols      []compareCol
	Rows      []compareRow
	Note      string
}

// compare serves the comparison of provinces in a year (?p=66&p=62&year=2021)
// or of the years of one province (?p=66&by=year).
func (s *Server) compare(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	v := r.URL.Query()
	cd := &compareData{Selected: v["p"], ByYear: v.Get("by") == "year"}
	var err error
	if cd.Provinces, err = s.provinces(ctx); err != nil {
		return err
	}
	if cd.Years, err = s.years(ctx); err != nil {
		return err
	}
	cd.Year, _ = strconv.ParseInt(v.Get("year"), 10, 64)
	if !slices.Contains(cd.Years, cd.Year) && len(cd.Years) > 0 {
		cd.Year = cd.Years[0]
	}
	if len(cd.Selected) > 40 {
		return badRequest("Chọn tối đa 40 tỉnh để so sánh.")
	}
	var docs []row
	switch {
	case cd.ByYear && len(cd.Selected) >= 1:
		cd.Selected = cd.Selected[:1]
		docs, err = s.query(ctx, `SELECT document_id, province_code, province_name, year, doc_date FROM latest_documents
WHERE province_code = ? AND year IS NOT NULL ORDER BY year`, cd.Selected[0])
	case len(cd.Selected) >= 2:
		args := []any{cd.Year}
		for _, p := range cd.Selected {
			args = append(args, p)
		}
		docs, err = s.query(ctx, `SELECT document_id, province_code, province_name, year, doc_date FROM latest_documents
WHERE year = ? AND province_code IN (`+placeholders(len(cd.Selected))+`) ORDER BY province_name`, args...)
	default:
		cd.Note = "Chọn hai tỉnh trở lên và một năm, hoặc một tỉnh để so sánh các năm."
	}
	if err != nil {
		return err
	}
	if !cd.ByYear {
		slices.SortStableFunc(docs, func(a, b row) int { return cmp.Compare(fold(a.Str("province_name")), fold(b.Str("province_name"))) })
	}
	if cd.Note == "" && len(docs) < 2 {
		cd.Note = "Chưa đủ hai báo cáo để so sánh với lựa chọn này."
	}
	ids := make([]any, len(docs))
	for i, d := range docs {
		ids[i] = d.Int("document_id")
		c := compareCol{Doc: d.Int("document_id"), Title: d.Str("province_name"), Sub: d.Str("year")}
		if cd.ByYear {
			c.Title, c.Sub = d.Str("year"), d.Str("province_name")
		}
		cd.Cols = append(cd.Cols, c)
	}
	if len(docs) >= 2 {
		figs, err := s.query(ctx, `SELECT m.document_id, m.metric, m.value, m.id, coalesce(c.label_vi, m.metric) AS label,
	coalesce(c.unit, m.unit) AS cunit, coalesce(c.rowid, 1e9) AS ord
FROM metrics m LEFT JOIN metric_catalog c ON c.code = m.metric
WHERE m.id IN (SELECT min(id) FROM metrics WHERE document_id IN (`+placeholders(len(ids))+`) GROUP BY document_id, metric)
ORDER BY ord, m.metric`, ids...)
		if err != nil {
			return err
		}
		cd.Rows = compareRows(figs, cd.Cols, cd.ByYear)
	}
	title := "So sánh"
	return s.render(w, "compare", title, "compare", cd)
}

// compareRows lays figures out as one row per metric and one cell per
// column, marking the cells that differ from the reference: the first
// column, or for years the year before.
func compareRows(figs []row, cols []compareCol, byYear bool) []compareRow {
	colOf := map[int64]int{}
	for i, c := range cols {
		colOf[c.Doc] = i
	}
	var rows []compareRow
	at := map[string]int{}
	vals := map[string][]any{}
	for _, f := range figs {
		m := f.Str("metric")
		i, ok := at[m]
		if !ok {
			i = len(rows)
			at[m] = i
			rows = append(rows, compareRow{Metric: m, Label: f.Str("label"), Cells: make([]compareCell, len(cols))})
			vals[m] = make([]any, len(cols))
		}
		j := colOf[f.Int("document_id")]
		vals[m][j] = f.Val("value")
		rows[i].Cells[j] = compareCell{Text: store.FormatValue(f.Val("value"), f.Str("cunit")), Href: fmt.Sprintf("/figure/%d", f.Int("id"))}
		rows[i].Label = f.Str("label")
	}
	for i := range rows {
		vs := vals[rows[i].Metric]
		for j := 1; j < len(vs); j++ {
			ref := vs[0]
			if byYear {
				ref = vs[j-1]
			}
			if vs[j] == nil || ref == nil {
				if vs[j] != ref {
					rows[i].Differs = true
				}
				continue
			}
			a, aNum := store.Number(ref)
			b, bNum := store.Number(vs[j])
			switch {
			case aNum && bNum && a != b:
				c := &rows[i].Cells[j]
				c.Differs, rows[i].Differs = true, true
				c.Up = b > a
				if a != 0 {
					d := 100 * (b - a) / math.Abs(a)
					sign := "+"
					if d < 0 {
						sign = "−"
					}
					c.Diff = sign + store.FormatValue(math.Abs(math.Round(d*10)/10), "") + " %"
				}
			case !aNum || !bNum:
				if fmt.Sprint(ref) != fmt.Sprint(vs[j]) {
					rows[i].Cells[j].Differs, rows[i].Differs = true, true
				}
			}
		}
	}
	return rows
}
