package rules

import (
	"math"
	"slices"
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
	re   *normalize.Searcher
	// relation marks the markers that keep figures out of one relation
	// (another agency, the national portal, another period); the others
	// (a level, a subgroup) are often the metric's own definition
	// ("tthc.provincial" is stated "cấp tỉnh") and only keep two
	// statements of one metric apart.
	relation bool
}

// scopeMarkers are looked up in the clause before a figure, in its
// sentence, lower case. The units a figure may belong to (a level, a
// department, the public-service centre, vertical agencies, a district,
// the national portal, another unit) are not listed here: they are the
// cues of the candidates' scope (scope.go), read by unitMarkers.
var scopeMarkers = []scopeMarker{
	{name: "part", re: startRe(`trong đó|riêng\b|bao gồm`)},
	{name: "online", re: startRe(`hồ sơ (?:nộp |tiếp nhận |được tiếp nhận )?(?:trực tuyến|qua mạng)`)},
	{name: "in person", re: startRe(`trực tiếp|bưu chính`)},
	{name: "agency", relation: true, re: startRe(`bộ phận (?:tiếp nhận|một cửa)`)},
	{name: "short period", relation: true, re: startRe(`trong ngày|trong sáng|trong tuần|quý (?:i|ii|iii|iv|\d)\b|trong tháng`)},
}

// unitMarkers returns the scope markers of the units named in text,
// whose lower case is lower (the cues of scope.go): the level of
// government, "agency" for the centre, a department, a district or
// vertical agencies, and "national portal" (another unit's figures never
// reach the checks: they are sub-unit figures, see scope.go). Levels
// only keep two statements of one metric apart; the others also keep
// figures out of one relation.
func unitMarkers(text, lower string, relation bool) []string {
	var ms []string
	for _, c := range findCues(text, lower, nil) {
		name, rel := "", true
		switch c.kind {
		case cueLevel, cueGroup:
			u := strings.ToLower(c.unit)
			switch {
			case strings.Contains(u, "ngành dọc"):
				name = "agency"
			case strings.Contains(u, "tỉnh") || strings.Contains(u, "thành phố") || strings.Contains(u, "sở"):
				name, rel = "province level", false
			case strings.Contains(u, "huyện") || strings.Contains(u, "quận") || strings.Contains(u, "thị xã"):
				name, rel = "district level", false
			case strings.Contains(u, "xã") || strings.Contains(u, "phường"):
				name, rel = "commune level", false
			}
		case cueCentre, cueUnit:
			name = "agency"
		case cuePortal:
			name = "national portal"
		}
		if name != "" && (!relation || rel) {
			ms = append(ms, name)
		}
	}
	return ms
}

// relationWords are literals one of which every relation marker, unit
// cue and backlogRe needs: a text without any has no relation scope.
var relationWords = append([]string{"bộ phận", "trong ngày", "trong sáng", "trong tuần", "trong tháng", "quý ", "kể cả", "gồm cả", "tính cả"}, cueWords...)

// backlogRe, after a figure in its clause, says that it includes files
// of an earlier period.
var backlogRe = startRe(`^[^;.]{0,40}(?:kể cả|bao gồm cả|gồm cả|tính cả)[^;.]{0,40}(?:tồn|kỳ trước|năm trước|chuyển sang|chuyển qua)`)

// figureScope returns the scope markers of a figure, sorted, from its
// evidence text: those in the sentence before the number, and "backlog"
// when the words after it say it includes an earlier period. With
// relation set, only the markers that keep figures out of one relation.
func figureScope(f report.Figure, relation bool) string {
	text := strings.ToLower(f.Text)
	if len(text) != len(f.Text) || relation && !containsAny(text, relationWords...) {
		return ""
	}
	head, orig, after := text, f.Text, ""
	if start, end, ok := numberIn(f.Text, f); ok {
		ss := sentenceStartBefore(text, start)
		head, orig, after = text[ss:start], f.Text[ss:start], text[end:]
	}
	ms := unitMarkers(orig, head, relation)
	for _, m := range scopeMarkers {
		if (!relation || m.relation) && m.re.MatchString(head) {
			ms = append(ms, m.name)
		}
	}
	if backlogRe.MatchString(after) {
		ms = append(ms, "backlog")
	}
	sort.Strings(ms)
	ms = slices.Compact(ms)
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
