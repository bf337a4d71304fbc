package web

import (
	"bytes"
	"container/list"
	"context"
	"errors"
	"fmt"
	"image/png"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"sync"
)

// pageImg is a rendered page: PNG bytes and their size in pixels at dpi.
type pageImg struct {
	png       []byte
	w, h, dpi int
}

// pageCache keeps rendered pages up to a number of bytes, dropping the
// least recently used, and renders each page once when several requests
// ask for it at the same time.
type pageCache struct {
	mu       sync.Mutex
	max, n   int64
	order    *list.List // of *cacheEntry, most recent first
	byKey    map[string]*list.Element
	inflight map[string]*sync.WaitGroup
	sem      chan struct{} // bounds the pdftoppm processes
}

type cacheEntry struct {
	key string
	img *pageImg
}

func newPageCache(maxBytes int64) *pageCache {
	return &pageCache{max: maxBytes, order: list.New(), byKey: map[string]*list.Element{},
		inflight: map[string]*sync.WaitGroup{}, sem: make(chan struct{}, 2)}
}

// get returns the cached page of key, or renders it with render.
func (c *pageCache) get(ctx context.Context, key string, render func() (*pageImg, error)) (*pageImg, error) {
	for {
		c.mu.Lock()
		if e, ok := c.byKey[key]; ok {
			c.order.MoveToFront(e)
			c.mu.Unlock()
			return e.Value.(*cacheEntry).img, nil
		}
		wg, busy := c.inflight[key]
		if !busy {
			wg = &sync.WaitGroup{}
			wg.Add(1)
			c.inflight[key] = wg
			c.mu.Unlock()
			break
		}
		c.mu.Unlock()
		done := make(chan struct{})
		go func() { wg.Wait(); close(done) }()
		select {
		case <-done:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	defer func() {
		c.mu.Lock()
		wg := c.inflight[key]
		delete(c.inflight, key)
		c.mu.Unlock()
		wg.Done()
	}()
	select {
	case c.sem <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	img, err := render()
	<-c.sem
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.byKey[key] = c.order.PushFront(&cacheEntry{key: key, img: img})
	c.n += int64(len(img.png))
	for c.n > c.max && c.order.Len() > 1 {
		e := c.order.Back()
		ce := e.Value.(*cacheEntry)
		c.order.Remove(e)
		delete(c.byKey, ce.key)
		c.n -= int64(len(ce.img.png))
	}
	return img, nil
}

// renderPage returns the image of a page of a PDF document of the
// database (a row of documents with has_original), rendering it from
// the stored original with pdftoppm when it is not cached. The original
// goes to a temporary file named by the server; nothing of the request
// but the page number reaches the command.
func (s *Server) renderPage(ctx context.Context, doc row, page int) (*pageImg, error) {
	if doc.Str("format") != "pdf" || doc.Str("status") != "ok" {
		return nil, notFound("Báo cáo số %d không phải tệp PDF: không có ảnh trang.", doc.Int("id"))
	}
	if n := doc.Int("pages"); n > 0 && int64(page) > n {
		return nil, notFound("Báo cáo số %d chỉ có %d trang.", doc.Int("id"), n)
	}
	if doc.Int("has_original") == 0 {
		return nil, notFound("Tệp gốc của báo cáo số %d không được lưu trong cơ sở dữ liệu.", doc.Int("id"))
	}
	sha := doc.Str("sha256")
	key := fmt.Sprintf("%s/%d/%d", sha, page, s.opt.DPI)
	return s.imgs.get(ctx, key, func() (*pageImg, error) {
		data, err := s.db.Original(ctx, sha)
		if err != nil {
			return nil, err
		}
		return pdftoppm(ctx, s.opt.Pdftoppm, data, page, s.opt.DPI)
	})
}

// pdftoppm renders one page of a PDF given as bytes to PNG.
func pdftoppm(ctx context.Context, command string, pdf []byte, page, dpi int) (*pageImg, error) {
	dir, err := os.MkdirTemp("", "baocao-page-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	in := filepath.Join(dir, "in.pdf")
	if err := os.WriteFile(in, pdf, 0o600); err != nil {
		return nil, err
	}
	out := filepath.Join(dir, "page")
	p := strconv.Itoa(page)
	cmd := exec.CommandContext(ctx, command, "-f", p, "-l", p, "-r", strconv.Itoa(dpi), "-png", "-singlefile", in, out)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		if errors.Is(err, exec.ErrNotFound) {
			return nil, errNoPoppler
		}
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, fmt.Errorf("pdftoppm page %d: %v: %s", page, err, bytes.TrimSpace(stderr.Bytes()))
	}
	b, err := os.ReadFile(out + ".png")
	if err != nil {
		return nil, fmt.Errorf("pdftoppm page %d: %w", page, err)
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("pdftoppm page %d: %w", page, err)
	}
	return &pageImg{png: b, w: cfg.Width, h: cfg.Height, dpi: dpi}, nil
}

// pageSize is the size of a page in PDF points.
type pageSize struct{ w, h float64 }

// pageSizes keeps the page sizes read by pdfinfo, up to a number of
// entries.
type pageSizes struct {
	mu sync.Mutex
	m  map[string]pageSize
}

const maxPageSizes = 100000

// pageSizeOf returns the size in points of a page of a PDF document of
// the database (as renderPage checks it), read with pdfinfo from the
// stored original: far quicker than rendering the page, so that the
// evidence page answers at once and the image follows.
func (s *Server) pageSizeOf(ctx context.Context, doc row, page int) (pageSize, error) {
	key := fmt.Sprintf("%s/%d", doc.Str("sha256"), page)
	s.sizes.mu.Lock()
	sz, ok := s.sizes.m[key]
	s.sizes.mu.Unlock()
	if ok {
		return sz, nil
	}
	data, err := s.db.Original(ctx, doc.Str("sha256"))
	if err != nil {
		return pageSize{}, err
	}
	dir, err := os.MkdirTemp("", "baocao-page-")
	if err != nil {
		return pageSize{}, err
	}
	defer os.RemoveAll(dir)
	in := filepath.Join(dir, "in.pdf")
	if err := os.WriteFile(in, data, 0o600); err != nil {
		return pageSize{}, err
	}
	p := strconv.Itoa(page)
	out, err := exec.CommandContext(ctx, s.opt.Pdfinfo, "-f", p, "-l", p, in).Output()
	if err != nil {
		if errors.Is(err, exec.ErrNotFound) {
			return pageSize{}, errNoPoppler
		}
		return pageSize{}, fmt.Errorf("pdfinfo page %d: %w", page, err)
	}
	m := pageSizeRE.FindSubmatch(out)
	if m == nil {
		return pageSize{}, fmt.Errorf("pdfinfo page %d: no page size in its output", page)
	}
	sz.w, _ = strconv.ParseFloat(string(m[1]), 64)
	sz.h, _ = strconv.ParseFloat(string(m[2]), 64)
	if sz.w <= 0 || sz.h <= 0 {
		return pageSize{}, fmt.Errorf("pdfinfo page %d: page size %s × %s", page, m[1], m[2])
	}
	s.sizes.mu.Lock()
	if s.sizes.m == nil || len(s.sizes.m) >= maxPageSizes {
		s.sizes.m = map[string]pageSize{}
	}
	s.sizes.m[key] = sz
	s.sizes.mu.Unlock()
	return sz, nil
}

// pageSizeRE reads "Page    5 size: 595.304 x 841.89 pts" from pdfinfo.
var pageSizeRE = regexp.MustCompile(`(?m)^Page\s+\d+\s+size:\s+([\d.]+)\s+x\s+([\d.]+)\s+pts`)

// errNoPoppler is returned when poppler's commands cannot be run.
var errNoPoppler = &httpError{http.StatusServiceUnavailable, "Không tìm thấy lệnh của poppler (pdftoppm, pdfinfo) để dựng ảnh trang: cài poppler-utils (apt-get install poppler-utils)."}
