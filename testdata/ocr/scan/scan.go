// Package scan makes realistic scans of born-digital PDF pages, for
// measuring and testing OCR (package extract/ocr): each page is rendered
// in grey at a scanner's resolution with poppler's pdftoppm, then tilted,
// blurred, given a paper tone, sensor noise and dust, compressed as JPEG
// and wrapped one image per page in a new PDF with no text layer, the
// way a scanner or img2pdf writes one.
//
// The PDF page takes the size the image declares: pixels / ppi × 72
// points. With the right ppi (the default) that is the size of the
// source page; with a wrong one (a 200 dpi image that declares 96 ppi,
// as files from some scanners do) the page is as much too large, and a
// reader that renders the page at a fixed resolution upsamples the scan.
//
// Everything is deterministic: the same source, [Spec] and poppler
// version give the same bytes. The only tool needed is pdftoppm
// (poppler-utils); the image work is done in Go.
package scan

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
)

// Spec says how to scan.
type Spec struct {
	// DPI is the resolution the pages are rendered at: the true
	// resolution of the scan.
	DPI int
	// PPI is the resolution the PDF declares for the images; 0 means
	// DPI (a correct declaration).
	PPI int
	// First and Last are the 1-based pages to scan, inclusive; 0 means
	// the first and the last page of the source.
	First, Last int
	// Tilt is the rotation in degrees, counter-clockwise; each page
	// turns by Tilt, alternating in sign from page to page (a sheet
	// fed slightly askew one way, then the other).
	Tilt float64
	// Blur is the standard deviation of the Gaussian blur, in pixels.
	Blur float64
	// Noise is the standard deviation of the sensor noise, in grey
	// levels (0–255).
	Noise float64
	// Dust is the number of specks of dust per page; a fifth of them
	// are larger blots.
	Dust int
	// Quality is the JPEG quality, 1 to 100; 0 means 75.
	Quality int
	// Seed seeds the noise and the dust.
	Seed uint64
}

// Preset scans, by name: the degradations of an office scanner at the
// usual resolutions, plus a scan whose images declare a wrong
// resolution and a truly low-resolution one.
var Presets = map[string]Spec{
	"150dpi":      {DPI: 150, Tilt: 0.7, Blur: 0.6, Noise: 6, Dust: 60, Quality: 70, Seed: 1},
	"200dpi":      {DPI: 200, Tilt: -1.0, Blur: 0.8, Noise: 6, Dust: 80, Quality: 70, Seed: 2},
	"300dpi":      {DPI: 300, Tilt: 0.5, Blur: 1.1, Noise: 6, Dust: 120, Quality: 75, Seed: 3},
	"200dpi-96":   {DPI: 200, PPI: 96, Tilt: -1.0, Blur: 0.8, Noise: 6, Dust: 80, Quality: 70, Seed: 2},
	"96dpi":       {DPI: 96, Tilt: 0.5, Blur: 0.4, Noise: 5, Dust: 30, Quality: 80, Seed: 4},
	"200dpi-worn": {DPI: 200, Tilt: 1.0, Blur: 1.2, Noise: 9, Dust: 250, Quality: 50, Seed: 5},
}

// PresetNames returns the names of Presets in order.
func PresetNames() []string {
	var names []string
	for n := range Presets {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Paper and ink grey levels: scanned paper is not white, toner not black.
const (
	paper = 236
	ink   = 28
)

// Make scans pages of the PDF at src into a new image-only PDF at dst.
func Make(ctx context.Context, src, dst string, s Spec) error {
	if s.DPI <= 0 {
		return fmt.Errorf("scan %s: DPI %d", src, s.DPI)
	}
	if s.PPI <= 0 {
		s.PPI = s.DPI
	}
	if s.Quality <= 0 {
		s.Quality = 75
	}
	tmp, err := os.MkdirTemp("", "scan-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	args := []string{"-r", strconv.Itoa(s.DPI), "-gray"}
	if s.First > 0 {
		args = append(args, "-f", strconv.Itoa(s.First))
	}
	if s.Last > 0 {
		args = append(args, "-l", strconv.Itoa(s.Last))
	}
	args = append(args, src, filepath.Join(tmp, "p"))
	if out, err := exec.CommandContext(ctx, "pdftoppm", args...).CombinedOutput(); err != nil {
		return fmt.Errorf("scan %s: pdftoppm: %v: %s", src, err, bytes.TrimSpace(out))
	}
	names, _ := filepath.Glob(filepath.Join(tmp, "p-*.pgm"))
	if len(names) == 0 {
		return fmt.Errorf("scan %s: no pages rendered", src)
	}
	// p-1.pgm, p-2.pgm … p-10.pgm: by number, not by name.
	sort.Slice(names, func(i, j int) bool {
		if len(names[i]) != len(names[j]) {
			return len(names[i]) < len(names[j])
		}
		return names[i] < names[j]
	})
	var pages []page
	for i, name := range names {
		g, err := readPGM(name)
		if err != nil {
			return fmt.Errorf("scan %s: %w", src, err)
		}
		tilt := s.Tilt
		if i%2 == 1 {
			tilt = -tilt
		}
		rng := rand.New(rand.NewPCG(s.Seed, uint64(i)))
		g = degrade(g, tilt, s, rng)
		var buf bytes.Buffer
		if err := jpeg.Encode(&buf, g, &jpeg.Options{Quality: s.Quality}); err != nil {
			return fmt.Errorf("scan %s: %w", src, err)
		}
		b := g.Bounds()
		pages = append(pages, page{w: b.Dx(), h: b.Dy(), jpeg: buf.Bytes()})
	}
	var out bytes.Buffer
	writePDF(&out, pages, float64(s.PPI))
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	return os.WriteFile(dst, out.Bytes(), 0o644)
}

// readPGM reads a binary 8-bit PGM (P5) file as pdftoppm writes it.
func readPGM(name string) (*image.Gray, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := bufio.NewReader(f)
	var magic string
	var w, h, maxv int
	if _, err := fmt.Fscan(r, &magic, &w, &h, &maxv); err != nil {
		return nil, fmt.Errorf("%s: PGM header: %w", name, err)
	}
	if magic != "P5" || maxv != 255 || w <= 0 || h <= 0 {
		return nil, fmt.Errorf("%s: not an 8-bit binary PGM (%s %dx%d max %d)", name, magic, w, h, maxv)
	}
	if _, err := r.ReadByte(); err != nil { // the one whitespace byte after the header
		return nil, err
	}
	g := image.NewGray(image.Rect(0, 0, w, h))
	if _, err := io.ReadFull(r, g.Pix); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return g, nil
}

// degrade turns a clean render into a scan: ink and paper tones, tilt,
// blur, dust and noise, in the order a scanner adds them.
func degrade(g *image.Gray, tilt float64, s Spec, rng *rand.Rand) *image.Gray {
	for i, v := range g.Pix {
		g.Pix[i] = uint8(ink + (paper-ink)*int(v)/255)
	}
	if tilt != 0 {
		g = rotate(g, tilt)
	}
	addDust(g, s.Dust, float64(s.DPI)/200, rng)
	if s.Blur > 0 {
		g = blur(g, s.Blur)
	}
	if s.Noise > 0 {
		for i, v := range g.Pix {
			g.Pix[i] = clamp(float64(v) + rng.NormFloat64()*s.Noise)
		}
	}
	return g
}

func clamp(v float64) uint8 {
	switch {
	case v < 0:
		return 0
	case v > 255:
		return 255
	}
	return uint8(math.Round(v))
}

// rotate turns g by deg degrees counter-clockwise about its centre, with
// bilinear interpolation; what comes in from outside is paper.
func rotate(g *image.Gray, deg float64) *image.Gray {
	b := g.Bounds()
	w, h := b.Dx(), b.Dy()
	out := image.NewGray(b)
	sin, cos := math.Sincos(deg * math.Pi / 180)
	cx, cy := float64(w-1)/2, float64(h-1)/2
	at := func(x, y int) float64 {
		if x < 0 || y < 0 || x >= w || y >= h {
			return paper
		}
		return float64(g.Pix[y*g.Stride+x])
	}
	for y := range h {
		dy := float64(y) - cy
		for x := range w {
			dx := float64(x) - cx
			// Inverse map: where this output pixel comes from. y grows
			// downwards, so a counter-clockwise turn of the page is
			// clockwise in these coordinates.
			sx := cos*dx - sin*dy + cx
			sy := sin*dx + cos*dy + cy
			x0, y0 := int(math.Floor(sx)), int(math.Floor(sy))
			fx, fy := sx-float64(x0), sy-float64(y0)
			v := at(x0, y0)*(1-fx)*(1-fy) + at(x0+1, y0)*fx*(1-fy) +
				at(x0, y0+1)*(1-fx)*fy + at(x0+1, y0+1)*fx*fy
			out.Pix[y*out.Stride+x] = clamp(v)
		}
	}
	return out
}

// blur applies a Gaussian blur of standard deviation sigma pixels, as
// two passes of a separable kernel.
func blur(g *image.Gray, sigma float64) *image.Gray {
	r := int(math.Ceil(3 * sigma))
	k := make([]float64, 2*r+1)
	sum := 0.0
	for i := range k {
		d := float64(i - r)
		k[i] = math.Exp(-d * d / (2 * sigma * sigma))
		sum += k[i]
	}
	for i := range k {
		k[i] /= sum
	}
	b := g.Bounds()
	w, h := b.Dx(), b.Dy()
	tmp := make([]float64, w*h)
	for y := range h {
		row := g.Pix[y*g.Stride:]
		for x := range w {
			v := 0.0
			for i, kv := range k {
				xx := min(max(x+i-r, 0), w-1)
				v += kv * float64(row[xx])
			}
			tmp[y*w+x] = v
		}
	}
	out := image.NewGray(b)
	for y := range h {
		for x := range w {
			v := 0.0
			for i, kv := range k {
				yy := min(max(y+i-r, 0), h-1)
				v += kv * tmp[yy*w+x]
			}
			out.Pix[y*out.Stride+x] = clamp(v)
		}
	}
	return out
}

// addDust scatters n specks over g: dark dots of radius 0.5 to 1.5
// pixels at 200 dpi (scale converts), and one in five a blot of up to 4
// pixels, not quite black.
func addDust(g *image.Gray, n int, scale float64, rng *rand.Rand) {
	b := g.Bounds()
	for i := range n {
		cx := rng.Float64() * float64(b.Dx())
		cy := rng.Float64() * float64(b.Dy())
		r := (0.5 + rng.Float64()) * scale
		level := float64(ink + rng.IntN(60))
		if i%5 == 0 {
			r = (1.5 + 2.5*rng.Float64()) * scale
			level = float64(60 + rng.IntN(80))
		}
		for y := int(cy - r - 1); y <= int(cy+r+1); y++ {
			for x := int(cx - r - 1); x <= int(cx+r+1); x++ {
				if x < 0 || y < 0 || x >= b.Dx() || y >= b.Dy() {
					continue
				}
				d := math.Hypot(float64(x)+0.5-cx, float64(y)+0.5-cy)
				// Soft edge over one pixel.
				a := min(1, max(0, r+0.5-d))
				if a <= 0 {
					continue
				}
				p := &g.Pix[y*g.Stride+x]
				*p = clamp(min(float64(*p), float64(*p)*(1-a)+level*a))
			}
		}
	}
}

// page is one scanned page: a JPEG of w×h pixels.
type page struct {
	w, h int
	jpeg []byte
}

// writePDF writes an image-only PDF: one page per image, each page the
// size the image declares at ppi, the image covering it.
func writePDF(out *bytes.Buffer, pages []page, ppi float64) {
	var offsets []int
	obj := func(body string, stream []byte) {
		offsets = append(offsets, out.Len())
		fmt.Fprintf(out, "%d 0 obj\n%s", len(offsets), body)
		if stream != nil {
			out.WriteString("\nstream\n")
			out.Write(stream)
			out.WriteString("\nendstream")
		}
		out.WriteString("\nendobj\n")
	}
	out.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	// Objects: 1 catalog, 2 pages, then per page: page, content, image.
	kids := ""
	for i := range pages {
		kids += fmt.Sprintf("%d 0 R ", 3+3*i)
	}
	obj("<< /Type /Catalog /Pages 2 0 R >>", nil)
	obj(fmt.Sprintf("<< /Type /Pages /Count %d /Kids [ %s] >>", len(pages), kids), nil)
	for i, p := range pages {
		w := float64(p.w) / ppi * 72
		h := float64(p.h) / ppi * 72
		n := 3 + 3*i
		obj(fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.3f %.3f] /Contents %d 0 R /Resources << /XObject << /Im0 %d 0 R >> >> >>", w, h, n+1, n+2), nil)
		content := fmt.Sprintf("q %.3f 0 0 %.3f 0 0 cm /Im0 Do Q", w, h)
		obj(fmt.Sprintf("<< /Length %d >>", len(content)), []byte(content))
		obj(fmt.Sprintf("<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode /Length %d >>",
			p.w, p.h, len(p.jpeg)), p.jpeg)
	}
	xref := out.Len()
	fmt.Fprintf(out, "xref\n0 %d\n0000000000 65535 f \n", len(offsets)+1)
	for _, o := range offsets {
		fmt.Fprintf(out, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(out, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offsets)+1, xref)
}

// ErrNoPdftoppm is returned by [Available] when pdftoppm is missing.
var ErrNoPdftoppm = errors.New("scan: pdftoppm not found: apt-get install poppler-utils")

// Available reports whether the tools Make needs are installed.
func Available() error {
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		return ErrNoPdftoppm
	}
	return nil
}
