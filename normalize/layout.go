package normalize

import (
	"sort"
	"strings"
	"time"
	"unicode"
)

// Where a line stands in a document, for reading its province and
// period.
type lineRole int

const (
	lineBody     lineRole = iota
	lineTitle             // the title, or the header block of an official report
	lineDateline          // a news page's publication line: "Thứ Tư, 20/03/2019, 08:51"
	lineCaption           // a photo caption: "Ảnh: …"
	lineLead              // the first paragraphs after the title
)

// docLine is one non-empty line of a text.
type docLine struct {
	off, end int // byte offsets of the line in the text
	role     lineRole
	lead     int // 1 or 2 for the lead's first and second paragraph
}

// layout is the shape of a text's opening: its title, its lead and the
// date it was published.
type layout struct {
	lines []docLine
	// published is the date of a news page's dateline, zero if none.
	published time.Time
}

// roleAt returns the role of the line holding offset off.
func (l *layout) roleAt(off int) lineRole { return l.lineAt(off).role }

// lineAt returns the line holding offset off (a body line when none
// does).
func (l *layout) lineAt(off int) docLine {
	i := sort.Search(len(l.lines), func(i int) bool { return l.lines[i].end > off })
	if i < len(l.lines) && l.lines[i].off <= off {
		return l.lines[i]
	}
	return docLine{off: off, end: off}
}

// zone numbers the parts of a text read in turn for its year and
// period: 0 the title, 1 and 2 the lead's paragraphs, 3 the rest.
func (l *layout) zone(off int) int {
	switch x := l.lineAt(off); x.role {
	case lineTitle:
		return 0
	case lineLead:
		return x.lead
	}
	return 3
}

// leadLines is how many paragraphs after the title are its lead.
const leadLines = 2

// Words that may stand beside the date on a dateline (folded).
var datelineWords = map[string]bool{
	"ngày": true, "đăng": true, "cập": true, "nhật": true, "lúc": true, "thứ": true, "hai": true, "ba": true,
	"tư": true, "năm": true, "sáu": true, "bảy": true, "chủ": true, "gmt+7": true, "[gmt+7]": true,
	"(gmt+7)": true, "-": true, "|": true, "giờ": true, "xuất": true, "bản": true,
}

// docLayout reads the opening of text: the title is the first line and,
// in an official report, the header block that follows it (short lines,
// upper-case lines, and lines that open with "báo cáo", "kết quả", …),
// up to the first full sentence; the lead is the first two paragraphs
// of at least eight words after it. A short line among the first six
// that holds a date with its day and little else ("Ngày đăng:
// 18/03/2023 22:32", "Thứ Tư, 20/03/2019, 08:51 [GMT+7]", "Thu Hà 16:34,
// 31/03/2023") is the dateline; a line that opens with "Ảnh" is a
// caption. Neither is title or lead.
func docLayout(text string) *layout {
	l := &layout{}
	off := 0
	for off < len(text) {
		end := strings.IndexByte(text[off:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += off
		}
		if strings.TrimSpace(text[off:end]) != "" {
			l.lines = append(l.lines, docLine{off: off, end: end})
		}
		off = end + 1
	}
	inTitle, lead := true, 0
	// titleAt is the title's line: the first, or the one after a
	// dateline that opens the page. Such a dateline is the date the page
	// was shown or printed; a dateline after the title is the article's
	// and replaces it.
	titleAt, pageDate := 0, false
	for i := range l.lines {
		if lead >= leadLines && !inTitle {
			break // the rest is body
		}
		x := &l.lines[i]
		s := strings.TrimSpace(text[x.off:x.end])
		words := letterWords(s)
		head := strings.TrimLeft(s, "#*_ (")
		f := Fold(head[:min(len(head), 400)])
		switch {
		case i < 6 && len(strings.Fields(s)) <= 14 && (l.published.IsZero() || pageDate && i > titleAt) && isDateline(s):
			x.role = lineDateline
			if i == titleAt {
				titleAt, pageDate = i+1, true
			} else {
				l.published, pageDate = time.Time{}, false
			}
		case strings.HasPrefix(f, "ảnh") || strings.HasPrefix(f, "ảnh minh họa"):
			x.role = lineCaption
		case inTitle && (i == titleAt || (i < 12 && x.off < 2500 && titleBlockLine(s, f, words))):
			x.role = lineTitle
		default:
			inTitle = false
			if lead < leadLines && words >= 8 {
				lead++
				x.role, x.lead = lineLead, lead
			}
		}
		if x.role == lineDateline {
			for _, n := range ScanNumbers(s) {
				if n.Kind == Date && yearHasDay(n) && !n.Time.IsZero() {
					l.published = n.Time
					break
				}
			}
		}
	}
	return l
}

// letterWords counts the words of s that hold a letter.
func letterWords(s string) int {
	n := 0
	for _, w := range strings.Fields(s) {
		if strings.IndexFunc(w, unicode.IsLetter) >= 0 {
			n++
		}
	}
	return n
}

// titleBlockLine reports whether a line after the first belongs to the
// title block of an official report: a short line, an upper-case line,
// or one that opens with the name of a report.
func titleBlockLine(s, f string, words int) bool {
	if words < 12 || isUpperLine(s) {
		return true
	}
	for _, c := range []string{"báo cáo", "kết quả", "tình hình", "v/v", "về việc", "tổng kết", "đánh giá", "sơ kết"} {
		if strings.HasPrefix(f, c) {
			return true
		}
	}
	return false
}

// isDateline reports whether a short line is a dateline: a date with its
// day, and besides it only times, weekdays, "Ngày đăng", "Cập nhật" and
// at most four other words (a section, an author).
func isDateline(s string) bool {
	has := false
	spans := [][2]int{}
	for _, n := range ScanNumbers(s) {
		if n.Kind == Date && yearHasDay(n) && !n.Time.IsZero() {
			has = true
		}
		spans = append(spans, [2]int{n.Start, n.End})
	}
	if !has {
		return false
	}
	// What is left once the numbers are cut out.
	var b strings.Builder
	last := 0
	for _, sp := range spans {
		if sp[0] >= last {
			b.WriteString(s[last:sp[0]])
			b.WriteByte(' ')
			last = sp[1]
		}
	}
	b.WriteString(s[last:])
	other := 0
	for _, w := range strings.Fields(Fold(b.String())) {
		w = strings.Trim(w, ",.:;()[]")
		if w == "" || datelineWords[w] || strings.IndexFunc(w, unicode.IsLetter) < 0 {
			continue
		}
		other++
	}
	return other <= 4
}
