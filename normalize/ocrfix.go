package normalize

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// FixOCRText repairs one line of text recognised by OCR where the
// context makes the reading certain, and returns it with warnings about
// figures it could not be sure of: quote marks that stand for a
// superscript footnote marker after a number are dropped ("25\" cơ sở"
// → "25 cơ sở"), words glued together are split into their syllables
// ([SplitGluedSyllables]: "tinvà" → "tin và"), the domain's acronyms
// and "Cổng" misread by one letter or tone are put right ("TIHC" →
// "TTHC", "Cống dịch vụ công" → "Cổng dịch vụ công"), and numbers are
// repaired ([FixOCRNumbers]). Offsets into the line shift where a byte is removed
// or a space put back. s should be NFC.
func FixOCRText(s string) (string, []string) {
	return FixOCRNumbers(fixOCRMonth(fixOCRWords(SplitGluedSyllables(dropOCRMarkers(s)))))
}

// ocrMonthRe matches a date whose "tháng" OCR misread: "ngày", a day, a
// word of 4 to 6 letters from t to ng ("từng", "thảng", "thang"), a
// month, "năm" and a year.
var ocrMonthRe = regexp.MustCompile(`(?i)(\bngày\s+\d{1,2}\s+)(t\pL{1,3}ng)(\s+\d{1,2}\s+năm\s+(?:19|20)\d\d)\b`)

// fixOCRMonth puts "tháng" back in a date where OCR misread it ("ngày
// 06 từng 5 năm 2022" → "ngày 06 tháng 5 năm 2022"), so that the date
// is read as one and its year is not taken for the period reported on.
// "trong" is a word of its own ("trong 3 năm"), left as it is, and the
// month must be 1 to 12.
func fixOCRMonth(s string) string {
	if !strings.Contains(s, "gày") && !strings.Contains(s, "GÀY") {
		return s
	}
	return ocrMonthRe.ReplaceAllStringFunc(s, func(m string) string {
		g := ocrMonthRe.FindStringSubmatch(m)
		w := strings.ToLower(g[2])
		month, _ := strconv.Atoi(strings.Fields(g[3])[0])
		if w == "tháng" || w == "trong" || month < 1 || month > 12 {
			return m
		}
		t := "tháng"
		if r, _ := utf8.DecodeRuneInString(g[2]); unicode.IsUpper(r) {
			t = "Tháng"
		}
		return g[1] + t + g[3]
	})
}

// ocrAcronyms are the acronyms of the reports' domain, which OCR reads
// with one letter confused (TIHC for TTHC).
var ocrAcronyms = strings.Fields("TTHC DVCTT DVC CNTT ATTT HTTT CSDL UBND HĐND LGSP NGSP SOC NCSC CCHC TTĐT VBĐT PKI IOC CQNN")

// ocrLetterPairs are the capital letters OCR confuses with each other
// in these acronyms: the thin stems I, T and L. (Pairs such as O and D
// would turn real acronyms into others: IDC is not IOC.)
var ocrLetterPairs = map[[2]rune]bool{{'I', 'T'}: true, {'T', 'I'}: true, {'I', 'L'}: true, {'L', 'I'}: true}

// ocrPortalRe matches "Cống" (a drain) where the text means "Cổng" (a
// portal), a tone that OCR confuses: before "dịch vụ", "thông tin" or
// "DVC".
var ocrPortalRe = regexp.MustCompile(`\b([Cc])ống(\s+(?:[Dd]ịch vụ|[Tt]hông tin|DVC))`)

// fixOCRWords repairs words OCR misreads by one letter or tone where
// the reading is certain: a capital acronym of the domain with one
// letter confused ("TIHC" → "TTHC"; only when exactly one acronym is
// that close), and "Cống" read for "Cổng" before the name of a portal.
func fixOCRWords(s string) string {
	s = ocrPortalRe.ReplaceAllString(s, "${1}ổng$2")
	if !strings.ContainsAny(s, "ITL") {
		return s
	}
	return rewriteWords(s, func(w string) string {
		if strings.ToUpper(w) != w {
			return w
		}
		if a := ocrAcronym(w); a != "" {
			return a
		}
		return w
	})
}

// ocrAcronym returns the domain acronym that w, a run of capitals, is a
// misreading of by one confused letter, or "" if w is one or there is
// no such acronym or more than one.
func ocrAcronym(w string) string {
	rw := []rune(w)
	if len(rw) < 3 || slices.Contains(ocrAcronyms, w) {
		return ""
	}
	found := ""
	for _, a := range ocrAcronyms {
		ra := []rune(a)
		if len(ra) != len(rw) {
			continue
		}
		diff := 0
		for k := range ra {
			if ra[k] != rw[k] {
				if !ocrLetterPairs[[2]rune{rw[k], ra[k]}] {
					diff = 2
					break
				}
				diff++
			}
		}
		if diff == 1 {
			if found != "" {
				return ""
			}
			found = a
		}
	}
	return found
}

// FixOCRCell repairs the text of one table cell recognised by OCR: as
// FixOCRText, and a cell that holds a number loses the marks that OCR
// reads from rulings and specks at its ends ("‘1.234", "56 |", "'40,5%'",
// "1.284:", ". 1126540" → "1.234", "56", "40,5%", "1.284", "1126540"),
// and a text cell an opening mark that nothing closes ("'Số TTHC",
// "| Tổng" → "Số TTHC", "Tổng"); quoted text keeps its quotes.
func FixOCRCell(s string) (string, []string) {
	if t := strings.Trim(s, ocrStrayMarks+ocrEdgeJunk+" "); t != s && ocrNumberCell.MatchString(t) {
		s = t
	} else if t := strings.TrimLeft(s, ocrStrayMarks+" "); t != s && t != "" && !strings.ContainsAny(t, "'’") {
		// A text cell that starts with a mark it does not close.
		s = t
	}
	// A cell that starts with a split number: no item number there.
	s = string(ocrJoinSplitNumbers([]byte(s), true))
	return FixOCRText(s)
}

// ocrStrayMarks are the marks OCR reads from a ruling or a speck next to
// a figure; ocrEdgeJunk the punctuation it reads from a speck at the
// end of a number, which a number cell does not end or start with.
const (
	ocrStrayMarks = "'‘’`|¦"
	ocrEdgeJunk   = ".,:;-_~–—"
)

// ocrNumberCell matches a cell that is one number, possibly with confusable
// letters in it (FixOCRNumbers repairs them) and a percent sign.
var ocrNumberCell = regexp.MustCompile(`^[-+]?\d[\d.,OolISB]*(?:[.,] \d+)?\s?%?$`)

// dropOCRMarkers removes the marks that OCR reads from a superscript
// footnote marker: a quote glued to the end of a number where it cannot
// be a closing quote ("25¹ cơ sở" → `25" cơ sở`), that is when the line
// has no opening quote for it (an odd number of " or ', or more ” than
// “, or more ’ than ‘); and an exclamation or question mark glued to a
// word or number where no sentence can end: before a lower-case word or
// other punctuation ("25! cơ sở", "tổ chức?.", "NĐ-CP!,"); and a word
// made only of spacing accent marks ("KẾT QUẢ ˆ THỰC HIỆN").
func dropOCRMarkers(s string) string {
	var kinds []rune
	if strings.Count(s, `"`)%2 == 1 {
		kinds = append(kinds, '"')
	}
	if strings.Count(s, "'")%2 == 1 {
		kinds = append(kinds, '\'')
	}
	if strings.Count(s, "”") > strings.Count(s, "“") {
		kinds = append(kinds, '”')
	}
	if strings.Count(s, "’") > strings.Count(s, "‘") {
		kinds = append(kinds, '’')
	}
	s = ocrMarkRe.ReplaceAllString(s, "$1$2")
	s = ocrAccentWordRe.ReplaceAllStringFunc(s, func(m string) string {
		if strings.HasPrefix(m, " ") || strings.HasPrefix(m, "\t") {
			return m[:1] // the space before the speck stays
		}
		return "" // at the start of the line
	})
	if len(kinds) == 0 {
		return s
	}
	var b strings.Builder
	prevDigit := false
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if prevDigit && slices.Contains(kinds, r) {
			j := i
			for j < len(rs) && slices.Contains(kinds, rs[j]) {
				j++
			}
			if j == len(rs) || unicode.IsSpace(rs[j]) {
				i = j - 1
				continue
			}
		}
		b.WriteRune(r)
		prevDigit = r >= '0' && r <= '9'
	}
	return b.String()
}

// ocrMarkRe matches ! or ? glued to a word or number and followed by
// punctuation or a lower-case word.
var ocrMarkRe = regexp.MustCompile(`([\p{L}\p{N}])[!?]+([.,;:]|\s+\p{Ll})`)

// ocrAccentWordRe matches a word made only of spacing accent marks (ˆ ˜
// ´ ` ¨ ˘ ˇ ˙ ^), with the space before it: the speck of a diacritic
// that OCR reads apart from its letter ("KẾT QUẢ ˆ THỰC HIỆN"). Printed
// Vietnamese puts its tones and hats on letters, never alone between
// words.
var ocrAccentWordRe = regexp.MustCompile("(^|\\s)[\u02C6\u02DC\u00B4`\u00A8\u02D8\u02C7\u02D9^]+(\\s|$)")

// FixOCRNumbers repairs the OCR confusions in the numbers of one line of
// recognised text and returns the repaired line with warnings about
// figures it could not be sure of. It changes text only where the
// context makes the reading certain:
//
//   - A letter that OCR confuses with a digit (O and o for 0, l, I and |
//     for 1, S for 5, B for 8) becomes the digit when it lies inside a
//     number token (a run of digits, '.', ',' and such letters that
//     touches no other letter) with a digit before it and after it in
//     that token: "1.O58" → "1.058", "2l3" → "213", "5S0" → "550".
//   - A colon between a group of two or three digits and a group of
//     exactly three is the thousands dot it was printed as: "571:421"
//     → "571.421" (a time has two digits after the colon, a scale such
//     as 1:500 one before it, a standard's year four).
//   - A doubled thousands dot between digit groups is made single:
//     "1..058" → "1.058".
//   - A number split after its separator is joined where the pieces
//     make one Vietnamese number: a group of one to three digits (or a
//     number grouped with dots), a dot, a space and exactly three
//     digits ("56. 212" → "56.212"); or such an integer, a comma, a
//     space and one to three decimals followed by a percent sign
//     ("40, 27%" → "40,27%") or, after a grouped integer, by a unit of
//     money or count ("29.473, 482 triệu" → "29.473,482 triệu"). Not
//     at the start of the line, where "2. 100%" is an item number, not
//     after a word that takes a small number ("mục 3. 150"), and not in
//     a list of figures ("50%, 800, 25%").
//   - Digit groups split by single spaces become one number with
//     thousands dots when every group after the first has exactly three
//     digits, the first has one to three and does not start with 0, and
//     neither a number nor a word that takes a small number (mức độ 3,
//     Điều 5, năm, ngày, số…) comes just before: "751 295 hồ sơ" →
//     "751.295 hồ sơ", "2 130 119" → "2.130.119". Where such a word or
//     number does come before ("mức độ 3 150 hồ sơ"), the text is kept
//     and a warning names it.
//
// Names and codes are left alone: COVID-19, ISO 27001, IPv6, S1, Số 05.
// A lost thousands dot ("1058", "29473,482") cannot be restored without
// guessing, so such figures are kept and warned about; years
// (1900–2100) and numbers joined to '/' or '-' (document numbers, dates)
// are not.
//
// Letter and space repairs replace one byte by one byte, so byte
// offsets into the line stay valid; each doubled dot repaired or split
// number joined removes one byte, shifting later offsets by one. Repairs
// are idempotent: FixOCRNumbers(fixed) returns fixed. s should be NFC.
func FixOCRNumbers(s string) (fixed string, warnings []string) {
	b := []byte(s)
	ocrFixColons(b)
	warnings = ocrFixConfusables(b, warnings)
	b, warnings = ocrFixDoubleDots(b, warnings)
	b = ocrJoinSplitNumbers(b, false)
	warnings = ocrJoinSpacedGroups(b, warnings)
	warnings = ocrWarnLostDots(b, warnings)
	return string(b), warnings
}

// ocrFixColons replaces, in place, a colon read for a thousands dot (see
// FixOCRNumbers).
func ocrFixColons(b []byte) {
	for i := 2; i+3 < len(b); i++ {
		if b[i] != ':' || !ocrIsDigit(b[i+1]) || !ocrIsDigit(b[i+2]) || !ocrIsDigit(b[i+3]) {
			continue
		}
		if i+4 < len(b) && (ocrIsDigit(b[i+4]) || strings.IndexByte(":/-", b[i+4]) >= 0) {
			continue
		}
		l := i
		for l > 0 && ocrIsDigit(b[l-1]) {
			l--
		}
		if n := i - l; n < 2 || n > 3 || l > 0 && strings.IndexByte(".,:/-", b[l-1]) >= 0 || ocrLetterBefore(b, l) {
			continue
		}
		b[i] = '.'
	}
}

// ocrDigit maps the letters OCR confuses with digits to the digit.
func ocrDigit(c byte) byte {
	switch c {
	case 'O', 'o':
		return '0'
	case 'l', 'I', '|':
		return '1'
	case 'S':
		return '5'
	case 'B':
		return '8'
	}
	return 0
}

func ocrIsDigit(c byte) bool { return c >= '0' && c <= '9' }

// ocrIsTokenByte reports whether c can be part of a number token.
func ocrIsTokenByte(c byte) bool {
	return ocrIsDigit(c) || c == '.' || c == ',' || ocrDigit(c) != 0
}

// ocrLetterBefore reports whether the rune ending at b[:i] is a letter or
// combining mark; ocrLetterAt whether the rune starting at b[i] is.
func ocrLetterBefore(b []byte, i int) bool {
	if i <= 0 {
		return false
	}
	r, _ := utf8.DecodeLastRune(b[:i])
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)
}

func ocrLetterAt(b []byte, i int) bool {
	if i >= len(b) {
		return false
	}
	r, _ := utf8.DecodeRune(b[i:])
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)
}

// ocrFixConfusables replaces confusable letters flanked by digits inside a
// number token, in place.
func ocrFixConfusables(b []byte, warnings []string) []string {
	for i := 0; i < len(b); {
		if !ocrIsTokenByte(b[i]) {
			i++
			continue
		}
		j := i
		for j < len(b) && ocrIsTokenByte(b[j]) {
			j++
		}
		tok := b[i:j]
		start := i
		i = j
		if ocrLetterBefore(b, start) || ocrLetterAt(b, j) {
			continue
		}
		first, last := -1, -1
		conf := false
		for k, c := range tok {
			if ocrIsDigit(c) {
				if first < 0 {
					first = k
				}
				last = k
			} else if ocrDigit(c) != 0 {
				conf = true
			}
		}
		if first < 0 || !conf {
			continue
		}
		orig := string(tok)
		for k := first + 1; k < last; k++ {
			if d := ocrDigit(tok[k]); d != 0 {
				tok[k] = d
			}
		}
		// Confusables left at the ends of a grouped number are suspect.
		if ocrHasConfusable(tok[:first]) || ocrHasConfusable(tok[last+1:]) {
			if strings.ContainsAny(string(tok[first:last+1]), ".,") {
				warnings = append(warnings, fmt.Sprintf("%q: a letter next to the number may be a misread digit; kept", orig))
			}
		}
	}
	return warnings
}

func ocrHasConfusable(b []byte) bool {
	for _, c := range b {
		if ocrDigit(c) != 0 {
			return true
		}
	}
	return false
}

// ocrFixDoubleDots makes a doubled dot between a group of 1–3 digits and a
// group of exactly 3 digits single.
func ocrFixDoubleDots(b []byte, warnings []string) ([]byte, []string) {
	for i := 0; i+1 < len(b); i++ {
		if b[i] != '.' || b[i+1] != '.' {
			continue
		}
		l := i
		for l > 0 && ocrIsDigit(b[l-1]) {
			l--
		}
		r := i + 2
		for r < len(b) && ocrIsDigit(b[r]) {
			r++
		}
		if i-l < 1 || r-(i+2) != 3 {
			continue
		}
		if i-l > 3 && (l == 0 || b[l-1] != '.') {
			warnings = append(warnings, fmt.Sprintf("%q: doubled dot after a group of %d digits; kept", string(b[l:r]), i-l))
			continue
		}
		b = append(b[:i], b[i+1:]...)
	}
	return b, warnings
}

// ocrUnitAfterRe matches a unit after a decimal number: money and counts.
var ocrUnitAfterRe = regexp.MustCompile(`^ (?:triệu|tỷ|tỉ|nghìn|ngàn|đồng|ha|km)(?:[\s.,;:)]|$)`)

// ocrJoinSplitNumbers removes the space that splits a number after its
// separator (see FixOCRNumbers). In a table cell (cell set) a number at
// the start is no item number.
func ocrJoinSplitNumbers(b []byte, cell bool) []byte {
	for i := 1; i+2 < len(b); i++ {
		sep := b[i]
		if sep != '.' && sep != ',' || b[i+1] != ' ' || !ocrIsDigit(b[i-1]) || !ocrIsDigit(b[i+2]) {
			continue
		}
		// The integer before: digits grouped by dots.
		l := i
		for l > 0 && (ocrIsDigit(b[l-1]) || b[l-1] == '.') {
			l--
		}
		if !ocrGroupedInt.Match(b[l:i]) || l > 0 && (b[l-1] == ',' || strings.IndexByte("/-:", b[l-1]) >= 0 || ocrLetterBefore(b, l)) {
			continue
		}
		// The digits after.
		r := i + 2
		for r < len(b) && ocrIsDigit(b[r]) {
			r++
		}
		if ocrLetterAt(b, r) || r < len(b) && strings.IndexByte("/-:", b[r]) >= 0 {
			continue
		}
		n := r - (i + 2)
		switch {
		case sep == '.' && n == 3:
		case sep == ',' && n <= 3 && r < len(b) && b[r] == '%' && bytes.IndexByte(b[l:i], '.') < 0:
		case sep == ',' && n <= 3 && bytes.IndexByte(b[l:i], '.') >= 0 && ocrUnitAfterRe.Match(b[r:]):
		default:
			continue
		}
		// An item number at the start of the line, or a small number.
		if !cell && strings.TrimLeft(string(b[:l]), " \t(-•*") == "" {
			continue
		}
		// A list of figures: "50%, 800, 25%", "1.100, 60%, 1.450 tỷ".
		if ocrListBefore(b[:l]) || ocrListAfter(b[r:]) {
			continue
		}
		if _, blocked := ocrWordBefore(b, l); blocked {
			continue
		}
		b = append(b[:i+1], b[i+2:]...)
	}
	return b
}

// ocrListBefore reports whether before ends a list item: a comma or
// semicolon and a space.
func ocrListBefore(before []byte) bool {
	t := bytes.TrimRight(before, " ")
	return len(t) < len(before) && len(t) > 0 && (t[len(t)-1] == ',' || t[len(t)-1] == ';')
}

// ocrListAfter reports whether after (what follows a number) goes on
// with another figure of a list: an optional percent sign or unit, a
// comma or semicolon, a space and a digit.
func ocrListAfter(after []byte) bool {
	after = bytes.TrimPrefix(after, []byte("%"))
	if m := ocrUnitAfterRe.Find(after); m != nil {
		after = after[len(bytes.TrimRight(m, " .,;:)")):]
	}
	if len(after) < 3 || after[0] != ',' && after[0] != ';' {
		return false
	}
	after = bytes.TrimLeft(after[1:], " ")
	return len(after) > 0 && ocrIsDigit(after[0])
}

// ocrGroupedInt matches an integer written with thousands dots, or
// without them up to three digits.
var ocrGroupedInt = regexp.MustCompile(`^[1-9]\d{0,2}(?:\.\d{3})*$|^0$`)

// ocrSmallNumberWords are words after which a number is an ordinal, a level,
// a date part or a code, so that "3 150" there is two numbers.
var ocrSmallNumberWords = map[string]bool{
	"độ": true, "cấp": true, "mức": true, "điều": true, "khoản": true, "điểm": true,
	"số": true, "năm": true, "tháng": true, "ngày": true, "lần": true, "thứ": true,
	"mục": true, "bước": true, "quý": true, "tuần": true, "kỳ": true, "khóa": true,
	"khoá": true, "tập": true, "trang": true, "bảng": true, "hình": true, "lục": true,
	"stt": true, "lớp": true, "đoạn": true, "bản": true, "version": true, "phần": true,
	"chương": true, "tiết": true, "giờ": true, "phút": true, "nhóm": true, "tổ": true,
	"khu": true, "phòng": true, "tầng": true, "đợt": true, "hạng": true, "loại": true,
}

// ocrJoinSpacedGroups turns digit groups separated by single spaces into one
// number with thousands dots where that reading is certain, in place.
func ocrJoinSpacedGroups(b []byte, warnings []string) []string {
	for i := 0; i < len(b); {
		if !ocrIsDigit(b[i]) || i > 0 && (ocrIsDigit(b[i-1]) || b[i-1] == '.' || b[i-1] == ',') {
			i++
			continue
		}
		g0 := i
		for i < len(b) && ocrIsDigit(b[i]) {
			i++
		}
		n0 := i - g0
		// Collect " ddd" groups.
		var spaces []int
		end := i
		for end+4 <= len(b) && b[end] == ' ' && ocrIsDigit(b[end+1]) && ocrIsDigit(b[end+2]) && ocrIsDigit(b[end+3]) &&
			(end+4 == len(b) || !ocrIsDigit(b[end+4])) {
			spaces = append(spaces, end)
			end += 4
		}
		if len(spaces) == 0 || n0 > 3 {
			continue
		}
		i = end
		if !ocrGroupBoundary(b, g0, end) {
			continue
		}
		text := string(b[g0:end])
		if b[g0] == '0' {
			continue
		}
		if w, blocked := ocrWordBefore(b, g0); blocked {
			warnings = append(warnings, fmt.Sprintf("%q after %q: may be one number with lost thousands dots; kept", text, w))
			continue
		}
		for _, sp := range spaces {
			b[sp] = '.'
		}
	}
	return warnings
}

// ocrGroupBoundary reports whether the spaced groups b[start:end] stand
// alone: no letter, '/', '-' or ':' joined to either end, and after the
// end at most a decimal comma.
func ocrGroupBoundary(b []byte, start, end int) bool {
	if ocrLetterBefore(b, start) || start > 0 && strings.IndexByte("/-:", b[start-1]) >= 0 {
		return false
	}
	if ocrLetterAt(b, end) || end < len(b) && strings.IndexByte("/-:", b[end]) >= 0 {
		return false
	}
	if end+1 < len(b) && b[end] == '.' && ocrIsDigit(b[end+1]) {
		return false
	}
	return true
}

// ocrWordBefore returns the word before position i (skipping spaces and an
// opening parenthesis) and whether it blocks joining: a number or a word
// that takes a small number.
func ocrWordBefore(b []byte, i int) (string, bool) {
	j := i
	for j > 0 && (b[j-1] == ' ' || b[j-1] == '(') {
		j--
	}
	if j == i {
		return "", false
	}
	k := j
	for k > 0 {
		r, n := utf8.DecodeLastRune(b[:k])
		if r == ' ' || r == '\t' {
			break
		}
		k -= n
	}
	w := string(b[k:j])
	if w == "" {
		return "", false
	}
	if last := w[len(w)-1]; ocrIsDigit(last) {
		return w, true
	}
	lw := strings.ToLower(strings.TrimRight(w, ":,;"))
	if lw == "cấp" {
		// "cung cấp 1 872 thủ tục", "đã cấp 9 846 chứng thư": the verb,
		// not a level ("cấp 2").
		if prev, _ := ocrWordBefore(b, k); prev == "cung" || prev == "đã" || prev == "được" || prev == "mới" {
			return w, false
		}
	}
	return w, ocrSmallNumberWords[lw]
}

// ocrWarnLostDots warns about integers of four or more digits written
// without thousands dots, which OCR may have lost.
func ocrWarnLostDots(b []byte, warnings []string) []string {
	for i := 0; i < len(b); {
		if !ocrIsDigit(b[i]) {
			i++
			continue
		}
		start := i
		for i < len(b) && ocrIsDigit(b[i]) {
			i++
		}
		n := i - start
		if n < 4 {
			continue
		}
		// Part of a grouped number, a code or a decimal fraction.
		if start > 0 && strings.IndexByte("./-,:", b[start-1]) >= 0 || ocrLetterBefore(b, start) || ocrLetterAt(b, i) {
			continue
		}
		if i < len(b) && (b[i] == '/' || b[i] == '-' || b[i] == '.' && i+1 < len(b) && ocrIsDigit(b[i+1])) {
			continue
		}
		// "số 1320 /KH-UBND": a document number with a spaced slash.
		if k := ocrSkipSpaces(b, i); k < len(b) && (b[k] == '/' || b[k] == '-') && k+1 < len(b) && !ocrIsDigit(b[k+1]) && b[k+1] != ' ' {
			continue
		}
		if w, blocked := ocrWordBefore(b, start); blocked || ocrIsAcronym(w) {
			continue // "số 1320", "ISO 27001", "TCVN 11930"
		}
		v := string(b[start:i])
		if n == 4 && v >= "1900" && v <= "2100" {
			continue
		}
		warnings = append(warnings, fmt.Sprintf("%q: %d digits without a thousands dot; OCR may have lost one; kept", v, n))
	}
	return warnings
}

func ocrSkipSpaces(b []byte, i int) int {
	for i < len(b) && b[i] == ' ' {
		i++
	}
	return i
}

// ocrIsAcronym reports whether w is two or more capital letters, such as
// ISO or TCVN, that name a standard or code followed by its number.
func ocrIsAcronym(w string) bool {
	n := 0
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2
}
