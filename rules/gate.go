package rules

import (
	"regexp/syntax"
	"strings"
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
	var out [][]string
	for _, set := range required(re) {
		ok := len(set) > 0
		for _, l := range set {
			if len(l) < 3 {
				ok = false
			}
		}
		if ok {
			out = append(out, set)
		}
	}
	return out
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
		var alts []string
		for _, sub := range re.Sub {
			best := bestSet(required(sub))
			if best == nil {
				return nil // one alternative requires nothing
			}
			alts = append(alts, best...)
		}
		return [][]string{alts}
	}
	return nil
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
	return lits
}

// starts returns the literals the non-empty matches of re start with,
// whether re matches the empty string, and whether the literals are
// known.
func starts(re *syntax.Regexp) (lits []string, nullable, ok bool) {
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return nil, false, false
		}
		return []string{string(re.Rune)}, false, true
	case syntax.OpEmptyMatch:
		return nil, true, true
	case syntax.OpCharClass:
		if re.Flags&syntax.FoldCase != 0 {
			return nil, false, false
		}
		var out []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				if len(out) == 8 {
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
