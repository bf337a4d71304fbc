package rules

import (
	"math"
	"regexp"
	"sort"
	"strings"

	"github.com/baocao/baocao/normalize"
	"github.com/baocao/baocao/rules/report"
)

// What a figure is about beyond its metric, as the checks see it. Two
// statements of one metric are the same fact written twice only when
// they are about the same scope: the province's 1.665 files and the
// communes' 1.610 are two facts, and so are the on-time rate of all
// files (97%) and that of the online files (99,7%), the online services
// of the provincial portal (335) and those integrated in the national
// one (313). A relation compares figures of one period: the files
// resolved "kể cả những hồ sơ tồn đọng từ năm trước" include files the
// count received does not.

// scopeMarker is one kind of scope, found by its words.
type scopeMarker struct {
	name string
	re   *regexp.Regexp
	// relation marks the markers that keep figures out of one relation
	// (another agency, the national portal, another period); the others
	// (a level, a subgroup) are often the metric's own definition
	// ("tthc.provincial" is stated "cấp tỉnh") and only keep two
	// statements of one metric apart.
	relation bool
}

// scopeMarkers are looked up in the clause before a figure, in its
// sentence, lower case.
var scopeMarkers = []scopeMarker{
	{name: "province level", re: regexp.MustCompile(`cấp tỉnh|cấp thành phố|sở, ban, ngành|sở, ngành|các sở\b|cấp sở`)},
	{name: "district level", re: regexp.MustCompile(`cấp huyện|quận, huyện|cấp quận|huyện, thị xã`)},
	{name: "commune level", re: regexp.MustCompile(`cấp xã|phường, xã|xã, phường|cấp phường`)},
	{name: "part", re: regexp.MustCompile(`trong đó|riêng\b|bao gồm`)},
	{name: "online", re: regexp.MustCompile(`hồ sơ (?:nộp |tiếp nhận |được tiếp nhận )?(?:trực tuyến|qua mạng)`)},
	{name: "in person", re: regexp.MustCompile(`trực tiếp|bưu chính`)},
	{name: "agency", relation: true, re: regexp.MustCompile(`trung tâm (?:phục vụ )?hành chính công|bộ phận (?:tiếp nhận|một cửa)|văn phòng (?:ubnd|ủy ban|uỷ ban)|ngành dọc`)},
	{name: "national portal", relation: true, re: regexp.MustCompile(lowerPattern(vocabulary["{PORTAL}"]))},
	{name: "short period", relation: true, re: regexp.MustCompile(`trong ngày|trong sáng|trong tuần|quý (?:i|ii|iii|iv|\d)\b|trong tháng`)},
}

// relationWords are literals one of which every relation marker and
// backlogRe needs: a text without any has no relation scope.
var relationWords = []string{"trung tâm", "bộ phận", "văn phòng", "ngành dọc", "cổng", "trong ngày", "trong sáng", "trong tuần", "trong tháng", "quý ", "kể cả", "gồm cả", "tính cả"}

// backlogRe, after a figure in its clause, says that it includes files
// of an earlier period.
var backlogRe = regexp.MustCompile(`^[^;.]{0,40}(?:kể cả|bao gồm cả|gồm cả|tính cả)[^;.]{0,40}(?:tồn|kỳ trước|năm trước|chuyển sang|chuyển qua)`)

// figureScope returns the scope markers of a figure, sorted, from its
// evidence text: those in the sentence before the number, and "backlog"
// when the words after it say it includes an earlier period. With
// relation set, only the markers that keep figures out of one relation.
func figureScope(f report.Figure, relation bool) string {
	text := strings.ToLower(f.Text)
	if len(text) != len(f.Text) || relation && !containsAny(text, relationWords...) {
		return ""
	}
	head, after := text, ""
	if start, end, ok := numberIn(f.Text, f); ok {
		head, after = text[sentenceStartBefore(text, start):start], text[end:]
	}
	var ms []string
	for _, m := range scopeMarkers {
		if (!relation || m.relation) && m.re.MatchString(head) {
			ms = append(ms, m.name)
		}
	}
	if backlogRe.MatchString(after) {
		ms = append(ms, "backlog")
	}
	sort.Strings(ms)
	return strings.Join(ms, ",")
}

// numberIn finds the figure's number in text: the first number of its
// kind and value.
func numberIn(text string, f report.Figure) (start, end int, ok bool) {
	if f.Value.Kind != report.Number {
		return 0, 0, false
	}
	for _, n := range normalize.ScanNumbers(text) {
		kindOK := n.Kind == normalize.Count || n.Kind == normalize.Money
		if f.Unit == "percent" {
			kindOK = n.Kind == normalize.Percent
		}
		if kindOK && math.Abs(n.Value-f.Value.Num) <= 1e-6*math.Max(1, math.Abs(f.Value.Num)) {
			return n.Start, n.End, true
		}
	}
	return 0, 0, false
}
