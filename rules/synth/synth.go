// Package synth makes synthetic province reports on digital government
// and information security, with their gold figures, for benchmarks and
// for evaluating extraction.
//
// # Model
//
// [Generate] draws one [Report] from a random source: a province and a
// year, a set of figures that are internally consistent (parts add up
// to their totals; stated rates are the parts over the whole, rounded),
// and text written from templates in the styles provinces use: figures
// before or after their nouns, "TTHC" or "thủ tục hành chính", "tỷ lệ"
// or "tỉ lệ", the post-2022 terms ("toàn trình", "một phần") for
// reports from 2022 on, the levels of centrally run cities, counts in
// parentheses, lists separated by ";", a table with a "Tổng cộng" row,
// footnotes, and distractors (plans, sector counts, national portal
// counts, dates and document numbers). Some reports carry a planted
// inconsistency, which the gold records as a flag.
//
// A template marks the figures it states as [[code|text with {code}]];
// the marked text, with the figure formatted, becomes the gold evidence.
// Only the figures a report states are in its gold.
//
// What the generator knows about particular metrics is in content.go:
// which figures a report has, their plausible ranges, the templates and
// the layout. What holds between the figures is not repeated here: the
// sums, differences and rates are the relations the rules check
// (rules.Relations), the units are the catalog's (rules.Lookup), and the
// gold is the type the evaluation reads (rules.Gold). The package sits
// under rules because it imports them.
//
// The writers in this package turn a Report into UTF-8 text, DOCX
// (WordprocessingML with a table and real footnotes) or PDF (with a
// TrueType font that covers Vietnamese).
//
// # Limits
//
// The reports are plausible, not real: the wording comes from a fixed
// set of templates, so an extractor tuned to them will score better
// here than on real reports. Budget tables, SOC status and the long
// tail of report sections are simplified. The PDF is laid out by a
// simple writer: one column, no hyphenation, footnotes at the end.
package synth

import (
	"fmt"
	"math"
	"math/rand/v2"
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/baocao/baocao/rules"
	"github.com/baocao/baocao/rules/report"
)

// Province is a province-level unit: GSO code, name, and whether it is
// a centrally run city (thành phố trực thuộc trung ương), whose levels
// are city, district (quận, huyện) and ward (phường, xã).
type Province struct {
	Code string
	Name string
	City bool
}

// BlockKind is the kind of a [Block].
type BlockKind int

// The kinds of block.
const (
	Heading BlockKind = iota
	Paragraph
	Table
)

// Block is a heading, a paragraph or a table of a report body.
type Block struct {
	Kind BlockKind
	// Text is the text of a heading or paragraph.
	Text string
	// Rows are a table's rows of cells; the first row is the header.
	Rows [][]string
	// Footnote is the id of a footnote referenced at the end of the
	// paragraph, or "".
	Footnote string
}

// Footnote is a footnote's id and text.
type Footnote struct {
	ID   string
	Text string
}

// Report is a generated report: its body, footnotes and gold.
type Report struct {
	// Name is the file stem, as "ha-noi-2023-00042".
	Name      string
	Blocks    []Block
	Footnotes []Footnote
	// Gold is the report's truth, in the format of the hand-checked gold
	// files (rules.Gold): the figures it states, its budget items, the
	// inconsistencies planted in it and the relations it states that hold.
	Gold rules.Gold
}

// Text returns the report as plain text: headings and paragraphs one
// per line with a blank line between, tables as rows of cells separated
// by " | ", and footnotes at the end, each marked as ⁽N⁾.
func (r *Report) Text() string {
	var b strings.Builder
	for _, bl := range r.Blocks {
		switch bl.Kind {
		case Table:
			for _, row := range bl.Rows {
				b.WriteString(strings.Join(row, " | "))
				b.WriteByte('\n')
			}
		default:
			b.WriteString(bl.Text)
			if bl.Footnote != "" {
				b.WriteString(superscript(bl.Footnote))
			}
			b.WriteByte('\n')
		}
		b.WriteByte('\n')
	}
	for _, fn := range r.Footnotes {
		b.WriteString(superscript(fn.ID) + " " + fn.Text + "\n")
	}
	return b.String()
}

// superscript writes a footnote id as ⁽N⁾.
func superscript(id string) string {
	const sup = "⁰¹²³⁴⁵⁶⁷⁸⁹"
	digits := []rune(sup)
	var b strings.Builder
	b.WriteString("⁽")
	for _, c := range id {
		if c >= '0' && c <= '9' {
			b.WriteRune(digits[c-'0'])
		}
	}
	b.WriteString("⁾")
	return b.String()
}

// Slug returns name in lower-case ASCII with hyphens: "Đắk Lắk" →
// "dak-lak".
func Slug(name string) string {
	var b strings.Builder
	dash := false
	for _, c := range norm.NFD.String(name) {
		switch {
		case unicode.Is(unicode.Mn, c):
			continue
		case c == 'đ' || c == 'Đ':
			c = 'd'
		}
		c = unicode.ToLower(c)
		if c < 128 && (unicode.IsLetter(c) || unicode.IsDigit(c)) {
			b.WriteRune(c)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// style is how one report writes numbers and words.
type style struct {
	tthcShort  bool   // "TTHC" rather than "thủ tục hành chính"
	tiLe       string // "tỷ lệ" or "tỉ lệ"
	pctDot     bool   // "96.1%" rather than "96,1%"
	noSepSmall bool   // "1040" rather than "1.040" for numbers < 10 000
	zeroPad    bool   // "04" rather than "4"
}

// fmtInt formats n with "." between thousands.
func (s style) fmtInt(n int64) string {
	neg := n < 0
	if neg {
		n = -n
	}
	d := fmt.Sprint(n)
	if !(s.noSepSmall && n < 10000) {
		for i := len(d) - 3; i > 0; i -= 3 {
			d = d[:i] + "." + d[i:]
		}
	}
	if neg {
		d = "-" + d
	}
	return d
}

// fmtDec formats v with up to prec decimals, a decimal comma (or dot in
// pctDot style) and thousands dots.
func (s style) fmtDec(v float64, prec int, dot bool) string {
	str := fmt.Sprintf("%.*f", prec, v)
	intPart, frac, _ := strings.Cut(str, ".")
	frac = strings.TrimRight(frac, "0")
	var n int64
	fmt.Sscan(intPart, &n)
	out := s.fmtInt(n)
	if frac != "" {
		if dot {
			out += "." + frac
		} else {
			out += "," + frac
		}
	}
	return out
}

func round(v float64, prec int) float64 {
	p := math.Pow(10, float64(prec))
	return math.Round(v*p) / p
}

// fig is a figure the report may state.
type fig struct {
	v    float64
	unit string // count, percent, vnd, status, bool
	str  string // status
	b    bool   // bool
	// text overrides the formatted value (money in words and the like).
	text string
	qual string
}

// gen holds the state of one report being generated.
type gen struct {
	rng    *rand.Rand
	pages  int
	p      Province
	year   int
	st     style
	figs   map[string]*fig
	stated map[string]bool
	gold   []rules.GoldMetric
	blocks []Block
	notes  []Footnote
	budget []rules.GoldBudgetItem
	// planted holds the relations made inconsistent, by the metric
	// they are about.
	planted map[string]bool
}

var spanRE = regexp.MustCompile(`\[\[([a-z0-9_.]+)(?:~([a-z]+))?\|([^\]]*)\]\]`)
var phRE = regexp.MustCompile(`\{([a-z0-9_]+\.[a-z0-9_.]+)\}`)

// value formats a figure for the text.
func (g *gen) value(code string) string {
	f := g.figs[code]
	if f == nil {
		panic("synth: no figure " + code)
	}
	if f.text != "" {
		return f.text
	}
	switch f.unit {
	case "percent":
		return g.st.fmtDec(f.v, 2, g.st.pctDot)
	default:
		if g.st.zeroPad && f.v < 10 {
			return fmt.Sprintf("%02d", int64(f.v))
		}
		return g.st.fmtInt(int64(f.v))
	}
}

// expand renders a template: it replaces {code} with figures and
// [[code|text]] with text, recording text as the evidence of code.
func (g *gen) expand(tmpl string) string {
	tmpl = strings.ReplaceAll(tmpl, "{tile}", g.st.tiLe)
	tmpl = strings.ReplaceAll(tmpl, "{Tile}", strings.ToUpper(g.st.tiLe[:1])+g.st.tiLe[1:])
	tmpl = strings.ReplaceAll(tmpl, "{tthc}", g.tthcWord())
	tmpl = strings.ReplaceAll(tmpl, "{year}", fmt.Sprint(g.year))
	tmpl = strings.ReplaceAll(tmpl, "{prev}", fmt.Sprint(g.year-1))
	tmpl = strings.ReplaceAll(tmpl, "{next}", fmt.Sprint(g.year+1))
	tmpl = strings.ReplaceAll(tmpl, "{province}", g.unitName())
	unit := "tỉnh"
	if g.p.City {
		unit = "thành phố"
	}
	tmpl = strings.ReplaceAll(tmpl, "{unit}", unit)
	tmpl = strings.ReplaceAll(tmpl, "{Unit}", strings.ToUpper(unit[:1])+unit[1:])
	sub := func(s string) string {
		return phRE.ReplaceAllStringFunc(s, func(m string) string {
			return g.value(m[1 : len(m)-1])
		})
	}
	out := spanRE.ReplaceAllStringFunc(tmpl, func(m string) string {
		sm := spanRE.FindStringSubmatch(m)
		text := sub(sm[3])
		g.state(sm[1], sm[2], text)
		return text
	})
	return sub(out)
}

// state records that the report states code, with evidence.
func (g *gen) state(code, qual, evidence string) {
	if g.stated[code] {
		return
	}
	f := g.figs[code]
	if qual == "" {
		qual = f.qual
	}
	m := rules.GoldMetric{Metric: code, Evidence: evidence, Qualifier: qual}
	switch f.unit {
	case "status":
		m.Value = report.Str(f.str)
	case "bool":
		m.Value = report.BoolValue(f.b)
	default:
		m.Value = report.Num(f.v)
	}
	g.stated[code] = true
	g.gold = append(g.gold, m)
}

// uses returns the figure codes a template states or mentions.
func uses(tmpl string) []string {
	var codes []string
	for _, m := range phRE.FindAllStringSubmatch(tmpl, -1) {
		codes = append(codes, m[1])
	}
	return codes
}

// usable reports whether every figure tmpl mentions exists, and every
// figure of required that exists is mentioned (so that stated parts add
// up to stated totals).
func (g *gen) usable(tmpl string, required []string) bool {
	used := map[string]bool{}
	for _, c := range uses(tmpl) {
		if g.figs[c] == nil {
			return false
		}
		used[c] = true
	}
	for _, c := range required {
		if g.figs[c] != nil && !used[c] {
			return false
		}
	}
	if strings.Contains(tmpl, "@city") != g.p.City && (strings.Contains(tmpl, "@city") || strings.Contains(tmpl, "@province")) {
		return false
	}
	if strings.Contains(tmpl, "@new") && g.year < 2022 || strings.Contains(tmpl, "@old") && g.year >= 2022 {
		return false
	}
	return true
}

// pick chooses a usable template from ts and expands it, or returns "".
func (g *gen) pick(ts []string, required ...string) string {
	var ok []string
	for _, t := range ts {
		if g.usable(t, required) {
			ok = append(ok, t)
		}
	}
	if len(ok) == 0 {
		return ""
	}
	t := ok[g.rng.IntN(len(ok))]
	for _, tag := range []string{"@city ", "@province ", "@new ", "@old "} {
		t = strings.ReplaceAll(t, tag, "")
	}
	return g.expand(t)
}

func (g *gen) tthcWord() string {
	if g.st.tthcShort {
		return "TTHC"
	}
	return "thủ tục hành chính"
}

// unitName is "tỉnh Đắk Lắk" or "thành phố Hà Nội".
func (g *gen) unitName() string {
	if g.p.City {
		return "thành phố " + g.p.Name
	}
	return "tỉnh " + g.p.Name
}

func (g *gen) para(text string) {
	if text != "" {
		g.blocks = append(g.blocks, Block{Kind: Paragraph, Text: text})
	}
}

func (g *gen) heading(text string) {
	g.blocks = append(g.blocks, Block{Kind: Heading, Text: text})
}

// footnote attaches a footnote to the last paragraph.
func (g *gen) footnote(text string) {
	for i := len(g.blocks) - 1; i >= 0; i-- {
		if g.blocks[i].Kind == Paragraph && g.blocks[i].Footnote == "" {
			id := fmt.Sprint(len(g.notes) + 1)
			g.blocks[i].Footnote = id
			g.notes = append(g.notes, Footnote{ID: id, Text: text})
			return
		}
	}
}

func (g *gen) between(lo, hi int) float64 { return float64(lo + g.rng.IntN(hi-lo+1)) }

func (g *gen) chance(p float64) bool { return g.rng.Float64() < p }

// set sets a figure of the report, with the unit the catalog gives its
// metric. Codes starting with "x." are distractors, counts that are no
// metric.
func (g *gen) set(code string, v float64) *fig {
	unit := "count"
	if m, ok := rules.Lookup(code); ok {
		unit = m.Unit
	} else if !strings.HasPrefix(code, "x.") {
		panic("synth: " + code + " is not in the catalog")
	}
	f := &fig{v: v, unit: unit}
	g.figs[code] = f
	return f
}

// Generator makes reports.
type Generator struct {
	// Provinces are the units reports are about; it must not be empty.
	Provinces []Province
	// Pages is the approximate length of a report in A4 pages, reached
	// with filler paragraphs; 0 means no filler (about 2 pages).
	Pages int
}

// Generate makes report number i from rng. The same rng state and i
// give the same report; i is written into the report (as its document
// number), so reports with different i differ.
func (gn *Generator) Generate(rng *rand.Rand, i int) Report {
	g := &gen{
		rng:     rng,
		pages:   gn.Pages,
		p:       gn.Provinces[rng.IntN(len(gn.Provinces))],
		year:    2019 + rng.IntN(6),
		figs:    map[string]*fig{},
		stated:  map[string]bool{},
		planted: map[string]bool{},
	}
	g.st = style{
		tthcShort:  g.chance(0.5),
		tiLe:       []string{"tỷ lệ", "tỉ lệ"}[rng.IntN(2)],
		pctDot:     g.chance(0.2),
		noSepSmall: g.chance(0.15),
		zeroPad:    g.chance(0.3),
	}
	g.figures()
	g.moneyWords()
	g.write(i)
	name := fmt.Sprintf("%s-%d-%05d", Slug(g.p.Name), g.year, i)
	r := Report{
		Name:      name,
		Blocks:    g.blocks,
		Footnotes: g.notes,
		Gold: rules.Gold{
			Document:     name,
			Province:     g.p.Name,
			ProvinceCode: g.p.Code,
			Year:         g.year,
			Metrics:      g.gold,
			BudgetItems:  g.budget,
			Flags:        g.statedFlags(),
			Optional:     []rules.GoldFlag{},
			MustNotFlag:  g.mustNot(),
		},
	}
	if r.Gold.Metrics == nil {
		r.Gold.Metrics = []rules.GoldMetric{}
	}
	return r
}
