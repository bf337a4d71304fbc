package ocr

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
)

// InstallHint says what to install when OCR is not available.
const InstallHint = "OCR needs tesseract with Vietnamese data and poppler: apt-get install tesseract-ocr tesseract-ocr-vie poppler-utils"

// ErrUnavailable is wrapped by the errors of [Available], and by those of
// [Fill] when the OCR tools are missing.
var ErrUnavailable = errors.New(InstallHint)

// tessInfo is what `tesseract --version` and `--list-langs` tell.
type tessInfo struct {
	version string // "5.3.0"
	langs   map[string]bool
	err     error
}

var (
	infoMu    sync.Mutex
	infoCache = map[string]*tessInfo{}
)

// probe runs the tesseract binary bin once to learn its version and
// languages; results are remembered per binary.
func probe(bin string) *tessInfo {
	infoMu.Lock()
	defer infoMu.Unlock()
	if ti, ok := infoCache[bin]; ok {
		return ti
	}
	ti := &tessInfo{langs: map[string]bool{}}
	infoCache[bin] = ti
	path, err := exec.LookPath(bin)
	if err != nil {
		ti.err = fmt.Errorf("tesseract not found: %w", ErrUnavailable)
		return ti
	}
	out, err := exec.Command(path, "--version").CombinedOutput()
	if err != nil {
		ti.err = fmt.Errorf("%s --version: %v: %w", path, err, ErrUnavailable)
		return ti
	}
	first, _, _ := strings.Cut(string(out), "\n")
	v := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(first), "tesseract"))
	v = strings.TrimPrefix(v, "v")
	major, _, _ := strings.Cut(v, ".")
	if n, err := strconv.Atoi(major); err != nil || n < 5 {
		ti.err = fmt.Errorf("tesseract %q: need version 5 or newer: %w", v, ErrUnavailable)
		return ti
	}
	ti.version = v
	out, err = exec.Command(path, "--list-langs").CombinedOutput()
	if err != nil {
		ti.err = fmt.Errorf("%s --list-langs: %v: %w", path, err, ErrUnavailable)
		return ti
	}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		l := strings.TrimSpace(sc.Text())
		if l != "" && !strings.Contains(l, " ") {
			ti.langs[l] = true
		}
	}
	return ti
}

// Available reports whether OCR can run: nil when tesseract 5 or newer
// with the language lang (for example "vie", or "vie+eng") and poppler's
// pdftoppm, pdfimages and pdfinfo are on PATH. Otherwise the error says
// what to install and wraps [ErrUnavailable].
func Available(lang string) error {
	return available("tesseract", lang)
}

func available(bin, lang string) error {
	if lang == "" {
		lang = "vie"
	}
	ti := probe(bin)
	if ti.err != nil {
		return ti.err
	}
	for _, l := range strings.Split(lang, "+") {
		if !ti.langs[l] {
			return fmt.Errorf("tesseract has no %q language data: %w", l, ErrUnavailable)
		}
	}
	for _, tool := range []string{"pdftoppm", "pdfimages", "pdfinfo"} {
		if _, err := exec.LookPath(tool); err != nil {
			return fmt.Errorf("%s not found: %w", tool, ErrUnavailable)
		}
	}
	return nil
}

// pageInfo is what poppler tells about one page.
type pageInfo struct {
	w, h   float64 // size in points
	rot    int
	images []imageInfo
}

// imageInfo is one row of `pdfimages -list`.
type imageInfo struct {
	kind       string // "image", "mask", "smask", "stencil"
	w, h       int    // pixels
	xppi, yppi float64
}

// pdfPages returns the page count and per-page facts of the PDF at path.
func pdfPages(ctx context.Context, path string) ([]pageInfo, error) {
	out, err := exec.CommandContext(ctx, "pdfinfo", "-f", "1", "-l", "1000000", path).Output()
	if err != nil {
		return nil, fmt.Errorf("%s: pdfinfo: %w", path, cmdErr(err))
	}
	n := -1
	var pages []pageInfo
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		l := sc.Text()
		if v, ok := strings.CutPrefix(l, "Pages:"); ok {
			n, err = strconv.Atoi(strings.TrimSpace(v))
			if err != nil || n < 0 {
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
			pages[p-1].rot, _ = strconv.Atoi(f[2])
		}
	}
	if n < 0 {
		return nil, fmt.Errorf("%s: pdfinfo: no page count", path)
	}
	// Image list: only used to pick the fast path, so errors are not
	// fatal.
	out, err = exec.CommandContext(ctx, "pdfimages", "-list", path).Output()
	if err != nil {
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
		im := imageInfo{kind: f[2]}
		im.w, _ = strconv.Atoi(f[3])
		im.h, _ = strconv.Atoi(f[4])
		im.xppi, _ = strconv.ParseFloat(f[12], 64)
		im.yppi, _ = strconv.ParseFloat(f[13], 64)
		pages[p-1].images = append(pages[p-1].images, im)
	}
	return pages, nil
}

// singleImage reports whether page is one image that covers the page at
// a resolution fit for OCR, so that the image itself can be OCR'd
// without rendering. Masks, rotated pages and small images (logos on an
// otherwise empty page) take the render path.
func (p pageInfo) singleImage() bool {
	if len(p.images) != 1 || p.rot%360 != 0 || p.w <= 0 || p.h <= 0 {
		return false
	}
	im := p.images[0]
	if im.kind != "image" || im.xppi < 150 || im.yppi < 150 || im.xppi > 1200 || im.yppi > 1200 {
		return false
	}
	wPt := float64(im.w) / im.xppi * 72
	hPt := float64(im.h) / im.yppi * 72
	return wPt >= 0.8*p.w && hPt >= 0.8*p.h
}

// pageImage writes the image of page n (1-based) of the PDF at path into
// dir and returns its file name: the embedded image when the page is a
// single scan, else a render at dpi in grey. Images are written as
// uncompressed PNM (PBM, PGM or PPM), which poppler writes several times
// faster than PNG and Tesseract reads as well.
func pageImage(ctx context.Context, path string, n int, info pageInfo, dpi int, dir string) (string, error) {
	prefix := filepath.Join(dir, fmt.Sprintf("p%d", n))
	sn := strconv.Itoa(n)
	if info.singleImage() {
		cmd := exec.CommandContext(ctx, "pdfimages", "-f", sn, "-l", sn, path, prefix)
		if err := cmd.Run(); err == nil {
			if m, _ := filepath.Glob(prefix + "-*"); len(m) == 1 {
				return m[0], nil
			}
		}
	}
	cmd := exec.CommandContext(ctx, "pdftoppm", "-r", strconv.Itoa(dpi), "-gray", "-singlefile",
		"-f", sn, "-l", sn, path, prefix)
	if _, err := cmd.Output(); err != nil {
		return "", fmt.Errorf("pdftoppm page %d: %w", n, cmdErr(err))
	}
	name := prefix + ".pgm"
	if _, err := os.Stat(name); err != nil {
		return "", fmt.Errorf("pdftoppm page %d: %w", n, err)
	}
	return name, nil
}

// cmdErr adds a command's standard error output to its error.
func cmdErr(err error) error {
	var ee *exec.ExitError
	if errors.As(err, &ee) && len(ee.Stderr) > 0 {
		msg := strings.TrimSpace(string(ee.Stderr))
		if len(msg) > 300 {
			msg = msg[:300] + "…"
		}
		return fmt.Errorf("%w: %s", err, msg)
	}
	return err
}
