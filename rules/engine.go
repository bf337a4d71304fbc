package rules

import (
	"fmt"
	"math"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/baocao/baocao/extract"
	"github.com/baocao/baocao/normalize"
	"github.com/baocao/baocao/rules/report"
)

// Rule finds one metric in a segment of text (a sentence or a clause
// between semicolons).
//
// Pattern is a regular expression written with macros, expanded by
// [expandMacros]: {N} a count (with an optional qualifier word before it), {P}
// a percentage, {M} an amount of money, and vocabulary macros ({DVC},
// {L3}, {L4}, {PORTAL}, … in vocab.go; {TTHC}, {CERT}, … with their
// family) that cover the synonyms reports use. Matching ignores case.
// The figure is the macro's number.
//
// Guards refine what a match means: Require must match somewhere in the
// segment, Reject must not match the text of the match itself (with
// parenthesised asides removed), and RejectSeg must not match anywhere
// in the segment.
type Rule struct {
	ID       string
	Metric   string
	Priority int
	Pattern  string

	Require   string
	Reject    string
	RejectSeg string
	// RejectNear must not match the match with the 80 bytes around it:
	// a long sentence may speak of the national portal in another
	// clause without its other figures being about it.
	RejectNear string
	// NotBefore must not match the 50 bytes before the figure: "cấp
	// mới", "trong năm" before a certificate count make it new in the
	// year, not cumulative.
	NotBefore string
	// AllowPlan keeps matches in plan/target context (for SOC plans).
	AllowPlan bool

	family      string     // the rule's family (Family.Name)
	figureFirst bool       // the pattern starts with its figure
	literals    [][]string // what every match contains
	own         int        // literals[:own] are the pattern's, the rest Require's
	starts      []string   // what every match starts with (startLiterals), or nil
	next        []string   // the literals of the pattern's next anchor (nextAnchor), or nil
	nextIDs     []int      // their keyword ids
	nextCost    int        // how far from a match's start the next anchor starts
	// gate holds the keyword ids of literals: the rule runs only where
	// the segment holds one keyword of every set. startIDs are the ids
	// of starts.
	gate     [][]int
	startIDs []int

	// The regular expressions, compiled on first use: most rules never
	// run on a short report, and compiling them all cost more than
	// reading it.
	once                       sync.Once
	ready                      atomic.Bool    // once is done
	src                        string         // the pattern, macros expanded, in lower case
	re                         *regexp.Regexp // src, searched on Segment.lower where it is not tried anchored
	anchored                   *regexp.Regexp // re anchored at its start, tried where a match can start
	cost                       int            // maxCost of the pattern: how far from its start a match can read
	anchoredMid                *regexp.Regexp // anchored after one rune, for tries past offset 0 of a pattern with "^" in it
	onlyAt0                    bool           // the pattern starts with "^"
	require, reject, rejectSeg *normalize.Searcher
	notBefore, rejectNear      *normalize.Searcher
	foldOnce                   sync.Once
	reFold                     *regexp.Regexp // case-insensitive, on Segment.Text
}

// compile prepares a rule: the literals of its gates and starts, read
// from its pattern with the figures' macros left out (they hold no
// literal a gate uses), which is much cheaper than compiling it. The
// regular expressions are compiled by regexps.
func (r *Rule) compile() {
	r.figureFirst = strings.HasPrefix(r.Pattern, "{N}") || strings.HasPrefix(r.Pattern, "{P}") || strings.HasPrefix(r.Pattern, "{M}")
	sketch, err := syntax.Parse(lowerPattern(expandSketch(r.Pattern)), syntax.Perl)
	if err != nil {
		panic("rules: rule " + r.ID + ": " + err.Error())
	}
	if !r.figureFirst {
		r.starts = startsOf(sketch)
	}
	r.next, _ = nextAnchor(sketch)
	r.literals = requiredOf(sketch)
	r.own = len(r.literals)
	if r.Require != "" {
		// What Require needs gates the rule as well.
		r.literals = append(r.literals, requiredLiterals(lowerPattern(expandSketch(r.Require)))...)
	}
}

// regexps compiles the rule's regular expressions, once.
func (r *Rule) regexps() {
	r.once.Do(func() {
		defer r.ready.Store(true)
		r.src = lowerPattern(expandMacros(r.Pattern))
		if r.figureFirst || r.starts != nil {
			// A pattern that starts with its figure is tried only where a
			// figure starts, one that starts with a literal only where
			// that literal stands: cheaper than scanning every position.
			// It is not compiled to search from every position.
			r.anchored = regexp.MustCompile(`^(?:` + r.src + `)`)
			re, err := syntax.Parse(r.src, syntax.Perl)
			if err != nil {
				panic(err) // compiled above
			}
			r.cost = maxCost(re)
			_, r.nextCost = nextAnchor(re)
			switch {
			case re.Op == syntax.OpConcat && re.Sub[0].Op == syntax.OpBeginText || re.Op == syntax.OpBeginText:
				r.onlyAt0 = true // "^…": nothing but offset 0
			case hasBeginText(re):
				// A "^" in an alternative ("(?:^|[(,;]\s*)"): past
				// offset 0 the pattern is tried after the rune before
				// the offset, where "^" cannot hold, as in the search
				// from every position.
				r.anchoredMid = regexp.MustCompile(`^(?s:.)(?:` + r.src + `)`)
			}
		} else {
			r.re = regexp.MustCompile(r.src)
		}
		c := func(p string) *normalize.Searcher {
			if p == "" {
				return nil
			}
			return compileLower(p)
		}
		r.require, r.reject, r.rejectSeg = c(r.Require), c(r.Reject), c(r.RejectSeg)
		r.notBefore, r.rejectNear = c(r.NotBefore), c(r.RejectNear)
	})
}

// fold returns the rule's pattern compiled to match the original text,
// folding case, for segments whose lower-casing moved byte offsets.
func (r *Rule) fold() *regexp.Regexp {
	r.foldOnce.Do(func() { r.reFold = regexp.MustCompile(`(?i)` + expandMacros(r.Pattern)) })
	return r.reFold
}

// findAll returns the matches of re in text, like
// FindAllStringSubmatchIndex. For a figure-first pattern (on lower-case
// text) it tries only the positions where a number, or a qualifier word
// or two before it, starts.
func (r *Rule) findAll(re *regexp.Regexp, text string, lower bool, hits []hit, ends []int32) [][]int {
	if r.anchored == nil || !lower {
		return re.FindAllStringSubmatchIndex(text, -1)
	}
	if !r.figureFirst {
		return r.findAt(text, hits, ends)
	}
	var out [][]int
	end := 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c < '0' || c > '9' || i > 0 && (text[i-1] >= '0' && text[i-1] <= '9' || text[i-1] == '.' || text[i-1] == ',') {
			continue
		}
		// Candidate starts: two words back, one word back, the number.
		w1 := prevWord(text, i)
		w2 := prevWord(text, w1)
		for _, st := range []int{w2, w1, i} {
			if st < end || st > i || st < i && !isDigit(text[st]) && !qualifierAt(text[st:]) {
				// A match starts with its figure or the qualifier
				// phrase before it.
				continue
			}
			if loc := r.tryAt(text, ends, st, hits); loc != nil {
				for k := range loc {
					if loc[k] >= 0 {
						loc[k] += st
					}
				}
				out = append(out, loc)
				end = loc[1]
				break
			}
		}
	}
	return out
}

// findAt returns the matches of the rule in text (lower case), like
// FindAllStringSubmatchIndex, trying the pattern anchored where one of
// its start literals stands (hits, in order of their ends): the leftmost
// of those positions where it matches is where the search from every
// position would have found its match.
func (r *Rule) findAt(text string, hits []hit, ends []int32) [][]int {
	var out [][]int
	var cand []int
	for _, h := range hits {
		if slices.Contains(r.startIDs, int(h.id)) {
			cand = append(cand, int(h.start))
		}
	}
	if len(cand) == 0 {
		return nil
	}
	slices.Sort(cand)
	end := 0
	for i, st := range cand {
		if st < end || i > 0 && st == cand[i-1] {
			continue
		}
		loc := r.tryAt(text, ends, st, hits)
		if loc == nil {
			continue
		}
		for k := range loc {
			if loc[k] >= 0 {
				loc[k] += st
			}
		}
		out = append(out, loc)
		end = loc[1]
	}
	return out
}

// tryAt matches the rule anchored at offset st of text, in the window
// a match there can read (window), where that window holds the literals
// every match holds (hits are text's keywords). The locations are
// relative to st.
func (r *Rule) tryAt(text string, ends []int32, st int, hits []hit) []int {
	w := window(text, ends, st, r.cost)
	if !hitsWithin(hits, r.gate[:r.own], st, st+len(w)) {
		return nil
	}
	if r.nextIDs != nil && !hitStarts(hits, r.nextIDs, st, st+len(window(text, ends, st, r.nextCost))) {
		return nil
	}
	switch {
	case st > 0 && r.onlyAt0:
		return nil
	case st > 0 && r.anchoredMid != nil:
		_, n := utf8.DecodeLastRuneInString(text[:st])
		loc := r.anchoredMid.FindStringSubmatchIndex(text[st-n : st+len(w)])
		for k := range loc {
			if loc[k] >= 0 {
				loc[k] -= n
			}
		}
		if loc != nil {
			loc[0] = 0 // the match starts after the rune before it
		}
		return loc
	}
	return r.anchored.FindStringSubmatchIndex(w)
}

// qualifierPhrases are the qualifier phrases a number macro may start
// with (normalize.QualifierPhrases), in lower case.
var qualifierPhrases = func() []string {
	var out []string
	for _, p := range normalize.QualifierPhrases() {
		out = append(out, toLower(p.Phrase))
	}
	return out
}()

// qualifierAt reports whether s (lower case) starts with a qualifier
// phrase.
func qualifierAt(s string) bool {
	for _, p := range qualifierPhrases {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// prevWord returns the start of the word before offset i.
func prevWord(s string, i int) int {
	j := i
	for j > 0 && s[j-1] == ' ' {
		j--
	}
	for j > 0 && s[j-1] != ' ' {
		j--
	}
	return j
}

// Segment is a sentence, or a clause between semicolons, of a paragraph
// or a table row rendered as text.
type Segment struct {
	Text   string
	Para   *normalize.Para // nil for table rows
	Off    int             // offset of Text in Para.Text
	Source string          // "text", "footnote" or "table"
	// Locate returns where the segment's text from byte start to end
	// (a figure) stands in the original file.
	Locate func(start, end int) place
	Order  int
	// lower is Text in lower case, for the keyword gates; paraLower
	// is Para.Text in lower case where that kept its length, or "".
	lower, paraLower string
	// kw is the set of keywords lower holds, and hits where they stand
	// (keywords.scan).
	kw   kwSet
	hits []hit
	// ends holds the end of every costly rune of lower (costlyEnds),
	// computed on first use by costly.
	ends []int32
	// Level marks a table row about one level of online service ("Mức
	// độ 3", "Toàn trình"): only rules written for such rows (ids
	// ending in ".row") read it.
	Level bool
	// OCR marks a table segment read from a scanned page.
	OCR bool
	// province is the report's province name, for telling its own
	// name from a district's.
	province string
	// plan marks a segment in a section about plans or tasks for a later
	// period ("III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2022").
	plan bool
	// Sub marks a table row about one level of government ("Cấp
	// tỉnh"): only rules written for such rows (ids ending in
	// "label-table") read it.
	Sub bool
	// title marks a segment that starts in the document's title (its
	// first line, or the headings before its first body paragraph);
	// first marks the segments of the document's first paragraph.
	title, first bool
	// cues are the units the segment names, inherit the scope it takes
	// from the clauses before it, own the folded names of the report's
	// province (scope.go).
	cues    []cue
	inherit *cue
	own     map[string]bool
	// st decides the scopes lazily, idx is the segment's index in it.
	st  *scopeState
	idx int
}

// costly returns the ends of the costly runes of s.lower (costlyEnds).
func (s *Segment) costly() []int32 {
	if s.ends == nil {
		s.ends = costlyEnds(s.lower)
		if s.ends == nil {
			s.ends = []int32{} // computed: none
		}
	}
	return s.ends
}

var planRe = startRe(`(?i)(?:dự kiến|chỉ tiêu|phấn đấu|mục tiêu|định hướng|sẽ (?:được )?(?:triển khai|thực hiện|xây dựng|đầu tư|cung cấp)|đề ra)`)

// planWords are the literals of planRe, tested first because they are
// cheap.
var planWords = []string{"dự kiến", "chỉ tiêu", "phấn đấu", "mục tiêu", "định hướng", "sẽ ", "đề ra"}

var yearRe = startRe(`(?:năm|đến|tới)\s+(20\d\d|19\d\d)`)

var (
	planTitleRe   = folded(`phương hướng|thời gian tới|giai đoạn tới|đề xuất|kiến nghị|nhiệm vụ[^.]{0,60}(?:năm|thời gian)|kế hoạch[^.]{0,40}năm|giải pháp[^.]{0,40}năm|mục tiêu`)
	resultTitleRe = folded(`kết quả|tình hình|đánh giá|thực trạng`)
	titleYearRe   = startRe(`(?:19|20)\d\d`)
)

// planSection reports whether a section title announces plans or tasks
// for a later period: "III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2022" in a 2021
// report, "Đề xuất, kiến nghị". A title about results ("Kết quả thực
// hiện kế hoạch năm 2021") is not one.
func planSection(title string, year int) bool {
	if !planTitleRe.MatchString(title) || resultTitleRe.MatchString(title) {
		return false
	}
	if ys := titleYearRe.Regexp().FindAllString(title, -1); len(ys) > 0 && year > 0 {
		for _, y := range ys {
			if y > itoa(year) {
				return true
			}
		}
		return false
	}
	return true
}

// deployOnRe matches a verb of installing or deploying at the end of a
// text: after it, "trên N máy" means "on N machines", not "over N".
var deployOnRe = startRe(`(?i)(?:cài đặt|cài|triển khai|áp dụng|lắp đặt|sử dụng|kết nối|giám sát|thực hiện|vận hành|chạy)\s*$`)

// onNotOver reports whether the qualifier word qual ("trên") after
// before is the preposition "on": "triển khai trên 2.980 máy trạm".
func onNotOver(before, qual string) bool {
	return strings.EqualFold(strings.TrimSpace(qual), "trên") && deployOnRe.MatchString(before)
}

// inPlanContext reports whether text before a figure in its clause marks
// it as a plan or target rather than a result.
func inPlanContext(prefix string, year int) bool {
	lower := toLower(prefix)
	return planContext(prefix, year, containsAny(lower, planWords...), year > 0 && containsAny(lower, yearWords...))
}

// yearWords are the literals of yearRe.
var yearWords = []string{"năm ", "đến ", "tới "}

// planBefore is inPlanContext for the segment's text before offset off.
func (s *Segment) planBefore(off, year int) bool {
	off = max(0, min(off, len(s.Text)))
	if len(s.lower) == len(s.Text) {
		// The segment's keywords say which words stand before off.
		c := &compiled
		plan := hitBefore(s.hits, c.planIDs, off)
		yr := year > 0 && hitBefore(s.hits, c.yearIDs, off)
		return (plan || yr) && planContext(s.Text[:off], year, plan, yr)
	}
	return inPlanContext(s.Text[:off], year)
}

// planContext is inPlanContext given whether prefix holds a plan word
// (planWords) and a year word (yearWords).
func planContext(prefix string, year int, planWord, yearWord bool) bool {
	if planWord && planRe.MatchString(prefix) {
		return true
	}
	if year > 0 && yearWord {
		for _, m := range yearRe.Regexp().FindAllStringSubmatch(prefix, -1) {
			var y int
			fmt.Sscan(m[1], &y)
			if y > year {
				return true
			}
		}
	}
	return false
}

// earlierYear reports whether the segment is framed by a year before
// the one reported on ("Năm 2018, tổng số hồ sơ …", "Cũng trong năm
// 2020, …"): its figures are that year's. A state (the SOC's) does not
// end with its year, so only figures ask.
func (s *Segment) earlierYear(year int) bool {
	if year == 0 {
		return false
	}
	m := earlierYearRe.Regexp().FindStringSubmatch(s.Text[:min(len(s.Text), 40)])
	if m == nil {
		return false
	}
	var y int
	fmt.Sscan(m[1], &y)
	return y < year
}

// earlierYearRe matches a year that frames the sentence at its start.
var earlierYearRe = startRe(`^(?:[-+•]\s*)?(?i:(?:cũng\s+)?(?:trong\s+)?năm)\s+(20\d\d|19\d\d)\s*,`)

var parenRe = startRe(`\([^()]*\)`)

// match runs one rule over a segment.
func (r *Rule) match(seg *Segment, year int) []candidate {
	if seg.Sub && !strings.HasSuffix(r.ID, "label-table") || seg.Level && !strings.HasSuffix(r.ID, ".row") {
		return nil
	}
	if !seg.kw.hasAll(r.gate) {
		return nil
	}
	r.regexps()
	if r.require != nil && !r.require.MatchString(seg.lower) {
		return nil
	}
	if r.rejectSeg != nil && r.rejectSeg.MatchString(seg.lower) {
		return nil
	}
	re, text, lower := r.re, seg.lower, true
	if r.anchored != nil {
		re = r.anchored // the same groups
	}
	if len(seg.lower) != len(seg.Text) {
		// Lower-casing changed byte offsets (rare letters): match the
		// original text, folding case.
		re, text, lower = r.fold(), seg.Text, false
	}
	var out []candidate
	for _, loc := range r.findAll(re, text, lower, seg.hits, seg.costly()) {
		ni := re.SubexpIndex("n")
		if ni < 0 || loc[2*ni] < 0 {
			continue
		}
		ns, ne := loc[2*ni], loc[2*ni+1]
		// The number must stand alone: not part of a ratio, a date, a
		// larger number or a percentage (for counts).
		// A pattern may read a ratio on purpose ("772/3.421 máy tính …
		// cài đặt …": 772 machines; "34.020/277.307 hồ sơ giải quyết
		// trực tuyến": 277.307 files): a slash next to the figure is then
		// inside the match.
		if !standsAlone(seg.Text, ns, ne, r.Metric, ns > loc[0] && seg.Text[ns-1] == '/', ne < loc[1] && seg.Text[ne] == '/') {
			continue
		}
		// A noun of another kind right after the figure makes it a
		// count of something else, whatever the pattern read after it.
		if compiled.nouns.foreignNoun(r.family, afterFigure(seg.lower, ne)) {
			continue
		}
		whole := seg.lower[loc[0]:loc[1]]
		if len(seg.lower) != len(seg.Text) {
			whole = strings.ToLower(seg.Text[loc[0]:loc[1]])
		}
		if r.reject != nil && r.reject.MatchString(parenRe.Regexp().ReplaceAllString(whole, "")) {
			continue
		}
		if r.notBefore != nil && r.notBefore.MatchString(text[max(0, loc[0]-50):loc[0]]) {
			continue
		}
		if r.rejectNear != nil && r.rejectNear.MatchString(text[max(0, loc[0]-80):min(len(text), loc[1]+80)]) {
			continue
		}
		if !r.AllowPlan && (seg.plan || seg.planBefore(ns, year)) || seg.earlierYear(year) {
			continue
		}
		m, _ := Lookup(r.Metric)
		parse := normalize.ParseNumber
		if m.Unit == "percent" {
			parse = normalize.ParsePercent
		}
		v, dec, ok := parse(seg.Text[ns:ne])
		if !ok {
			continue
		}
		scale := 1.0
		q := ""
		if qi := re.SubexpIndex("q"); qi >= 0 && loc[2*qi] >= 0 {
			q = string(normalize.QualifierBefore(seg.Text[loc[2*qi]:loc[2*qi+1]]))
			if onNotOver(text[:loc[2*qi]], text[loc[2*qi]:loc[2*qi+1]]) {
				q = ""
			}
		}
		if si := re.SubexpIndex("s"); si >= 0 && loc[2*si] >= 0 {
			// "6,8 triệu văn bản", "29.473,482 triệu đồng".
			scale = scaleOf(seg.Text[loc[2*si]:loc[2*si+1]])
			v = math.Round(v * scale)
		} else if m.Unit == "vnd" {
			v = math.Round(v)
		} else if m.Unit == "count" && v != math.Trunc(v) {
			// "257.7575 văn bản": a count with decimals and no scale
			// word is a misprint, no figure.
			continue
		}
		source, conf := seg.origin(ns)
		approx := q != "" || scale != 1
		c := candidate{
			Figure: report.Figure{Metric: r.Metric, Value: report.Num(v), Unit: m.Unit, Qualifier: q,
				Text: strings.TrimSpace(seg.Text), Rule: r.ID, Source: source, Confidence: conf},
			prio: r.Priority, order: seg.Order*10000 + ns,
			part: seg.partAt(ns), approx: approx, unit: resolution(v, dec, scale, approx, m.Unit == "percent"),
			scope: seg.scopeAt(ns, r.Metric),
		}
		c.sentence, c.clause = seg.sentenceOf(ns)
		seg.Locate(ns, ne).set(&c.Figure)
		out = append(out, c)
	}
	return out
}

func scaleOf(s string) float64 {
	switch strings.ToLower(s) {
	case "nghìn", "ngàn":
		return 1e3
	case "triệu":
		return 1e6
	case "tỷ", "tỉ":
		return 1e9
	}
	return 1
}

// durationRe matches the words after a number of months or weeks ("6
// tháng đầu năm", "9 tháng qua"): a length of time, no count.
var durationRe = startRe(`^(?:tháng|tuần)(?:\s|,|$)`)

// standsAlone reports whether text[ns:ne] is a whole number of its own.
// With slashBefore or slashAfter set, a slash on that side is allowed:
// the figure is one side of a ratio that the rule's pattern reads on
// purpose.
func standsAlone(text string, ns, ne int, metric string, slashBefore, slashAfter bool) bool {
	if ns > 0 {
		c := text[ns-1]
		if c >= '0' && c <= '9' || c == '/' && !slashBefore || c == '.' || c == ',' && ns > 1 && text[ns-2] >= '0' && text[ns-2] <= '9' {
			return false
		}
		// "cấp độ 2" written "cấp độ-2"? Letters glued before a number
		// make it a code (IPv6, ISO27001).
		if c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' {
			return false
		}
	}
	if ne < len(text) {
		c := text[ne]
		if c >= '0' && c <= '9' || c == '/' && !slashAfter {
			return false
		}
		// "2.130.11", "12.34.567": the pattern read only the start of a
		// malformed number, which is no figure (see normalize.ParseNumber).
		if (c == '-' || c == '.' || c == ',') && ne+1 < len(text) && text[ne+1] >= '0' && text[ne+1] <= '9' {
			return false
		}
		m, _ := Lookup(metric)
		if m.Unit != "percent" {
			rest := strings.TrimLeft(text[ne:], " ")
			if strings.HasPrefix(rest, "%") || durationRe.MatchString(rest) && ne-ns <= 2 {
				return false
			}
		}
	}
	return true
}

// segments splits a paragraph into sentences and clauses. A clause ends
// at ";" or at a sentence end (". " before a capital or a dash), outside
// parentheses.
func segments(p *normalize.Para, order *int, source string) []Segment {
	var out []Segment
	t := p.Text
	start, depth, open := 0, 0, -1
	emit := func(end int) {
		s := t[start:end]
		trimmed := strings.TrimLeft(s, " ")
		off := start + len(s) - len(trimmed)
		if strings.TrimSpace(trimmed) != "" {
			*order++
			para := p
			out = append(out, Segment{Text: strings.TrimRight(trimmed, " "), Para: para, Off: off, Source: source, Order: *order,
				Locate: func(start, end int) place { return paraPlace(para, off+start, off+end) }})
		}
		start = end
	}
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case '(':
			if depth == 0 {
				open = i
			}
			depth++
		case ')':
			if depth > 0 {
				depth--
			}
			// "… ngày 27/12/2025. (Quang Phương) Số hồ sơ …": a sentence
			// ends after a parenthesis that follows a full stop.
			if depth == 0 && open >= 2 && t[open-2:open] == ". " && i+2 < len(t) && t[i+1] == ' ' && sentenceStart(t[i+2:]) {
				emit(i + 1)
			}
		case ';':
			if depth == 0 {
				emit(i + 1)
			}
		case '.':
			if depth == 0 && i+2 < len(t) && t[i+1] == ' ' && (sentenceStart(t[i+2:]) || figureStart(t[:i], t[i+2:])) && !abbrevBefore(t[:i]) {
				emit(i + 1)
			}
		}
	}
	emit(len(t))
	return out
}

// figureStart reports whether a sentence starts with a figure after a
// sentence that ends with a word ("… Cổng Dịch vụ công Quốc gia. 6
// tháng đầu năm 2023, …"), not inside a number ("98. 5").
func figureStart(before, s string) bool {
	if s == "" || s[0] < '0' || s[0] > '9' || before == "" {
		return false
	}
	c := before[len(before)-1]
	return c >= 0x80 || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

func sentenceStart(s string) bool {
	for _, r := range s {
		// Every capital: "Ở", "Ứng", "Ấp" open sentences too.
		return r == '-' || r == '+' || unicode.IsUpper(r)
	}
	return false
}

var abbrevRe = startRe(`(?i)(?:^|[\s(])(?:tp|tt|ths|ts|ks|gs|pgs|bs|no|v\.v|stt)$`)

func abbrevBefore(s string) bool { return abbrevRe.MatchString(s[max(0, len(s)-8):]) }

// reportPeriod returns the contract's form of a period, nil for none.
func reportPeriod(p normalize.Period) *report.Period {
	if p.IsZero() {
		return nil
	}
	date := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.Format("2006-01-02")
	}
	return &report.Period{Kind: string(p.Kind), Start: date(p.Start), End: date(p.End), Text: p.Text}
}

// Apply extracts every metric, the budget items and the flags from a
// normalized report.
func Apply(doc *normalize.Doc) *report.Report {
	rep := &report.Report{
		Format:      string(doc.Source.Format),
		Province:    report.Province{Code: doc.Province.Code, Name: doc.Province.Name, Era: doc.Era, Source: doc.ProvinceSource},
		Year:        doc.Year,
		Period:      reportPeriod(doc.Period),
		Metrics:     []report.Figure{},
		BudgetItems: []report.BudgetItem{},
		Flags:       []report.Flag{},
		Warnings:    append([]string{}, doc.Warnings...),
		Pages:       doc.Source.Pages,
	}
	if !doc.Date.IsZero() {
		rep.DocDate = doc.Date.Format("2006-01-02")
	}
	rep.DocNumber, rep.Correction = doc.Number, doc.Correction
	rep.Warnings = append(rep.Warnings, doc.Source.Warnings...)
	rep.OCRPages = doc.Source.OCRPages
	rep.OCRConf = math.Round(doc.Source.OCRConf*10) / 10
	c := compileFamilies()
	segs, paras := segmentDoc(doc)
	if firstApply.CompareAndSwap(false, true) {
		compileFor(c, segs)
	}
	var cands []candidate
	for i := range segs {
		if !strings.ContainsAny(segs[i].Text, "0123456789") {
			continue // no figure to find
		}
		for _, g := range c.groups {
			if g.words != nil && !segs[i].kw.hasAny(g.wordIDs) {
				continue // the gate: no word of the family
			}
			for _, r := range g.rules {
				cands = append(cands, r.match(&segs[i], doc.Year)...)
			}
		}
	}
	nums := scanParas(doc)
	cands = append(cands, contextCandidates(doc, segs, paras, nums)...)
	for _, f := range families {
		if f.Detect != nil {
			cands = append(cands, f.Detect(segs, doc)...)
		}
	}
	rep.BudgetItems = append(rep.BudgetItems, budgetItems(doc)...)
	for _, f := range families {
		if f.Resolve != nil {
			cands = f.Resolve(cands)
		}
	}
	cands = headlinesOfOtherFacts(cands, doc, nums)
	chosen, warnings := choose(cands)
	rep.Metrics = chosen
	rep.SubUnits = subUnitFigures(cands)
	rep.Warnings = append(rep.Warnings, warnings...)
	// Only precise rules speak for what a report states twice: context
	// candidates are guesses that the choice above may have overruled,
	// and a sub-unit's figure is never a second statement of the
	// province's.
	var all []report.Figure
	for _, c := range cands {
		if c.prio >= 20 && c.scope.kind == scopeProvince {
			all = append(all, c.Figure)
		}
	}
	rep.Flags = RunChecks(CheckInput{Doc: doc, Figures: chosen, Candidates: all, Numbers: nums})
	return rep
}

// firstApply is set by the first Apply of the process.
var firstApply atomic.Bool

// compileFor compiles, on every processor, the regular expressions of
// the rules that the first Apply of a process is about to run on segs
// (those that pass their gates on a segment with a digit): a process
// that reads one report spends a third of its time compiling them.
// Later reports compile the few rules they are the first to run as
// they run them.
func compileFor(c *derived, segs []Segment) {
	var todo []*Rule
	seen := map[*Rule]bool{}
	for i := range segs {
		s := &segs[i]
		if !strings.ContainsAny(s.Text, "0123456789") {
			continue
		}
		for _, g := range c.groups {
			if g.words != nil && !s.kw.hasAny(g.wordIDs) {
				continue
			}
			for _, r := range g.rules {
				if !r.ready.Load() && !seen[r] && s.kw.hasAll(r.gate) {
					seen[r] = true
					todo = append(todo, r)
				}
			}
		}
	}
	if len(todo) < 2 {
		return // Apply compiles it
	}
	parallel(len(todo), func(i int) { todo[i].regexps() })
}

// scanParas returns the numbers of each paragraph of doc, which the
// context rules and the claims checks both read.
func scanParas(doc *normalize.Doc) [][]normalize.Number {
	out := make([][]normalize.Number, len(doc.Paras))
	for i := range doc.Paras {
		out[i] = normalize.ScanNumbers(doc.Paras[i].Text)
	}
	return out
}

// Segments splits a document into the segments rules run on: sentences
// and clauses of body paragraphs and footnotes, then table rows rendered
// as "label: value" sentences.
func Segments(doc *normalize.Doc) []Segment {
	segs, _ := segmentDoc(doc)
	return segs
}

// paraText is a paragraph in lower case (raw) with the keywords it
// holds (hits, keywords.scan), and the same with its dotted leaders read
// as colons (unleader), for the context rules (lower, ctxHits). Both
// texts are "" where lower-casing moved byte offsets.
type paraText struct {
	raw, lower    string
	hits, ctxHits []hit
}

// segmentDoc returns the segments of doc and its paragraphs' lower-case
// text and keywords. Each paragraph is lower-cased and scanned for
// keywords once, for its segments and for the context rules.
func segmentDoc(doc *normalize.Doc) ([]Segment, []paraText) {
	var segs []Segment
	var paraOf []int // the paragraph of each body segment
	order := 0
	for i := range doc.Paras {
		p := &doc.Paras[i]
		src := "text"
		if p.Kind == normalize.Footnote {
			src = "footnote"
		}
		segs = append(segs, segments(p, &order, src)...)
		for len(paraOf) < len(segs) {
			paraOf = append(paraOf, i)
		}
	}
	ocrPages := map[int]bool{}
	for _, p := range doc.Source.OCRPages {
		ocrPages[p] = true
	}
	for ti := range doc.Tables {
		segs = append(segs, tableSegments(&doc.Tables[ti], &order, doc.Year, ocrPages)...)
	}
	kw := &compileFamilies().kw
	paras := make([]paraText, len(doc.Paras))
	for i := range doc.Paras {
		if lower := toLower(doc.Paras[i].Text); len(lower) == len(doc.Paras[i].Text) {
			t := paraText{raw: lower, lower: unleader(lower), hits: kw.scan(lower)}
			t.ctxHits = t.hits
			if t.lower != lower {
				t.ctxHits = kw.scan(t.lower) // dotted leaders read as colons
			}
			paras[i] = t
		}
	}
	// One allocation for every segment's keyword set, and one per
	// paragraph for its segments' hits.
	words := (len(kw.words) + 63) / 64
	sets := make([]uint64, len(segs)*words)
	planTitles := map[string]bool{} // planSection, memoised by title
	heads := titleParas(doc)
	var (
		pt     *paraText
		hitBuf []hit
	)
	for i := range segs {
		s := &segs[i]
		if i < len(paraOf) {
			if t := &paras[paraOf[i]]; t != pt {
				pt = t
				hitBuf = make([]hit, 0, len(t.hits))
			}
		}
		// A segment's dotted leaders are read as colons (unleader) within
		// the segment: its keywords are the paragraph's unless that
		// changed its text.
		if raw := ""; i < len(paraOf) && pt.raw != "" {
			s.paraLower = pt.raw
			raw = pt.raw[s.Off : s.Off+len(s.Text)]
			if s.lower = unleader(raw); s.lower == raw {
				n := len(hitBuf)
				hitBuf = hitsIn(hitBuf, pt.hits, s.Off, s.Off+len(s.Text))
				s.hits = hitBuf[n:len(hitBuf):len(hitBuf)]
			} else {
				s.hits = kw.scan(s.lower)
			}
		} else {
			s.lower = unleader(toLower(s.Text))
			s.hits = kw.scan(s.lower)
		}
		s.kw = kwSet(sets[i*words : (i+1)*words : (i+1)*words])
		for _, h := range s.hits {
			s.kw.add(h.id)
		}
		s.province = doc.Province.Name
		if p := s.Para; p != nil && heads[p] {
			s.first = len(doc.Paras) > 0 && (p == &doc.Paras[0] || len(doc.Paras) > 1 && p == &doc.Paras[1] && kickerPara(doc))
			s.title = p.Kind == normalize.Heading
			s.title = s.partAt(0) == inTitle
		}
		if p := s.Para; p != nil {
			for _, title := range p.Sections {
				plan, ok := planTitles[title]
				if !ok {
					plan = planSection(title, doc.Year)
					planTitles[title] = plan
				}
				if plan {
					s.plan = true
				}
			}
		}
	}
	segmentScopes(doc, segs)
	return segs, paras
}

// place is where a figure stands in the original file: the position of
// the line (or table cell) that holds the number, and the number's box
// on the page where the reader knows it.
type place struct {
	pos extract.Pos
	box extract.Box
}

// paraPlace returns the place of p.Text[start:end].
func paraPlace(p *normalize.Para, start, end int) place {
	pos, box := p.Locate(start, end)
	return place{pos: pos, box: box}
}

// set writes the place into a figure: page, line, box and table cell.
func (pl place) set(f *report.Figure) {
	f.Page, f.Line = pl.pos.Page, pl.pos.Line
	f.Table, f.Row, f.Col = pl.pos.Table, pl.pos.Row, pl.pos.Cell
	if !pl.box.IsZero() {
		b := pl.box
		f.Box = &b
	}
}

// cellPlace returns the place of a table cell.
func cellPlace(c extract.Cell) place { return place{pos: c.Pos, box: c.Box} }

// evidence returns evidence of value v, read from text, at the place.
func (pl place) evidence(v float64, text string) report.Evidence {
	e := report.Evidence{Value: v, Text: text, Page: pl.pos.Page, Line: pl.pos.Line}
	if !pl.box.IsZero() {
		b := pl.box
		e.Box = &b
	}
	return e
}

// unleader replaces the dotted leaders of a "label ........ value" line
// (three dots or more, or ellipsis characters, between words) by a colon
// and spaces of the same length, so that a rule reads "label: value" at
// the same offsets.
func unleader(s string) string {
	if !strings.Contains(s, "...") && !strings.Contains(s, "…") {
		return s
	}
	b := []byte(s)
	for i := 0; i < len(b); {
		j := i
		for j < len(b) {
			switch {
			case b[j] == '.':
				j++
				continue
			case strings.HasPrefix(string(b[j:min(len(b), j+3)]), "…"):
				j += 3
				continue
			}
			break
		}
		if j-i >= 3 && i > 0 && j < len(b) && !isDigit(b[i-1]) {
			b[i] = ':'
			for k := i + 1; k < j; k++ {
				b[k] = ' '
			}
		}
		if j == i {
			j++
		}
		i = j
	}
	return string(b)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// titleParas returns the paragraphs that may hold the document's title:
// the headings before its first body paragraph, and its first
// paragraph (with the headline after it where it is a news page's
// kicker, kickerPara).
func titleParas(doc *normalize.Doc) map[*normalize.Para]bool {
	out := map[*normalize.Para]bool{}
	for i := range doc.Paras {
		p := &doc.Paras[i]
		if i == 0 || p.Kind == normalize.Heading || i == 1 && kickerPara(doc) {
			out[p] = true
		}
		if p.Kind != normalize.Heading && !(i == 0 && kickerPara(doc)) {
			break
		}
	}
	return out
}

// kickerPara reports whether the document's first paragraph is a news
// page's kicker, the name of its section ("Thời sự", "Chuyển
// đổi số"): a few words without a digit or a sentence's punctuation,
// above a one-line headline, which is then the title too.
func kickerPara(doc *normalize.Doc) bool {
	if len(doc.Paras) < 2 {
		return false
	}
	k, h := doc.Paras[0].Text, doc.Paras[1]
	line := h.Text // the headline's first line
	if len(h.Spans) > 1 && h.Spans[1].Off <= len(line) {
		line = line[:h.Spans[1].Off]
	}
	return len(doc.Paras[0].Spans) == 1 && len(strings.Fields(k)) <= 5 && !strings.ContainsAny(k, "0123456789.,;:!?") &&
		len(line) <= 250 && !strings.HasSuffix(strings.TrimSpace(line), ".")
}

// partAt reports in which part of the document the figure at offset
// off of the segment stands: the title (a heading before the body, or
// the document's first line) or the body.
func (s *Segment) partAt(off int) part {
	p := s.Para
	if p == nil || len(p.Spans) == 0 {
		return inBody
	}
	if s.title && p.Kind == normalize.Heading {
		return inTitle
	}
	if s.first && p.Spans[0].Pos == p.PosAt(s.Off+off) {
		return inTitle
	}
	return inBody
}

// origin returns where the figure at offset off of the segment comes
// from: the segment's source, or "ocr" with the line's OCR confidence
// for text recognised from a page image.
func (s *Segment) origin(off int) (string, float64) {
	if s.Para != nil {
		if sp := s.Para.SpanAt(s.Off + off); sp.Conf > 0 {
			return "ocr", sp.Conf
		}
	}
	if s.OCR {
		return "ocr", 0
	}
	return s.Source, 0
}
