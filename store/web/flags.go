package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// flagsPerPage is how many flags the flags page shows at once.
const flagsPerPage = 200

// option is a choice of a filter.
type option struct {
	Value, Label string
}

// flagsData is the flags page.
type flagsData struct {
	Checks, Severities, Provinces []option
	Years                         []int64
	Check, Severity, Province     string
	Unit                          string
	Year                          int64
	Flags                         []flagView
	Total                         int64
	Page, Pages                   int
	Prev, Next                    string
}

// flags serves every flag of the database, filtered by check, severity,
// province (or unit of 2025) and year.
func (s *Server) flags(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	v := r.URL.Query()
	fd := &flagsData{Check: v.Get("check"), Severity: v.Get("severity"), Province: v.Get("province"), Unit: v.Get("unit")}
	fd.Year, _ = strconv.ParseInt(v.Get("year"), 10, 64)
	fd.Page, _ = strconv.Atoi(v.Get("page"))
	fd.Page = max(fd.Page, 1)

	var where []string
	var args []any
	if fd.Check != "" {
		where, args = append(where, `g."check" = ?`), append(args, fd.Check)
	}
	if fd.Severity != "" {
		where, args = append(where, `g.severity = ?`), append(args, fd.Severity)
	}
	if fd.Province != "" {
		where, args = append(where, `d.province_code = ?`), append(args, fd.Province)
	}
	if fd.Unit != "" {
		where, args = append(where, `d.province_code IN (SELECT old_code FROM province_merger_2025 WHERE new_code = ?)`), append(args, fd.Unit)
	}
	if fd.Year != 0 {
		where, args = append(where, `d.year = ?`), append(args, fd.Year)
	}
	w1 := ""
	if len(where) > 0 {
		w1 = "WHERE " + strings.Join(where, " AND ")
	}
	rs, err := s.query(ctx, `SELECT count(*) AS n FROM flags g JOIN documents d ON d.id = g.document_id `+w1, args...)
	if err != nil {
		return err
	}
	fd.Total = rs[0].Int("n")
	fd.Pages = int((fd.Total + flagsPerPage - 1) / flagsPerPage)
	if fd.Flags, err = s.flagViews(ctx, w1, args, flagsPerPage, (fd.Page-1)*flagsPerPage); err != nil {
		return err
	}
	link := func(p int) string {
		q := url.Values{}
		for k, vs := range v {
			q[k] = vs
		}
		q.Set("page", strconv.Itoa(p))
		return "?" + q.Encode()
	}
	if fd.Page > 1 {
		fd.Prev = link(fd.Page - 1)
	}
	if fd.Page < fd.Pages {
		fd.Next = link(fd.Page + 1)
	}

	// The filters' choices.
	checks, err := s.query(ctx, `SELECT DISTINCT "check" AS c FROM flags ORDER BY 1`)
	if err != nil {
		return err
	}
	for _, c := range checks {
		fd.Checks = append(fd.Checks, option{c.Str("c"), checkLabel(c.Str("c"))})
	}
	for _, sv := range []string{"error", "warning", "info"} {
		fd.Severities = append(fd.Severities, option{sv, severityLabel(sv)})
	}
	provs, err := s.provinces(ctx)
	if err != nil {
		return err
	}
	for _, p := range provs {
		fd.Provinces = append(fd.Provinces, option{p.Code, p.Name + " (" + p.Code + ")"})
	}
	if fd.Years, err = s.years(ctx); err != nil {
		return err
	}
	return s.render(w, "flags", "Cảnh báo", "flags", fd)
}
