package rules

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/baocao/baocao/normalize"
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

// requiredOf is requiredLiterals of a parsed pattern
// (normalize.RequiredLiterals).
func requiredOf(re *syntax.Regexp) [][]string {
	return normalize.RequiredLiterals(re)
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

// starts returns the literals the non-empty matches of re start with
// (normalize.StartLiterals: in the lower case the rules read, no case
// folding), whether re matches the empty string, and whether the
// literals are known.
func starts(re *syntax.Regexp) (lits []string, nullable, ok bool) {
	return normalize.StartLiterals(re, 8, false)
}

// gatedRegexp is a regular expression of the package (not of a rule)
// that runs on a segment's lower-case text only where the segment holds
// the literals every match needs: a set lookup instead of a search that
// fails. It is compiled on first use.
type gatedRegexp struct {
	pattern string
	once    sync.Once
	re      *normalize.Searcher
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
func (g *gatedRegexp) regexp() *normalize.Searcher {
	g.once.Do(func() { g.re = normalize.NewSearcher(g.pattern) })
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

// startRegexps are the expressions of the package searched at their
// start literals (normalize.Searcher), for the test that checks them
// against a search from every position.
var startRegexps []*normalize.Searcher

// startRe compiles a normalize.Searcher.
func startRe(pattern string) *normalize.Searcher {
	s := normalize.NewSearcher(pattern)
	startRegexps = append(startRegexps, s)
	return s
}
