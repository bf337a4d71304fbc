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
	var out [][]string
	for _, set := range required(re.Simplify()) {
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
