package normalize

import (
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Words before "năm YYYY" that make the year a target or a start, not
// the period reported on (folded).
var yearTargetCues = []string{
	"đến năm", "tới năm", "đến hết năm", "tầm nhìn", "định hướng", "từ năm",
	"sau năm", "trước năm", "đến", "tới", "từ",
	// Comparisons name the year before: "tăng 12% so với năm 2023".
	"so với năm", "so với", "so sánh với năm", "so sánh với", "so với cùng kỳ năm", "cùng kỳ năm", "năm trước", "năm ngoái",
	// A year in an aside gives the comparison: "(năm 2023: 1.907 thủ tục)".
	"(năm",
}

// Words before "năm YYYY" (or "YYYY") that mark the period (folded).
var yearPeriodCues = []string{
	"trong năm", "tháng đầu năm", "tháng cuối năm", "tháng năm", "cuối năm",
	"quý i năm", "quý ii năm", "quý iii năm", "quý iv năm", "kỳ báo cáo năm",
	"tính đến hết năm", "tính đến cuối năm", "trong cả năm", "cả năm",
}

// Words of a title line that reports on a period (folded).
var titleCues = []string{"báo cáo", "kết quả", "tình hình", "thực hiện", "tổng kết", "đánh giá"}

// ReportYear returns the year a report is about (the period reported
// on, not the date of issue), or 0.
//
// It scores every year found by [ScanNumbers] in the text and returns
// the best:
//   - years inside a date (the issue date "Kon Tum, ngày 06 tháng 5 năm
//     2022", "ngày 05/8/2021") and ranges ("giai đoạn 2021-2025") are
//     not periods and count for nothing;
//   - target and start years ("đến năm 2025", "định hướng đến năm 2030",
//     "tầm nhìn đến năm 2045", "từ năm 2020") count for nothing;
//   - a year in a title line near the top (a line with "báo cáo", "kết
//     quả", "tình hình", …, or an upper-case line: "KẾT QUẢ … NĂM 2021")
//     weighs most, and a year after "Trong năm", "6 tháng đầu năm",
//     "cuối năm" weighs more than a bare "năm 2021";
//   - mentions in the first part of the document weigh more than later
//     ones.
//
// When no year qualifies it falls back on the years of the dates cited
// in the text (documents issued during the period), the issue date
// excluded. A report on "6 tháng đầu năm 2023" returns 2023: the year,
// not the half.
func ReportYear(text string) int {
	issue, hasIssue := IssueDate(text)
	return reportYear(text, issue, hasIssue)
}

// reportYear is ReportYear given the text's issue date.
func reportYear(text string, issue time.Time, hasIssue bool) int {
	score := map[int]float64{}
	fallback := map[int]float64{}
	head := yearHeadEnd(text)
	for _, n := range ScanNumbers(text) {
		switch n.Kind {
		case Date:
			if n.Value == 0 || (hasIssue && n.Time.Equal(issue)) {
				continue
			}
			if y := int(n.Value); y >= 1990 && y <= 2100 {
				fallback[y] += 1
			}
			continue
		case Year:
			if n.To != 0 {
				continue
			}
		default:
			continue
		}
		y := int(n.Value)
		if y < 1990 || y > 2100 {
			continue
		}
		w := yearWeight(text, n, head)
		if w > 0 {
			score[y] += w
		}
	}
	if len(score) == 0 {
		score = fallback
	}
	best, bestW := 0, 0.0
	years := make([]int, 0, len(score))
	for y := range score {
		years = append(years, y)
	}
	sort.Ints(years)
	for _, y := range years {
		// Ties go to the later year: reports look back on the year just
		// ended more often than they cite older ones.
		if score[y] >= bestW {
			best, bestW = y, score[y]
		}
	}
	return best
}

// yearHeadEnd returns the end of the head of the document: its first 25
// non-blank lines or 2,500 bytes, whichever is shorter.
func yearHeadEnd(text string) int {
	lines, i := 0, 0
	for i < len(text) && i < 2500 {
		k := strings.IndexByte(text[i:], '\n')
		if k < 0 {
			return len(text)
		}
		if strings.TrimSpace(text[i:i+k]) != "" {
			lines++
		}
		i += k + 1
		if lines >= 25 {
			break
		}
	}
	if i > len(text) {
		i = len(text)
	}
	return i
}

func yearWeight(text string, n Number, head int) float64 {
	// The 80 bytes before the number, folded.
	a := n.NumStart - 80
	if a < 0 {
		a = 0
	}
	for a > 0 && !utf8.RuneStart(text[a]) {
		a++
	}
	before := Fold(text[a:n.NumStart])
	w := 0.0
	for _, c := range yearPeriodCues {
		if strings.HasSuffix(before, c) {
			w = 4
			break
		}
	}
	if w == 0 {
		for _, c := range yearTargetCues {
			if strings.HasSuffix(before, c) {
				return 0
			}
		}
		w = 1
		if strings.HasSuffix(before, "năm") {
			w = 1.5
		}
	}
	if n.Start < head {
		line := yearLineAround(text, n.NumStart)
		if yearIsTitleLine(line) {
			w += 8
		} else {
			w *= 2
		}
	} else if n.Start > 20000 {
		w /= 2
	}
	return w
}

// yearLineAround returns the text between the blank-line-separated
// boundaries around off, joining the lines of a title broken over
// several lines.
func yearLineAround(text string, off int) string {
	a := strings.LastIndex(text[:off], "\n\n")
	if a < 0 {
		a = 0
	}
	b := strings.Index(text[off:], "\n\n")
	if b < 0 {
		b = len(text)
	} else {
		b += off
	}
	if b-a > 600 {
		// Not a title block: just the physical line.
		a = strings.LastIndexByte(text[:off], '\n') + 1
		b = strings.IndexByte(text[off:], '\n')
		if b < 0 {
			b = len(text)
		} else {
			b += off
		}
	}
	return text[a:b]
}

func yearIsTitleLine(line string) bool {
	f := Fold(line)
	for _, c := range titleCues {
		if strings.Contains(f, c) {
			return true
		}
	}
	letters, upper := 0, 0
	for _, r := range line {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	return letters >= 10 && upper*10 >= letters*8
}

// IssueDate returns the date the report was issued, read from the
// place-and-date line of its header ("Kon Tum, ngày 06 tháng 5 năm
// 2022", "Đắk Lắk, ngày 15/12/2021") or, failing that, from a "Kèm
// theo … ngày 06 tháng 5 năm 2022" line of an appendix. Only the first
// 4,000 bytes are read, and the date must give its day.
func IssueDate(text string) (time.Time, bool) {
	if len(text) > 4000 {
		cut := 4000
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	var attached time.Time
	for _, n := range ScanNumbers(text) {
		if n.Kind != Date || n.Time.IsZero() || !yearHasDay(n) {
			continue
		}
		before := strings.TrimRightFunc(text[:n.Start], unicode.IsSpace)
		if strings.HasSuffix(before, ",") && yearPlaceBefore(strings.TrimSuffix(before, ",")) {
			return n.Time, true
		}
		line := text[strings.LastIndexByte(text[:n.Start], '\n')+1 : n.Start]
		if attached.IsZero() && strings.Contains(Fold(line), "kèm theo") {
			attached = n.Time
		}
	}
	return attached, !attached.IsZero()
}

// yearHasDay reports whether a Date gives its day: "ngày 06 tháng 5 năm
// 2022" or "15/12/2021", not "tháng 5/2022".
func yearHasDay(n Number) bool {
	f := Fold(n.Text)
	if strings.HasPrefix(f, "ngày") {
		return true
	}
	return strings.Count(n.Text, "/") == 2 || strings.Count(n.Text, ".") == 2 || strings.Count(n.Text, "-") == 2
}

// yearPlaceBefore reports whether s ends with a place name: one to five
// capitalized words on the same line ("Kon Tum", "Đắk Lắk", "TP. Hồ Chí
// Minh", "Hà Nội").
func yearPlaceBefore(s string) bool {
	if k := strings.LastIndexByte(s, '\n'); k >= 0 {
		s = s[k+1:]
	}
	words := strings.Fields(s)
	if len(words) == 0 {
		return false
	}
	if len(words) > 5 {
		words = words[len(words)-5:]
	}
	// The last word at least must be capitalized, and every word of the
	// line's tail up to a non-capitalized one.
	n := 0
	for i := len(words) - 1; i >= 0; i-- {
		r, _ := utf8.DecodeRuneInString(words[i])
		if !unicode.IsUpper(r) {
			break
		}
		n++
	}
	return n > 0
}
