package ocr

import (
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/baocao/baocao/corpus"
	"github.com/baocao/baocao/extract"
)

const (
	scannedPDF   = "../../testdata/ocr/scanned/scanned.pdf"
	textLayerPDF = "../../testdata/ocr/textlayer/text.pdf"
)

// needOCR skips the test when the OCR tools are missing.
func needOCR(t testing.TB) {
	t.Helper()
	if _, err := exec.LookPath("tesseract"); err != nil {
		t.Skip("tesseract not installed: apt-get install tesseract-ocr tesseract-ocr-vie")
	}
	if err := Available("vie"); err != nil {
		t.Skipf("OCR not available: %v", err)
	}
}

// allText returns every line and cell of d with its page, one per entry.
type textAt struct {
	page int
	text string
	conf float64
}

func allText(d *extract.Document) []textAt {
	var out []textAt
	for _, b := range d.Blocks {
		for _, l := range b.Lines {
			out = append(out, textAt{l.Pos.Page, l.Text, l.Conf})
		}
		if b.Table != nil {
			for _, r := range b.Table.Rows {
				for _, c := range r.Cells {
					out = append(out, textAt{c.Pos.Page, c.Text, -1})
				}
			}
		}
	}
	return out
}

// pageFound returns the page of the first line or cell containing s, or 0.
func pageFound(d *extract.Document, s string) int {
	for _, t := range allText(d) {
		if strings.Contains(t.text, s) {
			return t.page
		}
	}
	return 0
}

func TestFillScanned(t *testing.T) {
	needOCR(t)
	var progress []int
	doc, err := Fill(context.Background(), scannedPDF, nil, Options{
		CacheDir: NoCache,
		Workers:  2,
		Progress: func(p int) { progress = append(progress, p) },
	})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Format != corpus.PDF || doc.Path != scannedPDF || doc.Pages != 2 {
		t.Errorf("doc = format %q path %q pages %d, want pdf %q 2", doc.Format, doc.Path, doc.Pages, scannedPDF)
	}
	if !slices.Equal(doc.OCRPages, []int{1, 2}) || len(doc.NoTextPages) != 0 {
		t.Errorf("OCRPages %v NoTextPages %v, want [1 2] []", doc.OCRPages, doc.NoTextPages)
	}
	slices.Sort(progress)
	if !slices.Equal(progress, []int{1, 2}) {
		t.Errorf("progress calls %v, want pages 1 and 2", progress)
	}
	for _, c := range []struct {
		text string
		page int
	}{
		{"751.295 hồ sơ", 1},
		{"1.234", 1},
		{"46,14%", 1},
		{"29.473,482", 1},
		{"4.768", 1},
		{"12.679", 1},
		{"Huyện Krông Pắc", 1},
		{"3.512", 2},
		{"SOC", 2},
	} {
		if got := pageFound(doc, c.text); got != c.page {
			t.Errorf("%q found on page %d, want %d", c.text, got, c.page)
		}
	}
	for _, b := range doc.Blocks {
		for i, l := range b.Lines {
			if l.Conf <= 0 || l.Conf > 100 {
				t.Errorf("line %+v: confidence %v, want in (0,100]", l.Pos, l.Conf)
			}
			if i > 0 && l.Pos.Line <= b.Lines[i-1].Pos.Line && l.Pos.Page == b.Lines[i-1].Pos.Page {
				t.Errorf("line numbers not increasing: %+v after %+v", l.Pos, b.Lines[i-1].Pos)
			}
		}
	}
	checkTable(t, doc)
	checkBoxes(t, doc, 1)
	if doc.OCRConf < 80 || doc.OCRConf > 100 {
		t.Errorf("OCRConf = %v, want the mean word confidence of a clean scan (80-100)", doc.OCRConf)
	}
}

// layerWords returns the words of page p of the text-layer fixture with
// their boxes, as poppler's pdftotext -bbox measures them (points from
// the page's top-left corner).
func layerWords(t *testing.T, p int) map[string]extract.Box {
	t.Helper()
	out, err := exec.Command("pdftotext", "-bbox", "-f", strconv.Itoa(p), "-l", strconv.Itoa(p), textLayerPDF, "-").Output()
	if err != nil {
		t.Skipf("pdftotext -bbox: %v", err)
	}
	re := regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)
	words := map[string]extract.Box{}
	for _, m := range re.FindAllStringSubmatch(string(out), -1) {
		var v [4]float64
		for i := range v {
			v[i], _ = strconv.ParseFloat(m[i+1], 64)
		}
		words[m[5]] = extract.Box{X: v[0], Y: v[1], W: v[2] - v[0], H: v[3] - v[1]}
	}
	return words
}

// checkBoxes checks the boxes of OCR'd page p of the fixture against the
// text layer's: the same word within 2.5 points at either side (OCR
// boxes are tight to the ink, a text layer's to the advance widths) and
// 3 points in its vertical centre (a text layer's box runs from the
// font's descent to its ascent). It checks that each line's words
// index its text and lie in its box, and that cells have boxes and
// confidences.
func checkBoxes(t *testing.T, doc *extract.Document, p int) {
	t.Helper()
	layer := layerWords(t, p)
	near := func(a, b extract.Box) bool {
		return math.Abs(a.X-b.X) <= 2.5 && math.Abs(a.X+a.W-b.X-b.W) <= 2.5 && math.Abs(a.Y+a.H/2-b.Y-b.H/2) <= 3
	}
	compared := 0
	check := func(text string, box extract.Box) {
		if want, ok := layer[text]; ok && strings.ContainsAny(text, "0123456789") {
			compared++
			if !near(box, want) {
				t.Errorf("%q: OCR box %+v, text layer %+v", text, box, want)
			}
		}
	}
	for _, b := range doc.Blocks {
		for _, l := range b.Lines {
			if l.Pos.Page != p {
				continue
			}
			if l.Box.IsZero() || len(l.Words) != len(strings.Fields(l.Text)) {
				t.Errorf("line %q: box %+v, %d words", l.Text, l.Box, len(l.Words))
				continue
			}
			for _, w := range l.Words {
				text := l.Text[w.Start:w.End]
				if strings.TrimSpace(text) != text || text == "" {
					t.Errorf("line %q: word %d:%d is %q", l.Text, w.Start, w.End, text)
				}
				if u := l.Box.Union(w.Box); math.Abs(u.W-l.Box.W) > 0.02 || math.Abs(u.H-l.Box.H) > 0.02 {
					t.Errorf("line %q: word %q box %+v outside the line's %+v", l.Text, text, w.Box, l.Box)
				}
				check(strings.TrimRight(text, ",."), w.Box)
			}
		}
		if b.Table == nil {
			continue
		}
		for _, r := range b.Table.Rows {
			for _, c := range r.Cells {
				if c.Text == "" {
					continue
				}
				if c.Box.IsZero() || c.Conf <= 0 {
					t.Errorf("cell %q: box %+v conf %v", c.Text, c.Box, c.Conf)
				}
				check(c.Text, c.Box)
			}
		}
	}
	if compared < 5 {
		t.Errorf("only %d numbers compared with the text layer", compared)
	}
}

// checkTable checks the one table of the scanned fixture's first page.
func checkTable(t *testing.T, doc *extract.Document) {
	t.Helper()
	var tables []*extract.Table
	for _, b := range doc.Blocks {
		if b.Kind == extract.TableKind {
			tables = append(tables, b.Table)
		}
	}
	if len(tables) != 1 {
		t.Fatalf("%d tables, want 1", len(tables))
	}
	want := [][]string{
		{"Đơn vị", "Hồ sơ", "Tỷ lệ"},
		{"Sở Tài chính", "4.768", "98,5%"},
		{"Sở Y tế", "12.679", "87,2%"},
		{"Huyện Krông Pắc", "2.130", "76,0%"},
	}
	tb := tables[0]
	if len(tb.Rows) != len(want) {
		t.Fatalf("table has %d rows, want %d", len(tb.Rows), len(want))
	}
	for i, r := range tb.Rows {
		var got []string
		for j, c := range r.Cells {
			got = append(got, c.Text)
			if c.Pos.Page != 1 || c.Pos.Table != 1 || c.Pos.Row != i+1 || c.Pos.Cell != j+1 || c.Pos.Line == 0 {
				t.Errorf("cell %q: pos %+v, want page 1 table 1 row %d cell %d", c.Text, c.Pos, i+1, j+1)
			}
		}
		if !slices.Equal(got, want[i]) {
			t.Errorf("row %d = %q, want %q", i+1, got, want[i])
		}
	}
}

func TestFillAutoMerge(t *testing.T) {
	needOCR(t)
	// Page 1 has a text layer (as the PDF reader would give it), page 2
	// needs OCR.
	in := &extract.Document{
		Path:   scannedPDF,
		Format: corpus.PDF,
		Pages:  2,
		Blocks: []extract.Block{{
			Kind:  extract.Paragraph,
			Lines: []extract.Line{{Text: "text layer of page one", Pos: extract.Pos{Page: 1, Line: 1}}},
		}},
		NoTextPages: []int{2},
	}
	doc, err := Fill(context.Background(), scannedPDF, in, Options{CacheDir: NoCache})
	if err != nil {
		t.Fatal(err)
	}
	if len(in.Blocks) != 1 || !slices.Equal(in.NoTextPages, []int{2}) || in.OCRPages != nil {
		t.Errorf("input document was modified: %+v", in)
	}
	if !slices.Equal(doc.OCRPages, []int{2}) || len(doc.NoTextPages) != 0 {
		t.Errorf("OCRPages %v NoTextPages %v, want [2] []", doc.OCRPages, doc.NoTextPages)
	}
	if len(doc.Blocks) < 2 || doc.Blocks[0].Lines[0].Text != "text layer of page one" {
		t.Fatalf("first block is not the text layer: %+v", doc.Blocks)
	}
	if pageFound(doc, "1.234") != 0 {
		t.Errorf("page 1 was OCR'd in auto mode")
	}
	if pageFound(doc, "3.512") != 2 {
		t.Errorf("page 2 text missing: %+v", allText(doc))
	}
}

func TestFillAlwaysRenders(t *testing.T) {
	needOCR(t)
	// text.pdf has a real text layer and no images: "always" renders
	// each page and replaces the layer.
	in := &extract.Document{
		Path:   textLayerPDF,
		Format: corpus.PDF,
		Pages:  2,
		Blocks: []extract.Block{
			{Kind: extract.Paragraph, Lines: []extract.Line{{Text: "layer one", Pos: extract.Pos{Page: 1, Line: 1}}}},
			{Kind: extract.Paragraph, Lines: []extract.Line{{Text: "layer two", Pos: extract.Pos{Page: 2, Line: 1}}}},
		},
		Footnotes: []extract.Footnote{{ID: "1", Lines: []extract.Line{{Text: "note", Pos: extract.Pos{Page: 2, Line: 9}}}}},
	}
	doc, err := Fill(context.Background(), textLayerPDF, in, Options{Mode: ModeAlways, CacheDir: NoCache})
	if err != nil {
		t.Fatal(err)
	}
	if pageFound(doc, "layer one") != 0 || pageFound(doc, "layer two") != 0 || len(doc.Footnotes) != 0 {
		t.Errorf("text layer kept in always mode: %+v", allText(doc))
	}
	if pageFound(doc, "751.295") != 1 || pageFound(doc, "3.512") != 2 {
		t.Errorf("rendered pages not recognised: %+v", allText(doc))
	}
	if !slices.Equal(doc.OCRPages, []int{1, 2}) {
		t.Errorf("OCRPages = %v, want [1 2]", doc.OCRPages)
	}
	checkBoxes(t, doc, 1)
}

// TestFillRotatedPage: a page displayed turned by 90° (/Rotate 90) is
// rendered turned; its boxes are measured on the unturned page, as the
// PDF reader measures a text layer.
func TestFillRotatedPage(t *testing.T) {
	needOCR(t)
	if _, err := exec.LookPath("qpdf"); err != nil {
		t.Skip("qpdf not installed: apt-get install qpdf")
	}
	rotated := filepath.Join(t.TempDir(), "rotated.pdf")
	if out, err := exec.Command("qpdf", textLayerPDF, "--pages", textLayerPDF, "1", "--", "--rotate=+90:1", rotated).CombinedOutput(); err != nil {
		t.Fatalf("qpdf: %v: %s", err, out)
	}
	doc, err := Fill(context.Background(), rotated, nil, Options{CacheDir: NoCache})
	if err != nil {
		t.Fatal(err)
	}
	checkBoxes(t, doc, 1)
}

func TestFillNever(t *testing.T) {
	in := &extract.Document{Path: scannedPDF, Format: corpus.PDF, Pages: 2, NoTextPages: []int{1, 2}}
	doc, err := Fill(context.Background(), scannedPDF, in, Options{Mode: ModeNever})
	if err != nil || doc != in {
		t.Errorf("never: got %v, %v; want the input document unchanged", doc, err)
	}
	doc, err = Fill(context.Background(), scannedPDF, nil, Options{Mode: ModeNever})
	if doc != nil || !errors.Is(err, extract.ErrNoText) {
		t.Errorf("never without document: got %v, %v; want ErrNoText", doc, err)
	}
	if _, err := Fill(context.Background(), scannedPDF, in, Options{Mode: "sometimes"}); err == nil {
		t.Error("bad mode accepted")
	}
}

func TestFillNothingToDo(t *testing.T) {
	// No page needs OCR: no tool is run, so this works without them.
	in := &extract.Document{Path: "x.pdf", Format: corpus.PDF, Pages: 1}
	doc, err := Fill(context.Background(), "x.pdf", in, Options{Tesseract: "/nonexistent/tesseract"})
	if err != nil || doc != in {
		t.Errorf("got %v, %v; want the input document", doc, err)
	}
}

func TestFillUnavailable(t *testing.T) {
	doc, err := Fill(context.Background(), scannedPDF, nil, Options{Tesseract: "/nonexistent/tesseract"})
	if doc != nil {
		t.Errorf("got a document: %+v", doc)
	}
	if !errors.Is(err, extract.ErrNoText) || !errors.Is(err, ErrUnavailable) {
		t.Fatalf("error %v does not wrap ErrNoText and ErrUnavailable", err)
	}
	for _, s := range []string{scannedPDF, "apt-get install tesseract-ocr tesseract-ocr-vie poppler-utils"} {
		if !strings.Contains(err.Error(), s) {
			t.Errorf("error %q does not mention %q", err, s)
		}
	}
}

func TestAvailableLang(t *testing.T) {
	needOCR(t)
	if err := Available("vie"); err != nil {
		t.Errorf("Available(vie) = %v", err)
	}
	err := Available("xx-no-such-lang")
	if !errors.Is(err, ErrUnavailable) || !strings.Contains(err.Error(), "xx-no-such-lang") {
		t.Errorf("Available(missing) = %v, want ErrUnavailable naming the language", err)
	}
}

func TestFillCancel(t *testing.T) {
	needOCR(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Fill(ctx, scannedPDF, nil, Options{CacheDir: NoCache})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled Fill: %v, want context.Canceled", err)
	}
}

// countingTesseract writes a wrapper script around the real tesseract
// that counts recognition calls in a file, and returns its path and a
// function that reads the count.
func countingTesseract(t *testing.T) (string, func() int) {
	t.Helper()
	real, err := exec.LookPath("tesseract")
	if err != nil {
		t.Skip("tesseract not installed: apt-get install tesseract-ocr tesseract-ocr-vie")
	}
	dir := t.TempDir()
	count := filepath.Join(dir, "count")
	script := filepath.Join(dir, "tesseract")
	body := fmt.Sprintf(`#!/bin/sh
case "$1" in --*) ;; *) echo x >> %q ;; esac
exec %q "$@"
`, count, real)
	if err := os.WriteFile(script, []byte(body), 0o755); err != nil {
		t.Fatal(err)
	}
	return script, func() int {
		b, _ := os.ReadFile(count)
		return strings.Count(string(b), "x")
	}
}

func TestCache(t *testing.T) {
	needOCR(t)
	bin, calls := countingTesseract(t)
	opt := Options{CacheDir: t.TempDir(), Tesseract: bin, Workers: 2}
	first, err := Fill(context.Background(), scannedPDF, nil, opt)
	if err != nil {
		t.Fatal(err)
	}
	if n := calls(); n != 2 {
		t.Fatalf("first run: %d tesseract calls, want 2", n)
	}
	second, err := Fill(context.Background(), scannedPDF, nil, opt)
	if err != nil {
		t.Fatal(err)
	}
	if n := calls(); n != 2 {
		t.Errorf("second run called tesseract again: %d calls in all, want 2", n)
	}
	a, b := allText(first), allText(second)
	if !slices.Equal(a, b) {
		t.Errorf("cached result differs:\n%v\n%v", a, b)
	}
	// Entries are whole files, no temporary leftovers.
	err = filepath.WalkDir(opt.CacheDir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && !strings.HasSuffix(p, ".tsv") {
			t.Errorf("stray file in cache: %s", p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestPageTimeout(t *testing.T) {
	needOCR(t)
	dir := t.TempDir()
	script := filepath.Join(dir, "tesseract")
	real, _ := exec.LookPath("tesseract")
	body := fmt.Sprintf(`#!/bin/sh
case "$1" in --*) exec %q "$@" ;; esac
exec sleep 30
`, real)
	if err := os.WriteFile(script, []byte(body), 0o755); err != nil {
		t.Fatal(err)
	}
	in := &extract.Document{Path: scannedPDF, Format: corpus.PDF, Pages: 2, NoTextPages: []int{2}}
	doc, err := Fill(context.Background(), scannedPDF, in, Options{
		// Long enough for pdfinfo and pdfimages on a loaded machine
		// (the file's own deadline is three of it), far under the
		// stub's 30 s.
		CacheDir: NoCache, Tesseract: script, PageTimeout: 2 * time.Second,
	})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(doc.NoTextPages, []int{2}) || len(doc.OCRPages) != 0 {
		t.Errorf("timed-out page: NoTextPages %v OCRPages %v, want [2] []", doc.NoTextPages, doc.OCRPages)
	}
	if len(doc.Warnings) != 1 || !strings.Contains(doc.Warnings[0], "page 2") || !strings.Contains(doc.Warnings[0], "timeout") {
		t.Errorf("warnings = %q, want a page 2 timeout", doc.Warnings)
	}
	// Without a document, a file none of whose pages could be read fails.
	_, err = Fill(context.Background(), scannedPDF, nil, Options{CacheDir: NoCache, Tesseract: script, PageTimeout: 2 * time.Second})
	if !errors.Is(err, extract.ErrNoText) {
		t.Errorf("all pages failed: %v, want ErrNoText", err)
	}
}

func TestPageInfoSingleImage(t *testing.T) {
	a4 := pageInfo{w: 595.276, h: 841.89}
	scan := imageInfo{kind: "image", w: 1654, h: 2339, xppi: 200, yppi: 200}
	tests := []struct {
		name string
		p    pageInfo
		want bool
	}{
		{"scan", withImages(a4, scan), true},
		{"no image", a4, false},
		{"two images", withImages(a4, scan, scan), false},
		{"logo", withImages(a4, imageInfo{kind: "image", w: 200, h: 200, xppi: 200, yppi: 200}), false},
		// Any resolution: a true 100 dpi scan, and a 200 dpi scan on a
		// page sized from a wrong 96 ppi declaration.
		{"low ppi", withImages(a4, imageInfo{kind: "image", w: 827, h: 1170, xppi: 100, yppi: 100}), true},
		{"wrong ppi", withImages(pageInfo{w: 1240.5, h: 1754.25}, imageInfo{kind: "image", w: 1654, h: 2339, xppi: 96, yppi: 96}), true},
		{"600 dpi", withImages(a4, imageInfo{kind: "image", w: 4960, h: 7016, xppi: 600, yppi: 600}), true},
		{"mask", withImages(a4, imageInfo{kind: "smask", w: 1654, h: 2339, xppi: 200, yppi: 200}), false},
		{"rotated", pageInfo{w: a4.w, h: a4.h, rot: 90, images: []imageInfo{scan}}, false},
		{"unknown size", withImages(pageInfo{}, scan), false},
		{"unknown ppi", withImages(a4, imageInfo{kind: "image", w: 1654, h: 2339}), false},
	}
	for _, tc := range tests {
		if _, got := tc.p.singleImage(); got != tc.want {
			t.Errorf("%s: singleImage = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestPageInfoRenderDPI(t *testing.T) {
	a4 := pageInfo{w: 595.276, h: 841.89}
	im := func(w, h int, ppi float64) imageInfo {
		return imageInfo{kind: "image", w: w, h: h, xppi: ppi, yppi: ppi}
	}
	tests := []struct {
		name string
		p    pageInfo
		want float64
	}{
		{"no image", a4, 200},
		{"logo only", withImages(a4, im(100, 100, 300)), 200},
		{"rotated scan at 300", pageInfo{w: a4.w, h: a4.h, rot: 90, images: []imageInfo{im(2480, 3508, 300)}}, 300},
		{"half-page photo at 250 and a logo", withImages(a4, im(100, 100, 72), im(1700, 1200, 250)), 250},
		{"low resolution is raised to 150", withImages(a4, im(794, 1123, 96)), 150},
		{"high resolution is capped at 400", withImages(a4, im(4960, 7016, 600)), 400},
		{"anisotropic takes the lower", withImages(a4, imageInfo{kind: "image", w: 1654, h: 3508, xppi: 200, yppi: 300}), 200},
		{"strips of one scan", withImages(a4, im(1654, 600, 200), im(1654, 600, 200), im(1654, 600, 200)), 200},
	}
	for _, tc := range tests {
		if got := tc.p.renderDPI(200); got != tc.want {
			t.Errorf("%s: renderDPI = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func withImages(p pageInfo, im ...imageInfo) pageInfo {
	p.images = im
	return p
}

func TestPDFPages(t *testing.T) {
	if _, err := exec.LookPath("pdfinfo"); err != nil {
		t.Skip("pdfinfo not installed: apt-get install poppler-utils")
	}
	lim := &limits{path: scannedPDF}
	pages, err := pdfPages(context.Background(), lim, scannedPDF)
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 2 {
		t.Fatalf("%d pages, want 2", len(pages))
	}
	for i, p := range pages {
		if _, ok := p.singleImage(); !ok {
			t.Errorf("page %d: %+v not seen as a single scan", i+1, p)
		}
	}
	pages, err = pdfPages(context.Background(), lim, textLayerPDF)
	if _, single := pages[0].singleImage(); err != nil || len(pages) != 2 || single {
		t.Errorf("text.pdf: %+v, %v; want 2 pages to render", pages, err)
	}
	if _, err := pdfPages(context.Background(), lim, "testdata/none.pdf"); err == nil || !strings.Contains(err.Error(), "none.pdf") {
		t.Errorf("missing file: %v, want an error naming it", err)
	}
	if n, err := numPages(scannedPDF); err != nil || n != 2 {
		t.Errorf("numPages = %d, %v; want 2", n, err)
	}
}

func BenchmarkFillPage(b *testing.B) {
	needOCR(b)
	for _, w := range []int{1, 2} {
		b.Run("workers="+strconv.Itoa(w), func(b *testing.B) {
			for b.Loop() {
				if _, err := Fill(context.Background(), scannedPDF, nil, Options{CacheDir: NoCache, Workers: w}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(b.Elapsed().Seconds()/float64(b.N*2), "s/page")
		})
	}
}
