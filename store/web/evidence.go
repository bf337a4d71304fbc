package web

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/baocao/baocao/store"
)

// pageView is a page image with the figure's box on it.
type pageView struct {
	Src string
	// W and H are the image's size in pixels; PW and PH the page's size
	// in PDF points, the coordinates of the box.
	W, H   int
	PW, PH float64
	// Box is the figure's box in PDF points from the top-left; HasBox
	// is false when the reader gave no position.
	HasBox       bool
	X, Y, BW, BH float64
}

// contextLine is a line of a text original shown around the figure.
type contextLine struct {
	N    int64
	Text string
	Here bool
}

// evidenceData is the evidence page of a figure or of a flag's piece of
// evidence.
type evidenceData struct {
	Fig    row
	Flag   row
	Doc    row
	Page   *pageView
	Why    string // why no page image is shown
	Lines  []contextLine
	Nearby []row
}

// figure serves the evidence page of a figure.
func (s *Server) figure(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	ctx := r.Context()
	rs, err := s.query(ctx, `SELECT `+figureCols+` `+figureFrom+` WHERE m.id = ?`, id)
	if err != nil {
		return err
	}
	if len(rs) == 0 {
		return notFound("Không có số liệu số %d trong cơ sở dữ liệu.", id)
	}
	ed, err := s.evidence(ctx, rs[0])
	if err != nil {
		return err
	}
	f := rs[0]
	title := fmt.Sprintf("%s: %s", f.Str("label"), store.FormatValue(f.Val("value"), f.Str("cunit")))
	return s.render(w, "evidence", title, "home", ed)
}

// flagEvidence serves the evidence page of a piece of a flag's evidence.
func (s *Server) flagEvidence(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	ctx := r.Context()
	rs, err := s.query(ctx, `SELECT e.id, e.metric, e.value, e.text, e.page, e.line,
	e.box_x, e.box_y, e.box_w, e.box_h,
	coalesce(c.label_vi, e.metric) AS label, coalesce(c.unit, '') AS cunit,
	g.document_id, g.severity, g."check", g.check_id, g.message, g.stated, g.computed,
	coalesce(gc.label_vi, g.metric) AS flag_label, coalesce(gc.unit, '') AS flag_unit,
	d.format, d.path, d.sha256, d.pages, d.province_code, d.province_name, d.year
FROM flag_evidence e
JOIN flags g ON g.id = e.flag_id
JOIN documents d ON d.id = g.document_id
LEFT JOIN metric_catalog c ON c.code = e.metric
LEFT JOIN metric_catalog gc ON gc.code = g.metric
WHERE e.id = ?`, id)
	if err != nil {
		return err
	}
	if len(rs) == 0 {
		return notFound("Không có căn cứ cảnh báo số %d trong cơ sở dữ liệu.", id)
	}
	ed, err := s.evidence(ctx, rs[0])
	if err != nil {
		return err
	}
	ed.Flag = rs[0]
	return s.render(w, "evidence", "Căn cứ của cảnh báo "+rs[0].Str("check_id"), "flags", ed)
}

// evidence gathers what shows a figure (a row with document_id, text,
// value, page, line, the box columns and the document's format and
// sha256) in its original: the page image with its box for a PDF, the
// lines around it for text, the figures around it for DOCX.
func (s *Server) evidence(ctx context.Context, f row) (*evidenceData, error) {
	doc, err := s.document(ctx, f.Int("document_id"))
	if err != nil {
		return nil, err
	}
	ed := &evidenceData{Fig: f, Doc: doc}
	hasOrig := doc.Int("has_original") != 0
	format := doc.Str("format")
	page := f.Int("page")
	switch {
	case !hasOrig:
		ed.Why = "Tệp gốc không được lưu trong cơ sở dữ liệu (báo cáo được nạp với --no-originals, hoặc bằng phiên bản baocao cũ): chỉ có câu trích dẫn."
	case format == "pdf" && page > 0:
		if n := doc.Int("pages"); n > 0 && page > n {
			ed.Why = fmt.Sprintf("Báo cáo chỉ có %d trang.", n)
			break
		}
		sz, err := s.pageSizeOf(ctx, doc, int(page))
		if err != nil {
			ed.Why = "Không đọc được trang gốc: " + userError(err)
			break
		}
		// The image is rendered when the browser asks for it; start now
		// so that it is ready sooner.
		go func() {
			c, cancel := context.WithTimeout(context.Background(), 2*s.opt.Timeout)
			defer cancel()
			s.renderPage(c, doc, int(page)) // the image's own request reports errors
		}()
		pv := &pageView{Src: fmt.Sprintf("/page/%d/%d", doc.Int("id"), page),
			W: int(math.Ceil(sz.w * float64(s.opt.DPI) / 72)), H: int(math.Ceil(sz.h * float64(s.opt.DPI) / 72)), PW: sz.w, PH: sz.h}
		x, okx := f.Float("box_x")
		y, oky := f.Float("box_y")
		bw, okw := f.Float("box_w")
		bh, okh := f.Float("box_h")
		if okx && oky && okw && okh && bw > 0 && bh > 0 {
			// A margin of 2 points, so that the frame does not cover the
			// figure's ink.
			pv.HasBox, pv.X, pv.Y, pv.BW, pv.BH = true, x-2, y-2, bw+4, bh+4
		}
		ed.Page = pv
	case format == "text" || format == "markdown":
		data, err := s.db.Original(ctx, doc.Str("sha256"))
		if err != nil {
			return nil, err
		}
		ed.Lines = textContext(data, f.Int("line"), 6)
		if ed.Lines == nil {
			ed.Why = "Tệp văn bản không ở dạng UTF-8 (mã cũ TCVN3, VNI…): chỉ có câu trích dẫn."
		}
	case format == "docx":
		ed.Why = "Tệp DOCX không chia trang: dưới đây là câu trích dẫn và các số liệu ở các đoạn lân cận. (Đọc lại đoạn văn cần bộ đọc DOCX của khâu trích xuất.)"
	default:
		ed.Why = "Không có ảnh trang cho tệp dạng " + format + "."
	}
	if ed.Page == nil && ed.Lines == nil {
		if ed.Nearby, err = s.query(ctx, `SELECT m.id, m.metric, m.value, m.text, m.page, m.line,
	coalesce(c.label_vi, m.metric) AS label, coalesce(c.unit, m.unit) AS cunit
FROM metrics m LEFT JOIN metric_catalog c ON c.code = m.metric
WHERE m.document_id = ? AND m.page = ? AND m.line BETWEEN ? AND ?
ORDER BY m.line, m.id`, doc.Int("id"), page, f.Int("line")-8, f.Int("line")+8); err != nil {
			return nil, err
		}
	}
	return ed, nil
}

// textContext returns the lines of a UTF-8 text around line (1-based),
// n on each side, or nil when data is not UTF-8 or has no such line.
func textContext(data []byte, line int64, n int64) []contextLine {
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	if !utf8.Valid(data) {
		return nil
	}
	lines := strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")
	if line < 1 || line > int64(len(lines)) {
		return nil
	}
	var out []contextLine
	for i := max(1, line-n); i <= min(int64(len(lines)), line+n); i++ {
		out = append(out, contextLine{N: i, Text: lines[i-1], Here: i == line})
	}
	return out
}

// pageImage serves the PNG image of a page of a PDF report of the
// database, chosen by the document's id and the page number.
func (s *Server) pageImage(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "doc")
	if err != nil {
		return err
	}
	page, err := strconv.Atoi(r.PathValue("page"))
	if err != nil || page <= 0 {
		return errNotFound
	}
	doc, err := s.document(r.Context(), id)
	if err != nil {
		return err
	}
	img, err := s.renderPage(r.Context(), doc, page)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "image/png")
	w.Header().Set("Cache-Control", "private, max-age=3600")
	_, err = w.Write(img.png)
	return err
}

// userError returns the Vietnamese message of an error.
func userError(err error) string {
	_, msg := userMessage(err)
	return msg
}
