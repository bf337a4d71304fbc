package ocr

import (
	"bytes"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/baocao/baocao/extract"
)

// rulingsPDF writes a one-page PDF whose content is n ruling lines (a
// moveto, a lineto and a stroke each), compressed, and returns its path.
// Poppler takes minutes to list or render it.
func rulingsPDF(t *testing.T, n int) string {
	t.Helper()
	// 1,000 lines, repeated: the stream is 25 bytes a line but
	// compresses to almost nothing.
	var block bytes.Buffer
	for i := range 1000 {
		y := 50 + float64(i)*0.74
		fmt.Fprintf(&block, "%d %.2f m %d %.2f l S\n", 40+i%13, y, 550-i%17, y)
	}
	var content bytes.Buffer
	zw := zlib.NewWriter(&content)
	for range n / 1000 {
		zw.Write(block.Bytes())
	}
	zw.Close()
	var out bytes.Buffer
	var offsets []int
	obj := func(body string, stream []byte) {
		offsets = append(offsets, out.Len())
		fmt.Fprintf(&out, "%d 0 obj\n%s", len(offsets), body)
		if stream != nil {
			out.WriteString("\nstream\n")
			out.Write(stream)
			out.WriteString("\nendstream")
		}
		out.WriteString("\nendobj\n")
	}
	out.WriteString("%PDF-1.4\n")
	obj("<< /Type /Catalog /Pages 2 0 R >>", nil)
	obj("<< /Type /Pages /Count 1 /Kids [3 0 R] >>", nil)
	obj("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>", nil)
	obj(fmt.Sprintf("<< /Length %d /Filter /FlateDecode >>", content.Len()), content.Bytes())
	xref := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", len(offsets)+1)
	for _, o := range offsets {
		fmt.Fprintf(&out, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&out, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offsets)+1, xref)
	name := filepath.Join(t.TempDir(), "rulings.pdf")
	if err := os.WriteFile(name, out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return name
}

// TestFillTimeout: a one-page file of two million ruling lines, which
// poppler takes minutes over, stops at the file's deadline.
func TestFillTimeout(t *testing.T) {
	needOCR(t)
	path := rulingsPDF(t, 2_000_000)
	const timeout = time.Second
	start := time.Now()
	doc, err := Fill(context.Background(), path, nil, Options{CacheDir: NoCache, Timeout: timeout})
	took := time.Since(start)
	if !errors.Is(err, extract.ErrTimeout) || doc != nil {
		t.Fatalf("Fill = %v, %v; want ErrTimeout", doc, err)
	}
	if !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "after 1s") {
		t.Errorf("error %q does not name the file and the limit", err)
	}
	// Killing is immediate; allow for a loaded machine.
	if took > timeout+3*time.Second {
		t.Errorf("stopped after %v, limit %v", took, timeout)
	}
	// With only a limit per page (as the command line sets it), the
	// file's limit is derived from it, and the file stops as soon.
	start = time.Now()
	if _, err := Fill(context.Background(), path, nil, Options{CacheDir: NoCache, PageTimeout: timeout}); !errors.Is(err, extract.ErrTimeout) {
		t.Errorf("a limit per page: %v, want ErrTimeout", err)
	} else if took := time.Since(start); took > 2*timeout+3*time.Second {
		t.Errorf("a limit per page: stopped after %v, page limit %v", took, timeout)
	}
	// With a document (auto mode), the limit fails the file too.
	in := &extract.Document{Path: path, Pages: 1, NoTextPages: []int{1}}
	if _, err := Fill(context.Background(), path, in, Options{CacheDir: NoCache, Timeout: timeout}); !errors.Is(err, extract.ErrTimeout) {
		t.Errorf("auto mode: %v, want ErrTimeout", err)
	}
}

// TestFillMaxMemory: tesseract needs some 50 MiB for a page; under a
// 30 MiB limit it is killed and the file fails, while poppler's tools
// (about 10 MiB) pass.
func TestFillMaxMemory(t *testing.T) {
	needOCR(t)
	doc, err := Fill(context.Background(), scannedPDF, nil, Options{CacheDir: NoCache, MaxMemory: 30 << 20})
	if !errors.Is(err, extract.ErrMemory) || doc != nil {
		t.Fatalf("Fill = %v, %v; want ErrMemory", doc, err)
	}
	for _, s := range []string{scannedPDF, "30 MiB", "tesseract"} {
		if !strings.Contains(err.Error(), s) {
			t.Errorf("error %q does not mention %q", err, s)
		}
	}
}

func TestLimitsOutput(t *testing.T) {
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh")
	}
	ctx := context.Background()
	lim := &limits{path: "f.pdf"}
	out, err := lim.output(ctx, "sh", "-c", "echo out; echo err >&2")
	if err != nil || string(out) != "out\n" {
		t.Errorf("output = %q, %v", out, err)
	}
	_, err = lim.output(ctx, "sh", "-c", "echo broken >&2; exit 3")
	if err == nil || !strings.Contains(err.Error(), "broken") || lim.fatal(err) {
		t.Errorf("failing tool: %v, want its stderr and a non-fatal error", err)
	}
	// A child of the tool is killed with it.
	lim = &limits{path: "f.pdf", deadline: time.Now().Add(200 * time.Millisecond), timeout: 200 * time.Millisecond}
	start := time.Now()
	_, err = lim.output(ctx, "sh", "-c", "sleep 30 & wait")
	if !errors.Is(err, extract.ErrTimeout) || !strings.Contains(err.Error(), "f.pdf") || time.Since(start) > 5*time.Second {
		t.Errorf("deadline: %v after %v", err, time.Since(start))
	}
	if _, err := lim.output(ctx, "sh", "-c", "true"); !errors.Is(err, extract.ErrTimeout) {
		t.Errorf("after the deadline: %v, want ErrTimeout without running", err)
	}
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := (&limits{}).output(cctx, "sh", "-c", "true"); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
}
