package normalize

import (
	"math"
	"strconv"
	"strings"
)

// FormatNumber writes v the Vietnamese way, the inverse of
// [ParseNumber]: "." between thousands and "," before the decimals
// (1.543; 46,14; 29.473,482; -0,5). dec is the number of decimals; a
// negative dec writes as many as v needs, up to 6.
func FormatNumber(v float64, dec int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	if dec < 0 {
		dec = 0
		for p := 1.0; dec < 6 && math.Abs(v*p-math.Round(v*p)) >= 1e-6; p *= 10 {
			dec++
		}
	}
	neg := v < 0
	s := strconv.FormatFloat(math.Abs(v), 'f', dec, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	if neg && strings.Trim(s, "0.") != "" {
		b.WriteByte('-')
	}
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(c)
	}
	if frac != "" {
		b.WriteByte(',')
		b.WriteString(frac)
	}
	return b.String()
}
