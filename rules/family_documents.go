package rules

import (
	"github.com/baocao/baocao/normalize"
	"github.com/baocao/baocao/rules/report"
)

// documents is the family of electronic documents exchanged between
// state agencies (văn bản điện tử), within and outside the province, the
// share of documents exchanged in electronic form, and the digital
// signatures on them. Exchanges are also counted as "lượt". A rate of
// agencies ("tỷ lệ cơ quan, đơn vị áp dụng chữ ký số", "07 cơ quan có tỷ
// lệ ký số đạt 100%") is no rate of documents.
var documents = Family{
	Name:  "documents",
	Title: "Electronic documents exchanged between agencies, and digital signatures on them",
	Order: 50,
	Words: []string{"văn bản", "ký số"},
	Topics: []Topic{
		{Name: "edoc", Words: []string{"văn bản"}},
	},
	Macros: map[string]string{
		// In electronic form: "hoàn toàn bằng điện tử", "dưới dạng văn
		// bản điện tử", "trên môi trường mạng".
		"{EFORM}": `(?:(?:hoàn toàn\s*)?(?:dưới dạng|bằng|ở dạng)\s*(?:văn bản\s*)?điện tử|(?:trên|qua) môi trường mạng|hoàn toàn điện tử)`,
		// A rate of agencies, not of documents.
		"{AGENCYRATE}": `{TL}\s*(?:các\s*)?(?:cơ quan|đơn vị|sở|ngành|địa phương|huyện|xã)`,
	},
	Metrics: []report.Metric{
		{Code: "edoc.total", Unit: "count", Label: "Văn bản điện tử", Key: 15,
			Meaning: "electronic documents sent/exchanged between state agencies in the period",
			Wording: `"tổng số văn bản điện tử gửi trên trục liên thông văn bản của tỉnh là 619.120"; "tổng số văn bản trao đổi giữa các cơ quan nhà nước của tỉnh: 2.130.119 văn bản"`},
		{Code: "edoc.internal", Unit: "count", Label: "Văn bản điện tử nội tỉnh",
			Meaning: "of edoc.total, within the province",
			Wording: `"579.445 (nội bộ trong tỉnh)"`},
		{Code: "edoc.external", Unit: "count", Label: "Văn bản điện tử ngoài tỉnh",
			Meaning: "of edoc.total, to/from outside the province",
			Wording: `"40.375 (ngoài tỉnh)"`},
		{Code: "edoc.signed", Unit: "count", Label: "Văn bản được ký số", Key: 16,
			Meaning: "digitally signed electronic documents",
			Wording: `"có 571.421 văn bản điện tử được ký số"`},
		{Code: "edoc.signed_rate", Unit: "percent", Label: "Tỷ lệ văn bản ký số", Key: 17,
			Meaning: "share of documents digitally signed, as stated",
			Wording: `"đạt tỷ lệ 98,6%"; "100% văn bản đi ... được ký số"`},
		{Code: "edoc.electronic_rate", Unit: "percent", Label: "Tỷ lệ văn bản trao đổi dưới dạng điện tử",
			Meaning: "share of the documents exchanged between state agencies that are exchanged in electronic form (secret documents aside), as stated",
			Wording: `"tỷ lệ văn bản trao đổi giữa các cơ quan ... hoàn toàn bằng điện tử đạt 91%"; "100% văn bản hành chính được phát hành dưới dạng điện tử"`},
	},
	Rules: []Rule{
		{ID: "edoc.total.label", Metric: "edoc.total", Priority: 30,
			Pattern: `(?:tổng\s*)?số\s*(?:lượng\s*)?văn bản\s*(?:điện tử\s*)?(?:được\s*)?(?:gửi|trao đổi|gửi, nhận|gửi nhận|gửi và nhận|đi, đến|đi và đến|liên thông|luân chuyển|phát hành)[^.;:]{0,100}?(?::|là|đạt)\s*{N}`,
			Reject:  `ký số|{TL}`},
		{ID: "edoc.total.count-first", Metric: "edoc.total", Priority: 20,
			Pattern: `{N}\s*văn bản\s*(?:điện tử\s*)?(?:được\s*)?(?:gửi, nhận|gửi nhận|gửi và nhận|trao đổi|luân chuyển|liên thông)[^,;.()]{0,30}`,
			Reject:  `ký số|trong tỉnh|nội tỉnh|ngoài tỉnh|nội bộ|với các cơ quan`, RejectSeg: `{TL}\s*văn bản`},
		{ID: "edoc.total.verb", Metric: "edoc.total", Priority: 25,
			Pattern: `(?:gửi, nhận|gửi nhận|gửi và nhận|trao đổi|luân chuyển)\s*(?:được\s*)?(?:tổng số\s*)?{N}\s*văn bản(?:\s*điện tử)?`,
			Reject:  `ký số`},
		// "Tổng số lượt trao đổi, xử lý văn bản điện tử hơn 4 triệu lượt".
		{ID: "edoc.total.exchanges", Metric: "edoc.total", Priority: 25,
			Pattern: `(?:tổng\s*)?số\s*lượt\s*(?:gửi, nhận|gửi nhận|gửi và nhận|trao đổi(?:, xử lý)?|luân chuyển|liên thông)\s*văn bản(?:\s*điện tử)?(?:\s*trong (?:năm|kỳ))?\s*(?::|là|đạt)?\s*{N}`,
			Reject:  `ký số`},
		{ID: "edoc.total.exchanges-first", Metric: "edoc.total", Priority: 20,
			Pattern: `{N}\s*lượt\s*văn bản(?:\s*điện tử)?\s*(?:được\s*)?(?:gửi, nhận|gửi nhận|trao đổi|luân chuyển|liên thông)`,
			Reject:  `ký số`},
		{ID: "edoc.total.kv", Metric: "edoc.total", Priority: 25,
			Pattern: `^(?:số\s*)?văn bản\s*(?:điện tử\s*)?(?:gửi, nhận|gửi nhận|trao đổi|đi, đến|liên thông|luân chuyển)[^:]{0,80}:\s*{N}$`,
			Reject:  `ký số|trong tỉnh|nội tỉnh|ngoài tỉnh`},
		{ID: "edoc.internal.paren", Metric: "edoc.internal", Priority: 30,
			Pattern: `{N}\s*(?:văn bản\s*)?\((?:văn bản\s*)?(?:nội bộ|trong tỉnh|nội tỉnh|trong nội bộ)[^)\d]*\)`,
			Require: `văn bản`},
		{ID: "edoc.internal.label", Metric: "edoc.internal", Priority: 25,
			Pattern: `(?:nội bộ(?: trong)? tỉnh|trong tỉnh|nội tỉnh|gửi, nhận trong tỉnh)\s*(?::|là)\s*{N}`,
			Require: `văn bản`},
		{ID: "edoc.external.paren", Metric: "edoc.external", Priority: 30,
			Pattern: `{N}\s*(?:văn bản\s*)?\((?:văn bản\s*)?(?:ngoài tỉnh|liên tỉnh|gửi ra ngoài tỉnh|với các bộ, ngành[^)]*|ra ngoài tỉnh)[^)\d]*\)`,
			Require: `văn bản`},
		{ID: "edoc.external.label", Metric: "edoc.external", Priority: 25,
			Pattern: `(?:ngoài tỉnh|ra ngoài tỉnh|liên tỉnh|với các bộ, ngành(?: trung ương)?)\s*(?::|là)\s*{N}`,
			Require: `văn bản`},
		{ID: "edoc.signed.count-first", Metric: "edoc.signed", Priority: 30,
			Pattern: `{N}\s*văn bản\s*(?:điện tử\s*)?(?:đi\s*)?(?:được\s*)?(?:ký số|có chữ ký số|sử dụng chữ ký số)`},
		// Also a count called a rate ("Tỷ lệ văn bản đi được ký số đạt
		// 15.420 văn bản"): a figure without "%" is the count.
		{ID: "edoc.signed.label", Metric: "edoc.signed", Priority: 30,
			Pattern: `(?:số\s*(?:lượng\s*)?|{TL}\s*)?văn bản\s*(?:điện tử\s*)?(?:đi\s*)?(?:được\s*)?(?:ký số|có chữ ký số)\s*(?::|là|đạt)\s*{N}`},
		{ID: "edoc.signed_rate.stated", Metric: "edoc.signed_rate", Priority: 30,
			Pattern:   `(?:ký số|chữ ký số),?\s*(?:đạt\s*)?(?:{TL})?\s*(?:đạt\s*)?:?\s*{P}`,
			NotBefore: `{UNITS}|{AGENCYRATE}[^.;%]{0,30}$`,
			// "Tỷ lệ cơ quan nhà nước có văn bản điện tử gửi đi được ký
			// số đạt 100%": a share of agencies, however long the words
			// between (NotBefore sees 50 bytes).
			RejectSeg: `{AGENCYRATE}[^.;%]{0,80}ký số`},
		{ID: "edoc.signed_rate.label", Metric: "edoc.signed_rate", Priority: 30,
			// "tỷ lệ văn bản điện tử có ký số trên tổng số văn bản đi tại
			// …": the denominator may be named before the share.
			Pattern: `{TL}\s*văn bản\s*(?:điện tử\s*)?(?:đi\s*)?(?:được\s*)?(?:ký số|có ký số|có chữ ký số|sử dụng chữ ký số)[^.;:%]{0,100}?(?::|là|đạt)?\s*{P}`,
			// "… tăng 15% so với năm trước": a change, not the share.
			Reject: `(?:tăng|giảm)\s*(?:thêm\s*)?(?:\p{L}+\s+)?[\d.,]+\s*%\s*$`},
		{ID: "edoc.signed_rate.pct-first", Metric: "edoc.signed_rate", Priority: 25,
			Pattern: `{P}\s*văn bản\s*(?:điện tử\s*)?(?:đi\s*)?[^.;%]{0,60}?(?:được\s*)?ký số`,
			Reject:  `{TL}|mục tiêu`},
		// "trên 98% văn bản hành chính được trao gửi, nhận giữa các cơ
		// quan … dưới dạng văn bản điện tử có sử dụng chữ ký số".
		{ID: "edoc.signed_rate.eform", Metric: "edoc.signed_rate", Priority: 25,
			Pattern: `{P}\s*văn bản[^.;%\d]{0,160}?{EFORM}\s*(?:có\s*)?(?:sử dụng\s*)?(?:chữ ký số|ký số)`,
			Reject:  `{TL}|mục tiêu`},
		// The share of documents in electronic form.
		{ID: "edoc.electronic_rate.label", Metric: "edoc.electronic_rate", Priority: 30,
			Pattern: `{TL}\s*văn bản[^.;%\d]{0,90}?{EFORM}[^.;%\d]{0,120}?(?:từ\s*\d+(?:[.,]\d+)?\s*%[^.;%]{0,20}?lên\s*)?{P}`,
			Reject:  `ký số`},
		// "tỷ lệ văn bản điện tử của Hải Phòng là 85% trên tổng số văn bản
		// phát hành".
		{ID: "edoc.electronic_rate.of", Metric: "edoc.electronic_rate", Priority: 30,
			Pattern: `{TL}\s*văn bản điện tử(?:\s*của\s*[^.;%\d]{0,30}?|\s*(?:được\s*)?(?:trao đổi|gửi, nhận|gửi nhận|luân chuyển)\s*giữa\s*[^.;%\d]{0,40}?)?\s*(?:đạt|là|:)\s*{P}`,
			Reject:  `ký số`},
		{ID: "edoc.electronic_rate.pct-first", Metric: "edoc.electronic_rate", Priority: 25,
			Pattern: `{P}\s*(?:{TL}\s*)?văn bản[^.;%\d]{0,90}?{EFORM}(?:\s*(?:có\s*)?(?:sử dụng\s*)?(?:chữ ký số|ký số))?`,
			Reject:  `ký số|mục tiêu`},
		// "Các văn bản … trao đổi hoàn toàn dưới dạng điện tử …, từ 30%
		// năm 2017 lên trên 99,5% trong năm 2024": the later share.
		{ID: "edoc.electronic_rate.rise", Metric: "edoc.electronic_rate", Priority: 25,
			Pattern: `văn bản[^.;%\d]{0,60}?{EFORM}[^.;%\d]{0,40}?(?:từ\s*\d+(?:[.,]\d+)?\s*%[^.;%]{0,20}?lên\s*)?{P}`,
			Reject:  `ký số|{TL}`},
		// "đã trao đổi văn bản điện tử qua Hệ thống …, đạt tỷ lệ khoảng 95%".
		{ID: "edoc.electronic_rate.exchange", Metric: "edoc.electronic_rate", Priority: 20,
			Pattern: `(?:trao đổi|gửi, nhận|gửi nhận)\s*văn bản(?:\s*điện tử)?[^.;%\d]{0,90}?,\s*đạt\s*{TL}\s*{P}`,
			Reject:  `ký số`},
	},
	Context: []ContextRule{
		// Electronic documents.
		{ID: "ctx.edoc.internal", Metric: "edoc.internal", Topic: "edoc", Kind: normalize.Count, Label: `(?:nội tỉnh|trong tỉnh|nội bộ(?: tỉnh| thành phố)?|nội thành phố|trong thành phố)\s*:?\s*$`},
		{ID: "ctx.edoc.internal.noun", Metric: "edoc.internal", Topic: "edoc", Kind: normalize.Count, Noun: `^\s*văn bản[^,;.]{0,30}(?:trong tỉnh|nội tỉnh|nội bộ|trong thành phố)`},
		{ID: "ctx.edoc.external", Metric: "edoc.external", Topic: "edoc", Kind: normalize.Count, Label: `(?:ngoài tỉnh|ngoài thành phố|liên tỉnh)\s*:?\s*$`},
		{ID: "ctx.edoc.external.noun", Metric: "edoc.external", Topic: "edoc", Kind: normalize.Count, Noun: `^\s*văn bản[^;.]{0,40}(?:ngoài tỉnh|ngoài thành phố|bộ, ngành|trung ương|các tỉnh)`},
		{ID: "ctx.edoc.signed_rate", Metric: "edoc.signed_rate", Topic: "edoc", Kind: normalize.Percent, Label: `ký số[^%]{0,40}$`, NotLabel: `{AGENCYRATE}|(?:tăng|giảm)\s*(?:thêm\s*)?$`},
		{ID: "ctx.edoc.signed", Metric: "edoc.signed", Topic: "edoc", Kind: normalize.Count, Label: `ký số\s*(?::|là)?\s*$`},
		{ID: "ctx.edoc.total.noun", Metric: "edoc.total", Topic: "edoc", Kind: normalize.Count, Noun: `^\s*văn bản(?: điện tử)?\s*(?:$|[,(]|được|gửi|trao đổi)`,
			Label: `(?:gửi, nhận|gửi nhận|trao đổi|luân chuyển|liên thông|:|đạt)\s*$`, NotNear: `ký số|nội tỉnh|trong tỉnh|ngoài tỉnh|nội bộ|{TL}|văn bản đi(?:\s|,|$)|văn bản đến`},
		{ID: "ctx.edoc.total", Metric: "edoc.total", Topic: "edoc", Kind: normalize.Count, Label: `(?:văn bản[^;]{0,60}(?:gửi, nhận|gửi nhận|trao đổi|liên thông|luân chuyển)[^;]{0,60}(?:đạt|là|:|khoảng)|tổng số văn bản[^;]{0,40})\s*$`,
			NotLabel: `ký số|nội tỉnh|trong tỉnh|ngoài tỉnh|{TL}`},
	},
	Relations: []Relation{
		{ID: "edoc.parts", Kind: Sum, Whole: "edoc.total", Terms: []string{"edoc.internal", "edoc.external"}},
		{ID: "edoc.signed_rate", Kind: Ratio, Whole: "edoc.signed_rate",
			Terms: []string{"edoc.signed"}, Den: "edoc.total", AltDen: []string{"edoc.internal"}},
		shareBound("edoc.signed_rate"),
		shareBound("edoc.electronic_rate"),
		{ID: "edoc.signed", Kind: PartOf, Whole: "edoc.total", Terms: []string{"edoc.signed"}},
	},
}

func init() { register(&documents) }
