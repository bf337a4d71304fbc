package web

import (
	"bytes"
	"context"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log"
	"net/http"
	"strconv"
	"time"

	"github.com/baocao/baocao/store"
)

//go:embed templates/*.html templates/*.tmpl
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Options configure a Server.
type Options struct {
	// Timeout is the time limit of one request; 0 means 10 s.
	Timeout time.Duration
	// DPI is the resolution of page images; 0 means 110.
	DPI int
	// Pdftoppm is the poppler command that renders pages; "" means
	// "pdftoppm" on the PATH.
	Pdftoppm string
	// Pdfinfo is the poppler command that reads page sizes; "" means
	// "pdfinfo" on the PATH.
	Pdfinfo string
	// CacheBytes bounds the memory of rendered page images kept; 0 means
	// 64 MiB.
	CacheBytes int64
	// Log receives the errors of requests; nil means log.Default().
	Log *log.Logger
}

// Server is the web view over one database. It is an http.Handler.
type Server struct {
	db    *store.DB
	opt   Options
	pages map[string]*template.Template
	mux   *http.ServeMux
	imgs  *pageCache
	sizes pageSizes
}

// New returns a Server over db, which should be opened with
// store.OpenReadOnly.
func New(db *store.DB, opt Options) (*Server, error) {
	if opt.Timeout <= 0 {
		opt.Timeout = 10 * time.Second
	}
	if opt.DPI <= 0 {
		opt.DPI = 110
	}
	if opt.Pdftoppm == "" {
		opt.Pdftoppm = "pdftoppm"
	}
	if opt.Pdfinfo == "" {
		opt.Pdfinfo = "pdfinfo"
	}
	if opt.CacheBytes <= 0 {
		opt.CacheBytes = 64 << 20
	}
	if opt.Log == nil {
		opt.Log = log.Default()
	}
	s := &Server{db: db, opt: opt, pages: map[string]*template.Template{}, imgs: newPageCache(opt.CacheBytes)}
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		return nil, err
	}
	for _, n := range names {
		if n == "templates/layout.html" {
			continue
		}
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/*.tmpl", n)
		if err != nil {
			return nil, fmt.Errorf("web: %s: %w", n, err)
		}
		s.pages[n[len("templates/"):len(n)-len(".html")]] = t
	}
	static, err := fs.Sub(staticFS, "static")
	if err != nil {
		return nil, err
	}
	m := http.NewServeMux()
	m.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(static)))
	m.HandleFunc("GET /{$}", s.handle(s.home))
	m.HandleFunc("GET /table.csv", s.handle(s.tableCSV))
	m.HandleFunc("GET /table.xlsx", s.handle(s.tableXLSX))
	m.HandleFunc("GET /report/{id}", s.handle(s.report))
	m.HandleFunc("GET /figure/{id}", s.handle(s.figure))
	m.HandleFunc("GET /evidence/{id}", s.handle(s.flagEvidence))
	m.HandleFunc("GET /page/{doc}/{page}", s.handle(s.pageImage))
	m.HandleFunc("GET /compare", s.handle(s.compare))
	m.HandleFunc("GET /flags", s.handle(s.flags))
	m.HandleFunc("GET /charts", s.handle(s.charts))
	m.HandleFunc("GET /sql", s.handle(s.sqlPage))
	m.HandleFunc("GET /sql.csv", s.handle(s.sqlDownload))
	m.HandleFunc("GET /sql.json", s.handle(s.sqlDownload))
	m.HandleFunc("/", s.handle(func(w http.ResponseWriter, r *http.Request) error {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			return errMethod
		}
		return errNotFound
	}))
	s.mux = m
	return s, nil
}

// ServeHTTP serves a request under the server's time limit. Only GET and
// HEAD are allowed.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD")
		s.fail(w, r, errMethod)
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.opt.Timeout)
	defer cancel()
	s.mux.ServeHTTP(w, r.WithContext(ctx))
}

// httpError is an error with the status and the Vietnamese message the
// user sees.
type httpError struct {
	status int
	msg    string
}

func (e *httpError) Error() string { return e.msg }

var (
	errNotFound = &httpError{http.StatusNotFound, "Không tìm thấy trang này."}
	errMethod   = &httpError{http.StatusMethodNotAllowed, "Trang chỉ cho phép đọc (GET)."}
)

// notFound returns a 404 error with a message.
func notFound(format string, args ...any) error {
	return &httpError{http.StatusNotFound, fmt.Sprintf(format, args...)}
}

// badRequest returns a 400 error with a message.
func badRequest(format string, args ...any) error {
	return &httpError{http.StatusBadRequest, fmt.Sprintf(format, args...)}
}

// handle turns a handler that returns an error into an http.HandlerFunc
// that shows the error as a page.
func (s *Server) handle(h func(http.ResponseWriter, *http.Request) error) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				s.opt.Log.Printf("baocao serve: %s: panic: %v", r.URL.Path, v)
				s.fail(w, r, fmt.Errorf("panic: %v", v))
			}
		}()
		if err := h(w, r); err != nil {
			s.fail(w, r, err)
		}
	}
}

// userMessage returns the status and Vietnamese message of an error.
func userMessage(err error) (int, string) {
	var he *httpError
	var le *store.LimitError
	var se *store.SQLError
	switch {
	case errors.As(err, &he):
		return he.status, he.msg
	case errors.As(err, &le) && le.Memory:
		return http.StatusRequestEntityTooLarge, fmt.Sprintf(
			"Truy vấn bị dừng: cần nhiều bộ nhớ hơn giới hạn %d MiB. Hãy thu hẹp truy vấn (thêm WHERE, LIMIT) hoặc bỏ bớt cột.", le.Limits.MaxMemory>>20)
	case errors.As(err, &le), errors.Is(err, context.DeadlineExceeded):
		lim := "thời gian cho phép"
		if le != nil {
			lim = "giới hạn " + store.FormatValue(le.Limits.Timeout.Seconds(), "") + " giây"
		}
		return http.StatusServiceUnavailable, "Truy vấn bị dừng: chạy quá " + lim + ". Hãy thu hẹp truy vấn (thêm WHERE, LIMIT)."
	case errors.As(err, &se):
		return http.StatusBadRequest, "Lỗi SQL: " + se.Error()
	}
	return http.StatusInternalServerError, "Lỗi máy chủ: " + err.Error()
}

// fail writes an error page.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	status, msg := userMessage(err)
	if status == http.StatusInternalServerError {
		s.opt.Log.Printf("baocao serve: %s: %v", r.URL, err)
	}
	var b bytes.Buffer
	if t := s.pages["error"]; t != nil && t.Execute(&b, page{Title: "Lỗi", Data: msg}) == nil {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(status)
		w.Write(b.Bytes())
		return
	}
	http.Error(w, msg, status)
}

// page is what every template gets: the title, the current section of
// the menu, and the page's own data.
type page struct {
	Title string
	Nav   string
	Data  any
}

// render writes a page through its template. The page is rendered to a
// buffer first, so that a template error becomes an error page.
func (s *Server) render(w http.ResponseWriter, name, title, nav string, data any) error {
	t := s.pages[name]
	if t == nil {
		return fmt.Errorf("web: no template %q", name)
	}
	var b bytes.Buffer
	if err := t.Execute(&b, page{Title: title, Nav: nav, Data: data}); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	_, err := w.Write(b.Bytes())
	return err
}

// pathID parses the id in the request path, or fails with 404.
func pathID(r *http.Request, name string) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	if err != nil || id <= 0 {
		return 0, errNotFound
	}
	return id, nil
}
