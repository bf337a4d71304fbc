package normalize

import (
	"strings"
	"unicode/utf8"
)

// headerBytes is how much of a report's start ReportNumber and
// IsCorrection read: the header, the title and the opening sentences.
const headerBytes = 4000

// head returns the first headerBytes of text, cut at a rune boundary.
func head(text string) string {
	if len(text) <= headerBytes {
		return text
	}
	cut := headerBytes
	for cut > 0 && !utf8.RuneStart(text[cut]) {
		cut--
	}
	return text[:cut]
}

// ReportNumber returns the number of the document a report is, as its
// header gives it ("Số: 1873/BC-STTTT") or, for an appendix without a
// header of its own, the number of the document it is attached to
// ("Kèm theo Kế hoạch số 1320 /KH-UBND"), without spaces:
// "1873/BC-STTTT", "1320/KH-UBND", "12/2022/BC-UBND". It reads the
// first 4,000 bytes with [ScanNumbers] (the number must be a
// DocNumber) and returns "" when neither is there. Numbers of other
// documents cited in the text ("theo Quyết định số 402/QĐ-UBND") do
// not count: the header's "Số" is capitalised and starts a line or a
// table cell.
func ReportNumber(text string) string {
	text = head(text)
	attached := ""
	for _, n := range ScanNumbers(text) {
		if n.Kind != DocNumber {
			continue
		}
		num := strings.Join(strings.Fields(text[n.Start:n.End]), "")
		before := strings.TrimRight(text[:n.Start], " \t:.")
		if rest, ok := strings.CutSuffix(before, "Số"); ok && (rest == "" || strings.ContainsAny(rest[len(rest)-1:], " \t\n|(")) {
			return num
		}
		line := before[strings.LastIndexByte(before, '\n')+1:]
		if f := Fold(line); attached == "" && strings.Contains(f, "kèm theo") && strings.HasSuffix(f, "số") {
			attached = num
		}
	}
	return attached
}

// correctionCues are words by which a report declares that it corrects
// or replaces an earlier one (folded, see [Fold]).
var correctionCues = []string{"đính chính", "thay thế báo cáo", "thay thế văn bản", "thay thế cho báo cáo"}

// correctionTitleCues declare a correction when they stand in a line
// that names the report ("Báo cáo bổ sung, điều chỉnh …"): elsewhere
// "bổ sung, điều chỉnh" is common wording about plans and procedures.
var correctionTitleCues = []string{"bổ sung, điều chỉnh", "điều chỉnh, bổ sung", "bổ sung và điều chỉnh", "điều chỉnh và bổ sung"}

// IsCorrection reports whether a report declares, in its first 4,000
// bytes, that it corrects or replaces an earlier report: "đính chính",
// "thay thế báo cáo số …", or a line naming the report "bổ sung, điều
// chỉnh". Such a report is a correction, preferred over the other
// copies of the report it corrects.
func IsCorrection(text string) bool {
	for _, line := range strings.Split(head(text), "\n") {
		// Every cue holds "chính", "chỉnh" or "thay": fold only the
		// lines that may hold one.
		low := strings.ToLower(line)
		if !strings.Contains(low, "chính") && !strings.Contains(low, "chỉnh") && !strings.Contains(low, "thay") {
			continue
		}
		f := Fold(line)
		for _, c := range correctionCues {
			if strings.Contains(f, c) {
				return true
			}
		}
		if strings.Contains(f, "báo cáo") {
			for _, c := range correctionTitleCues {
				if strings.Contains(f, c) {
					return true
				}
			}
		}
	}
	return false
}
