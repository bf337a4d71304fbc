package rules

import (
	"github.com/baocao/baocao/normalize"
	"github.com/baocao/baocao/rules/report"
)

// certificates is the family of the government's digital-signature
// certificates (chứng thư số chuyên dùng, {CERT}): issued, by holder,
// revoked and in use, and SIM PKI signing certificates. Certificates
// issued in the year ("cấp mới") are not the cumulative count.
var certificates = Family{
	Name:  "certificates",
	Title: "Government digital-signature certificates and SIM PKI",
	Order: 70,
	Words: []string{"chứng thư", "cts", "sim"},
	Topics: []Topic{
		{Name: "cert", Words: []string{"chứng thư", "chữ ký số"}},
	},
	Macros: map[string]string{
		"{CERT}": `(?:chứng thư số|CTS)`,
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
	Rules: []Rule{
		{ID: "cert.total.label", Metric: "cert.total", Priority: 30,
			Pattern:   `(?:số lượng\s*)?{CERT}(?:\s*chuyên dùng)?(?:\s*(?:của\s*)?Chính phủ)?(?:\s*(?:đã\s*)?(?:được\s*)?cấp(?: cho[^.;:()]{0,50}?)?)?(?:\s*\([^)]{0,20}\))?\s*(?:là|:)\s*{N}`,
			Reject:    `thu hồi|hoạt động|cấp mới|gia hạn|trong năm`,
			RejectSeg: `cấp mới`},
		{ID: "cert.total.issued", Metric: "cert.total", Priority: 25,
			Pattern: `(?:đã\s*)?(?:cấp|cấp phát|triển khai)\s*(?:cho[^.;:\d]{0,50}?)?(?:tổng số\s*)?(?:được\s*)?{N}\s*{CERT}`,
			Reject:  `cấp mới|gia hạn|thu hồi`, NotBefore: `trong năm|riêng năm|năm nay`},
		{ID: "cert.total.count-first", Metric: "cert.total", Priority: 30,
			Pattern: `{N}\s*{CERT}(?:\s*chuyên dùng)?(?:\s*(?:của\s*)?chính phủ)?\s*(?:đã\s*)?(?:được\s*)?cấp`,
			Reject:  `cấp mới`, NotBefore: `cấp mới|trong năm|riêng năm`},
		{ID: "cert.personal.count-first", Metric: "cert.personal", Priority: 30,
			Pattern: `{N}\s*(?:chứng thư số\s*|chứng thư\s*|CTS\s*)?(?:(?:cho|của)\s*)?cá nhân`,
			Require: `chứng thư|CTS`},
		{ID: "cert.personal.label", Metric: "cert.personal", Priority: 25,
			Pattern: `cá nhân\s*(?::|là)\s*{N}`,
			Require: `chứng thư|CTS`},
		{ID: "cert.organization.count-first", Metric: "cert.organization", Priority: 30,
			Pattern: `{N}\s*(?:chứng thư số\s*|chứng thư\s*|CTS\s*)?(?:(?:cho|của)\s*)?(?:cơ quan, tổ chức|tổ chức|cơ quan, tổ chức|cơ quan, đơn vị|đơn vị)`,
			Require: `chứng thư|CTS`},
		{ID: "cert.organization.label", Metric: "cert.organization", Priority: 25,
			Pattern: `(?:tổ chức|cơ quan, tổ chức|cơ quan, đơn vị)\s*(?::|là)\s*{N}`,
			Require: `chứng thư|CTS`},
		{ID: "cert.sim_pki.count-first", Metric: "cert.sim_pki", Priority: 30,
			Pattern: `{N}\s*(?:thuê bao\s*)?(?:SIM PKI|SIM ký số|SIM CA|chữ ký số trên SIM)`, RejectSeg: `cấp mới`},
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
			Pattern: `{N}\s*{CERT}\s*(?:đang|còn)\s*(?:hoạt động|hiệu lực|sử dụng)`},
		{ID: "cert.active.label", Metric: "cert.active", Priority: 25,
			Pattern: `{CERT}\s*(?:đang|còn)\s*(?:hoạt động|hiệu lực|sử dụng)\s*(?::|là)\s*{N}`},
	},
	Context: []ContextRule{
		// Certificates.
		{ID: "ctx.cert.personal", Metric: "cert.personal", Topic: "cert", Kind: normalize.Count, Label: `cá nhân\s*:?\s*$`},
		{ID: "ctx.cert.personal.noun", Metric: "cert.personal", Topic: "cert", Kind: normalize.Count, Noun: `^\s*(?:chứng thư(?: số)?\s*)?(?:cho\s*)?cá nhân`},
		{ID: "ctx.cert.organization", Metric: "cert.organization", Topic: "cert", Kind: normalize.Count, Label: `(?:tổ chức|cơ quan, tổ chức|cơ quan, đơn vị)\s*:?\s*$`},
		{ID: "ctx.cert.organization.noun", Metric: "cert.organization", Topic: "cert", Kind: normalize.Count, Noun: `^\s*(?:chứng thư(?: số)?\s*)?(?:cho\s*)?(?:tổ chức|cơ quan, tổ chức)`},
		{ID: "ctx.cert.revoked", Metric: "cert.revoked", Topic: "cert", Kind: normalize.Count, Label: `thu hồi\s*:?\s*$`},
		{ID: "ctx.cert.active", Metric: "cert.active", Topic: "cert", Kind: normalize.Count, Label: `(?:đang sử dụng|đang hoạt động|còn hiệu lực|còn hoạt động)\s*:?\s*$`},
		{ID: "ctx.cert.sim_pki", Metric: "cert.sim_pki", Topic: "cert", Kind: normalize.Count, Label: `sim(?: pki| ký số| ca)?\s*:?\s*$`, NotNear: `cấp mới`},
		{ID: "ctx.cert.total", Metric: "cert.total", Topic: "cert", Kind: normalize.Count, Label: `(?:đã cấp|tổng số[^;]{0,40}|lũy kế[^;]{0,10}|chuyên dùng[^;]{0,20})\s*(?::|là)?\s*$`, NotLabel: `cấp mới|trong năm|thu hồi|gia hạn`},
	},
	Relations: []Relation{
		{ID: "cert.parts", Kind: Sum, Whole: "cert.total", Terms: []string{"cert.personal", "cert.organization"}},
		{ID: "cert.active", Kind: Difference, Whole: "cert.active", Terms: []string{"cert.total", "-cert.revoked"}},
		{ID: "cert.revoked", Kind: PartOf, Whole: "cert.total", Terms: []string{"cert.revoked"}},
	},
}

func init() { register(&certificates) }
