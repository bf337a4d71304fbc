package rules_test

import "testing"

// TestCertificateWording checks the certificates family on the wordings
// of real reports, written for this test in the styles of several
// provinces: certificates without "chuyên dùng", called signatures or
// both ("chứng thư số, chữ ký số"), by holder, active ones and their
// kinds in a bracket, SIM signing, and counts of holders beside the noun.
func TestCertificateWording(t *testing.T) {
	checkParaphrases(t, []paraphrase{
		// Both nouns, issued, active, revoked.
		{"Lũy kế đến nay, toàn tỉnh có 4.112 chứng thư số, chữ ký số được cấp cho các cơ quan, địa phương và cá nhân.", "cert.total", "4112", ""},
		{"Toàn tỉnh hiện có 2.960 chữ ký số, chứng thư số được cấp phục vụ công tác chuyên môn.", "cert.total", "2960", ""},
		{"Trong số đó, chữ ký số, chứng thư số đang hoạt động là 3.870; đã thu hồi 242 chữ ký số, chứng thư số.", "cert.active", "3870", ""},
		{"Trong số đó, chữ ký số, chứng thư số đang hoạt động là 3.870; đã thu hồi 242 chữ ký số, chứng thư số.", "cert.revoked", "242", ""},
		{"Số lượng chứng thư số chuyên dùng đang hoạt động là 5.214 chứng thư, trong đó 4.390 chứng thư số cá nhân, 824 chứng thư số tổ chức.", "cert.active", "5214", ""},
		{"Số lượng chứng thư số chuyên dùng đang hoạt động là 5.214 chứng thư, trong đó 4.390 chứng thư số cá nhân, 824 chứng thư số tổ chức.", "cert.total", "", ""},
		{"Số lượng chứng thư số chuyên dùng đang hoạt động là 5.214 chứng thư, trong đó 4.390 chứng thư số cá nhân, 824 chứng thư số tổ chức.", "cert.organization", "824", ""},
		{"Hiện có 1.907 chứng thư số chuyên dùng còn hiệu lực.", "cert.active", "1907", ""},
		{"Hiện có 1.907 chứng thư số chuyên dùng còn hiệu lực.", "cert.total", "", ""},
		// Without "cấp": the adjective names the government's certificates.
		{"100% văn bản đi được ký số, với gần 12.400 chứng thư số chuyên dùng và khoảng 11.000 tài khoản thư công vụ.", "cert.total", "12400", "approx"},
		{"100% văn bản đi được ký số, với gần 12.400 chứng thư số chuyên dùng và khoảng 11.000 tài khoản thư công vụ.", "email.accounts", "11000", "approx"},
		// By holder, signatures issued to people and agencies.
		{"Sở đã phối hợp với Ban Cơ yếu Chính phủ cấp 1.046 chữ ký số, chứng thư số cho cá nhân và 271 chữ ký số, chứng thư số cho các cơ quan, đơn vị.", "cert.personal", "1046", ""},
		{"Sở đã phối hợp với Ban Cơ yếu Chính phủ cấp 1.046 chữ ký số, chứng thư số cho cá nhân và 271 chữ ký số, chứng thư số cho các cơ quan, đơn vị.", "cert.organization", "271", ""},
		{"Sở đã phối hợp với Ban Cơ yếu Chính phủ cấp 1.046 chữ ký số, chứng thư số cho cá nhân và 271 chữ ký số, chứng thư số cho các cơ quan, đơn vị.", "cert.total", "", ""},
		{"Toàn tỉnh đã cấp khoảng 3.500 chữ ký số cho cán bộ, công chức, viên chức.", "cert.personal", "3500", "approx"},
		{"Tỉnh đã cấp 640 chứng thư số cho lãnh đạo các sở, ngành và địa phương.", "cert.personal", "640", ""},
		// A count of holders is no count of certificates.
		{"Năm 2023 đã cấp chứng thư số cho 47 cơ quan, đơn vị với tổng số 1.985 chứng thư.", "cert.organization", "", ""},
		{"Năm 2023 đã cấp chứng thư số cho 47 cơ quan, đơn vị với tổng số 1.985 chứng thư.", "cert.total", "1985", ""},
		{"Ban Cơ yếu đã cấp chứng thư số tổ chức cho 63 đơn vị trong tỉnh.", "cert.organization", "", ""},
		{"Đã cấp chứng thư số cá nhân cho 212 cá nhân là lãnh đạo các cấp.", "cert.personal", "", ""},
		// Both kinds of holder after the certificates: the split, one
		// certificate per holder.
		{"Năm qua, Sở đã đề nghị cấp chứng thư số cho 264 tổ chức và 1.390 cá nhân thuộc các cơ quan nhà nước.", "cert.organization", "264", ""},
		{"Năm qua, Sở đã đề nghị cấp chứng thư số cho 264 tổ chức và 1.390 cá nhân thuộc các cơ quan nhà nước.", "cert.personal", "1390", ""},
		{"Tỉnh đã cấp chứng thư số chuyên dùng Chính phủ cho 2.075 cá nhân, 318 tổ chức từ cấp tỉnh đến cấp xã.", "cert.organization", "318", ""},
		{"Tỉnh đã cấp chứng thư số chuyên dùng Chính phủ cho 2.075 cá nhân, 318 tổ chức từ cấp tỉnh đến cấp xã.", "cert.personal", "2075", ""},
		{"Lũy kế, Ban Cơ yếu cấp chữ ký số, chứng thư số cho 96 tổ chức, 845 cá nhân trên địa bàn.", "cert.organization", "96", ""},
		{"Lũy kế, Ban Cơ yếu cấp chữ ký số, chứng thư số cho 96 tổ chức, 845 cá nhân trên địa bàn.", "cert.total", "", ""},
		// A total that names both holders is no count of one of them;
		// a holder labelled before its figure is that figure's.
		{"Tổng cộng đã cấp 4.315 chứng thư số của tổ chức, cá nhân trên toàn tỉnh.", "cert.organization", "", ""},
		{"Lũy kế cấp 2.870 chữ ký số cho cá nhân và tổ chức, trong đó cá nhân 2.318 chứng thư, tổ chức 552 chứng thư.", "cert.personal", "2318", ""},
		{"Lũy kế cấp 2.870 chữ ký số cho cá nhân và tổ chức, trong đó cá nhân 2.318 chứng thư, tổ chức 552 chứng thư.", "cert.organization", "552", ""},
		{"Số chứng thư số đã cấp gồm: cá nhân 1.604 chứng thư, tổ chức 377 chứng thư, SIM ký số 92.", "cert.organization", "377", ""},
		// SIMs issued to people count the SIMs; to agencies, the agencies.
		{"Sở đã phối hợp cấp phôi SIM PKI có tích hợp chữ ký số cho 87 lãnh đạo các sở, ngành và địa phương.", "cert.sim_pki", "87", ""},
		{"Triển khai SIM ký số cho 142 cá nhân để ký văn bản trên điện thoại di động.", "cert.sim_pki", "142", ""},
		{"Năm 2022 đã cấp SIM PKI cho 61 lãnh đạo UBND cấp huyện, cấp xã.", "cert.sim_pki", "61", ""},
		// A level after the recipients says who they are, not whose
		// figure it is.
		{"Đã cấp SIM ký số cho 48 lãnh đạo UBND cấp xã, phường.", "cert.sim_pki", "48", ""},
		{"Trong năm, cấp SIM PKI cho 33 lãnh đạo UBND cấp huyện.", "cert.sim_pki", "33", ""},
		{"Tỉnh đã cấp SIM ký số cho 27 lãnh đạo các cơ quan cấp xã, phường.", "cert.sim_pki", "27", ""},
		{"Đã cấp SIM PKI cho 15 cơ quan, đơn vị để thử nghiệm ký số di động.", "cert.sim_pki", "", ""},
		// SIM signing and kinds of carrier in a bracket.
		{"Cấp 35 sim ký di động cho lãnh đạo UBND các huyện, thành phố.", "cert.sim_pki", "35", ""},
		{"Toàn tỉnh hiện có 18 chữ ký số (Sim PKI) đủ điều kiện ký số trên thiết bị di động.", "cert.sim_pki", "18", ""},
		{"Số chứng thư số đang sử dụng là 2.316 (trong đó 2.201 USB Token, 115 SIM ký số).", "cert.sim_pki", "115", ""},
		{"Số chứng thư số đang sử dụng là 2.316 (trong đó 2.201 USB Token, 115 SIM ký số).", "cert.active", "2316", ""},
		// A count of SIMs is no count of certificates issued.
		{"Số SIM PKI đã cấp: 628.", "cert.total", "", ""},
		{"Số SIM PKI đã cấp: 628.", "cert.sim_pki", "628", ""},
		// Signatures on documents are no certificates.
		{"Có 15.420 văn bản có chữ ký số được gửi qua trục liên thông.", "cert.total", "", ""},
		{"Trong năm, cấp mới 418 chữ ký số, chứng thư số cho cán bộ mới được bổ nhiệm.", "cert.total", "", ""},
	})
}

// TestEmailWording checks official e-mail accounts in the wordings of
// real reports.
func TestEmailWording(t *testing.T) {
	checkParaphrases(t, []paraphrase{
		{"Toàn tỉnh đã cấp trên 9.200 tài khoản thư điện tử công vụ cho cán bộ, công chức.", "email.accounts", "9200", "over"},
		{"Hệ thống hiện quản lý gần 21.000 tài khoản thư công vụ của các cơ quan, đơn vị.", "email.accounts", "21000", "approx"},
		{"Đã cấp 6.430 hộp thư công vụ cho cán bộ từ cấp tỉnh đến cấp xã.", "email.accounts", "6430", ""},
		{"Số tài khoản thư điện tử công vụ được cấp: 7.815.", "email.accounts", "7815", ""},
		// User accounts of other systems are no e-mail accounts.
		{"Phần mềm quản lý văn bản có 13.250 tài khoản người dùng.", "email.accounts", "", ""},
		{"Ứng dụng công dân số có hơn 1,2 triệu tài khoản đăng ký.", "email.accounts", "", ""},
	})
}

// TestNewCertificatesByHolder checks that certificates issued anew in
// the period, by holder ("cấp mới 1.210 chữ ký số cá nhân, 95 chữ ký số
// tổ chức"), are not the split by holder of all the certificates issued,
// in the styles of several provinces; the split of the cumulative count
// is still read.
func TestNewCertificatesByHolder(t *testing.T) {
	checkParaphrases(t, []paraphrase{
		{"Trong 6 tháng, Sở đã cấp mới 1.210 chữ ký số cá nhân, 95 chữ ký số tổ chức; lũy kế đã cấp 18.400 chữ ký số.", "cert.personal", "", ""},
		{"Trong 6 tháng, Sở đã cấp mới 1.210 chữ ký số cá nhân, 95 chữ ký số tổ chức; lũy kế đã cấp 18.400 chữ ký số.", "cert.organization", "", ""},
		{"Năm 2023, tỉnh tiếp tục cấp mới 640 chứng thư số cá nhân và 72 chứng thư số tổ chức cho các cơ quan.", "cert.personal", "", ""},
		{"Quý III, thành phố cấp mới 312 chứng thư số tổ chức.", "cert.organization", "", ""},
		{"Lũy kế đến nay, toàn tỉnh đã cấp 9.846 chứng thư số, gồm 7.512 chứng thư số cá nhân, 2.334 chứng thư số tổ chức.", "cert.personal", "7512", ""},
		{"Lũy kế đến tháng 11, đã cấp 5.400 chứng thư số chuyên dùng (gồm 1.020 chứng thư số của cơ quan, tổ chức và 4.380 chứng thư số của cá nhân), trong đó năm nay cấp mới 960 chứng thư số.", "cert.personal", "4380", ""},
	})
}

// TestPublicCertificates checks that certificates of the public
// certification services (named "công cộng", or counted for businesses
// or the people) are not the government's, in the styles of several
// provinces; certificates of agencies and organisations still are.
func TestPublicCertificates(t *testing.T) {
	checkParaphrases(t, []paraphrase{
		{"Đến nay, trên địa bàn tỉnh có khoảng 12.500 chứng thư số được cấp cho tổ chức, doanh nghiệp.", "cert.total", "", ""},
		{"Toàn tỉnh đã có 48.200 chữ ký số công cộng được cấp cho cá nhân.", "cert.total", "", ""},
		{"Các nhà mạng đã cấp 9.100 chứng thư số cho người dân trên địa bàn thành phố.", "cert.total", "", ""},
		{"Tính đến cuối quý, toàn tỉnh có 12.500 chứng thư số được cấp cho tổ chức, doanh nghiệp và 5.900 chứng thư số cho cá nhân.", "cert.total", "", ""},
		{"Toàn tỉnh có 7.300 chứng thư số được cấp cho cơ quan, tổ chức.", "cert.total", "7300", ""},
	})
}
