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
// It scores every year the text states and returns the best:
//   - years inside a date (the issue date "Kon Tum, ngày 06 tháng 5 năm
//     2022", "ngày 05/8/2021") count for nothing, and so do target and
//     start years ("đến năm 2025", "định hướng đến năm 2030", "tầm nhìn
//     đến năm 2045", "từ năm 2020"), the years of plans ("phương hướng,
//     nhiệm vụ năm 2022", "kế hoạch năm 2022", "Năm 2025, Trung tâm đặt
//     mục tiêu …") and of comparisons ("so với năm 2023", "(năm 2023:
//     1.907 thủ tục)");
//   - a year in a title line near the top (a line with "báo cáo", "kết
//     quả", "tình hình", …, or an upper-case line: "KẾT QUẢ … NĂM 2021")
//     weighs most, then one in the lead (the first paragraphs after the
//     title); a year after "Trong năm", "6 tháng đầu năm", "cuối năm",
//     or in a period ("quý III-2025", "tháng 8.2021", "từ 15/12/2022 đến
//     14/3/2023", "Giai đoạn 2015-2020, …") weighs more than a bare "năm
//     2021";
//   - mentions in the first part of the document weigh more than later
//     ones;
//   - in a sentence that lists several years ("năm 2020 xếp thứ 7; năm
//     2021 xếp thứ 5; năm 2022 xếp thứ 4"), the earlier ones are history
//     and count a quarter;
//   - "đến nay", "hiện nay" in the lead are dated by the document's date
//     (its issue date or a news page's dateline); in an undated text, a
//     year named after them in their line is another year;
//   - a start date after a verb of launch ("bắt đầu hoạt động từ tháng
//     1/2017") dates when something began, and a sentence whose subject
//     is a ranking ("Bảng xếp hạng chỉ số … năm 2019 đặt …") names the
//     ranking's year, and so does a year that opens a sentence whose
//     predicate is a rank ("Năm 2021, tỉnh đứng thứ 15 …", "Trong năm
//     2022, … được 10,2/13,5 điểm, xếp thứ 20/63"): rankings are
//     published the year after;
//   - a dateline above the title is the date the page was shown; one
//     below the title is the article's.
//
// When no year qualifies it falls back on the years of the dates cited
// in the text (documents issued during the period), the issue date
// excluded. A report on "6 tháng đầu năm 2023" returns 2023: the year,
// not the half ([Identify] gives the half).
func ReportYear(text string) int {
	issue, hasIssue := IssueDate(text)
	nums := ScanNumbers(text)
	return reportYear(text, issue, hasIssue, docLayout(text), nums, periodMentions(text, nums)).year
}

// yearResult is what a text says of the year it reports on.
type yearResult struct {
	year int
	// strong: the year is stated in the title or the lead.
	strong bool
	// fallback: the year is only that of dates cited in the text.
	fallback bool
}

// reportYear is ReportYear given the text's issue date and layout.
//
// The parts of the text are read in turn: the title, the lead's first
// paragraph, its second; the first that states a year decisively gives
// it (strong). A year is decisive unless a later year follows it in its
// sentence (history) or it stands beside a period that names no year
// ("Báo cáo 9 tháng …, tính đến tháng 9 …. Năm 2022, tỉnh … ở vị trí
// thứ 11": the current year goes without saying, the one named is
// another). When no part decides, the scores of the whole text do
// (weak).
//
// nums and ms are the numbers and the period mentions of text.
func reportYear(text string, issue time.Time, hasIssue bool, lay *layout, nums []Number, ms []periodMention) yearResult {
	if y := planResultsYear(text, lay); y != 0 {
		return yearResult{year: y, strong: true}
	}
	fallback := map[int]float64{}
	head := yearHeadEnd(text)
	scored := map[int]bool{} // offsets of year digits already scored
	type seen struct {
		year, off, zone int
		w               float64
		history         bool
		index           bool // the year of an index or a ranking
	}
	var all []seen
	credit := func(y, off, end int, w float64) {
		if w > 0 {
			all = append(all, seen{year: y, off: off, zone: lay.zone(off), w: w, index: indexYear(text, off, end)})
		}
	}
	for _, n := range nums {
		switch n.Kind {
		case Date:
			if n.Value == 0 || (hasIssue && n.Time.Equal(issue)) || (!lay.published.IsZero() && n.Time.Equal(lay.published)) {
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
		scored[n.NumStart] = true
		credit(y, n.NumStart, n.End, yearWeight(text, n, head, lay))
	}
	// Periods whose year the number scanner does not read as a year:
	// "tháng 8.2021", "quý III-2025", "Giai đoạn 2015-2020, …", ranges of
	// dates. Periods without a year mark their part of the text.
	docDate := issue
	if !hasIssue {
		docDate = lay.published
	}
	yearless := map[int]bool{}
	for _, m := range ms {
		if m.role != rolePeriod && m.role != roleCutoff {
			continue
		}
		if m.year == 0 {
			if !m.plain {
				yearless[lay.zone(m.off)] = true
			}
			continue
		}
		if m.plain || scored[m.yearOff] || m.year < 1990 || m.year > 2100 {
			continue
		}
		if m.role == roleCutoff && !docDate.IsZero() && m.End.After(docDate) {
			continue // "đến tháng 12/2025" written in 2024: a target
		}
		credit(m.year, m.off, m.end, 4*yearPosition(text, m.off, head, lay))
	}
	// "Đến nay", "hiện nay" in the lead: as of the document's date.
	if !docDate.IsZero() {
		for _, x := range lay.lines {
			if x.role != lineLead {
				continue
			}
			f := Fold(text[x.off:x.end])
			for _, c := range []string{"đến nay", "hiện nay", "hiện tại", "đến thời điểm này"} {
				if strings.Contains(f, c) {
					credit(docDate.Year(), x.off, x.off, 4*yearPosition(text, x.off, head, lay))
					break
				}
			}
		}
	}
	// History: in a sentence naming several years, the earlier ones.
	sort.SliceStable(all, func(i, j int) bool { return all[i].off < all[j].off })
	for i := range all {
		a, b := sentenceAround(text, all[i].off)
		lo := sort.Search(len(all), func(k int) bool { return all[k].off >= a })
		for _, o := range all[lo:] {
			if o.off >= b {
				break
			}
			if o.year > all[i].year {
				all[i].w /= 4
				all[i].history = true
				break
			}
		}
	}
	// The parts in turn. Within a part, a tie goes to the year named
	// first ("năm 2024; nhiệm vụ năm 2025" if the plan was missed).
	for zone := 0; zone <= 2; zone++ {
		score := map[int]float64{}
		first := map[int]int{}
		for _, s := range all {
			plain := text[s.off] >= '0' && text[s.off] <= '9'
			if s.zone != zone || s.history || (yearless[zone] && plain) || s.index {
				continue
			}
			if plain && docDate.IsZero() && nowBefore(text, lay, s.off) {
				continue
			}
			if _, ok := first[s.year]; !ok {
				first[s.year] = s.off
			}
			score[s.year] += s.w
		}
		best, bestW := 0, 0.0
		for y, w := range score {
			if w > bestW || (w == bestW && first[y] < first[best]) {
				best, bestW = y, w
			}
		}
		if best != 0 {
			return yearResult{year: best, strong: true}
		}
	}
	score := map[int]float64{}
	for _, s := range all {
		score[s.year] += s.w
	}
	if y, ok := bestYear(score); ok {
		return yearResult{year: y}
	}
	y, _ := bestYear(fallback)
	return yearResult{year: y, fallback: y != 0}
}

// nowBefore reports whether the line holding off speaks of the present
// before it ("Tính đến nay, cổng … có 819 dịch vụ …. Năm 2018, tổng số hồ
// sơ …"): a year named after "đến nay" in an undated text is another
// year than the one the text reports on, which goes without saying.
func nowBefore(text string, lay *layout, off int) bool {
	x := lay.lineAt(off)
	f := Fold(text[x.off:off])
	for _, c := range []string{"đến nay", "hiện nay", "đến thời điểm này"} {
		if strings.Contains(f, c) {
			return true
		}
	}
	return false
}

// planResultsYear returns, for a plan ("KẾ HOẠCH / Chuyển đổi số tỉnh
// Trà Vinh năm 2025"), the year of its results section ("Phần I. ĐÁNH
// GIÁ KẾT QUẢ THỰC HIỆN NĂM 2024"): the year its figures report on, not
// the year it plans. It returns 0 for a document that is not a plan, or
// a plan without such a heading.
//
// A document is a plan when its title block names the kind of document
// "Kế hoạch" (a line of its own, or the start of the title). The results
// heading is a line of at most 20 words, in the first 16 KB, that
// names "kết quả", "đánh giá" or "tình hình thực hiện" and one year.
func planResultsYear(text string, lay *layout) int {
	plan := false
	for _, x := range lay.lines {
		if x.role != lineTitle {
			continue
		}
		f := Fold(strings.TrimLeft(text[x.off:x.end], "#*|_ "))
		if f == "kế hoạch" || strings.HasPrefix(f, "kế hoạch ") || strings.HasPrefix(f, "kế hoạch:") {
			plan = true
			break
		}
	}
	if !plan {
		return 0
	}
	for _, x := range lay.lines {
		line := text[x.off:x.end]
		if letterWords(line) > 20 {
			continue
		}
		f := Fold(line)
		if !strings.Contains(f, "kết quả") && !strings.Contains(f, "đánh giá") && !strings.Contains(f, "tình hình thực hiện") {
			continue
		}
		var years []int
		for _, m := range periodYearRe.Regexp().FindAllStringSubmatch(line, -1) {
			years = append(years, atoi(m[1]))
		}
		if len(years) == 1 {
			return years[0]
		}
	}
	return 0
}

// bestYear returns the year of highest score; ties go to the later year:
// reports look back on the year just ended more often than they cite
// older ones.
func bestYear(score map[int]float64) (int, bool) {
	years := make([]int, 0, len(score))
	for y := range score {
		years = append(years, y)
	}
	sort.Ints(years)
	best, bestW := 0, 0.0
	for _, y := range years {
		if score[y] > 0 && score[y] >= bestW {
			best, bestW = y, score[y]
		}
	}
	return best, best != 0
}

// sentenceAround returns the bounds of the sentence holding offset off:
// from the previous ". ", "!", "?" or line break to the next, within
// 1,000 bytes either side.
func sentenceAround(text string, off int) (int, int) {
	lo, hi := max(0, off-1000), min(len(text), off+1000)
	a := lo
	for _, sep := range []string{". ", "\n", "! ", "? "} {
		if k := strings.LastIndex(text[lo:off], sep); k >= 0 && lo+k+len(sep) > a {
			a = lo + k + len(sep)
		}
	}
	b := hi
	for _, sep := range []string{". ", "\n", "! ", "? "} {
		if k := strings.Index(text[off:hi], sep); k >= 0 && off+k < b {
			b = off + k
		}
	}
	return a, b
}

// yearHeadEnd returns the end of the head of the document: its first 25
// non-blank lines or 2,500 bytes, whichever is shorter.
func yearHeadEnd(text string) int {
	lines, i := 0, 0
	for i < len(text) && i < 2500 {
		k := strings.IndexByte(text[i:], '\n')
		if k < 0 {
			return min(len(text), 2500)
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

func yearWeight(text string, n Number, head int, lay *layout) float64 {
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
		for _, c := range periodCompareCues {
			if strings.HasSuffix(before, c+" năm") {
				return 0
			}
		}
		for _, c := range periodPlanCues {
			// "phương hướng, nhiệm vụ năm 2022", "kế hoạch năm 2022",
			// but not "thực hiện kế hoạch năm 2021".
			if k := c + " năm"; strings.HasSuffix(before, k) && !strings.HasSuffix(strings.TrimSuffix(before, k), "thực hiện ") {
				return 0
			}
		}
		if strings.HasSuffix(before, "năm") && planClause(strings.TrimSuffix(before, "năm")) {
			return 0 // "…; nhiệm vụ trọng tâm năm 2025"
		}
		w = 1
		if strings.HasSuffix(before, "năm") {
			w = 1.5
		}
	}
	// "Năm 2025, Trung tâm đặt mục tiêu …": a year that opens a clause
	// about a plan.
	clause := before
	if k := strings.LastIndexAny(clause, ".;:!?\n"); k >= 0 {
		clause = clause[k+1:]
	}
	if len(strings.TrimSpace(clause)) <= len("trong năm") && planAfter(text, n.End) {
		return 0
	}
	if n.Start < head {
		line := yearLineAround(text, n.NumStart)
		if yearIsTitleLine(line) {
			w += 8
		} else if lay.roleAt(n.NumStart) == lineLead {
			w *= 3
		} else {
			w *= 2
		}
	} else if n.Start > 20000 {
		w /= 2
	}
	return w
}

// yearPosition is the factor of a period mention at offset off: 3 in the
// title or the lead, 2 in the head, 1 in the body, 1/2 after 20,000 bytes.
func yearPosition(text string, off, head int, lay *layout) float64 {
	switch r := lay.roleAt(off); {
	case r == lineTitle || r == lineLead:
		return 3
	case off < head:
		return 2
	case off > 20000:
		return 0.5
	}
	return 1
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
		// Not a title block: just the physical line, and no more than
		// 600 bytes of it (a text without line breaks is no title).
		a = strings.LastIndexByte(text[:off], '\n') + 1
		b = strings.IndexByte(text[off:], '\n')
		if b < 0 {
			b = len(text)
		} else {
			b += off
		}
		if b-a > 600 {
			a, b = max(a, off-300), min(b, off+300)
			for a > 0 && !utf8.RuneStart(text[a]) {
				a--
			}
			for b < len(text) && !utf8.RuneStart(text[b]) {
				b++
			}
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
	// A weekday ("Thứ Ba, 14/05/2024", "Chủ Nhật, …") dates a web page,
	// not a report's place-and-date line.
	if f := Fold(strings.Join(words[max(0, len(words)-2):], " ")); strings.HasPrefix(f, "thứ ") || f == "chủ nhật" {
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
