package rules

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/baocao/baocao/normalize"
)

// This file turns the numbers of a text into the tokens the text and
// table checks read. The numbers are found and parsed by normalize's
// scanner (normalize.ScanNumbers, normalize.ParseNumber): what an
// arithmetic claim needs (counts, percentages with the decimals shown,
// ratios A/B) and what must never be mistaken for them (dates such as
// 05/8/2021 and 9/2021, document numbers such as 2134/QĐ-UBND and
// 04-NQ/TU, years, words with digits such as COVID-19 and IPv6, and
// malformed numbers such as 2.130.11).

// tokKind is the kind of a numeric token.
type tokKind int

const (
	tokCount   tokKind = iota // 1.543, 29.473,482, 0.09
	tokPercent                // 46,14%
	tokRatio                  // 153/191
	tokDate                   // 13/12/2021, 9/2021
	tokYear                   // 2021, 2021-2025
	tokDoc                    // 2134/QĐ-UBND, 04-NQ/TU
)

// tok is a numeric token of a string.
type tok struct {
	kind tokKind
	val  float64 // the value as written (before any scale word); for a ratio 100*num/den
	dec  int     // decimals shown
	// num and den are the parts of a ratio.
	num, den float64
	// start and end are the byte offsets of the token (the qualifier
	// excluded, the % sign included; a scale word or currency after a
	// count is not part of it).
	start, end int
	qual       normalize.Qualifier
}

// qualOf reads a qualifier of the JSON contract ("over", "under",
// "approx", or "" for an exact figure).
func qualOf(s string) normalize.Qualifier {
	switch q := normalize.Qualifier(strings.ToLower(strings.TrimSpace(s))); q {
	case normalize.Over, normalize.Under, normalize.Approx:
		return q
	}
	return normalize.Exact
}

// tail returns about the last n bytes of s, cut at a rune boundary.
func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := len(s) - n
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return s[i:]
}

// lexNumbers returns the numeric tokens of s in order: the expressions
// normalize.ScanNumbers finds, except names and codes (IPv6, COVID-19,
// Điều 5, 4.0) and malformed numbers, which are no tokens at all. A count
// is read as written: "29.473,482 triệu" is 29473.482, so that the
// numbers of a claim compare in the unit the text states them in. A bare
// four-digit number from 1900 to 2100 is a year.
func lexNumbers(s string) []tok {
	return tokens(s, normalize.ScanNumbers(s))
}

// tokens turns the numbers ScanNumbers found in s into tokens.
func tokens(s string, ns []normalize.Number) []tok {
	out := make([]tok, 0, len(ns))
	for _, n := range ns {
		t := tok{start: n.NumStart, end: n.NumEnd, qual: n.Qualifier}
		raw := s[n.NumStart:n.NumEnd]
		switch n.Kind {
		case normalize.Count, normalize.Money:
			v, dec, ok := normalize.ParseNumber(raw)
			if !ok {
				continue
			}
			t.kind, t.val, t.dec = tokCount, v, dec
			if isBareYear(raw) {
				t.kind = tokYear
			}
		case normalize.Percent:
			t.kind, t.val, t.dec, t.end = tokPercent, n.Value, n.Decimals, n.End
		case normalize.Ratio:
			t.kind, t.num, t.den = tokRatio, n.Num, n.Den
			if n.Den != 0 {
				t.val = 100 * n.Num / n.Den
			}
		case normalize.Date:
			t.kind, t.end = tokDate, n.End
		case normalize.Year:
			t.kind, t.val, t.end = tokYear, n.Value, n.End
		case normalize.DocNumber:
			t.kind, t.end = tokDoc, n.End
		default:
			continue
		}
		out = append(out, t)
	}
	return out
}

// isBareYear reports whether a literal is a bare year 1900–2100.
func isBareYear(raw string) bool {
	if len(raw) != 4 {
		return false
	}
	n, err := strconv.Atoi(raw)
	return err == nil && n >= 1900 && n <= 2100
}

// decimalsOf returns the decimals needed to print v exactly (up to 6).
func decimalsOf(v float64) int {
	for d := 0; d < 6; d++ {
		p := math.Pow(10, float64(d))
		if math.Abs(v*p-math.Round(v*p)) < 1e-6 {
			return d
		}
	}
	return 6
}

// fmtNum formats v with the decimals it needs.
func fmtNum(v float64) string { return normalize.FormatNumber(v, decimalsOf(v)) }

// roundTo2 rounds v to 2 decimals.
func roundTo2(v float64) float64 { return math.Round(v*100) / 100 }
