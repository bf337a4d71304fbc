package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/baocao/baocao/rules/report"
)

// copyOf returns the fixture report name as another file: its own
// content hash, format, issue date and number, OCR pages, and figures
// kept (the first keep of them, all when keep < 0).
func copyOf(t *testing.T, name, file string, keep int, edit func(*report.Report)) *report.Report {
	t.Helper()
	r := loadReport(t, name)
	r.File = file
	sum := sha256.Sum256([]byte(name + "/" + file))
	r.SHA256 = hex.EncodeToString(sum[:])
	if keep >= 0 && keep < len(r.Metrics) {
		r.Metrics = r.Metrics[:keep]
	}
	if edit != nil {
		edit(r)
	}
	return r
}

func TestSameReport(t *testing.T) {
	figs := func(vals ...float64) map[string]*stored {
		m := map[string]*stored{}
		for i, v := range vals {
			m[fmt.Sprintf("m%d", i)] = &stored{value: v}
		}
		return m
	}
	for _, tc := range []struct {
		name string
		a, b copyDoc
		want bool
	}{
		{"same number", copyDoc{number: "12/BC-UBND", date: "2022-01-01"}, copyDoc{number: "12/BC-UBND", date: "2022-02-01"}, true},
		{"other number, same date", copyDoc{number: "12/BC-UBND", date: "2022-01-01"}, copyDoc{number: "13/BC-UBND", date: "2022-01-01"}, false},
		{"one number, same date", copyDoc{number: "12/BC-UBND", date: "2022-01-01"}, copyDoc{date: "2022-01-01"}, true},
		{"one number, other date", copyDoc{number: "12/BC-UBND", date: "2022-01-01"}, copyDoc{date: "2022-01-02", first: figs(1, 2, 3, 4, 5)}, false},
		{"figures agree", copyDoc{first: figs(1, 2, 3, 4, 5)}, copyDoc{first: figs(1, 2, 3, 4, 5)}, true},
		{"four in five agree", copyDoc{first: figs(1, 2, 3, 4, 5)}, copyDoc{first: figs(1, 2, 3, 4, 6)}, true},
		{"three in five agree", copyDoc{first: figs(1, 2, 3, 4, 5)}, copyDoc{first: figs(1, 2, 3, 7, 6)}, false},
		{"too few in common", copyDoc{first: figs(1, 2, 3, 4)}, copyDoc{first: figs(1, 2, 3, 4)}, false},
		{"nothing to compare", copyDoc{}, copyDoc{}, false},
		{"same number, other period", copyDoc{number: "12/BC-UBND", period: "year 2021-01-01"}, copyDoc{number: "12/BC-UBND", period: "quarter 2021-10-01"}, false},
		{"same number, period known once", copyDoc{number: "12/BC-UBND", period: "year 2021-01-01"}, copyDoc{number: "12/BC-UBND"}, true},
	} {
		if got := sameReport(&tc.a, &tc.b); got != tc.want {
			t.Errorf("%s: sameReport = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestBetterCopy(t *testing.T) {
	digital := copyDoc{id: 1, figures: 20, mtime: 2}
	for _, tc := range []struct {
		name string
		a, b copyDoc
	}{
		{"figures over none", copyDoc{id: 2, figures: 1, ocr: true, mtime: 3}, copyDoc{id: 1, mtime: 1, correction: true}},
		{"correction over digital", copyDoc{id: 2, figures: 5, ocr: true, correction: true, mtime: 3}, digital},
		{"later correction", copyDoc{id: 2, figures: 5, correction: true, date: "2022-02-01"}, copyDoc{id: 3, figures: 9, correction: true, date: "2022-01-01"}},
		{"born-digital over OCR", digital, copyDoc{id: 2, figures: 30, ocr: true, mtime: 1}},
		{"more figures", copyDoc{id: 2, figures: 21, mtime: 3}, digital},
		{"older file", copyDoc{id: 2, figures: 20, mtime: 1}, digital},
		{"path", copyDoc{id: 2, figures: 20, mtime: 2, path: "a.pdf"}, copyDoc{id: 1, figures: 20, mtime: 2, path: "b.pdf"}},
		{"a later copy is not better for being later", digital, copyDoc{id: 3, figures: 20, mtime: 3, date: "2030-01-01"}},
	} {
		if !better(&tc.a, &tc.b) || better(&tc.b, &tc.a) {
			t.Errorf("%s: want a before b", tc.name)
		}
	}
}

// TestCopies saves one report as a DOCX, a PDF and an OCR scan that
// found nothing: the province table takes the digital copy's figures
// whatever the order the copies come in; a copy whose figure differs
// raises copies.disagree with both values and evidences; pinning,
// removing and deleting a copy change the best copy.
func TestCopies(t *testing.T) {
	ctx := context.Background()
	number := func(r *report.Report) { r.DocNumber = "1320/KH-UBND"; r.DocDate = "2022-05-06" }
	docx := copyOf(t, "kon-tum-2021", "kon-tum-2021.docx", -1, func(r *report.Report) { number(r); r.Format = "docx" })
	pdf := copyOf(t, "kon-tum-2021", "kon-tum-2021.pdf", -1, number)
	scan := copyOf(t, "kon-tum-2021", "kon-tum-2021-scan.pdf", 0, func(r *report.Report) { number(r); r.OCRPages = []int{1, 2} })
	for _, order := range [][]*report.Report{{docx, pdf, scan}, {scan, pdf, docx}, {scan, docx, pdf}} {
		db, _ := openTemp(t)
		for _, r := range order {
			if _, _, err := db.Save(ctx, infoFor(r, "in/"+r.File), r); err != nil {
				t.Fatal(err)
			}
		}
		if n := count(t, db, "SELECT count(*) FROM reports"); n != 1 {
			t.Errorf("%s first: %d reports, want the three copies in one", order[0].File, n)
		}
		r, err := db.Query(ctx, "SELECT tthc_total, document FROM province_year WHERE province_code = '62'")
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Rows) != 1 || r.Rows[0][0] != 1700.0 || strings.Contains(r.Rows[0][1].(string), "scan") {
			t.Errorf("%s first: province_year = %v, want the digital copy's 1700", order[0].File, r.Rows)
		}
		if n := count(t, db, "SELECT count(*) FROM flags WHERE check_id = 'copies.disagree'"); n != 0 {
			t.Errorf("%s first: %d copies.disagree flags for copies that agree", order[0].File, n)
		}
	}

	db, _ := openTemp(t)
	for _, r := range []*report.Report{docx, pdf, scan} {
		if _, _, err := db.Save(ctx, infoFor(r, "in/"+r.File), r); err != nil {
			t.Fatal(err)
		}
	}
	// A DOCX changed after the signing: one figure differs.
	changed := copyOf(t, "kon-tum-2021", "kon-tum-2021-sua.docx", -1, func(r *report.Report) {
		number(r)
		r.Metrics[0].Value = report.Num(1775)
		r.Metrics[0].Text = "tổng số 1.775 thủ tục hành chính"
	})
	info := infoFor(changed, "in/"+changed.File)
	info.ModTime = mtime0.Add(time.Hour) // changed after the others
	id, _, err := db.Save(ctx, info, changed)
	if err != nil {
		t.Fatal(err)
	}
	res, err := db.Query(ctx, `SELECT f.metric, f.stated, f.computed, f.message, d.path
FROM flags f JOIN documents d ON d.id = f.document_id WHERE f.check_id = 'copies.disagree'`)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Rows) != 1 || res.Rows[0][0] != "tthc.total" || res.Rows[0][1] != 1700.0 || res.Rows[0][2] != 1775.0 ||
		!strings.Contains(res.Rows[0][3].(string), "1.700 in kon-tum-2021.docx but 1.775 in kon-tum-2021-sua.docx") {
		t.Fatalf("copies.disagree flags = %v", res.Rows)
	}
	ev, err := db.Query(ctx, `SELECT e.value, e.text, e.document_id FROM flag_evidence e JOIN flags f ON f.id = e.flag_id
WHERE f.check_id = 'copies.disagree' ORDER BY e.id`)
	if err != nil {
		t.Fatal(err)
	}
	if len(ev.Rows) != 2 || ev.Rows[0][0] != 1700.0 || ev.Rows[0][2] != nil || ev.Rows[1][0] != 1775.0 || ev.Rows[1][2] != id ||
		!strings.Contains(ev.Rows[1][1].(string), "1.775") {
		t.Errorf("evidence = %v, want the best copy's figure, then the other copy's with its document", ev.Rows)
	}
	if n := count(t, db, "SELECT flag_warnings FROM province_year WHERE province_code = '62'"); n < 1 {
		t.Errorf("province_year counts %d warnings, want the disagreement counted", n)
	}

	// Pinned, the changed copy is read; removed, it is neither read nor
	// compared.
	if err := db.PinCopy(ctx, id, true); err != nil {
		t.Fatal(err)
	}
	if n := count(t, db, "SELECT count(*) FROM province_year WHERE tthc_total = 1775"); n != 1 {
		t.Errorf("pinned copy not read")
	}
	if err := db.RemoveCopy(ctx, id, true); err != nil {
		t.Fatal(err)
	}
	if n := count(t, db, "SELECT count(*) FROM province_year WHERE tthc_total = 1700"); n != 1 {
		t.Errorf("removing the pinned copy did not bring back the best one")
	}
	if n := count(t, db, "SELECT count(*) FROM flags WHERE check_id = 'copies.disagree'"); n != 0 {
		t.Errorf("%d copies.disagree flags after the copy was removed", n)
	}
	reps, err := db.Reports(ctx, "62", 2021)
	if err != nil {
		t.Fatal(err)
	}
	if len(reps) != 1 || len(reps[0].Copies) != 4 || !reps[0].Copies[0].Best || reps[0].Copies[0].Path != "in/kon-tum-2021.docx" {
		t.Errorf("Reports = %+v", reps)
	}
	for _, c := range reps[0].Copies {
		if c.DocumentID == id && !c.Removed || c.Path == "in/kon-tum-2021-scan.pdf" && (!c.OCR || c.Figures != 0) {
			t.Errorf("copy %+v", c)
		}
	}
	if err := db.RemoveCopy(ctx, 9999, true); !errors.Is(err, ErrNoCopy) {
		t.Errorf("RemoveCopy of no copy: %v", err)
	}

	// The DOCX's path now holds other content: the DOCX copy is gone and
	// the PDF is read.
	other := copyOf(t, "quang-ngai-2022", "kon-tum-2021.docx", -1, nil)
	if _, _, err := db.Save(ctx, infoFor(other, "in/kon-tum-2021.docx"), other); err != nil {
		t.Fatal(err)
	}
	if n := count(t, db, "SELECT count(*) FROM province_year WHERE province_code = '62' AND document = 'in/kon-tum-2021.pdf'"); n != 1 {
		t.Errorf("after the DOCX was replaced, the PDF copy is not read")
	}
}

// TestGroupCopiesOnOpen opens a database whose documents are in no
// report, as one made before reports existed: Open groups them.
func TestGroupCopiesOnOpen(t *testing.T) {
	ctx := context.Background()
	db, path := openTemp(t)
	a := copyOf(t, "dak-lak-2021", "a.pdf", -1, nil)
	b := copyOf(t, "dak-lak-2021", "b.docx", -1, nil)
	c := copyOf(t, "kon-tum-2021", "c.pdf", -1, nil)
	for _, r := range []*report.Report{a, b, c} {
		if _, _, err := db.Save(ctx, infoFor(r, r.File), r); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.db.ExecContext(ctx, "UPDATE documents SET report_id = NULL; DELETE FROM reports"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	db, err := Open(ctx, path, testCatalog(t))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if n := count(t, db, "SELECT count(*) FROM reports"); n != 2 {
		t.Errorf("%d reports after Open, want 2 (a and b are copies)", n)
	}
	if n := count(t, db, "SELECT count(*) FROM province_year"); n != 2 {
		t.Errorf("province_year has %d rows, want 2", n)
	}
}
