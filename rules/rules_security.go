package rules

// Rules for information security (anti-malware, incidents, information
// systems by security level), IT staff, shared databases and budgets
// stated in the text.
func init() {
	ruleSets = append(ruleSets, []Rule{
		{ID: "sec.malware_protected_machines.label", Metric: "sec.malware_protected_machines", Priority: 30,
			Pattern: `(?:tổng\s*)?số\s*(?:lượng\s*)?máy (?:tính|trạm)[^.;:]{0,20}?(?:được\s*)?(?:cài đặt|kết nối|quản lý|bảo vệ)[^.;:]{0,60}?(?:mã độc|virus|diệt virus|phòng chống)[^.;:]{0,30}?(?::|là)\s*{N}`},
		{ID: "sec.malware_protected_machines.for", Metric: "sec.malware_protected_machines", Priority: 30,
			Pattern: `(?:diệt virus|phòng chống mã độc|phòng, chống mã độc|mã độc tập trung|bảo vệ|phần mềm diệt virus)[^.;\d]{0,30}?cho\s*{N}\s*máy (?:tính|trạm)`},
		{ID: "sec.malware_protected_machines.count-first", Metric: "sec.malware_protected_machines", Priority: 25,
			Pattern: `{N}\s*máy (?:tính|trạm)[^.;\d]{0,30}?(?:được\s*)?(?:cài đặt|kết nối|bảo vệ|quản lý)[^.;\d]{0,60}?(?:phòng chống mã độc|phòng, chống mã độc|mã độc tập trung|quản lý tập trung|diệt virus|phần mềm độc hại)`},
		{ID: "sec.malware_removed.verb", Metric: "sec.malware_removed", Priority: 30,
			Pattern: `(?:tiêu diệt|diệt|xử lý|phát hiện và xử lý|gỡ bỏ|bóc gỡ|loại bỏ|phát hiện, xử lý)\s*(?:được\s*)?(?:thành công\s*)?{N}\s*(?:lượt\s*)?(?:virus|mã độc|phần mềm độc hại|tệp tin (?:độc hại|nhiễm mã độc)|tập tin (?:độc hại|nhiễm mã độc))`},
		{ID: "sec.malware_removed.label", Metric: "sec.malware_removed", Priority: 25,
			Pattern: `(?:số\s*)?(?:lượng\s*)?(?:mã độc|virus)\s*(?:đã\s*)?(?:được\s*)?(?:xử lý|tiêu diệt|gỡ bỏ|bóc gỡ)\s*(?::|là)\s*{N}`},
		{ID: "sec.incidents.verb", Metric: "sec.incidents", Priority: 30,
			Pattern: `(?:phát hiện và xử lý|phát hiện, xử lý|xử lý|ứng cứu|khắc phục|tiếp nhận và xử lý|hỗ trợ xử lý|điều phối xử lý)\s*(?:được\s*)?(?:thành công\s*)?{N}\s*(?:vụ\s*)?sự cố`},
		{ID: "sec.incidents.label", Metric: "sec.incidents", Priority: 25,
			Pattern: `(?:số\s*)?(?:lượng\s*)?sự cố\s*(?:an toàn thông tin|ATTT|mất an toàn thông tin)?(?: mạng)?\s*(?:đã\s*)?(?:được\s*)?(?:phát hiện|xử lý|ứng cứu|khắc phục)[^.;:\d]{0,20}?(?::|là)\s*{N}`},

		{ID: "httt.total.count-first", Metric: "httt.total", Priority: 30,
			Pattern: `(?:có|toàn tỉnh có|toàn thành phố có|tổng số|tổng cộng|đã xác định|xác định)\s*{N}\s*(?:HTTT|hệ thống thông tin)`,
			Reject:  `cấp độ`, RejectSeg: `kiểm tra|đánh giá đối với`},
		{ID: "httt.total.label", Metric: "httt.total", Priority: 25,
			Pattern: `tổng\s*số\s*(?:HTTT|hệ thống thông tin)[^.;:\d]{0,40}?(?::|là)\s*{N}`,
			Reject:  `cấp độ (?:[23]|ii|iii)|phê duyệt`},
		{ID: "httt.level2_approved.label", Metric: "httt.level2_approved", Priority: 30,
			Pattern: `(?:HTTT|hệ thống thông tin)\s*cấp độ (?:2|II)[^.;:\d]{0,30}?(?:đã\s*)?(?:được\s*)?phê duyệt\s*(?::|là)?\s*{N}`},
		{ID: "httt.level2_approved.count-first", Metric: "httt.level2_approved", Priority: 25,
			Pattern: `{N}\s*(?:HTTT|hệ thống thông tin|hệ thống)\s*(?:ở\s*|theo\s*)?cấp độ (?:2|II)\b`,
			Require: `phê duyệt`},
		{ID: "httt.level3_approved.label", Metric: "httt.level3_approved", Priority: 30,
			Pattern: `(?:HTTT|hệ thống thông tin)?\s*cấp độ (?:3|III)[^.;:\d]{0,30}?(?:đã\s*)?(?:được\s*)?phê duyệt\s*(?::|là)?\s*{N}`},
		{ID: "httt.level3_approved.count-first", Metric: "httt.level3_approved", Priority: 25,
			Pattern: `{N}\s*(?:HTTT|hệ thống thông tin|hệ thống)\s*(?:ở\s*|theo\s*)?cấp độ (?:3|III)\b`,
			Require: `phê duyệt`},

		{ID: "staff.it_total.label", Metric: "staff.it_total", Priority: 30,
			Pattern: `(?:cán bộ|công chức|nhân lực|người)[^.;:\d]{0,20}?chuyên trách\s*(?:về\s*)?(?:công nghệ thông tin|CNTT)[^.;:\d]{0,80}?(?::|là|có)\s*{N}\s*(?:người|cán bộ)?`},
		{ID: "staff.it_total.count-first", Metric: "staff.it_total", Priority: 25,
			Pattern: `{N}\s*(?:người|cán bộ|công chức)\s*chuyên trách\s*(?:về\s*)?(?:CNTT|công nghệ thông tin)`},
		{ID: "staff.it_departments.at", Metric: "staff.it_departments", Priority: 30,
			Pattern: `(?:tại|ở|thuộc)\s*(?:các\s*)?(?:sở, ban, ngành|sở, ngành|cơ quan chuyên môn cấp tỉnh|cơ quan cấp tỉnh)\s*(?::|là|có)?\s*{N}\s*(?:người|cán bộ)`,
			Require: `chuyên trách|CNTT|công nghệ thông tin`},
		{ID: "staff.it_departments.count-first", Metric: "staff.it_departments", Priority: 25,
			Pattern: `{N}\s*(?:người|cán bộ)\s*(?:tại|ở|thuộc)\s*(?:các\s*)?(?:sở, ban, ngành|sở, ngành|cơ quan chuyên môn cấp tỉnh|cơ quan cấp tỉnh|cấp sở|cấp tỉnh)`,
			Require: `chuyên trách|CNTT|công nghệ thông tin`},
		{ID: "staff.it_district.at", Metric: "staff.it_district", Priority: 30,
			Pattern: `(?:tại|ở|thuộc)\s*(?:các\s*)?(?:UBND\s*)?(?:cấp huyện|các huyện|quận, huyện|huyện, thị xã, thành phố)\s*(?::|là|có)?\s*{N}\s*(?:người|cán bộ)`,
			Require: `chuyên trách|CNTT|công nghệ thông tin`},
		{ID: "staff.it_district.count-first", Metric: "staff.it_district", Priority: 25,
			Pattern: `{N}\s*(?:người|cán bộ)\s*(?:tại|ở|thuộc)\s*(?:các\s*)?(?:UBND\s*)?(?:cấp huyện|các huyện|quận, huyện|cấp quận, huyện|huyện, thị xã, thành phố)`,
			Require: `chuyên trách|CNTT|công nghệ thông tin`},

		{ID: "data.shared_databases.count", Metric: "data.shared_databases", Priority: 30,
			Pattern: `(?:hoàn thiện|xây dựng|triển khai|có|hoàn thành|đưa vào sử dụng|đưa vào vận hành|đưa vào khai thác)\s*(?:được\s*)?{N}\s*(?:cơ sở dữ liệu|CSDL)(?:\s*\([^)]{0,10}\))?\s*dùng chung`},
		{ID: "data.shared_databases.label", Metric: "data.shared_databases", Priority: 25,
			Pattern: `(?:số\s*)?(?:lượng\s*)?(?:CSDL|cơ sở dữ liệu) dùng chung[^.;:\d]{0,30}?(?::|là|đã xây dựng|đã hoàn thành|đưa vào sử dụng)\s*{N}`},

		{ID: "budget.total_vnd.stated", Metric: "budget.total_vnd", Priority: 30,
			Pattern: `(?:tổng\s*)?(?:kinh phí|nguồn vốn|vốn)[^.;:]{0,140}?(?::|là|đạt|khoảng)\s*{M}`,
			Reject:  `^kinh phí[^:]{0,30}(?:an toàn thông tin|ATTT|an ninh mạng)|dự kiến|kế hoạch năm`},
		{ID: "budget.security_vnd.stated", Metric: "budget.security_vnd", Priority: 30,
			Pattern: `kinh phí[^.;:\d]{0,30}?(?:an toàn thông tin|ATTT|an toàn, an ninh)[^.;:\d]{0,40}?(?::|là|đạt)?\s*{M}`,
			Reject:  `chính quyền số|chính quyền điện tử|chuyển đổi số`},
	})
}
