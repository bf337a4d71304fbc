package rules

import (
	"strings"

	"github.com/baocao/baocao/normalize"
	"github.com/baocao/baocao/rules/report"
)

// certificates is the family of the government's digital-signature
// certificates (chứng thư số chuyên dùng, {CERT}): issued, by holder,
// revoked and in use, and SIM PKI signing certificates. Certificates
// issued in the year ("cấp mới") are not the cumulative count. Reports
// also call them signatures ("chữ ký số", {SIG}, where they are issued
// to someone) and write both nouns ("chứng thư số, chữ ký số"). A
// number before a holder without the certificate noun ("cấp chứng thư
// số cho 52 cơ quan, đơn vị") counts the holders, not their
// certificates.
var certificates = Family{
	Name:  "certificates",
	Title: "Government digital-signature certificates and SIM PKI",
	Order: 70,
	Words: []string{"chứng thư", "cts", "sim", "chữ ký số"},
	Topics: []Topic{
		{Name: "cert", Words: []string{"chứng thư", "chữ ký số", "sim pki", "sim ký"}},
	},
	Macros: map[string]string{
		// New certificates of the period counted by holder right after
		// "cấp mới" ("cấp mới 1.210 chữ ký số cá nhân, 95 chữ ký số tổ
		// chức"): not the split of all the certificates issued, whereas
		// "trong đó năm 2020 cấp mới 1.356 chứng thư số" after a split
		// leaves that split alone.
		"{NEWBYHOLDER}": `cấp mới\s*(?:cho\s*)?[\d.]+\s*(?:chữ ký số|chứng thư số|chứng thư|CTS)\s*(?:cho\s*|của\s*)?(?:cá nhân|tổ chức|cơ quan)`,
		// A certificate, also written with the signature it carries.
		"{CERT}": `(?:chứng thư số(?:,\s*chữ ký số)?|chữ ký số,\s*chứng thư số|CTS)`,
		// A certificate or a signature, as issued to a holder ("cấp 2.800
		// chữ ký số cho cán bộ").
		"{SIG}": `(?:{CERT}|chữ ký số)`,
		// The holders of certificates.
		"{PERSON}": `(?:các\s*)?(?:cá nhân|cán bộ, công chức|cán bộ|công chức|lãnh đạo)`,
		"{ORG}":    `(?:các\s*)?(?:cơ quan, tổ chức|tổ chức|cơ quan, đơn vị|cơ quan|đơn vị)`,
		// A SIM that carries a signing certificate.
		"{SIMPKI}": `(?:SIM PKI|SIM ký số|SIM CA|sim ký(?: số)?(?: di động)?|chữ ký số trên SIM)`,
	},
	Metrics: []report.Metric{
		{Code: "cert.total", Unit: "count", Label: "Chứng thư số chuyên dùng", Key: 13,
			Meaning: "government-issued digital-signature certificates",
			Wording: `"số lượng Chứng thư số chuyên dùng Chính phủ cấp là 4.768"`},
		{Code: "cert.personal", Unit: "count", Label: "Chứng thư số cá nhân",
			Meaning: "of cert.total, issued to individuals",
			Wording: `"(3.728 cá nhân, 1040 tổ chức)"`},
		{Code: "cert.organization", Unit: "count", Label: "Chứng thư số tổ chức",
			Meaning: "of cert.total, issued to organisations",
			Wording: `"(3.728 cá nhân, 1040 tổ chức)"`},
		{Code: "cert.sim_pki", Unit: "count", Label: "SIM PKI",
			Meaning: "mobile SIM-PKI signing certificates",
			Wording: `"có hơn 762 SIM PKI ký số trên các thiết bị di động"`},
		{Code: "cert.revoked", Unit: "count", Label: "Chứng thư số bị thu hồi",
			Meaning: "revoked certificates",
			Wording: `"có hơn 158 chứng thư số bị thu hồi"`},
		{Code: "cert.active", Unit: "count", Label: "Chứng thư số đang hoạt động", Key: 14,
			Meaning: "certificates in use",
			Wording: `"4.610 chứng thư số đang hoạt động"`},
	},
	Resolve: resolveCertificates,
	Rules: []Rule{
		{ID: "cert.total.label", Metric: "cert.total", Priority: 30,
			Pattern:   `(?:số lượng\s*)?{CERT}(?:\s*chuyên dùng)?(?:\s*(?:của\s*)?Chính phủ)?(?:\s*(?:đã\s*)?(?:được\s*)?cấp(?: cho[^.;:()]{0,50}?)?)?(?:\s*\([^)]{0,20}\))?\s*(?:là|:)\s*{N}`,
			Reject:    `thu hồi|hoạt động|cấp mới|gia hạn|trong năm`,
			RejectSeg: `cấp mới`},
		{ID: "cert.total.issued", Metric: "cert.total", Priority: 25,
			Pattern: `(?:đã\s*)?(?:cấp|cấp phát|triển khai)\s*(?:cho[^.;:\d]{0,50}?)?(?:tổng số\s*)?(?:được\s*)?{N}\s*{CERT}(?:\s*,?\s*(?:cho|của)\s*(?:{PERSON}|{ORG}))?`,
			// "cấp 878 chữ ký số, chứng thư số cho cá nhân" is by holder.
			Reject: `cấp mới|gia hạn|thu hồi|(?:cho|của)\s*(?:{PERSON}|{ORG})$`, NotBefore: `trong năm|riêng năm|năm nay`},
		{ID: "cert.total.count-first", Metric: "cert.total", Priority: 30,
			Pattern: `{N}\s*{CERT}(?:\s*chuyên dùng)?(?:\s*(?:của\s*)?chính phủ)?\s*(?:đã\s*)?(?:được\s*)?cấp`,
			Reject:  `cấp mới`, NotBefore: `cấp mới|trong năm|riêng năm`},
		// "với gần 15.900 chứng thư số chuyên dùng": the adjective names
		// the government's certificates; a state after it is another
		// figure.
		{ID: "cert.total.kind", Metric: "cert.total", Priority: 25,
			Pattern: `{N}\s*{CERT}\s*chuyên dùng(?:\s*(?:của\s*)?chính phủ)?(?:\s*(?:đang|còn|đã|bị)\s*(?:hoạt động|hiệu lực|sử dụng|thu hồi))?`,
			Reject:  `hoạt động|hiệu lực|sử dụng|thu hồi`, NotBefore: `cấp mới|trong năm|riêng năm`},
		// "cho 52 cơ quan, đơn vị với tổng số 2.140 chứng thư".
		{ID: "cert.total.sum", Metric: "cert.total", Priority: 25,
			Pattern: `tổng số\s*{N}\s*(?:{CERT}|chứng thư)`,
			Reject:  `cấp mới|thu hồi`, NotBefore: `cấp mới|trong năm|riêng năm`},
		// "3.056 chứng thư số của cá nhân, tổ chức" names both holders:
		// the total, not one kind; "tổ chức 416 chứng thư, cá nhân …"
		// is labelled before the figure, and the holder after the comma
		// labels the next one.
		{ID: "cert.personal.count-first", Metric: "cert.personal", Priority: 30,
			Pattern: `{N}\s*(?:{SIG}|chứng thư)\s*,?\s*(?:(?:cấp\s*)?(?:cho|của)\s*)?{PERSON}(?:\s*(?:,|và)\s*{ORG})?`,
			// "cấp mới 1.210 chữ ký số cá nhân, 95 chữ ký số tổ chức":
			// the new ones of the period by holder, not the split of all
			// issued ({NEWBYHOLDER}).
			Reject: `(?:,|và)\s*{ORG}$`, NotBefore: `(?:tổ chức|cơ quan|đơn vị)\s*(?::|là)?\s*$`, RejectSeg: `{NEWBYHOLDER}`},
		// "(5.010 cá nhân, 1.205 tổ chức)"; not "cho 1.200 cá nhân",
		// which counts the holders.
		{ID: "cert.personal.holder", Metric: "cert.personal", Priority: 30,
			Pattern: `{N}\s*cá nhân`,
			Require: `chứng thư|CTS|chữ ký số`, NotBefore: `(?:cho|của|tại|ở)\s*(?:các\s*)?$`},
		{ID: "cert.personal.label", Metric: "cert.personal", Priority: 25,
			Pattern: `cá nhân\s*(?::|là)\s*{N}`,
			Require: `chứng thư|CTS`},
		{ID: "cert.organization.count-first", Metric: "cert.organization", Priority: 30,
			Pattern: `{N}\s*(?:{SIG}|chứng thư)\s*,?\s*(?:(?:cấp\s*)?(?:cho|của)\s*)?{ORG}(?:\s*(?:,|và)\s*{PERSON})?`,
			Reject:  `(?:,|và)\s*{PERSON}$`, NotBefore: `cá nhân\s*(?::|là)?\s*$`, RejectSeg: `{NEWBYHOLDER}`},
		// Certificates issued "cho 381 tổ chức, 710 cá nhân": a split by
		// both kinds of holder is the split of the certificates, one per
		// holder; a count of one kind of holder alone ("cho 52 cơ quan,
		// đơn vị") stays a count of holders.
		{ID: "cert.organization.holders", Metric: "cert.organization", Priority: 25,
			Pattern: `{CERT}(?:\s*chuyên dùng)?(?:\s*(?:của\s*)?chính phủ)?\s*cho\s*(?:[\d.]+\s*cá nhân\s*(?:,|và)\s*)?{N}\s*tổ chức(?:\s*(?:,|và)\s*[\d.]+\s*cá nhân)?`,
			Require: `\d\s*cá nhân`},
		{ID: "cert.personal.holders", Metric: "cert.personal", Priority: 25,
			Pattern: `{CERT}(?:\s*chuyên dùng)?(?:\s*(?:của\s*)?chính phủ)?\s*cho\s*(?:[\d.]+\s*tổ chức\s*(?:,|và)\s*)?{N}\s*cá nhân(?:\s*(?:,|và)\s*[\d.]+\s*tổ chức)?`,
			Require: `\d\s*tổ chức`},
		{ID: "cert.organization.holder", Metric: "cert.organization", Priority: 30,
			Pattern: `{N}\s*(?:cơ quan, tổ chức|tổ chức|cơ quan, đơn vị|đơn vị)`,
			Require: `chứng thư|CTS|chữ ký số`, NotBefore: `(?:cho|của|tại|ở)\s*(?:các\s*)?$`},
		{ID: "cert.organization.label", Metric: "cert.organization", Priority: 25,
			Pattern: `(?:tổ chức|cơ quan, tổ chức|cơ quan, đơn vị)\s*(?::|là)\s*{N}`,
			Require: `chứng thư|CTS`},
		{ID: "cert.sim_pki.count-first", Metric: "cert.sim_pki", Priority: 30,
			Pattern: `{N}\s*(?:thuê bao\s*)?(?:chữ ký số\s*\(\s*)?{SIMPKI}`, RejectSeg: `cấp mới`},
		// "cấp phôi SIM PKI có tích hợp chữ ký số cho 138 cá nhân": a SIM
		// is one person's, so the people it is issued to count the SIMs.
		{ID: "cert.sim_pki.holders", Metric: "cert.sim_pki", Priority: 25,
			Pattern: `{SIMPKI}[^.;:\d]{0,50}?\s*cho\s*{N}\s*{PERSON}`, RejectSeg: `cấp mới`},
		{ID: "cert.sim_pki.kv", Metric: "cert.sim_pki", Priority: 25,
			Pattern: `^[^:]*\bsim\b[^:]*:\s*{N}$`, RejectSeg: `cấp mới`},
		{ID: "cert.sim_pki.label", Metric: "cert.sim_pki", Priority: 25,
			Pattern: `(?:SIM PKI|SIM ký số)\s*(?:đã\s*)?(?:được\s*)?(?:cấp\s*)?(?::|là)\s*{N}`, RejectSeg: `cấp mới`},
		{ID: "cert.revoked.count-first", Metric: "cert.revoked", Priority: 30,
			Pattern: `{N}\s*{CERT}\s*(?:đã\s*)?(?:bị\s*)?thu hồi`},
		{ID: "cert.revoked.label", Metric: "cert.revoked", Priority: 25,
			Pattern: `{CERT}\s*(?:đã\s*)?(?:bị\s*)?thu hồi\s*(?::|là)\s*{N}`},
		{ID: "cert.revoked.verb", Metric: "cert.revoked", Priority: 25,
			Pattern: `thu hồi\s*{N}\s*{CERT}`},
		{ID: "cert.active.count-first", Metric: "cert.active", Priority: 30,
			Pattern: `{N}\s*{CERT}(?:\s*chuyên dùng)?\s*(?:đang|còn)\s*(?:hoạt động|hiệu lực|sử dụng)`},
		{ID: "cert.active.label", Metric: "cert.active", Priority: 25,
			Pattern: `{CERT}(?:\s*chuyên dùng)?(?:\s*(?:của\s*)?chính phủ)?\s*(?:đang|còn)\s*(?:hoạt động|hiệu lực|sử dụng)\s*(?::|là)\s*{N}`},
	},
	Context: []ContextRule{
		// Certificates.
		{ID: "ctx.cert.personal", Metric: "cert.personal", Topic: "cert", Kind: normalize.Count, Label: `cá nhân\s*:?\s*$`},
		{ID: "ctx.cert.personal.noun", Metric: "cert.personal", Topic: "cert", Kind: normalize.Count, Noun: `^\s*(?:chứng thư(?: số)?\s*)?(?:cho\s*)?cá nhân`, NotLabel: `(?:cho|của|tại)\s*(?:các\s*)?$|cấp mới\s*$`},
		{ID: "ctx.cert.organization", Metric: "cert.organization", Topic: "cert", Kind: normalize.Count, Label: `(?:tổ chức|cơ quan, tổ chức|cơ quan, đơn vị)\s*:?\s*$`},
		{ID: "ctx.cert.organization.noun", Metric: "cert.organization", Topic: "cert", Kind: normalize.Count, Noun: `^\s*(?:chứng thư(?: số)?\s*)?(?:cho\s*)?(?:tổ chức|cơ quan, tổ chức)`, NotLabel: `(?:cho|của|tại)\s*(?:các\s*)?$|cấp mới\s*$`},
		{ID: "ctx.cert.revoked", Metric: "cert.revoked", Topic: "cert", Kind: normalize.Count, Label: `thu hồi\s*:?\s*$`},
		{ID: "ctx.cert.active", Metric: "cert.active", Topic: "cert", Kind: normalize.Count, Label: `(?:đang sử dụng|đang hoạt động|còn hiệu lực|còn hoạt động)\s*:?\s*$`},
		{ID: "ctx.cert.sim_pki", Metric: "cert.sim_pki", Topic: "cert", Kind: normalize.Count, Label: `sim(?: pki| ký số| ca)?\s*:?\s*$`, NotNear: `cấp mới`},
		{ID: "ctx.cert.total", Metric: "cert.total", Topic: "cert", Kind: normalize.Count, Label: `(?:đã cấp|tổng số[^;]{0,40}|lũy kế[^;]{0,10}|chuyên dùng[^;]{0,20})\s*(?::|là)?\s*$`, NotLabel: `cấp mới|trong năm|thu hồi|gia hạn|hoạt động|hiệu lực|sử dụng|sim|cho\s*(?:các\s*)?$`},
	},
	Relations: []Relation{
		{ID: "cert.parts", Kind: Sum, Whole: "cert.total", Terms: []string{"cert.personal", "cert.organization"},
			MayInclude: []string{"cert.sim_pki", "cert.revoked"}},
		{ID: "cert.active", Kind: Difference, Whole: "cert.active", Terms: []string{"cert.total", "-cert.revoked"}},
		{ID: "cert.revoked", Kind: PartOf, Whole: "cert.total", Terms: []string{"cert.revoked"}},
	},
}

func init() { register(&certificates) }

// publicCertRe finds certificates of the public certification services
// in a sentence: named so ("chữ ký số công cộng"), or counted for
// businesses or the people ("17.300 chứng thư số được cấp cho tổ chức,
// doanh nghiệp").
var publicCertRe = normalize.NewSearcher(`(?:chứng thư số|chữ ký số) công cộng|\d\s*(?:chứng thư số|chữ ký số)[^.;\d]{0,30}?(?:cho|của)\s*(?:các\s*)?(?:tổ chức,\s*)?(?:doanh nghiệp|người dân)`)

// resolveCertificates drops the certificates of the public certification
// services, which are not the government's (chuyên dùng): a figure in a
// sentence that names them public or counts some for businesses or the
// people ("17.300 chứng thư số được cấp cho tổ chức, doanh nghiệp và
// 7.400 chứng thư số cho cá nhân": a list of one kind).
func resolveCertificates(cands []candidate) []candidate {
	out := cands[:0]
	for _, c := range cands {
		if c.Value.Kind == report.Number && strings.HasPrefix(c.Metric, "cert.") && publicCert(c.sentence) {
			continue
		}
		out = append(out, c)
	}
	return out
}

// publicCert reports whether sentence names public certificates, or
// counts certificates for businesses or the people.
func publicCert(sentence string) bool {
	if !strings.Contains(sentence, "công cộng") && !strings.Contains(sentence, "doanh nghiệp") && !strings.Contains(sentence, "người dân") {
		return false
	}
	return publicCertRe.Regexp().MatchString(sentence)
}
