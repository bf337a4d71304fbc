package normalize

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// PeriodKind is the kind of period a report covers.
type PeriodKind string

// The kinds of period. A report is periodic when its kind is not
// PeriodYear.
const (
	PeriodYear       PeriodKind = "year"        // "năm 2023", "tính đến hết năm 2022"
	PeriodHalf       PeriodKind = "half"        // "6 tháng đầu năm 2024", "6 tháng cuối năm"
	PeriodQuarter    PeriodKind = "quarter"     // "quý I/2023", "quý III-2025"
	PeriodNineMonths PeriodKind = "nine_months" // "9 tháng năm 2020"
	PeriodMonth      PeriodKind = "month"       // "tháng 01/2025", "tháng 8.2021"
	PeriodRange      PeriodKind = "range"       // "từ 01/7 đến 30/11/2025", "5 tháng đầu năm"
	PeriodMultiYear  PeriodKind = "multi_year"  // "giai đoạn 2016–2020"
)

// Period is the period a report is about: its kind, its first and last
// day, and the words it was read from.
//
// Start and End are dates (UTC midnight). End is zero when the text
// gives no end ("những tháng đầu năm 2025"). Text is empty when nothing
// in the text states the period and it was taken from the year alone.
type Period struct {
	Kind  PeriodKind
	Start time.Time
	End   time.Time
	Text  string
}

// IsZero reports whether p is the zero Period (no period known).
func (p Period) IsZero() bool { return p.Kind == "" }

// FullYear reports whether p is a whole calendar or reporting year.
func (p Period) FullYear() bool { return p.Kind == PeriodYear }

// Year returns the year reported on: the year of the period's end, or
// of its start when the end is unknown.
func (p Period) Year() int {
	switch {
	case !p.End.IsZero():
		return p.End.Year()
	case !p.Start.IsZero():
		return p.Start.Year()
	}
	return 0
}

// String formats the period for people: its kind and its dates.
func (p Period) String() string {
	if p.IsZero() {
		return ""
	}
	s := string(p.Kind)
	if !p.Start.IsZero() {
		s += " " + p.Start.Format("2006-01-02") + ".."
		if !p.End.IsZero() {
			s += p.End.Format("2006-01-02")
		}
	}
	return s
}

// YearPeriod returns the full-year period of year y, with text t.
func YearPeriod(y int, t string) Period {
	return Period{Kind: PeriodYear, Start: day(y, 1, 1), End: day(y, 12, 31), Text: t}
}

// day returns the date y-m-d; d past the end of the month is the
// month's last day, and d = 0 too.
func day(y, m, d int) time.Time {
	last := time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
	if d <= 0 || d > last {
		d = last
	}
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
}

// monthsPeriod returns the period of months m1..m2 of year y, classified:
// a whole year, a half, a quarter, nine months, one month, or a range.
func monthsPeriod(y, m1, m2 int) Period {
	p := Period{Kind: PeriodRange, Start: day(y, m1, 1), End: day(y, m2, 0)}
	n := m2 - m1 + 1
	switch {
	case n == 12:
		p.Kind = PeriodYear
	case n == 6 && (m1 == 1 || m1 == 7):
		p.Kind = PeriodHalf
	case n == 3 && (m1-1)%3 == 0:
		p.Kind = PeriodQuarter
	case n == 9 && m1 == 1:
		p.Kind = PeriodNineMonths
	case n == 1:
		p.Kind = PeriodMonth
	}
	return p
}

// datesPeriod returns the period from a to b (inclusive), classified by
// the reporting regime of Decree 09/2019/NĐ-CP: a period that starts on
// the 15th of the month before a quarter and ends on the 14th of its last
// month ("từ 15/12/2022 đến 14/3/2023") is that quarter, half, nine
// months or year; so is one that runs from the first of a month to the
// last of another. Any other span is a range.
func datesPeriod(a, b time.Time) Period {
	p := Period{Kind: PeriodRange, Start: a, End: b}
	if b.Before(a) {
		return p
	}
	m1 := -1
	switch {
	case a.Day() == 1:
		m1 = int(a.Month())
	case a.Day() == 15 || a.Day() == 16:
		m1 = int(a.Month()) + 1 // 15/12 starts January
	}
	m2 := -1
	switch {
	case b.Day() == 14 || b.Day() == 15:
		m2 = int(b.Month())
	case b.AddDate(0, 0, 1).Day() == 1:
		m2 = int(b.Month())
	}
	if m1 < 0 || m2 < 0 {
		return p
	}
	y := b.Year()
	if m1 == 13 {
		m1 = 1
		if a.Year()+1 != y {
			return p
		}
	} else if a.Year() != y {
		return p
	}
	if m2 < m1 {
		return p
	}
	q := monthsPeriod(y, m1, m2)
	if q.Kind == PeriodRange {
		return p
	}
	q.Start, q.End = a, b
	return q
}

// The role of a period mention in its sentence.
type periodRole int

const (
	rolePeriod  periodRole = iota // the span the sentence reports on
	roleCutoff                    // "tính đến tháng 9/2021": as of a date
	roleTarget                    // "đến năm 2025", "phấn đấu năm 2026", a plan
	roleCompare                   // "so với năm 2022", "(năm 2023: …)"
	roleHistory                   // "bắt đầu hoạt động từ tháng 1/2017": when something began
)

// periodMention is a statement of a period found in a text.
type periodMention struct {
	Period
	off, end int // byte offsets in the text
	// year is the year the mention names (its last year), 0 when it
	// names none ("quý I", "5 tháng đầu năm"); yearOff is the offset of
	// its digits, -1 then.
	year, yearOff int
	role          periodRole
	// resolve builds the period for a year when the mention names none.
	resolve func(y int) Period
	// plain is a bare "năm YYYY" (kind year), as opposed to a period
	// named by its parts.
	plain bool
	// dates: a range of dates ("từ 15/12/2022 đến 14/3/2023").
	dates bool
}

// Regular expressions for period statements, run on NFC text,
// case-insensitively, tried where their first words stand (Searcher).
// Each gives its year last when it has one.
const (
	rxSep  = `\s*(?:năm\s*|[/.\-–]\s*)`
	rxYear = `((?:19|20)\d{2})`
	rxDM   = `(\d{1,2})\s*[/.\-]\s*(\d{1,2})`
)

var (
	// "từ (ngày) 15/12/2022 đến (hết ngày) 14/3/2023", "từ ngày 21-9 đến 20-10".
	// The first date may give its day alone, in the month of the second:
	// "từ ngày 1 – 31/8/2025", "từ 1 đến 15/3".
	periodRangeRe = NewSearcher(`(?i)từ\s+(?:ngày\s+)?(\d{1,2})(?:\s*[/.\-]\s*(\d{1,2})(?:\s*[/.\-]\s*` + rxYear + `)?)?\s*(?:đến|tới|[-–])\s*(?:hết\s+)?(?:ngày\s+)?` + rxDM + `(?:\s*[/.\-]\s*` + rxYear + `)?`)
	// "15/12/2021 – 14/12/2022".
	periodBareRangeRe = NewSearcher(`(\d{1,2})/(\d{1,2})/` + rxYear + `\s*[-–]\s*(\d{1,2})/(\d{1,2})/` + rxYear)
	// "từ đầu năm (2022) đến (đầu|hết|cuối) tháng 11(-2022)", "từ đầu năm đến nay".
	periodYTDRe = NewSearcher(`(?i)từ\s+đầu\s+năm(?:\s+` + rxYear + `)?\s+(?:đến|tới)\s+(?:(nay|hiện nay|hiện tại)|(?:(đầu|giữa|hết|cuối)\s+)?tháng\s+(\d{1,2})(?:` + rxSep + rxYear + `)?)`)
	// "giai đoạn 2016–2020", "giai đoạn 2016 - 2020"; the years after a
	// number of past years: "trong 5 năm qua (2021-2025)", "5 năm vừa
	// qua (2016 – 2020)".
	periodMultiRe = NewSearcher(`(?i)(?:giai\s+đoạn\s+|(?:\d|hai|ba|bốn|năm)\s+năm\s+(?:vừa\s+)?qua\s*\(\s*)` + rxYear + `\s*[-–]\s*` + rxYear + `(?:\s*\))?`)
	// "quý I/2023", "quý III-2025", "quý 3/2023", "quý IV năm 2021".
	periodQuarterRe = NewSearcher(`(?i)quý\s+(iv|i{1,3}|[1-4])(?:` + rxSep + rxYear + `)?`)
	// "6 tháng đầu năm 2024", "9 tháng năm 2020", "5 tháng đầu năm",
	// "sáu tháng cuối năm".
	periodMonthsRe = NewSearcher(`(?i)(\d{1,2}|ba|sáu|chín)\s+tháng(?:\s+(đầu|cuối))?\s+năm(?:\s+` + rxYear + `)?`)
	// "báo cáo 9 tháng", "sơ kết 6 tháng": a number of months after a
	// report's name, without "năm".
	periodReportMonthsRe = NewSearcher(`(?i)(?:báo\s+cáo|sơ\s+kết|kết\s+quả)\s+(\d{1,2})\s+tháng`)
	// "những tháng đầu năm 2025", "nửa đầu năm".
	periodFirstMonthsRe = NewSearcher(`(?i)(?:(những|các)\s+tháng|(nửa))\s+(đầu|cuối)\s+năm(?:\s+` + rxYear + `)?`)
	// "tháng 01/2025", "tháng 8.2021", "tháng 10-2025", "tháng 5 năm 2022", "tháng 10".
	periodMonthRe = NewSearcher(`(?i)tháng\s+(1[0-2]|0?[1-9])(?:` + rxSep + rxYear + `)?`)
	// "năm 2023".
	periodYearRe = NewSearcher(`(?i)năm\s+` + rxYear)
)

// The key words of the period expressions, in lower case, each starting
// with an ASCII byte; a line is read for an expression only when it holds
// its key word (in lower, title or upper case).
var periodKeys = []string{"từ", "/", "giai", "quý", "tháng", "nửa", "năm"}

// Masks of periodKeys.
const (
	keyTu uint16 = 1 << iota
	keySlash
	keyGiai
	keyQuy
	keyThang
	keyNua
	keyNam
)

var romanQuarter = map[string]int{"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}

var wordMonths = map[string]int{"ba": 3, "sáu": 6, "chín": 9}

// atoi reads the digits of s, 0 if none.
func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// periodMentions finds the statements of a period in text: ranges of
// dates, year-to-date spans, multi-year periods, quarters, halves and
// other first months of a year, months and years. Statements do not
// overlap: a longer one found first hides the shorter ones inside it
// ("quý I năm 2023" is a quarter, not also a year). Dates with a day
// ("ngày 05 tháng 8 năm 2021") are not periods. Each mention gets its
// role from the words around it.
//
// nums are the numbers of text as ScanNumbers reads them (nil: read
// them here). A period is read within one line, and each expression
// only on the lines that hold its key word, so that a long text costs
// little.
func periodMentions(text string, nums []Number) []periodMention {
	if nums == nil {
		nums = ScanNumbers(text)
	}
	type line struct {
		off   int
		text  string
		digit bool   // the line holds a digit
		keys  uint16 // the periodKeys it holds
		// lower is FoldLower(text), computed on first use (folded).
		lower           string
		lowerOK, folded bool
	}
	var lines []line
	for off := 0; off < len(text); {
		end := strings.IndexByte(text[off:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += off
		}
		if end > off {
			lines = append(lines, line{off: off, text: text[off:end], digit: strings.ContainsAny(text[off:end], "0123456789")})
		}
		off = end + 1
	}
	// Which lines hold which key words: one pass over the text per
	// key and case.
	for i, k := range periodKeys {
		for _, c := range []string{k, strings.ToUpper(k[:1]) + k[1:], strings.ToUpper(k)} {
			for off := 0; ; {
				j := strings.Index(text[off:], c)
				if j < 0 {
					break
				}
				at := off + j
				n := sort.Search(len(lines), func(n int) bool { return lines[n].off+len(lines[n].text) > at })
				if n < len(lines) {
					lines[n].keys |= 1 << i
				}
				off = at + len(c)
			}
		}
	}
	// findAll runs re on the lines that hold one of keys (a mask of
	// periodKeys), and a digit if digit is set, and returns its matches
	// with offsets into text.
	findAll := func(re *Searcher, digit bool, keys uint16) [][]int {
		var out [][]int
		for i := range lines {
			l := &lines[i]
			if (digit && !l.digit) || l.keys&keys == 0 || !re.MayMatch(l.text) {
				continue
			}
			if !l.folded {
				l.lower, l.lowerOK = FoldLower(l.text)
				l.folded = true
			}
			for _, loc := range re.FindAllFolded(l.text, l.lower, l.lowerOK) {
				for i := range loc {
					if loc[i] >= 0 {
						loc[i] += l.off
					}
				}
				out = append(out, loc)
			}
		}
		return out
	}
	var taken [][2]int
	free := func(a, b int) bool {
		for _, t := range taken {
			if a < t[1] && b > t[0] {
				return false
			}
		}
		return true
	}
	// Dates with a day are not periods, but a range of them is.
	var dated [][2]int
	for _, n := range nums {
		if n.Kind == Date && yearHasDay(n) {
			dated = append(dated, [2]int{n.Start, n.End})
		}
	}
	inDate := func(a, b int) bool {
		for _, t := range dated {
			if a < t[1] && b > t[0] {
				return true
			}
		}
		return false
	}
	var out []periodMention
	add := func(m periodMention) {
		if !free(m.off, m.end) || !IsWord(text, m.off, m.end) {
			return
		}
		taken = append(taken, [2]int{m.off, m.end})
		m.Text = text[m.off:m.end]
		out = append(out, m)
	}
	group := func(loc []int, i int) (string, int) {
		if loc[2*i] < 0 {
			return "", -1
		}
		return text[loc[2*i]:loc[2*i+1]], loc[2*i]
	}
	// built adds the mention at loc whose year is its group yg, if it
	// has one, and whose period build makes for a year; without a year
	// the period waits for the document's (resolve).
	built := func(loc []int, yg int, build func(y int) Period) {
		y, yoff := group(loc, yg)
		m := periodMention{off: loc[0], end: loc[1], year: atoi(y), yearOff: yoff}
		if m.year != 0 {
			m.Period = build(m.year)
		} else {
			m.resolve = build
		}
		add(m)
	}

	for _, loc := range findAll(periodRangeRe, true, keyTu) {
		d1, _ := group(loc, 1)
		m1, _ := group(loc, 2)
		y1, _ := group(loc, 3)
		d2, _ := group(loc, 4)
		m2, _ := group(loc, 5)
		y2, y2off := group(loc, 6)
		dd1, mm1, dd2, mm2 := atoi(d1), atoi(m1), atoi(d2), atoi(m2)
		if m1 == "" {
			mm1 = mm2 // "từ ngày 1 – 31/8": the month of the second date
		}
		if mm1 < 1 || mm1 > 12 || mm2 < 1 || mm2 > 12 || dd1 < 1 || dd1 > 31 || dd2 < 1 || dd2 > 31 {
			continue
		}
		build := func(year1, year2 int) Period {
			if year2 == 0 {
				year2 = year1
			}
			if year1 == 0 {
				year1 = year2
				if mm1 > mm2 || (mm1 == mm2 && dd1 > dd2) {
					year1--
				}
			}
			return datesPeriod(day(year1, mm1, dd1), day(year2, mm2, dd2))
		}
		m := periodMention{off: loc[0], end: loc[1], yearOff: y2off, dates: true}
		ya, yb := atoi(y1), atoi(y2)
		switch {
		case yb != 0 || ya != 0:
			m.Period = build(ya, yb)
			m.year = m.Period.End.Year()
			if y2off < 0 {
				_, m.yearOff = group(loc, 3)
			}
		default:
			m.resolve = func(y int) Period { return build(0, y) }
		}
		add(m)
	}
	for _, loc := range findAll(periodBareRangeRe, true, keySlash) {
		a := day(atoi(text[loc[6]:loc[7]]), atoi(text[loc[4]:loc[5]]), atoi(text[loc[2]:loc[3]]))
		b := day(atoi(text[loc[12]:loc[13]]), atoi(text[loc[10]:loc[11]]), atoi(text[loc[8]:loc[9]]))
		p := datesPeriod(a, b)
		add(periodMention{Period: p, off: loc[0], end: loc[1], year: p.End.Year(), yearOff: loc[12], dates: true})
	}
	for _, loc := range findAll(periodYTDRe, false, keyTu) {
		y0, y0off := group(loc, 1)
		now, _ := group(loc, 2)
		which, _ := group(loc, 3)
		mon, _ := group(loc, 4)
		y1, y1off := group(loc, 5)
		month := atoi(mon)
		if now == "" && (month < 1 || month > 12) {
			continue
		}
		build := func(y int) Period {
			if now != "" {
				return Period{Kind: PeriodRange, Start: day(y, 1, 1)}
			}
			p := monthsPeriod(y, 1, month)
			if strings.EqualFold(which, "đầu") {
				// "đến đầu tháng 11": the first days of November.
				p = Period{Kind: PeriodRange, Start: day(y, 1, 1), End: day(y, month, 1)}
			}
			return p
		}
		m := periodMention{off: loc[0], end: loc[1], yearOff: -1}
		y := atoi(y1)
		m.yearOff = y1off
		if y == 0 {
			y, m.yearOff = atoi(y0), y0off
		}
		if y != 0 {
			m.Period, m.year = build(y), y
		} else {
			m.resolve = build
		}
		add(m)
	}
	for _, loc := range findAll(periodMultiRe, true, keyGiai|keyNam) {
		a, b := atoi(text[loc[2]:loc[3]]), atoi(text[loc[4]:loc[5]])
		if b <= a || b-a > 10 {
			continue
		}
		add(periodMention{Period: Period{Kind: PeriodMultiYear, Start: day(a, 1, 1), End: day(b, 12, 31)},
			off: loc[0], end: loc[1], year: b, yearOff: loc[4]})
	}
	for _, loc := range findAll(periodQuarterRe, false, keyQuy) {
		q := romanQuarter[strings.ToLower(text[loc[2]:loc[3]])]
		built(loc, 2, func(y int) Period { return monthsPeriod(y, 3*q-2, 3*q) })
	}
	for _, loc := range findAll(periodMonthsRe, false, keyThang) {
		ns := strings.ToLower(text[loc[2]:loc[3]])
		n, ok := wordMonths[ns]
		if !ok {
			n = atoi(ns)
		}
		if n < 1 || n > 12 {
			continue
		}
		last, _ := group(loc, 2)
		late := strings.EqualFold(last, "cuối")
		built(loc, 3, func(y int) Period {
			if late {
				return monthsPeriod(y, 13-n, 12)
			}
			return monthsPeriod(y, 1, n)
		})
	}
	for _, loc := range findAll(periodReportMonthsRe, true, keyThang) {
		n := atoi(text[loc[2]:loc[3]])
		if n < 1 || n > 12 {
			continue
		}
		// The mention is the months, not the report's name.
		m := periodMention{off: loc[2], end: loc[1], yearOff: -1,
			resolve: func(y int) Period { return monthsPeriod(y, 1, n) }}
		add(m)
	}
	for _, loc := range findAll(periodFirstMonthsRe, false, keyThang|keyNua) {
		half, _ := group(loc, 2)
		which := strings.ToLower(text[loc[6]:loc[7]])
		built(loc, 4, func(y int) Period {
			switch {
			case half != "" && which == "đầu":
				return monthsPeriod(y, 1, 6)
			case half != "":
				return monthsPeriod(y, 7, 12)
			case which == "đầu":
				return Period{Kind: PeriodRange, Start: day(y, 1, 1)}
			}
			return Period{Kind: PeriodRange, End: day(y, 12, 31)}
		})
	}
	for _, loc := range findAll(periodMonthRe, true, keyThang) {
		if inDate(loc[0], loc[1]) {
			continue
		}
		mon := atoi(text[loc[2]:loc[3]])
		// "tháng 8.2021" but not "tháng 8.2021,5": the year ends the
		// number.
		if loc[4] >= 0 && loc[1]+1 < len(text) && (text[loc[1]] == '.' || text[loc[1]] == ',') && text[loc[1]+1] >= '0' && text[loc[1]+1] <= '9' {
			continue
		}
		built(loc, 2, func(y int) Period { return monthsPeriod(y, mon, mon) })
	}
	for _, loc := range findAll(periodYearRe, true, keyNam) {
		if inDate(loc[0], loc[1]) {
			continue
		}
		y := atoi(text[loc[2]:loc[3]])
		add(periodMention{Period: YearPeriod(y, ""), off: loc[0], end: loc[1], year: y, yearOff: loc[2], plain: true})
	}
	for i := range out {
		out[i].role = mentionRole(text, out[i].off, out[i].end, out[i].Kind == PeriodMultiYear, out[i].plain)
	}
	sortMentions(out)
	return out
}

// sortMentions orders mentions by offset.
func sortMentions(ms []periodMention) {
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && ms[j].off < ms[j-1].off; j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}

// Words just before a period that make it the term of a comparison
// (folded).
var periodCompareCues = []string{"so với", "so với đầu", "so với cuối", "so với cùng kỳ", "cùng kỳ", "so sánh với", "bằng"}

// Words just before a month or a date that make it a start (folded).
var periodStartCues = []string{"kể từ", "từ giữa", "từ cuối", "từ đầu", "từ"}

// Words just before a period that make it a cut-off date (folded).
var periodCutoffCues = []string{"tính đến hết", "tính đến cuối", "tính đến", "đến hết", "đến cuối", "đến", "tới", "cho đến"}

// Words just before a year that make it a target (folded), beyond
// yearTargetCues: the plan of a later year.
var periodPlanCues = []string{
	"kế hoạch", "phương hướng", "nhiệm vụ", "phương hướng, nhiệm vụ", "mục tiêu", "phấn đấu", "phấn đấu đến",
	"dự kiến", "dự kiến trong", "chỉ tiêu", "dự toán", "lộ trình",
}

// Words after a period, in its clause, that make the clause a plan
// ("Năm 2025, Trung tâm đặt mục tiêu …"), unless "đã" comes first
// (folded).
var periodPlanAfter = []string{"mục tiêu", "phấn đấu", "dự kiến", "sẽ ", "định hướng", "kế hoạch đề ra", "cần "}

// mentionRole classifies the period at text[a:b] by its words: a target
// or plan, a comparison, a cut-off date, or the period reported on.
func mentionRole(text string, a, b int, multi, plain bool) periodRole {
	before := foldedBefore(text, a, 60)
	// The part of the clause before the period.
	clause := before
	if k := strings.LastIndexAny(clause, ".;:!?\n"); k >= 0 {
		clause = clause[k+1:]
	}
	clause = strings.TrimSpace(clause)
	for _, c := range yearTargetCues {
		if c == "đến" || c == "tới" || c == "từ" {
			continue // decided below, by what they introduce
		}
		if strings.HasSuffix(before, c) || (plain && strings.HasSuffix(before+" năm", c)) {
			if strings.HasPrefix(c, "so ") || strings.Contains(c, "cùng kỳ") || strings.Contains(c, "năm trước") || strings.Contains(c, "năm ngoái") || c == "(năm" {
				return roleCompare
			}
			// "tính đến hết năm 2022": a cut-off, not a target.
			if strings.HasSuffix(before, "tính "+c) || strings.HasSuffix(before, "tính "+strings.TrimSuffix(c, " năm")) {
				return roleCutoff
			}
			return roleTarget
		}
	}
	if plain && strings.HasSuffix(before, "(") && strings.HasPrefix(after(text, b, 2), ":") {
		return roleCompare // "(năm 2023: 1.907 thủ tục)"
	}
	if multi {
		long := foldedBefore(text, a, 240)
		if k := strings.LastIndexAny(long, ".;!?\n"); k >= 0 {
			long = long[k+1:]
		}
		return multiYearRole(strings.TrimSpace(long), text, b)
	}
	for _, c := range periodCompareCues {
		if strings.HasSuffix(before, c) {
			return roleCompare
		}
	}
	for _, c := range periodStartCues {
		if strings.HasSuffix(before, c) && !plain {
			if launchClause(clause) {
				return roleHistory
			}
			return roleCutoff // "từ giữa tháng 5/2025": a point in time
		}
	}
	for _, c := range periodPlanCues {
		// "phương hướng, nhiệm vụ năm 2022", but not "thực hiện kế
		// hoạch năm 2021": the plan of the year reported on.
		if strings.HasSuffix(clause, c) && !strings.HasSuffix(strings.TrimSuffix(clause, c), "thực hiện ") {
			return roleTarget
		}
	}
	if planClause(before) {
		return roleTarget
	}
	for _, c := range periodCutoffCues {
		if strings.HasSuffix(before, c) {
			if plain && (c == "đến" || c == "tới" || c == "cho đến") {
				return roleTarget // "đến năm 2025"
			}
			return roleCutoff
		}
	}
	if strings.HasSuffix(before, "từ") && plain {
		return roleTarget // a start year: "từ năm 2018"
	}
	if plain && strings.HasSuffix(before, "so với") {
		return roleCompare
	}
	if planAfter(text, b) {
		return roleTarget
	}
	return rolePeriod
}

// Verbs of a launch: a start date after them ("Cổng … bắt đầu hoạt động
// từ tháng 1/2017 với 335 dịch vụ", "Trung tâm đi vào vận hành từ tháng
// 10/2019") dates when something began, not the period reported on
// (folded).
var periodLaunchCues = []string{"bắt đầu", "đi vào hoạt động", "đi vào vận hành", "chính thức hoạt động", "chính thức vận hành", "khai trương", "ra mắt", "thành lập"}

// launchClause reports whether the folded clause before a start date
// holds a verb of launch.
func launchClause(clause string) bool {
	for _, c := range periodLaunchCues {
		if strings.Contains(clause, c) {
			return true
		}
	}
	return false
}

// Nouns that name a programme or plan: a multi-year period after them
// in the same clause is the programme's, not the period reported on
// (folded).
var periodProgramNouns = []string{"kế hoạch", "chương trình", "đề án", "chiến lược", "nghị quyết", "quyết định", "mục tiêu", "chỉ tiêu", "định hướng", "dự án", "quy hoạch"}

// multiYearRole classifies "giai đoạn 2016-2020" by its clause: the
// period of a programme ("Chương trình chuyển đổi số giai đoạn
// 2021-2025", "chỉ tiêu … đề ra cho giai đoạn 2021-2025") or with an
// outlook after it (", định hướng đến năm 2030") is a target; unless the
// clause reports the results of that programme ("Kết quả thực hiện Kế
// hoạch … giai đoạn 2016-2020"), or the period opens the clause
// ("Giai đoạn 2015-2020, UBND tỉnh đã …").
func multiYearRole(clause, text string, b int) periodRole {
	rest := Fold(after(text, b, 40))
	if strings.HasPrefix(rest, ", định hướng") || strings.HasPrefix(rest, "định hướng") || strings.HasPrefix(rest, ", tầm nhìn") {
		return roleTarget
	}
	if planAfter(text, b) {
		return roleTarget
	}
	for _, n := range periodProgramNouns {
		if k := strings.Index(clause, n); k >= 0 {
			if strings.Contains(clause[:k], "kết quả") || strings.Contains(clause[:k], "tổng kết") || strings.Contains(clause[:k], "đánh giá") {
				return rolePeriod
			}
			return roleTarget
		}
	}
	// The period of a clause: "Giai đoạn 2015-2020, UBND tỉnh …",
	// "Trong giai đoạn 2021-2025, …", "Tổng kết giai đoạn 2016-2020".
	if clause == "" && (strings.HasPrefix(rest, ",") || strings.HasPrefix(rest, ":")) {
		return rolePeriod
	}
	for _, c := range []string{"trong", "qua", "sau", "tổng kết", "sơ kết", "kết quả", "kết quả thực hiện", "đánh giá", "báo cáo"} {
		if strings.HasSuffix(clause, c) {
			return rolePeriod
		}
	}
	return roleTarget
}

// Nouns that open the clause of a plan: "…; nhiệm vụ trọng tâm năm
// 2025", "và phương hướng nhiệm vụ năm 2022" (folded).
var periodPlanOpeners = []string{"nhiệm vụ", "phương hướng", "kế hoạch", "mục tiêu", "dự kiến", "phấn đấu", "định hướng", "chỉ tiêu", "dự toán"}

// planClause reports whether the folded text before a period ends in a
// clause that opens with a plan noun; clauses are cut at ";", ",", ":",
// a full stop and " và ".
func planClause(before string) bool {
	c := before
	if k := strings.LastIndexAny(c, ".;:,!?\n"); k >= 0 {
		c = c[k+1:]
	}
	if k := strings.LastIndex(c, " và "); k >= 0 {
		c = c[k+len(" và "):]
	}
	c = strings.TrimSpace(c)
	for _, o := range periodPlanOpeners {
		if strings.HasPrefix(c, o) {
			return true
		}
	}
	return false
}

// Words before a year in its clause that make it the year of an index
// or a ranking, published the year after ("xếp hạng chuyển đổi số năm
// 2022", "DTI 2022") (folded).
var periodIndexCues = []string{"xếp hạng", "chỉ số", "dti", "par index", "sipas", "papi", "pci", "bảng xếp hạng"}

// Words that open a sentence whose subject is a ranking (folded); but
// "chỉ số", they may stand anywhere in it before the year.
var periodIndexHeads = []string{"bảng xếp hạng", "kết quả xếp hạng", "kết quả đánh giá chỉ số", "chỉ số"}

// Words right after a year, in its clause, that make it the year of a
// rank ("năm 2020 xếp thứ 7; năm 2021 xếp thứ 5") (folded).
var periodRankAfter = []string{"xếp thứ", "xếp hạng", "đứng thứ", "ở vị trí thứ", "vị trí thứ", "đạt hạng"}

// indexYear reports whether the year at text[off:end] is the year of an
// index or a ranking: one of periodIndexCues stands within 50 bytes
// before it in its sentence, or one of periodRankAfter within 40 bytes
// after it in its clause.
func indexYear(text string, off, end int) bool {
	c := foldedBefore(text, off, 50)
	if k := strings.LastIndexAny(c, ".;:!?\n"); k >= 0 {
		c = c[k+1:]
	}
	for _, w := range periodIndexCues {
		if strings.Contains(c, w) {
			return true
		}
	}
	// A sentence whose subject is a ranking ("Bảng xếp hạng chỉ số đánh
	// giá … của các tỉnh, thành phố năm 2019 đặt …"): its year, however
	// long the noun phrase, before any verb of the sentence.
	from := max(0, off-300)
	if k := strings.LastIndexAny(text[from:off], ".;:!?\n("); k >= 0 {
		from += k + 1
	} else if from > 0 {
		from = off // the sentence starts further back
	}
	s := strings.TrimSpace(Fold(text[from:off]))
	if !strings.Contains(s, " đã ") && !strings.Contains(s, " đạt ") {
		for _, w := range periodIndexHeads {
			if strings.HasPrefix(s, w) || w != "chỉ số" && strings.Contains(s, w) {
				return true
			}
		}
	}
	a := Fold(after(text, end, 40))
	if k := strings.IndexAny(a, ".,;:!?\n"); k >= 0 {
		a = a[:k]
	}
	for _, w := range periodRankAfter {
		if strings.HasPrefix(a, w) {
			return true
		}
	}
	return rankSentence(text, off, end)
}

// rankOpenRe: what may stand before a year that opens its sentence
// ("Năm 2022, …", "Trong năm 2022, …") (folded).
var rankOpenRe = NewSearcher(`^(?:[-+•*]\s*)?(?:trong\s+)?(?:năm\s*)?$`)

// rankSentence reports whether the year at text[off:end] opens a
// sentence whose predicate is a rank ("Năm 2021, Hà Nam đứng thứ 15
// trong 63 tỉnh …", "Trong năm 2022, chỉ tiêu … được 10,2/13,5 điểm,
// xếp thứ 20/63"): the year of a ranking, published the year after,
// not the year a text reports on. A sentence that states results first
// ("Năm 2022, tỉnh tiếp nhận … hồ sơ, đứng thứ 5 …") is not one: the
// rank must come before any figure but a score.
func rankSentence(text string, off, end int) bool {
	from := max(0, off-40)
	if k := strings.LastIndexAny(text[from:off], ".;:!?\n"); k >= 0 {
		from += k + 1
	} else if from > 0 {
		return false
	}
	if !rankOpenRe.Regexp().MatchString(strings.TrimSpace(Fold(text[from:off]))) {
		return false
	}
	a := after(text, end, 300)
	if k := strings.IndexAny(a, ".;!?\n"); k >= 0 {
		for k >= 0 && k+1 < len(a) && a[k] == '.' && a[k+1] >= '0' && a[k+1] <= '9' {
			// a decimal or thousands point, not the sentence's end
			j := strings.IndexAny(a[k+1:], ".;!?\n")
			if j < 0 {
				k = -1
				break
			}
			k += 1 + j
		}
		if k >= 0 {
			a = a[:k]
		}
	}
	f := Fold(a)
	rank := -1
	for _, w := range []string{"đứng thứ", "xếp thứ", "xếp hạng thứ", "ở vị trí thứ"} {
		if i := strings.Index(f, w); i >= 0 && (rank < 0 || i < rank) {
			rank = i
		}
	}
	if rank < 0 {
		return false
	}
	// Before the rank, only a score ("10,2/13,5 điểm") may be a figure.
	return !rankFigureRe.Regexp().MatchString(scoreRe.Regexp().ReplaceAllString(f[:rank], " "))
}

var (
	// scoreRe: a score, out of a maximum or in points.
	scoreRe = NewSearcher(`\d[\d.,]*\s*(?:/\s*\d[\d.,]*\s*)?điểm`)
	// rankFigureRe: any other figure.
	rankFigureRe = NewSearcher(`\d`)
)

// planAfter reports whether the clause after offset b states a plan
// ("…, Trung tâm đặt mục tiêu duy trì …") before any "đã".
func planAfter(text string, b int) bool {
	rest := text[b:min(len(text), b+160)]
	if k := strings.IndexAny(rest, ".;!?\n"); k >= 0 {
		rest = rest[:k]
	}
	f := Fold(rest)
	done := strings.Index(f, "đã ")
	for _, c := range periodPlanAfter {
		if k := strings.Index(f, c); k >= 0 && (done < 0 || k < done) {
			return true
		}
	}
	return false
}

// foldedBefore returns up to n bytes of text before offset a, on the
// same line, folded.
func foldedBefore(text string, a, n int) string {
	s := a - n
	if s < 0 {
		s = 0
	}
	for s > 0 && !utf8.RuneStart(text[s]) {
		s++
	}
	b := text[s:a]
	if k := strings.LastIndexByte(b, '\n'); k >= 0 {
		b = b[k+1:]
	}
	return Fold(b)
}

// after returns the n bytes of text after offset b without leading
// spaces.
func after(text string, b, n int) string {
	s := strings.TrimLeft(text[b:], " ")
	if len(s) > n {
		s = s[:n]
	}
	return s
}

// ParsePeriod reads a period written as a label ("quý I/2023", "6 tháng
// đầu năm 2024", "giai đoạn 2016-2020", "tháng 8.2021", "01/7–30/11/2025",
// "15/12/2021 – 14/12/2022", "2023"): the first period the label
// states, before any parenthesis. A label without a year takes year y.
// It returns false when the label states no period.
func ParsePeriod(label string, y int) (Period, bool) {
	s := strings.TrimSpace(label)
	if k := strings.IndexByte(s, '('); k > 0 {
		s = strings.TrimSpace(s[:k])
	}
	if len(s) == 4 && s >= "1900" && s <= "2100" {
		return YearPeriod(atoi(s), label), true
	}
	// "đến ngày 26/11/2022": the year up to that day.
	if m := labelCutoffRe.FindStringSubmatch(s); m != nil {
		return YearPeriod(atoi(m[1]), label), true
	}
	// A bare range of dates: "01/7–30/11/2025", "27/6/2025 – 14/12/2025".
	if m := labelRangeRe.FindStringSubmatch(s); m != nil {
		y2 := atoi(m[6])
		if y2 == 0 {
			y2 = y
		}
		y1 := atoi(m[3])
		if y1 == 0 {
			y1 = y2
		}
		return datesPeriod(day(y1, atoi(m[2]), atoi(m[1])), day(y2, atoi(m[5]), atoi(m[4]))), true
	}
	for _, m := range periodMentions(s, nil) {
		if m.role == roleCutoff && m.year != 0 {
			// "đến tháng 12/2023": the year up to that date.
			return YearPeriod(m.year, label), true
		}
		p := m.Period
		if m.resolve != nil {
			if y == 0 {
				continue
			}
			p = m.resolve(y)
		}
		p.Text = label
		return p, true
	}
	return Period{}, false
}

var labelCutoffRe = regexp.MustCompile(`(?i)^(?:tính\s+)?đến\s+(?:hết\s+)?ngày\s+\d{1,2}/\d{1,2}/((?:19|20)\d{2})$`)

var labelRangeRe = regexp.MustCompile(`^(?:từ\s+)?(\d{1,2})/(\d{1,2})(?:/((?:19|20)\d{2}))?\s*(?:[-–]|đến)\s*(\d{1,2})/(\d{1,2})(?:/((?:19|20)\d{2}))?$`)
