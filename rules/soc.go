package rules

import (
	"regexp"

	"github.com/baocao/baocao/normalize"
)

// SOC status values, from least to most advanced.
var socRank = map[string]int{"none": 1, "planned": 2, "pilot": 3, "in_progress": 4, "operational": 5}

var (
	socMentionRe = regexp.MustCompile(`(?i)\bSOC\b|trung tâm (?:giám sát|điều hành)[^.;]{0,40}?(?:an toàn|an ninh)[^.;]{0,20}?(?:thông tin|mạng)`)
	socNoneRe    = regexp.MustCompile(`(?i)chưa (?:được )?(?:triển khai|xây dựng|có|thành lập|đầu tư)`)
	socPlanRe    = regexp.MustCompile(`(?i)(?:dự kiến|kế hoạch|sẽ|chuẩn bị|nghiên cứu|đề xuất|xây dựng phương án|trình phê duyệt)[^.;]{0,60}?(?:triển khai|xây dựng|thí điểm|thuê|đầu tư|vận hành)`)
	socPilotRe   = regexp.MustCompile(`(?i)thí điểm`)
	socProgRe    = regexp.MustCompile(`(?i)đang (?:được\s+)?(?:trong quá trình\s+)?(?:triển khai|xây dựng|thực hiện|hoàn thiện|lắp đặt)|trong quá trình triển khai`)
	socOpRe      = regexp.MustCompile(`(?i)(?:đã|chính thức)\s+(?:được\s+)?(?:đưa vào\s+)?(?:vận hành|hoạt động|sử dụng)|đi vào hoạt động|đang vận hành|đã hoàn thành(?: việc)? (?:triển khai|xây dựng)|thuê dịch vụ[^.;]{0,120}?giám sát|đã triển khai[^.;]{0,40}?(?:giám sát|kết nối)`)
	socNCSCRe    = regexp.MustCompile(`(?i)kết nối(?: chia sẻ thông tin)?(?: với| đến| về| tới)?[^.;]{0,20}?(?:NCSC|trung tâm giám sát (?:an toàn )?không gian mạng quốc gia)`)
	socNoNCSCRe  = regexp.MustCompile(`(?i)chưa (?:được )?kết nối[^.;]{0,40}?(?:NCSC|không gian mạng quốc gia)`)
)

// classifySOC returns the SOC state a sentence states, or "".
//
// The decision rules, in order: a sentence that says the SOC has not been
// set up ("chưa triển khai") is none; one that speaks of plans ("dự kiến",
// "kế hoạch", "nghiên cứu … triển khai thí điểm") is planned; "thí điểm"
// is pilot; "đang triển khai" / "trong quá trình triển khai" is
// in_progress; "đã đưa vào vận hành", "đi vào hoạt động" or a monitoring
// service hired and running ("thuê dịch vụ … giám sát") is operational.
func classifySOC(s string) string {
	switch {
	case socNoneRe.MatchString(s) && !socOpRe.MatchString(s):
		return "none"
	case socPlanRe.MatchString(s):
		return "planned"
	case socPilotRe.MatchString(s):
		return "pilot"
	case socOpRe.MatchString(s):
		return "operational"
	case socProgRe.MatchString(s):
		return "in_progress"
	}
	return ""
}

// socCandidates decides soc.status and soc.ncsc_connected. Where a
// report says several things, the most advanced state wins: what was
// achieved outranks what is planned.
func socCandidates(segs []Segment, doc *normalize.Doc) []candidate {
	var best *Segment
	bestState := ""
	var ncsc *Segment
	ncscVal := false
	for i := range segs {
		seg := &segs[i]
		if !containsAny(seg.lower, "soc", "trung tâm") || !socMentionRe.MatchString(seg.Text) {
			continue
		}
		// Only the clause from the SOC mention on speaks about it: a
		// list "đã triển khai các dịch vụ: …; giám sát (SOC)" does not.
		loc := socMentionRe.FindStringIndex(seg.Text)
		text := seg.Text
		if st := classifySOC(text[max(0, loc[0]-80):]); st != "" && socRank[st] > socRank[bestState] {
			best, bestState = seg, st
		}
		if socNoNCSCRe.MatchString(text) {
			if ncsc == nil {
				ncsc, ncscVal = seg, false
			}
		} else if socNCSCRe.MatchString(text) && (ncsc == nil || !ncscVal) {
			ncsc, ncscVal = seg, true
		}
	}
	// Budget tables often carry the SOC project with its result column.
	var out []candidate
	if best != nil {
		page, line := best.Pos(0)
		out = append(out, candidate{Figure: Figure{Metric: "soc.status", Value: Str(bestState), Unit: "status",
			Text: best.Text, Page: page, Line: line, Rule: "soc.status." + bestState, Source: best.Source}, prio: 30, order: best.Order})
	}
	if ncsc != nil {
		page, line := ncsc.Pos(0)
		out = append(out, candidate{Figure: Figure{Metric: "soc.ncsc_connected", Value: BoolValue(ncscVal), Unit: "bool",
			Text: ncsc.Text, Page: page, Line: line, Rule: "soc.ncsc_connected", Source: ncsc.Source}, prio: 30, order: ncsc.Order})
	}
	return out
}
