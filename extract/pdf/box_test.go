package pdf

import (
	"bytes"
	"encoding/xml"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/baocao/baocao/extract"
)

// wordAt is a word of a document with its page.
type wordAt struct {
	text string
	page int
	box  extract.Box
}

// docWords lists the words of every body line, footnote line and table
// cell of doc (a cell's text as one word, with the cell's box), and
// checks the invariants of words on the way: offsets in range and in
// order, no space inside a word, every word inside its line's box.
func docWords(t *testing.T, doc *extract.Document) []wordAt {
	t.Helper()
	var out []wordAt
	line := func(l extract.Line) {
		prev := 0
		for _, w := range l.Words {
			if w.Start < prev || w.End <= w.Start || w.End > len(l.Text) {
				t.Fatalf("page %d line %d %q: word %+v out of order or range", l.Pos.Page, l.Pos.Line, l.Text, w)
			}
			prev = w.End
			s := l.Text[w.Start:w.End]
			if strings.ContainsFunc(s, unicode.IsSpace) {
				t.Errorf("page %d line %d: word %q holds a space", l.Pos.Page, l.Pos.Line, s)
			}
			if !inside(w.Box, l.Box, 0.02) { // each edge rounded to 0.01
				t.Errorf("page %d line %d: word %q box %+v outside the line's %+v", l.Pos.Page, l.Pos.Line, s, w.Box, l.Box)
			}
			out = append(out, wordAt{s, l.Pos.Page, w.Box})
		}
		if len(l.Words) == 0 && strings.TrimSpace(l.Text) != "" {
			t.Errorf("page %d line %d %q: no words", l.Pos.Page, l.Pos.Line, l.Text)
		}
	}
	for _, b := range doc.Blocks {
		for _, l := range b.Lines {
			line(l)
		}
		if b.Table != nil {
			for _, r := range b.Table.Rows {
				for _, c := range r.Cells {
					if c.Text != "" {
						if c.Box.IsZero() {
							t.Errorf("cell %+v %q has no box", c.Pos, c.Text)
						}
						out = append(out, wordAt{c.Text, c.Pos.Page, c.Box})
					}
				}
			}
		}
	}
	for _, f := range doc.Footnotes {
		for _, l := range f.Lines {
			line(l)
		}
	}
	return out
}

// inside reports whether a lies inside b, give or take tol points.
func inside(a, b extract.Box, tol float64) bool {
	return a.X >= b.X-tol && a.Y >= b.Y-tol && a.X+a.W <= b.X+b.W+tol && a.Y+a.H <= b.Y+b.H+tol
}

// TestWordBoxes checks the boxes of figures on several pages of the
// sample reports against the boxes pdftotext -bbox-layout (poppler 22)
// gives for the same words, written down here so that the test needs
// no poppler.
func TestWordBoxes(t *testing.T) {
	for _, c := range []struct {
		file, text string
		page       int
		want       extract.Box // from pdftotext -bbox-layout
	}{
		{"real/dak-lak-2021.pdf", "1.543", 5, extract.Box{X: 147.654, Y: 530.501, W: 31.5, H: 18.2}},
		{"real/dak-lak-2021.pdf", "1.058", 3, extract.Box{X: 463.612, Y: 56.501, W: 31.5, H: 18.2}},
		{"real/dak-lak-2021.pdf", "29.473,482", 8, extract.Box{X: 350.15, Y: 623.901, W: 63, H: 18.2}},
		{"real/kon-tum-2021.pdf", "35", 7, extract.Box{X: 227.198, Y: 56.551, W: 13, H: 16.9}},
		{"real/kon-tum-2021.pdf", "7.000", 5, extract.Box{X: 491.319, Y: 56.551, W: 29.198, H: 16.9}},
		{"real/kon-tum-2021.pdf", "5528", 7, extract.Box{X: 484.598, Y: 281.751, W: 26, H: 16.9}},
		// Table cells, on a landscape page.
		{"real/kon-tum-2021.pdf", "4.500", 9, extract.Box{X: 625, Y: 264.801, W: 27, H: 15.6}},
		{"real/kon-tum-2021.pdf", "2.215,6", 10, extract.Box{X: 616, Y: 279.301, W: 36, H: 15.6}},
	} {
		doc := mustRead(t, c.file)
		found := false
		for _, w := range docWords(t, doc) {
			if w.text != c.text || w.page != c.page {
				continue
			}
			found = true
			if !inside(c.want, w.box, 0.5) || !inside(w.box, c.want, 0.5) {
				t.Errorf("%s page %d %q: box %+v, want %+v", c.file, c.page, c.text, w.box, c.want)
			}
		}
		if !found {
			t.Errorf("%s page %d: no word %q", c.file, c.page, c.text)
		}
	}
}

// popplerWords runs pdftotext -bbox-layout on path and returns its
// words by page (index 0 is page 1).
func popplerWords(t *testing.T, path string) [][]wordAt {
	t.Helper()
	out, err := exec.Command("pdftotext", "-bbox-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	var pages [][]wordAt
	d := xml.NewDecoder(bytes.NewReader(out))
	d.Strict = false
	d.AutoClose = xml.HTMLAutoClose
	d.Entity = xml.HTMLEntity
	for {
		tok, err := d.Token()
		if err != nil {
			break
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "page":
			pages = append(pages, nil)
		case "word":
			var w struct {
				XMin float64 `xml:"xMin,attr"`
				YMin float64 `xml:"yMin,attr"`
				XMax float64 `xml:"xMax,attr"`
				YMax float64 `xml:"yMax,attr"`
				Text string  `xml:",chardata"`
			}
			if err := d.DecodeElement(&w, &se); err != nil || len(pages) == 0 {
				continue
			}
			pages[len(pages)-1] = append(pages[len(pages)-1], wordAt{w.Text, len(pages),
				extract.Box{X: w.XMin, Y: w.YMin, W: w.XMax - w.XMin, H: w.YMax - w.YMin}})
		}
	}
	return pages
}

// TestWordBoxesPoppler checks every word with a digit in the sample
// PDFs, and every table cell: the box must hold a word pdftotext finds
// on the same page with the same digits (pdftotext splits words at a
// footnote marker, "2" "13" ",": its piece must lie in the box).
func TestWordBoxesPoppler(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) not installed")
	}
	files := []string{"real/dak-lak-2021.pdf", "real/kon-tum-2021.pdf", "../eval/can-tho-2022.pdf", "../eval/lam-dong-2024.pdf"}
	for _, name := range files {
		doc := mustRead(t, name)
		pp := popplerWords(t, filepath.Join(testdata, name))
		checked := 0
		for _, w := range docWords(t, doc) {
			if !strings.ContainsFunc(w.text, unicode.IsDigit) {
				continue
			}
			checked++
			if w.page < 1 || w.page > len(pp) {
				t.Errorf("%s: %q on page %d of %d", name, w.text, w.page, len(pp))
				continue
			}
			ok := false
			for _, p := range pp[w.page-1] {
				if strings.ContainsFunc(p.text, unicode.IsDigit) && strings.Contains(w.text, p.text) && inside(p.box, w.box, 1) {
					ok = true
					break
				}
			}
			if !ok {
				t.Errorf("%s page %d: no pdftotext word of %q inside %+v", name, w.page, w.text, w.box)
			}
		}
		if checked < 50 {
			t.Errorf("%s: only %d words with digits", name, checked)
		}
	}
}
