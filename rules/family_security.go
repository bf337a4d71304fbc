package rules

import (
	"regexp"
	"strings"

	"github.com/baocao/baocao/normalize"
	"github.com/baocao/baocao/rules/report"
)

// security is the family of information security: the state of the
// province's security operations centre (SOC) and its connection to the
// national monitoring centre (NCSC), decided over every clause that names
// it (see socCandidates), the computers under centrally managed
// anti-malware, the malware removed and the incidents handled.
var security = Family{
	Name:  "security",
	Title: "Information security: the SOC, anti-malware, incidents",
	Order: 80,
	Words: []string{"máy", "mã độc", "virus", "độc hại", "sự cố"},
	Topics: []Topic{
		{Name: "malware", Words: []string{"mã độc", "virus", "phần mềm độc hại"}},
		{Name: "incidents", Words: []string{"sự cố"}},
	},
	Metrics: []report.Metric{
		{Code: "soc.status", Unit: "status", Label: "Trạng thái SOC", Key: 19,
			Meaning: "state of the province's security operations centre (SOC): none, planned, pilot, in_progress, operational",
			Wording: `"đang được ... triển khai thực hiện thí điểm" -> pilot; "hiện đang trong quá trình triển khai" -> in_progress`},
		{Code: "soc.ncsc_connected", Unit: "bool", Label: "SOC kết nối NCSC", Key: 20,
			Meaning: "the province's SOC is connected to the national cyberspace monitoring centre: the NCSC (Trung tâm Giám sát an toàn không gian mạng quốc gia, Ministry of Information and Communications) until 2025, and the Trung tâm An ninh mạng quốc gia of the Ministry of Public Security, which took over the function in 2025",
			Wording: `"SOC tỉnh Kon Tum kết nối với Trung tâm giám sát không gian mạng quốc gia (NCSC)"`},
		{Code: "sec.malware_protected_machines", Unit: "count", Label: "Máy tính cài phòng chống mã độc tập trung",
			Meaning: "computers under the centrally managed anti-malware system",
			Wording: `"diệt virus cho 2.553 máy trạm"; "Tổng số máy tính được cài đặt hệ thống giám sát mã độc tập trung: 5528 máy tính"`},
		{Code: "sec.malware_removed", Unit: "count", Label: "Mã độc đã xử lý",
			Meaning: "malware items removed or killed",
			Wording: `"đã tiêu diệt 5322 Virus"`},
		{Code: "sec.incidents", Unit: "count", Label: "Sự cố ATTT đã xử lý",
			Meaning: "security incidents detected and handled",
			Wording: `"phát hiện và xử lý 5 sự cố"`},
	},
	Rules: []Rule{
		{ID: "sec.malware_protected_machines.label", Metric: "sec.malware_protected_machines", Priority: 30,
			Pattern: `(?:tổng\s*)?số\s*(?:lượng\s*)?máy (?:tính|trạm)[^.;:]{0,20}?(?:được\s*)?(?:cài đặt|cài|kết nối|quản lý|bảo vệ)[^.;:]{0,60}?(?:mã độc|virus|diệt virus|phòng chống)[^.;:]{0,30}?(?::|là)\s*{N}`},
		{ID: "sec.malware_protected_machines.for", Metric: "sec.malware_protected_machines", Priority: 30,
			Pattern: `(?:diệt virus|phòng chống mã độc|phòng, chống mã độc|mã độc tập trung|bảo vệ|phần mềm diệt virus)[^.;\d]{0,30}?cho\s*{N}\s*máy (?:tính|trạm)`},
		// "772/3.421 máy tính … cài đặt phần mềm phòng, chống mã độc tập
		// trung": the numerator counts the machines.
		{ID: "sec.malware_protected_machines.count-first", Metric: "sec.malware_protected_machines", Priority: 25,
			Pattern: `{N}(?:/\d{1,3}(?:\.\d{3})*)?\s*máy (?:tính|trạm)[^.;\d]{0,30}?(?:được\s*)?(?:cài đặt|kết nối|bảo vệ|quản lý)[^.;\d]{0,60}?(?:phòng chống mã độc|phòng, chống mã độc|mã độc tập trung|quản lý tập trung|diệt virus|phần mềm độc hại)`},
		{ID: "sec.malware_protected_machines.kv", Metric: "sec.malware_protected_machines", Priority: 25,
			Pattern: `^(?:số\s*)?máy (?:tính|trạm)[^:]*(?:phòng chống mã độc|phòng, chống mã độc|mã độc|diệt virus)[^:]*:\s*{N}$`},
		{ID: "sec.malware_removed.verb", Metric: "sec.malware_removed", Priority: 30,
			Pattern: `(?:tiêu diệt|diệt|xử lý|phát hiện và xử lý|gỡ bỏ|bóc gỡ|loại bỏ|phát hiện, xử lý)\s*(?:được\s*)?(?:thành công\s*)?{N}\s*(?:lượt\s*)?(?:virus|mã độc|phần mềm độc hại|tệp tin (?:độc hại|nhiễm mã độc)|tập tin (?:độc hại|nhiễm mã độc))`},
		{ID: "sec.malware_removed.label", Metric: "sec.malware_removed", Priority: 25,
			Pattern: `(?:số\s*)?(?:lượng\s*)?(?:mã độc|virus)\s*(?:đã\s*)?(?:được\s*)?(?:xử lý|tiêu diệt|gỡ bỏ|bóc gỡ)\s*(?::|là)\s*{N}`},
		{ID: "sec.incidents.verb", Metric: "sec.incidents", Priority: 30,
			Pattern: `(?:phát hiện và xử lý|phát hiện, xử lý|xử lý|ứng cứu|khắc phục|tiếp nhận và xử lý|hỗ trợ xử lý|điều phối xử lý)\s*(?:được\s*)?(?:thành công\s*)?{N}\s*(?:vụ\s*)?sự cố`},
		{ID: "sec.incidents.label", Metric: "sec.incidents", Priority: 25,
			Pattern: `(?:số\s*)?(?:lượng\s*)?sự cố\s*(?:an toàn thông tin|ATTT|mất an toàn thông tin)?(?: mạng)?\s*(?:đã\s*)?(?:được\s*)?(?:phát hiện|xử lý|ứng cứu|khắc phục)[^.;:\d]{0,20}?(?::|là)\s*{N}`},
	},
	Context: []ContextRule{
		// Security.
		{ID: "ctx.sec.malware_protected_machines", Metric: "sec.malware_protected_machines", Topic: "malware", Kind: normalize.Count, Noun: `^\s*máy (?:tính|trạm)`, Label: `(?:bảo vệ|cho|cài đặt|quản lý|triển khai|triển khai tới|triển khai cho)\s*$`},
		{ID: "ctx.sec.malware_removed", Metric: "sec.malware_removed", Topic: "malware", Kind: normalize.Count, Noun: `^\s*(?:mẫu |lượt |tệp |tập tin )?(?:mã độc|virus|phần mềm độc hại)`, Label: `(?:tiêu diệt|ngăn chặn|loại bỏ|xử lý|gỡ bỏ|phát hiện và xử lý)\s*$`},
		{ID: "ctx.sec.incidents", Metric: "sec.incidents", Topic: "incidents", Kind: normalize.Count, Noun: `^\s*(?:vụ\s*)?sự cố`, Label: `(?:ghi nhận|xử lý|phát hiện|ứng cứu|khắc phục|xảy ra)\s*(?:được\s*)?$`},
	},
	Detect: socCandidates,
}

func init() { register(&security) }

// SOC status values, from least to most advanced.
var socRank = map[string]int{"none": 1, "planned": 2, "pilot": 3, "in_progress": 4, "operational": 5}

var (
	socMentionRe = gated(`\bsoc\b|trung tâm (?:giám sát|điều hành)[^.;]{0,40}?(?:an toàn|an ninh)[^.;]{0,20}?(?:thông tin|mạng|tập trung)`)
	socNoneRe    = gated(`chưa (?:được )?(?:triển khai|xây dựng|có|thành lập|đầu tư)`)
	socPlanRe    = gated(`dự kiến|kế hoạch|\bsẽ\b|chuẩn bị|nghiên cứu|đề xuất|đề án|phê duyệt chủ trương|xây dựng phương án|trình phê duyệt|phấn đấu|mục tiêu|định hướng`)
	socPilotRe   = gated(`thí điểm`)
	socProgRe    = gated(`đang (?:được\s+)?(?:nhà thầu\s+|đơn vị thi công\s+)?(?:trong quá trình\s+)?(?:triển khai|xây dựng|thực hiện|hoàn thiện|lắp đặt|thi công)|trong quá trình (?:triển khai|thi công|xây dựng)|đã lắp đặt`)
	// socOpRe: a SOC in operation, launched ("ra mắt", "lễ tiếp nhận và
	// vận hành", "khai trương"), or reporting what it monitors ("ghi
	// nhận 5.463 cảnh báo", "báo cáo hoạt động Trung tâm giám sát"), or
	// with systems connected to it ("đã kết nối 18 hệ thống thông tin
	// với SOC").
	socOpRe = gated(`(?:đã|chính thức)\s+(?:được\s+)?(?:đưa vào\s+)?(?:vận hành|hoạt động|sử dụng)|đi vào hoạt động|đang vận hành|(?:vận hành|hoạt động) (?:ổn định|liên tục|24/7|thường xuyên|từ năm)|tiếp tục vận hành|đã hoàn thành(?: việc)? (?:triển khai|xây dựng)|hoàn thành (?:và|,) (?:đưa vào )?(?:vận hành|sử dụng|khai thác)|thuê dịch vụ[^.;]{0,120}?giám sát|ra mắt|khai trương|tiếp nhận và (?:đưa vào )?vận hành|(?:ghi nhận|phát hiện|cảnh báo)\s+(?:được\s+)?[\d.]+\s+(?:cảnh báo|sự kiện|lượt tấn công|cuộc tấn công)|báo cáo (?:kết quả )?hoạt động|(?:đã|hoàn thành)\s+(?:[^.;\d]{0,20}?\s)?kết nối\s+(?:xong\s+|thành công\s+)?(?:[\d.]+|các)\s+hệ thống`)
	// socNCSCRe: the national monitoring centre, the NCSC, or since 2025
	// the Ministry of Public Security's Trung tâm An ninh mạng quốc gia.
	socNCSCRe   = gated(`kết nối[^.;]{0,60}?(?:ncsc|trung tâm giám sát (?:an toàn )?không gian mạng quốc gia|trung tâm an ninh mạng quốc gia)`)
	socNoNCSCRe = gated(`chưa (?:được )?kết nối[^.;]{0,60}?(?:ncsc|không gian mạng quốc gia|an ninh mạng quốc gia)|(?:sẽ|dự kiến) kết nối[^.;]{0,60}?(?:ncsc|không gian mạng quốc gia|an ninh mạng quốc gia)|kết nối[^.;]{0,80}?(?:ncsc|không gian mạng quốc gia|an ninh mạng quốc gia)[^.;]{0,40}?sau khi`)
)

// socListRe: a clause that opens a list of systems ("các nền tảng dùng
// chung như", "gồm:").
var socListRe = regexp.MustCompile(`(?:như|gồm|bao gồm)\s*:?\s*[^;:]*;$|:\s*[^;:]*;$`)

// plannedBefore reports whether a plan word stands in the 60 bytes
// before offset i of s: "dự kiến đưa vào vận hành" is a plan, not a
// state.
func plannedBefore(s string, i int) bool {
	return socPlanRe.MatchString(s[max(0, i-60):i], nil)
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
func classifySOC(s string, kw kwSet) string {
	achieved := func(re *gatedRegexp) (found, planned bool) {
		for _, loc := range re.FindAllStringIndex(s, kw) {
			if plannedBefore(s, loc[0]) || socPlanRe.MatchString(s[loc[1]:min(len(s), loc[1]+24)], nil) {
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
	case socNoneRe.MatchString(s, kw):
		// "chưa triển khai SOC, dự kiến thuê dịch vụ năm sau": none
		// yet; the plan is for later.
		return "none"
	case pilotPlanned || opPlanned || progPlanned || socPlanRe.MatchString(s, kw):
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
		if !containsAny(seg.lower, "soc", "trung tâm", "ncsc", "không gian mạng", "an ninh mạng") {
			continue
		}
		loc := socMentionRe.FindStringIndex(seg.lower, seg.kw)
		// Plans are judged on the words before the SOC is named: "Phấn
		// đấu … đưa SOC vào vận hành" is a plan; "SOC đang được triển
		// khai, dự kiến vận hành quý II" is in progress.
		head := seg.Text
		if loc != nil && loc[0] <= len(head) {
			head = head[:loc[0]]
		}
		plan := seg.plan || inPlanContext(head, doc.Year)
		if loc != nil {
			st := classifySOC(seg.lower, seg.kw)
			// A SOC named in a list whose verb stands in the clause
			// before the ";" ("đã hoàn thành và đưa vào vận hành các nền
			// tảng dùng chung như … (IOC); …, hệ thống giám sát an toàn
			// không gian mạng SOC, …") has that clause's state.
			if st == "" && i > 0 {
				if prev := &segs[i-1]; prev.Para == seg.Para && strings.HasSuffix(prev.Text, ";") && socListRe.MatchString(prev.lower) {
					st = classifySOC(prev.lower, prev.kw)
					plan = plan || prev.plan || inPlanContext(prev.Text, doc.Year)
				}
			}
			if plan && socRank[st] > socRank["planned"] {
				st = "planned"
			}
			if st != "" && socRank[st] > socRank[bestState] {
				best, bestState = seg, st
			}
		}
		switch {
		case socNoNCSCRe.MatchString(seg.lower, seg.kw):
			if no == nil {
				no = seg
			}
		case socNCSCRe.MatchString(seg.lower, seg.kw) && !plan && yes == nil:
			yes = seg
		}
	}
	var out []candidate
	add := func(metric string, v report.Value, unit, rule string, seg *Segment) {
		c := candidate{Figure: report.Figure{Metric: metric, Value: v, Unit: unit,
			Text: seg.Text, Rule: rule, Source: seg.Source}, prio: 30, order: seg.Order}
		// A status has no number: its place is the clause's first line.
		pl := seg.Locate(0, 0)
		if seg.Para != nil {
			pl.box = seg.Para.LineBox(seg.Off)
		}
		pl.set(&c.Figure)
		out = append(out, c)
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
