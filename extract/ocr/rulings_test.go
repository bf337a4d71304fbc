package ocr

import (
	"fmt"
	"math"
	"slices"
	"testing"

	"github.com/baocao/baocao/extract"
)

// drawing is a synthetic page image for ruling tests: grey paper with
// black ink, turned by slope (the tangent of the tilt).
type drawing struct {
	*grayImage
	slope float64
}

func newDrawing(w, h int, slope float64) *drawing {
	g := &grayImage{w: w, h: h, pix: make([]uint8, w*h)}
	for i := range g.pix {
		g.pix[i] = 236
	}
	return &drawing{g, slope}
}

// dot inks the pixel at (x, y) of the untilted page.
func (d *drawing) dot(x, y float64) {
	// Turn about the origin: y grows by slope·x, x shrinks by slope·y.
	xx := int(math.Round(x - d.slope*y))
	yy := int(math.Round(y + d.slope*x))
	if xx >= 0 && yy >= 0 && xx < d.w && yy < d.h {
		d.pix[yy*d.w+xx] = 30
	}
}

// hline and vline draw rulings thick pixels wide.
func (d *drawing) hline(y, x0, x1 float64, thick int) {
	for x := x0; x <= x1; x += 0.5 {
		for t := range thick {
			d.dot(x, y+float64(t))
		}
	}
}

func (d *drawing) vline(x, y0, y1 float64, thick int) {
	for y := y0; y <= y1; y += 0.5 {
		for t := range thick {
			d.dot(x+float64(t), y)
		}
	}
}

// glyph draws a block standing for a letter: a vertical stroke 3 pixels
// wide and h tall, and a bar across its top.
func (d *drawing) glyph(x, y float64, h int) {
	for yy := 0; yy < h; yy++ {
		for t := range 3 {
			d.dot(x+float64(t), y+float64(yy))
		}
	}
	for xx := 0; xx < 10; xx++ {
		d.dot(x+float64(xx), y)
	}
}

// inked counts the dark pixels in the rectangle around (x, y) of the
// untilted page.
func (d *drawing) inked(x, y float64, r int) int {
	n := 0
	for dy := -r; dy <= r; dy++ {
		for dx := -r; dx <= r; dx++ {
			xx := int(math.Round(x + float64(dx) - d.slope*(y+float64(dy)))) // approximately
			yy := int(math.Round(y + float64(dy) + d.slope*(x+float64(dx))))
			if xx >= 0 && yy >= 0 && xx < d.w && yy < d.h && d.pix[yy*d.w+xx] < 128 {
				n++
			}
		}
	}
	return n
}

// tableDrawing draws a ruled table of rows×cols cells, 60 pixels tall
// and 300 wide, at (100, 200), with a glyph touching its bottom ruling
// in the first firstCols columns, on a 1654×2339 page (A4 at 200 dpi)
// tilted by slope.
func tableDrawing(rows, cols, firstCols int, slope float64) *drawing {
	d := newDrawing(1654, 2339, slope)
	x0, y0 := 100.0, 200.0
	x1, y1 := x0+300*float64(cols), y0+60*float64(rows)
	for r := 0; r <= rows; r++ {
		d.hline(y0+60*float64(r), x0, x1, 3)
	}
	for c := 0; c <= cols; c++ {
		d.vline(x0+300*float64(c), y0, y1, 3)
	}
	for r := range rows {
		for c := range firstCols {
			d.glyph(x0+300*float64(c)+20, y0+60*float64(r)+25, 36)
		}
	}
	return d
}

func TestFindRulings(t *testing.T) {
	for _, slope := range []float64{0, 0.0175, -0.0175} {
		t.Run(fmt.Sprint(slope), func(t *testing.T) {
			d := tableDrawing(4, 3, 3, slope)
			rs, erased := findRulings(d.grayImage)
			if len(rs.h) != 5 || len(rs.v) != 4 {
				t.Fatalf("%d horizontal and %d vertical rulings, want 5 and 4", len(rs.h), len(rs.v))
			}
			if erased == 0 {
				t.Fatal("nothing erased")
			}
			for _, r := range append(rs.h, rs.v...) {
				want := slope
				if r.vertical {
					want = -slope
				}
				if math.Abs(r.b-want) > 0.002 {
					t.Errorf("ruling slant %.4f, want %.4f", r.b, want)
				}
			}
			// The rulings are gone, the glyphs that touch them stay.
			if n := d.inked(250, 200+60*2+1, 1); n > 0 {
				t.Errorf("%d inked pixels left on a ruling", n)
			}
			if n := d.inked(100+300+21, 200+60+45, 1); n == 0 {
				t.Error("a glyph's stroke was erased")
			}
			if math.Abs(rs.skew-slope) > 0.002 {
				t.Errorf("skew %.4f, want %.4f", rs.skew, slope)
			}
		})
	}
}

func TestFindRulingsText(t *testing.T) {
	// Rows of glyphs with serif-like bars, an underline shorter than
	// an inch and no table: nothing is a ruling.
	d := newDrawing(1654, 2339, 0.01)
	for row := range 20 {
		for k := range 100 {
			d.glyph(100+float64(k)*14, 200+float64(row)*50, 30)
		}
	}
	d.hline(1500, 100, 250, 2)
	rs, erased := findRulings(d.grayImage)
	if len(rs.h)+len(rs.v) != 0 || erased != 0 {
		t.Errorf("found %d+%d rulings, erased %d pixels, in text", len(rs.h), len(rs.v), erased)
	}
}

func TestRuledTable(t *testing.T) {
	// Three rows of three cells, 60×300 pixels, tilted by 1°; in the
	// last row no ruling parts the last two cells.
	d := newDrawing(1654, 2339, 0.0175)
	x0, y0 := 100.0, 200.0
	for r := 0; r <= 3; r++ {
		d.hline(y0+60*float64(r), x0, x0+900, 3)
	}
	for c := 0; c <= 3; c++ {
		y1 := y0 + 180
		if c == 2 {
			y1 = y0 + 120
		}
		d.vline(x0+300*float64(c), y0, y1, 3)
	}
	rs, _ := findRulings(d.grayImage)
	// Words centred at (x, y) of the untilted page, in the tilted
	// image's pixels, one Tesseract line each.
	var ws []word
	at := func(x, y float64, text string) {
		xx, yy := x-d.slope*y, y+d.slope*x
		ws = append(ws, word{left: int(xx) - 20, top: int(yy) - 8, w: 40, h: 16, conf: 90, text: text, tessLine: len(ws)})
	}
	at(150, 230, "Cấp")
	at(450, 230, "Số")
	at(750, 230, "Tỷ")
	at(150, 282, "Cấp")
	at(150, 300, "tỉnh")
	at(450, 290, "1.284")
	at(750, 290, "45%")
	at(150, 350, "Huyện")
	at(600, 350, "236")
	at(660, 350, "và")
	at(720, 350, "12")
	geo := geometry{imgW: d.w, imgH: d.h, pl: Placement{Frame: extract.Box{W: 595.28, H: 841.89}, PageW: 595.28, PageH: 841.89}}
	blocks, n := layout(ws, 1, geo, rs, 16, rs.skew)
	if got, want := summarize(blocks), []string{"T:Cấp,Số,Tỷ;Cấp tỉnh,1.284,45%;Huyện,236 và 12^2"}; !slices.Equal(got, want) {
		t.Errorf("table %q, want %q", got, want)
	}
	if n != 3 {
		t.Errorf("%d line numbers used, want 3", n)
	}
	checkPositions(t, blocks, 1)
	for _, r := range blocks[0].Table.Rows {
		for _, c := range r.Cells {
			if c.Box.IsZero() || c.Conf != 90 {
				t.Errorf("cell %q: box %+v conf %v", c.Text, c.Box, c.Conf)
			}
		}
	}
}

func BenchmarkFindRulings(b *testing.B) {
	d := tableDrawing(10, 3, 3, 0.0175)
	pix := slices.Clone(d.pix)
	b.SetBytes(int64(len(pix)))
	for b.Loop() {
		copy(d.pix, pix)
		findRulings(d.grayImage)
	}
}
