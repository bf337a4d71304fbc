package ocr

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/baocao/baocao/extract"
)

// Resolution bounds for rendering a page that is not a single image.
const (
	minRenderDPI = 150
	maxRenderDPI = 400
)

// pageInfo is what poppler tells about one page.
type pageInfo struct {
	w, h   float64 // size in points, unrotated (pdfinfo's crop box)
	rot    int     // /Rotate, normalised to 0, 90, 180 or 270
	images []imageInfo
}

// imageInfo is one row of `pdfimages -list`.
type imageInfo struct {
	kind       string // "image", "mask", "smask", "stencil"
	w, h       int    // pixels
	color      string // "gray", "rgb", "cmyk", …
	enc        string // "jpeg", "image", "jbig2", …
	xppi, yppi float64
}

// size is the image's size on the page in points: pixels over the
// resolution the page gives it.
func (im imageInfo) size() (w, h float64) {
	if im.xppi <= 0 || im.yppi <= 0 {
		return 0, 0
	}
	return float64(im.w) / im.xppi * 72, float64(im.h) / im.yppi * 72
}

// pdfPages returns the per-page facts of the PDF at path, under lim.
func pdfPages(ctx context.Context, lim *limits, path string) ([]pageInfo, error) {
	out, err := lim.output(ctx, "pdfinfo", "-f", "1", "-l", "1000000", path)
	if err != nil {
		return nil, fmt.Errorf("%s: pdfinfo: %w", path, err)
	}
	n := -1
	var pages []pageInfo
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		l := sc.Text()
		if v, ok := strings.CutPrefix(l, "Pages:"); ok {
			n, err = strconv.Atoi(strings.TrimSpace(v))
			if err != nil || n < 0 || n > 1_000_000 {
				return nil, fmt.Errorf("%s: pdfinfo: bad page count %q", path, v)
			}
			pages = make([]pageInfo, n)
			continue
		}
		rest, ok := strings.CutPrefix(l, "Page ")
		if !ok || pages == nil {
			continue
		}
		f := strings.Fields(rest)
		if len(f) < 3 {
			continue
		}
		p, err := strconv.Atoi(f[0])
		if err != nil || p < 1 || p > n {
			continue
		}
		switch f[1] {
		case "size:":
			if len(f) >= 5 && f[3] == "x" {
				pages[p-1].w, _ = strconv.ParseFloat(f[2], 64)
				pages[p-1].h, _ = strconv.ParseFloat(f[4], 64)
			}
		case "rot:":
			r, _ := strconv.Atoi(f[2])
			pages[p-1].rot = ((r % 360) + 360) % 360 / 90 * 90
		}
	}
	if n < 0 {
		return nil, fmt.Errorf("%s: pdfinfo: no page count", path)
	}
	// The image list only guides the choice of image, so its failure is
	// not fatal, but the limits are.
	out, err = lim.output(ctx, "pdfimages", "-list", path)
	if err != nil {
		if ctx.Err() != nil || lim.fatal(err) {
			return nil, err
		}
		return pages, nil
	}
	sc = bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 14 {
			continue
		}
		p, err := strconv.Atoi(f[0])
		if err != nil || p < 1 || p > n {
			continue
		}
		im := imageInfo{kind: f[2], color: f[5], enc: f[8]}
		im.w, _ = strconv.Atoi(f[3])
		im.h, _ = strconv.Atoi(f[4])
		im.xppi, _ = strconv.ParseFloat(f[12], 64)
		im.yppi, _ = strconv.ParseFloat(f[13], 64)
		pages[p-1].images = append(pages[p-1].images, im)
	}
	return pages, nil
}

// singleImage returns the page's scan when the page is one image that
// covers it (four fifths of its width and height or more) and the page
// is not rotated: that image is then OCR'd as it is, at its own pixel
// size, whatever resolution the page gives it. Masks, rotated pages and
// small images (a logo on an otherwise empty page) take the render path.
func (p pageInfo) singleImage() (imageInfo, bool) {
	if len(p.images) != 1 || p.rot != 0 || p.w <= 0 || p.h <= 0 {
		return imageInfo{}, false
	}
	im := p.images[0]
	if im.kind != "image" || im.w <= 0 || im.h <= 0 {
		return imageInfo{}, false
	}
	w, h := im.size()
	return im, w >= 0.8*p.w && h >= 0.8*p.h
}

// renderDPI is the resolution to render the page at: that of its
// largest image (by its area on the page) if one covers a tenth of the
// page or more, so that the scan is neither upsampled nor thinned, kept
// within [minRenderDPI, maxRenderDPI]; def for a page without such an
// image.
func (p pageInfo) renderDPI(def int) float64 {
	best, bestArea := 0.0, 0.0
	for _, im := range p.images {
		if im.kind != "image" && im.kind != "stencil" {
			continue
		}
		w, h := im.size()
		if a := w * h; a > bestArea {
			best, bestArea = min(im.xppi, im.yppi), a
		}
	}
	if best <= 0 || bestArea < 0.1*p.w*p.h {
		return float64(def)
	}
	return math.Round(min(max(best, minRenderDPI), maxRenderDPI))
}

// displaySize is the page's size as displayed: width and height swap
// on a page turned by 90 or 270 degrees.
func (p pageInfo) displaySize() (w, h float64) {
	if p.rot == 90 || p.rot == 270 {
		return p.h, p.w
	}
	return p.w, p.h
}

// pageImage is the image of one page, ready for Tesseract.
type pageImage struct {
	file  string
	place Placement
	// how says where the image came from: "embedded image 1654×2339"
	// or "rendered at 200 dpi".
	how string
}

// getImage writes the image of page n (1-based) of the PDF at path into
// dir: the embedded scan, extracted with pdfimages at its own pixel size,
// when the page is a single scan, else a render in grey by pdftoppm at
// renderDPI. JPEG scans are written as they are stored, other images as
// uncompressed PNM, which poppler writes several times faster than PNG;
// Tesseract reads both.
func getImage(ctx context.Context, lim *limits, path string, n int, info pageInfo, dpi int, dir string) (pageImage, error) {
	prefix := filepath.Join(dir, fmt.Sprintf("p%d", n))
	sn := strconv.Itoa(n)
	if im, ok := info.singleImage(); ok {
		args := []string{"-f", sn, "-l", sn}
		if im.enc == "jpeg" && (im.color == "gray" || im.color == "rgb") {
			args = append(args, "-j")
		}
		_, err := lim.output(ctx, "pdfimages", append(args, path, prefix)...)
		if err != nil && (ctx.Err() != nil || lim.fatal(err)) {
			return pageImage{}, err
		}
		if m, _ := filepath.Glob(prefix + "-*"); err == nil && len(m) == 1 {
			w, h := im.size()
			return pageImage{
				file: m[0],
				// Centred on the page: pdfimages does not tell where.
				place: Placement{Frame: extract.Box{X: (info.w - w) / 2, Y: (info.h - h) / 2, W: w, H: h}, PageW: info.w, PageH: info.h},
				how:   fmt.Sprintf("embedded image %d×%d", im.w, im.h),
			}, nil
		}
	}
	r := info.renderDPI(dpi)
	rs := strconv.FormatFloat(r, 'f', -1, 64)
	if _, err := lim.output(ctx, "pdftoppm", "-r", rs, "-gray", "-singlefile", "-f", sn, "-l", sn, path, prefix); err != nil {
		if lim.fatal(err) {
			return pageImage{}, err // it names the file and the tool
		}
		return pageImage{}, fmt.Errorf("pdftoppm page %d: %w", n, err)
	}
	name := prefix + ".pgm"
	if _, err := os.Stat(name); err != nil {
		return pageImage{}, fmt.Errorf("pdftoppm page %d: %w", n, err)
	}
	dw, dh := info.displaySize()
	return pageImage{
		file:  name,
		place: Placement{Frame: extract.Box{W: dw, H: dh}, Rotate: info.rot, PageW: info.w, PageH: info.h},
		how:   "rendered at " + rs + " dpi",
	}, nil
}

// Placement puts a page image on its page, so that Tesseract's word
// boxes, in image pixels, become [extract.Box]es in PDF points from the
// top-left corner of the unrotated page, as the PDF reader measures a
// text layer. The zero Placement leaves boxes zero.
type Placement struct {
	// Frame is the image's rectangle on the page as displayed (turned
	// by Rotate), in points from the displayed page's top-left corner.
	Frame extract.Box
	// Rotate is the page's /Rotate: 0, 90, 180 or 270 degrees
	// clockwise.
	Rotate int
	// PageW and PageH are the size of the unrotated page in points.
	PageW, PageH float64
}

// box converts a rectangle of an image of imgW×imgH pixels into a box
// on the page, rounded to hundredths of a point.
func (pl Placement) box(left, top, w, h, imgW, imgH int) extract.Box {
	if pl.Frame.IsZero() || imgW <= 0 || imgH <= 0 {
		return extract.Box{}
	}
	sx, sy := pl.Frame.W/float64(imgW), pl.Frame.H/float64(imgH)
	b := extract.Box{X: pl.Frame.X + float64(left)*sx, Y: pl.Frame.Y + float64(top)*sy, W: float64(w) * sx, H: float64(h) * sy}
	// From the displayed page back to the unrotated one.
	switch pl.Rotate {
	case 90:
		b = extract.Box{X: b.Y, Y: pl.PageH - b.X - b.W, W: b.H, H: b.W}
	case 180:
		b = extract.Box{X: pl.PageW - b.X - b.W, Y: pl.PageH - b.Y - b.H, W: b.W, H: b.H}
	case 270:
		b = extract.Box{X: pl.PageW - b.Y - b.H, Y: b.X, W: b.H, H: b.W}
	}
	r := func(v float64) float64 { return math.Round(v*100) / 100 }
	return extract.Box{X: r(b.X), Y: r(b.Y), W: r(b.W), H: r(b.H)}
}
