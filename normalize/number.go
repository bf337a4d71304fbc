package normalize

import (
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Qualifier says how a figure relates to the true value.
type Qualifier string

// The qualifiers of the JSON contract.
const (
	Exact  Qualifier = ""       // no qualifier
	Approx Qualifier = "approx" // khoảng, gần, xấp xỉ, ước, …
	Over   Qualifier = "over"   // hơn, trên, vượt, …
	Under  Qualifier = "under"  // dưới, chưa đến, không quá, …
)

// NumberKind classifies a numeric expression.
type NumberKind int

// The kinds of numeric expression found by ScanNumbers. Count, Percent,
// Money and Ratio are values; the others are numbers that are not
// figures and that a caller normally skips.
const (
	Count     NumberKind = iota // a plain quantity: 1.058, 04, 2.215,6
	Percent                     // 46,14%; Value is 46.14
	Money                       // 29.473,482 triệu đồng; Value in whole đồng
	Ratio                       // 153/191; Num and Den set, Value = 100*Num/Den
	Date                        // 13/12/2021, tháng 9/2021, ngày 05 tháng 8 năm 2021
	Year                        // 2021, năm 2022, 2021-2025
	DocNumber                   // 2134/QĐ-UBND, 85/2016/NĐ-CP, 04-NQ/TU
	// Other is a number that is part of a name or code, not a figure:
	// ISO 27001, IPv6, COVID-19, 4.0, phiên bản 2.0, 24/7, 8:30,
	// Điều 5, section numbers such as "1.2." at the start of a line,
	// and tokens that are not well-formed numbers (1.2.3).
	Other
)

var kindNames = [...]string{"count", "percent", "money", "ratio", "date", "year", "docnumber", "other"}

// String returns the lower-case English name of k ("percent").
func (k NumberKind) String() string {
	if k >= 0 && int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind(" + strconv.Itoa(int(k)) + ")"
}

// IsValue reports whether k is a figure (Count, Percent, Money, Ratio).
func (k NumberKind) IsValue() bool { return k <= Ratio }

// Number is one numeric expression found in a string.
type Number struct {
	Kind      NumberKind
	Value     float64
	Decimals  int // decimals shown in the source ("46,14" → 2)
	Unit      string
	Qualifier Qualifier
	Num, Den  float64 // for Ratio
	// Start and End are byte offsets of the whole expression in the
	// scanned string, qualifier and unit included; NumStart and NumEnd
	// those of the digits of the value alone.
	Start, End       int
	NumStart, NumEnd int
	Text             string
	// Scale is the multiplier a scale word applied to the number as
	// written (1 when none): 1e6 for "1,2 triệu", 1e9 for "4,9 tỷ
	// đồng". Value already includes it.
	Scale float64
	// To is the last year of a Year range ("2021-2025" → 2025), else 0.
	To int
	// Time is the date of a Date, where year and month are known (day
	// 1 when the day is not given); the zero Time otherwise. For a
	// Date, Value is the year, or 0 when not given.
	Time time.Time
}

// ParseNumber parses one Vietnamese number token ("1.058", "29.473,482",
// "96.1", "04", "2.130.119") and reports the decimals shown.
//
// The token must consist of ASCII digits and the separators '.' and ','
// alone; it has no sign and no spaces ("1 234" is not a number). The
// rules, in order:
//
//   - both separators: the last one is the decimal point and the other
//     one groups thousands ("2.215,6" = 2215.6; "1,234.5" = 1234.5);
//   - dots only: several dots are thousands separators and every group
//     must have 3 digits ("2.130.119"); a single dot followed by exactly
//     3 digits groups thousands ("1.058" = 1058), unless the integer part
//     is 0 ("0.090" = 0.09); any other single dot is a decimal point
//     ("96.1", "23.46");
//   - commas only: a single comma is a decimal comma ("46,14", "1,234" =
//     1.234); several commas group thousands in English style and every
//     group must have 3 digits ("1,234,567").
//
// Leading zeros are allowed ("04" = 4).
func ParseNumber(s string) (v float64, decimals int, ok bool) {
	if s == "" {
		return 0, 0, false
	}
	ndot, ncomma := 0, 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '.':
			ndot++
		case c == ',':
			ncomma++
		case c < '0' || c > '9':
			return 0, 0, false
		}
	}
	if s[0] < '0' || s[0] > '9' || s[len(s)-1] < '0' || s[len(s)-1] > '9' {
		return 0, 0, false
	}
	var intPart, frac string
	var group byte
	switch {
	case ndot == 0 && ncomma == 0:
		intPart = s
	case ndot > 0 && ncomma > 0:
		last := strings.LastIndexAny(s, ".,")
		dec := s[last]
		group = '.'
		if dec == '.' {
			group = ','
		}
		if strings.IndexByte(s[:last], dec) >= 0 || strings.IndexByte(s[last:], group) >= 0 {
			return 0, 0, false
		}
		intPart, frac = s[:last], s[last+1:]
	case ndot == 1:
		i := strings.IndexByte(s, '.')
		if len(s)-i-1 == 3 && i <= 3 && s[:i] != "0" {
			if i > 1 && s[0] == '0' {
				return 0, 0, false // "01.234" is neither
			}
			intPart, group = s, '.'
		} else {
			intPart, frac = s[:i], s[i+1:]
		}
	case ndot > 1:
		intPart, group = s, '.'
	case ncomma == 1:
		i := strings.IndexByte(s, ',')
		intPart, frac = s[:i], s[i+1:]
	default:
		intPart, group = s, ','
	}
	if group != 0 {
		parts := strings.Split(intPart, string(group))
		if len(parts[0]) < 1 || len(parts[0]) > 3 || (len(parts[0]) > 1 && parts[0][0] == '0') {
			return 0, 0, false
		}
		for _, p := range parts[1:] {
			if len(p) != 3 {
				return 0, 0, false
			}
		}
		intPart = strings.Join(parts, "")
	}
	if intPart == "" || strings.ContainsAny(intPart, ".,") || strings.ContainsAny(frac, ".,") {
		return 0, 0, false
	}
	num := intPart
	if frac != "" {
		num += "." + frac
	}
	v, err := strconv.ParseFloat(num, 64)
	if err != nil || math.IsInf(v, 0) {
		return 0, 0, false
	}
	return v, len(frac), true
}

// ParsePercent parses the number of a percentage ("46,14", "96.1",
// "100"). It is [ParseNumber], except for a single dot followed by
// exactly three digits: read as a thousands dot it would give a share
// over 1000 %, so it is the English decimal point ("12.345%" is
// 12,345 %); "1.000%" stays one thousand per cent.
func ParsePercent(s string) (v float64, decimals int, ok bool) {
	v, decimals, ok = ParseNumber(s)
	if !ok || decimals > 0 || v <= 1000 || strings.Count(s, ".") != 1 || strings.IndexByte(s, ',') >= 0 {
		return v, decimals, ok
	}
	if i := strings.IndexByte(s, '.'); len(s)-i-1 == 3 {
		if f, err := strconv.ParseFloat(s, 64); err == nil {
			return f, 3, true
		}
	}
	return v, decimals, ok
}

// QualifierPhrase is a phrase that qualifies the number after it: "hơn"
// (Over) in "hơn 46.016 tài khoản".
type QualifierPhrase struct {
	Phrase    string // lower case; a space stands for any run of white space
	Qualifier Qualifier
}

// qualifierPhrases is the qualifier table: every phrase a report uses to
// say a figure is approximate, a lower bound or an upper bound. Longer
// phrases come first, so that "vượt quá" wins over "vượt" and "ước
// tính" over "ước". It is the one list: [QualifierBefore] and
// [ScanNumbers] read it, the rules build their number macros from it
// and the checks turn its qualifiers into bounds.
var qualifierPhrases = []QualifierPhrase{
	{"ước tính", Approx},
	{"ước đạt", Approx},
	{"xấp xỉ", Approx},
	{"khoảng", Approx},
	{"gần", Approx},
	{"ước", Approx},
	{"vượt quá", Over},
	{"nhiều hơn", Over},
	{"tối thiểu", Over},
	{"ít nhất", Over},
	{"hơn", Over},
	{"trên", Over},
	{"vượt", Over},
	{"chưa đến", Under},
	{"chưa tới", Under},
	{"không quá", Under},
	{"không đến", Under},
	{"không tới", Under},
	{"tối đa", Under},
	{"dưới", Under},
}

// QualifierPhrases returns the qualifier table, longer phrases first.
func QualifierPhrases() []QualifierPhrase {
	return append([]QualifierPhrase(nil), qualifierPhrases...)
}

// QualifierBefore reports the qualifier that ends s ("có hơn " → Over).
// Matching ignores case and trailing white space and needs a word
// boundary before the phrase ("gần" matches in "đạt gần " but not in
// "tuần "). The caller is responsible for the word following s being
// the number: "trên" is a qualifier in "trên 46.016" but a preposition
// in "trên Cổng", so only ask about the text right before a number.
//
// The phrases are those of [QualifierPhrases]. "Dự kiến" (planned) is
// not a qualifier: it says the figure is a plan.
func QualifierBefore(s string) Qualifier {
	q, _ := qualifierBefore(s)
	return q
}

// qualifierBefore is QualifierBefore that also returns the offset where
// the qualifier starts (len(s) when none).
func qualifierBefore(s string) (Qualifier, int) {
	for _, w := range qualifierPhrases {
		if i, ok := numMatchBefore(s, w.Phrase); ok {
			return w.Qualifier, i
		}
	}
	return Exact, len(s)
}

func numIsDigit(c byte) bool { return c >= '0' && c <= '9' }

func numIsWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	if r < 0x2000 && runes().letter[r] {
		return true // a letter or a non-spacing mark
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func numIsUpper(r rune) bool { return unicode.IsUpper(r) }

func numIsDash(r rune) bool {
	switch r {
	case '-', '‐', '‑', '‒', '–', '—', '−':
		return true
	}
	return false
}

// numTrimSpaceEnd returns i moved back over white space before s[i].
func numTrimSpaceEnd(s string, i int) int {
	for i > 0 {
		if c := s[i-1]; c < utf8.RuneSelf {
			// unicode.IsSpace of an ASCII byte.
			if c != ' ' && (c < '\t' || c > '\r') {
				break
			}
			i--
			continue
		}
		r, n := utf8.DecodeLastRuneInString(s[:i])
		if !unicode.IsSpace(r) {
			break
		}
		i -= n
	}
	return i
}

// numSkipSpace returns i moved forward over white space.
func numSkipSpace(s string, i int) int {
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += n
	}
	return i
}

// numMatchBefore reports whether s, trailing white space ignored, ends with
// phrase (lower case; a space in phrase matches a run of white space;
// case of s ignored) at a word boundary, and the offset of the match.
func numMatchBefore(s, phrase string) (int, bool) {
	return numMatchBeforeAt(s, numTrimSpaceEnd(s, len(s)), phrase)
}

// numMatchBeforeAt is numMatchBefore with s's trailing white space
// ending at i.
func numMatchBeforeAt(s string, i int, phrase string) (int, bool) {
	j := len(phrase)
	for j > 0 {
		pr, pn := utf8.DecodeLastRuneInString(phrase[:j])
		j -= pn
		if pr == ' ' {
			k := numTrimSpaceEnd(s, i)
			if k == i {
				return 0, false
			}
			i = k
			continue
		}
		if i == 0 {
			return 0, false
		}
		sr, sn := utf8.DecodeLastRuneInString(s[:i])
		if unicode.ToLower(sr) != pr {
			return 0, false
		}
		i -= sn
	}
	if i > 0 {
		if r, _ := utf8.DecodeLastRuneInString(s[:i]); numIsWordRune(r) {
			return 0, false
		}
	}
	return i, true
}

// numMatchAfter reports whether s[i:] starts with phrase (as for
// numMatchBefore) followed by a word boundary, and the end of the match.
func numMatchAfter(s string, i int, phrase string) (int, bool) {
	for _, pr := range phrase {
		if pr == ' ' {
			k := numSkipSpace(s, i)
			if k == i {
				return 0, false
			}
			i = k
			continue
		}
		if i >= len(s) {
			return 0, false
		}
		sr, sn := utf8.DecodeRuneInString(s[i:])
		if unicode.ToLower(sr) != pr {
			return 0, false
		}
		i += sn
	}
	if i < len(s) && !strings.HasSuffix(phrase, " ") {
		if r, _ := utf8.DecodeRuneInString(s[i:]); numIsWordRune(r) {
			return 0, false
		}
	}
	return i, true
}

// numAnyBefore returns the first phrase of list that ends s.
func numAnyBefore(s string, list []string) (int, bool) {
	end := numTrimSpaceEnd(s, len(s))
	for _, p := range list {
		if i, ok := numMatchBeforeAt(s, end, p); ok {
			return i, true
		}
	}
	return 0, false
}

// numDigitsEnd returns the end of the number token starting at s[i]: digits,
// and '.' or ',' followed by a digit.
func numDigitsEnd(s string, i int) int {
	for i < len(s) {
		c := s[i]
		if numIsDigit(c) {
			i++
			continue
		}
		if (c == '.' || c == ',') && i+1 < len(s) && numIsDigit(s[i+1]) {
			i++
			continue
		}
		break
	}
	return i
}

// numPlainInt returns the value of an all-digit string, or -1.
func numPlainInt(s string) int {
	if s == "" || len(s) > 9 {
		return -1
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if !numIsDigit(s[i]) {
			return -1
		}
		n = n*10 + int(s[i]-'0')
	}
	return n
}

func numIsYear(s string) bool {
	n := numPlainInt(s)
	return len(s) == 4 && n >= 1900 && n <= 2100
}

// numYearOf reads a 4-digit year, or a 2-digit one as 20yy.
func numYearOf(s string) int {
	switch n := numPlainInt(s); {
	case len(s) == 4 && n >= 1900 && n <= 2100:
		return n
	case len(s) == 2 && n >= 0:
		return 2000 + n
	}
	return 0
}

func numDate(y, m, d int) time.Time {
	if y == 0 || m < 1 || m > 12 {
		return time.Time{}
	}
	if d == 0 {
		d = 1
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return time.Time{}
	}
	return t
}

// numCodeEnd returns the end of a document code or identifier starting at
// s[i]: letters, digits, '-', '/', '_' and '.' followed by a word rune.
func numCodeEnd(s string, i int) int {
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if numIsWordRune(r) || r == '-' || r == '/' || r == '_' {
			i += n
			continue
		}
		if r == '.' && i+1 < len(s) {
			if r2, _ := utf8.DecodeRuneInString(s[i+1:]); numIsWordRune(r2) {
				i += n
				continue
			}
		}
		break
	}
	// A code does not end with a separator.
	for i > 0 && (s[i-1] == '-' || s[i-1] == '/' || s[i-1] == '_') {
		i--
	}
	return i
}

// Words before a number that make it a document number ("Quyết định số
// 945"), when followed by "số".
var docTypes = []string{
	"quyết định", "kế hoạch", "công văn", "văn bản", "nghị quyết",
	"nghị định", "thông tư", "chỉ thị", "thông báo", "báo cáo", "tờ trình",
	"luật", "hướng dẫn", "đề án", "quy chế", "quy định", "giấy phép",
	"hợp đồng", "kết luận", "thông tư liên tịch", "qđ", "kh", "cv", "nq",
	"tb", "bc", "văn bản hợp nhất", "lệnh", "pháp lệnh", "chỉ thị số",
}

// Words before a number that make it part of a reference, not a figure.
var otherBefore = []string{
	"điều", "khoản", "chương", "phụ lục", "biểu", "mẫu", "phiên bản",
	"version", "ver", "v", "iso", "iso/iec", "tcvn", "qcvn", "tcvn iso",
	"ieee", "rfc", "windows", "web", "industry", "cmcn", "lần thứ", "khóa",
	"khoá",
}

// Words before a bare 4-digit number that make it a year.
var yearBefore = []string{"năm", "giai đoạn", "đến", "từ", "tới", "niên độ", "niên khóa", "niên khoá"}

// Scale words and their multipliers.
var scaleWords = []struct {
	word  string
	scale float64
}{
	// The leading space matches the white space before the word.
	{" nghìn", 1e3}, {" ngàn", 1e3}, {" triệu", 1e6}, {" tỷ", 1e9}, {" tỉ", 1e9},
}

// Words after a scale word that make it no scale word ("tỷ lệ" = ratio).
var notScale = []string{"tỷ lệ", "tỉ lệ", "tỷ trọng", "tỉ trọng", "triệu tập", "triệu chứng"}

// Words after "đồng" that make it no currency ("đồng thời", "đồng bộ"),
// with the space before them.
var notDong = func(ws ...string) []string {
	for i, w := range ws {
		ws[i] = " " + w
	}
	return ws
}(
	"chí", "thời", "bộ", "ý", "nghiệp", "hành", "đội", "bào", "tình", "loạt",
	"thuận", "nhất", "cảm", "lòng", "phục", "dạng", "tâm", "ruộng", "bằng",
	"nai", "tháp", "văn", "xoài", "hới", "hỷ", "đều", "minh", "chủ", "sở",
	"tổ", "bọn", "phạm", "khởi", "hồ", "đẳng", "điệu", "thanh", "ca", "cỏ",
)

// ScanNumbers finds every numeric expression in s, in order, and
// classifies it (see [NumberKind]). Expressions do not overlap.
//
// The model is a small left-to-right tokenizer. A number is a run of
// ASCII digits with '.' and ',' between digits (see [ParseNumber]);
// white space always separates numbers ("25 1" is two numbers), and
// superscript digits and "⁽¹³⁾" never join a number ("25¹" is 25). The
// words around the number then decide its kind:
//
//   - after it: "%" or "phần trăm" (Percent); a scale word nghìn/ngàn,
//     triệu, tỷ/tỉ (Value multiplied, Count); a currency đồng, VNĐ, VND,
//     đ, alone or after a scale word (Money, Value in đồng); "/" and a
//     second number (Ratio, or a Date when it reads d/m/yyyy or m/yyyy
//     with m ≤ 12; 24/7 is Other); "/" or "-" and an upper-case code
//     (DocNumber: 2134/QĐ-UBND, 85/2016/NĐ-CP, 04-NQ/TU, 1320 /KH-UBND);
//     a dash and a year after a year (a Year range);
//   - before it: "ngày" and "tháng" (Date: "ngày 05 tháng 8 năm 2021",
//     "tháng 9/2021"); a document type and "số" (DocNumber: "Quyết định
//     số 945"); a standard, version or legal reference (ISO 27001, TCVN,
//     phiên bản 2.0, Điều 5: Other); a letter glued to it (IPv6,
//     COVID-19: Other); a qualifier (see [QualifierBefore]).
//
// A bare 4-digit number from 1900 to 2100 without a thousands dot is a
// Year when preceded by "năm", "giai đoạn", "đến", "từ" or "tới", or
// inside a range or date; otherwise it is a Count ("2021 hồ sơ").
// "N.0" with one digit N (4.0, 2.0) is Other: reports write it for
// "Industry 4.0" and versions, never for a count. A number at the start
// of s or of a line followed by "." or ")" and a space is a section
// number, Other.
//
// Limits: there are no negative numbers (reports write "giảm 5%"); a
// bare m/yyyy is taken as a date even where a ratio was meant; numbers
// spelt in words ("hai mươi") are not read; a token that is not a valid
// number ("1.2.3") is Other.
func ScanNumbers(s string) []Number {
	var out []Number
	prevEnd := 0
	for i := 0; i < len(s); {
		if !numIsDigit(s[i]) {
			i++
			continue
		}
		n := scanAt(s, i, prevEnd)
		if n.Start < prevEnd {
			n.Start = prevEnd
		}
		if n.End <= i {
			n.End = numDigitsEnd(s, i)
		}
		n.Text = s[n.Start:n.End]
		out = append(out, n)
		prevEnd = n.End
		i = n.End
	}
	return out
}

// scanAt reads the expression whose first digit is s[i]. prevEnd is the
// end of the previous expression, before which nothing is consumed.
func scanAt(s string, i, prevEnd int) Number {
	j := numDigitsEnd(s, i)
	tok := s[i:j]
	n := Number{Start: i, End: j, NumStart: i, NumEnd: j, Scale: 1}
	before := s[prevEnd:i]

	// Glued to a word on the left: IPv6, COVID-19, H2, Quý I/2022.
	if i > prevEnd {
		r, rn := utf8.DecodeLastRuneInString(s[:i])
		glued := numIsWordRune(r)
		if numIsDash(r) && i-rn > prevEnd {
			if r2, _ := utf8.DecodeLastRuneInString(s[:i-rn]); unicode.IsLetter(r2) {
				glued = true
			}
		}
		if r == '/' && i-rn > prevEnd {
			if r2, _ := utf8.DecodeLastRuneInString(s[:i-rn]); unicode.IsLetter(r2) {
				// "Quý II/2022" is a date; "QĐ/2021" a code.
				n.Start = numWordStart(s, i-rn, prevEnd)
				if y := numYearOf(tok); len(tok) == 4 && y > 0 {
					n.Kind, n.Value = Date, float64(y)
					return n
				}
				n.Kind, n.End = Other, numCodeEnd(s, j)
				return n
			}
		}
		// "COVID-\n19": a word broken at its hyphen across lines.
		wordEnd := i
		if k := numTrimSpaceEnd(s, i); !glued && k > prevEnd && k < i && strings.ContainsAny(s[k:i], "\n\r") {
			if r1, n1 := utf8.DecodeLastRuneInString(s[:k]); r1 == '-' && k-n1 > prevEnd {
				if r2, _ := utf8.DecodeLastRuneInString(s[:k-n1]); unicode.IsLetter(r2) {
					glued, wordEnd = true, k
				}
			}
		}
		if glued {
			n.Kind = Other
			n.Start = numWordStart(s, wordEnd, prevEnd)
			n.End = numCodeEnd(s, j)
			return n
		}
	}

	v, dec, ok := ParseNumber(tok)
	if !ok {
		// 13.12.2021 is a date; anything else (1.2.3) is no number.
		if p := strings.Split(tok, "."); len(p) == 3 {
			if t := numDate(numYearOf(p[2]), numPlainInt(p[1]), numPlainInt(p[0])); !t.IsZero() && len(p[2]) == 4 {
				n.Kind, n.Value, n.Time = Date, float64(t.Year()), t
				return n
			}
		}
		n.Kind = Other
		return n
	}
	n.Value, n.Decimals = v, dec

	// What follows immediately: '/', '-', ':'.
	if j < len(s) {
		switch c := s[j]; {
		case c == '/' && j+1 < len(s) && numIsDigit(s[j+1]):
			return slashNumber(s, n, tok, prevEnd)
		case c == '/' || c == '-':
			if r, _ := utf8.DecodeRuneInString(s[j+1:]); numIsUpper(r) {
				n.Kind, n.Value, n.End = DocNumber, v, numCodeEnd(s, j)
				return n
			}
		case c == ':' && j+1 < len(s) && numIsDigit(s[j+1]):
			n.Kind, n.End = Other, numDigitsEnd(s, j+1)
			if q, ok := numAnyBefore(before, otherBefore); ok {
				n.Start = q + prevEnd
			}
			return n
		default:
			// 5G, 3D: a code. Glued currency (500.000VNĐ) is a value.
			if r, _ := utf8.DecodeRuneInString(s[j:]); numIsUpper(r) {
				if _, ok := currencyAfter(s, j); !ok {
					n.Kind, n.End = Other, numCodeEnd(s, j)
					return n
				}
			}
		}
	}
	// "1320 /KH-UBND": a space before the slash of a document number.
	if k := numSkipSpace(s, j); k > j && k+1 < len(s) && s[k] == '/' {
		if r, _ := utf8.DecodeRuneInString(s[k+1:]); numIsUpper(r) {
			n.Kind, n.End = DocNumber, numCodeEnd(s, k)
			return n
		}
	}
	// Year ranges: 2021-2025, 2021 - 2025, 2021–2025.
	if numIsYear(tok) {
		k := numSkipSpace(s, j)
		if r, rn := utf8.DecodeRuneInString(s[k:]); k < len(s) && numIsDash(r) {
			k2 := numSkipSpace(s, k+rn)
			if e := numDigitsEnd(s, k2); numIsYear(s[k2:e]) && (e == len(s) || !numWordAt(s, e)) {
				n.Kind, n.End, n.To = Year, e, numPlainInt(s[k2:e])
				if q, ok := numAnyBefore(before, []string{"giai đoạn", "năm", "từ"}); ok {
					n.Start = q + prevEnd
				}
				return n
			}
		}
	}
	// Dash dates: 05-8-2021.
	if dec == 0 && !strings.ContainsAny(tok, ".,") && j+1 < len(s) && s[j] == '-' && numIsDigit(s[j+1]) {
		e := numDigitsEnd(s, j+1)
		if e+1 < len(s) && s[e] == '-' && numIsDigit(s[e+1]) {
			e2 := numDigitsEnd(s, e+1)
			if t := numDate(numYearOf(s[e+1:e2]), numPlainInt(s[j+1:e]), numPlainInt(tok)); !t.IsZero() {
				n.Kind, n.Value, n.Time, n.End = Date, float64(t.Year()), t, e2
				return n
			}
		}
	}

	// Context before.
	if q, ok := numAnyBefore(before, otherBefore); ok {
		n.Kind, n.Start = Other, q+prevEnd
		if j+1 < len(s) && s[j] == ':' && numIsDigit(s[j+1]) { // ISO 27001:2013
			n.End = numDigitsEnd(s, j+1)
		}
		return n
	}
	if dec == 1 && len(tok) == 3 && tok[2] == '0' && tok[1] == '.' { // 4.0
		n.Kind = Other
		return n
	}
	if isSectionNumber(s, i, j, prevEnd) && sectionLike(tok) {
		n.Kind = Other
		return n
	}
	if k, ok := numMatchBefore(before, "số"); ok {
		if _, ok := numAnyBefore(before[:k], docTypes); ok && dec == 0 {
			n.Kind = DocNumber
			return n
		}
	}
	if k, ok := numMatchBefore(before, "ngày"); ok && dec == 0 {
		n.Kind, n.Start = Date, k+prevEnd
		day := numPlainInt(tok)
		if e, ok := numMatchAfter(s, j, " tháng "); ok && e < len(s) && numIsDigit(s[e]) {
			me := numDigitsEnd(s, e)
			m := numPlainInt(s[e:me])
			n.End = me
			y := dateYear(s, me, &n)
			n.Time = numDate(y, m, day)
			if y > 0 {
				n.Value = float64(y)
			}
		}
		return n
	}
	if k, ok := numMatchBefore(before, "tháng"); ok && dec == 0 {
		m := numPlainInt(tok)
		if m >= 1 && m <= 12 {
			n.Kind, n.Start = Date, k+prevEnd
			y := dateYear(s, j, &n)
			n.Time = numDate(y, m, 0)
			if y > 0 {
				n.Value = float64(y)
			}
			return n
		}
	}
	if numIsYear(tok) {
		if q, ok := numAnyBefore(before, yearBefore); ok {
			n.Kind, n.Start = Year, q+prevEnd
			return n
		}
	}

	// A value: qualifier before, unit after.
	q, qi := qualifierBefore(before)
	if q != Exact {
		n.Qualifier, n.Start = q, qi+prevEnd
	}
	k := numSkipSpace(s, j)
	if k < len(s) && (strings.HasPrefix(s[k:], "%") || strings.HasPrefix(s[k:], "％")) {
		n.Kind, n.Unit = Percent, "%"
		n.Value, n.Decimals, _ = ParsePercent(tok)
		_, sz := utf8.DecodeRuneInString(s[k:])
		n.End = k + sz
		return n
	}
	if e, ok := numMatchAfter(s, j, " phần trăm"); ok {
		n.Kind, n.Unit, n.End = Percent, "%", e
		n.Value, n.Decimals, _ = ParsePercent(tok)
		return n
	}
	unitStart, end := -1, j
	for {
		found := false
		for _, sw := range scaleWords {
			if e, ok := numMatchAfter(s, end, sw.word); ok {
				skip := false
				for _, ns := range notScale {
					if _, ok := numMatchAfter(s, numSkipSpace(s, end), ns); ok {
						skip = true
						break
					}
				}
				if skip {
					break
				}
				if unitStart < 0 {
					unitStart = numSkipSpace(s, end)
				}
				n.Scale *= sw.scale
				end, found = e, true
				break
			}
		}
		if !found {
			break
		}
	}
	if e, ok := currencyAfter(s, end); ok {
		if unitStart < 0 {
			unitStart = numSkipSpace(s, end)
		}
		n.Kind, end = Money, e
	}
	if unitStart >= 0 {
		n.Unit = s[unitStart:end]
		n.End = end
		n.Value = v * n.Scale
		// Avoid 4.9*1e9 = 4.900000000000001e9.
		if r := math.Round(n.Value); math.Abs(n.Value-r) < 1e-6*math.Max(1, math.Abs(r)) {
			n.Value = r
		}
	}
	return n
}

// currencyAfter matches a currency word after optional white space at i.
func currencyAfter(s string, i int) (int, bool) {
	k := numSkipSpace(s, i)
	for _, c := range []string{"vnđ", "vnd", "việt nam đồng"} {
		if e, ok := numMatchAfter(s, k, c); ok {
			return e, true
		}
	}
	if e, ok := numMatchAfter(s, k, "đồng"); ok {
		for _, w := range notDong {
			if _, ok := numMatchAfter(s, e, w); ok {
				return 0, false
			}
		}
		return e, true
	}
	// "đ" alone: 500.000đ, 500.000 đ/tháng; not "đ/c" (đồng chí).
	if e, ok := numMatchAfter(s, k, "đ"); ok && !strings.HasPrefix(s[e:], "/c") {
		return e, true
	}
	return 0, false
}

// dateYear reads " năm YYYY" or "/YYYY" after a month at s[i], extends
// n.End and returns the year, or 0.
func dateYear(s string, i int, n *Number) int {
	if i+1 < len(s) && s[i] == '/' && numIsDigit(s[i+1]) {
		e := numDigitsEnd(s, i+1)
		if y := numYearOf(s[i+1 : e]); y > 0 {
			n.End = e
			return y
		}
	}
	if e, ok := numMatchAfter(s, i, " năm "); ok && e < len(s) && numIsDigit(s[e]) {
		ye := numDigitsEnd(s, e)
		if y := numYearOf(s[e:ye]); y > 0 && ye-e == 4 {
			n.End = ye
			return y
		}
	}
	return 0
}

// slashNumber classifies "a/b…" where n holds a: a date, a document
// number, a ratio or something else.
func slashNumber(s string, n Number, tok string, prevEnd int) Number {
	j := n.NumEnd
	k := numDigitsEnd(s, j+1)
	tok2 := s[j+1 : k]
	if k < len(s) && s[k] == '/' {
		if k+1 < len(s) && numIsDigit(s[k+1]) {
			e := numDigitsEnd(s, k+1)
			if t := numDate(numYearOf(s[k+1:e]), numPlainInt(tok2), numPlainInt(tok)); !t.IsZero() {
				n.Kind, n.Value, n.Time, n.End = Date, float64(t.Year()), t, e
				if q, ok := numMatchBefore(s[prevEnd:n.Start], "ngày"); ok {
					n.Start = q + prevEnd
				}
				return n
			}
			n.Kind, n.End = Other, numCodeEnd(s, e)
			return n
		}
		if r, _ := utf8.DecodeRuneInString(s[k+1:]); numIsUpper(r) {
			n.Kind, n.End = DocNumber, numCodeEnd(s, k) // 85/2016/NĐ-CP
			return n
		}
	}
	if k < len(s) {
		// 14/CT-TTg is handled by the caller; "5/2021-QĐ" and the like:
		if r, _ := utf8.DecodeRuneInString(s[k:]); s[k] == '-' && k+1 < len(s) {
			if r2, _ := utf8.DecodeRuneInString(s[k+1:]); numIsUpper(r2) {
				n.Kind, n.End = DocNumber, numCodeEnd(s, k)
				return n
			}
		} else if numIsWordRune(r) {
			n.Kind, n.End = Other, numCodeEnd(s, k)
			return n
		}
	}
	n.End = k
	if m := numPlainInt(tok); m >= 1 && m <= 12 && len(tok) <= 2 && numIsYear(tok2) {
		n.Kind, n.Value, n.Time = Date, float64(numPlainInt(tok2)), numDate(numPlainInt(tok2), m, 0)
		if q, ok := numAnyBefore(s[prevEnd:n.Start], []string{"tháng", "ngày"}); ok {
			n.Start = q + prevEnd
		}
		return n
	}
	if tok == "24" && tok2 == "7" {
		n.Kind = Other
		return n
	}
	num, _, ok1 := ParseNumber(tok)
	den, _, ok2 := ParseNumber(tok2)
	if !ok1 || !ok2 || den == 0 {
		n.Kind = Other
		return n
	}
	n.Kind, n.Num, n.Den, n.Value, n.Decimals = Ratio, num, den, 100*num/den, 0
	n.NumEnd = k
	if q, qi := qualifierBefore(s[prevEnd:n.Start]); q != Exact {
		n.Qualifier, n.Start = q, qi+prevEnd
	}
	return n
}

// numWordAt reports whether a word rune starts at s[i].
func numWordAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return numIsWordRune(r)
}

// numWordStart returns the start of the word (letters, digits and inner
// dashes) that ends at s[i], not before min.
func numWordStart(s string, i, min int) int {
	for i > min {
		r, n := utf8.DecodeLastRuneInString(s[min:i])
		if numIsWordRune(r) || (numIsDash(r) && i-n > min && numWordBefore(s, i-n, min)) {
			i -= n
			continue
		}
		break
	}
	return i
}

func numWordBefore(s string, i, min int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[min:i])
	return numIsWordRune(r)
}

// sectionLike reports whether tok looks like a section number: parts
// of one or two digits ("1", "2.1", "10"), not "2030" or "1.058".
func sectionLike(tok string) bool {
	for _, p := range strings.Split(tok, ".") {
		if len(p) == 0 || len(p) > 2 {
			return false
		}
	}
	return !strings.Contains(tok, ",")
}

// isSectionNumber reports whether s[i:j] is a heading or list number:
// first on its line, followed by "." or ")" and white space or the end.
func isSectionNumber(s string, i, j, prevEnd int) bool {
	for k := i - 1; k >= 0; k-- {
		c := s[k]
		if c == '\n' || c == '\r' {
			break
		}
		if c != ' ' && c != '\t' {
			return false
		}
		if k < prevEnd {
			return false
		}
	}
	if j >= len(s) || (s[j] != '.' && s[j] != ')') {
		return false
	}
	if j+1 == len(s) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[j+1:])
	return unicode.IsSpace(r)
}
