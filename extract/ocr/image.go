package ocr

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	"io"
	"os"
	"strconv"
)

// grayImage is an 8-bit grey image, row by row.
type grayImage struct {
	w, h int
	pix  []uint8
}

func (g *grayImage) at(x, y int) uint8 { return g.pix[y*g.w+x] }

// maxImagePixels bounds the images decoded for ruling detection (a 600
// dpi A3 scan has 70 million); larger ones go to Tesseract untouched.
const maxImagePixels = 80_000_000

// errImageTooLarge is returned by decodeImage for images over
// maxImagePixels.
var errImageTooLarge = errors.New("image too large to prepare")

// decodeImage reads a page image as written by pdfimages or pdftoppm:
// JPEG, or binary PNM (P4 bitmap, P5 grey, P6 colour, 8 bits a sample).
// Colour is reduced to luma.
func decodeImage(data []byte) (*grayImage, error) {
	if bytes.HasPrefix(data, []byte{0xff, 0xd8}) {
		cfg, err := jpeg.DecodeConfig(bytes.NewReader(data))
		if err != nil {
			return nil, err
		}
		if cfg.Width*cfg.Height > maxImagePixels {
			return nil, errImageTooLarge
		}
		img, err := jpeg.Decode(bytes.NewReader(data))
		if err != nil {
			return nil, err
		}
		return toGray(img), nil
	}
	return decodePNM(data)
}

// toGray converts a decoded JPEG to grey: the Y plane of YCbCr, the
// pixels of Gray, luma otherwise.
func toGray(img image.Image) *grayImage {
	b := img.Bounds()
	g := &grayImage{w: b.Dx(), h: b.Dy(), pix: make([]uint8, b.Dx()*b.Dy())}
	switch m := img.(type) {
	case *image.Gray:
		for y := range g.h {
			copy(g.pix[y*g.w:(y+1)*g.w], m.Pix[y*m.Stride:])
		}
	case *image.YCbCr:
		for y := range g.h {
			copy(g.pix[y*g.w:(y+1)*g.w], m.Y[y*m.YStride:])
		}
	default:
		for y := range g.h {
			for x := range g.w {
				r, gg, bb, _ := img.At(b.Min.X+x, b.Min.Y+y).RGBA()
				g.pix[y*g.w+x] = uint8((19595*r + 38470*gg + 7471*bb + 1<<15) >> 24)
			}
		}
	}
	return g
}

// decodePNM decodes a binary PBM (P4), PGM (P5) or PPM (P6) image.
func decodePNM(data []byte) (*grayImage, error) {
	r := bufio.NewReader(bytes.NewReader(data))
	magic, err := pnmToken(r)
	if err != nil {
		return nil, err
	}
	var nums []int
	want := 3
	if magic == "P4" {
		want = 2
	} else if magic != "P5" && magic != "P6" {
		return nil, fmt.Errorf("not a binary PNM image (%q)", magic)
	}
	for len(nums) < want {
		t, err := pnmToken(r)
		if err != nil {
			return nil, err
		}
		n, err := strconv.Atoi(t)
		if err != nil || n <= 0 {
			return nil, fmt.Errorf("PNM header: %q", t)
		}
		nums = append(nums, n)
	}
	w, h := nums[0], nums[1]
	if w > maxImagePixels/h {
		return nil, errImageTooLarge
	}
	if want == 3 && nums[2] != 255 {
		return nil, fmt.Errorf("PNM: %d levels, want 255", nums[2])
	}
	g := &grayImage{w: w, h: h, pix: make([]uint8, w*h)}
	switch magic {
	case "P4":
		row := make([]byte, (w+7)/8)
		for y := range h {
			if _, err := io.ReadFull(r, row); err != nil {
				return nil, err
			}
			for x := range w {
				if row[x/8]&(0x80>>(x%8)) == 0 {
					g.pix[y*w+x] = 255 // 1 is black in PBM
				}
			}
		}
	case "P5":
		if _, err := io.ReadFull(r, g.pix); err != nil {
			return nil, err
		}
	case "P6":
		row := make([]byte, 3*w)
		for y := range h {
			if _, err := io.ReadFull(r, row); err != nil {
				return nil, err
			}
			for x := range w {
				c := row[3*x:]
				g.pix[y*w+x] = uint8((299*int(c[0]) + 587*int(c[1]) + 114*int(c[2]) + 500) / 1000)
			}
		}
	}
	return g, nil
}

// pnmToken reads the next header token of a PNM image, skipping white
// space and comments; the single white space byte after it is consumed.
func pnmToken(r *bufio.Reader) (string, error) {
	var tok []byte
	for {
		c, err := r.ReadByte()
		if err != nil {
			if len(tok) > 0 && err == io.EOF {
				return string(tok), nil
			}
			return "", fmt.Errorf("PNM header: %w", err)
		}
		switch {
		case c == '#' && len(tok) == 0:
			if _, err := r.ReadString('\n'); err != nil {
				return "", fmt.Errorf("PNM header: %w", err)
			}
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			if len(tok) > 0 {
				return string(tok), nil
			}
		default:
			if len(tok) > 16 {
				return "", errors.New("PNM header: token too long")
			}
			tok = append(tok, c)
		}
	}
}

// writePGM writes g as a binary PGM file.
func writePGM(name string, g *grayImage) error {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "P5\n%d %d\n255\n", g.w, g.h)
	buf.Write(g.pix)
	return os.WriteFile(name, buf.Bytes(), 0o644)
}
