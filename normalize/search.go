package normalize

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// RequiredLiterals returns what any match of re must contain: a list
// of sets of literals, where a match holds at least one literal of every
// set. Only literals of 3 bytes or more are kept, so that
// strings.Contains on them is a cheap, selective test; a literal that
// folds case is none.
func RequiredLiterals(re *syntax.Regexp) [][]string {
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

// StartLiterals returns the literals the non-empty matches of re start
// with, whether re matches the empty string, and whether the literals
// are known. A class is known when it holds at most maxClass runes. A
// literal that folds case is known only with fold set, in lower case:
// the matches then start with it in the lower case of the text (see
// Searcher). Assertions (^ aside), any character and larger classes are
// not known.
func StartLiterals(re *syntax.Regexp, maxClass int, fold bool) (lits []string, nullable, ok bool) {
	starts := func(re *syntax.Regexp) ([]string, bool, bool) { return StartLiterals(re, maxClass, fold) }
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			if !fold {
				return nil, false, false
			}
			return []string{strings.Map(unicode.ToLower, string(re.Rune))}, false, true
		}
		return []string{string(re.Rune)}, false, true
	case syntax.OpEmptyMatch:
		return nil, true, true
	case syntax.OpBeginText:
		// "^": a match there starts at 0, with what follows; a try at
		// another offset must not take it.
		return nil, true, true
	case syntax.OpCharClass:
		fc := re.Flags&syntax.FoldCase != 0
		if fc && !fold {
			return nil, false, false
		}
		var out []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				if fc {
					r := unicode.ToLower(r)
					if slices.Contains(out, string(r)) {
						continue
					}
				}
				if len(out) == maxClass {
					return nil, false, false
				}
				if fc {
					out = append(out, string(unicode.ToLower(r)))
				} else {
					out = append(out, string(r))
				}
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

// Searcher is a regular expression searched only in a text that holds
// the literals every match holds (RequiredLiterals) and, where its
// matches all start with one of a few literals (StartLiterals), only
// where one of them stands, by trying the pattern anchored there. That
// finds the matches a search from every position finds (the leftmost position where an
// anchored try matches is where that search's match starts, and the try
// prefers the same match) at a fraction of the cost: Go's backtracker
// tries every position of a text for an alternation of words. A try past
// offset 0 reads the rune before the offset first, so that "^" cannot
// match there and "\b" sees its left side.
//
// A pattern that folds case finds its start literals in the lower case
// of the text, where lower-casing keeps every rune's width and lower-
// cases every rune as it folds (not "ſ", which folds to s): elsewhere,
// and for a pattern without such literals (one that may match the empty
// string, starts with a long class, a space or an assertion), it is
// searched from every position.
//
// MatchString only gates the search: where no start literal stands there
// is no match, elsewhere the pattern is searched as before, which spares
// compiling the anchored forms of a pattern that is only ever tested.
type Searcher struct {
	pattern  string
	onceRe   sync.Once
	re       *regexp.Regexp // compiled on first use
	once     sync.Once
	starts   []string   // what every match starts with, nil for none known
	sets     [][]string // what every match holds (RequiredLiterals)
	fold     bool       // starts are in lower case: look for them in the lower case
	onceTry  sync.Once
	anchored *regexp.Regexp // the pattern anchored at 0
	mid      *regexp.Regexp // anchored after one rune
}

// NewSearcher returns a Searcher of pattern. The pattern is compiled,
// its start literals found and its anchored forms compiled on first
// use, which panics if it does not compile (like regexp.MustCompile;
// the tests use every Searcher of the program).
func NewSearcher(pattern string) *Searcher { return &Searcher{pattern: pattern} }

// Regexp returns the compiled expression (compiled on first use: a
// process start compiles none).
func (s *Searcher) Regexp() *regexp.Regexp {
	s.onceRe.Do(func() { s.re = regexp.MustCompile(s.pattern) })
	return s.re
}

// String returns the pattern.
func (s *Searcher) String() string { return s.pattern }

// maxStarts bounds the start literals worth trying one by one.
const maxStarts = 32

// Prepare finds the start literals, once; the methods call it.
func (s *Searcher) Prepare() {
	s.once.Do(func() {
		re, err := syntax.Parse(s.String(), syntax.Perl)
		if err != nil {
			return // compiled above: cannot happen
		}
		s.sets = RequiredLiterals(re)
		lits, nullable, ok := StartLiterals(re, 10, false) // digits too
		if !ok {
			lits, nullable, ok = StartLiterals(re, 10, true)
			s.fold = true
		}
		if !ok || nullable || len(lits) == 0 || len(lits) > maxStarts || slices.ContainsFunc(lits, func(l string) bool {
			return strings.TrimSpace(l) == "" // a space stands everywhere
		}) {
			return
		}
		s.starts = lits
	})
}

// Starts returns the literals every match starts with, nil when they
// are not known (the pattern is searched from every position).
func (s *Searcher) Starts() []string {
	s.Prepare()
	return s.starts
}

// anchor compiles the anchored forms, once.
func (s *Searcher) anchor() {
	s.onceTry.Do(func() {
		s.anchored = regexp.MustCompile(`^(?:` + s.String() + `)`)
		s.mid = regexp.MustCompile(`^(?s:.)(?:` + s.String() + `)`)
	})
}

// at tries the pattern anchored at offset st of text and returns the
// match's span in text (with its groups' where sub is set), or nil.
func (s *Searcher) at(text string, st int, sub bool) []int {
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

// candidates returns the offsets where a start literal stands in text,
// sorted, each once, and false where they cannot be found (a pattern
// that folds case on a text whose lower case moves offsets).
func (s *Searcher) candidates(text string) ([]int, bool) {
	if s.fold {
		lower, ok := foldLower(text)
		if !ok {
			return nil, false
		}
		text = lower
	}
	return s.candidatesIn(text), true
}

// candidatesIn returns the offsets where a start literal stands in text
// (the lower case of the text searched for a pattern that folds case).
func (s *Searcher) candidatesIn(text string) []int {
	var out []int
	for _, l := range s.starts {
		out = AppendIndexes(out, text, l)
	}
	return SortedOffsets(out)
}

// foldLower returns s in lower case and true when lower-casing keeps
// the width of every rune and takes every rune to what all the runes it
// folds with take it to (K to k, but not ſ, which folds with s and stays
// ſ): then text folds to a lower-case literal at an offset exactly where
// its lower case holds the literal.
func foldLower(s string) (string, bool) {
	i := 0
	for i < len(s) && s[i] < utf8.RuneSelf {
		i++
	}
	if i == len(s) {
		return strings.ToLower(s), true
	}
	t := runes()
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		l := lowerRune(t, r)
		if r >= utf8.RuneSelf {
			if utf8.RuneLen(l) != utf8.RuneLen(r) {
				return "", false
			}
			if !foldsAsLower(r, l) {
				return "", false
			}
		}
		// An ASCII letter lower-cases as its orbit's other members may
		// not (K, ſ), but to the letter a literal holds.
		b.WriteRune(l)
	}
	return b.String(), true
}

// AppendIndexes appends to out the offsets of every occurrence of l in
// text, overlapping ones included.
func AppendIndexes(out []int, text, l string) []int {
	for i := 0; ; {
		j := strings.Index(text[i:], l)
		if j < 0 {
			return out
		}
		out = append(out, i+j)
		i += j + 1
	}
}

// SortedOffsets sorts offsets and drops repeats.
func SortedOffsets(out []int) []int {
	if len(out) > 1 {
		slices.Sort(out)
		out = slices.Compact(out)
	}
	return out
}

// TryAll returns up to n matches (all for n < 0) of the pattern that
// start at one of the offsets cands (sorted), which must hold every
// offset where a match can start, as FindAllString(Submatch)Index does.
func (s *Searcher) TryAll(text string, cands []int, n int, sub bool) [][]int {
	s.anchor()
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

// find is FindAllString(Submatch)Index.
func (s *Searcher) find(text string, n int, sub bool) [][]int {
	s.Prepare()
	if !s.holdsRequired(text) {
		return nil
	}
	if s.starts != nil {
		if cands, ok := s.candidates(text); ok {
			return s.TryAll(text, cands, n, sub)
		}
	}
	if sub {
		return s.Regexp().FindAllStringSubmatchIndex(text, n)
	}
	return s.Regexp().FindAllStringIndex(text, n)
}

// FindAllFolded is FindAllStringSubmatchIndex(text, -1) given
// FoldLower(text) (lower, ok): for a text searched by several
// expressions that fold case.
func (s *Searcher) FindAllFolded(text, lower string, ok bool) [][]int {
	s.Prepare()
	if !s.holdsRequired(text) {
		return nil
	}
	if s.starts != nil && (!s.fold || ok) {
		in := text
		if s.fold {
			in = lower
		}
		return s.TryAll(text, s.candidatesIn(in), -1, true)
	}
	return s.Regexp().FindAllStringSubmatchIndex(text, -1)
}

// MayMatch reports whether text holds the literals every match holds.
func (s *Searcher) MayMatch(text string) bool {
	s.Prepare()
	return s.holdsRequired(text)
}

// FoldLower returns s in lower case and whether that is where a
// Searcher that folds case may look for its start literals: lower-casing
// keeps every rune's width and takes every rune where the runes it folds
// with go.
func FoldLower(s string) (string, bool) { return foldLower(s) }

// FindAllStringIndex is regexp.FindAllStringIndex.
func (s *Searcher) FindAllStringIndex(text string, n int) [][]int { return s.find(text, n, false) }

// FindAllStringSubmatchIndex is regexp.FindAllStringSubmatchIndex.
func (s *Searcher) FindAllStringSubmatchIndex(text string, n int) [][]int {
	return s.find(text, n, true)
}

// FindStringIndex is regexp.FindStringIndex.
func (s *Searcher) FindStringIndex(text string) []int {
	if m := s.find(text, 1, false); m != nil {
		return m[0]
	}
	return nil
}

// FindStringSubmatchIndex is regexp.FindStringSubmatchIndex.
func (s *Searcher) FindStringSubmatchIndex(text string) []int {
	if m := s.find(text, 1, true); m != nil {
		return m[0]
	}
	return nil
}

// holdsRequired reports whether text holds one literal of every set
// every match holds.
func (s *Searcher) holdsRequired(text string) bool {
	for _, set := range s.sets {
		found := false
		for _, l := range set {
			if strings.Contains(text, l) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// MatchString is regexp.MatchString, searched only where a start
// literal stands.
func (s *Searcher) MatchString(text string) bool {
	s.Prepare()
	if !s.holdsRequired(text) {
		return false
	}
	if s.starts != nil {
		t := text
		if s.fold {
			lower, ok := foldLower(text)
			if !ok {
				return s.Regexp().MatchString(text)
			}
			t = lower
		}
		found := false
		for _, l := range s.starts {
			if strings.Contains(t, l) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return s.Regexp().MatchString(text)
}

// foldsAsLower reports whether every rune r folds with lower-cases to
// l, r's lower case; memoised for the Vietnamese letters.
func foldsAsLower(r, l rune) bool {
	switch {
	case r >= 0x80 && r < 0x250:
		return latinFolds().a[r-0x80]
	case r >= 0x1E00 && r < 0x1F00:
		return latinFolds().b[r-0x1E00]
	}
	return foldsAsLowerSlow(r, l)
}

func foldsAsLowerSlow(r, l rune) bool {
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		if unicode.ToLower(f) != l {
			return false
		}
	}
	return true
}

// latinFolds memoises foldsAsLower for Latin-1, Latin Extended-A and -B
// (a) and Latin Extended Additional (b), where Vietnamese letters are.
var latinFolds = sync.OnceValue(func() *struct {
	a [0x250 - 0x80]bool
	b [0x100]bool
} {
	t := new(struct {
		a [0x250 - 0x80]bool
		b [0x100]bool
	})
	for i := range t.a {
		r := rune(0x80 + i)
		t.a[i] = foldsAsLowerSlow(r, unicode.ToLower(r))
	}
	for i := range t.b {
		r := rune(0x1E00 + i)
		t.b[i] = foldsAsLowerSlow(r, unicode.ToLower(r))
	}
	return t
})
