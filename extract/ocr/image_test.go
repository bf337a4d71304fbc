package ocr

import (
	"bytes"
	"image"
	"image/jpeg"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestDecodeImage(t *testing.T) {
	var jb bytes.Buffer
	g := image.NewGray(image.Rect(0, 0, 3, 2))
	g.Pix = []uint8{0, 128, 255, 255, 128, 0}
	if err := jpeg.Encode(&jb, g, &jpeg.Options{Quality: 100}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		data []byte
		want []uint8 // nil: an error
	}{
		{"pgm", []byte("P5\n3 2\n255\n\x00\x80\xff\xff\x80\x00"), []uint8{0, 128, 255, 255, 128, 0}},
		{"pgm with comment", []byte("P5\n# pdftoppm\n3 2\n255\n\x00\x80\xff\xff\x80\x00"), []uint8{0, 128, 255, 255, 128, 0}},
		{"pbm", []byte("P4\n3 2\n\x40\xa0"), []uint8{255, 0, 255, 0, 255, 0}},
		{"ppm", []byte("P6\n1 2\n255\n\xff\x00\x00\x00\x00\xff"), []uint8{76, 29}},
		{"jpeg", jb.Bytes(), []uint8{0, 128, 255, 255, 128, 0}},
		{"short", []byte("P5\n3 2\n255\n\x00"), nil},
		{"16-bit", []byte("P5\n1 1\n65535\n\x00\x00"), nil},
		{"huge", []byte("P5\n100000 100000\n255\n"), nil},
		{"not an image", []byte("%PDF-1.4"), nil},
	}
	for _, tc := range tests {
		g, err := decodeImage(tc.data)
		if tc.want == nil {
			if err == nil {
				t.Errorf("%s: no error", tc.name)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if len(g.pix) != len(tc.want) {
			t.Errorf("%s: %d pixels, want %d", tc.name, len(g.pix), len(tc.want))
			continue
		}
		for i, p := range g.pix {
			if d := int(p) - int(tc.want[i]); d < -3 || d > 3 {
				t.Errorf("%s: pixels %v, want %v", tc.name, g.pix, tc.want)
				break
			}
		}
	}
	// writePGM and decodePNM round-trip.
	name := filepath.Join(t.TempDir(), "x.pgm")
	src := &grayImage{w: 3, h: 2, pix: []uint8{1, 2, 3, 4, 5, 6}}
	if err := writePGM(name, src); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if g, err := decodeImage(data); err != nil || g.w != 3 || g.h != 2 || !slices.Equal(g.pix, src.pix) {
		t.Errorf("round trip: %+v, %v", g, err)
	}
}

func FuzzDecodeImage(f *testing.F) {
	f.Add([]byte("P5\n3 2\n255\n\x00\x80\xff\xff\x80\x00"))
	f.Add([]byte("P4\n3 2\n\x40\xa0"))
	f.Add([]byte("P6\n1 2\n255\n\xff\x00\x00\x00\x00\xff"))
	f.Add([]byte("P5 # c\n1 1 255 \x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		g, err := decodeImage(data)
		if err != nil {
			return
		}
		if g.w <= 0 || g.h <= 0 || len(g.pix) != g.w*g.h {
			t.Fatalf("image %d×%d with %d pixels", g.w, g.h, len(g.pix))
		}
	})
}
