package ocr_test

import (
	"context"
	"math"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/baocao/baocao/extract"
	"github.com/baocao/baocao/extract/ocr"
	_ "github.com/baocao/baocao/extract/pdf"
	"github.com/baocao/baocao/normalize"
	"github.com/baocao/baocao/rules"
	"github.com/baocao/baocao/testdata/ocr/scan"
)

// This file measures OCR end to end, as users meet it: realistic scans
// (package testdata/ocr/scan) of pages of born-digital reports are read
// by Fill, normalize and the rules, and the figures found are scored
// against the report's gold, beside the same pages read from the
// born-digital PDF. It imports later stages (normalize, rules) in this
// external test package only. The scans are few and small (two or
// three pages in all are recognised) so that CI stays fast; larger sets
// are measured with testdata/ocr/measure.sh.

// scanCase is one generated scan of pages first–last of src.
type scanCase struct {
	name        string
	src, gold   string
	preset      string
	first, last int
}

var scanCases = []scanCase{
	// Ruled tables (TTHC by level, a key–value table), footnotes, a
	// paragraph broken across the page break.
	{"lam-dong 150 dpi", "../../testdata/eval/lam-dong-2024.pdf", "../../testdata/eval/lam-dong-2024.json", "150dpi", 1, 2},
	// A landscape page of a ruled project table, with an STT column
	// whose lone numbers Tesseract's page analysis drops.
	{"kon-tum table 200 dpi", "../../testdata/samples/kon-tum-2021.pdf", "../../testdata/gold/kon-tum-2021.json", "200dpi", 9, 9},
}

// needScanTools skips the test when OCR or poppler is missing.
func needScanTools(t *testing.T) {
	t.Helper()
	if err := ocr.Available("vie"); err != nil {
		t.Skipf("OCR not available: %v", err)
	}
	if err := scan.Available(); err != nil {
		t.Skip(err)
	}
}

// makeScan writes the scan of c into dir and returns its path.
func makeScan(t *testing.T, c scanCase, dir string) string {
	t.Helper()
	dst := filepath.Join(dir, strings.ReplaceAll(c.name, " ", "-")+".pdf")
	s := scan.Presets[c.preset]
	s.First, s.Last = c.first, c.last
	if err := scan.Make(context.Background(), c.src, dst, s); err != nil {
		t.Fatal(err)
	}
	return dst
}

// bornDigital reads pages first–last of the born-digital PDF at path.
func bornDigital(t *testing.T, path string, first, last int) *extract.Document {
	t.Helper()
	doc, err := extract.Read(context.Background(), path, extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	in := func(p int) bool { return p >= first && p <= last }
	var blocks []extract.Block
	for _, b := range doc.Blocks {
		if b.Table != nil {
			// Only the rows of a table that lie on those pages.
			var rows []extract.Row
			for _, r := range b.Table.Rows {
				if len(r.Cells) > 0 && in(r.Cells[0].Pos.Page) {
					rows = append(rows, r)
				}
			}
			if len(rows) > 0 {
				b.Table = &extract.Table{Rows: rows}
				blocks = append(blocks, b)
			}
			continue
		}
		if in(b.Page()) {
			blocks = append(blocks, b)
		}
	}
	var notes []extract.Footnote
	for _, f := range doc.Footnotes {
		if len(f.Lines) > 0 && in(f.Lines[0].Pos.Page) {
			notes = append(notes, f)
		}
	}
	doc.Blocks, doc.Footnotes = blocks, notes
	return doc
}

// score runs doc through normalize and the rules and scores it against
// the gold at path.
func score(t *testing.T, doc *extract.Document, gold string) rules.Score {
	t.Helper()
	g, err := rules.ReadGold(gold)
	if err != nil {
		t.Fatal(err)
	}
	return rules.Evaluate(g, rules.Apply(normalize.Normalize(doc)))
}

// TestScans scores each generated scan against the same pages read from
// the born-digital PDF: recall within 0.05 of it and precision at least
// 0.95, and its tables come out as tables, with as many rows. Budget
// items, whose names are long and suffer from every OCR error, are
// logged, not required.
func TestScans(t *testing.T) {
	needScanTools(t)
	for _, c := range scanCases {
		t.Run(c.name, func(t *testing.T) {
			path := makeScan(t, c, t.TempDir())
			doc, err := ocr.Fill(context.Background(), path, nil, ocr.Options{CacheDir: ocr.NoCache, Workers: 2})
			if err != nil {
				t.Fatal(err)
			}
			got := score(t, doc, c.gold)
			want := score(t, bornDigital(t, c.src, c.first, c.last), c.gold)
			t.Logf("scan: recall %.3f (%d/%d) precision %.3f budget %d/%d; born-digital: recall %.3f precision %.3f budget %d; misses %q",
				got.Recall(), got.TruePos, got.GoldCount, got.Precision(), got.BudgetFound, got.BudgetGold,
				want.Recall(), want.Precision(), want.BudgetFound, got.Misses)
			if got.Recall() < want.Recall()-0.05 {
				t.Errorf("recall %.3f, born-digital %.3f: misses %q", got.Recall(), want.Recall(), got.Misses)
			}
			if got.Extracted > 0 && got.Precision() < 0.95 {
				t.Errorf("precision %.3f: wrong %q", got.Precision(), got.Wrong)
			}
			if gt, wt := tableRows(doc), tableRows(bornDigital(t, c.src, c.first, c.last)); !slices.Equal(gt, wt) {
				t.Errorf("tables of %v rows, born-digital %v", gt, wt)
			}
			if doc.OCRConf < 80 || !slices.Equal(doc.OCRPages, pages(c.first, c.last)) {
				t.Errorf("OCRConf %v, OCRPages %v", doc.OCRConf, doc.OCRPages)
			}
		})
	}
}

// tableRows returns the number of rows of each table of d.
func tableRows(d *extract.Document) []int {
	var n []int
	for _, b := range d.Blocks {
		if b.Kind == extract.TableKind {
			n = append(n, len(b.Table.Rows))
		}
	}
	return n
}

func pages(first, last int) []int {
	var out []int
	for p := 1; p <= last-first+1; p++ {
		out = append(out, p)
	}
	return out
}

// TestScanWrongPPI: a scan whose pages declare 96 ppi for 200 dpi images
// reads exactly as the same scan declaring 200 ppi; only the boxes, in
// points of the larger page, scale by 200/96.
func TestScanWrongPPI(t *testing.T) {
	needScanTools(t)
	right := scanCase{"lam-dong 200 dpi", "../../testdata/eval/lam-dong-2024.pdf", "", "200dpi", 1, 1}
	wrong := right
	wrong.name, wrong.preset = "lam-dong 200 dpi declared 96 p1", "200dpi-96"
	// The two scans have the same images, byte for byte: with a cache,
	// the second is not recognised again if its image is the one
	// extracted for the first, not a render.
	dir := t.TempDir()
	var docs [2]*extract.Document
	for i, c := range []scanCase{right, wrong} {
		doc, err := ocr.Fill(context.Background(), makeScan(t, c, dir), nil, ocr.Options{CacheDir: filepath.Join(dir, "cache")})
		if err != nil {
			t.Fatal(err)
		}
		docs[i] = doc
	}
	a, b := docs[0], docs[1]
	if len(a.Blocks) != len(b.Blocks) || len(a.Blocks) == 0 {
		t.Fatalf("%d and %d blocks", len(a.Blocks), len(b.Blocks))
	}
	scale := 200.0 / 96
	for i := range a.Blocks {
		if at, bt := a.Blocks[i].Text(), b.Blocks[i].Text(); at != bt {
			t.Errorf("block %d: %q and %q", i, at, bt)
		}
		for k, l := range a.Blocks[i].Lines {
			lb := b.Blocks[i].Lines[k].Box
			if math.Abs(lb.X-l.Box.X*scale) > 0.05 || math.Abs(lb.W-l.Box.W*scale) > 0.05 {
				t.Errorf("line %q: boxes %+v and %+v, want ×%.3f", l.Text, l.Box, lb, scale)
			}
		}
	}
}
