package rules

import (
	"github.com/baocao/baocao/rules/report"
	"math"
	"sort"
	"strings"
	"sync"

	"github.com/baocao/baocao/normalize"
)

// ContextRule reads a figure by what surrounds it, where no sentence
// rule matched: the topic the paragraph speaks about at that point
// (Topic, one of its family's topics), the label right before the
// number and the words right after it, and the kind of number (see the
// package documentation). Its patterns are written like a [Rule]'s, with
// the same macros, and matched on lower-cased text. Context candidates
// rank below every sentence rule.
type ContextRule struct {
	ID     string
	Metric string
	Topic  string
	Kind   normalize.NumberKind
	// Label must match the label window before the figure and Noun the
	// words right after it (both, where both are given). NotLabel and NotNear reject a match: NotNear
	// is tested on the label window and the words after the figure.
	Label, Noun, NotLabel, NotNear string
	// Para must match somewhere in the paragraph.
	Para string
	// Wide reads the label back over the previous figure and an opening
	// parenthesis: "mức độ 3: 143.361 hồ sơ (27.072 hồ sơ trực tuyến)".
	Wide bool
	// Head must match, and NotHead must not, the clause before the
	// figure with its closed parenthetical asides removed: "số hồ sơ
	// trực tuyến là 24.870 hồ sơ (mức độ 3: 18.215" is about online
	// applications.
	Head, NotHead string

	once                                                sync.Once
	label, noun, notLabel, notNear, para, head, notHead *normalize.Searcher
}

// dropAfter removes the spans that directly follow one of the prefixes.
func dropAfter(s string, locs [][]int, prefixes ...string) [][]int {
	out := locs[:0]
	for _, l := range locs {
		if !hasSuffixAny(s[:l[0]], prefixes) {
			out = append(out, l)
		}
	}
	return out
}

func hasSuffixAny(s string, suffixes []string) bool {
	for _, p := range suffixes {
		if strings.HasSuffix(s, p) {
			return true
		}
	}
	return false
}

// compile compiles the patterns of a context rule, with the macros and
// the lower-casing of sentence rules, once, on first use.
func (r *ContextRule) compile() {
	r.once.Do(func() {
		c := func(p string) *normalize.Searcher {
			if p == "" {
				return nil
			}
			return compileLower(p)
		}
		r.label, r.noun, r.notLabel, r.notNear, r.para = c(r.Label), c(r.Noun), c(r.NotLabel), c(r.NotNear), c(r.Para)
		r.head, r.notHead = c(r.Head), c(r.NotHead)
	})
}

var (
	levelWordRe = startRe(`(?:cấp độ|mức độ|mức|cấp|lớp|giai đoạn|phiên bản|nhóm|loại)\s*(?:\d\s*(?:,|và)\s*)?$`)
	levelNounRe = startRe(`^\s*(?:cấp|lớp|tầng)(?:\s|,|:|$)`)
)

// labelStops end a label window: a figure's label does not reach back
// over a semicolon, an opening parenthesis or a sentence end.
const labelStops = ";("

// contextCandidates reads figures by topic, label and kind of number.
// paraNums holds the numbers of each paragraph of doc (ScanNumbers).
func contextCandidates(doc *normalize.Doc, segs []Segment, paras []paraText, paraNums [][]normalize.Number) []candidate {
	c := compileFamilies()
	topics := c.topics
	var out []candidate
	for pi := range doc.Paras {
		p := &doc.Paras[pi]
		lower := paras[pi].lower
		if lower == "" {
			continue // lower-casing moved byte offsets (or no text)
		}
		nums := paraNums[pi]
		if len(nums) == 0 {
			continue
		}
		topicLocs := make([][][]int, len(topics))
		for ti, t := range topics {
			topicLocs[ti] = spans(paras[pi].ctxHits, c.topicIDs[ti])
			if len(t.NotAfter) > 0 {
				topicLocs[ti] = dropAfter(lower, topicLocs[ti], t.NotAfter...)
			}
		}
		prevEnd, prevPrevEnd, prevPct := 0, 0, 0
		for ni, n := range nums {
			if n.Kind != normalize.Count && n.Kind != normalize.Percent && n.Kind != normalize.Money {
				if n.Kind != normalize.Ratio {
					// Years, dates and document numbers are part of a
					// label ("năm 2022: 1.640.215 văn bản"); and a ratio
					// "429.850/451.390, đạt 95,3%" leaves the rate's
					// label before it.
					continue
				}
				prevPrevEnd, prevEnd = prevEnd, n.End
				continue
			}
			if n.Value < 10 && n.Decimals == 0 && (levelWordRe.MatchString(lower[max(0, n.Start-16):n.Start]) || levelNounRe.MatchString(lower[n.End:])) {
				// "cấp độ 2", "mức độ 3": a name, part of the next
				// figure's label.
				continue
			}
			end := len(lower)
			if i := strings.IndexAny(lower[n.End:], ";.()"); i >= 0 {
				end = n.End + i
			}
			for k := ni + 1; k < len(nums) && nums[k].Start < end; k++ {
				// "314 thủ tục hành chính của 3 cấp chính quyền có …": a
				// count of levels is part of the noun phrase.
				if nx := nums[k]; nx.Value < 10 && nx.Decimals == 0 && levelNounRe.MatchString(lower[nx.End:]) {
					continue
				}
				end = nums[k].Start
				break
			}
			noun := lower[n.End:min(end, n.End+160)]
			topic := topicAt(topics, topicLocs, n.Start, noun)
			if !c.kinds[topic][n.Kind] || c.nouns.foreignNoun(c.topicFamily[topic], noun) {
				// No rule reads this kind of number on this topic, or it
				// counts something else ("1.144 cán bộ"): its labels are
				// not needed.
				if n.Kind == normalize.Percent {
					prevPct = n.End
				}
				prevPrevEnd, prevEnd = prevEnd, n.End
				continue
			}
			sentence := sentenceStartBefore(lower, n.Start)
			// The label runs back to the previous figure, the clause start
			// or an unclosed "(", skipping closed asides: "của DVCTT mức
			// độ 3 (gồm cả trực tuyến và không trực tuyến): 68.452".
			label := closedParens.Regexp().ReplaceAllString(lower[max(prevEnd, clauseStart(lower, n.Start), sentence):n.Start], " ")
			if i := strings.LastIndexAny(label, labelStops); i >= 0 {
				label = label[i+1:]
			}
			label = strings.TrimSpace(label)
			// A rate often follows its count: "đúng hạn 175.931 hồ sơ,
			// đạt 97,8%", "2.301.480 văn bản (95,26%)". Its label, and
			// the label of rules marked Wide, reaches back over one
			// figure and parentheses.
			wide := strings.TrimSpace(lower[max(prevPrevEnd, strings.LastIndex(lower[:n.Start], ";")+1, sentence):n.Start])
			headStart := max(clauseStart(lower, n.Start), sentence)
			if open := unclosedParen(lower[headStart:n.Start]); open >= 0 {
				// Inside "(…": the phrase the parenthesis belongs to.
				open += headStart
				headStart = max(headStart, strings.LastIndexAny(lower[:open], ",;")+1)
			}
			head := closedParens.Regexp().ReplaceAllString(lower[headStart:n.Start], " ")
			if n.Kind == normalize.Percent {
				// A rate's label is the clause before it, back to the
				// previous rate, without its parenthetical asides.
				label = closedParens.Regexp().ReplaceAllString(lower[max(clauseStart(lower, n.Start), sentence, prevPct):n.Start], " ")
				label = lastRunes(strings.TrimSpace(label), 120)
				prevPct = n.End
			}
			if len([]rune(label)) > 80 {
				r := []rune(label)
				label = string(r[len(r)-80:])
			}
			prevPrevEnd, prevEnd = prevEnd, n.End
			seg := segmentAt(segs, p, n.NumStart)
			if seg == nil || seg.plan || seg.planBefore(n.NumStart-seg.Off, doc.Year) || seg.earlierYear(doc.Year) {
				continue
			}
			for _, r := range c.context {
				if r.Topic != topic || r.Kind != n.Kind {
					continue
				}
				r.compile()
				lbl := label
				if r.Wide {
					lbl = wide
				}
				if r.label != nil && !r.label.MatchString(lbl) || r.noun != nil && !r.noun.MatchString(noun) {
					continue
				}
				if r.notLabel != nil && r.notLabel.MatchString(label) {
					continue
				}
				if r.notNear != nil && (r.notNear.MatchString(label) || r.notNear.MatchString(noun)) {
					continue
				}
				if r.para != nil && !r.para.MatchString(lower) {
					continue
				}
				if r.head != nil && !r.head.MatchString(head) || r.notHead != nil && r.notHead.MatchString(head) {
					continue
				}
				m, _ := Lookup(r.Metric)
				if m.Unit == "count" && n.Value != math.Trunc(n.Value) {
					break // a count with decimals is a misprint ("257.7575 văn bản")
				}
				source, conf := seg.origin(n.NumStart - seg.Off)
				qual := string(n.Qualifier)
				if qi := strings.LastIndex(lower[:n.NumStart], "trên"); n.Qualifier == normalize.Over && qi >= 0 && strings.TrimSpace(lower[qi+len("trên"):n.NumStart]) == "" &&
					onNotOver(lower[:qi], "trên") {
					qual = ""
				}
				approx := qual != "" || n.Scale > 1
				c := candidate{
					Figure: report.Figure{Metric: r.Metric, Value: report.Num(n.Value), Unit: m.Unit, Qualifier: qual,
						Text: seg.Text, Rule: r.ID, Source: source, Confidence: conf},
					prio: 10, order: seg.Order*10000 + n.NumStart,
					part: seg.partAt(n.NumStart - seg.Off), approx: approx,
					unit:  resolution(n.Value, n.Decimals, n.Scale, approx, m.Unit == "percent"),
					scope: seg.scopeAt(n.NumStart-seg.Off, r.Metric),
				}
				c.sentence, c.clause = seg.sentenceOf(n.NumStart - seg.Off)
				paraPlace(p, n.NumStart, n.NumEnd).set(&c.Figure)
				out = append(out, c)
				break
			}
		}
	}
	return out
}

// closedParens matches a parenthetical aside with its parentheses.
var closedParens = startRe(`\([^()]*\)`)

// clauseStart returns the offset after the last semicolon before off that
// is outside parentheses.
func clauseStart(s string, off int) int {
	start, depth := 0, 0
	for i := 0; i < off && i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			if depth > 0 {
				depth--
			}
		case ';':
			if depth == 0 {
				start = i + 1
			}
		}
	}
	return start
}

// unclosedParen returns the offset of the last "(" of s that is not
// closed in s, or -1.
func unclosedParen(s string) int {
	depth := 0
	for i := len(s) - 1; i >= 0; i-- {
		switch s[i] {
		case ')':
			depth++
		case '(':
			if depth == 0 {
				return i
			}
			depth--
		}
	}
	return -1
}

// lastRunes returns the last n runes of s.
func lastRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[len(r)-n:])
}

// sentenceStartBefore returns the offset where the sentence holding
// offset off begins.
func sentenceStartBefore(s string, off int) int {
	for i := off - 1; i > 0; i-- {
		if s[i] == ' ' && s[i-1] == '.' && !abbrevBefore(s[:i-1]) {
			return i + 1
		}
	}
	return 0
}

// topicAt returns the topic in force at offset off of a paragraph: the
// noun right after the figure if it names one, else the topic whose
// last word ends nearest before the figure, within 300 bytes. locs holds
// the matches of each topic in the paragraph.
func topicAt(topics []Topic, locs [][][]int, off int, noun string) string {
	for _, t := range topics {
		for _, ws := range [][]string{t.Words, t.NounWords} {
			for _, w := range ws {
				// Starting within the noun's first 5 bytes.
				if strings.Contains(noun[:min(len(noun), 4+len(w))], w) {
					return t.Name
				}
			}
		}
	}
	best, bestEnd := "", -1
	for ti, ls := range locs {
		// The last match that ends at or before off.
		i := sort.Search(len(ls), func(i int) bool { return ls[i][1] > off }) - 1
		if i < 0 || ls[i][0] < off-300 {
			continue
		}
		if e := ls[i][1]; e > bestEnd {
			best, bestEnd = topics[ti].Name, e
		}
	}
	return best
}

// segmentAt returns the segment of paragraph p holding offset off.
func segmentAt(segs []Segment, p *normalize.Para, off int) *Segment {
	var found *Segment
	for i := range segs {
		if segs[i].Para == p && segs[i].Off <= off {
			found = &segs[i]
		}
	}
	return found
}
