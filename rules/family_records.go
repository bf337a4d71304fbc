package rules

import (
	"strings"
	"sync"

	"github.com/baocao/baocao/normalize"
	"github.com/baocao/baocao/rules/report"
)

// records is the family of applications (hồ sơ): how many the one-stop
// system received and resolved, how many were submitted online ({ONLINE}
// names them), how many for each level of online service, and the share
// resolved on time.
var records = Family{
	Name:  "records",
	Title: "Applications (hồ sơ) received and resolved, online and by level of service",
	Order: 30,
	Words: []string{"hồ sơ", "hstt", "giải quyết", "đúng hạn", "chỉ số sử dụng"},
	Topics: []Topic{
		{Name: "records", Words: []string{"hồ sơ"}},
	},
	Macros: map[string]string{
		// A clause about applications submitted online (not a "dịch vụ
		// công trực tuyến", an online service).
		"{ONLINE}": `hồ sơ[^;:]{0,25}(?:trực tuyến|qua (?:môi trường )?mạng)|hstt|(?:nộp|tiếp nhận|gửi) (?:qua (?:môi trường )?mạng|trực tuyến)|\(trực tuyến`,
		// Resolved on time: "đúng hạn", and on time with the early ones
		// ("trước hạn và đúng hạn", "đúng và sớm hạn", "trước hạn, đúng
		// hạn, trong hạn", "trong hạn"); not "trước hạn" (early) alone.
		"{ONTIME}": `(?:(?:trước|sớm)(?: hạn)?\s*(?:,|và|hoặc)\s*đúng hạn(?:\s*(?:,|và)\s*trong hạn)?|đúng(?: hạn)?\s*(?:,|và|hoặc)\s*(?:trước|sớm) hạn|đúng hạn|trong hạn|đúng thời hạn)`,
		// A subgroup of the applications named before a rate's property:
		// "tỷ lệ hồ sơ trực tuyến được giải quyết đúng hạn" is the on-time
		// rate of the online applications, neither the on-time rate nor
		// the online rate.
		"{ONLINEGROUP}": `(?:hồ sơ|hstt)\s*(?:thủ tục hành chính\s*|tthc\s*)?(?:nộp\s*|tiếp nhận\s*)?(?:trực tuyến|qua (?:môi trường )?mạng)[^,;%]{0,30}$`,
		// A rate given as a floor ("đạt từ 30% trở lên"): a target.
		"{TARGET}": `từ\s*\d[\d.,]*\s*%\s*trở lên`,
		// Applications requested: "yêu cầu giải quyết", "đề nghị giải
		// quyết" (received).
		"{REQUESTED}": `(?:yêu cầu|đề nghị)\s*giải quyết`,
		// What is done with an application: submitted, received, resolved.
		"{HANDLED}": `(?:nộp|tiếp nhận|gửi|giải quyết|xử lý|thực hiện)`,
		// The timeliness of applications: not a property of how they were
		// submitted.
		"{TIMELY}": `(?:đúng hạn|trước hạn|sớm hạn|quá hạn|trễ hạn|trong hạn|chậm)`,
		// The applications of one sector: a subgroup whose rates are not
		// the province's.
		"{SECTOR}": `(?:đăng ký doanh nghiệp|thành lập (?:mới )?(?:và [^,;]{0,30})?doanh nghiệp|đất đai|hộ tịch|lý lịch tư pháp|thuế|bảo hiểm xã hội|cấp phép xây dựng)`,
		// One procedure named after "hồ sơ" ("hồ sơ cấp phiếu lý lịch tư
		// pháp", "hồ sơ đăng ký doanh nghiệp"): that procedure's files,
		// not all of them. "hồ sơ cấp tỉnh" is a level, not a procedure.
		"{ONEPROC}": `(?:(?:cấp|cấp mới|cấp đổi|cấp lại|xin cấp|đề nghị cấp)\s*(?:phiếu|giấy|chứng chỉ|thẻ|sổ|căn cước|hộ chiếu|bản sao)|đăng ký (?:doanh nghiệp|kinh doanh|hộ kinh doanh|khai sinh|kết hôn|thường trú|tạm trú|xe|biến động)|{SECTOR})`,
		// Digitised ("số hóa", also written "số hoá").
		"{DIGITIZED}": `số h(?:óa|oá)`,
		// Records that are not applications (land, civil status, staff
		// files, archives, health records), and the reuse of digitised
		// data, which is another indicator.
		// Made end to end online: "(được) nộp/xử lý/giải quyết trực tuyến
		// toàn trình" (since 2022), "trực tuyến mức độ 4" (before).
		// Every step online is end to end: "hồ sơ nộp, xử lý và trả kết
		// quả trực tuyến", "xử lý hoàn toàn trực tuyến".
		"{FULLONLINE}": `(?:tthc\s*|thủ tục hành chính\s*)?(?:được\s*)?(?:(?:nộp\s*|tiếp nhận\s*|xử lý\s*|giải quyết\s*)?(?:trực tuyến|qua mạng)\s*{L4}|{ENDTOEND})`,
		"{ENDTOEND}":   `(?:nộp|tiếp nhận)\s*,\s*(?:xử lý|giải quyết)\s*(?:,\s*|và\s*)trả kết quả\s*(?:hoàn toàn\s*)?(?:trực tuyến|qua mạng)|(?:xử lý|giải quyết|thực hiện)\s*hoàn toàn\s*trực tuyến`,
		// A count of units or agencies right before a rate: "15 bộ,
		// ngành và địa phương có tỷ lệ …" is about those units.
		"{UNITS}":          `\d+\s*(?:bộ|ngành|tỉnh|thành phố|địa phương|huyện|xã|đơn vị|cơ quan|sở)[^.;\d]{0,40}$`,
		"{NOTAPPLICATION}": `địa chính|đất đai|hộ tịch|cán bộ|công chức|viên chức|lưu trữ|sức khỏe|bệnh án|học sinh|sử dụng lại|tái sử dụng|khai thác`,
	},
	Metrics: []report.Metric{
		{Code: "records.total", Unit: "count", Label: "Tổng số hồ sơ", Key: 9,
			Meaning: "applications (hồ sơ) handled through the one-stop system in the period: the count received, or the count resolved where that is the only one given",
			Wording: `"Hệ thống iGate đã giải quyết 751.295 hồ sơ"; "Đã tiếp nhận 194.439 hồ sơ"`},
		{Code: "records.resolved", Unit: "count", Label: "Hồ sơ đã giải quyết",
			Meaning: "applications resolved in the period, where the report gives it apart from records.total (the count received)",
			Wording: `"đã giải quyết 48.249 hồ sơ" (beside "tiếp nhận 56.039 hồ sơ")`},
		{Code: "records.pending", Unit: "count", Label: "Hồ sơ đang giải quyết",
			Meaning: "applications still being resolved at the end of the period (within or past their deadline), as stated",
			Wording: `"còn 10.885 hồ sơ đang giải quyết"; "28.480 hồ sơ đang trong thời hạn xử lý"; "Số hồ sơ còn lại đang giải quyết là 7.172 hồ sơ"`},
		{Code: "records.on_time_rate", Unit: "percent", Label: "Tỷ lệ giải quyết đúng hạn", Key: 12,
			Meaning: "share of applications resolved on time",
			Wording: `"tỷ lệ giải quyết đúng hạn 96.1%"; "tỷ lệ giải quyết đúng hạn trên 90%"`},
		{Code: "records.level2", Unit: "count", Label: "Hồ sơ DVCTT mức độ 2",
			Meaning: "applications resolved for level-2 services",
			Wording: `"Số lượng hồ sơ giải quyết của DVCTT mức độ 2: 428.794"`},
		{Code: "records.level3", Unit: "count", Label: "Hồ sơ DVCTT mức độ 3",
			Meaning: "applications for level-3 services (online and not)",
			Wording: `"Số lượng hồ sơ giải quyết của DVCTT mức độ 3 (gồm cả trực tuyến và không trực tuyến): 237.636"; "16 DVCTT mức độ 3 có phát sinh hồ sơ với 680 hồ sơ"`},
		{Code: "records.level4", Unit: "count", Label: "Hồ sơ DVCTT mức độ 4",
			Meaning: "applications for level-4 services (online and not)",
			Wording: `"...mức độ 4 (gồm cả trực tuyến và không trực tuyến): 84.394"`},
		{Code: "records.online_level3", Unit: "count", Label: "Hồ sơ trực tuyến mức độ 3",
			Meaning: "applications submitted online to level-3 services (HSTT)",
			Wording: `"Số lượng HSTT mức độ 3: 82.369"`},
		{Code: "records.online_level4", Unit: "count", Label: "Hồ sơ trực tuyến mức độ 4",
			Meaning: "applications submitted online to level-4 services",
			Wording: `"Số lượng HSTT mức độ 4: 60.579"`},
		{Code: "records.online", Unit: "count", Label: "Hồ sơ trực tuyến", Key: 10,
			Meaning: "applications submitted online, all levels together",
			Wording: `"có 12.516 hồ sơ trực tuyến"`},
		{Code: "records.online_rate", Unit: "percent", Label: "Tỷ lệ hồ sơ trực tuyến", Key: 11,
			Meaning: "share of all applications submitted online",
			Wording: `"Tỉ lệ HSTT: 19,02%"`},
		{Code: "records.digitized_rate", Unit: "percent", Label: "Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC", Key: 23,
			Meaning: "share of applications whose records and results were digitised when received and resolved (Decree 45/2020/NĐ-CP, Circular 01/2023/TT-VPCP), as stated",
			Wording: `"Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC đạt 86,7%"; "đã số hóa 73,2% tổng số hồ sơ tiếp nhận"`},
		{Code: "records.online_full_rate", Unit: "percent", Label: "Tỷ lệ hồ sơ trực tuyến toàn trình", Key: 24,
			Meaning: "share of all applications submitted and resolved entirely online, through end-to-end (toàn trình, level-4) online services, as stated; the national monitoring system (EMC) reports it for every province since 2024",
			Wording: `"Tỷ lệ hồ sơ trực tuyến toàn trình đạt 42,6%"; "51,3% hồ sơ TTHC được giải quyết trực tuyến toàn trình"`},
	},
	Rules: []Rule{
		// records
		{ID: "records.total.received", Metric: "records.total", Priority: 30,
			Pattern:    `(?:đã\s*)?tiếp nhận(?:\s*(?:và|,)\s*(?:đã\s*)?giải quyết)?\s*(?:tổng số\s*|tổng cộng\s*)?(?:được\s*)?{N}\s*hồ sơ(?:\s*{ONEPROC})?`,
			RejectNear: `{PORTAL}|bưu chính`, Reject: `trực tuyến|{ONEPROC}$`},
		{ID: "records.total.received-label", Metric: "records.total", Priority: 30,
			Pattern:    `(?:tổng\s*)?số\s*(?:lượng\s*)?hồ sơ[^.;:()\d]{0,30}?(?:đã\s*)?(?:được\s*)?(?:tiếp nhận|ghi nhận|{REQUESTED})[^.;:()\d]{0,80}?(?::|là)\s*{N}`,
			RejectNear: `{PORTAL}|bưu chính`, Reject: `trực tuyến|mức độ \d`},
		// "218.763 hồ sơ của các tổ chức, cá nhân yêu cầu giải quyết",
		// "hơn 36.700 hồ sơ tiếp nhận mới": the count first.
		{ID: "records.total.received-count-first", Metric: "records.total", Priority: 25,
			Pattern:    `{N}\s*hồ sơ(?:\s*\(hs\))?\s*(?:(?:thủ tục hành chính|tthc)\s*)?(?:[^.;:\d]{0,50}?{REQUESTED}|(?:được\s*)?(?:tiếp nhận|ghi nhận)(?:\s*mới)?(?:$|[\s,.;]))`,
			RejectNear: `{PORTAL}|bưu chính`, Reject: `trực tuyến|kỳ trước|trực tiếp`},
		// "trong tổng số 168.000 hồ sơ", "…/tổng số hơn 166.200 hồ sơ".
		{ID: "records.total.received-of-total", Metric: "records.total", Priority: 20,
			Pattern:    `(?:trong|trên|/)\s*tổng\s*số\s*{N}\s*hồ sơ`,
			RejectNear: `{PORTAL}|bưu chính`, Reject: `trực tuyến\s*$`},
		// "34.020/277.307 hồ sơ giải quyết trực tuyến": the whole of a
		// ratio of online applications.
		{ID: "records.total.received-ratio", Metric: "records.total", Priority: 25,
			Pattern: `\d[\d.]*\s*/\s*{N}\s*hồ sơ\s*(?:được\s*)?(?:{HANDLED}\s*)?(?:trực tuyến|qua (?:môi trường )?mạng)`},
		{ID: "records.total.resolved", Metric: "records.total", Priority: 25,
			Pattern:    `(?:đã\s*)?(?:giải quyết|xử lý)\s*(?:xong\s*)?(?:được\s*)?{N}\s*hồ sơ(?:\s*{ONEPROC})?`,
			RejectNear: `{PORTAL}|bưu chính`, Reject: `trực tuyến|{TL}|{ONEPROC}$`, NotBefore: `đang\s*$`},
		{ID: "records.total.resolved-label", Metric: "records.total", Priority: 25,
			Pattern:    `tổng\s*số\s*(?:lượng\s*)?hồ sơ\s*(?:đã\s*)?(?:được\s*)?giải quyết[^.;:()]{0,60}?(?::|là)\s*{N}`,
			RejectNear: `{PORTAL}|bưu chính`, Reject: `trực tuyến|mức độ \d(?:\s*$|\s*[:(])`},
		{ID: "records.resolved.count", Metric: "records.resolved", Priority: 30,
			Pattern:    `(?:đã\s*)?(?:giải quyết|xử lý)\s*(?:xong\s*)?(?:được\s*)?{N}\s*hồ sơ`,
			RejectNear: `{PORTAL}|bưu chính`, Reject: `trực tuyến|{TL}|đúng hạn`, NotBefore: `đang\s*$`},
		// "181.579 hồ sơ đã được giải quyết", "đã có 206.885 hồ sơ được
		// giải quyết"; not "… được giải quyết đúng hạn".
		{ID: "records.resolved.count-first", Metric: "records.resolved", Priority: 25,
			Pattern:    `{N}\s*hồ sơ\s*(?:(?:thủ tục hành chính|tthc)\s*)?(?:đã\s*được|đã|được)\s*(?:giải quyết|xử lý)(?:\s*xong)?(?:\s*(?:{TIMELY}|trực tuyến|qua))?`,
			RejectNear: `{PORTAL}|bưu chính`, Reject: `{TIMELY}|trực tuyến|qua$|{REQUESTED}`, NotBefore: `đang\s*$`},
		{ID: "records.resolved.label", Metric: "records.resolved", Priority: 30,
			Pattern:    `số\s*(?:lượng\s*)?hồ sơ\s*(?:đã\s*)?(?:được\s*)?giải quyết\s*(?::|là)?\s*{N}`,
			RejectNear: `{PORTAL}|bưu chính`},
		// records.pending: "đang giải quyết 8.550 hồ sơ", "10.885 hồ sơ
		// đang giải quyết", "28.480 hồ sơ đang trong thời hạn xử lý",
		// "hồ sơ đang giải quyết là 26.0xx".
		{ID: "records.pending.count", Metric: "records.pending", Priority: 30,
			Pattern:    `(?:còn\s*)?đang\s*(?:giải quyết|xử lý)\s*(?:là\s*)?{N}\s*hồ sơ`,
			RejectNear: `{PORTAL}|bưu chính`},
		{ID: "records.pending.count-first", Metric: "records.pending", Priority: 30,
			Pattern:    `{N}\s*hồ sơ\s*(?:còn\s*)?(?:đang\s*(?:giải quyết|xử lý)|đang trong (?:thời )?hạn (?:giải quyết|xử lý))`,
			RejectNear: `{PORTAL}|bưu chính`},
		{ID: "records.pending.label", Metric: "records.pending", Priority: 30,
			Pattern:    `(?:số\s*)?hồ sơ\s*(?:còn lại\s*)?đang\s*(?:giải quyết|xử lý)\s*(?::|là|có)\s*{N}`,
			RejectNear: `{PORTAL}|bưu chính`},
		{ID: "records.level2.row", Metric: "records.level2", Priority: 25,
			Pattern: `^(?:mức độ|mức) 2\b[^:]{0,20}?(?:số\s*)?hồ sơ(?: tiếp nhận| giải quyết| đã giải quyết)?\s*:\s*{N}$`, Reject: `trực tuyến`},
		{ID: "records.level3.row", Metric: "records.level3", Priority: 25,
			Pattern: `^{L3}\b[^:]{0,20}?(?:số\s*)?hồ sơ(?: tiếp nhận| giải quyết| đã giải quyết)?\s*:\s*{N}$`, Reject: `trực tuyến`},
		{ID: "records.level4.row", Metric: "records.level4", Priority: 25,
			Pattern: `^{L4}\b[^:]{0,20}?(?:số\s*)?hồ sơ(?: tiếp nhận| giải quyết| đã giải quyết)?\s*:\s*{N}$`, Reject: `trực tuyến`},
		{ID: "records.online_level3.row", Metric: "records.online_level3", Priority: 25,
			Pattern: `^{L3}\b.{0,40}?hồ sơ (?:nộp\s*)?trực tuyến\s*:\s*{N}$`},
		{ID: "records.online_level4.row", Metric: "records.online_level4", Priority: 25,
			Pattern: `^{L4}\b.{0,40}?hồ sơ (?:nộp\s*)?trực tuyến\s*:\s*{N}$`},
		{ID: "records.online_level4.via-row", Metric: "records.online_level4", Priority: 20,
			Pattern: `^hồ sơ\b.{0,30}?\bqua\s*{DVC}\s*{L4}\s*:\s*{N}$`},
		{ID: "records.online_level3.via-row", Metric: "records.online_level3", Priority: 20,
			Pattern: `^hồ sơ\b.{0,30}?\bqua\s*{DVC}\s*{L3}\s*:\s*{N}$`},
		{ID: "records.online.total-row", Metric: "records.online", Priority: 25,
			Pattern: `^{TOTAL}\b.{0,40}?hồ sơ (?:nộp\s*)?trực tuyến\s*:\s*{N}$`},
		{ID: "records.on_time_rate.stated", Metric: "records.on_time_rate", Priority: 30,
			Pattern:   `(?:{TL}\s*)?(?:hồ sơ\s*)?(?:thủ tục hành chính\s*|tthc\s*)?(?:được\s*)?(?:giải quyết|xử lý)(?:\s*hồ sơ(?:\s*và trả kết quả)?)?\s*{ONTIME}\s*(?:đạt\s*)?(?::|là)?\s*(?:{TL}\s*)?{P}`,
			NotBefore: `{ONLINEGROUP}`},
		{ID: "records.on_time_rate.pct-first", Metric: "records.on_time_rate", Priority: 25,
			Pattern: `{P}\s*(?:số\s*)?hồ sơ\s*(?:thủ tục hành chính\s*|tthc\s*)?(?:được\s*)?(?:giải quyết|xử lý)\s*{ONTIME}`},
		// "đúng hạn 743.512 hồ sơ, đạt 98,75%", "58.350 hồ sơ đúng và sớm
		// hạn (đạt tỷ lệ 98,7%)": the rate after the count on time.
		{ID: "records.on_time_rate.count-rate", Metric: "records.on_time_rate", Priority: 25,
			Pattern:   `(?:{ONTIME}\s*(?:là\s*|có\s*|:\s*)?\d[\d.]*\s*(?:hồ sơ)?|\d[\d.]*\s*hồ sơ\s*(?:được\s*)?(?:giải quyết\s*|xử lý\s*)?{ONTIME})\s*[,(]?\s*(?:đạt|chiếm)\s*(?:{TL}\s*)?{P}`,
			NotBefore: `{ONLINEGROUP}`},
		{ID: "records.level2.label", Metric: "records.level2", Priority: 30,
			Pattern: `hồ sơ[^.;:%(]{0,40}?(?:{DVC})?\s*mức độ 2\s*(?:\([^)]{0,60}\))?\s*:\s*{N}`,
			Reject:  `trực tuyến|HSTT|{TL}|phát sinh`},
		{ID: "records.level3.label", Metric: "records.level3", Priority: 30,
			Pattern: `hồ sơ[^.;:%(]{0,40}?(?:{DVC})?\s*{L3}\s*(?:\([^)]{0,60}\))?\s*:\s*{N}`,
			Reject:  `trực tuyến|HSTT|{TL}|phát sinh`},
		// A breakdown of files by level: "(trong đó mức 3 là 20.140 hồ
		// sơ, mức 4 là 63.980 hồ sơ; …)", "gồm mức độ 3: 12.040 hồ sơ".
		{ID: "records.level3.split", Metric: "records.level3", Priority: 25,
			Pattern:    `(?:trong đó|gồm|bao gồm|\(|,)\s*(?:có\s*)?(?:hồ sơ\s*)?{L3}\s*(?:là|có|:)\s*{N}\s*hồ sơ`,
			Require:    `hồ sơ[^;]{0,120}(?:trong đó|gồm|bao gồm|\()\s*(?:có\s*)?(?:hồ sơ\s*)?(?:{L3}|{L4})`,
			RejectNear: `trực tuyến\s*(?:{L3}|{L4})|{PORTAL}`, NotBefore: `{ONLINE}[^;(]{0,20}$`,
			RejectSeg: `(?:{ONLINE})[^;()]{0,80}\(\s*(?:trong đó\s*:?\s*)?(?:{L3}|{L4})`},
		{ID: "records.level4.split", Metric: "records.level4", Priority: 25,
			Pattern:    `(?:trong đó|gồm|bao gồm|\(|,)\s*(?:có\s*)?(?:hồ sơ\s*)?{L4}\s*(?:là|có|:)\s*{N}\s*hồ sơ`,
			Require:    `hồ sơ[^;]{0,120}(?:trong đó|gồm|bao gồm|\()\s*(?:có\s*)?(?:hồ sơ\s*)?(?:{L3}|{L4})`,
			RejectNear: `trực tuyến\s*(?:{L3}|{L4})|{PORTAL}`, NotBefore: `{ONLINE}[^;(]{0,20}$`,
			RejectSeg: `(?:{ONLINE})[^;()]{0,80}\(\s*(?:trong đó\s*:?\s*)?(?:{L3}|{L4})`},
		{ID: "records.level3.with", Metric: "records.level3", Priority: 25,
			Pattern: `{DVC}\s*{L3}\s*(?:có\s*)?phát sinh hồ sơ\s*(?:với|gồm|là)\s*{N}\s*hồ sơ`},
		{ID: "records.level4.label", Metric: "records.level4", Priority: 30,
			Pattern: `hồ sơ[^.;:%(]{0,40}?(?:{DVC})?\s*{L4}\s*(?:\([^)]{0,60}\))?\s*:\s*{N}`,
			Reject:  `trực tuyến|HSTT|{TL}|phát sinh`},
		{ID: "records.level4.with", Metric: "records.level4", Priority: 25,
			Pattern: `{DVC}\s*{L4}\s*(?:có\s*)?phát sinh hồ sơ\s*(?:với|gồm|là)\s*{N}\s*hồ sơ`},
		{ID: "records.online_level3.label", Metric: "records.online_level3", Priority: 30,
			Pattern: `(?:HSTT|hồ sơ (?:nộp |tiếp nhận )?trực tuyến)\s*(?:của\s*)?(?:{DVC})?\s*{L3}\s*(?::|là)\s*{N}`,
			Reject:  `{TL}`},
		{ID: "records.online_level3.count-first", Metric: "records.online_level3", Priority: 25,
			Pattern: `{N}\s*(?:HSTT|hồ sơ (?:nộp |tiếp nhận )?trực tuyến)\s*(?:của\s*)?(?:{DVC})?\s*{L3}`},
		{ID: "records.online_level4.label", Metric: "records.online_level4", Priority: 30,
			Pattern: `(?:HSTT|hồ sơ (?:nộp |tiếp nhận )?trực tuyến)\s*(?:của\s*)?(?:{DVC})?\s*{L4}\s*(?::|là)\s*{N}`,
			Reject:  `{TL}`},
		{ID: "records.online_level4.count-first", Metric: "records.online_level4", Priority: 25,
			Pattern: `{N}\s*(?:HSTT|hồ sơ (?:nộp |tiếp nhận )?trực tuyến)\s*(?:của\s*)?(?:{DVC})?\s*{L4}`},
		{ID: "records.online.count-first", Metric: "records.online", Priority: 25,
			Pattern:    `{N}\s*(?:HSTT|hồ sơ trực tuyến|hồ sơ[^.;:,\d/]{0,30}?(?:được\s*)?(?:nộp|tiếp nhận|gửi|thực hiện) (?:qua (?:môi trường )?mạng|trực tuyến))`,
			Reject:     `{L3}|{L4}|mức độ|\svà\s|trong kỳ`,
			RejectNear: `{PORTAL}`, NotBefore: `(?:mức độ|mức) [234]\s*:[^;]*$`},
		// "34.020/277.307 hồ sơ giải quyết trực tuyến": the online part of
		// a ratio.
		{ID: "records.online.ratio", Metric: "records.online", Priority: 25,
			Pattern: `{N}\s*/\s*\d[\d.]*\s*hồ sơ\s*(?:được\s*)?(?:{HANDLED}\s*)?(?:trực tuyến|qua (?:môi trường )?mạng)`,
			Reject:  `{L3}|{L4}`},
		{ID: "records.online.label", Metric: "records.online", Priority: 30,
			Pattern: `(?:tổng\s*)?số\s*(?:lượng\s*)?(?:HSTT|hồ sơ trực tuyến|hồ sơ (?:được\s*)?(?:nộp|tiếp nhận) trực tuyến)\s*(?::|là|đạt)\s*{N}`,
			Reject:  `{L3}|{L4}|mức độ|{TL}`, RejectNear: `{PORTAL}`},
		// "tổng số hồ sơ trực tuyến đã tiếp nhận, giải quyết trên địa bàn
		// tỉnh là 38.112 hồ sơ": the online files with their verbs.
		{ID: "records.online.label-handled", Metric: "records.online", Priority: 25,
			Pattern: `(?:tổng\s*)?số\s*(?:lượng\s*)?hồ sơ trực tuyến\s*(?:đã\s*)?(?:được\s*)?(?:tiếp nhận|giải quyết|xử lý)(?:\s*(?:,|và)\s*(?:đã\s*)?(?:giải quyết|xử lý))?[^.;:\d]{0,60}?(?::|là|đạt)\s*{N}`,
			Reject:  `{L3}|{L4}|mức độ|{TL}|{TIMELY}`, RejectNear: `(?:{PORTAL})\s*(?:là|:)`},
		{ID: "records.online.label-combined", Metric: "records.online", Priority: 25,
			Pattern: `(?:tổng\s*)?số\s*(?:lượng\s*)?hồ sơ (?:được\s*)?(?:nộp |tiếp nhận )?trực tuyến[^.;:]{0,50}?(?::|là)\s*{N}`,
			Reject:  `(?:{L3}|{L4})\s*(?::|là)|{TL}|{TIMELY}`, RejectNear: `{PORTAL}`},
		{ID: "records.online_rate.stated", Metric: "records.online_rate", Priority: 30,
			Pattern: `{TL}\s*(?:HSTT|hồ sơ trực tuyến|hồ sơ[^.;:%\d]{0,40}?(?:được\s*)?(?:{HANDLED}) (?:trực tuyến|qua (?:môi trường )?mạng)|hồ sơ (?:nộp |tiếp nhận )?qua (?:môi trường )?mạng)[^.;:%]{0,30}?(?::|là|đạt|chiếm)?\s*{P}`,
			Reject:  `{L3}|{L4}|mức độ|{TIMELY}|thanh toán|hài lòng|{SECTOR}|{ENDTOEND}`, RejectNear: `{TARGET}`},

		// "chỉ số sử dụng dịch vụ công trực tuyến của tỉnh đã đạt 67%":
		// the national index of online use, the share of online files.
		{ID: "records.online_rate.usage-index", Metric: "records.online_rate", Priority: 20,
			Pattern: `chỉ số sử dụng\s*{DVC}[^.;:%]{0,30}?(?:đạt|là|:)\s*{P}`},
		// "91% hồ sơ của người dân, doanh nghiệp được nộp trực tuyến".
		{ID: "records.online_rate.pct-first", Metric: "records.online_rate", Priority: 25,
			Pattern: `{P}\s*(?:số\s*)?hồ sơ[^.;%\d]{0,40}?(?:được\s*)?(?:{HANDLED})\s*(?:trực tuyến|qua (?:môi trường )?mạng)`,
			Reject:  `{L3}|{L4}|{TIMELY}|{SECTOR}|thanh toán`},
		// "29,1% hồ sơ có sử dụng dịch vụ công trực tuyến": the files
		// that went through the online services.
		{ID: "records.online_rate.uses", Metric: "records.online_rate", Priority: 25,
			Pattern:    `{P}\s*(?:số\s*)?hồ sơ\s*(?:có\s*)?(?:sử dụng|thông qua|qua)\s*(?:dịch vụ công trực tuyến|DVCTT|DVC trực tuyến)`,
			RejectNear: `{TIMELY}|{SECTOR}|thanh toán`},
		// "34.020/277.307 hồ sơ giải quyết trực tuyến …, đạt 12%".
		{ID: "records.online_rate.ratio", Metric: "records.online_rate", Priority: 25,
			Pattern: `\d[\d.]*\s*/\s*\d[\d.]*\s*hồ sơ\s*(?:được\s*)?(?:{HANDLED}\s*)?(?:trực tuyến|qua (?:môi trường )?mạng)[^.;%]{0,80}?,\s*(?:đạt|chiếm)\s*(?:{TL}\s*)?{P}`,
			Reject:  `{L3}|{L4}|{TIMELY}`},

		// records.digitized_rate: records (hồ sơ), or records and results,
		// digitised; not results alone, nor records of a sector.
		{ID: "records.digitized_rate.stated", Metric: "records.digitized_rate", Priority: 30,
			// "tỷ lệ số hoá thành phần hồ sơ": the documents of each file.
			// "tỷ lệ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính
			// trên địa bàn toàn tỉnh đạt gần 88,4%": the noun phrase may
			// run long before its verb.
			Pattern: `{TL}\s*(?:hồ sơ[^.;:%]{0,40}?(?:được\s*|đã được\s*)?{DIGITIZED}|{DIGITIZED}\s*(?:các\s*)?(?:thành phần\s*)?hồ sơ)[^.;:%]{0,100}?(?::|là|đạt)?\s*{P}`,
			Reject:  `{NOTAPPLICATION}`},
		{ID: "records.digitized_rate.label", Metric: "records.digitized_rate", Priority: 30,
			Pattern: `^(?:[-+•]\s*)?{DIGITIZED}\s*hồ sơ[^.;:%]{0,60}?:\s*(?:đạt\s*)?{P}`,
			Reject:  `{NOTAPPLICATION}`},
		{ID: "records.digitized_rate.pct-first", Metric: "records.digitized_rate", Priority: 25,
			Pattern: `{P}\s*(?:tổng\s*)?(?:số\s*)?hồ sơ[^.;%]{0,80}?(?:được|đã được|đã)\s*{DIGITIZED}`,
			Reject:  `{NOTAPPLICATION}`},
		{ID: "records.digitized_rate.verb", Metric: "records.digitized_rate", Priority: 25,
			Pattern: `{DIGITIZED}\s*(?:được\s*)?(?:đối với\s*|cho\s*)?{P}\s*(?:tổng\s*)?(?:số\s*)?hồ sơ`,
			Reject:  `{NOTAPPLICATION}`},

		// records.online_full_rate: the share of all applications made
		// end to end online ("toàn trình", before 2022 "mức độ 4"); not
		// the share of the online applications, nor of the services.
		{ID: "records.online_full_rate.stated", Metric: "records.online_full_rate", Priority: 30,
			Pattern: `{TL}\s*hồ sơ\s*{FULLONLINE}[^.;:%]{0,60}?(?::|là|đạt|chiếm)?\s*{P}`,
			Reject:  `{L3}|trên tổng số hồ sơ (?:nộp\s*)?trực tuyến`,
			// "15 bộ, ngành và địa phương có tỷ lệ …": other units' rates.
			NotBefore: `{UNITS}`},
		{ID: "records.online_full_rate.counts", Metric: "records.online_full_rate", Priority: 30,
			Pattern:   `số hồ sơ\s*{FULLONLINE}\s*(?:là\s*|đạt\s*)?\d[\d.]*(?:\s*hồ sơ)?\s*(?:và|,|trên)\s*tổng\s*số\s*hồ sơ[^.;:%]{0,40}?(?:là\s*)?\d[\d.]*(?:\s*hồ sơ)?\s*,?\s*(?:chiếm|đạt)\s*(?:{TL}\s*)?{P}`,
			Reject:    `{L3}`,
			NotBefore: `{UNITS}`},
		{ID: "records.online_full_rate.verb", Metric: "records.online_full_rate", Priority: 25,
			Pattern:   `(?:xử lý|giải quyết|tiếp nhận)\s*trực tuyến\s*{L4}\s*(?:được\s*)?{P}\s*(?:trong|trên)?\s*(?:tổng\s*)?(?:số\s*)?(?:\d[\d.]*\s*)?hồ sơ`,
			Reject:    `{L3}`,
			NotBefore: `{UNITS}`},
		{ID: "records.online_full_rate.pct-first", Metric: "records.online_full_rate", Priority: 25,
			Pattern: `{P}\s*(?:tổng\s*)?(?:số\s*)?hồ sơ[^.;%()]{0,40}?{FULLONLINE}`,
			Reject:  `{L3}|hồ sơ.*hồ sơ`},
		{ID: "records.online_full_rate.share", Metric: "records.online_full_rate", Priority: 25,
			Pattern: `hồ sơ\s*{FULLONLINE}[^.;:%]{0,40}?(?:chiếm|đạt)\s*(?:{TL}\s*)?{P}\s*(?:trên\s*)?tổng\s*số\s*hồ sơ(?:\s*(?:nộp\s*)?trực tuyến)?`,
			Reject:  `{L3}|hồ sơ (?:nộp\s*)?trực tuyến$`},
	},
	Context: []ContextRule{
		// Applications.
		{ID: "ctx.records.on_time_rate", Metric: "records.on_time_rate", Topic: "records", Kind: normalize.Percent, Label: `{ONTIME}[^%]{0,40}$`, NotLabel: `trực tuyến|bưu chính`, NotNear: `^\s*(?:hồ sơ\s*)?(?:được\s*)?(?:giải quyết\s*|xử lý\s*)?(?:quá|trễ|trước|sớm) hạn`},
		{ID: "ctx.records.online_rate", Metric: "records.online_rate", Topic: "records", Kind: normalize.Percent, Label: `(?:trực tuyến|qua (?:môi trường )?mạng)[^%]{0,90}$`, NotLabel: `(?:{L3}|{L4})\s*:|trực tuyến\s*{L4}|trực tuyến\s*{L3}\s*(?:đạt|là|chiếm|:)|{TIMELY}|bưu chính|thanh toán|{SECTOR}|{ENDTOEND}`, NotNear: `^\s*trở lên`},
		// "Việc tiếp nhận hồ sơ TTHC trên môi trường điện tử ngày càng
		// tăng (tỷ lệ … đạt trên 90%)": the share in an aside after the
		// online files.
		{ID: "ctx.records.online_rate.aside", Metric: "records.online_rate", Topic: "records", Kind: normalize.Percent, Wide: true,
			Label:    `(?:trực tuyến|(?:qua|trên) môi trường (?:mạng|điện tử))[^%;()\d]{0,40}\(\s*{TL}[^%()\d]{0,50}$`,
			NotLabel: `{TIMELY}|bưu chính|thanh toán|{SECTOR}|{L3}|{L4}`},
		{ID: "ctx.records.online", Metric: "records.online", Topic: "records", Kind: normalize.Count, Label: `(?:hồ sơ (?:nộp |tiếp nhận )?trực tuyến|trực tuyến)\s*(?::|là)?\s*$`, NotLabel: `mức độ [234]\s*:|toàn trình|một phần|bưu chính|{PORTAL}`},
		{ID: "ctx.records.total", Metric: "records.total", Topic: "records", Kind: normalize.Count, Label: `tiếp nhận\s*(?::|là|được)?\s*$`, NotLabel: `trực tuyến|bưu chính|quốc gia`, NotNear: `^\s*hồ sơ\s*{ONEPROC}`},
		{ID: "ctx.records.level2", Metric: "records.level2", Topic: "records", Kind: normalize.Count, Label: `(?:mức độ|mức) 2\s*:?\s*$`, Noun: `^\s*hồ sơ`, NotNear: `trực tuyến`, NotHead: `{ONLINE}`},
		{ID: "ctx.records.level3", Metric: "records.level3", Topic: "records", Kind: normalize.Count, Label: `{L3}\s*:?\s*$`, Noun: `^\s*hồ sơ`, NotNear: `trực tuyến`, NotHead: `{ONLINE}`},
		{ID: "ctx.records.level4", Metric: "records.level4", Topic: "records", Kind: normalize.Count, Label: `{L4}\s*:?\s*$`, Noun: `^\s*hồ sơ`, NotNear: `trực tuyến`, NotHead: `{ONLINE}`},
		{ID: "ctx.records.online_level3.head", Metric: "records.online_level3", Topic: "records", Kind: normalize.Count, Label: `{L3}\s*(?::|là)?\s*$`, Head: `{ONLINE}`, NotHead: `kể cả|gồm cả|trực tiếp|không trực tuyến`},
		{ID: "ctx.records.online_level4.head", Metric: "records.online_level4", Topic: "records", Kind: normalize.Count, Label: `{L4}\s*(?::|là)?\s*$`, Head: `{ONLINE}`, NotHead: `kể cả|gồm cả|trực tiếp|không trực tuyến`},
		{ID: "ctx.records.online_level3.paren", Metric: "records.online_level3", Topic: "records", Kind: normalize.Count, Wide: true, Label: `{L3}\s*:?\s*[\d.]+\s*hồ sơ\s*\(?$`, Noun: `^\s*(?:hồ sơ\s*)?(?:nộp\s*)?trực tuyến`},
		{ID: "ctx.records.online_level4.paren", Metric: "records.online_level4", Topic: "records", Kind: normalize.Count, Wide: true, Label: `{L4}\s*:?\s*[\d.]+\s*hồ sơ\s*\(?$`, Noun: `^\s*(?:hồ sơ\s*)?(?:nộp\s*)?trực tuyến`},
		{ID: "ctx.records.online_level3.paren-label", Metric: "records.online_level3", Topic: "records", Kind: normalize.Count, Wide: true, Label: `{L3}\s*:?\s*[\d.]+\s*(?:hồ sơ\s*)?\(\s*(?:hồ sơ\s*)?(?:nộp\s*)?trực tuyến\s*:?$`},
		{ID: "ctx.records.online_level4.paren-label", Metric: "records.online_level4", Topic: "records", Kind: normalize.Count, Wide: true, Label: `{L4}\s*:?\s*[\d.]+\s*(?:hồ sơ\s*)?\(\s*(?:hồ sơ\s*)?(?:nộp\s*)?trực tuyến\s*:?$`},
		{ID: "ctx.records.online_level4", Metric: "records.online_level4", Topic: "records", Kind: normalize.Count, Noun: `^\s*hồ sơ\s*(?:nộp\s*)?(?:qua\s*)?(?:dvctt|dịch vụ công trực tuyến)\s*{L4}`},
		{ID: "ctx.records.online_level3", Metric: "records.online_level3", Topic: "records", Kind: normalize.Count, Noun: `^\s*hồ sơ\s*(?:nộp\s*)?(?:qua\s*)?(?:dvctt|dịch vụ công trực tuyến)\s*{L3}`},
	},
	Resolve: resolveRecords,
	Relations: []Relation{
		{ID: "records.levels", Kind: Sum, Whole: "records.total",
			Terms: []string{"records.level2", "records.level3", "records.level4"}},
		{ID: "records.online.levels", Kind: Sum, Whole: "records.online",
			Terms: []string{"records.online_level3", "records.online_level4"}},
		{ID: "records.online_rate", Kind: Ratio, Whole: "records.online_rate",
			Terms: []string{"records.online"}, Alt: [][]string{{"records.online_level3", "records.online_level4"}}, Den: "records.total"},
		shareBound("records.online_rate"),
		shareBound("records.on_time_rate"),
		shareBound("records.digitized_rate"),
		{ID: "records.online_full_rate", Kind: Ratio, Whole: "records.online_full_rate",
			Terms: []string{"records.online_level4"}, Den: "records.total", AltDen: []string{"records.resolved"}},
		shareBound("records.online_full_rate"),
		{ID: "records.online_full_rate.part", Kind: PartOf, Whole: "records.online_rate", Terms: []string{"records.online_full_rate"}},
		{ID: "records.online_level3", Kind: PartOf, Whole: "records.level3", Terms: []string{"records.online_level3"}},
		{ID: "records.online_level4", Kind: PartOf, Whole: "records.level4", Terms: []string{"records.online_level4"}},
		{ID: "records.resolved", Kind: PartOf, Whole: "records.total", Terms: []string{"records.resolved"}},
		{ID: "records.pending", Kind: PartOf, Whole: "records.total", Terms: []string{"records.pending"}},
	},
}

func init() { register(&records) }

// resolveRecords applies the one cross-metric rule of the catalog:
// records.total is the count received; the count resolved is
// records.total only where it is the only one given, and otherwise
// records.resolved.
func resolveRecords(cands []candidate) []candidate {
	hasReceived := false
	for _, c := range cands {
		if c.Metric == "records.total" && strings.HasPrefix(c.Rule, "records.total.received") {
			hasReceived = true
		}
	}
	out := cands[:0]
	for _, c := range cands {
		switch {
		case c.Metric == "records.resolved" && !hasReceived:
			continue
		case c.Metric == "records.total" && hasReceived && strings.HasPrefix(c.Rule, "records.total.resolved"):
			continue
		case c.Metric == "records.on_time_rate" && onTimePart(c):
			continue
		}
		out = append(out, c)
	}
	return out
}

var (
	// ontimeRe is {ONTIME}, compiled once the families are registered.
	ontimeRe = sync.OnceValue(func() *normalize.Searcher { return compileLower(`{ONTIME}`) })
	// earlyApartRe: the early files stated with their own figure
	// ("trước hạn 96.568 hồ sơ", "99.558 hồ sơ giải quyết trước hạn đạt
	// 48,2%").
	earlyApartRe = startRe(`(?:trước|sớm) hạn\s*(?:đạt|là|:|có)?\s*\d|\d[\d.,]*\s*%?\s*(?:hồ sơ\s*)?(?:được\s*)?(?:giải quyết\s*|xử lý\s*)?(?:trước|sớm) hạn`)
)

// onTimePart reports whether an on-time rate is the share of the files
// resolved exactly on time in a breakdown that states the early ones
// apart ("99.558 hồ sơ giải quyết trước hạn đạt 48,2%; 106.018 hồ sơ
// giải quyết đúng hạn đạt 51,2%"): a part of the on-time files, not the
// rate. A rate named as such ("tỷ lệ giải quyết đúng hạn") or joined
// with the early ones ("đúng và trước hạn") is the rate.
func onTimePart(c candidate) bool {
	if strings.Contains(c.clause, "tỷ lệ") || strings.Contains(c.clause, "tỉ lệ") {
		return false
	}
	m := ontimeRe().Regexp().FindString(c.clause)
	if m == "" || strings.Contains(m, "trước") || strings.Contains(m, "sớm") || strings.Contains(m, "trong hạn") {
		return false
	}
	// The early figure, away from any joined "trước hạn và đúng hạn".
	rest := ontimeRe().Regexp().ReplaceAllStringFunc(c.sentence, func(m string) string {
		if strings.Contains(m, "trước") || strings.Contains(m, "sớm") {
			return strings.Repeat(" ", len(m))
		}
		return m
	})
	return earlyApartRe.MatchString(rest)
}
