package web

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"math"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// chromium returns the path of a Chromium or Chrome binary, or "".
func chromium() string {
	for _, n := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	return ""
}

// rect is an element's box in CSS pixels of the page.
type rect struct{ X, Y, W, H float64 }

// TestBrowser drives a real Chromium through the view as an analyst
// would: it opens the province table, sorts it by a metric, opens a
// figure, and checks that the page image is shown with the highlight box
// over the figure's text. Screenshots go to the test's artifact folder
// (go test -artifacts -outputdir DIR keeps them).
func TestBrowser(t *testing.T) {
	bin := chromium()
	if bin == "" {
		t.Skip("Chromium not installed (apt-get install chromium): the browser test needs it")
	}
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Skip("pdftoppm (poppler-utils) not installed: page images cannot be rendered")
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) not installed: the test database has no boxes")
	}
	s, _ := newServer(t)
	srv := httptest.NewServer(s)
	defer srv.Close()
	out := t.ArtifactDir()

	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(bin),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.WindowSize(1400, 1000),
	}
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 90*time.Second)
	defer cancel()

	shot := func(name string) chromedp.Action[chromedp.Void] {
		return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			b, err := chromedp.CaptureScreenshot()(ctx, tg)
			if err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(out, name), b, 0o644)
		})
	}
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("text of %s: %v", sel, err)
		}
		return s
	}
	box := func(id string) rect {
		t.Helper()
		r, err := chromedp.Run(ctx, chromedp.Evaluate[rect](`(() => { const r = document.getElementById('`+id+
			`').getBoundingClientRect(); return {X: r.x + scrollX, Y: r.y + scrollY, W: r.width, H: r.height} })()`))
		if err != nil {
			t.Fatalf("box of #%s: %v", id, err)
		}
		return r
	}

	// 1. The province table, 2. sorted by the total of procedures,
	// largest first.
	err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS(`#province-table`)),
		shot("1-table.png"),
		chromedp.Click(chromedp.CSS(`th[data-col="tthc_total"] a`)),
		chromedp.WaitVisible(chromedp.Search(`//th[@data-col="tthc_total"]//a[contains(., "▼")]`)),
		shot("2-sorted.png"),
	)
	if err != nil {
		t.Fatal(err)
	}
	first, second := text(`#province-table tbody tr:nth-child(1) th`), text(`#province-table tbody tr:nth-child(2) th`)
	if !strings.Contains(first, "Kon Tum") || !strings.Contains(second, "Đắk Lắk") {
		t.Errorf("sorted by tthc_total: rows %q, %q; want Kon Tum (1.774) before Đắk Lắk (1.543)", first, second)
	}

	// 3. Open a figure as an analyst would: Đắk Lắk's report, then its
	// PDF copy among the reports of the same year, then the figure.
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`#province-table tr[data-code="66"] th a`)),
		chromedp.WaitVisible(chromedp.CSS(`#figures`)),
		chromedp.Click(chromedp.Search(`//a[contains(., "dak-lak-2021.pdf")]`)),
		chromedp.WaitVisible(chromedp.Search(`//dd[contains(., "pdf, 10 trang")]`)),
		shot("3-report.png"),
		chromedp.Click(chromedp.CSS(`#figures tr[data-metric="tthc.total"] td.num a`)),
		chromedp.WaitVisible(chromedp.CSS(`#page-image`)),
	)
	if err != nil {
		t.Fatal(err)
	}
	natural, err := chromedp.Run(ctx, chromedp.Poll[float64](`(() => { const i = document.getElementById('page-image'); return i.complete && i.naturalWidth })()`))
	if err != nil || natural == 0 {
		t.Fatalf("the page image did not load: %v", err)
	}
	title, sentence := text(`h1`), text(`#sentence`)
	img, hl := box("page-image"), box("highlight")
	if err := chromedp.Do(ctx, chromedp.ScrollIntoView(chromedp.CSS(`#highlight`)), shot("4-figure.png")); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(title, "1.543") || !strings.Contains(sentence, "1.543") {
		t.Errorf("figure page: title %q, sentence %q; want 1.543", title, sentence)
	}
	// The highlight lies on the image, where the figure's number is:
	// the box pdftotext gives "1.543" on page 5, scaled to the image.
	if hl.W <= 0 || hl.H <= 0 || hl.X < img.X || hl.Y < img.Y || hl.X+hl.W > img.X+img.W || hl.Y+hl.H > img.Y+img.H {
		t.Fatalf("highlight %+v is not on the page image %+v", hl, img)
	}
	words, err := pdfWords(filepath.Join("..", "..", "testdata/samples/dak-lak-2021.pdf"), 5)
	if err != nil {
		t.Fatal(err)
	}
	var want rect
	for _, w := range words {
		if w.Text == "1.543" {
			scale := img.W / (float64(natural) * 72 / 110)
			want = rect{img.X + w.XMin*scale, img.Y + w.YMin*scale, (w.XMax - w.XMin) * scale, (w.YMax - w.YMin) * scale}
			break
		}
	}
	if want.W == 0 {
		t.Fatal(`pdftotext does not find "1.543" on page 5`)
	}
	if !(hl.X <= want.X+1 && hl.Y <= want.Y+1 && hl.X+hl.W >= want.X+want.W-1 && hl.Y+hl.H >= want.Y+want.H-1) ||
		hl.W > want.W*3 || hl.H > want.H*3 {
		t.Errorf("highlight %+v does not frame the number's box %+v", hl, want)
	}

	// The frame has ink inside it: the figure's digits, in the pixels
	// of the screenshot of the element.
	pix, err := chromedp.Run(ctx, chromedp.Screenshot(chromedp.CSS(`#page`), chromedp.NodeVisible))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(out, "5-page.png"), pix, 0o644)
	m, err := png.Decode(bytes.NewReader(pix))
	if err != nil {
		t.Fatal(err)
	}
	sx := float64(m.Bounds().Dx()) / img.W
	inner := image.Rect(int(math.Round((want.X-img.X)*sx)), int(math.Round((want.Y-img.Y)*sx)),
		int(math.Round((want.X-img.X+want.W)*sx)), int(math.Round((want.Y-img.Y+want.H)*sx)))
	dark := 0
	for y := inner.Min.Y; y < inner.Max.Y; y++ {
		for x := inner.Min.X; x < inner.Max.X; x++ {
			r, g, b, _ := m.At(x, y).RGBA()
			if (r+g+b)/3 < 0x6000 {
				dark++
			}
		}
	}
	if area := inner.Dx() * inner.Dy(); area == 0 || dark < area/20 {
		t.Errorf("the highlighted box has %d dark pixels of %d: no text under it", dark, area)
	}
	t.Logf("screenshots in %s", out)
}
