package rules

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// requiredLiterals returns what any match of the pattern must contain:
// a list of sets of literals, where a match holds at least one literal of
// every set. Only literals of 3 bytes or more are kept, so that
// strings.Contains on them is a cheap, selective test. Running it before
// the regular expression skips most segments without backtracking.
func requiredLiterals(pattern string) [][]string {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil
	}
	return requiredOf(re)
}

// requiredOf is requiredLiterals of a parsed pattern.
func requiredOf(re *syntax.Regexp) [][]string {
	return usable(required(re))
}

func required(re *syntax.Regexp) [][]string {
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return nil
		}
		return [][]string{{string(re.Rune)}}
	case syntax.OpCapture:
		return required(re.Sub[0])
	case syntax.OpPlus:
		return required(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return required(re.Sub[0])
		}
		return nil
	case syntax.OpConcat:
		var out [][]string
		// Adjacent literals form one longer literal.
		var run strings.Builder
		flush := func() {
			if run.Len() > 0 {
				out = append(out, []string{run.String()})
				run.Reset()
			}
		}
		for _, sub := range re.Sub {
			if sub.Op == syntax.OpLiteral && sub.Flags&syntax.FoldCase == 0 {
				run.WriteString(string(sub.Rune))
				continue
			}
			flush()
			out = append(out, required(sub)...)
		}
		flush()
		return out
	case syntax.OpAlternate:
		// (a ∧ b) ∨ c is (a ∨ c) ∧ (b ∨ c): every choice of one set
		// per alternative gives a set, while they are few; beyond that,
		// the most selective set of each alternative, together.
		var alts [][][]string
		n := 1
		for _, sub := range re.Sub {
			sets := usable(required(sub))
			if len(sets) == 0 {
				return nil // one alternative requires nothing
			}
			alts = append(alts, sets)
			n *= len(sets)
		}
		if n > 16 {
			var set []string
			for _, sets := range alts {
				set = append(set, bestSet(sets)...)
			}
			return [][]string{set}
		}
		out := [][]string{nil}
		for _, sets := range alts {
			var next [][]string
			for _, acc := range out {
				for _, set := range sets {
					next = append(next, union(acc, set))
				}
			}
			out = next
		}
		return out
	}
	return nil
}

// usable returns the sets whose literals are all long enough for a gate.
func usable(sets [][]string) [][]string {
	var out [][]string
	for _, set := range sets {
		ok := len(set) > 0
		for _, l := range set {
			ok = ok && len(l) >= 3
		}
		if ok {
			out = append(out, set)
		}
	}
	return out
}

// union returns the literals of a and b, each once.
func union(a, b []string) []string {
	out := slices.Clone(a)
	for _, l := range b {
		if !slices.Contains(out, l) {
			out = append(out, l)
		}
	}
	return out
}

// bestSet picks the most selective set: the one whose shortest literal
// is longest.
func bestSet(sets [][]string) []string {
	var best []string
	bestLen := 0
	for _, s := range sets {
		m := -1
		for _, l := range s {
			if m < 0 || len(l) < m {
				m = len(l)
			}
		}
		if m > bestLen {
			best, bestLen = s, m
		}
	}
	return best
}

// passesGate reports whether text holds one literal of every set.
func passesGate(text string, sets [][]string) bool {
	for _, set := range sets {
		if !containsAny(text, set...) {
			return false
		}
	}
	return true
}

// startLiterals returns literals one of which every match of the
// pattern starts with, or nil when there are none to know: a pattern
// that can match the empty string, or that starts with a class of more
// than a few letters or with an assertion (^, \b), whose truth depends
// on the text before the match. Those literals are where a match can
// start; trying the pattern there, anchored, finds the same matches as
// a search from every position.
func startLiterals(pattern string) []string {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil
	}
	return startsOf(re)
}

// startsOf is startLiterals of a parsed pattern.
func startsOf(re *syntax.Regexp) []string {
	lits, nullable, ok := starts(re)
	if !ok || nullable || len(lits) == 0 {
		return nil
	}
	if !usableStarts(lits) {
		// A space stands everywhere, a short word nearly: no use as a
		// start. A clause's punctuation is.
		return nil
	}
	return lits
}

// starts returns the literals the non-empty matches of re start with,
// whether re matches the empty string, and whether the literals are
// known.
func starts(re *syntax.Regexp) (lits []string, nullable, ok bool) {
	return startsN(re, 8)
}

// startsN is starts with classes of at most maxClass runes known.
func startsN(re *syntax.Regexp, maxClass int) (lits []string, nullable, ok bool) {
	starts := func(re *syntax.Regexp) ([]string, bool, bool) { return startsN(re, maxClass) }
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return nil, false, false
		}
		return []string{string(re.Rune)}, false, true
	case syntax.OpEmptyMatch:
		return nil, true, true
	case syntax.OpBeginText:
		// "^": a match there starts at 0, with what follows; a try at
		// another offset must not take it (Rule.tryAt).
		return nil, true, true
	case syntax.OpCharClass:
		if re.Flags&syntax.FoldCase != 0 {
			return nil, false, false
		}
		var out []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				if len(out) == maxClass {
					return nil, false, false
				}
				out = append(out, string(r))
			}
		}
		return out, false, len(out) > 0
	case syntax.OpCapture:
		return starts(re.Sub[0])
	case syntax.OpPlus:
		return starts(re.Sub[0])
	case syntax.OpQuest, syntax.OpStar:
		l, _, ok := starts(re.Sub[0])
		return l, true, ok
	case syntax.OpRepeat:
		l, n, ok := starts(re.Sub[0])
		return l, n || re.Min == 0, ok
	case syntax.OpConcat:
		var out []string
		for i, sub := range re.Sub {
			l, n, ok := starts(sub)
			if !ok {
				return nil, false, false
			}
			if !n && sub.Op == syntax.OpLiteral && i+1 < len(re.Sub) && extendable(re.Sub[i+1]) {
				// The parser factors alternatives ("c(?:ung cấp|ông
				// bố)"): a literal followed by what must follow it
				// is the longer, more selective start.
				rest := &syntax.Regexp{Op: syntax.OpConcat, Sub: re.Sub[i+1:]}
				if l2, n2, ok2 := starts(rest); ok2 && !n2 && len(l2) <= 16 {
					ext := make([]string, len(l2))
					for j, x := range l2 {
						ext[j] = l[0] + x
					}
					l = ext
				}
			}
			out = append(out, l...)
			if !n {
				return out, false, true
			}
		}
		return out, true, true
	case syntax.OpAlternate:
		var out []string
		nullable := false
		for _, sub := range re.Sub {
			l, n, ok := starts(sub)
			if !ok {
				return nil, false, false
			}
			out = append(out, l...)
			nullable = nullable || n
		}
		return out, nullable, true
	}
	// Assertions (^, $, \b), any character, large classes.
	return nil, false, false
}

// extendable reports whether a start literal may be extended by the
// starts of re: a literal or a group, not a class or an optional part
// (whose starts would multiply the literals without making them more
// selective).
func extendable(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpLiteral, syntax.OpAlternate, syntax.OpCapture, syntax.OpConcat:
		return true
	}
	return false
}

// gatedRegexp is a regular expression of the package (not of a rule)
// that runs on a segment's lower-case text only where the segment holds
// the literals every match needs: a set lookup instead of a search that
// fails. It is compiled on first use.
type gatedRegexp struct {
	pattern string
	once    sync.Once
	re      *startRegexp
	gate    [][]int // keyword ids, set by derived.indexKeywords
}

// gatedRegexps are the gated regular expressions, which the keyword
// automaton must know.
var gatedRegexps []*gatedRegexp

// gated returns a gated regular expression of pattern, written in lower
// case.
func gated(pattern string) *gatedRegexp {
	g := &gatedRegexp{pattern: pattern}
	gatedRegexps = append(gatedRegexps, g)
	return g
}

// regexp returns the compiled regular expression, tried at its start
// literals.
func (g *gatedRegexp) regexp() *startRegexp {
	g.once.Do(func() { g.re = &startRegexp{Regexp: regexp.MustCompile(g.pattern)} })
	return g.re
}

// may reports whether a text with the keyword set kw may hold a match.
func (g *gatedRegexp) may(kw kwSet) bool { return kw == nil || kw.hasAll(g.gate) }

// MatchString is regexp.MatchString, skipped where kw rules a match out.
func (g *gatedRegexp) MatchString(s string, kw kwSet) bool {
	return g.may(kw) && g.regexp().MatchString(s)
}

// FindStringIndex is regexp.FindStringIndex, skipped where kw rules a
// match out.
func (g *gatedRegexp) FindStringIndex(s string, kw kwSet) []int {
	if !g.may(kw) {
		return nil
	}
	return g.regexp().FindStringIndex(s)
}

// FindAllStringIndex is regexp.FindAllStringIndex (all matches), skipped
// where kw rules a match out.
func (g *gatedRegexp) FindAllStringIndex(s string, kw kwSet) [][]int {
	if !g.may(kw) {
		return nil
	}
	return g.regexp().FindAllStringIndex(s, -1)
}

// isFree reports whether r is a rune a match may hold any number of
// without cost (see maxCost): white space (\s), digits and the
// separators of numbers.
func isFree(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\f', '\r', '.', ',':
		return true
	}
	return r >= '0' && r <= '9'
}

// maxCost returns the most runes other than free ones (isFree) that a
// match of re can hold, or -1 when there is no bound (".*", "[^:]*").
// A match of a pattern of cost n starting at some offset ends before the
// (n+1)th costly rune from there: the text up to and including that
// rune is all a match there can read, assertions included.
func maxCost(re *syntax.Regexp) int {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return 0
	case syntax.OpLiteral:
		n := 0
		for _, r := range re.Rune {
			if !isFree(r) || re.Flags&syntax.FoldCase != 0 {
				n++
			}
		}
		return n
	case syntax.OpCharClass:
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				if !isFree(r) {
					return 1
				}
			}
		}
		return 0
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return 1
	case syntax.OpCapture:
		return maxCost(re.Sub[0])
	case syntax.OpQuest:
		return maxCost(re.Sub[0])
	case syntax.OpStar, syntax.OpPlus:
		if maxCost(re.Sub[0]) == 0 {
			return 0
		}
		return -1
	case syntax.OpRepeat:
		n := maxCost(re.Sub[0])
		switch {
		case n == 0:
			return 0
		case n < 0 || re.Max < 0:
			return -1
		}
		return n * re.Max
	case syntax.OpConcat, syntax.OpAlternate:
		// The sum of the parts, or the costliest alternative.
		acc := 0
		for _, sub := range re.Sub {
			n := maxCost(sub)
			if n < 0 {
				return -1
			}
			if re.Op == syntax.OpConcat {
				acc += n
			} else {
				acc = max(acc, n)
			}
		}
		return acc
	}
	return -1
}

// window returns text[st:], cut after the (cost+1)th costly rune (see
// maxCost): all that a match of cost at most cost starting at st can
// read. A negative cost leaves it whole. ends holds the end offset of
// every costly rune of text (costlyEnds).
func window(text string, ends []int32, st, cost int) string {
	if cost < 0 {
		return text[st:]
	}
	// The costly runes that end at or before st are before it.
	k, _ := slices.BinarySearch(ends, int32(st+1))
	if k+cost < len(ends) {
		return text[st:ends[k+cost]]
	}
	return text[st:]
}

// costlyEnds returns the end offset of every costly rune of text (a
// rune that is not free: isFree).
func costlyEnds(text string) []int32 {
	var out []int32
	for i := nextCostly(text, 0); i >= 0; i = nextCostly(text, i) {
		out = append(out, int32(i))
	}
	return out
}

// nextCostly returns the end of the first costly rune of text at or
// after offset i, or -1.
func nextCostly(text string, i int) int {
	for i < len(text) {
		c := text[i]
		if c >= utf8.RuneSelf {
			_, w := utf8.DecodeRuneInString(text[i:])
			return i + w
		}
		i++
		if !isFree(rune(c)) {
			return i
		}
	}
	return -1
}

// hasBeginText reports whether re holds a "^" (beginning of text).
func hasBeginText(re *syntax.Regexp) bool {
	if re.Op == syntax.OpBeginText {
		return true
	}
	for _, sub := range re.Sub {
		if hasBeginText(sub) {
			return true
		}
	}
	return false
}

// nextAnchor finds, in a pattern that is a concatenation, the first
// part after the first that cannot match the empty string and starts
// with known literals (startsOf): every match holds one of lits, starting
// after at most cost costly runes from the match's start (see maxCost).
// A try at an offset where none of lits stands that near cannot match.
// It returns nil lits when there is no such part.
func nextAnchor(re *syntax.Regexp) (lits []string, cost int) {
	if re.Op != syntax.OpConcat {
		return nil, 0
	}
	for k := 1; k < len(re.Sub); k++ {
		l, nullable, ok := starts(re.Sub[k])
		if !ok || nullable || len(l) == 0 || !usableStarts(l) {
			continue
		}
		cost := maxCost(&syntax.Regexp{Op: syntax.OpConcat, Sub: re.Sub[:k]})
		if cost < 0 {
			return nil, 0
		}
		return l, cost
	}
	return nil, 0
}

// usableStarts reports whether start literals are worth keywords: none
// shorter than 3 bytes but a clause's punctuation.
func usableStarts(lits []string) bool {
	for _, l := range lits {
		if len(l) < 3 && !(len(l) == 1 && strings.ContainsRune("(),;:", rune(l[0]))) {
			return false
		}
	}
	return true
}

// foldedRegexp is a regular expression matched folding case, run only
// where the text, lower-cased, holds the literals every match needs.
type foldedRegexp struct {
	pattern string // in lower case
	once    sync.Once
	re      *regexp.Regexp
	sets    [][]string
}

// folded returns a case-folding regular expression of pattern, written
// in lower case.
func folded(pattern string) *foldedRegexp { return &foldedRegexp{pattern: pattern} }

// MatchString reports whether the pattern matches s, folding case.
func (f *foldedRegexp) MatchString(s string) bool {
	f.once.Do(func() {
		f.re = regexp.MustCompile(`(?i)` + f.pattern)
		f.sets = requiredLiterals(f.pattern)
	})
	// ſ folds to s and µ to μ without lower-casing to them: no gate.
	if !strings.ContainsAny(s, "ſµ") && !passesGate(toLower(s), f.sets) {
		return false
	}
	return f.re.MatchString(s)
}

// startRegexp is a regular expression of the package whose matches all
// start with one of a few literals (starts): it is searched only where
// one of them stands, by trying the pattern anchored there, which finds
// the matches a search from every position finds (the leftmost position
// where an anchored try matches is where that search's match starts,
// and the try prefers the same match) at a fraction of the cost: Go's
// backtracker tries every position of a text for an alternation of
// words. A try past offset 0 reads the rune before the offset first, so
// that "^" cannot match there and "\b" sees its left side. A pattern
// without such literals (one that may match the empty string, or starts
// with a long class, folds case or starts with an assertion) is searched
// from every position as before.
type startRegexp struct {
	*regexp.Regexp
	once     sync.Once
	starts   []string       // what every match starts with, nil for none known
	anchored *regexp.Regexp // the pattern anchored at 0
	mid      *regexp.Regexp // anchored after one rune
}

// startRegexps are the startRegexps of the package, for the test that
// checks them against a search from every position.
var startRegexps []*startRegexp

// startRe compiles a startRegexp.
func startRe(pattern string) *startRegexp {
	s := &startRegexp{Regexp: regexp.MustCompile(pattern)}
	startRegexps = append(startRegexps, s)
	return s
}

// maxStarts bounds the start literals worth trying one by one.
const maxStarts = 32

// prepare finds the start literals and compiles the anchored forms, once.
func (s *startRegexp) prepare() {
	s.once.Do(func() {
		s.anchored = regexp.MustCompile(`^(?:` + s.String() + `)`)
		s.mid = regexp.MustCompile(`^(?s:.)(?:` + s.String() + `)`)
		re, err := syntax.Parse(s.String(), syntax.Perl)
		if err != nil {
			return // compiled above: cannot happen
		}
		lits, nullable, ok := startsN(re, 10) // digits too
		if !ok || nullable || len(lits) == 0 || len(lits) > maxStarts || slices.ContainsFunc(lits, func(l string) bool {
			return strings.TrimSpace(l) == "" // a space stands everywhere
		}) {
			return
		}
		s.starts = lits
	})
}

// at tries the pattern anchored at offset st of text and returns the
// match's span in text (with its groups' where sub is set), or nil.
func (s *startRegexp) at(text string, st int, sub bool) []int {
	if st == 0 {
		if sub {
			return s.anchored.FindStringSubmatchIndex(text)
		}
		return s.anchored.FindStringIndex(text)
	}
	_, n := utf8.DecodeLastRuneInString(text[:st])
	var loc []int
	if sub {
		loc = s.mid.FindStringSubmatchIndex(text[st-n:])
	} else {
		loc = s.mid.FindStringIndex(text[st-n:])
	}
	if loc == nil {
		return nil
	}
	for k := range loc {
		if loc[k] >= 0 {
			loc[k] += st - n
		}
	}
	loc[0] = st // the match starts after the rune before it
	return loc
}

// candidates returns the offsets where a start literal stands, sorted,
// each once.
func (s *startRegexp) candidates(text string) []int {
	var out []int
	for _, l := range s.starts {
		out = appendIndexes(out, text, l)
	}
	return sortedSet(out)
}

// appendIndexes appends to out the offsets of every occurrence of l in
// text, overlapping ones included.
func appendIndexes(out []int, text, l string) []int {
	for i := 0; ; {
		j := strings.Index(text[i:], l)
		if j < 0 {
			return out
		}
		out = append(out, i+j)
		i += j + 1
	}
}

// sortedSet sorts offsets and drops repeats.
func sortedSet(out []int) []int {
	if len(out) > 1 {
		slices.Sort(out)
		out = slices.Compact(out)
	}
	return out
}

// tryAll returns up to n matches (all for n < 0) of the pattern that
// start at one of the offsets cands (sorted), which must hold every
// offset where a match can start, as FindAllString(Submatch)Index does.
func (s *startRegexp) tryAll(text string, cands []int, n int, sub bool) [][]int {
	var out [][]int
	end := 0
	for _, st := range cands {
		if n >= 0 && len(out) == n {
			break
		}
		if st < end {
			continue
		}
		if loc := s.at(text, st, sub); loc != nil {
			out = append(out, loc)
			end = loc[1]
		}
	}
	return out
}

// FindAllStringIndex is regexp.FindAllStringIndex.
func (s *startRegexp) FindAllStringIndex(text string, n int) [][]int {
	s.prepare()
	if s.starts == nil {
		return s.Regexp.FindAllStringIndex(text, n)
	}
	return s.tryAll(text, s.candidates(text), n, false)
}

// FindStringIndex is regexp.FindStringIndex.
func (s *startRegexp) FindStringIndex(text string) []int {
	if m := s.FindAllStringIndex(text, 1); m != nil {
		return m[0]
	}
	return nil
}

// MatchString is regexp.MatchString.
func (s *startRegexp) MatchString(text string) bool { return s.FindStringIndex(text) != nil }
