package rules

import (
	"github.com/baocao/baocao/rules/report"
	"regexp"

	"github.com/baocao/baocao/normalize"
)

// SOC status values, from least to most advanced.
var socRank = map[string]int{"none": 1, "planned": 2, "pilot": 3, "in_progress": 4, "operational": 5}

var (
	socMentionRe = regexp.MustCompile(`\bsoc\b|trung tâm (?:giám sát|điều hành)[^.;]{0,40}?(?:an toàn|an ninh)[^.;]{0,20}?(?:thông tin|mạng)`)
	socNoneRe    = regexp.MustCompile(`chưa (?:được )?(?:triển khai|xây dựng|có|thành lập|đầu tư)`)
	socPlanRe    = regexp.MustCompile(`dự kiến|kế hoạch|\bsẽ\b|chuẩn bị|nghiên cứu|đề xuất|đề án|phê duyệt chủ trương|xây dựng phương án|trình phê duyệt|phấn đấu|mục tiêu|định hướng`)
	socPilotRe   = regexp.MustCompile(`thí điểm`)
	socProgRe    = regexp.MustCompile(`đang (?:được\s+)?(?:trong quá trình\s+)?(?:triển khai|xây dựng|thực hiện|hoàn thiện|lắp đặt)|trong quá trình triển khai|đã lắp đặt`)
	socOpRe      = regexp.MustCompile(`(?:đã|chính thức)\s+(?:được\s+)?(?:đưa vào\s+)?(?:vận hành|hoạt động|sử dụng)|đi vào hoạt động|đang vận hành|(?:vận hành|hoạt động) (?:ổn định|liên tục|24/7|thường xuyên|từ năm)|tiếp tục vận hành|đã hoàn thành(?: việc)? (?:triển khai|xây dựng)|thuê dịch vụ[^.;]{0,120}?giám sát`)
	socNCSCRe    = regexp.MustCompile(`kết nối[^.;]{0,60}?(?:ncsc|trung tâm giám sát (?:an toàn )?không gian mạng quốc gia)`)
	socNoNCSCRe  = regexp.MustCompile(`chưa (?:được )?kết nối[^.;]{0,60}?(?:ncsc|không gian mạng quốc gia)|(?:sẽ|dự kiến) kết nối[^.;]{0,60}?(?:ncsc|không gian mạng quốc gia)|kết nối[^.;]{0,80}?(?:ncsc|không gian mạng quốc gia)[^.;]{0,40}?sau khi`)
)

// plannedBefore reports whether a plan word stands in the 60 bytes
// before offset i of s: "dự kiến đưa vào vận hành" is a plan, not a
// state.
func plannedBefore(s string, i int) bool {
	return socPlanRe.MatchString(s[max(0, i-60):i])
}

// classifySOC returns the SOC state a clause (in lower case) states, or
// "". The decision rules:
//
//   - "thí điểm" (a pilot) is pilot, unless a plan word precedes it
//     ("nghiên cứu phương án triển khai thí điểm" is planned);
//   - a SOC in operation ("đã đưa vào vận hành", "đi vào hoạt động",
//     "vận hành ổn định", a monitoring service hired: "thuê dịch vụ …
//     giám sát") is operational;
//   - "đang triển khai", "trong quá trình triển khai" is in_progress;
//   - "chưa triển khai", "chưa có" is none, even beside a plan;
//   - a plan ("dự kiến", "kế hoạch", "nghiên cứu", "phê duyệt chủ
//     trương") is planned.
//
// A state word that follows a plan word is read as planned.
func classifySOC(s string) string {
	achieved := func(re *regexp.Regexp) (found, planned bool) {
		for _, loc := range re.FindAllStringIndex(s, -1) {
			if plannedBefore(s, loc[0]) || socPlanRe.MatchString(s[loc[1]:min(len(s), loc[1]+24)]) {
				planned = true
				continue
			}
			found = true
		}
		return found, planned
	}
	pilot, pilotPlanned := achieved(socPilotRe)
	op, opPlanned := achieved(socOpRe)
	prog, progPlanned := achieved(socProgRe)
	switch {
	case pilot:
		return "pilot"
	case op:
		return "operational"
	case prog:
		return "in_progress"
	case socNoneRe.MatchString(s):
		// "chưa triển khai SOC, dự kiến thuê dịch vụ năm sau": none
		// yet; the plan is for later.
		return "none"
	case pilotPlanned || opPlanned || progPlanned || socPlanRe.MatchString(s):
		return "planned"
	}
	return ""
}

// socCandidates decides soc.status and soc.ncsc_connected.
//
// Every clause that names the SOC is classified by classifySOC. Where a
// report says several things, the most advanced state wins, and what
// was achieved outranks what is planned: a clause in a plan or target
// context ("Phấn đấu … đưa SOC vào vận hành") counts as planned at most.
//
// soc.ncsc_connected is true where a clause says the SOC is connected to
// the national monitoring centre (NCSC) and the SOC exists (pilot, in
// progress or operational); it is false where a clause says it is not
// connected yet ("chưa kết nối"), which wins over a connection claimed
// elsewhere.
func socCandidates(segs []Segment, doc *normalize.Doc) []candidate {
	var best, yes, no *Segment
	bestState := ""
	for i := range segs {
		seg := &segs[i]
		if !containsAny(seg.lower, "soc", "trung tâm", "ncsc", "không gian mạng") {
			continue
		}
		loc := socMentionRe.FindStringIndex(seg.lower)
		// Plans are judged on the words before the SOC is named: "Phấn
		// đấu … đưa SOC vào vận hành" is a plan; "SOC đang được triển
		// khai, dự kiến vận hành quý II" is in progress.
		head := seg.Text
		if loc != nil && loc[0] <= len(head) {
			head = head[:loc[0]]
		}
		plan := seg.plan || inPlanContext(head, doc.Year)
		if loc != nil {
			st := classifySOC(seg.lower)
			if plan && socRank[st] > socRank["planned"] {
				st = "planned"
			}
			if st != "" && socRank[st] > socRank[bestState] {
				best, bestState = seg, st
			}
		}
		switch {
		case socNoNCSCRe.MatchString(seg.lower):
			if no == nil {
				no = seg
			}
		case socNCSCRe.MatchString(seg.lower) && !plan && yes == nil:
			yes = seg
		}
	}
	var out []candidate
	add := func(metric string, v report.Value, unit, rule string, seg *Segment) {
		page, line := seg.Pos(0)
		out = append(out, candidate{Figure: report.Figure{Metric: metric, Value: v, Unit: unit,
			Text: seg.Text, Page: page, Line: line, Rule: rule, Source: seg.Source}, prio: 30, order: seg.Order})
	}
	if best != nil {
		add("soc.status", report.Str(bestState), "status", "soc.status."+bestState, best)
	}
	switch {
	case no != nil:
		add("soc.ncsc_connected", report.BoolValue(false), "bool", "soc.ncsc_connected.not", no)
	case yes != nil && socRank[bestState] >= socRank["pilot"]:
		add("soc.ncsc_connected", report.BoolValue(true), "bool", "soc.ncsc_connected", yes)
	}
	return out
}
