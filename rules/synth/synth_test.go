package synth

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/baocao/baocao/rules"
	"github.com/baocao/baocao/rules/report"
)

func testGenerator(t testing.TB, pages int) *Generator {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "..", "testdata", "synth", "provinces-63-until-2025-06-30.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ps, err := ReadProvincesCSV(f)
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 63 {
		t.Fatalf("%d provinces", len(ps))
	}
	return &Generator{Provinces: ps, Pages: pages}
}

// TestGoldInText checks that every gold figure's evidence is in the text
// and holds the figure, and that planted flags are recorded.
func TestGoldInText(t *testing.T) {
	gen := testGenerator(t, 0)
	seen := map[string]bool{}
	flags, cities, newTerms := 0, 0, 0
	for i := range 300 {
		rng := rand.New(rand.NewPCG(1, uint64(i)))
		r := gen.Generate(rng, i)
		text := r.Text()
		if !norm.NFC.IsNormalString(text) {
			t.Fatalf("%s: text is not NFC", r.Name)
		}
		if strings.Contains(text, "[[") || strings.Contains(text, "{") {
			t.Fatalf("%s: template markup left in text:\n%s", r.Name, text)
		}
		if r.Gold.Document != r.Name || r.Gold.Year < 2019 || r.Gold.Year > 2024 || r.Gold.ProvinceCode == "" {
			t.Fatalf("%s: gold header %+v", r.Name, r.Gold)
		}
		if !strings.Contains(text, r.Gold.Province) {
			t.Errorf("%s: province %s not in text", r.Name, r.Gold.Province)
		}
		for _, m := range r.Gold.Metrics {
			seen[m.Metric] = true
			if !strings.Contains(text, m.Evidence) {
				t.Errorf("%s: %s evidence %q not in text", r.Name, m.Metric, m.Evidence)
			}
			if m.Value.Kind == report.Number && m.Metric != "payment.amount_vnd" && !strings.HasPrefix(m.Metric, "budget.") {
				if v := m.Value.Num; !hasNumber(m.Evidence, v) {
					t.Errorf("%s: %s = %v not in evidence %q", r.Name, m.Metric, v, m.Evidence)
				}
			}
		}
		byCode := map[string]rules.GoldMetric{}
		for _, m := range r.Gold.Metrics {
			if _, dup := byCode[m.Metric]; dup {
				t.Errorf("%s: %s twice in gold", r.Name, m.Metric)
			}
			byCode[m.Metric] = m
		}
		for _, f := range r.Gold.Flags {
			flags++
			m, ok := byCode[f.About]
			if !ok || m.Value.Num != f.Stated || f.Stated == f.Computed {
				t.Errorf("%s: flag %+v does not match a stated figure", r.Name, f)
			}
		}
		checkRelations(t, r, byCode)
		if strings.Contains(text, "cấp quận, huyện") {
			cities++
		}
		if strings.Contains(text, "toàn trình") && r.Gold.Year >= 2022 {
			newTerms++
		}
		if r.Gold.Year < 2022 && strings.Contains(text, "DVCTT toàn trình:") {
			t.Errorf("%s: post-2022 term in a %d report", r.Name, r.Gold.Year)
		}
	}
	if flags == 0 || cities == 0 || newTerms == 0 {
		t.Errorf("flags %d, city reports %d, post-2022 wording %d: want some of each", flags, cities, newTerms)
	}
	if len(seen) < 45 {
		t.Errorf("only %d metrics ever generated", len(seen))
	}
}

// checkRelations verifies that stated totals equal their stated parts,
// and stated rates the rate of their stated figures, as the rules'
// relations say, unless the gold records a flag about them.
func checkRelations(t *testing.T, r Report, by map[string]rules.GoldMetric) {
	flagged := map[string]bool{}
	for _, f := range r.Gold.Flags {
		flagged[f.About] = true
	}
	num := func(c string) (float64, bool) {
		m, ok := by[c]
		return m.Value.Num, ok && m.Value.Kind == report.Number
	}
	for _, rel := range rules.Relations() {
		if rel.Kind != rules.Sum && rel.Kind != rules.Difference && rel.Kind != rules.Ratio {
			continue
		}
		total, ok := num(rel.Whole)
		if !ok || flagged[rel.Whole] {
			continue
		}
		want, all := 0.0, true
		for _, c := range rel.Terms {
			v, has := num(strings.TrimPrefix(c, "-"))
			if !has {
				all = false
				break
			}
			if strings.HasPrefix(c, "-") {
				v = -v
			}
			want += v
		}
		if !all {
			continue
		}
		for _, c := range rel.Optional {
			if v, has := num(c); has {
				want += v
			}
		}
		if rel.Kind == rules.Ratio {
			d, has := num(rel.Den)
			if !has || d == 0 {
				continue
			}
			want = round(want/d*100, 2)
		}
		if want != total {
			t.Errorf("%s: %s = %v, its figures give %v, no flag", r.Name, rel.Whole, total, want)
		}
	}
}

var numRE = regexp.MustCompile(`\d+(?:[.,]\d+)*`)

// hasNumber reports whether text holds v written in a Vietnamese style
// ("1.249", "46,14", "96.1", "04", "1040").
func hasNumber(text string, v float64) bool {
	for _, m := range numRE.FindAllString(text, -1) {
		cands := []string{
			strings.ReplaceAll(strings.ReplaceAll(m, ".", ""), ",", "."), // 1.249,5
			strings.ReplaceAll(m, ",", ""),                               // 96.1
		}
		for _, c := range cands {
			if f, err := strconv.ParseFloat(c, 64); err == nil && math.Abs(f-v) < 1e-9 {
				return true
			}
		}
	}
	return false
}

func TestDistinct(t *testing.T) {
	gen := testGenerator(t, 0)
	seen := map[string]bool{}
	for i := range 200 {
		r := gen.Generate(rand.New(rand.NewPCG(7, 7)), i) // same rng state, different i
		text := r.Text()
		if seen[text] {
			t.Fatalf("report %d repeats an earlier one", i)
		}
		seen[text] = true
	}
}

func TestPages(t *testing.T) {
	gen := testGenerator(t, 10)
	r := gen.Generate(rand.New(rand.NewPCG(1, 2)), 1)
	if n := len(r.Text()); n < 10*2800 {
		t.Errorf("10-page report has %d bytes of text", n)
	}
}

func TestWriteDOCX(t *testing.T) {
	gen := testGenerator(t, 0)
	var r Report
	for i := 0; ; i++ { // find a report with a footnote and a table
		r = gen.Generate(rand.New(rand.NewPCG(3, uint64(i))), i)
		hasTable := false
		for _, b := range r.Blocks {
			hasTable = hasTable || b.Kind == Table
		}
		if len(r.Footnotes) > 0 && hasTable {
			break
		}
	}
	var buf bytes.Buffer
	if err := WriteDOCX(&buf, &r); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string]string{}
	for _, f := range zr.File {
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		parts[f.Name] = string(b)
	}
	doc, notes := parts["word/document.xml"], parts["word/footnotes.xml"]
	if !strings.Contains(doc, "<w:tbl>") || !strings.Contains(doc, "Tổng cộng") || !strings.Contains(doc, "<w:footnoteReference") {
		t.Error("document.xml lacks a table, a Tổng cộng row or a footnote reference")
	}
	if !strings.Contains(notes, r.Footnotes[0].Text[:20]) {
		t.Error("footnotes.xml lacks the footnote text")
	}
	for _, p := range []string{"[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels"} {
		if parts[p] == "" {
			t.Errorf("no %s", p)
		}
	}
	for name, content := range parts {
		if err := xmlWellFormed(content); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestWritePDF(t *testing.T) {
	const font = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
	if _, err := os.Stat(font); err != nil {
		t.Skipf("no DejaVu font (%v): apt-get install fonts-dejavu-core", err)
	}
	gen := testGenerator(t, 3)
	r := gen.Generate(rand.New(rand.NewPCG(5, 5)), 5)
	var buf bytes.Buffer
	if err := WritePDF(&buf, &r, font); err != nil {
		t.Fatal(err)
	}
	b := buf.Bytes()
	if !bytes.HasPrefix(b, []byte("%PDF-")) || !bytes.Contains(b, []byte("/FontFile2")) || bytes.Count(b, []byte("/Type /Page\n")) < 3 {
		t.Errorf("PDF of %d bytes lacks header, embedded TrueType or 3 pages", len(b))
	}
	if err := WritePDF(io.Discard, &r, "/nonexistent/font.ttf"); err == nil {
		t.Error("missing font: no error")
	}
}

func TestGoldJSON(t *testing.T) {
	gen := testGenerator(t, 0)
	r := gen.Generate(rand.New(rand.NewPCG(9, 9)), 9)
	b, err := json.Marshal(r.Gold)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	json.Unmarshal(b, &m)
	for _, k := range []string{"document", "province", "province_code", "year", "metrics", "budget_items", "flags", "optional_flags", "must_not_flag"} {
		if _, ok := m[k]; !ok {
			t.Errorf("gold JSON lacks %q", k)
		}
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{"Đắk Lắk": "dak-lak", "Hồ Chí Minh": "ho-chi-minh", "Bà Rịa - Vũng Tàu": "ba-ria-vung-tau", "Thừa Thiên Huế": "thua-thien-hue"} {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}
