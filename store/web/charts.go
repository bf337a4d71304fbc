package web

import (
	"fmt"
	"html/template"
	"math"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/baocao/baocao/store"
)

// chartsData is the charts page.
type chartsData struct {
	Metrics   []option
	Provinces []province
	Years     []int64
	Metric    string
	Province  string
	Year      int64
	// Bars is the chart of a metric across provinces; Small the charts
	// of a province's metrics over the years.
	Title string
	Bars  template.HTML
	Small []smallChart
	Note  string
}

// smallChart is one metric of a province over the years.
type smallChart struct {
	Label, Metric string
	SVG           template.HTML
}

// bar is one bar of a chart.
type bar struct {
	Label, Value, Href string
	V                  float64
	Hi                 bool
}

// charts serves a metric across provinces (?metric=edoc.total&year=2021)
// and a province's metrics over the years (?province=66).
func (s *Server) charts(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	v := r.URL.Query()
	cd := &chartsData{Metric: v.Get("metric"), Province: v.Get("province")}
	cd.Year, _ = strconv.ParseInt(v.Get("year"), 10, 64)
	var err error
	ms, err := s.query(ctx, `SELECT code, label_vi, unit FROM metric_catalog WHERE unit IN ('count', 'percent', 'vnd') ORDER BY rowid`)
	if err != nil {
		return err
	}
	units := map[string]string{}
	labels := map[string]string{}
	for _, m := range ms {
		cd.Metrics = append(cd.Metrics, option{m.Str("code"), m.Str("label_vi")})
		units[m.Str("code")] = m.Str("unit")
		labels[m.Str("code")] = m.Str("label_vi")
	}
	if cd.Provinces, err = s.provinces(ctx); err != nil {
		return err
	}
	if cd.Years, err = s.years(ctx); err != nil {
		return err
	}
	if !slices.Contains(cd.Years, cd.Year) && len(cd.Years) > 0 {
		cd.Year = cd.Years[0]
	}
	if _, ok := units[cd.Metric]; !ok && len(cd.Metrics) > 0 {
		cd.Metric = cd.Metrics[0].Value // the catalog's first metric
	}
	if cd.Province != "" {
		if err := s.provinceCharts(r, cd, units); err != nil {
			return err
		}
		return s.render(w, "charts", "Biểu đồ", "charts", cd)
	}
	rs, err := s.query(ctx, `SELECT v.province_code, v.province_name, v.value, min(v.rowid_) AS id FROM (
	SELECT l.province_code, l.province_name, m.value, m.id AS rowid_
	FROM latest_documents l JOIN metrics m ON m.document_id = l.document_id
	WHERE l.year = ? AND m.metric = ?
) v GROUP BY v.province_code ORDER BY v.value DESC`, cd.Year, cd.Metric)
	if err != nil {
		return err
	}
	var bars []bar
	for _, x := range rs {
		f, ok := x.Float("value")
		if !ok {
			continue
		}
		bars = append(bars, bar{Label: x.Str("province_name"), V: f, Value: store.FormatValue(f, units[cd.Metric]),
			Href: fmt.Sprintf("/figure/%d", x.Int("id")), Hi: x.Str("province_code") == v.Get("hl")})
	}
	cd.Title = fmt.Sprintf("%s, năm %d", labels[cd.Metric], cd.Year)
	if len(bars) == 0 {
		cd.Note = "Không tỉnh nào có số liệu này trong năm đã chọn."
	} else {
		cd.Bars = hbars(bars)
	}
	return s.render(w, "charts", "Biểu đồ", "charts", cd)
}

// provinceCharts fills the small charts of a province's metrics over
// the years (latest report of each year).
func (s *Server) provinceCharts(r *http.Request, cd *chartsData, units map[string]string) error {
	rs, err := s.query(r.Context(), `SELECT l.year, l.province_name, m.metric, m.value, m.id, coalesce(c.label_vi, m.metric) AS label
FROM latest_documents l
JOIN metrics m ON m.id IN (SELECT min(id) FROM metrics WHERE document_id = l.document_id GROUP BY metric)
LEFT JOIN metric_catalog c ON c.code = m.metric
WHERE l.province_code = ? AND l.year IS NOT NULL
ORDER BY coalesce(c.rowid, 1e9), m.metric, l.year`, cd.Province)
	if err != nil {
		return err
	}
	byMetric := map[string][]bar{}
	var order []string
	label := map[string]string{}
	name := cd.Province
	for _, x := range rs {
		name = x.Str("province_name")
		m := x.Str("metric")
		u, ok := units[m]
		f, num := x.Float("value")
		if !ok || !num {
			continue
		}
		if _, seen := byMetric[m]; !seen {
			order = append(order, m)
		}
		label[m] = x.Str("label")
		byMetric[m] = append(byMetric[m], bar{Label: x.Str("year"), V: f, Value: store.FormatValue(f, u), Href: fmt.Sprintf("/figure/%d", x.Int("id"))})
	}
	cd.Title = "Các chỉ tiêu của " + name + " qua các năm"
	for _, m := range order {
		cd.Small = append(cd.Small, smallChart{Label: label[m], Metric: m, SVG: vbars(byMetric[m])})
	}
	if len(cd.Small) == 0 {
		cd.Note = "Tỉnh này chưa có số liệu nào."
	}
	return nil
}

// esc escapes text for SVG.
var esc = template.HTMLEscapeString

// hbars draws horizontal bars, one per province, with their values.
func hbars(bars []bar) template.HTML {
	const labelW, barW, valueW, rowH = 150.0, 480.0, 150.0, 20.0
	maxV := 0.0
	for _, b := range bars {
		maxV = math.Max(maxV, b.V)
	}
	h := rowH*float64(len(bars)) + 10
	var sb strings.Builder
	fmt.Fprintf(&sb, `<svg class="chart" role="img" width="%g" height="%g" viewBox="0 0 %g %g">`, labelW+barW+valueW, h, labelW+barW+valueW, h)
	fmt.Fprintf(&sb, `<line class="axis" x1="%g" y1="0" x2="%g" y2="%g"/>`, labelW, labelW, h-5)
	for i, b := range bars {
		y := float64(i)*rowH + 5
		w := 0.0
		if maxV > 0 {
			w = barW * b.V / maxV
		}
		cls := "bar"
		if b.Hi {
			cls += " hi"
		}
		fmt.Fprintf(&sb, `<a href="%s"><text x="%g" y="%g" text-anchor="end" font-size="12">%s</text>`, esc(b.Href), labelW-6, y+13, esc(b.Label))
		fmt.Fprintf(&sb, `<rect class="%s" x="%g" y="%g" width="%.1f" height="%g"><title>%s: %s</title></rect>`, cls, labelW, y+2, math.Max(w, 1), rowH-5, esc(b.Label), esc(b.Value))
		fmt.Fprintf(&sb, `<text x="%.1f" y="%g" font-size="12">%s</text></a>`, labelW+math.Max(w, 1)+5, y+13, esc(b.Value))
	}
	sb.WriteString(`</svg>`)
	return template.HTML(sb.String())
}

// vbars draws a small column chart of values over the years.
func vbars(bars []bar) template.HTML {
	const w, h, top, bottom = 300.0, 150.0, 18.0, 20.0
	maxV := 0.0
	for _, b := range bars {
		maxV = math.Max(maxV, b.V)
	}
	colW := w / float64(max(len(bars), 1))
	var sb strings.Builder
	fmt.Fprintf(&sb, `<svg class="chart" role="img" width="%g" height="%g" viewBox="0 0 %g %g">`, w, h, w, h)
	fmt.Fprintf(&sb, `<line class="axis" x1="0" y1="%g" x2="%g" y2="%g"/>`, h-bottom, w, h-bottom)
	for i, b := range bars {
		bh := 0.0
		if maxV > 0 {
			bh = (h - top - bottom) * b.V / maxV
		}
		x := float64(i)*colW + colW*0.15
		fmt.Fprintf(&sb, `<a href="%s"><rect class="bar" x="%.1f" y="%.1f" width="%.1f" height="%.1f"><title>%s: %s</title></rect>`,
			esc(b.Href), x, h-bottom-bh, colW*0.7, math.Max(bh, 1), esc(b.Label), esc(b.Value))
		fmt.Fprintf(&sb, `<text x="%.1f" y="%.1f" font-size="10" text-anchor="middle">%s</text>`, x+colW*0.35, h-bottom-bh-4, esc(b.Value))
		fmt.Fprintf(&sb, `<text x="%.1f" y="%g" font-size="11" text-anchor="middle">%s</text></a>`, x+colW*0.35, h-5, esc(b.Label))
	}
	sb.WriteString(`</svg>`)
	return template.HTML(sb.String())
}
