package pipeline

import (
	"context"
	"math"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/baocao/baocao/corpus"
	"github.com/baocao/baocao/extract"
	"github.com/baocao/baocao/normalize"
	"github.com/baocao/baocao/rules/report"
)

// positionFiles are PDFs whose figures must point at their numbers: the
// two samples (running text) and an evaluation report with tables.
var positionFiles = []string{
	"../../testdata/samples/dak-lak-2021.pdf",
	"../../testdata/samples/kon-tum-2021.pdf",
	"../../testdata/eval/lam-dong-2024.pdf",
}

// TestFigurePositions checks, for every figure of the PDFs above, that
// the stored line is the line that holds the number and that the box
// contains the number's words: the words of that line inside the box read
// as the figure's value.
func TestFigurePositions(t *testing.T) {
	ctx := context.Background()
	p, err := New(Options{InProcess: true})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	for _, path := range positionFiles {
		f, err := corpus.Load(path)
		if err != nil {
			t.Fatal(err)
		}
		rep, err := p.Report(ctx, f)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		doc, err := extract.Read(ctx, path, extract.Options{})
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		lines := map[extract.Pos]extract.Line{}
		for _, b := range doc.Blocks {
			for _, l := range b.Lines {
				lines[extract.Pos{Page: l.Pos.Page, Line: l.Pos.Line}] = l
			}
			if b.Table != nil {
				for _, r := range b.Table.Rows {
					for _, c := range r.Cells {
						lines[c.Pos] = extract.Line{Text: c.Text, Pos: c.Pos, Box: c.Box,
							Words: []extract.Word{{Start: 0, End: len(c.Text), Box: c.Box}}}
					}
				}
			}
		}
		for _, fn := range doc.Footnotes {
			for _, l := range fn.Lines {
				lines[extract.Pos{Page: l.Pos.Page, Line: l.Pos.Line}] = l
			}
		}
		boxed := 0
		for _, m := range rep.Metrics {
			if m.Value.Kind != report.Number {
				continue
			}
			if m.Box == nil {
				t.Errorf("%s: %s = %v (page %d line %d) has no box", path, m.Metric, m.Value, m.Page, m.Line)
				continue
			}
			boxed++
			key := extract.Pos{Page: m.Page, Line: m.Line}
			if m.Table > 0 {
				key = extract.Pos{Page: m.Page, Line: m.Line, Table: m.Table, Row: m.Row, Cell: m.Col}
			}
			l, ok := lines[key]
			if !ok {
				t.Errorf("%s: %s: no line at %+v", path, m.Metric, key)
				continue
			}
			text := wordsIn(l, *m.Box)
			if !readsAs(text, m) {
				t.Errorf("%s: %s = %v: the words in its box on page %d line %d are %q (line %q)", path, m.Metric, m.Value, m.Page, m.Line, text, l.Text)
			}
		}
		if boxed < 20 {
			t.Errorf("%s: only %d figures with a box", path, boxed)
		}
	}
}

// wordsIn returns the words of l whose centre lies inside b.
func wordsIn(l extract.Line, b extract.Box) string {
	var ws []string
	for _, w := range l.Words {
		cx, cy := w.Box.X+w.Box.W/2, w.Box.Y+w.Box.H/2
		if cx >= b.X && cx <= b.X+b.W && cy >= b.Y && cy <= b.Y+b.H {
			ws = append(ws, l.Text[w.Start:w.End])
		}
	}
	return strings.Join(ws, " ")
}

// readsAs reports whether text holds the figure's number as written: the
// value itself, or for money the number before its scale word.
func readsAs(text string, m report.Figure) bool {
	for _, n := range normalize.ScanNumbers(text) {
		v := n.Value
		if n.Scale > 1 {
			v /= n.Scale
		}
		if math.Abs(v-m.Value.Num) < 1e-6 || m.Unit == "vnd" {
			return true
		}
	}
	return false
}

// TestFigurePositionsFixed pins the place of a few figures, on several
// pages, to the boxes poppler gives for the same words (pdftotext
// -bbox), so that the test does not need poppler.
func TestFigurePositionsFixed(t *testing.T) {
	ctx := context.Background()
	p, err := New(Options{InProcess: true})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	type want struct {
		metric          string
		page, line      int
		x, y, w, h      float64
		table, row, col int
	}
	for _, tc := range []struct {
		file string
		want []want
	}{
		{"../../testdata/samples/dak-lak-2021.pdf", []want{
			{metric: "tthc.total", page: 5, line: 25, x: 147.654, y: 530.501, w: 31.5, h: 18.2},
			{metric: "tthc.commune", page: 5, line: 26, x: 175.486, y: 548.201, w: 21, h: 18.2},
			{metric: "dvc.national_portal", page: 3, line: 3, x: 264.05, y: 91.9, w: 21, h: 18.2},
			{metric: "records.level2", page: 6, line: 2, x: 431.69, y: 74.2, w: 49.38, h: 18.2},
			{metric: "budget.total_vnd", page: 8, line: 31, x: 350.15, y: 623.9, w: 63, h: 18.2},
		}},
		{"../../testdata/eval/lam-dong-2024.pdf", []want{
			{metric: "tthc.total", page: 1, line: 25, x: 160.24, y: 624.65, w: 25.76, h: 10.47, table: 1, row: 5, col: 2},
		}},
	} {
		f, err := corpus.Load(tc.file)
		if err != nil {
			t.Fatal(err)
		}
		rep, err := p.Report(ctx, f)
		if err != nil {
			t.Fatalf("%s: %v", tc.file, err)
		}
		for _, w := range tc.want {
			m, ok := figure(rep, w.metric)
			if !ok {
				t.Errorf("%s: no %s", tc.file, w.metric)
				continue
			}
			if m.Page != w.page || m.Line != w.line || m.Table != w.table || m.Row != w.row || m.Col != w.col {
				t.Errorf("%s: %s at page %d line %d cell %d/%d/%d, want page %d line %d cell %d/%d/%d", tc.file, w.metric,
					m.Page, m.Line, m.Table, m.Row, m.Col, w.page, w.line, w.table, w.row, w.col)
			}
			if m.Box == nil || !near(m.Box.X, w.x) || !near(m.Box.Y, w.y) || !near(m.Box.W, w.w) || !near(m.Box.H, w.h) {
				t.Errorf("%s: %s box %+v, want {X:%g Y:%g W:%g H:%g}", tc.file, w.metric, m.Box, w.x, w.y, w.w, w.h)
			}
		}
	}
}

// TestFigureBoxesMatchPoppler compares every figure's box in the sample
// PDFs with the box poppler gives the same word (pdftotext -bbox).
func TestFigureBoxesMatchPoppler(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed (apt-get install poppler-utils): not comparing with poppler")
	}
	ctx := context.Background()
	p, err := New(Options{InProcess: true})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	wordRe := regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">`)
	for _, path := range positionFiles[:2] {
		f, err := corpus.Load(path)
		if err != nil {
			t.Fatal(err)
		}
		rep, err := p.Report(ctx, f)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		pages := map[int][]extract.Box{}
		for _, m := range rep.Metrics {
			if m.Box == nil || m.Value.Kind != report.Number {
				continue
			}
			if _, ok := pages[m.Page]; !ok {
				out, err := exec.Command("pdftotext", "-f", strconv.Itoa(m.Page), "-l", strconv.Itoa(m.Page), "-bbox", filepath.Clean(path), "-").Output()
				if err != nil {
					t.Fatalf("pdftotext %s page %d: %v", path, m.Page, err)
				}
				var boxes []extract.Box
				for _, sm := range wordRe.FindAllStringSubmatch(string(out), -1) {
					x0, _ := strconv.ParseFloat(sm[1], 64)
					y0, _ := strconv.ParseFloat(sm[2], 64)
					x1, _ := strconv.ParseFloat(sm[3], 64)
					y1, _ := strconv.ParseFloat(sm[4], 64)
					boxes = append(boxes, extract.Box{X: x0, Y: y0, W: x1 - x0, H: y1 - y0})
				}
				pages[m.Page] = boxes
			}
			found := false
			for _, b := range pages[m.Page] {
				if near(b.X, m.Box.X) && near(b.Y, m.Box.Y) && near(b.W, m.Box.W) && near(b.H, m.Box.H) {
					found = true
					break
				}
			}
			if !found {
				t.Errorf("%s: %s = %v: box %+v on page %d is no word of poppler's", path, m.Metric, m.Value, *m.Box, m.Page)
			}
		}
	}
}

func figure(r *report.Report, metric string) (report.Figure, bool) {
	for _, m := range r.Metrics {
		if m.Metric == metric {
			return m, true
		}
	}
	return report.Figure{}, false
}

func near(a, b float64) bool { return math.Abs(a-b) < 0.6 }
