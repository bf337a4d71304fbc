package rules

import (
	"math"

	"github.com/baocao/baocao/normalize"
	"github.com/baocao/baocao/rules/report"
)

// procedures is the family of administrative procedures (thủ tục hành
// chính, TTHC) and of the online public services (dịch vụ công trực
// tuyến, DVCTT) that offer them: how many procedures the province offers
// on its public-service portal and one-stop system, at each level of
// government; how many services are offered at level 3 and level 4, the
// share of procedures offered at level 4, how many services received
// applications, and how many are on the National Public Service Portal.
//
// Wording differs between provinces and years: "thủ tục hành chính" or
// "TTHC" ({TTHC}); in centrally run cities the levels of government are
// "cấp thành phố / quận, huyện / phường, xã"; since Decree 42/2022/NĐ-CP
// reports say "một phần" (partial) for level 3 and "toàn trình" (end to
// end) for level 4 ({L3}, {L4}). Figures come before or after their
// nouns. Procedures and services counted on the National Public Service
// Portal ({PORTAL}) are not the province's.
var procedures = Family{
	Name:  "procedures",
	Title: "Administrative procedures (TTHC) by level of government, and the online public services (DVCTT) that offer them",
	Order: 10,
	Words: []string{"dịch vụ công", "dvc", "tthc", "thủ tục", "mức độ", "toàn trình", "một phần"},
	Topics: []Topic{
		// "hồ sơ thủ tục hành chính", "Hệ thống thông tin giải quyết
		// TTHC": the applications or a system are the subject, not the
		// procedures.
		{Name: "tthc", Words: []string{"thủ tục hành chính", "tthc"}, NotAfter: []string{"hồ sơ ", "giải quyết "}},
		{Name: "dvc_records", Words: []string{"phát sinh hồ sơ"}},
		// "hồ sơ của DVCTT mức độ 4", "hồ sơ qua dịch vụ công": the
		// applications are the subject, not the services.
		{Name: "dvc", Words: []string{"dịch vụ công trực tuyến", "dvctt", "dvc trực tuyến", "dịch vụ công", "dvc"},
			NotAfter: []string{"hồ sơ của ", "hồ sơ qua ", "hồ sơ "}, NounWords: []string{"dịch vụ"}},
	},
	Macros: map[string]string{
		"{TTHC}": `(?:thủ tục hành chính|TTHC|thủ tục)`,
		// Procedures offered as online services: "(được) cung cấp /
		// thực hiện / triển khai / giải quyết qua (dưới hình thức / ở)
		// DVCTT" before the level.
		// A launch before the figure: "Cổng … bắt đầu hoạt động từ tháng
		// 1/2017 với 335 dịch vụ mức độ 3 và 4" counts the services at
		// the start, not now.
		// (Read in the 50 bytes before the figure: "bắt" may fall off.)
		"{LAUNCH}":  `(?:đầu|vào|thức) (?:hoạt động|vận hành)[^.;]{0,40}$|khai trương[^.;]{0,40}$`,
		"{OFFERED}": `(?:đã\s*)?(?:được\s*)?(?:(?:cung cấp|thực hiện|triển khai|giải quyết qua|áp dụng)\s*)?(?:(?:dưới hình thức|ở|theo)\s*)?(?:{DVC}\s*)?(?:trực tuyến\s*)?`,
	},
	Metrics: []report.Metric{
		{Code: "tthc.total", Unit: "count", Label: "Tổng số thủ tục hành chính", Key: 1,
			Meaning: "administrative procedures (TTHC) offered on the province's public-service portal / one-stop system, all levels",
			Wording: `"cung cấp: 1.543 thủ tục hành chính"; "cung cấp: 1.774 thủ tục hành chính"`},
		{Code: "tthc.provincial", Unit: "count", Label: "TTHC cấp tỉnh", Key: 2,
			Meaning: "of tthc.total, provincial level",
			Wording: `"cấp tỉnh: 1.249 TTHC"; "Tỉnh: 1.423 TTHC"`},
		{Code: "tthc.district", Unit: "count", Label: "TTHC cấp huyện", Key: 3,
			Meaning: "of tthc.total, district level",
			Wording: `"cấp huyện: 191 TTHC"; "huyện: 229 TTHC"`},
		{Code: "tthc.commune", Unit: "count", Label: "TTHC cấp xã", Key: 4,
			Meaning: "of tthc.total, commune level",
			Wording: `"cấp xã: 103 TTHC"; "xã: 100 TTHC"`},
		{Code: "tthc.multilevel", Unit: "count", Label: "TTHC chung nhiều cấp",
			Meaning: "of tthc.total, procedures shared by several levels",
			Wording: `"chung 3 cấp: 22 TTHC"`},
		{Code: "tthc.announced", Unit: "count", Label: "TTHC được công bố trong kỳ",
			Meaning: "administrative procedures the province's decisions announced in the period (new, amended, replaced or abolished), as stated; not the procedures offered (tthc.total), nor internal procedures (TTHC nội bộ)",
			Wording: `"ban hành 55 quyết định công bố danh mục thủ tục hành chính với tổng số 1.419 thủ tục"; "315 quyết định công bố 7.518 TTHC"`},
		{Code: "dvc.level3", Unit: "count", Label: "DVCTT mức độ 3", Key: 5,
			Meaning: "online public services at level 3; since Decree 42/2022/NĐ-CP reports also call them \"DVCTT một phần\" (partial online services)",
			Wording: `"DVCTT mức độ 3: 456"; "DVCTT mức độ 3: 273"`},
		{Code: "dvc.level4", Unit: "count", Label: "DVCTT mức độ 4", Key: 6,
			Meaning: "online public services at level 4; since Decree 42/2022/NĐ-CP reports also call them \"DVCTT toàn trình\" (end-to-end online services)",
			Wording: `"DVCTT mức độ 4: 712"`},
		{Code: "dvc.total", Unit: "count", Label: "Tổng số DVCTT (mức độ 3 và 4)",
			Meaning: "online public services offered at levels 3 and 4 together (since Decree 42/2022/NĐ-CP: partial and end-to-end online services together), where the report states their total",
			Wording: `"đã cung cấp 523 dịch vụ công mức độ 3,4"; "đã cung cấp: 1.402 dịch vụ công trực tuyến (335 DVCTT một phần và 1.067 DVCTT toàn trình)"`},
		{Code: "dvc.level4_rate", Unit: "percent", Label: "Tỷ lệ DVCTT mức độ 4", Key: 7,
			Meaning: "share of procedures offered at level 4, as stated",
			Wording: `"tỷ lệ triển khai DVCTT mức độ 4 của tỉnh đạt 46,14%"`},
		{Code: "dvc.eligible_rate", Unit: "percent", Label: "Tỷ lệ DVC đủ điều kiện được cung cấp trực tuyến toàn trình",
			Meaning: "share of the public services (procedures) eligible for online service that are offered online, at level 4 (end to end) where the report names the level, as stated; not the share of all procedures (dvc.level4_rate)",
			Wording: `"cung cấp 100% dịch vụ công đủ điều kiện lên trực tuyến mức độ 4"; "tỷ lệ dịch vụ công đủ điều kiện mức độ 4 được cung cấp trên Cổng dịch vụ công trực tuyến của tỉnh là 100%"`},
		{Code: "dvc.level3_with_records", Unit: "count", Label: "DVCTT mức độ 3 có phát sinh hồ sơ",
			Meaning: "level-3 services that received at least one application",
			Wording: `"Số lượng DVCTT mức độ 3 có phát sinh hồ sơ: 191"; "Có 16 DVCTT mức độ 3 có phát sinh hồ sơ"`},
		{Code: "dvc.level4_with_records", Unit: "count", Label: "DVCTT mức độ 4 có phát sinh hồ sơ",
			Meaning: "level-4 services that received at least one application",
			Wording: `"Số lượng DVCTT mức độ 4 có phát sinh hồ sơ: 258"`},
		{Code: "dvc.national_portal", Unit: "count", Label: "DVCTT trên Cổng DVC quốc gia", Key: 8,
			Meaning: "online public services integrated into / offered on the National Public Service Portal",
			Wording: `"trong đó có 553 dịch vụ công cung cấp trực tuyến"; "Đã tích hợp 835 DVCTT mức độ 3, 4 lên Cổng dịch vụ công Quốc gia"`},
	},

	Resolve:  resolveProcedures,
	PerLevel: []string{"tthc.provincial", "tthc.district", "tthc.commune", "tthc.multilevel"},
	OfPortal: []string{"dvc.national_portal"},

	Rules: []Rule{
		// tthc.total
		{ID: "tthc.total.provide", Metric: "tthc.total", Priority: 30,
			Pattern:    `(?:cung cấp|cung ứng|công bố|công khai|niêm yết|triển khai|tiếp nhận(?: và)? giải quyết|gồm|có tổng(?: số)?|đang thực hiện|đang áp dụng)\s*(?:tổng số\s*)?(?:là\s*)?:?\s*{N}\s*(?:thủ tục hành chính|TTHC)(?:\s*(?:cung cấp\s*|thực hiện\s*)?{DVC})?`,
			RejectNear: `cơ sở dữ liệu quốc gia|bưu chính`,
			// "1.618 TTHC cung cấp DVCTT toàn trình", "gần 1.700 thủ tục
			// hành chính dịch vụ công trực tuyến": procedures offered as
			// online services, not all of them.
			Reject: `mức|phát sinh|trực tuyến\s*$|cấp (?:tỉnh|huyện|xã)|lĩnh vực|(?:dịch vụ công|dvc)\S*(?:\s*\([^)]*\))?\s*$`, NotBefore: `quyết định[^.;]*$`},
		{ID: "tthc.total.sum-label", Metric: "tthc.total", Priority: 30,
			Pattern:    `tổng(?: số| cộng)?\s*(?:số\s*)?(?:lượng\s*)?(?:thủ tục hành chính|TTHC)[^.;:()]{0,60}?(?::|là|có|gồm)\s*{N}`,
			RejectNear: `{PORTAL}|bưu chính`,
			// "thuộc thẩm quyền ban hành của tỉnh": the procedures the
			// province itself enacts, not those it offers.
			Reject: `mức độ \d|phát sinh|trực tuyến|hồ sơ|bưu chính|thẩm quyền ban hành`},
		// "trong 1.843 thủ tục hành chính thuộc thẩm quyền …, có 556 …".
		{ID: "tthc.total.within", Metric: "tthc.total", Priority: 20,
			Pattern:    `trong\s*(?:tổng\s*số\s*)?{N}\s*(?:thủ tục hành chính|TTHC)`,
			RejectNear: `{PORTAL}`},
		// "cung cấp tổng số 1.155/2.020 thủ tục" of online services by
		// level: all the procedures, written "thủ tục".
		{ID: "tthc.total.ratio-services", Metric: "tthc.total", Priority: 20,
			Pattern: `\d[\d.]*\s*/\s*{N}\s*thủ tục\b`,
			Require: `(?:{DVC}|dịch vụ)\s*(?:trực tuyến\s*)?(?:mức|{L3}|{L4})`, RejectNear: `{PORTAL}|hồ sơ|cắt giảm|đơn giản hóa`},
		// "Số TTHC được công khai đầy đủ …: 2.011/2.011": the procedures
		// published, a share of all of them.
		{ID: "tthc.total.published-ratio", Metric: "tthc.total", Priority: 20,
			Pattern:    `số\s*(?:thủ tục hành chính|tthc)\s*(?:đã\s*)?được\s*công khai[^.;:\d]{0,80}?(?::|là|đạt)\s*\d[\d.]*\s*/\s*{N}`,
			RejectNear: `{PORTAL}`},
		// "(1.397/1.725 TTHC)": the procedures a share is of.
		{ID: "tthc.total.ratio", Metric: "tthc.total", Priority: 20,
			Pattern: `\d[\d.]*\s*/\s*{N}\s*(?:thủ tục hành chính|TTHC)`},
		// "đang cung cấp 1.900 dịch vụ công. Trong đó có 573 dịch vụ công
		// trực tuyến toàn trình …", "tổng số dịch vụ công tỉnh đang thực
		// hiện là 1.890": public services for the procedures they offer.
		{ID: "tthc.total.services", Metric: "tthc.total", Priority: 20,
			Pattern: `(?:đang\s*)?(?:cung cấp|thực hiện|công khai)\s*{N}\s*dịch vụ công\s*(?:$|[.;,:]|của\b|trên\b|tại\b)`,
			Reject:  `trực tuyến|{DVC}\s*(?:{L3}|{L4})|mức độ|phát sinh`, RejectNear: `{PORTAL}`},
		{ID: "tthc.total.services-label", Metric: "tthc.total", Priority: 20,
			Pattern: `tổng số dịch vụ công[^.;:\d]{0,40}?(?::|là)\s*{N}`,
			Reject:  `trực tuyến|{DVC}\s*(?:{L3}|{L4})|mức độ|phát sinh`, RejectNear: `{PORTAL}`},
		// "với 2.268 thủ tục gồm 1.833 thủ tục cấp tỉnh, …": a total
		// followed by its provincial part.
		{ID: "tthc.total.with-levels", Metric: "tthc.total", Priority: 25,
			Pattern: `{N}\s*(?:thủ tục hành chính|TTHC|thủ tục)\s*(?:gồm|\(|,?\s*trong đó)\s*:?\s*(?:có\s*)?\d[\d.]*\s*(?:thủ tục hành chính|TTHC|thủ tục)?\s*(?:thuộc thẩm quyền (?:giải quyết )?(?:của )?)?(?:cấp tỉnh|cấp thành phố)`},
		{ID: "tthc.total.set", Metric: "tthc.total", Priority: 20,
			Pattern:    `bộ (?:thủ tục hành chính|TTHC)[^.;:()]{0,50}?(?:gồm|có|là|với)\s*{N}\s*(?:thủ tục|TTHC)?`,
			RejectNear: `{PORTAL}`},
		{ID: "tthc.total.count-first", Metric: "tthc.total", Priority: 10,
			Pattern:    `{N}\s*(?:thủ tục hành chính|TTHC)\s*(?:\((?:cấp tỉnh|tỉnh|trong đó)|, trong đó|thuộc thẩm quyền giải quyết của (?:các )?cấp)`,
			RejectNear: `{PORTAL}`},
		// tthc.announced: procedures announced by decisions in the period;
		// not internal procedures ("thủ tục hành chính nội bộ").
		{ID: "tthc.announced.decisions", Metric: "tthc.announced", Priority: 30,
			Pattern: `quyết định\s*(?:công bố|ban hành)\s*(?:danh mục\s*)?(?:(?:thủ tục hành chính|tthc)(?:/danh mục tthc)?[^.;:\d]{0,90}?(?:với\s*)?(?:tổng số\s*)?)?{N}\s*(?:thủ tục hành chính|TTHC|thủ tục)(?:\s*nội bộ)?`,
			Reject:  `nội bộ`},
		{ID: "tthc.announced.parts", Metric: "tthc.announced", Priority: 25,
			Pattern: `công bố\s*(?:danh mục\s*)?{N}\s*(?:thủ tục hành chính|TTHC|thủ tục)\s*(?:\(|[,:]\s*(?:gồm|trong đó)?)\s*[^.;]{0,20}?(?:mới|sửa đổi|bãi bỏ|thay thế)`,
			Reject:  `nội bộ`},
		// tthc by level
		{ID: "tthc.provincial.label", Metric: "tthc.provincial", Priority: 30,
			// "Tỉnh: 1.423 TTHC" is the provincial level, "Tỉnh có 980
			// thủ tục" the province.
			Pattern: `(?:(?:^|[(,;]\s*)(?:tỉnh|thành phố)\s*:|(?:cấp tỉnh|cấp thành phố)\s*(?::|là|có))\s*{N}\s*(?:thủ tục|TTHC)`},
		{ID: "tthc.provincial.label-table", Metric: "tthc.provincial", Priority: 25,
			Pattern: `^(?:TTHC\s*)?cấp (?:tỉnh|thành phố)\s*(?:[-–]\s*)?(?:tổng\s*)?(?:số\s*)?(?:lượng\s*)?(?:thủ tục hành chính|TTHC)?\s*:\s*{N}$`},
		{ID: "tthc.provincial.count-first", Metric: "tthc.provincial", Priority: 25,
			Pattern:    `{N}\s*{TTHC}\s*(?:thuộc thẩm quyền (?:giải quyết )?(?:của )?)?(?:cấp tỉnh|cấp thành phố)`,
			RejectNear: `{PORTAL}`},
		{ID: "tthc.district.label", Metric: "tthc.district", Priority: 30,
			Pattern: `(?:(?:^|[(,;]\s*)(?:huyện|quận, huyện|quận/huyện)|cấp huyện|cấp quận|cấp quận, huyện)\s*(?::|là|có)\s*{N}\s*(?:thủ tục|TTHC)`},
		{ID: "tthc.district.label-table", Metric: "tthc.district", Priority: 25,
			Pattern: `^(?:TTHC\s*)?cấp (?:huyện|quận|quận, huyện)\s*(?:[-–]\s*)?(?:tổng\s*)?(?:số\s*)?(?:lượng\s*)?(?:thủ tục hành chính|TTHC)?\s*:\s*{N}$`},
		{ID: "tthc.district.count-first", Metric: "tthc.district", Priority: 25,
			Pattern:    `{N}\s*{TTHC}\s*(?:thuộc thẩm quyền (?:giải quyết )?(?:của )?)?(?:cấp huyện|cấp quận)`,
			RejectNear: `{PORTAL}`},
		{ID: "tthc.commune.label", Metric: "tthc.commune", Priority: 30,
			Pattern: `(?:(?:^|[(,;]\s*)(?:xã|phường, xã|xã, phường|phường/xã)|cấp xã|cấp phường|cấp xã, phường|cấp phường, xã)\s*(?::|là|có)\s*{N}\s*(?:thủ tục|TTHC)`},
		{ID: "tthc.commune.label-table", Metric: "tthc.commune", Priority: 25,
			Pattern: `^(?:TTHC\s*)?cấp (?:xã|phường|phường, xã|xã, phường)\s*(?:[-–]\s*)?(?:tổng\s*)?(?:số\s*)?(?:lượng\s*)?(?:thủ tục hành chính|TTHC)?\s*:\s*{N}$`},
		{ID: "tthc.commune.count-first", Metric: "tthc.commune", Priority: 25,
			Pattern:    `{N}\s*{TTHC}\s*(?:thuộc thẩm quyền (?:giải quyết )?(?:của )?)?(?:cấp xã|cấp phường)`,
			RejectNear: `{PORTAL}`},
		// A clause headed by a level: "Ở cấp xã, các địa phương đã … niêm
		// yết đầy đủ 328 thủ tục hành chính thuộc thẩm quyền".
		{ID: "tthc.provincial.head", Metric: "tthc.provincial", Priority: 25,
			Pattern: `^(?:ở|đối với|tại|với)\s*cấp (?:tỉnh|thành phố)\s*,[^.;\d]{0,160}?(?:niêm yết|công khai|thực hiện|cung cấp|áp dụng)\s*(?:công khai\s*)?(?:đầy đủ\s*)?{N}\s*{TTHC}`},
		{ID: "tthc.district.head", Metric: "tthc.district", Priority: 25,
			Pattern: `^(?:ở|đối với|tại|với)\s*cấp (?:huyện|quận, huyện|quận)\s*,[^.;\d]{0,160}?(?:niêm yết|công khai|thực hiện|cung cấp|áp dụng)\s*(?:công khai\s*)?(?:đầy đủ\s*)?{N}\s*{TTHC}`},
		{ID: "tthc.commune.head", Metric: "tthc.commune", Priority: 25,
			Pattern: `^(?:ở|đối với|tại|với)\s*cấp (?:xã|phường|xã, phường|phường, xã)\s*,[^.;\d]{0,160}?(?:niêm yết|công khai|thực hiện|cung cấp|áp dụng)\s*(?:công khai\s*)?(?:đầy đủ\s*)?{N}\s*{TTHC}`},
		{ID: "tthc.multilevel.label", Metric: "tthc.multilevel", Priority: 30,
			Pattern: `(?:chung (?:\d|hai|ba|các|nhiều) cấp|liên thông (?:\d|hai|ba|các|nhiều) cấp|nhiều cấp)\s*(?::|là|có)?\s*{N}\s*(?:thủ tục|TTHC)?`},
		{ID: "tthc.multilevel.count-first", Metric: "tthc.multilevel", Priority: 25,
			Pattern: `{N}\s*{TTHC}\s*(?:chung|liên thông)\s*(?:\d|hai|ba|các|nhiều) cấp`},
		// dvc.level3 / dvc.level4
		{ID: "dvc.level3.label", Metric: "dvc.level3", Priority: 30,
			Pattern:    `{DVC}\s*{L3}\s*(?::|là|có)\s*{N}(?:\s*hồ sơ)?`,
			RejectNear: `{PORTAL}|tích hợp|hồ sơ[^.;]{0,30}?(?:của|qua)\s*(?:các\s*)?(?:dvctt|dịch vụ công|dvc)`, Reject: `phát sinh|hồ sơ|{TL}`},
		{ID: "dvc.level3.count-first", Metric: "dvc.level3", Priority: 25,
			Pattern:   `{N}\s*(?:{DVC}|dịch vụ)\s*{L3}(?:\s*(?:,|và)\s*(?:(?:mức độ|mức)\s*)?4\b)?(?:\s*(?:và|,)\s*\d[\d.]*\s*(?:{DVC}|dịch vụ)\s*{L4})?(?:\s*\([^)]{0,20}\))?(?:\s*(?:có\s*)?phát sinh)?`,
			NotBefore: `tích hợp[^,;]*$|{LAUNCH}`, RejectNear: `(?:không|chưa)\s*(?:có\s*)?phát sinh`, Reject: `phát sinh|mức độ 3\s*(?:,|và)\s*(?:mức độ\s*)?4\b`,
			Require: `.`},
		// "143 TTHC cung cấp DVCTT một phần", "556 thủ tục đã thực hiện ở
		// mức độ 4", "257 thủ tục hành chính thực hiện dịch vụ công trực
		// tuyến mức độ 4", "1.231 TTHC giải quyết qua DVCTT mức độ 4".
		{ID: "dvc.level3.tthc-first", Metric: "dvc.level3", Priority: 25,
			Pattern:   `{N}\s*(?:TTHC|thủ tục(?: hành chính)?)\s*{OFFERED}{L3}(?:\s*(?:,|và)\s*4\b)?`,
			NotBefore: `tích hợp[^,;]*$`, RejectNear: `(?:không|chưa)\s*(?:có\s*)?phát sinh`, Reject: `mức độ 3\s*(?:,|và)\s*4|phát sinh`},
		{ID: "dvc.level4.tthc-first", Metric: "dvc.level4", Priority: 25,
			Pattern:   `{N}\s*(?:TTHC|thủ tục(?: hành chính)?)\s*{OFFERED}{L4}`,
			NotBefore: `tích hợp[^,;]*$`, RejectNear: `(?:không|chưa)\s*(?:có\s*)?phát sinh`, Reject: `phát sinh`},
		// "tỷ lệ thủ tục hành chính cung cấp dịch vụ công trực tuyến một
		// phần đạt 537": a count called a rate.
		{ID: "dvc.level3.rate-named", Metric: "dvc.level3", Priority: 20,
			Pattern: `{TL}\s*(?:thủ tục hành chính|tthc)\s*cung\s*cấp\s*{DVC}\s*{L3}\s*(?:đạt|là|:)\s*{N}`},
		{ID: "dvc.level4.rate-named", Metric: "dvc.level4", Priority: 20,
			Pattern: `{TL}\s*(?:thủ tục hành chính|tthc)\s*cung\s*cấp\s*{DVC}\s*{L4}\s*(?:đạt|là|:)\s*{N}`},
		// "… toàn trình đạt 804 (54,03%)": the share after the count.
		{ID: "dvc.level4_rate.after-count", Metric: "dvc.level4_rate", Priority: 25,
			Pattern: `(?:{DVC}|thủ tục hành chính|tthc)\s*{L4}\s*(?:đạt|là|:)\s*\d[\d.]*\s*\(\s*{P}\s*\)`,
			Reject:  `hồ sơ|phát sinh`},
		{ID: "dvc.level4.label", Metric: "dvc.level4", Priority: 30,
			Pattern:    `{DVC}\s*{L4}\s*(?::|là|có)\s*{N}(?:\s*hồ sơ)?`,
			RejectNear: `{PORTAL}|tích hợp|hồ sơ[^.;]{0,30}?(?:của|qua)\s*(?:các\s*)?(?:dvctt|dịch vụ công|dvc)`, Reject: `phát sinh|hồ sơ|{TL}`},
		// "Ở dịch vụ công mức độ 4, trên địa bàn tỉnh có 1.178 dịch vụ
		// công, trong đó …"; "Về DVCTT toàn trình, tỉnh đã cung cấp 640
		// dịch vụ".
		{ID: "dvc.level4.head", Metric: "dvc.level4", Priority: 25,
			Pattern:    `^(?:riêng|ở|đối với|về|với)\s*(?:{DVC}|dịch vụ)\s*(?:trực tuyến\s*)?{L4}\s*,[^.;:\d]{0,60}?(?:cung cấp|có|triển khai|đưa vào vận hành)\s*(?:tổng số\s*)?(?:là\s*)?{N}(?:\s*/\s*\d[\d.]*)?\s*(?:thủ tục|TTHC|{DVC}|dịch vụ)`,
			RejectNear: `hồ sơ|phát sinh|{PORTAL}`},
		// "số dịch vụ công trực tuyến mức 4 là 751/2.020 thủ tục": the
		// services out of all procedures.
		{ID: "dvc.level4.of-total", Metric: "dvc.level4", Priority: 25,
			Pattern:    `{DVC}\s*{L4}\s*(?::|là|có|đạt)\s*{N}\s*/\s*\d[\d.]*\s*(?:thủ tục|TTHC|{DVC}|dịch vụ)`,
			RejectNear: `hồ sơ|phát sinh|{PORTAL}`},
		{ID: "dvc.level4.count-first", Metric: "dvc.level4", Priority: 25,
			Pattern:   `{N}\s*(?:{DVC}|dịch vụ)\s*{L4}(?:\s*(?:,|và)\s*4\b)?(?:\s*(?:và|,)\s*\d[\d.]*\s*(?:{DVC}|dịch vụ)\s*{L3})?(?:\s*\([^)]{0,20}\))?(?:\s*(?:có\s*)?phát sinh)?`,
			NotBefore: `tích hợp[^,;]*$|{LAUNCH}`, RejectNear: `(?:không|chưa)\s*(?:có\s*)?phát sinh`, Reject: `phát sinh|mức độ 3\s*(?:,|và)\s*4\b`},
		// dvc.total: levels 3 and 4 (partial and end to end) together.
		{ID: "dvc.total.levels", Metric: "dvc.total", Priority: 30,
			// "1.204 danh mục TTHC dịch vụ công trực tuyến (DVCTT) mức độ 3
			// và 4": the list of procedures offered so.
			Pattern:   `{N}\s*(?:danh mục\s*(?:{TTHC}\s*)?)?(?:{DVC}|dịch vụ)\s*(?:trực tuyến\s*)?(?:\([^)]{1,12}\)\s*)?(?:(?:mức độ|mức)\s*3\s*(?:,|và|-)\s*(?:mức độ\s*|mức\s*)?4\b|{L4}\s*và\s*{L3}|{L3}\s*và\s*{L4})`,
			NotBefore: `tích hợp[^,;]*$|{LAUNCH}`, RejectNear: `(?:không|chưa)\s*(?:có\s*)?phát sinh`},
		// "đã cung cấp: 1.402 dịch vụ công trực tuyến (335 DVCTT một
		// phần và 1.067 DVCTT toàn trình)", "cung cấp hơn 2.000 DVC
		// trực tuyến, trong đó …": online services, no level named.
		{ID: "dvc.total.offered", Metric: "dvc.total", Priority: 25,
			Pattern:   `(?:cung cấp|triển khai)\s*:?\s*{N}\s*(?:dịch vụ công trực tuyến|DVCTT|DVC trực tuyến)(?:\s*\(dvctt\))?\s*(?:$|[.;,(]|trên cổng dịch vụ công (?:của )?tỉnh)`,
			NotBefore: `tích hợp[^,;]*$|{LAUNCH}`},
		// "1.402 dịch vụ công trực tuyến (335 DVCTT một phần và 1.067
		// DVCTT toàn trình)", "2.234 DVCTT được thực hiện … (1.096 DVCTT
		// toàn trình và 1.138 DVCTT một phần)": a total split by level.
		{ID: "dvc.total.split", Metric: "dvc.total", Priority: 30,
			Pattern:   `{N}\s*{DVC}[^.;()\d]{0,60}?\(\s*(?:bao gồm|gồm|trong đó)?\s*:?\s*\d[\d.]*\s*(?:{DVC}\s*)?(?:{L3}|{L4})\s*(?:và|,)\s*\d[\d.]*\s*(?:{DVC}\s*)?(?:{L3}|{L4})`,
			NotBefore: `tích hợp[^,;]*$`},
		// A clause headed by the services of levels 3 and 4 ("Riêng DVC
		// trực tuyến mức 3 và mức 4, tỉnh đã cung cấp tổng số 1.210/2.050
		// thủ tục"; "Đối với dịch vụ công trực tuyến mức độ 3, 4, toàn
		// tỉnh có 930 dịch vụ"): its count is of those services.
		{ID: "dvc.total.head", Metric: "dvc.total", Priority: 25,
			Pattern:    `^(?:riêng|ở|đối với|về|với)\s*(?:{DVC}|dịch vụ)\s*(?:trực tuyến\s*)?(?:(?:mức độ|mức)\s*3\s*(?:,|và|-)\s*(?:mức độ\s*|mức\s*)?4\b|{L3}\s*và\s*{L4}|{L4}\s*và\s*{L3})\s*,[^.;:\d]{0,60}?(?:cung cấp|có|triển khai|đưa vào vận hành)\s*(?:tổng số\s*)?(?:là\s*)?{N}(?:\s*/\s*\d[\d.]*)?\s*(?:thủ tục|TTHC|{DVC}|dịch vụ)`,
			RejectNear: `hồ sơ|phát sinh`},
		// "tổng số dịch vụ công trực tuyến được phê duyệt … có 772 dịch vụ".
		{ID: "dvc.total.label", Metric: "dvc.total", Priority: 30,
			Pattern: `tổng số\s*(?:dịch vụ công trực tuyến|DVCTT|DVC trực tuyến)[^.;:\d]{0,120}?(?::|là|có)\s*{N}`,
			Reject:  `phát sinh|{L3}|{L4}|mức độ`},
		// Procedures offered as services of levels 3 and 4 in a longer
		// predicate: "1.466 thủ tục hành chính (TTHC) đã được đưa lên
		// cung cấp thành dịch vụ công trực tuyến (DVCTT) mức độ 3, 4".
		{ID: "dvc.total.tthc-levels", Metric: "dvc.total", Priority: 25,
			Pattern:    `{N}\s*{TTHC}(?:\s*\([^)]{1,12}\))?\s*(?:đã\s*)?(?:được\s*)?(?:đưa lên\s*|đưa vào\s*)?(?:cung cấp|thực hiện|triển khai)\s*(?:thành\s*|dưới hình thức\s*|ở\s*|qua\s*)?{DVC}\s*(?:trực tuyến\s*)?(?:\([^)]{1,12}\)\s*)?(?:(?:mức độ|mức)\s*3\s*(?:,|và|-)\s*(?:mức độ\s*|mức\s*)?4\b|{L3}\s*và\s*{L4}|{L4}\s*và\s*{L3})`,
			NotBefore:  `tích hợp[^,;]*$|{LAUNCH}`,
			RejectNear: `(?:không|chưa)\s*(?:có\s*)?phát sinh`},
		// The count in an aside after the share of online services:
		// "tỷ lệ dịch vụ công (DVC) trực tuyến … đạt 92% so với
		// tổng số thủ tục hành chính (1.650 DVCTT)".
		{ID: "dvc.total.after-share", Metric: "dvc.total", Priority: 25,
			Pattern: `{TL}\s*{DVC}\s*(?:trực tuyến\s*)?(?:\([^)]{1,12}\)|[^.;()%\d]){0,60}?\d+(?:[.,]\d+)?\s*%(?:\([^)]{1,12}\)|[^.;()%\d]){0,60}?\(\s*{N}\s*(?:dịch vụ công trực tuyến|DVCTT|DVC trực tuyến)\s*\)`,
			Reject:  `{L3}|{L4}|mức độ|hồ sơ|phát sinh|{PORTAL}`},
		// "gần 1.700 thủ tục hành chính dịch vụ công trực tuyến";
		// "(1.397/1.725 TTHC) được cung cấp dịch vụ công trực tuyến mức
		// độ 3, 4".
		{ID: "dvc.total.tthc-first", Metric: "dvc.total", Priority: 25,
			Pattern:   `{N}\s*(?:thủ tục hành chính|TTHC)\s*(?:dịch vụ công trực tuyến|DVCTT)\s*(?:$|[.;,])`,
			NotBefore: `tích hợp[^,;]*$`},
		{ID: "dvc.total.ratio", Metric: "dvc.total", Priority: 25,
			Pattern: `{N}\s*/\s*\d[\d.]*\s*(?:thủ tục hành chính|TTHC)\)?\s*(?:được\s*)?cung cấp\s*{DVC}\s*(?:mức độ|mức)\s*3\s*(?:,|và)\s*4\b`},
		{ID: "dvc.level3.total-row", Metric: "dvc.level3", Priority: 25,
			Pattern: `^{TOTAL}\s*(?:số\s*)?(?:{DVC}\s*)?{L3}\s*:\s*{N}$`},
		{ID: "dvc.level4.total-row", Metric: "dvc.level4", Priority: 25,
			Pattern: `^{TOTAL}\s*(?:số\s*)?(?:{DVC}\s*)?{L4}\s*:\s*{N}$`},
		{ID: "dvc.level4_rate.stated", Metric: "dvc.level4_rate", Priority: 30,
			Pattern: `{TL}\s*(?:triển khai|cung cấp|đạt)?\s*(?:{DVC}|TTHC|thủ tục hành chính)?\s*(?:được\s*)?(?:cung cấp\s*)?(?:trực tuyến\s*)?{L4}[^.;:%]{0,40}?(?:đạt|là|:)\s*{P}`,
			Reject:  `hồ sơ|phát sinh`},
		{ID: "dvc.level4_rate.pct-first", Metric: "dvc.level4_rate", Priority: 20,
			Pattern: `{P}\s*(?:số\s*)?(?:TTHC|thủ tục hành chính)\s*(?:được\s*)?(?:cung cấp\s*)?(?:dưới (?:dạng|hình thức)\s*)?{DVC}?\s*(?:trực tuyến\s*)?{L4}`,
			Reject:  `đủ điều kiện`, NotBefore: `(?:đưa|cung cấp)\s*$`},
		// dvc.eligible_rate: the share of the eligible services offered
		// online: "100% dịch vụ công đủ điều kiện được thực hiện toàn
		// trình", "đưa 100% dịch vụ công lên trực tuyến mức 4".
		{ID: "dvc.eligible_rate.pct-first", Metric: "dvc.eligible_rate", Priority: 30,
			Pattern: `{P}\s*(?:số\s*)?(?:{DVC}|thủ tục hành chính|TTHC)\s*đủ điều kiện[^.;%\d]{0,40}?(?:{L4}|trực tuyến)`,
			// Often a target: "Kế hoạch … và đảm bảo cung cấp 100% …".
			NotBefore: `(?:kế hoạch|đảm bảo|bảo đảm)[^.;]*$`},
		// "hoàn thành mục tiêu cung cấp 100% DVC đủ điều kiện lên trực
		// tuyến mức độ 4": a target met is a result.
		{ID: "dvc.eligible_rate.target-met", Metric: "dvc.eligible_rate", Priority: 25, AllowPlan: true,
			Pattern:   `(?:đã\s*)?(?:hoàn thành|đạt được|đạt)\s*(?:được\s*)?(?:mục tiêu|chỉ tiêu)\s*(?:đề ra\s*)?(?:là\s*)?(?:cung cấp|đưa)\s*{P}\s*(?:{DVC}|thủ tục hành chính|TTHC)\s*đủ điều kiện[^.;%\d]{0,40}?(?:{L4}|trực tuyến)`,
			NotBefore: `(?:phấn đấu|dự kiến|sẽ|cần|chưa|kế hoạch)[^.;]*$`},
		{ID: "dvc.eligible_rate.onto", Metric: "dvc.eligible_rate", Priority: 25,
			Pattern:   `(?:đưa|cung cấp)\s*{P}\s*(?:{DVC}|thủ tục hành chính|TTHC)\s*(?:đủ điều kiện\s*)?lên\s*(?:trực tuyến\s*)?{L4}`,
			NotBefore: `(?:kế hoạch|đảm bảo|bảo đảm)[^.;]*$`},
		// A share stated as done ("100% thủ tục hành chính đủ điều kiện
		// theo quy định của pháp luật đã được cung cấp dưới hình thức
		// dịch vụ công trực tuyến toàn trình"): "đã" makes it a result
		// however long the words between, and whatever verb of assurance
		// ("bảo đảm 100% … đã được cung cấp") comes before.
		{ID: "dvc.eligible_rate.done", Metric: "dvc.eligible_rate", Priority: 30,
			Pattern:   `{P}\s*(?:số\s*)?(?:{DVC}|thủ tục hành chính|TTHC)[^.;%\d]{0,40}?đủ điều kiện[^.;%\d]{0,60}?đã\s*(?:được\s*)?(?:cung cấp|đưa lên|đưa|thực hiện|triển khai)[^.;%\d]{0,40}?(?:{L4}|trực tuyến)`,
			NotBefore: `(?:kế hoạch|phấn đấu|mục tiêu|chỉ tiêu|dự kiến)[^.;]*$`},
		// A share after a count of online services, with its base in an
		// aside: "1.208 TTHC đã được đưa lên … DVCTT mức độ 3, 4 …, đạt
		// 96,4% (tính trên các TTHC đủ điều kiện)".
		{ID: "dvc.eligible_rate.of-eligible", Metric: "dvc.eligible_rate", Priority: 25,
			Pattern: `(?:đạt|bằng|là)\s*{P}\s*\(?\s*(?:tính trên|so với|trên)\s*(?:tổng\s*)?(?:số\s*)?(?:các\s*)?(?:{DVC}|thủ tục hành chính|TTHC|thủ tục)\s*đủ điều kiện`,
			Require: `{DVC}|trực tuyến`, RejectSeg: `hồ sơ[^.;%]{0,60}(?:đạt|bằng|là)\s*\d`},
		{ID: "dvc.eligible_rate.stated", Metric: "dvc.eligible_rate", Priority: 30,
			Pattern: `{TL}\s*(?:{DVC}|thủ tục hành chính|TTHC)\s*đủ điều kiện[^.;:%]{0,80}?(?:đạt|là|:)\s*{P}`,
			Reject:  `hồ sơ|phát sinh`},
		{ID: "dvc.level3_with_records.label", Metric: "dvc.level3_with_records", Priority: 30,
			Pattern: `{DVC}\s*{L3}\s*có phát sinh hồ sơ\s*(?::|là)\s*{N}`},
		{ID: "dvc.level3_with_records.count-first", Metric: "dvc.level3_with_records", Priority: 25,
			Pattern: `{N}\s*(?:{DVC}|dịch vụ)\s*{L3}(?:\s*\([^)]{0,20}\))?\s*(?:có\s*)?phát sinh hồ sơ`},
		{ID: "dvc.level3_with_records.pair", Metric: "dvc.level3_with_records", Priority: 25,
			Pattern: `{N}\s*(?:{DVC}|dịch vụ)\s*{L3}\s*(?:và|,)\s*\d[\d.]*\s*(?:{DVC}|dịch vụ)\s*{L4}\s*(?:có\s*)?phát sinh hồ sơ`},
		{ID: "dvc.level3_with_records.pair2", Metric: "dvc.level3_with_records", Priority: 25,
			Pattern: `(?:{DVC}|dịch vụ)\s*{L4}\s*(?:và|,)\s*{N}\s*(?:{DVC}|dịch vụ)\s*{L3}\s*(?:có\s*)?phát sinh hồ sơ`},
		{ID: "dvc.level4_with_records.pair", Metric: "dvc.level4_with_records", Priority: 25,
			Pattern: `{N}\s*(?:{DVC}|dịch vụ)\s*{L4}\s*(?:và|,)\s*\d[\d.]*\s*(?:{DVC}|dịch vụ)\s*{L3}\s*(?:có\s*)?phát sinh hồ sơ`},
		{ID: "dvc.level4_with_records.pair2", Metric: "dvc.level4_with_records", Priority: 25,
			Pattern: `(?:{DVC}|dịch vụ)\s*{L3}\s*(?:và|,)\s*{N}\s*(?:{DVC}|dịch vụ)\s*{L4}\s*(?:có\s*)?phát sinh hồ sơ`},
		{ID: "dvc.level4_with_records.label", Metric: "dvc.level4_with_records", Priority: 30,
			Pattern: `{DVC}\s*{L4}\s*có phát sinh hồ sơ\s*(?::|là)\s*{N}`},
		{ID: "dvc.level4_with_records.count-first", Metric: "dvc.level4_with_records", Priority: 25,
			Pattern: `{N}\s*(?:{DVC}|dịch vụ)\s*{L4}(?:\s*\([^)]{0,20}\))?\s*(?:có\s*)?phát sinh hồ sơ`},
		{ID: "dvc.national_portal.integrated", Metric: "dvc.national_portal", Priority: 30,
			Pattern: `(?:tích hợp|đồng bộ|kết nối|cung cấp|công khai)\s*(?:được\s*)?{N}\s*(?:{DVC}|thủ tục hành chính|TTHC)[^.;]{0,60}?(?:lên|trên|với|vào)\s*(?:{PORTAL})`},
		// The services integrated written as a ratio of all the
		// province's: "đưa 1.044/1.380 DVCTT tích hợp lên Cổng Dịch vụ công
		// quốc gia", "đã tích hợp 1.120/1.530 dịch vụ công trực tuyến
		// với Cổng DVC quốc gia".
		{ID: "dvc.national_portal.ratio", Metric: "dvc.national_portal", Priority: 25,
			Pattern: `(?:tích hợp|đồng bộ|kết nối|công khai|đưa)\s*(?:được\s*)?{N}\s*/\s*\d[\d.]*\s*(?:{DVC}|thủ tục hành chính|TTHC|dịch vụ)[^.;\d]{0,40}?(?:lên|trên|với|vào)\s*(?:{PORTAL})`,
			Reject:  `hồ sơ`},
		// "tích hợp 100% dịch vụ công trực tuyến của tỉnh (1.935 dịch vụ)
		// trên Cổng Dịch vụ công quốc gia".
		{ID: "dvc.national_portal.all-aside", Metric: "dvc.national_portal", Priority: 25,
			Pattern: `(?:tích hợp|đồng bộ|kết nối|công khai)\s*(?:được\s*)?100\s*%\s*[^.;()]{0,80}?\(\s*{N}\s*(?:dịch vụ|{DVC}|thủ tục|TTHC)[^)]{0,10}\)\s*(?:lên|trên|với|vào)\s*(?:{PORTAL})`},
		{ID: "dvc.national_portal.label", Metric: "dvc.national_portal", Priority: 30,
			Pattern: `(?:{DVC}|TTHC)[^.;:\d]{0,40}?(?:tích hợp|cung cấp)[^.;:\d]{0,30}?(?:lên|trên)\s*(?:{PORTAL})\s*(?::|là)\s*{N}`},
		// "Tích hợp trên Cổng DVC quốc gia: 1.096 DVCTT", "tích hợp lên
		// Cổng Dịch vụ công Quốc gia 1.711 dịch vụ công trực tuyến".
		{ID: "dvc.national_portal.portal-first", Metric: "dvc.national_portal", Priority: 30,
			Pattern: `(?:tích hợp|đồng bộ|kết nối|cung cấp|công khai)\s*(?:được\s*)?(?:lên|trên|vào|với)\s*(?:{PORTAL})\s*:?\s*{N}\s*(?:{DVC}|thủ tục hành chính|TTHC|dịch vụ)`},
		{ID: "dvc.national_portal.online-on-portal", Metric: "dvc.national_portal", Priority: 25,
			Pattern: `trong đó(?: có)?\s*{N}\s*(?:{DVC}|TTHC|thủ tục hành chính)\s*(?:được\s*)?(?:cung cấp\s*)?trực tuyến`,
			Require: `{PORTAL}`},
	},

	Context: []ContextRule{
		// TTHC by level.
		{ID: "ctx.tthc.provincial", Metric: "tthc.provincial", Topic: "tthc", Kind: normalize.Count, Label: `(?:^(?:tỉnh|thành phố)|cấp tỉnh|cấp thành phố)\s*(?::|là|có)?\s*$`},
		{ID: "ctx.tthc.district", Metric: "tthc.district", Topic: "tthc", Kind: normalize.Count, Label: `(?:^(?:huyện|quận, huyện|quận/huyện)|cấp huyện|cấp quận, huyện|cấp quận)(?:,\s*[\p{L} ]{1,30})?\s*(?::|là|có)?\s*$`},
		{ID: "ctx.tthc.commune", Metric: "tthc.commune", Topic: "tthc", Kind: normalize.Count, Label: `(?:^(?:xã|phường, xã|xã, phường)|cấp xã|cấp phường, xã|cấp xã, phường|cấp phường)(?:,\s*[\p{L} ]{1,30})?\s*(?::|là|có)?\s*$`},
		{ID: "ctx.tthc.total", Metric: "tthc.total", Topic: "tthc", Kind: normalize.Count, Noun: `^\s*{TTHC}`,
			Label: `(?:cung cấp|vận hành|công bố|công khai|tổng số|tổng cộng|gồm|có|là|đạt|với|:)\s*$`, NotNear: `mức độ|toàn trình|một phần|phát sinh|bưu chính|{PORTAL}|đủ điều kiện|cắt giảm|đơn giản hóa|sửa đổi|bãi bỏ|(?:cung cấp|thực hiện|giải quyết qua|dưới hình thức)\s*{DVC}|quyết định|{TTHC}\s*(?:ban hành\s*)?(?:mới|thay thế|bị bãi bỏ)|thẩm quyền ban hành|phù hợp để|chưa đạt|{TTHC}\s*{DVC}`,
			NotHead: `quyết định\s*(?:công bố|ban hành)`},
		// Online services.
		{ID: "ctx.dvc.level4_with_records", Metric: "dvc.level4_with_records", Topic: "dvc_records", Kind: normalize.Count, Label: `{L4}\s*(?::|là)?\s*$`},
		{ID: "ctx.dvc.level3_with_records", Metric: "dvc.level3_with_records", Topic: "dvc_records", Kind: normalize.Count, Label: `{L3}\s*(?::|là)?\s*$`},
		{ID: "ctx.dvc.level4", Metric: "dvc.level4", Topic: "dvc", Kind: normalize.Count, Label: `{L4}\s*(?::|là|có)?\s*$`, NotNear: `hồ sơ|phát sinh|quốc gia`},
		{ID: "ctx.dvc.level3", Metric: "dvc.level3", Topic: "dvc", Kind: normalize.Count, Label: `{L3}\s*(?::|là|có)?\s*$`, NotNear: `hồ sơ|phát sinh|quốc gia`},
		{ID: "ctx.dvc.level4.noun", Metric: "dvc.level4", Topic: "dvc", Kind: normalize.Count, Noun: `^\s*(?:dịch vụ công trực tuyến|dvctt|dịch vụ công|dịch vụ)\s*{L4}`, NotNear: `phát sinh|quốc gia|tích hợp`},
		{ID: "ctx.dvc.level3.noun", Metric: "dvc.level3", Topic: "dvc", Kind: normalize.Count, Noun: `^\s*(?:dịch vụ công trực tuyến|dvctt|dịch vụ công|dịch vụ)\s*{L3}`, NotNear: `phát sinh|quốc gia|tích hợp`},
		{ID: "ctx.dvc.level4_rate", Metric: "dvc.level4_rate", Topic: "dvc", Kind: normalize.Percent, Label: `{L4}[^%]{0,40}(?:{TL}|đạt|chiếm)\s*:?\s*$`, NotNear: `hồ sơ|phát sinh`},
		{ID: "ctx.dvc.national_portal", Metric: "dvc.national_portal", Topic: "dvc", Kind: normalize.Count, Noun: `^\s*(?:dịch vụ công trực tuyến|dvctt|dịch vụ công)[^.;]{0,60}(?:{PORTAL})`, NotNear: `hồ sơ`},
	},

	Relations: []Relation{
		{ID: "tthc.parts", Kind: Sum, Whole: "tthc.total",
			Terms: []string{"tthc.provincial", "tthc.district", "tthc.commune"}, Optional: []string{"tthc.multilevel"}},
		{ID: "dvc.total", Kind: Sum, Whole: "dvc.total", Terms: []string{"dvc.level3", "dvc.level4"}},
		{ID: "dvc.level4_rate", Kind: Ratio, Whole: "dvc.level4_rate", Terms: []string{"dvc.level4"}, Den: "tthc.total"},
		shareBound("dvc.level4_rate"),
		shareBound("dvc.eligible_rate"),
		{ID: "dvc.level4_with_records", Kind: PartOf, Whole: "dvc.level4", Terms: []string{"dvc.level4_with_records"}},
		{ID: "dvc.level3_with_records", Kind: PartOf, Whole: "dvc.level3", Terms: []string{"dvc.level3_with_records"}},
	},
}

func init() { register(&procedures) }

// resolveProcedures drops the procedures by level that are the split of
// a count of online services, not of the procedures: "áp dụng đối với
// 1.231 TTHC … Ở cấp tỉnh có 1.072 TTHC …, cấp huyện có 115 TTHC, …
// cấp xã có 44 TTHC" under a list of level-4 services. Parts by level
// that add up to a candidate of dvc.level4, dvc.level3 or dvc.total
// count services, and a procedure total of the same value is that count
// of services read as procedures.
func resolveProcedures(cands []candidate) []candidate {
	announcedByParts(cands)
	best := map[string]*candidate{}
	for i := range cands {
		c := &cands[i]
		switch c.Metric {
		case "tthc.provincial", "tthc.district", "tthc.commune":
			if b := best[c.Metric]; c.scope.kind == scopeProvince && (b == nil || c.outranks(b)) {
				best[c.Metric] = c
			}
		}
	}
	if len(best) < 3 {
		return cands
	}
	sum := 0.0
	for _, c := range best {
		sum += c.Value.Num
	}
	of := map[string]bool{}
	for _, c := range cands {
		if c.Value.Kind == report.Number && math.Abs(c.Value.Num-sum) < 0.5 && c.scope.kind == scopeProvince {
			of[c.Metric] = true
		}
	}
	if !(of["dvc.level4"] || of["dvc.level3"] || of["dvc.total"]) {
		return cands
	}
	out := cands[:0]
	for _, c := range cands {
		switch {
		case c.Metric == "tthc.provincial" || c.Metric == "tthc.district" || c.Metric == "tthc.commune":
			continue
		case c.Metric == "tthc.total" && math.Abs(c.Value.Num-sum) < 0.5:
			continue // the same count of services, read as procedures
		}
		out = append(out, c)
	}
	return out
}

// announcedPartsRe: procedures announced, followed by their parts by
// kind of change in the next clause ("công bố 4.120 TTHC; trong đó, ban
// hành mới 512 thủ tục, sửa đổi …"), which a sentence rule does not
// see across the ";".
var announcedPartsRe = startRe(`công bố\s*(?:danh mục\s*)?(\d[\d.]*)\s*(?:thủ tục hành chính|tthc|thủ tục)\s*;\s*(?:trong đó|gồm|bao gồm)\s*[,:]?\s*[^.;]{0,30}?(?:mới|sửa đổi|bãi bỏ|thay thế)`)

// announcedByParts makes a count of procedures "công bố" the procedures
// announced where the next clause of its sentence splits it by kind of
// change (new, amended, replaced, abolished): announcements in the
// period, not the procedures offered (tthc.total).
func announcedByParts(cands []candidate) {
	for i := range cands {
		c := &cands[i]
		if c.Metric != "tthc.total" || c.Value.Kind != report.Number {
			continue
		}
		for _, m := range announcedPartsRe.FindAllStringSubmatchIndex(c.sentence, -1) {
			if v, _, ok := normalize.ParseNumber(c.sentence[m[2]:m[3]]); ok && v == c.Value.Num {
				c.Metric = "tthc.announced"
				break
			}
		}
	}
}
