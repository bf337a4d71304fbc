package rules

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/baocao/baocao/corpus"
	"github.com/baocao/baocao/extract/text"
	"github.com/baocao/baocao/normalize"
)

// GeneratedTexts returns n synthetic reports (package rules/synth, which
// imports this package: the external test package sets it).
var GeneratedTexts func(n int) []string

// textDocs returns every text and Markdown report of the samples and the
// evaluation sets, and generated reports, normalized: the documents the
// gate tests check the fast paths on.
func textDocs(tb testing.TB) []*normalize.Doc {
	tb.Helper()
	var out []*normalize.Doc
	add := func(src string) {
		doc := text.Parse(src)
		doc.Format = corpus.Text
		out = append(out, normalize.Normalize(doc))
	}
	for _, dir := range []string{"samples", "eval", "eval-blind", "eval-real"} {
		files, _ := filepath.Glob(filepath.Join("..", "testdata", dir, "*"))
		for _, f := range files {
			if ext := filepath.Ext(f); ext != ".txt" && ext != ".md" || strings.HasSuffix(f, "README.md") || strings.HasSuffix(f, "SOURCES.md") {
				continue
			}
			b, err := os.ReadFile(f)
			if err != nil {
				tb.Fatal(err)
			}
			add(string(b))
		}
	}
	if GeneratedTexts == nil {
		tb.Fatal("no generator of synthetic reports (GeneratedTexts)")
	}
	for _, src := range GeneratedTexts(40) {
		add(src)
	}
	return out
}

// TestGatesAndStarts checks the fast paths of the sentence rules
// against the slow ones on every segment of every text document: the
// keyword sets give the gates that substring searches give, and trying
// a pattern anchored at its start literals finds exactly the matches a
// search from every position finds.
func TestGatesAndStarts(t *testing.T) {
	c := compileFamilies()
	docs := textDocs(t)
	withStarts := 0
	for _, r := range c.rules {
		if r.starts != nil {
			withStarts++
		}
	}
	t.Logf("%d documents; %d of %d rules have start literals", len(docs), withStarts, len(c.rules))
	segments, tried := 0, 0
	for _, doc := range docs {
		segs := Segments(doc)
		for i := range segs {
			s := &segs[i]
			segments++
			if s.lower != unleader(strings.ToLower(s.Text)) {
				t.Fatalf("lower case of %q is %q", s.Text, s.lower)
			}
			for _, g := range c.groups {
				if g.words != nil && s.kw.hasAny(g.wordIDs) != containsAny(s.lower, g.words...) {
					t.Errorf("family gate %v on %q: keyword set says %v", g.words, s.lower, s.kw.hasAny(g.wordIDs))
				}
			}
			for _, r := range c.rules {
				gate := s.kw.hasAll(r.gate)
				if want := passesGate(s.lower, r.literals); gate != want {
					t.Errorf("rule %s gate on %q: keyword set says %v, substrings %v", r.ID, s.lower, gate, want)
				}
				if len(s.lower) != len(s.Text) {
					continue
				}
				r.regexps()
				want := search(r).FindAllStringSubmatchIndex(s.lower, -1)
				if want != nil && !gate && (r.require == nil || r.require.MatchString(s.lower)) {
					// The gate holds Require's literals too.
					t.Errorf("rule %s matches %q, which its gate rejects", r.ID, s.lower)
				}
				if r.figureFirst {
					// Tried in windows, and on the whole rest of the
					// text: the same matches.
					got := r.findAll(r.anchored, s.lower, true, s.hits, s.costly())
					cost := r.cost
					r.cost = -1
					whole := r.findAll(r.anchored, s.lower, true, s.hits, s.costly())
					r.cost = cost
					if !slices.EqualFunc(got, whole, slices.Equal) {
						t.Errorf("rule %s on %q: in windows %v, on the whole text %v", r.ID, s.lower, got, whole)
					}
				}
				if r.starts == nil {
					continue
				}
				tried++
				got := r.findAt(s.lower, s.hits, s.costly())
				if !slices.EqualFunc(got, want, slices.Equal) {
					t.Errorf("rule %s on %q: anchored at its starts %v, searched %v", r.ID, s.lower, got, want)
				}
			}
		}
	}
	t.Logf("%d segments, %d rule runs compared", segments, tried)
}

// searches holds each rule's pattern compiled to search from every
// position, which the tests compare the anchored tries with.
var searches sync.Map

// search returns r's pattern compiled to search from every position.
func search(r *Rule) *regexp.Regexp {
	r.regexps()
	if re, ok := searches.Load(r); ok {
		return re.(*regexp.Regexp)
	}
	re := regexp.MustCompile(r.src)
	searches.Store(r, re)
	return re
}

// TestStartLiterals checks the start literals derived from patterns.
func TestStartLiterals(t *testing.T) {
	tests := []struct {
		pattern string
		want    []string
	}{
		{`(?:cung cấp|công bố)\s*{N}`, []string{"cung cấp", "công bố"}},
		{`tổng(?: số| cộng)?\s*x`, []string{"tổng"}},
		{`(?:tổng\s*)?số\s*máy`, []string{"tổng", "số"}},
		{`[(,;]\s*tỉnh`, []string{"(", ",", ";"}}, // a clause's punctuation
		{`(?:^|[(,;]\s*)tỉnh`, []string{"(", ",", ";", "tỉnh"}},
		{`\s*tỉnh`, nil},      // a space: too frequent to be worth a keyword
		{`(?:^|, )tỉnh`, nil}, // an assertion at the start
		{`\bsoc\b`, nil},      // likewise
		{`(?:số )?`, nil},     // matches the empty string
		{`\d+ hồ sơ`, nil},    // a class of ten
		{`.{0,3}hồ sơ`, nil},  // any character
		{`bộ (?:tthc|thủ tục)`, []string{"bộ tthc", "bộ thủ tục"}},
	}
	for _, tt := range tests {
		got := startLiterals(lowerPattern(expandMacros(tt.pattern)))
		slices.Sort(got)
		want := slices.Clone(tt.want)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("startLiterals(%q) = %q, want %q", tt.pattern, got, want)
		}
	}
}

// TestRulesCompile compiles every rule's regular expressions, which
// Apply compiles only when a rule first runs, and checks that the
// literals read from a rule's sketch (its figures' macros left out) are
// those of its whole pattern.
func TestRulesCompile(t *testing.T) {
	c := compileFamilies()
	for _, r := range c.rules {
		r.regexps()
		r.fold()
		full := requiredLiterals(r.src)
		if r.Require != "" {
			full = append(full, requiredLiterals(r.require.String())...)
		}
		if !slices.EqualFunc(full, r.literals, slices.Equal) {
			t.Errorf("rule %s: literals %q, from the whole pattern %q", r.ID, r.literals, full)
		}
		re, err := syntax.Parse(r.src, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		if next, _ := nextAnchor(re); !slices.Equal(next, r.next) {
			t.Errorf("rule %s: next anchor %q, from the whole pattern %q", r.ID, r.next, next)
		}
		if !r.figureFirst {
			if got := startLiterals(r.src); !slices.Equal(got, r.starts) {
				t.Errorf("rule %s: starts %q, from the whole pattern %q", r.ID, r.starts, got)
			}
		}
	}
	for _, r := range c.context {
		r.compile()
	}
}

// TestWindow checks the cost of patterns and the windows cut by it.
func TestWindow(t *testing.T) {
	costs := []struct {
		pattern string
		want    int
	}{
		{`abc`, 3},
		{`\d+(?:[.,]\d+)?\s*`, 0},
		{`(?:hơn|trên)?\s*\d+`, 4},
		{`x[^.;:()]{0,60}?y`, 62},
		{`x[^:]*y`, -1},
		{`(?:ab|c)$`, 2},
	}
	for _, c := range costs {
		re, err := syntax.Parse(c.pattern, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		if got := maxCost(re); got != c.want {
			t.Errorf("maxCost(%q) = %d, want %d", c.pattern, got, c.want)
		}
	}
	windows := []struct {
		text     string
		st, cost int
		want     string
	}{
		{"có 1.543 thủ tục", 0, 2, "có 1.543 t"},
		{"có 1.543 thủ tục", 4, 0, "1.543 t"},
		{"có 1.543", 0, 5, "có 1.543"},
		{"abc", 0, -1, "abc"},
	}
	for _, w := range windows {
		if got := window(w.text, costlyEnds(w.text), w.st, w.cost); got != w.want {
			t.Errorf("window(%q, %d, %d) = %q, want %q", w.text, w.st, w.cost, got, w.want)
		}
	}
}

// TestKeywordScan checks the automaton's hits against strings.Index on
// random words and texts, overlapping and nested words included.
func TestKeywordScan(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 2))
	letters := []rune("aăđ ")
	word := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteRune(letters[rnd.IntN(len(letters))])
		}
		return b.String()
	}
	for range 2000 {
		var k keywords
		for range 1 + rnd.IntN(8) {
			k.id(word(1 + rnd.IntN(9)))
		}
		k.build()
		text := word(rnd.IntN(60))
		var want []hit
		for id, w := range k.words {
			for i := 0; ; {
				j := strings.Index(text[i:], w)
				if j < 0 {
					break
				}
				want = append(want, hit{int32(id), int32(i + j), int32(i + j + len(w))})
				i += j + 1
			}
		}
		got := k.scan(text)
		// In order of their ends, at one end the longest first (a word
		// and the shorter ones that end it).
		slices.SortFunc(want, func(a, b hit) int {
			if a.end != b.end {
				return int(a.end - b.end)
			}
			return int(a.start - b.start)
		})
		if !slices.Equal(got, want) {
			t.Fatalf("words %q in %q: hits %v, want %v", k.words, text, got, want)
		}
	}
}

// TestFolded checks a folded expression's gate against the expression
// on titles in several cases.
func TestFolded(t *testing.T) {
	re := regexp.MustCompile(`(?i)` + planTitleRe.pattern)
	for _, s := range []string{"III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2022", "Phương hướng", "KẾ HOẠCH NĂM 2022", "Nhiệm vụ và giải pháp năm 2022", "Kết quả thực hiện", "MỤC TIÊU", "Đề xuất, kiến nghị", "Ke hoach", "", "NHIỆM VỤ THỜI GIAN TỚI", "Mục Tiêu ſ"} {
		if got, want := planTitleRe.MatchString(s), re.MatchString(s); got != want {
			t.Errorf("planTitleRe on %q: %v, the expression says %v", s, got, want)
		}
	}
	for _, doc := range textDocs(t)[:40] {
		for _, p := range doc.Paras {
			for _, title := range p.Sections {
				if got, want := planTitleRe.MatchString(title), re.MatchString(title); got != want {
					t.Errorf("planTitleRe on %q: %v, the expression says %v", title, got, want)
				}
			}
		}
	}
}

// TestStartRegexps checks the expressions tried at their start literals
// (normalize.Searcher, localUnits) against a search from every position,
// on every third segment of every text document (as they are and
// in lower case) and on texts that start, end or break in odd places.
func TestStartRegexps(t *testing.T) {
	texts := []string{"", "riêng", "Riêng huyện Ea Kar", ", riêng tp. Buôn Ma Thuột 12", "(thành phố Kon Tum)", "THÀNH PHỐ Kon Tum",
		"toàn tỉnh", "xtoàn tỉnh", "12 sở, ngành", "1/2 sở ngành cấp tỉnh", "12/15 sở, ban, ngành", "các sở, ngành, địa phương",
		"\u00e0toàn quốc", "cả nước và các bộ, ngành", "tỉnh đã cung cấp", ";  tỉnh đang", "x, tỉnh có", "huyện Ea H'Leo"}
	// Every third segment of every document: the expressions are many.
	k := 0
	for _, doc := range textDocs(t) {
		for _, s := range Segments(doc) {
			if k++; k%3 == 0 {
				texts = append(texts, s.Text, s.lower)
			}
		}
	}
	withStarts := 0
	all := slices.Clone(startRegexps)
	for _, g := range gatedRegexps {
		all = append(all, g.regexp())
	}
	// The guards of the rules and the patterns of the context rules:
	// MatchString is all they use.
	var guards []*normalize.Searcher
	c := compileFamilies()
	for _, r := range c.rules {
		r.regexps()
		guards = append(guards, r.require, r.reject, r.rejectSeg, r.notBefore, r.rejectNear)
	}
	for _, r := range c.context {
		r.compile()
		guards = append(guards, r.label, r.noun, r.notLabel, r.notNear, r.para, r.head, r.notHead)
	}
	guards = slices.DeleteFunc(guards, func(re *normalize.Searcher) bool { return re == nil })
	for _, re := range guards {
		for i := 0; i < len(texts); i += 2 { // a gate only: a sample is enough
			s := texts[i]
			if got, want := re.MatchString(s), re.Regexp().MatchString(s); got != want {
				t.Fatalf("%s on %q: %v, the search from every position %v", re, s, got, want)
			}
		}
	}
	for _, re := range all {
		if re.Starts() != nil {
			withStarts++
		}
		for _, s := range texts {
			if got, want := re.MatchString(s), re.Regexp().MatchString(s); got != want {
				t.Fatalf("%s on %q: matches %v, the search from every position %v", re, s, got, want)
			}
			if got, want := re.FindAllStringIndex(s, -1), re.Regexp().FindAllStringIndex(s, -1); !slices.EqualFunc(got, want, slices.Equal) {
				t.Fatalf("%s on %q: %v, the search from every position %v", re, s, got, want)
			}
			if got, want := re.FindStringIndex(s), re.Regexp().FindStringIndex(s); !slices.Equal(got, want) {
				t.Fatalf("%s on %q: first %v, the search from every position %v", re, s, got, want)
			}
		}
	}
	for _, s := range texts {
		if got, want := localUnits(s, toLower(s)), localUnitAllRe.Regexp().FindAllStringSubmatchIndex(s, -1); !slices.EqualFunc(got, want, slices.Equal) {
			t.Fatalf("localUnits on %q: %v, the search from every position %v", s, got, want)
		}
	}
	t.Logf("%d texts; %d of %d expressions tried at start literals; %d guards", len(texts), withStarts, len(all), len(guards))
}
