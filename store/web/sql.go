package web

import (
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/baocao/baocao/store"
)

// sqlShown is how many rows of a result the SQL page shows; the
// downloads have them all.
const sqlShown = 1000

// sqlData is the SQL page.
type sqlData struct {
	Q        string
	Cols     []string
	Rows     [][]string
	Num      []bool
	Total    int
	Err      string
	Schema   []store.SchemaEntry
	Examples []exampleLink
	// CSV and JSON download the result.
	CSV, JSON template.URL
}

// exampleLink is an example query with the link that runs it.
type exampleLink struct {
	store.Example
	Href string
}

// sqlPage runs a read-only query (?q=) under the database's limits and
// shows its rows beside the schema and the example queries.
func (s *Server) sqlPage(w http.ResponseWriter, r *http.Request) error {
	sd := &sqlData{Q: strings.TrimSpace(r.URL.Query().Get("q")), Schema: store.SchemaDoc()}
	for _, ex := range store.Examples() {
		sd.Examples = append(sd.Examples, exampleLink{Example: ex, Href: "/sql?" + url.Values{"q": {ex.SQL}}.Encode()})
	}
	if sd.Q != "" {
		enc := url.Values{"q": {sd.Q}}.Encode()
		sd.CSV, sd.JSON = template.URL("/sql.csv?"+enc), template.URL("/sql.json?"+enc)
		res, err := s.db.Query(r.Context(), sd.Q)
		if err != nil {
			_, sd.Err = userMessage(err)
		} else {
			sd.Cols, sd.Total = res.Columns, len(res.Rows)
			sd.Num = make([]bool, len(res.Columns))
			for i := range sd.Num {
				sd.Num[i] = true
			}
			for j, vals := range res.Rows {
				for i, v := range vals {
					if _, ok := store.Number(v); !ok && v != nil {
						sd.Num[i] = false
					}
				}
				if j < sqlShown {
					cells := make([]string, len(vals))
					for i, v := range vals {
						if f, ok := store.Number(v); ok && isIDColumn(res.Columns[i]) {
							cells[i] = strconv.FormatFloat(f, 'f', -1, 64)
						} else {
							cells[i] = store.FormatValue(v, "")
						}
					}
					sd.Rows = append(sd.Rows, cells)
				}
			}
		}
	}
	return s.render(w, "sql", "Truy vấn SQL", "sql", sd)
}

// isIDColumn reports whether a column holds ids, years, pages or lines,
// which are written without thousands dots.
func isIDColumn(c string) bool {
	c = strings.ToLower(c)
	return c == "id" || c == "year" || c == "page" || c == "line" || c == "no" || c == "rank" ||
		strings.HasSuffix(c, "_id") || strings.HasSuffix(c, "year") || strings.HasSuffix(c, "_code")
}

// sqlDownload runs a read-only query and sends all its rows as CSV
// (/sql.csv, with a byte-order mark for Excel) or JSON (/sql.json).
func (s *Server) sqlDownload(w http.ResponseWriter, r *http.Request) error {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	if q == "" {
		return badRequest("Chưa có câu truy vấn (tham số q).")
	}
	res, err := s.db.Query(r.Context(), q)
	if err != nil {
		return err
	}
	if strings.HasSuffix(r.URL.Path, ".json") {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.Header().Set("Content-Disposition", `attachment; filename="baocao-truy-van.json"`)
		return store.WriteJSON(w, res)
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="baocao-truy-van.csv"`)
	if _, err := w.Write([]byte("\xEF\xBB\xBF")); err != nil {
		return err
	}
	return store.WriteCSV(w, res)
}
