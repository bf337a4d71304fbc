package ocr

import (
	"testing"
)

func TestCellsToRead(t *testing.T) {
	// Three rows of three cells, 60×300 pixels, tilted; a glyph in
	// every cell of the first column.
	d := tableDrawing(3, 3, 1, 0.0175)
	rs, _ := findRulings(d.grayImage)
	at := func(x, y float64, text string, conf float64) word {
		xx, yy := x-d.slope*y, y+d.slope*x
		return word{left: int(xx) - 20, top: int(yy) - 8, w: 40, h: 16, conf: conf, text: text}
	}
	// Row 1: a word read with confidence; row 2: a word Tesseract is
	// unsure of; row 3: nothing read.
	words := []word{at(125, 243, "1", 95), at(125, 303, "VỀ)", 17)}
	cells := cellsToRead(d.grayImage, rs, words)
	if len(cells) != 2 {
		t.Fatalf("%d cells to read, want 2 (the unsure and the empty one): %+v", len(cells), cells)
	}
	for k, wantY := range []float64{300, 360} {
		c := cells[k]
		x, y := 100+21.0, wantY
		xx, yy := int(x-d.slope*y), int(y+d.slope*x)
		if xx < c.x0 || xx >= c.x1 || yy < c.y0 || yy >= c.y1 {
			t.Errorf("cell %d %+v does not hold the glyph at (%d, %d)", k, c, xx, yy)
		}
	}
	// Cells without ink are not read.
	for _, c := range cells {
		if c.x0 > 400 {
			t.Errorf("empty cell %+v chosen", c)
		}
	}

	strip, sc := cellStrip(d.grayImage, cells)
	if strip == nil || len(sc) != 2 {
		t.Fatalf("strip %v cells %+v", strip, sc)
	}
	for _, p := range strip.pix {
		if p != 0 && p != 255 {
			t.Fatal("strip is not black and white")
		}
	}
	if sc[0].y0 != 0 || sc[1].y0 != sc[0].y1 || sc[1].y1 != strip.h {
		t.Errorf("strip rows %+v, height %d", sc, strip.h)
	}

	// What the strip read goes back to the page: "2" into the unsure
	// cell, read better than "VỀ)", and "3" into the empty one; a
	// worse reading of a cell is not taken.
	read := []word{
		{left: stripPad, top: sc[0].y0 + stripPad, w: 10, h: 20, conf: 96, text: "2"},
		{left: stripPad, top: sc[1].y0 + stripPad, w: 10, h: 20, conf: 90, text: "3"},
	}
	got := mergeCellWords(words, read, sc)
	var texts []string
	for _, w := range got {
		texts = append(texts, w.text)
		if w.text == "2" || w.text == "3" {
			c := sc[0].cell
			if w.text == "3" {
				c = sc[1].cell
			}
			if x, y := w.left+w.w/2, w.top+w.h/2; x < c.x0-stripPad || x > c.x1 || y < c.y0 || y > c.y1 {
				t.Errorf("%q placed at (%d, %d), outside its cell %+v", w.text, x, y, c)
			}
		}
	}
	if want := "1 2 3"; join(texts) != want {
		t.Errorf("words %q, want %q", join(texts), want)
	}
	read[0].conf = 10
	if got := mergeCellWords(words, read[:1], sc); join(textsOf(got)) != "1 VỀ)" {
		t.Errorf("a worse reading replaced the cell: %q", join(textsOf(got)))
	}
}

func textsOf(ws []word) []string {
	var out []string
	for _, w := range ws {
		out = append(out, w.text)
	}
	return out
}

func join(s []string) string {
	out := ""
	for i, x := range s {
		if i > 0 {
			out += " "
		}
		out += x
	}
	return out
}
