package rules

import (
	"github.com/baocao/baocao/rules/report"
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/baocao/baocao/normalize"
)

// Context rules are the second layer of extraction. Where no precise
// rule (rules_*.go) matched a figure, a figure is still read when three
// things around it agree:
//
//   - the topic: the subject the paragraph is speaking about at that
//     point, from the last topic word before the figure (or the noun
//     right after it): "chứng thư số", "văn bản", "hồ sơ", "TTHC", …;
//   - the label: the words right before the figure, back to the
//     previous figure, a semicolon or an opening parenthesis ("cấp
//     huyện", "đã thu hồi", "ngoài tỉnh", "mức độ 4 là");
//   - the kind of number: a count, a percentage or an amount of money.
//
// So "tổng số chứng thư số đã cấp 9.846 (cá nhân 7.512; tổ chức 2.334);
// đã thu hồi 418; đang sử dụng 9.428" gives cert.total, cert.personal,
// cert.organization, cert.revoked and cert.active although no sentence
// pattern covers that wording. Context candidates have a lower priority
// than precise rules.
type ctxRule struct {
	ID     string
	Metric string
	Topic  string
	Kind   normalize.NumberKind
	// Label must match the label window before the figure and Noun the
	// words right after it (both, where both are given). NotLabel and NotNear reject a match: NotNear
	// is tested on the label window and the words after the figure.
	Label, Noun, NotLabel, NotNear string
	// Para must match somewhere in the paragraph.
	Para string
	// Wide reads the label back over the previous figure and an opening
	// parenthesis: "mức độ 3: 143.361 hồ sơ (27.072 hồ sơ trực tuyến)".
	Wide bool
	// Head must match, and NotHead must not, the clause before the
	// figure with its closed parenthetical asides removed: "số hồ sơ
	// trực tuyến là 24.870 hồ sơ (mức độ 3: 18.215" is about online
	// applications.
	Head, NotHead string

	label, noun, notLabel, notNear, para, head, notHead *regexp.Regexp
}

// topics are the subjects a paragraph can speak about, each with the
// words (in lower case) that name it. Plain words, not patterns: they are
// looked up in every paragraph, so the search must be cheap.
var topics = []struct {
	name  string
	words []string
}{
	{"dvc_records", []string{"phát sinh hồ sơ"}},
	{"tthc", []string{"thủ tục hành chính", "tthc"}},
	{"dvc", []string{"dịch vụ công trực tuyến", "dvctt", "dvc trực tuyến", "dịch vụ công", "dvc"}},
	{"records", []string{"hồ sơ"}},
	{"payment", []string{"thanh toán", "giao dịch"}},
	{"edoc", []string{"văn bản"}},
	{"email", []string{"thư điện tử", "hộp thư", "thư công vụ", "email"}},
	{"cert", []string{"chứng thư", "chữ ký số"}},
	{"malware", []string{"mã độc", "virus", "phần mềm độc hại"}},
	{"incidents", []string{"sự cố"}},
	{"httt", []string{"httt", "cấp độ an toàn", "cấp độ 2", "cấp độ 3", "cấp độ ii", "cấp độ iii", "hệ thống thông tin cấp độ"}},
	{"staff", []string{"chuyên trách cntt", "chuyên trách về cntt", "chuyên trách công nghệ thông tin", "chuyên trách về công nghệ thông tin",
		"cntt chuyên trách", "công nghệ thông tin chuyên trách",
		"nhân lực cntt", "nhân lực công nghệ thông tin", "cán bộ cntt", "cán bộ công nghệ thông tin"}},
	{"budget", []string{"kinh phí", "ngân sách", "tổng vốn", "nguồn vốn"}},
	{"data", []string{"cơ sở dữ liệu dùng chung", "csdl dùng chung"}},
}

// dropAfter removes the spans that directly follow one of the prefixes.
func dropAfter(s string, locs [][]int, prefixes ...string) [][]int {
	out := locs[:0]
	for _, l := range locs {
		if !hasSuffixAny(s[:l[0]], prefixes) {
			out = append(out, l)
		}
	}
	return out
}

func hasSuffixAny(s string, suffixes []string) bool {
	for _, p := range suffixes {
		if strings.HasSuffix(s, p) {
			return true
		}
	}
	return false
}

// findWords returns the spans of every occurrence of the words in s, in
// order of their ends.
func findWords(s string, words []string) [][]int {
	var out [][]int
	for _, w := range words {
		for i := 0; ; {
			j := strings.Index(s[i:], w)
			if j < 0 {
				break
			}
			out = append(out, []int{i + j, i + j + len(w)})
			i += j + len(w)
		}
	}
	sort.Slice(out, func(a, b int) bool { return out[a][1] < out[b][1] })
	return out
}

var ctxRules = []ctxRule{
	// TTHC by level.
	{ID: "ctx.tthc.provincial", Metric: "tthc.provincial", Topic: "tthc", Kind: normalize.Count, Label: `(?:^(?:tỉnh|thành phố)|cấp tỉnh|cấp thành phố)\s*(?::|là|có)?\s*$`},
	{ID: "ctx.tthc.district", Metric: "tthc.district", Topic: "tthc", Kind: normalize.Count, Label: `(?:^(?:huyện|quận, huyện|quận/huyện)|cấp huyện|cấp quận, huyện|cấp quận)(?:,\s*[\p{L} ]{1,30})?\s*(?::|là|có)?\s*$`},
	{ID: "ctx.tthc.commune", Metric: "tthc.commune", Topic: "tthc", Kind: normalize.Count, Label: `(?:^(?:xã|phường, xã|xã, phường)|cấp xã|cấp phường, xã|cấp xã, phường|cấp phường)(?:,\s*[\p{L} ]{1,30})?\s*(?::|là|có)?\s*$`},
	{ID: "ctx.tthc.total", Metric: "tthc.total", Topic: "tthc", Kind: normalize.Count, Noun: `^\s*(?:thủ tục hành chính|tthc|thủ tục)`,
		Label: `(?:cung cấp|vận hành|công bố|công khai|tổng số|tổng cộng|gồm|có|là|đạt|:)\s*$`, NotNear: `mức độ|toàn trình|một phần|phát sinh|bưu chính|cổng dịch vụ công quốc gia|cổng dvc quốc gia|đủ điều kiện|cắt giảm|đơn giản hóa|sửa đổi|bãi bỏ`},
	// Online services.
	{ID: "ctx.dvc.level4_with_records", Metric: "dvc.level4_with_records", Topic: "dvc_records", Kind: normalize.Count, Label: `(?:mức độ 4|mức 4|toàn trình)\s*(?::|là)?\s*$`},
	{ID: "ctx.dvc.level3_with_records", Metric: "dvc.level3_with_records", Topic: "dvc_records", Kind: normalize.Count, Label: `(?:mức độ 3|mức 3|một phần)\s*(?::|là)?\s*$`},
	{ID: "ctx.dvc.level4", Metric: "dvc.level4", Topic: "dvc", Kind: normalize.Count, Label: `(?:mức độ 4|mức 4|toàn trình)\s*(?::|là|có)?\s*$`, NotNear: `hồ sơ|phát sinh|quốc gia`},
	{ID: "ctx.dvc.level3", Metric: "dvc.level3", Topic: "dvc", Kind: normalize.Count, Label: `(?:mức độ 3|mức 3|một phần)\s*(?::|là|có)?\s*$`, NotNear: `hồ sơ|phát sinh|quốc gia`},
	{ID: "ctx.dvc.level4.noun", Metric: "dvc.level4", Topic: "dvc", Kind: normalize.Count, Noun: `^\s*(?:dịch vụ công trực tuyến|dvctt|dịch vụ công|dịch vụ)\s*(?:mức độ 4|mức 4|toàn trình)`, NotNear: `phát sinh|quốc gia|tích hợp`},
	{ID: "ctx.dvc.level3.noun", Metric: "dvc.level3", Topic: "dvc", Kind: normalize.Count, Noun: `^\s*(?:dịch vụ công trực tuyến|dvctt|dịch vụ công|dịch vụ)\s*(?:mức độ 3|mức 3|một phần)`, NotNear: `phát sinh|quốc gia|tích hợp`},
	{ID: "ctx.dvc.level4_rate", Metric: "dvc.level4_rate", Topic: "dvc", Kind: normalize.Percent, Label: `(?:mức độ 4|mức 4|toàn trình)[^%]{0,40}(?:tỷ lệ|tỉ lệ|đạt|chiếm)\s*:?\s*$`, NotNear: `hồ sơ|phát sinh`},
	{ID: "ctx.dvc.national_portal", Metric: "dvc.national_portal", Topic: "dvc", Kind: normalize.Count, Noun: `^\s*(?:dịch vụ công trực tuyến|dvctt|dịch vụ công)[^.;]{0,60}(?:cổng dịch vụ công quốc gia|cổng dvc quốc gia|cổng dvcqg)`, NotNear: `hồ sơ`},
	// Applications.
	{ID: "ctx.records.on_time_rate", Metric: "records.on_time_rate", Topic: "records", Kind: normalize.Percent, Label: `(?:đúng hạn|trước hạn)[^%]{0,40}$`, NotLabel: `trực tuyến|bưu chính`},
	{ID: "ctx.records.online_rate", Metric: "records.online_rate", Topic: "records", Kind: normalize.Percent, Label: `trực tuyến[^%]{0,90}$`, NotLabel: `(?:mức độ|mức) [34]\s*:|toàn trình\s*:|một phần\s*:|đúng hạn|bưu chính`},
	{ID: "ctx.records.online", Metric: "records.online", Topic: "records", Kind: normalize.Count, Label: `(?:hồ sơ (?:nộp |tiếp nhận )?trực tuyến|trực tuyến)\s*(?::|là)?\s*$`, NotLabel: `mức độ [234]\s*:|toàn trình|một phần|bưu chính|cổng dịch vụ công quốc gia`},
	{ID: "ctx.records.total", Metric: "records.total", Topic: "records", Kind: normalize.Count, Label: `tiếp nhận\s*(?::|là|được)?\s*$`, NotLabel: `trực tuyến|bưu chính|quốc gia`},
	{ID: "ctx.records.level2", Metric: "records.level2", Topic: "records", Kind: normalize.Count, Label: `(?:mức độ|mức) 2\s*:?\s*$`, Noun: `^\s*hồ sơ`, NotNear: `trực tuyến`, NotHead: `{ONLINE}`},
	{ID: "ctx.records.level3", Metric: "records.level3", Topic: "records", Kind: normalize.Count, Label: `(?:(?:mức độ|mức) 3|một phần)\s*:?\s*$`, Noun: `^\s*hồ sơ`, NotNear: `trực tuyến`, NotHead: `{ONLINE}`},
	{ID: "ctx.records.level4", Metric: "records.level4", Topic: "records", Kind: normalize.Count, Label: `(?:(?:mức độ|mức) 4|toàn trình)\s*:?\s*$`, Noun: `^\s*hồ sơ`, NotNear: `trực tuyến`, NotHead: `{ONLINE}`},
	{ID: "ctx.records.online_level3.head", Metric: "records.online_level3", Topic: "records", Kind: normalize.Count, Label: `(?:(?:mức độ|mức) 3|một phần)\s*(?::|là)?\s*$`, Head: `{ONLINE}`, NotHead: `kể cả|gồm cả|trực tiếp|không trực tuyến`},
	{ID: "ctx.records.online_level4.head", Metric: "records.online_level4", Topic: "records", Kind: normalize.Count, Label: `(?:(?:mức độ|mức) 4|toàn trình)\s*(?::|là)?\s*$`, Head: `{ONLINE}`, NotHead: `kể cả|gồm cả|trực tiếp|không trực tuyến`},
	{ID: "ctx.records.online_level3.paren", Metric: "records.online_level3", Topic: "records", Kind: normalize.Count, Wide: true, Label: `(?:(?:mức độ|mức) 3|một phần)\s*:?\s*[\d.]+\s*hồ sơ\s*\(?$`, Noun: `^\s*(?:hồ sơ\s*)?(?:nộp\s*)?trực tuyến`},
	{ID: "ctx.records.online_level4.paren", Metric: "records.online_level4", Topic: "records", Kind: normalize.Count, Wide: true, Label: `(?:(?:mức độ|mức) 4|toàn trình)\s*:?\s*[\d.]+\s*hồ sơ\s*\(?$`, Noun: `^\s*(?:hồ sơ\s*)?(?:nộp\s*)?trực tuyến`},
	{ID: "ctx.records.online_level3.paren-label", Metric: "records.online_level3", Topic: "records", Kind: normalize.Count, Wide: true, Label: `(?:(?:mức độ|mức) 3|một phần)\s*:?\s*[\d.]+\s*(?:hồ sơ\s*)?\(\s*(?:hồ sơ\s*)?(?:nộp\s*)?trực tuyến\s*:?$`},
	{ID: "ctx.records.online_level4.paren-label", Metric: "records.online_level4", Topic: "records", Kind: normalize.Count, Wide: true, Label: `(?:(?:mức độ|mức) 4|toàn trình)\s*:?\s*[\d.]+\s*(?:hồ sơ\s*)?\(\s*(?:hồ sơ\s*)?(?:nộp\s*)?trực tuyến\s*:?$`},
	{ID: "ctx.records.online_level4", Metric: "records.online_level4", Topic: "records", Kind: normalize.Count, Noun: `^\s*hồ sơ\s*(?:nộp\s*)?(?:qua\s*)?(?:dvctt|dịch vụ công trực tuyến)\s*(?:mức độ 4|toàn trình)`},
	{ID: "ctx.records.online_level3", Metric: "records.online_level3", Topic: "records", Kind: normalize.Count, Noun: `^\s*hồ sơ\s*(?:nộp\s*)?(?:qua\s*)?(?:dvctt|dịch vụ công trực tuyến)\s*(?:mức độ 3|một phần)`},
	// Payment.
	{ID: "ctx.payment.successful", Metric: "payment.successful", Topic: "payment", Kind: normalize.Count, Noun: `^\s*(?:giao dịch|lượt)[^,;.]{0,20}thành công`},
	{ID: "ctx.payment.successful.label", Metric: "payment.successful", Topic: "payment", Kind: normalize.Count, Label: `thành công\s*:?\s*$`},
	{ID: "ctx.payment.transactions", Metric: "payment.transactions", Topic: "payment", Kind: normalize.Count, Noun: `^\s*(?:giao dịch|lượt giao dịch)`, NotNear: `thành công`},
	// Electronic documents.
	{ID: "ctx.edoc.internal", Metric: "edoc.internal", Topic: "edoc", Kind: normalize.Count, Label: `(?:nội tỉnh|trong tỉnh|nội bộ(?: tỉnh| thành phố)?|nội thành phố|trong thành phố)\s*:?\s*$`},
	{ID: "ctx.edoc.internal.noun", Metric: "edoc.internal", Topic: "edoc", Kind: normalize.Count, Noun: `^\s*văn bản[^,;.]{0,30}(?:trong tỉnh|nội tỉnh|nội bộ|trong thành phố)`},
	{ID: "ctx.edoc.external", Metric: "edoc.external", Topic: "edoc", Kind: normalize.Count, Label: `(?:ngoài tỉnh|ngoài thành phố|liên tỉnh)\s*:?\s*$`},
	{ID: "ctx.edoc.external.noun", Metric: "edoc.external", Topic: "edoc", Kind: normalize.Count, Noun: `^\s*văn bản[^;.]{0,40}(?:ngoài tỉnh|ngoài thành phố|bộ, ngành|trung ương|các tỉnh)`},
	{ID: "ctx.edoc.signed_rate", Metric: "edoc.signed_rate", Topic: "edoc", Kind: normalize.Percent, Label: `ký số[^%]{0,40}$`},
	{ID: "ctx.edoc.signed", Metric: "edoc.signed", Topic: "edoc", Kind: normalize.Count, Label: `ký số\s*(?::|là)?\s*$`},
	{ID: "ctx.edoc.total.noun", Metric: "edoc.total", Topic: "edoc", Kind: normalize.Count, Noun: `^\s*văn bản(?: điện tử)?\s*(?:$|[,(]|được|gửi|trao đổi)`,
		Label: `(?:gửi, nhận|gửi nhận|trao đổi|luân chuyển|liên thông|:|đạt)\s*$`, NotNear: `ký số|nội tỉnh|trong tỉnh|ngoài tỉnh|nội bộ|tỷ lệ|tỉ lệ|văn bản đi(?:\s|,|$)|văn bản đến`},
	{ID: "ctx.edoc.total", Metric: "edoc.total", Topic: "edoc", Kind: normalize.Count, Label: `(?:văn bản[^;]{0,60}(?:gửi, nhận|gửi nhận|trao đổi|liên thông|luân chuyển)[^;]{0,60}(?:đạt|là|:|khoảng)|tổng số văn bản[^;]{0,40})\s*$`,
		NotLabel: `ký số|nội tỉnh|trong tỉnh|ngoài tỉnh|tỷ lệ|tỉ lệ`},
	// E-mail.
	{ID: "ctx.email.accounts", Metric: "email.accounts", Topic: "email", Kind: normalize.Count, Noun: `^\s*(?:tài khoản|hộp thư)`},
	{ID: "ctx.email.accounts.label", Metric: "email.accounts", Topic: "email", Kind: normalize.Count, Label: `(?:hộp thư|tài khoản)[^;]{0,30}(?:được cấp|đã cấp|là|:)\s*$`},
	// Certificates.
	{ID: "ctx.cert.personal", Metric: "cert.personal", Topic: "cert", Kind: normalize.Count, Label: `cá nhân\s*:?\s*$`},
	{ID: "ctx.cert.personal.noun", Metric: "cert.personal", Topic: "cert", Kind: normalize.Count, Noun: `^\s*(?:chứng thư(?: số)?\s*)?(?:cho\s*)?cá nhân`},
	{ID: "ctx.cert.organization", Metric: "cert.organization", Topic: "cert", Kind: normalize.Count, Label: `(?:tổ chức|cơ quan, tổ chức|cơ quan, đơn vị)\s*:?\s*$`},
	{ID: "ctx.cert.organization.noun", Metric: "cert.organization", Topic: "cert", Kind: normalize.Count, Noun: `^\s*(?:chứng thư(?: số)?\s*)?(?:cho\s*)?(?:tổ chức|cơ quan, tổ chức)`},
	{ID: "ctx.cert.revoked", Metric: "cert.revoked", Topic: "cert", Kind: normalize.Count, Label: `thu hồi\s*:?\s*$`},
	{ID: "ctx.cert.active", Metric: "cert.active", Topic: "cert", Kind: normalize.Count, Label: `(?:đang sử dụng|đang hoạt động|còn hiệu lực|còn hoạt động)\s*:?\s*$`},
	{ID: "ctx.cert.sim_pki", Metric: "cert.sim_pki", Topic: "cert", Kind: normalize.Count, Label: `sim(?: pki| ký số| ca)?\s*:?\s*$`, NotNear: `cấp mới`},
	{ID: "ctx.cert.total", Metric: "cert.total", Topic: "cert", Kind: normalize.Count, Label: `(?:đã cấp|tổng số[^;]{0,40}|lũy kế[^;]{0,10}|chuyên dùng[^;]{0,20})\s*(?::|là)?\s*$`, NotLabel: `cấp mới|trong năm|thu hồi|gia hạn`},
	// Information systems by security level.
	{ID: "ctx.httt.level2", Metric: "httt.level2_approved", Topic: "httt", Kind: normalize.Count, Label: `cấp độ (?:2|ii)[^;]{0,12}$`, Para: `phê duyệt`},
	{ID: "ctx.httt.level3", Metric: "httt.level3_approved", Topic: "httt", Kind: normalize.Count, Label: `cấp độ (?:3|iii)[^;]{0,12}$`, Para: `phê duyệt`},
	{ID: "ctx.httt.total", Metric: "httt.total", Topic: "httt", Kind: normalize.Count, Noun: `^\s*(?:hệ thống thông tin|httt)`, Label: `(?:có|xác định|tổng số|toàn tỉnh có|gồm)\s*(?:được\s*)?$`, NotNear: `cấp độ (?:[23]|ii|iii)|kiểm tra|đánh giá|phê duyệt`},
	// Security.
	{ID: "ctx.sec.malware_protected_machines", Metric: "sec.malware_protected_machines", Topic: "malware", Kind: normalize.Count, Noun: `^\s*máy (?:tính|trạm)`, Label: `(?:bảo vệ|cho|cài đặt|quản lý|triển khai|triển khai tới|triển khai cho)\s*$`},
	{ID: "ctx.sec.malware_removed", Metric: "sec.malware_removed", Topic: "malware", Kind: normalize.Count, Noun: `^\s*(?:mẫu |lượt |tệp |tập tin )?(?:mã độc|virus|phần mềm độc hại)`, Label: `(?:tiêu diệt|ngăn chặn|loại bỏ|xử lý|gỡ bỏ|phát hiện và xử lý)\s*$`},
	{ID: "ctx.sec.incidents", Metric: "sec.incidents", Topic: "incidents", Kind: normalize.Count, Noun: `^\s*(?:vụ\s*)?sự cố`, Label: `(?:ghi nhận|xử lý|phát hiện|ứng cứu|khắc phục|xảy ra)\s*(?:được\s*)?$`},
	// Staff.
	{ID: "ctx.staff.departments", Metric: "staff.it_departments", Topic: "staff", Kind: normalize.Count, Label: `(?:cấp sở|cấp tỉnh|sở, ban, ngành|sở, ngành|cơ quan cấp tỉnh|cơ quan chuyên môn)\s*(?::|là|có)?\s*$`},
	{ID: "ctx.staff.district", Metric: "staff.it_district", Topic: "staff", Kind: normalize.Count, Label: `(?:ubnd\s*)?(?:các\s*|cấp\s*)?(?:huyện|quận)(?:,\s*(?:huyện|quận|thị xã|thành phố|thị trấn)(?:\s+\p{Lu}\p{L}*)*)*\s*(?::|là|có)?\s*$`},
	{ID: "ctx.staff.total", Metric: "staff.it_total", Topic: "staff", Kind: normalize.Count, Label: `(?:gồm|là|có|tổng số|tổng cộng|:)\s*$`, Noun: `^\s*(?:người|cán bộ|công chức)`, NotNear: `thạc sĩ|thạc sỹ|đại học|cao đẳng|trung cấp`},
	// Budget.
	{ID: "ctx.budget.security", Metric: "budget.security_vnd", Topic: "budget", Kind: normalize.Money, Label: `(?:an toàn thông tin|attt|an toàn, an ninh)[^;]{0,30}$`},
	// Shared databases.
	{ID: "ctx.data.shared_databases", Metric: "data.shared_databases", Topic: "data", Kind: normalize.Count, Label: `(?:đã xây dựng|hoàn thiện|đưa vào sử dụng)\s*:?\s*$`},
}

// ctxKinds holds the kinds of number some context rule reads, by topic.
var ctxKinds = map[string]map[normalize.NumberKind]bool{}

// ctxOnce compiles the context rules on first use rather than at
// package initialisation, which every run of the binary pays, including
// the isolated parser child that applies no rules.
var ctxOnce sync.Once

func compileContextRules() {
	for i := range ctxRules {
		r := &ctxRules[i]
		if ctxKinds[r.Topic] == nil {
			ctxKinds[r.Topic] = map[normalize.NumberKind]bool{}
		}
		ctxKinds[r.Topic][r.Kind] = true
		c := func(p string) *regexp.Regexp {
			if p == "" {
				return nil
			}
			return regexp.MustCompile(p)
		}
		r.label, r.noun, r.notLabel, r.notNear, r.para = c(r.Label), c(r.Noun), c(r.NotLabel), c(r.NotNear), c(r.Para)
		online := strings.NewReplacer("{ONLINE}", onlineHead)
		r.head, r.notHead = c(online.Replace(r.Head)), c(online.Replace(r.NotHead))
	}
}

var (
	levelWordRe = regexp.MustCompile(`(?:cấp độ|mức độ|mức|cấp|lớp|giai đoạn|phiên bản|nhóm|loại)\s*(?:\d\s*(?:,|và)\s*)?$`)
	levelNounRe = regexp.MustCompile(`^\s*(?:cấp|lớp|tầng)(?:\s|,|$)`)
)

// onlineHead matches a clause about applications submitted online (not
// a "dịch vụ công trực tuyến", an online service).
const onlineHead = `hồ sơ[^;:]{0,25}trực tuyến|hstt|(?:nộp|tiếp nhận|gửi) (?:qua mạng|trực tuyến)|\(trực tuyến`

// labelStops end a label window: a figure's label does not reach back
// over a semicolon, an opening parenthesis or a sentence end.
const labelStops = ";("

// contextCandidates reads figures by topic, label and kind of number.
func contextCandidates(doc *normalize.Doc, segs []Segment) []candidate {
	ctxOnce.Do(compileContextRules)
	var out []candidate
	for pi := range doc.Paras {
		p := &doc.Paras[pi]
		lower := strings.ToLower(p.Text)
		if len(lower) != len(p.Text) {
			continue
		}
		nums := normalize.ScanNumbers(p.Text)
		if len(nums) == 0 {
			continue
		}
		topicLocs := make([][][]int, len(topics))
		for ti, t := range topics {
			topicLocs[ti] = findWords(lower, t.words)
			if t.name == "dvc" {
				// "hồ sơ của DVCTT mức độ 4", "hồ sơ qua dịch vụ công":
				// the applications are the subject, not the services.
				topicLocs[ti] = dropAfter(lower, topicLocs[ti], "hồ sơ của ", "hồ sơ qua ", "hồ sơ ")
			}
		}
		prevEnd, prevPrevEnd, prevPct := 0, 0, 0
		for ni, n := range nums {
			if n.Kind != normalize.Count && n.Kind != normalize.Percent && n.Kind != normalize.Money {
				if n.Kind != normalize.Ratio {
					// Years, dates and document numbers are part of a
					// label ("năm 2022: 1.640.215 văn bản"); and a ratio
					// "429.850/451.390, đạt 95,3%" leaves the rate's
					// label before it.
					continue
				}
				prevPrevEnd, prevEnd = prevEnd, n.End
				continue
			}
			if n.Value < 10 && n.Decimals == 0 && (levelWordRe.MatchString(lower[max(0, n.Start-16):n.Start]) || levelNounRe.MatchString(lower[n.End:])) {
				// "cấp độ 2", "mức độ 3": a name, part of the next
				// figure's label.
				continue
			}
			sentence := sentenceStartBefore(lower, n.Start)
			// The label runs back to the previous figure, the clause start
			// or an unclosed "(", skipping closed asides: "của DVCTT mức
			// độ 3 (gồm cả trực tuyến và không trực tuyến): 68.452".
			label := closedParens.ReplaceAllString(lower[max(prevEnd, clauseStart(lower, n.Start), sentence):n.Start], " ")
			if i := strings.LastIndexAny(label, labelStops); i >= 0 {
				label = label[i+1:]
			}
			label = strings.TrimSpace(label)
			// A rate often follows its count: "đúng hạn 175.931 hồ sơ,
			// đạt 97,8%", "2.301.480 văn bản (95,26%)". Its label, and
			// the label of rules marked Wide, reaches back over one
			// figure and parentheses.
			wide := strings.TrimSpace(lower[max(prevPrevEnd, strings.LastIndex(lower[:n.Start], ";")+1, sentence):n.Start])
			headStart := max(clauseStart(lower, n.Start), sentence)
			if open := unclosedParen(lower[headStart:n.Start]); open >= 0 {
				// Inside "(…": the phrase the parenthesis belongs to.
				open += headStart
				headStart = max(headStart, strings.LastIndexAny(lower[:open], ",;")+1)
			}
			head := closedParens.ReplaceAllString(lower[headStart:n.Start], " ")
			if n.Kind == normalize.Percent {
				// A rate's label is the clause before it, back to the
				// previous rate, without its parenthetical asides.
				label = closedParens.ReplaceAllString(lower[max(clauseStart(lower, n.Start), sentence, prevPct):n.Start], " ")
				label = lastRunes(strings.TrimSpace(label), 120)
				prevPct = n.End
			}
			if len([]rune(label)) > 80 {
				r := []rune(label)
				label = string(r[len(r)-80:])
			}
			end := n.End + strings.IndexAny(lower[n.End:]+";", ";.()")
			if ni+1 < len(nums) && nums[ni+1].Start < end {
				end = nums[ni+1].Start
			}
			noun := lower[n.End:min(end, n.End+120)]
			topic := topicAt(topicLocs, n.Start, noun)
			prevPrevEnd, prevEnd = prevEnd, n.End
			if !ctxKinds[topic][n.Kind] {
				continue // no rule reads this kind of number on this topic
			}
			seg := segmentAt(segs, p, n.NumStart)
			if seg == nil || seg.subUnit || seg.plan || localSubUnit(p.Text[seg.Off:n.Start], doc.Province.Name) || seg.planBefore(n.NumStart-seg.Off, doc.Year) {
				continue
			}
			for i := range ctxRules {
				r := &ctxRules[i]
				if r.Topic != topic || r.Kind != n.Kind {
					continue
				}
				lbl := label
				if r.Wide {
					lbl = wide
				}
				if r.label != nil && !r.label.MatchString(lbl) || r.noun != nil && !r.noun.MatchString(noun) {
					continue
				}
				if r.notLabel != nil && r.notLabel.MatchString(label) {
					continue
				}
				if r.notNear != nil && (r.notNear.MatchString(label) || r.notNear.MatchString(noun)) {
					continue
				}
				if r.para != nil && !r.para.MatchString(lower) {
					continue
				}
				if r.head != nil && !r.head.MatchString(head) || r.notHead != nil && r.notHead.MatchString(head) {
					continue
				}
				m, _ := Lookup(r.Metric)
				sp := p.SpanAt(n.NumStart)
				source, conf := seg.origin(n.NumStart - seg.Off)
				qual := string(n.Qualifier)
				if qi := strings.LastIndex(lower[:n.NumStart], "trên"); n.Qualifier == normalize.Over && qi >= 0 && strings.TrimSpace(lower[qi+len("trên"):n.NumStart]) == "" &&
					onNotOver(lower[:qi], "trên") {
					qual = ""
				}
				out = append(out, candidate{
					Figure: report.Figure{Metric: r.Metric, Value: report.Num(n.Value), Unit: m.Unit, Qualifier: qual,
						Text: seg.Text, Page: sp.Pos.Page, Line: sp.Pos.Line, Rule: r.ID, Source: source, Confidence: conf},
					prio: 10, order: seg.Order*10000 + n.NumStart,
				})
				break
			}
		}
	}
	return out
}

// closedParens matches a parenthetical aside with its parentheses.
var closedParens = regexp.MustCompile(`\([^()]*\)`)

// clauseStart returns the offset after the last semicolon before off that
// is outside parentheses.
func clauseStart(s string, off int) int {
	start, depth := 0, 0
	for i := 0; i < off && i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			if depth > 0 {
				depth--
			}
		case ';':
			if depth == 0 {
				start = i + 1
			}
		}
	}
	return start
}

// unclosedParen returns the offset of the last "(" of s that is not
// closed in s, or -1.
func unclosedParen(s string) int {
	depth := 0
	for i := len(s) - 1; i >= 0; i-- {
		switch s[i] {
		case ')':
			depth++
		case '(':
			if depth == 0 {
				return i
			}
			depth--
		}
	}
	return -1
}

// lastRunes returns the last n runes of s.
func lastRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[len(r)-n:])
}

// sentenceStartBefore returns the offset where the sentence holding
// offset off begins.
func sentenceStartBefore(s string, off int) int {
	for i := off - 2; i > 0; i-- {
		if s[i] == ' ' && s[i-1] == '.' && !abbrevBefore(s[:i-1]) {
			return i + 1
		}
	}
	return 0
}

// topicAt returns the topic in force at offset off of a paragraph: the
// noun right after the figure if it names one, else the topic whose
// last word ends nearest before the figure, within 300 bytes. locs holds
// the matches of each topic in the paragraph.
func topicAt(locs [][][]int, off int, noun string) string {
	for _, t := range topics {
		for _, w := range t.words {
			if i := strings.Index(noun, w); i >= 0 && i <= 4 {
				return t.name
			}
		}
	}
	// "Hệ thống thông tin" names the topic only as the noun of a figure
	// ("48 hệ thống thông tin"): before one it is as often "Hệ thống
	// thông tin một cửa điện tử" as an information system.
	if i := strings.Index(noun, "hệ thống thông tin"); i >= 0 && i <= 4 {
		return "httt"
	}
	best, bestEnd := "", -1
	for ti, ls := range locs {
		// The last match that ends at or before off.
		i := sort.Search(len(ls), func(i int) bool { return ls[i][1] > off }) - 1
		if i < 0 || ls[i][0] < off-300 {
			continue
		}
		if e := ls[i][1]; e > bestEnd {
			best, bestEnd = topics[ti].name, e
		}
	}
	return best
}

// segmentAt returns the segment of paragraph p holding offset off.
func segmentAt(segs []Segment, p *normalize.Para, off int) *Segment {
	var found *Segment
	for i := range segs {
		if segs[i].Para == p && segs[i].Off <= off {
			found = &segs[i]
		}
	}
	return found
}
