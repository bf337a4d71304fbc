package synth

// This file holds everything the generator knows about particular
// metrics: which figures a report has and how they relate (figures), how
// reports word them (the templates) and where in a report they are
// stated (write). The arithmetic between them is the rules' (relations.go).

import (
	"fmt"
	"math"
	"strings"

	"github.com/baocao/baocao/rules"
)

// plantable lists the relations a report may get wrong (by the figure
// they are about), in the order a planted inconsistency is drawn from, and
// in which the gold lists flags and consistent relations.
var plantable = []string{"tthc.total", "records.total", "records.online", "edoc.total", "cert.total", "cert.active",
	"staff.it_total", "dvc.level4_rate", "records.online_rate", "edoc.signed_rate"}

// figures draws a consistent set of figures, with at most two planted
// inconsistencies.
func (g *gen) figures() {
	// Which relation, if any, to make inconsistent.
	plant := map[string]bool{}
	for n := 0; n < 2; n++ {
		if g.chance([]float64{0.35, 0.12}[n]) {
			plant[plantable[g.rng.IntN(len(plantable))]] = true
		}
	}
	city := 1.0
	if g.p.City {
		city = 1.3
	}
	// Year drives maturity: later years have more online services.
	y := float64(g.year - 2019)

	g.set("tthc.provincial", g.between(900, 1700))
	g.set("tthc.district", g.between(150, 360))
	g.set("tthc.commune", g.between(80, 170))
	if g.chance(0.35) {
		g.set("tthc.multilevel", g.between(8, 45))
	}
	g.derive("tthc.total", plant["tthc.total"])
	total := g.figs["tthc.total"].v
	l4 := math.Round(total * (0.15 + 0.07*y + g.rng.Float64()*0.15))
	l3 := math.Round((total - l4) * (0.2 + g.rng.Float64()*0.4))
	g.set("dvc.level4", l4)
	g.set("dvc.level3", l3)
	if g.chance(0.8) {
		g.derive("dvc.level4_rate", plant["dvc.level4_rate"])
	}
	g.set("dvc.level3_with_records", math.Round(l3*(0.2+g.rng.Float64()*0.5)))
	g.set("dvc.level4_with_records", math.Round(l4*(0.2+g.rng.Float64()*0.6)))
	g.set("dvc.national_portal", math.Round((l3+l4)*(0.4+g.rng.Float64()*0.6)))

	scale := city * (0.5 + g.rng.Float64()*2)
	g.set("records.level2", math.Round(scale*g.between(100000, 450000)))
	g.set("records.level3", math.Round(scale*g.between(30000, 240000)))
	g.set("records.level4", math.Round(scale*g.between(5000, 90000)*(1+y/3)))
	g.set("records.online_level3", math.Round(g.figs["records.level3"].v*(0.1+g.rng.Float64()*0.5)))
	g.set("records.online_level4", math.Round(g.figs["records.level4"].v*(0.5+g.rng.Float64()*0.5)))
	g.derive("records.total", plant["records.total"])
	g.set("records.resolved", math.Round(g.figs["records.total"].v*(0.9+g.rng.Float64()*0.09)))
	g.set("records.on_time_rate", round(85+g.rng.Float64()*14.9, 1))
	g.derive("records.online", plant["records.online"])
	g.derive("records.online_rate", plant["records.online_rate"])

	tx := g.between(800, 60000)
	g.set("payment.transactions", tx)
	g.set("payment.successful", math.Round(tx*(0.5+g.rng.Float64()*0.45)))
	g.set("payment.amount_vnd", g.between(5, 300)*1e8)

	g.set("edoc.internal", math.Round(scale*g.between(150000, 900000)))
	g.set("edoc.external", math.Round(scale*g.between(10000, 90000)))
	g.derive("edoc.total", plant["edoc.total"])
	g.set("edoc.signed", math.Round(g.figs["edoc.total"].v*(0.8+g.rng.Float64()*0.2)))
	g.derive("edoc.signed_rate", plant["edoc.signed_rate"])
	g.set("email.accounts", g.between(3000, 60000))

	g.set("cert.personal", g.between(1500, 9000))
	g.set("cert.organization", g.between(300, 2000))
	g.derive("cert.total", plant["cert.total"])
	g.set("cert.revoked", g.between(20, 400))
	g.derive("cert.active", plant["cert.active"])
	g.set("cert.sim_pki", g.between(100, 2500))

	statuses := []string{"none", "planned", "pilot", "in_progress", "operational"}
	st := statuses[min(len(statuses)-1, g.rng.IntN(3)+int(y)/2)]
	g.set("soc.status", 0).str = st
	g.set("soc.ncsc_connected", 0).b = st == "operational" || st == "pilot" && g.chance(0.5)

	g.set("sec.malware_protected_machines", g.between(1500, 12000))
	g.set("sec.malware_removed", g.between(200, 20000))
	g.set("sec.incidents", g.between(0, 40))
	g.set("httt.total", g.between(20, 120))
	g.set("httt.level2_approved", math.Round(g.figs["httt.total"].v*(0.1+g.rng.Float64()*0.4)))
	g.set("httt.level3_approved", g.between(1, 9))
	g.set("staff.it_departments", g.between(25, 110))
	g.set("staff.it_district", g.between(8, 40))
	g.derive("staff.it_total", plant["staff.it_total"])
	g.set("data.shared_databases", g.between(3, 40))

	// Distractors: figures that are written but are not metrics.
	g.set("x.nat_tthc", math.Round(total*(0.6+g.rng.Float64()*0.3)))
	g.set("x.plan4", l4+g.between(50, 300))
	g.set("x.planrate", g.between(30, 80))
	g.set("x.hosp", g.between(2, 12))
	g.set("x.ttyt", g.between(8, 20))
	g.set("x.tyt", g.between(90, 400))
	g.set("x.lan", g.between(120, 600))
	g.set("x.growth", g.between(5, 60))
	g.set("x.national", g.between(2500, 4500))
	g.set("x.account946", g.between(200, 2000))
}

// Templates by group. "@city"/"@province" limit a template to centrally
// run cities or to provinces, "@new"/"@old" to reports from 2022 on or
// before; [[code|…]] states a figure; {code} formats one.
var (
	tthcT = []string{
		"@province Hiện nay, Cổng Dịch vụ công và Hệ thống thông tin một cửa điện tử của {province} [[tthc.total|cung cấp: {tthc.total} thủ tục hành chính]], trong đó: [[tthc.provincial|cấp tỉnh: {tthc.provincial} TTHC]]; [[tthc.district|cấp huyện: {tthc.district} TTHC]]; [[tthc.commune|cấp xã: {tthc.commune} TTHC]].",
		"@province Hiện nay, Cổng Dịch vụ công và Hệ thống thông tin một cửa điện tử của {province} [[tthc.total|cung cấp: {tthc.total} thủ tục hành chính]], trong đó: [[tthc.provincial|cấp tỉnh: {tthc.provincial} TTHC]]; [[tthc.district|cấp huyện: {tthc.district} TTHC]]; [[tthc.commune|cấp xã: {tthc.commune} TTHC]]; [[tthc.multilevel|chung 3 cấp: {tthc.multilevel} TTHC]].",
		"@province Hệ thống thông tin giải quyết TTHC của tỉnh hiện có [[tthc.total|tổng số TTHC là {tthc.total}]], gồm [[tthc.provincial|{tthc.provincial} thủ tục cấp tỉnh]], [[tthc.district|{tthc.district} thủ tục cấp huyện]] và [[tthc.commune|{tthc.commune} thủ tục cấp xã]].",
		"@province Hệ thống thông tin giải quyết TTHC của tỉnh hiện có [[tthc.total|tổng số TTHC là {tthc.total}]], gồm [[tthc.provincial|{tthc.provincial} thủ tục cấp tỉnh]], [[tthc.district|{tthc.district} thủ tục cấp huyện]], [[tthc.commune|{tthc.commune} thủ tục cấp xã]] và [[tthc.multilevel|{tthc.multilevel} thủ tục chung nhiều cấp]].",
		"@province Số {tthc} được công bố và cung cấp trên Cổng Dịch vụ công của tỉnh: [[tthc.total|{tthc.total} {tthc}]] ([[tthc.provincial|Tỉnh: {tthc.provincial} TTHC]]; [[tthc.district|huyện: {tthc.district} TTHC]]; [[tthc.commune|xã: {tthc.commune} TTHC]]).",
		"@city Cổng Dịch vụ công {province} [[tthc.total|cung cấp {tthc.total} thủ tục hành chính]], trong đó [[tthc.provincial|cấp thành phố: {tthc.provincial} TTHC]]; [[tthc.district|cấp quận, huyện: {tthc.district} TTHC]]; [[tthc.commune|cấp phường, xã: {tthc.commune} TTHC]].",
		"@city Tổng số {tthc} thuộc thẩm quyền giải quyết của các cấp chính quyền thành phố [[tthc.total|là {tthc.total} thủ tục]]: [[tthc.provincial|{tthc.provincial} thủ tục cấp thành phố]], [[tthc.district|{tthc.district} thủ tục cấp quận, huyện]], [[tthc.commune|{tthc.commune} thủ tục cấp phường, xã]] và [[tthc.multilevel|{tthc.multilevel} thủ tục chung nhiều cấp]].",
		"@city Tổng số {tthc} thuộc thẩm quyền giải quyết của các cấp chính quyền thành phố [[tthc.total|là {tthc.total} thủ tục]]: [[tthc.provincial|{tthc.provincial} thủ tục cấp thành phố]], [[tthc.district|{tthc.district} thủ tục cấp quận, huyện]] và [[tthc.commune|{tthc.commune} thủ tục cấp phường, xã]].",
	}
	dvcT = []string{
		"@old Toàn {unit} đã cung cấp [[dvc.level3|DVCTT mức độ 3: {dvc.level3}]]; [[dvc.level4|DVCTT mức độ 4: {dvc.level4}]]; [[dvc.level4_rate|{tile} triển khai DVCTT mức độ 4 của {unit} đạt {dvc.level4_rate}%]].",
		"@old Số dịch vụ công trực tuyến đang cung cấp gồm [[dvc.level3|{dvc.level3} dịch vụ mức độ 3]] và [[dvc.level4|{dvc.level4} dịch vụ mức độ 4]], [[dvc.level4_rate|đạt {tile} {dvc.level4_rate}%]] số TTHC được cung cấp ở mức độ 4.",
		"@old Tổng số DVCTT của {unit}: [[dvc.level3|mức độ 3: {dvc.level3} dịch vụ]], [[dvc.level4|mức độ 4: {dvc.level4} dịch vụ]].",
		"@new Đến nay, {province} đã cung cấp [[dvc.level4|{dvc.level4} dịch vụ công trực tuyến toàn trình]] và [[dvc.level3|{dvc.level3} dịch vụ công trực tuyến một phần]]; [[dvc.level4_rate|{tile} DVCTT toàn trình đạt {dvc.level4_rate}%]].",
		"@new Số dịch vụ công trực tuyến của {unit}: [[dvc.level4|DVCTT toàn trình: {dvc.level4}]]; [[dvc.level3|DVCTT một phần: {dvc.level3}]] ([[dvc.level4_rate|{tile} DVCTT toàn trình trên tổng số TTHC: {dvc.level4_rate}%]]).",
		"@new Cổng Dịch vụ công của {unit} cung cấp [[dvc.level4|{dvc.level4} DVCTT toàn trình]], [[dvc.level3|{dvc.level3} DVCTT một phần]].",
	}
	dvcRecT = []string{
		"[[dvc.level3_with_records|Số lượng DVCTT mức độ 3 có phát sinh hồ sơ: {dvc.level3_with_records}]]; [[dvc.level4_with_records|Số lượng DVCTT mức độ 4 có phát sinh hồ sơ: {dvc.level4_with_records}]].",
		"Trong năm {year}, [[dvc.level3_with_records|có {dvc.level3_with_records} DVCTT mức độ 3 có phát sinh hồ sơ]] và [[dvc.level4_with_records|{dvc.level4_with_records} DVCTT mức độ 4 có phát sinh hồ sơ]].",
		"@new [[dvc.level4_with_records|Có {dvc.level4_with_records} DVCTT mức độ 4 (toàn trình) có phát sinh hồ sơ]]; [[dvc.level3_with_records|{dvc.level3_with_records} DVCTT mức độ 3 (một phần) có phát sinh hồ sơ]].",
	}
	portalT = []string{
		"[[dvc.national_portal|Đã tích hợp {dvc.national_portal} DVCTT mức độ 3, 4 lên Cổng dịch vụ công Quốc gia]].",
		"Từ ngày 01/01/{prev} đến nay, {province} có {x.nat_tthc} thủ tục hành chính được cập nhật vào cơ sở dữ liệu thủ tục hành chính trên Cổng Dịch vụ công Quốc gia, [[dvc.national_portal|trong đó có {dvc.national_portal} dịch vụ công cung cấp trực tuyến]].",
		"[[dvc.national_portal|Số DVCTT của {unit} được tích hợp, cung cấp trên Cổng Dịch vụ công quốc gia: {dvc.national_portal}]] (toàn quốc: {x.national} dịch vụ).",
	}
	recordsT = []string{
		"Hệ thống thông tin một cửa điện tử [[records.total|đã tiếp nhận {records.total} hồ sơ]], [[records.resolved|đã giải quyết {records.resolved} hồ sơ]], [[records.on_time_rate|{tile} giải quyết đúng hạn {records.on_time_rate}%]].",
		"Trong năm {year}, [[records.total|tổng số hồ sơ tiếp nhận là {records.total}]]; [[records.resolved|số hồ sơ đã giải quyết: {records.resolved}]], [[records.on_time_rate|đạt {tile} giải quyết đúng hạn {records.on_time_rate}%]].",
		"[[records.total|Đã tiếp nhận {records.total} hồ sơ]] (tăng {x.growth}% so với năm {prev}), [[records.on_time_rate|{tile} giải quyết đúng hạn {records.on_time_rate}%]].",
	}
	levelsT = []string{
		"[[records.level2|Số lượng hồ sơ giải quyết của DVCTT mức độ 2: {records.level2}]]; [[records.level3|Số lượng hồ sơ giải quyết của DVCTT mức độ 3 (gồm cả trực tuyến và không trực tuyến): {records.level3}]]; [[records.online_level3|Số lượng HSTT mức độ 3: {records.online_level3}]]; [[records.level4|Số lượng hồ sơ giải quyết của DVCTT mức độ 4 (gồm cả trực tuyến và không trực tuyến): {records.level4}]]; [[records.online_level4|Số lượng HSTT mức độ 4: {records.online_level4}]].",
		"Phân theo mức độ: [[records.level2|mức độ 2: {records.level2} hồ sơ]]; [[records.level3|mức độ 3: {records.level3} hồ sơ]] ([[records.online_level3|{records.online_level3} hồ sơ trực tuyến]]); [[records.level4|mức độ 4: {records.level4} hồ sơ]] ([[records.online_level4|{records.online_level4} hồ sơ trực tuyến]]).",
	}
	onlineT = []string{
		"[[records.online|Có {records.online} hồ sơ trực tuyến]], [[records.online_rate|{Tile} HSTT: {records.online_rate}%]].",
		"[[records.online|Tổng số hồ sơ nộp trực tuyến: {records.online}]], [[records.online_rate|đạt {tile} {records.online_rate}%]] trên tổng số hồ sơ tiếp nhận.",
		"[[records.online_rate|{Tile} hồ sơ trực tuyến đạt {records.online_rate}%]] ([[records.online|{records.online} hồ sơ]]); dự kiến năm {next} đạt trên {x.planrate}%.",
	}
	paymentT = []string{
		"Tính từ ngày 01/01/{year} tới ngày 15/12/{year} [[payment.transactions|có {payment.transactions} giao dịch thanh toán trực tuyến]], [[payment.successful|trong đó có {payment.successful} giao dịch thành công]] [[payment.amount_vnd|với tổng số tiền thanh toán là {payment.amount_vnd}]].",
		"[[payment.transactions|Số giao dịch thanh toán trực tuyến: {payment.transactions}]] ([[payment.successful|{payment.successful} giao dịch thành công]]), [[payment.amount_vnd|số tiền thanh toán {payment.amount_vnd}]].",
		"Về thanh toán trực tuyến, [[payment.transactions|đã thực hiện {payment.transactions} giao dịch thanh toán trực tuyến]]; [[payment.amount_vnd|tổng số tiền đã thanh toán là {payment.amount_vnd}]].",
	}
	edocT = []string{
		"[[edoc.total|Tổng số văn bản điện tử gửi trên trục liên thông văn bản của {unit} là {edoc.total}]], trong đó [[edoc.internal|{edoc.internal} (nội bộ trong tỉnh)]], [[edoc.external|{edoc.external} (ngoài tỉnh)]]; [[edoc.signed|có {edoc.signed} văn bản điện tử được ký số]], [[edoc.signed_rate|đạt {tile} {edoc.signed_rate}%]].",
		"[[edoc.total|Tổng số văn bản trao đổi giữa các cơ quan nhà nước của {unit}: {edoc.total} văn bản]] ([[edoc.internal|nội tỉnh: {edoc.internal}]]; [[edoc.external|ngoài tỉnh: {edoc.external}]]). [[edoc.signed_rate|{Tile} văn bản được ký số đạt {edoc.signed_rate}%]].",
		"Trong năm {year}, [[edoc.total|các cơ quan nhà nước đã gửi, nhận {edoc.total} văn bản điện tử]] ([[edoc.internal|{edoc.internal} văn bản nội tỉnh]], [[edoc.external|{edoc.external} văn bản ngoài tỉnh]]), [[edoc.signed|{edoc.signed} văn bản được ký số]].",
	}
	emailT = []string{
		"[[email.accounts~over|Có trên {email.accounts} tài khoản thư điện tử công vụ]] được cấp cho cán bộ, công chức, viên chức.",
		"Hệ thống thư điện tử công vụ của {unit} [[email.accounts~approx|có khoảng {email.accounts} tài khoản thư điện tử]] đang hoạt động.",
		"[[email.accounts|Số tài khoản thư điện tử công vụ đã cấp: {email.accounts}]].",
	}
	certT = []string{
		"Đến nay, [[cert.total|số lượng Chứng thư số chuyên dùng Chính phủ cấp là {cert.total}]] ([[cert.personal|{cert.personal} cá nhân]], [[cert.organization|{cert.organization} tổ chức]]); [[cert.revoked~over|có hơn {cert.revoked} chứng thư số bị thu hồi]]; [[cert.active|{cert.active} chứng thư số đang hoạt động]].",
		"Ban Cơ yếu Chính phủ đã cấp cho các cơ quan của {unit} [[cert.total|{cert.total} chứng thư số chuyên dùng]], gồm [[cert.personal|chứng thư số cá nhân: {cert.personal}]]; [[cert.organization|chứng thư số tổ chức: {cert.organization}]].",
		"[[cert.total|Tổng số chứng thư số chuyên dùng đã cấp: {cert.total}]], trong đó [[cert.active|đang hoạt động: {cert.active}]], [[cert.revoked|bị thu hồi: {cert.revoked}]].",
	}
	simT = []string{
		"Ngoài ra, [[cert.sim_pki~over|có hơn {cert.sim_pki} SIM PKI ký số trên các thiết bị di động]].",
		"[[cert.sim_pki|Số SIM PKI đã cấp: {cert.sim_pki}]].",
		"[[cert.sim_pki|{cert.sim_pki} thuê bao SIM PKI]] đã được cấp cho lãnh đạo các cơ quan, đơn vị.",
	}
	malwareT = []string{
		"[[sec.malware_protected_machines|Tổng số máy tính được cài đặt hệ thống giám sát mã độc tập trung: {sec.malware_protected_machines} máy tính]]; hệ thống [[sec.malware_removed|đã tiêu diệt {sec.malware_removed} Virus]].",
		"Hệ thống phòng chống mã độc tập trung [[sec.malware_protected_machines|diệt virus cho {sec.malware_protected_machines} máy trạm]], [[sec.malware_removed|phát hiện và xử lý {sec.malware_removed} mã độc]].",
		"Đã triển khai phần mềm phòng chống mã độc tập trung cho [[sec.malware_protected_machines|{sec.malware_protected_machines} máy tính]] của các cơ quan nhà nước.",
	}
	incidentT = []string{
		"Trong năm {year}, Đội ứng cứu sự cố an toàn thông tin mạng của {unit} đã [[sec.incidents|phát hiện và xử lý {sec.incidents} sự cố]] an toàn thông tin mạng.",
		"[[sec.incidents|Số sự cố an toàn thông tin mạng đã xử lý: {sec.incidents}]].",
		"Đã tiếp nhận và [[sec.incidents|xử lý {sec.incidents} sự cố ATTT]], không để xảy ra mất an toàn thông tin nghiêm trọng.",
	}
	htttT = []string{
		"[[httt.total~approx|Toàn {unit} có khoảng {httt.total} HTTT]], trong đó [[httt.level2_approved|{httt.level2_approved} HTTT cấp độ 2]] và [[httt.level3_approved|{httt.level3_approved} HTTT cấp độ 3]] đã được phê duyệt hồ sơ đề xuất cấp độ.",
		"[[httt.level2_approved|Số lượng hệ thống thông tin cấp độ 2 đã phê duyệt là {httt.level2_approved}]]; [[httt.level3_approved|cấp độ 3 đã phê duyệt là {httt.level3_approved} hệ thống]].",
		"[[httt.total|Tổng số hệ thống thông tin cần xác định cấp độ: {httt.total}]]; [[httt.level2_approved|đã phê duyệt cấp độ 2: {httt.level2_approved}]]; [[httt.level3_approved|đã phê duyệt cấp độ 3: {httt.level3_approved}]].",
	}
	staffT = []string{
		"[[staff.it_total|Số lượng cán bộ chuyên trách về công nghệ thông tin tại các cơ quan nhà nước là {staff.it_total} người]] ([[staff.it_departments|tại các sở, ban, ngành {staff.it_departments} người]]; [[staff.it_district|tại UBND cấp huyện {staff.it_district} người]]).",
		"@province Toàn tỉnh có [[staff.it_total|{staff.it_total} cán bộ chuyên trách CNTT]], gồm [[staff.it_departments|{staff.it_departments} người ở cấp sở]] và [[staff.it_district|{staff.it_district} người ở cấp huyện]].",
		"@city Nhân lực CNTT: [[staff.it_total|{staff.it_total} cán bộ chuyên trách]] ([[staff.it_departments|các sở, ngành: {staff.it_departments} người]]; [[staff.it_district|UBND các quận, huyện: {staff.it_district} người]]).",
	}
	dataT = []string{
		"[[data.shared_databases|{Unit} đã hoàn thiện {data.shared_databases} cơ sở dữ liệu (CSDL) dùng chung]], phục vụ kết nối, chia sẻ qua nền tảng LGSP.",
		"[[data.shared_databases|Số CSDL dùng chung đã hoàn thành: {data.shared_databases}]].",
		"Đã xây dựng và đưa vào khai thác [[data.shared_databases|{data.shared_databases} CSDL dùng chung]] của {unit}.",
	}
	distractT = []string{
		"Dự kiến năm {next}, {province} phấn đấu cung cấp {x.plan4} DVCTT toàn trình và đạt {tile} hồ sơ trực tuyến trên {x.planrate}%.",
		"Triển khai hệ thống tư vấn khám chữa bệnh từ xa cho {x.hosp} bệnh viện và {x.ttyt} Trung tâm Y tế huyện; hệ thống quản lý tiêm chủng tại {x.tyt} Trạm Y tế xã.",
		"Có {x.lan} các sở, ngành, UBND cấp huyện, xã có kết nối vào mạng truyền số liệu chuyên dùng.",
		"Đã phân quyền cho hơn {x.account946} tài khoản của cán bộ, công chức thực hiện chứng thực bản sao điện tử từ bản chính trên Cổng Dịch vụ công Quốc gia.",
	}
	fillerS = []string{
		"Trên cơ sở các chủ trương, kế hoạch của Trung ương, UBND {province} đã ban hành các văn bản chỉ đạo, điều hành nhằm triển khai ứng dụng, phát triển công nghệ thông tin trên địa bàn.",
		"Trung tâm tích hợp dữ liệu của {unit} đặt tại Sở Thông tin và Truyền thông được trang bị đầy đủ các điều kiện để tích hợp các hệ thống phần mềm dùng chung.",
		"Hệ thống Quản lý văn bản và điều hành được triển khai đồng bộ đến toàn bộ các cơ quan nhà nước từ cấp tỉnh đến cấp xã.",
		"Nền tảng tích hợp, chia sẻ dữ liệu (LGSP) đã kết nối thành công với Trục kết nối, chia sẻ dữ liệu quốc gia (NGSP).",
		"Công tác tuyên truyền, nâng cao nhận thức về chuyển đổi số được đẩy mạnh trên các phương tiện thông tin đại chúng.",
		"Việc bảo đảm an toàn thông tin theo mô hình 4 lớp tiếp tục được triển khai tại các cơ quan, đơn vị.",
		"Nguồn nhân lực công nghệ thông tin còn thiếu và chưa đồng đều giữa các cơ quan, đơn vị, nhất là ở cấp xã.",
		"Kinh phí bố trí cho ứng dụng công nghệ thông tin còn hạn chế, chưa đáp ứng yêu cầu của chuyển đổi số.",
		"Một số phần mềm chuyên ngành do các bộ, ngành triển khai chưa kết nối, liên thông với hệ thống của địa phương.",
		"Các cơ quan, đơn vị đã thực hiện nghiêm việc gửi, nhận văn bản điện tử theo quy định.",
		"Sở Thông tin và Truyền thông đã tổ chức các lớp tập huấn kỹ năng về an toàn thông tin cho cán bộ, công chức.",
		"Việc số hóa hồ sơ, kết quả giải quyết thủ tục hành chính được triển khai theo lộ trình đã đề ra.",
	}
	docKinds  = [][2]string{{"Quyết định", "QĐ-UBND"}, {"Kế hoạch", "KH-UBND"}, {"Chỉ thị", "CT-UBND"}, {"Công văn", "UBND-KGVX"}}
	docTopics = []string{
		"ban hành Kế hoạch chuyển đổi số",
		"thành lập Đội ứng cứu sự cố an toàn thông tin mạng",
		"công bố Danh mục thủ tục hành chính được cung cấp trực tuyến",
		"ban hành Quy chế bảo đảm an toàn thông tin mạng trong hoạt động của cơ quan nhà nước",
		"phê duyệt Kiến trúc Chính quyền điện tử",
		"kiện toàn Ban Chỉ đạo về chuyển đổi số",
	}
	budgetPool = [][2]string{
		{"Duy trì hoạt động hệ thống Quản lý văn bản và điều hành", "Văn phòng UBND tỉnh"},
		{"Duy trì hoạt động hệ thống thông tin một cửa điện tử", "Văn phòng UBND tỉnh"},
		{"Trung tâm điều hành thông minh (IOC)", "Văn phòng UBND tỉnh"},
		{"Triển khai nền tảng tích hợp, chia sẻ dữ liệu (LGSP)", "Sở Thông tin và Truyền thông"},
		{"Triển khai hệ thống thư điện tử công vụ", "Sở Thông tin và Truyền thông"},
		{"Duy trì phần mềm quản lý cán bộ công chức, viên chức", "Sở Nội vụ"},
		{"Xây dựng cơ sở dữ liệu đất đai", "Sở Tài nguyên và Môi trường"},
		{"Nâng cấp Cổng thông tin điện tử", "Sở Thông tin và Truyền thông"},
	}
	securityPool = [][2]string{
		{"Triển khai Trung tâm giám sát và điều hành an toàn thông tin (SOC)", "Sở Thông tin và Truyền thông"},
		{"Phần mềm phòng chống mã độc tập trung cho các máy tính trên địa bàn", "Sở Thông tin và Truyền thông"},
		{"Tập huấn, diễn tập ứng cứu sự cố bảo đảm an toàn thông tin mạng", "Sở Thông tin và Truyền thông"},
	}
)

// socWords gives the wording of each SOC status.
var socWords = map[string][]string{
	"none":        {"[[soc.status|{province} chưa triển khai Trung tâm giám sát, điều hành an toàn, an ninh mạng (SOC)]] do chưa bố trí được kinh phí."},
	"planned":     {"[[soc.status|Trung tâm giám sát, điều hành an toàn, an ninh mạng (SOC) của {unit} đã được phê duyệt chủ trương, dự kiến triển khai trong năm {next}]]."},
	"pilot":       {"[[soc.status|Trung tâm điều hành an toàn, an ninh mạng SOC của {unit} đang được triển khai thực hiện thí điểm]]."},
	"in_progress": {"[[soc.status|Hệ thống giám sát an toàn thông tin (SOC) của {unit} hiện đang trong quá trình triển khai]]."},
	"operational": {"[[soc.status|Trung tâm giám sát, điều hành an toàn, an ninh mạng (SOC) của {unit} đã chính thức đi vào hoạt động]]."},
}

// write lays out the report body.
func (g *gen) write(i int) {
	g.heading(strings.ToUpper("Ủy ban nhân dân " + g.unitName()))
	g.para(fmt.Sprintf("Số: %d/BC-UBND", 100+i))
	g.heading("BÁO CÁO")
	g.heading(fmt.Sprintf("Kết quả thực hiện kế hoạch phát triển chính quyền số và bảo đảm an toàn thông tin mạng năm %d", g.year))
	g.para("Kính gửi: Bộ Thông tin và Truyền thông")

	g.heading("I. KẾT QUẢ THỰC HIỆN KẾ HOẠCH PHÁT TRIỂN CHÍNH QUYỀN SỐ VÀ BẢO ĐẢM AN TOÀN THÔNG TIN MẠNG")
	g.heading("1. Công tác chỉ đạo, điều hành")
	g.para(g.expand(fillerS[0]))
	for n := 0; n < 2+g.rng.IntN(3); n++ {
		g.para(g.docRef())
	}
	g.heading("2. Hạ tầng kỹ thuật và các hệ thống nền tảng")
	g.filler(2)
	g.maybe(0.6, func() { g.para(g.pick(distractT)) })
	g.maybe(0.8, func() { g.para(g.pick(dataT)) })

	g.heading("3. Dịch vụ công trực tuyến")
	g.para(g.pick(tthcT, "tthc.provincial", "tthc.district", "tthc.commune", "tthc.multilevel"))
	g.para(g.pick(dvcT, "dvc.level4_rate"))
	g.maybe(0.6, func() { g.para(g.pick(dvcRecT)) })
	if g.chance(0.3) {
		// A figure given in a footnote.
		g.footnote(g.pick(portalT))
	} else {
		g.maybe(0.7, func() { g.para(g.pick(portalT)) })
	}
	g.para(g.pick(recordsT))
	switch r := g.rng.Float64(); {
	case r < 0.35:
		g.recordsTable()
	case r < 0.75:
		g.para(g.pick(levelsT))
	}
	if g.stated["records.online_level3"] || g.chance(0.6) {
		g.para(g.pick(onlineT))
	}
	g.maybe(0.7, func() { g.para(g.pick(paymentT)) })
	g.maybe(0.5, func() { g.para(g.pick(distractT)) })

	g.heading("4. Ứng dụng công nghệ thông tin trong hoạt động của cơ quan nhà nước")
	g.filler(1)
	g.maybe(0.85, func() { g.para(g.pick(edocT)) })
	g.maybe(0.7, func() { g.para(g.pick(emailT)) })
	g.maybe(0.75, func() { g.para(g.pick(certT)) })
	if g.chance(0.25) && len(g.blocks) > 0 {
		g.footnote(g.pick(simT))
	} else {
		g.maybe(0.5, func() { g.para(g.pick(simT)) })
	}

	g.heading("5. Bảo đảm an toàn thông tin mạng")
	g.filler(1)
	g.maybe(0.7, func() { g.para(g.pick(socWords[g.figs["soc.status"].str])) })
	if g.stated["soc.status"] && g.figs["soc.ncsc_connected"].b && g.chance(0.7) {
		g.para(g.expand("[[soc.ncsc_connected|SOC " + g.unitName() + " kết nối với Trung tâm giám sát không gian mạng quốc gia (NCSC)]] và chia sẻ thông tin giám sát theo quy định."))
	}
	g.maybe(0.75, func() { g.para(g.pick(malwareT)) })
	g.maybe(0.6, func() { g.para(g.pick(incidentT)) })
	g.maybe(0.7, func() { g.para(g.pick(htttT)) })

	g.heading("6. Nguồn nhân lực và kinh phí")
	g.maybe(0.7, func() { g.para(g.pick(staffT, "staff.it_departments", "staff.it_district")) })
	g.maybe(0.6, g.budgetTable)
	g.filler(1)

	g.heading("II. ĐÁNH GIÁ CHUNG")
	g.filler(2)
	g.heading(fmt.Sprintf("III. KẾ HOẠCH NĂM %d", g.year+1))
	g.para(g.expand(distractT[0]))
	// Filler up to the requested length (about 3 500 characters a page).
	for n := 0; g.pages > 0 && g.length() < g.pages*3500 && n < 1000; n++ {
		if n%6 == 0 {
			g.heading(fmt.Sprintf("%d. Nội dung khác", n/6+1))
		}
		g.filler(1)
	}
	g.para("Trên đây là báo cáo kết quả thực hiện kế hoạch phát triển chính quyền số và bảo đảm an toàn thông tin mạng của " + g.unitName() + ".")
}

func (g *gen) maybe(p float64, f func()) {
	if g.chance(p) {
		f()
	}
}

func (g *gen) length() int {
	n := 0
	for _, b := range g.blocks {
		n += len(b.Text) + 40*len(b.Rows)
	}
	return n
}

// filler adds n paragraphs of 2–4 sentences that carry no metric.
func (g *gen) filler(n int) {
	for range n {
		var s []string
		for _, k := range g.rng.Perm(len(fillerS))[:2+g.rng.IntN(3)] {
			s = append(s, g.expand(fillerS[k]))
		}
		if g.chance(0.3) {
			s = append(s, "Thực hiện "+strings.TrimPrefix(g.docRef(), "- ")+".")
		}
		g.para(strings.Join(s, " "))
	}
}

// docRef is a reference to a decision or plan: a distractor full of
// numbers and dates.
func (g *gen) docRef() string {
	year := g.year - g.rng.IntN(2)
	kind := docKinds[g.rng.IntN(len(docKinds))]
	return fmt.Sprintf("- %s số %d/%s ngày %02d/%d/%d của UBND %s về việc %s.",
		kind[0], 100+g.rng.IntN(4900), kind[1],
		1+g.rng.IntN(28), 1+g.rng.IntN(12), year, g.unitWord(), docTopics[g.rng.IntN(len(docTopics))])
}

func (g *gen) unitWord() string {
	if g.p.City {
		return "thành phố"
	}
	return "tỉnh"
}

// recordsTable states the records by level in a table with a
// "Tổng cộng" row.
func (g *gen) recordsTable() {
	g.para(fmt.Sprintf("Kết quả tiếp nhận, giải quyết hồ sơ năm %d theo mức độ dịch vụ công như sau:", g.year))
	cell := func(code string) string {
		v := g.value(code)
		g.state(code, "", v)
		return v
	}
	rows := [][]string{
		{"STT", "Mức độ dịch vụ công", "Số hồ sơ tiếp nhận", "Trong đó: hồ sơ trực tuyến"},
		{"1", "Mức độ 2", cell("records.level2"), "-"},
		{"2", "Mức độ 3", cell("records.level3"), cell("records.online_level3")},
		{"3", "Mức độ 4", cell("records.level4"), cell("records.online_level4")},
	}
	total := cell("records.total")
	online := "-"
	if g.figs["records.online"].v == g.figs["records.online_level3"].v+g.figs["records.online_level4"].v {
		online = cell("records.online")
	}
	rows = append(rows, []string{"", "Tổng cộng", total, online})
	g.blocks = append(g.blocks, Block{Kind: Table, Rows: rows})
}

// budgetTable lists budget items with a "Tổng cộng" row, and states the
// security share.
func (g *gen) budgetTable() {
	n := 3 + g.rng.IntN(4)
	perm := g.rng.Perm(len(budgetPool))
	var items [][2]string
	for _, k := range perm[:min(n, len(perm))] {
		items = append(items, budgetPool[k])
	}
	nsec := 1 + g.rng.IntN(len(securityPool))
	items = append(items, securityPool[:nsec]...)
	var total, security int64
	rows := [][]string{{"STT", "Tên nhiệm vụ, dự án", "Cơ quan chủ trì", "Kinh phí (triệu đồng)", "Nguồn vốn"}}
	owner := func(o string) string {
		if g.p.City {
			return strings.ReplaceAll(o, "UBND tỉnh", "UBND thành phố")
		}
		return o
	}
	for k, it := range items {
		amount := int64(g.between(100, 5000)) * 1_000_000
		if g.chance(0.3) {
			amount += int64(g.between(1, 999)) * 1000
		}
		src := []string{"NSDP", "NSTW", "NSDP"}[g.rng.IntN(3)]
		total += amount
		if k >= len(items)-nsec {
			security += amount
		}
		g.budget = append(g.budget, rules.GoldBudgetItem{No: k + 1, Name: it[0], Owner: owner(it[1]), AmountVND: float64(amount), Source: src})
		rows = append(rows, []string{fmt.Sprint(k + 1), it[0], owner(it[1]), g.st.fmtDec(float64(amount)/1e6, 3, false), src})
	}
	g.set("budget.total_vnd", float64(total)).text = g.st.fmtDec(float64(total)/1e6, 3, false) + " triệu đồng"
	g.set("budget.security_vnd", float64(security)).text = g.st.fmtDec(float64(security)/1e6, 3, false) + " triệu đồng"
	g.para(g.expand(fmt.Sprintf("Tổng kinh phí thực hiện các nhiệm vụ phát triển chính quyền số [[budget.total_vnd|năm %d: {budget.total_vnd}]], chi tiết tại bảng sau:", g.year)))
	totalCell := g.st.fmtDec(float64(total)/1e6, 3, false)
	rows = append(rows, []string{"", "Tổng cộng", "", totalCell, ""})
	g.blocks = append(g.blocks, Block{Kind: Table, Rows: rows})
	g.para(g.expand("[[budget.security_vnd|Kinh phí cho các nhiệm vụ, dự án về an toàn thông tin mạng: {budget.security_vnd}]]."))
}

// moneyWords writes payment.amount_vnd, a multiple of 10^8, as "hơn
// 4,9 tỷ đồng", "4.900 triệu đồng" or in đồng.
func (g *gen) moneyWords() {
	f := g.figs["payment.amount_vnd"]
	switch g.rng.IntN(3) {
	case 0:
		f.text = "hơn " + g.st.fmtDec(f.v/1e9, 1, false) + " tỷ đồng"
		f.qual = "over"
	case 1:
		f.text = g.st.fmtInt(int64(f.v/1e6)) + " triệu đồng"
	default:
		s := g.st
		s.noSepSmall = false
		f.text = s.fmtInt(int64(f.v)) + " đồng"
	}
}
