package ocr

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os/exec"
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
