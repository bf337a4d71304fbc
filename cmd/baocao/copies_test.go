package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/go-pdf/fpdf"

	"github.com/baocao/baocao/extract/ocr"
)

// makeScan writes at out a scan of the first pages of the PDF src: each
// page rendered in grey at 150 dpi and placed, as an image, on a page of
// an image-only PDF. It skips the test without poppler or Tesseract.
func makeScan(t *testing.T, src, out string, pages int) {
	t.Helper()
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Skip("no pdftoppm (poppler-utils): cannot make a scan")
	}
	if err := ocr.Available("vie"); err != nil {
		t.Skipf("no OCR: %v", err)
	}
	dir := t.TempDir()
	if b, err := exec.Command("pdftoppm", "-r", "150", "-gray", "-png", "-f", "1", "-l", fmt.Sprint(pages), src, filepath.Join(dir, "pg")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, b)
	}
	pngs, _ := filepath.Glob(filepath.Join(dir, "pg-*.png"))
	if len(pngs) != pages {
		t.Fatalf("pdftoppm made %d pages, want %d", len(pngs), pages)
	}
	doc := fpdf.New("P", "mm", "A4", "")
	for _, p := range pngs {
		doc.AddPage()
		doc.ImageOptions(p, 0, 0, 210, 297, false, fpdf.ImageOptions{ImageType: "PNG"}, 0, "")
	}
	if err := doc.OutputFileAndClose(out); err != nil {
		t.Fatal(err)
	}
}

// TestReportCopies ingests one report as a DOCX, a PDF and a one-page
// scan: they are one report, whose row in the province table holds the
// digital copy's figures. A DOCX whose figure differs then raises
// copies.disagree; baocao docs lists the group and pins a copy.
func TestReportCopies(t *testing.T) {
	dir := t.TempDir()
	old := time.Now().Add(-time.Hour)
	for _, f := range []string{"kon-tum-2021.docx", "kon-tum-2021.pdf"} {
		copyFile(t, filepath.Join("testdata", "samples", f), dir, f)
		os.Chtimes(filepath.Join(dir, f), old, old)
	}
	scan := filepath.Join(dir, "kon-tum-2021-scan.pdf")
	makeScan(t, filepath.Join("..", "..", "testdata", "samples", "kon-tum-2021.pdf"), scan, 1)
	db := filepath.Join(t.TempDir(), "t.db")
	if code, _, errb := baocao(t, "ingest", "--db", db, dir); code != 0 {
		t.Fatalf("ingest: exit %d\n%s", code, errb)
	}
	if r := query(t, db, `SELECT count(*) FROM report_copies WHERE province_code = '62' AND ocr`); r[0][0] != "1" {
		t.Fatalf("the scan was not read by OCR as a copy of Kon Tum's report: %v", r)
	}
	row := query(t, db, `SELECT tthc_total, dvc_level4, document FROM province_year WHERE province_code = '62' AND year = 2021`)
	if len(row) != 1 || row[0][0] != "1774" || strings.Contains(row[0][2], "scan") {
		t.Errorf("province_year = %v, want the digital copy's figures (1774)", row)
	}
	code, out, errb := baocao(t, "docs", "--db", db, "--province", "62")
	if code != 0 || !strings.Contains(out, "số 1320/KH-UBND") || !strings.Contains(out, "3 copies") || !strings.Contains(out, "OCR") {
		t.Errorf("docs: exit %d, want one report of 3 copies, one read by OCR:\n%s%s", code, out, errb)
	}

	// A DOCX changed after the signing, with another figure.
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "samples", "kon-tum-2021.md"))
	if err != nil {
		t.Fatal(err)
	}
	changed := strings.Replace(string(b), "1.774 thủ tục hành chính", "1.775 thủ tục hành chính", 1)
	if changed == string(b) {
		t.Fatal("the sample no longer says 1.774 thủ tục hành chính")
	}
	if err := os.WriteFile(filepath.Join(dir, "kon-tum-2021-sua.md"), []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errb := baocao(t, "ingest", "--db", db, dir); code != 0 {
		t.Fatalf("second ingest: exit %d\n%s", code, errb)
	}
	flags := query(t, db, `SELECT f.stated, f.computed, f.message, (SELECT count(*) FROM flag_evidence e WHERE e.flag_id = f.id)
FROM flags f WHERE f.check_id = 'copies.disagree' AND f.metric = 'tthc.total'`)
	if len(flags) != 1 || flags[0][0] != "1774" || flags[0][1] != "1775" || flags[0][3] != "2" || !strings.Contains(flags[0][2], "kon-tum-2021-sua.md") {
		t.Errorf("copies.disagree = %v, want 1774 against 1775 with both evidences", flags)
	}
	if r := query(t, db, `SELECT tthc_total FROM province_year WHERE province_code = '62'`); r[0][0] != "1774" {
		t.Errorf("province_year after an undeclared change = %v, want 1774 still", r)
	}
	id := query(t, db, `SELECT document_id FROM report_copies WHERE path LIKE '%sua.md'`)[0][0]
	code, out, errb = baocao(t, "docs", "--db", db, "--pin", id)
	if code != 0 || !strings.Contains(out, "pinned") || !strings.Contains(out, "4 copies") {
		t.Errorf("docs --pin: exit %d\n%s%s", code, out, errb)
	}
	if r := query(t, db, `SELECT tthc_total FROM province_year WHERE province_code = '62'`); r[0][0] != "1775" {
		t.Errorf("province_year with the changed copy pinned = %v, want 1775", r)
	}
}
