package rules

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/baocao/baocao/normalize"
)

// This file holds the small number lexer the text and table checks use.
// It reads exactly what an arithmetic claim needs (counts, percentages
// with the decimals shown, ratios A/B) and recognises what must never be
// mistaken for them: dates (05/8/2021, 9/2021), document numbers
// (2134/QĐ-UBND, 04-NQ/TU), years and words with digits (COVID-19, IPv6).

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
	val  float64 // the value; for a ratio 100*num/den
	dec  int     // decimals shown
	// num and den are the parts of a ratio.
	num, den float64
	// start and end are the byte offsets of the token (the qualifier
	// excluded, the % sign included).
	start, end int
	qual       qualifier
}

// qualifier bounds a figure: exact, over ("hơn"), under ("dưới") or
// approx ("khoảng").
type qualifier int

const (
	qExact qualifier = iota
	qOver
	qUnder
	qApprox
)

// parseQualifier maps the JSON contract's qualifier strings.
func parseQualifier(s string) qualifier {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "over":
		return qOver
	case "under":
		return qUnder
	case "approx":
		return qApprox
	}
	return qExact
}

var qualWords = []struct {
	w string
	q qualifier
}{
	{"chưa đến", qUnder}, {"chưa tới", qUnder}, {"không quá", qUnder}, {"dưới", qUnder},
	{"ít nhất", qOver}, {"tối thiểu", qOver}, {"hơn", qOver}, {"trên", qOver}, {"vượt", qOver},
	{"xấp xỉ", qApprox}, {"khoảng", qApprox}, {"gần", qApprox}, {"ước", qApprox}, {"ước tính", qApprox}, {"ước đạt", qApprox},
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

// qualifierBefore reports the qualifier word that ends s.
func qualifierBefore(s string) qualifier {
	s = strings.ToLower(strings.TrimRight(tail(s, 32), " \t"))
	for _, w := range qualWords {
		if strings.HasSuffix(s, w.w) {
			rest := s[:len(s)-len(w.w)]
			if r, _ := utf8.DecodeLastRuneInString(rest); rest == "" || !isWordRune(r) {
				return w.q
			}
		}
	}
	return qExact
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func isASCIIDigit(b byte) bool { return b >= '0' && b <= '9' }

// lexNumbers returns the numeric tokens of s in order.
func lexNumbers(s string) []tok {
	var out []tok
	for i := 0; i < len(s); {
		if !isASCIIDigit(s[i]) {
			_, w := utf8.DecodeRuneInString(s[i:])
			i += w
			continue
		}
		// A digit glued to a word (IPv6, COVID-19, Nh-5b) is not a number.
		if i > 0 {
			r, _ := utf8.DecodeLastRuneInString(s[:i])
			glued := unicode.IsLetter(r) || r == '_'
			if r == '-' || r == '.' || r == ',' {
				r2, _ := utf8.DecodeLastRuneInString(s[:i-1])
				glued = unicode.IsLetter(r2) || unicode.IsDigit(r2)
			}
			if glued {
				i = skipWord(s, i)
				continue
			}
		}
		t, next := lexOne(s, i)
		out = append(out, t)
		i = next
	}
	return out
}

// skipWord skips the letters and digits from i.
func skipWord(s string, i int) int {
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			break
		}
		i += w
	}
	return i
}

// numLit reads a number literal from i: digits with '.' and ','
// separators between digits.
func numLit(s string, i int) (raw string, end int) {
	j := i
	for j < len(s) {
		if isASCIIDigit(s[j]) {
			j++
			continue
		}
		if (s[j] == '.' || s[j] == ',') && j+1 < len(s) && isASCIIDigit(s[j+1]) {
			j++
			continue
		}
		break
	}
	return s[i:j], j
}

// parseLit parses a literal read by numLit the Vietnamese way ('.'
// groups thousands, ',' marks decimals), accepting the English decimal
// point where the grouping cannot be meant ("96.1", "0.09"). percent
// says a % sign follows.
func parseLit(raw string, percent bool) (v float64, dec int, ok bool) {
	dots, commas := strings.Count(raw, "."), strings.Count(raw, ",")
	intPart, frac := raw, ""
	switch {
	case dots > 0 && commas > 0:
		ld, lc := strings.LastIndex(raw, "."), strings.LastIndex(raw, ",")
		if lc > ld { // 29.473,482
			intPart, frac = strings.ReplaceAll(raw[:lc], ".", ""), raw[lc+1:]
		} else { // 1,234.5
			intPart, frac = strings.ReplaceAll(raw[:ld], ",", ""), raw[ld+1:]
		}
	case commas == 1:
		k := strings.Index(raw, ",")
		intPart, frac = raw[:k], raw[k+1:]
	case commas > 1:
		intPart = strings.ReplaceAll(raw, ",", "")
	case dots == 1:
		k := strings.Index(raw, ".")
		grouped := len(raw)-k-1 == 3 && raw[:k] != "0" && len(raw[:k]) <= 3
		if grouped && percent {
			g, _ := strconv.ParseFloat(raw[:k]+raw[k+1:], 64)
			grouped = g <= 1000
		}
		if grouped {
			intPart = raw[:k] + raw[k+1:]
		} else {
			intPart, frac = raw[:k], raw[k+1:]
		}
	case dots > 1:
		intPart = strings.ReplaceAll(raw, ".", "")
	}
	lit := intPart
	if frac != "" {
		lit += "." + frac
	}
	v, err := strconv.ParseFloat(lit, 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, 0, false
	}
	return v, len(frac), true
}

// lexOne reads the token that starts with the digit at i.
func lexOne(s string, i int) (tok, int) {
	raw, j := numLit(s, i)
	t := tok{kind: tokCount, start: i, qual: qualifierBefore(s[:i])}
	// Percent: "46,14%", "46,14 %".
	k := j
	for k < len(s) && s[k] == ' ' {
		k++
	}
	percent := k < len(s) && s[k] == '%'
	v, dec, ok := parseLit(raw, percent)
	if !ok {
		return tok{kind: tokDoc, start: i, end: j}, j
	}
	t.val, t.dec, t.end = v, dec, j
	switch {
	case percent:
		t.kind, t.end = tokPercent, k+1
		return t, k + 1
	case j < len(s) && s[j] == '/':
		if j+1 < len(s) && isASCIIDigit(s[j+1]) {
			raw2, j2 := numLit(s, j+1)
			if j2 < len(s) && (s[j2] == '/' || s[j2] == '-') && j2+1 < len(s) && (isASCIIDigit(s[j2+1]) || s[j2+1] >= 0x80 || unicode.IsLetter(rune(s[j2+1]))) {
				return tok{kind: tokDate, start: i, end: j2}, skipDocTail(s, j2)
			}
			if j2 < len(s) && (unicode.IsLetter(rune(s[j2])) || s[j2] >= 0x80) {
				r, _ := utf8.DecodeRuneInString(s[j2:])
				if unicode.IsLetter(r) {
					return tok{kind: tokDoc, start: i, end: j2}, skipDocTail(s, j2)
				}
			}
			d, ddec, ok := parseLit(raw2, false)
			if !ok {
				return tok{kind: tokDoc, start: i, end: j2}, j2
			}
			if isBareYear(raw2) && v >= 1 && v <= 12 && dec == 0 {
				return tok{kind: tokDate, start: i, end: j2}, j2
			}
			_ = ddec
			t.kind, t.num, t.den, t.end = tokRatio, v, d, j2
			if d != 0 {
				t.val = 100 * v / d
			}
			return t, j2
		}
		// "2134/QĐ-UBND"
		return tok{kind: tokDoc, start: i, end: j}, skipDocTail(s, j)
	case j+1 < len(s) && s[j] == '-' && !isASCIIDigit(s[j+1]) && s[j+1] != ' ':
		// "04-NQ/TU"
		return tok{kind: tokDoc, start: i, end: j}, skipDocTail(s, j)
	case isBareYear(raw):
		t.kind = tokYear
		if j+1 < len(s) && s[j] == '-' && isASCIIDigit(s[j+1]) {
			_, j = numLit(s, j+1)
			t.end = j
		}
		return t, j
	}
	return t, j
}

// skipDocTail skips the rest of a document number or date: letters,
// digits, '/', '-' and '.' without spaces.
func skipDocTail(s string, i int) int {
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) && r != '/' && r != '-' && r != '.' {
			break
		}
		if r == '.' && (i+1 >= len(s) || s[i+1] == ' ') {
			break
		}
		i += w
	}
	return i
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
