package web

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"image/png"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/baocao/baocao/store"
)

// newServer returns a Server over the sample database opened read-only.
func newServer(t testing.TB) (*Server, *store.DB) {
	t.Helper()
	db, err := store.OpenReadOnly(context.Background(), sampleDB(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	s, err := New(db, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return s, db
}

// get serves a GET request and returns the response.
func get(t testing.TB, h http.Handler, target string) *http.Response {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
	return rec.Result()
}

// body returns the body of a response that must have the given status.
func body(t testing.TB, res *http.Response, status int) string {
	t.Helper()
	b, _ := io.ReadAll(res.Body)
	if res.StatusCode != status {
		t.Fatalf("%s: status %d, want %d\n%s", res.Request.URL, res.StatusCode, status, b)
	}
	return string(b)
}

// contains checks that s holds every string of want.
func contains(t testing.TB, what, s string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(s, w) {
			t.Errorf("%s lacks %q", what, w)
		}
	}
}

// id returns the first integer of a one-row query.
func id(t testing.TB, db *store.DB, q string, args ...any) int64 {
	t.Helper()
	r, err := db.Query(context.Background(), q, args...)
	if err != nil || len(r.Rows) == 0 {
		t.Fatalf("%s: %v (%d rows)", q, err, len(r.Rows))
	}
	return r.Rows[0][0].(int64)
}

// rowOrder returns the province codes of the table's rows in order.
func rowOrder(html string) []string {
	var codes []string
	for _, m := range regexp.MustCompile(`<tr data-code="(\d+)">`).FindAllStringSubmatch(html, -1) {
		codes = append(codes, m[1])
	}
	return codes
}

func TestHome(t *testing.T) {
	s, _ := newServer(t)
	html := body(t, get(t, s, "/"), 200)
	contains(t, "home", html,
		"Bảng số liệu theo tỉnh", "năm 2021",
		"Đắk Lắk", "Kon Tum", // both provinces
		"Tổng số thủ tục hành chính", "Tỷ lệ DVCTT mức độ 4 (%)", // Vietnamese labels
		"1.543", "1.774", "46,14 %", "43,8 %", // Vietnamese numbers
		`class="num flagged"`, // a flagged figure (Kon Tum's level-4 rate)
		`<span class="mk approx"`, "Tải XLSX")
	if got := rowOrder(html); strings.Join(got, ",") != "66,62" {
		t.Errorf("rows by name = %v, want Đắk Lắk (66) then Kon Tum (62)", got)
	}
	// Sorting by a metric, both ways.
	for dir, want := range map[string]string{"desc": "62,66", "asc": "66,62"} {
		html := body(t, get(t, s, "/?year=2021&sort=tthc_total&dir="+dir), 200)
		if got := strings.Join(rowOrder(html), ","); got != want {
			t.Errorf("sorted by tthc_total %s: rows %s, want %s", dir, got, want)
		}
		contains(t, "sorted table", html, map[string]string{"desc": "Tổng số thủ tục hành chính ▼", "asc": "Tổng số thủ tục hành chính ▲"}[dir])
	}
	// Filtering, without diacritics.
	html = body(t, get(t, s, "/?q=dak+lak"), 200)
	if got := strings.Join(rowOrder(html), ","); got != "66" {
		t.Errorf("filtered by 'dak lak': rows %s, want 66", got)
	}
	// The 34 units of 2025: Kon Tum's figures under Quảng Ngãi.
	html = body(t, get(t, s, "/?units=2025"), 200)
	contains(t, "units table", html, "Quảng Ngãi", "Kon Tum (62)", "Đắk Lắk", "1.774", `class="mk calc"`)
	// An unknown year or sort column falls back to the defaults.
	body(t, get(t, s, "/?year=1800&sort=x%27%3Bdrop&dir=up"), 200)
}

func TestTableDownloads(t *testing.T) {
	s, _ := newServer(t)
	res := get(t, s, "/table.csv?year=2021&sort=tthc_total&dir=desc")
	b := body(t, res, 200)
	if !strings.HasPrefix(b, "\xEF\xBB\xBF") {
		t.Error("CSV without a byte-order mark")
	}
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(b, "\xEF\xBB\xBF"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 3 || recs[0][1] != "Mã tỉnh" || recs[0][2] != "Tỉnh/Thành phố" || recs[1][2] != "Kon Tum" || recs[2][2] != "Đắk Lắk" {
		t.Errorf("CSV = %v, want a Vietnamese header and Kon Tum before Đắk Lắk", recs)
	}
	if cd := res.Header.Get("Content-Disposition"); !strings.Contains(cd, "baocao-tinh-2021.csv") {
		t.Errorf("Content-Disposition = %q", cd)
	}

	res = get(t, s, "/table.xlsx?year=2021&q=kon")
	f, err := excelize.OpenReader(strings.NewReader(body(t, res, 200)))
	if err != nil {
		t.Fatal(err)
	}
	sheet := f.GetSheetName(0)
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if sheet != "Tỉnh 2021" || len(rows) != 2 || rows[1][2] != "Kon Tum" {
		t.Errorf("XLSX sheet %q rows %v, want Kon Tum alone", sheet, rows)
	}
	contains(t, "XLSX header", strings.Join(rows[0], "|"), "Tổng số thủ tục hành chính")
}

func TestReport(t *testing.T) {
	s, db := newServer(t)
	doc := id(t, db, `SELECT id FROM documents WHERE path = 'testdata/samples/kon-tum-2021.md'`)
	html := body(t, get(t, s, "/report/"+itoa(doc)), 200)
	contains(t, "report", html,
		"Báo cáo Kon Tum", "kon-tum-2021.md", "được lưu trong cơ sở dữ liệu",
		"<mark>1.774</mark>", // the number highlighted in its sentence
		"khoảng",             // email.accounts is approximate
		"Tỷ lệ", "tính lại",  // its flag …
		"<mark>43.8%</mark>", // … with its evidence
		"kon-tum-2021.pdf",   // the other reports of Kon Tum 2021
		"Danh mục kinh phí",  // its budget items
		"dòng 116")           // a text position
	body(t, get(t, s, "/report/999999"), 404)
	body(t, get(t, s, "/report/abc"), 404)
}

func TestFigureEvidencePDF(t *testing.T) {
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Skip("pdftoppm (poppler-utils) not installed: page images cannot be rendered")
	}
	s, db := newServer(t)
	fig := id(t, db, `SELECT m.id FROM metrics m JOIN documents d ON d.id = m.document_id
WHERE d.format = 'pdf' AND d.province_code = '66' AND m.metric = 'tthc.total'`)
	doc := id(t, db, `SELECT document_id FROM metrics WHERE id = ?`, fig)
	html := body(t, get(t, s, "/figure/"+itoa(fig)), 200)
	contains(t, "evidence", html,
		"Tổng số thủ tục hành chính: 1.543",
		"cung cấp: <mark>1.543</mark> thủ tục hành chính", // the sentence
		"trang 5, dòng 25",
		`src="/page/`+itoa(doc)+`/5"`)
	if _, err := exec.LookPath("pdftotext"); err == nil {
		contains(t, "evidence", html, `<rect id="highlight"`)
	}
	res := get(t, s, "/page/"+itoa(doc)+"/5")
	b := body(t, res, 200)
	if ct := res.Header.Get("Content-Type"); ct != "image/png" {
		t.Errorf("page image Content-Type = %q", ct)
	}
	cfg, err := png.DecodeConfig(strings.NewReader(b))
	if err != nil {
		t.Fatalf("page image: %v", err)
	}
	// A4 at 110 dpi is 910 × 1287 pixels.
	if cfg.Width < 900 || cfg.Width > 920 || cfg.Height < 1280 || cfg.Height > 1295 {
		t.Errorf("page image %d × %d, want A4 at 110 dpi", cfg.Width, cfg.Height)
	}
	// A figure whose box the reader did not give: the page, and its
	// line named.
	soc := id(t, db, `SELECT m.id FROM metrics m JOIN documents d ON d.id = m.document_id
WHERE d.format = 'pdf' AND d.province_code = '62' AND m.metric = 'soc.status'`)
	html = body(t, get(t, s, "/figure/"+itoa(soc)), 200)
	contains(t, "evidence without a box", html, `id="page-image"`, `id="nobox"`, "Trạng thái SOC: đang vận hành")
	if strings.Contains(html, `id="highlight"`) {
		t.Error("a figure without a box has a highlight")
	}
	// The second request comes from the cache.
	if b2 := body(t, get(t, s, "/page/"+itoa(doc)+"/5"), 200); b2 != b {
		t.Error("the cached page differs")
	}
}

func TestFigureEvidenceText(t *testing.T) {
	s, db := newServer(t)
	fig := id(t, db, `SELECT m.id FROM metrics m JOIN documents d ON d.id = m.document_id
WHERE d.format = 'markdown' AND m.metric = 'tthc.total'`)
	html := body(t, get(t, s, "/figure/"+itoa(fig)), 200)
	contains(t, "text evidence", html, `id="context"`, `class="here"`, `<span class="ln">116</span>`, "<mark>1.774</mark>")

	fig = id(t, db, `SELECT m.id FROM metrics m JOIN documents d ON d.id = m.document_id
WHERE d.format = 'docx' AND d.province_code = '62' AND m.metric = 'tthc.total'`)
	html = body(t, get(t, s, "/figure/"+itoa(fig)), 200)
	contains(t, "DOCX evidence", html, "Tệp DOCX không chia trang", "<mark>1.774</mark>", "Các số liệu lân cận", "đoạn ")
	body(t, get(t, s, "/figure/999999"), 404)
}

func TestFlagsAndFlagEvidence(t *testing.T) {
	s, db := newServer(t)
	html := body(t, get(t, s, "/flags"), 200)
	contains(t, "flags", html, "Cảnh báo: số liệu không khớp nhau", "Đắk Lắk", "Kon Tum", "Lỗi", "/evidence/")
	html = body(t, get(t, s, "/flags?severity=warning&province=62&check=ratio"), 200)
	contains(t, "filtered flags", html, "Kon Tum", "Tỷ lệ DVCTT mức độ 4")
	if strings.Contains(html, `href="/report/`+itoa(id(t, db, `SELECT id FROM documents WHERE path LIKE '%dak-lak-2021.txt'`))+`"`) {
		t.Error("flags of Kon Tum list a report of Đắk Lắk")
	}
	html = body(t, get(t, s, "/flags?check=none"), 200)
	contains(t, "no flags", html, "Không có cảnh báo nào")

	ev := id(t, db, `SELECT e.id FROM flag_evidence e JOIN flags g ON g.id = e.flag_id JOIN documents d ON d.id = g.document_id
WHERE d.format = 'markdown' AND e.metric = 'dvc.level4_rate'`)
	html = body(t, get(t, s, "/evidence/"+itoa(ev)), 200)
	contains(t, "flag evidence", html, "Căn cứ của cảnh báo", "<mark>43.8%</mark>", "Nêu 43,8 %, tính lại 43,63 %")
	// On the page of a PDF, with the box saved with the evidence.
	if _, err := exec.LookPath("pdftotext"); err == nil {
		ev = id(t, db, `SELECT e.id FROM flag_evidence e JOIN flags g ON g.id = e.flag_id JOIN documents d ON d.id = g.document_id
WHERE d.format = 'pdf' AND e.box_x IS NOT NULL LIMIT 1`)
		html = body(t, get(t, s, "/evidence/"+itoa(ev)), 200)
		contains(t, "flag evidence on a PDF page", html, `id="page-image"`, `<rect id="highlight"`)
	}
	body(t, get(t, s, "/evidence/999999"), 404)
}

func TestCompare(t *testing.T) {
	s, _ := newServer(t)
	html := body(t, get(t, s, "/compare?p=66&p=62&year=2021"), 200)
	contains(t, "compare", html, `id="compare"`, "Đắk Lắk", "Kon Tum", "1.543", "1.774", `class="num differs"`, "&#43;15 %")
	html = body(t, get(t, s, "/compare?p=66&by=year"), 200)
	contains(t, "compare years", html, "Chưa đủ hai báo cáo") // the samples have one year
	html = body(t, get(t, s, "/compare"), 200)
	contains(t, "compare", html, "Chọn hai tỉnh trở lên")
}

func TestCharts(t *testing.T) {
	s, _ := newServer(t)
	html := body(t, get(t, s, "/charts?metric=tthc.total&year=2021&hl=66"), 200)
	contains(t, "bars", html, "<svg", "Đắk Lắk", "Kon Tum", "1.774", `class="bar hi"`, "Tổng số thủ tục hành chính, năm 2021")
	html = body(t, get(t, s, "/charts?province=62"), 200)
	contains(t, "province charts", html, "Các chỉ tiêu của Kon Tum qua các năm", `id="small"`, "<svg", "2021")
}

func TestSQL(t *testing.T) {
	s, _ := newServer(t)
	q := "SELECT province_name, tthc_total, dvc_level4_rate FROM province_year ORDER BY province_name"
	html := body(t, get(t, s, "/sql?q="+urlq(q)), 200)
	contains(t, "sql", html, "2 dòng", "Đắk Lắk", "1.543", "46,14", "01-level4-rate-ranking", "province_year", "/sql.csv?q=")

	b := body(t, get(t, s, "/sql.csv?q="+urlq(q)), 200)
	contains(t, "sql csv", b, "\xEF\xBB\xBFprovince_name,tthc_total,dvc_level4_rate", "Đắk Lắk,1543,46.14")
	var rows []map[string]any
	if err := json.Unmarshal([]byte(body(t, get(t, s, "/sql.json?q="+urlq(q)), 200)), &rows); err != nil || len(rows) != 2 {
		t.Errorf("sql.json: %v, %d rows", err, len(rows))
	}
	// Writing is refused, errors are shown in Vietnamese.
	html = body(t, get(t, s, "/sql?q="+urlq("DELETE FROM metrics")), 200)
	contains(t, "sql write", html, `id="sql-error"`, "Lỗi SQL")
	body(t, get(t, s, "/sql.csv?q="+urlq("DROP TABLE metrics")), 400)
	body(t, get(t, s, "/sql.csv"), 400)
}

// TestSQLLimits runs the SQL page's endless and huge queries under small
// limits: each stops with a Vietnamese message.
func TestSQLLimits(t *testing.T) {
	s, db := newServer(t)
	if err := db.SetLimits(context.Background(), store.Limits{Timeout: 300 * time.Millisecond, MaxMemory: 512 << 20}); err != nil {
		t.Fatal(err)
	}
	html := body(t, get(t, s, "/sql?q="+urlq("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n")), 200)
	contains(t, "endless query", html, "Truy vấn bị dừng: chạy quá giới hạn 0,3 giây")
	html = body(t, get(t, s, "/sql?q="+urlq("SELECT length(randomblob(900000000))")), 200)
	contains(t, "huge query", html, "Truy vấn bị dừng: cần nhiều bộ nhớ hơn giới hạn 512 MiB")
	body(t, get(t, s, "/sql.csv?q="+urlq("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n")), 503)
}

// TestSafety asks for files outside the database and for writes: all
// are refused, and the database file is left as it was.
func TestSafety(t *testing.T) {
	s, db := newServer(t)
	path := sampleDB(t)
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	txt := itoa(id(t, db, `SELECT id FROM documents WHERE format = 'text'`))
	pdf := itoa(id(t, db, `SELECT id FROM documents WHERE format = 'pdf' LIMIT 1`))
	for _, target := range []string{
		"/page/999999/1",             // no such document
		"/page/" + txt + "/1",        // not a PDF
		"/page/" + pdf + "/99",       // no such page
		"/page/" + pdf + "/0",        // no such page
		"/page/" + pdf + "/-1",       // no such page
		"/page/..%2f..%2fgo.mod/1",   // a path instead of an id
		"/page/%2fetc%2fpasswd/1",    // a path instead of an id
		"/page/" + pdf + "/1%2f..",   // a path instead of a page
		"/static/..%2f..%2fgo.mod",   // out of the embedded files
		"/static/%2e%2e/web.go",      // out of the embedded files
		"/etc/passwd",                // no such page
		"/report/1%20OR%201=1",       // not an id
		"/figure/" + pdf + "%3Bdrop", // not an id
	} {
		res := get(t, s, target)
		b, _ := io.ReadAll(res.Body)
		if res.StatusCode < 300 || res.StatusCode >= 500 || bytes.Contains(b, []byte("module github.com")) || bytes.Contains(b, []byte("root:")) {
			t.Errorf("GET %s: status %d, want it refused", target, res.StatusCode)
		}
	}
	for _, m := range []string{http.MethodPost, http.MethodPut, http.MethodDelete} {
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest(m, "/sql?q=DELETE+FROM+metrics", strings.NewReader("q=DELETE FROM metrics")))
		if rec.Code != http.StatusMethodNotAllowed {
			t.Errorf("%s: status %d, want 405", m, rec.Code)
		}
	}
	res := get(t, s, "/")
	if csp := res.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") {
		t.Errorf("Content-Security-Policy = %q", csp)
	}
	db.Close()
	after, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, after) {
		t.Error("serving changed the database file")
	}
	for _, ext := range []string{"-wal", "-shm", "-journal"} {
		if _, err := os.Stat(path + ext); err == nil {
			t.Errorf("serving created %s", filepath.Base(path+ext))
		}
	}
}

// TestRequestTimeLimit checks that a request stops at the server's time
// limit, with a Vietnamese message.
func TestRequestTimeLimit(t *testing.T) {
	db, err := store.OpenReadOnly(context.Background(), sampleDB(t))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	s, err := New(db, Options{Timeout: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	res := get(t, s, "/sql?q="+urlq("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n"))
	contains(t, "timed-out request", body(t, res, 200), "Truy vấn bị dừng: chạy quá")
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func urlq(s string) string { return url.QueryEscape(s) }
