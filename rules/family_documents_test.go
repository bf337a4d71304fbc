package rules_test

import "testing"

// TestDocumentWording checks the documents family on the wordings of
// real reports, written for this test in the styles of several
// provinces: exchanges counted as "lượt", the signed share in a long
// sentence, rates of agencies that are no rates of documents, and the
// share of documents exchanged in electronic form.
func TestDocumentWording(t *testing.T) {
	checkParaphrases(t, []paraphrase{
		// Exchanges.
		{"Tổng số lượt trao đổi, xử lý văn bản điện tử trong năm đạt hơn 3,2 triệu lượt.", "edoc.total", "3200000", "over"},
		{"Số lượt gửi, nhận văn bản điện tử: 1.845.210 lượt.", "edoc.total", "1845210", ""},
		{"Năm qua có 2,6 triệu lượt văn bản điện tử được trao đổi giữa các cơ quan.", "edoc.total", "2600000", ""},
		{"Hệ thống ghi nhận hơn 1 triệu lượt trao đổi giữa các cấp.", "edoc.total", "", ""},
		{"Tổng số văn bản điện tử gửi, nhận là 257.7575 văn bản.", "edoc.total", "", ""},
		// The denominator named before the signed share; a change is no
		// share.
		{"Tỷ lệ văn bản điện tử có ký số trên tổng số văn bản đi của các cơ quan nhà nước trên địa bàn tỉnh là 81,4%.", "edoc.signed_rate", "81.4", ""},
		{"Tỷ lệ văn bản đi có ký số trên tổng số văn bản phát hành trong năm đạt 92,15%.", "edoc.signed_rate", "92.15", ""},
		{"Tỉ lệ văn bản có ký số so với tổng số văn bản đi của toàn tỉnh: 67%.", "edoc.signed_rate", "67", ""},
		{"Tỷ lệ văn bản điện tử có ký số trên tổng số văn bản đi trong năm tăng 15% so với năm trước.", "edoc.signed_rate", "", ""},
		// The signed share, also in a long sentence.
		{"Trên 97% văn bản hành chính được gửi, nhận giữa các cơ quan nhà nước của tỉnh dưới dạng văn bản điện tử có sử dụng chữ ký số.", "edoc.signed_rate", "97", "over"},
		{"Tổng số lượt trao đổi văn bản điện tử hơn 2 triệu lượt, tỉ lệ ký số đạt 96,4%.", "edoc.signed_rate", "96.4", ""},
		// Rates of agencies.
		{"Ở cấp huyện, 05 cơ quan, đơn vị có tỷ lệ ký số đạt 100%.", "edoc.signed_rate", "", ""},
		{"Tỷ lệ cơ quan, đơn vị áp dụng chữ ký số trong trao đổi văn bản điện tử đạt 100%.", "edoc.signed_rate", "", ""},
		{"Tỷ lệ cơ quan nhà nước có văn bản điện tử gửi đi được ký số đạt 100%.", "edoc.signed_rate", "", ""},
		{"Tỷ lệ đơn vị hành chính cấp xã có văn bản đi được ký số trên môi trường mạng đạt 97,5%.", "edoc.signed_rate", "", ""},
		{"Tỉ lệ các sở, ban, ngành thực hiện ký số đối với văn bản đi trên hệ thống quản lý văn bản đạt 100%.", "edoc.signed_rate", "", ""},
		{"Tỷ lệ văn bản đi của các cơ quan nhà nước trên địa bàn tỉnh được ký số đạt 96,7%.", "edoc.signed_rate", "96.7", ""},
		{"Tỷ lệ cơ quan, đơn vị áp dụng chữ ký số trong trao đổi văn bản điện tử đạt 100%.", "edoc.electronic_rate", "", ""},
		// A count called a rate is the count.
		{"Tỷ lệ văn bản đi được ký số đạt 15.420 văn bản.", "edoc.signed", "15420", ""},
		{"Tỷ lệ văn bản đi được ký số đạt 15.420 văn bản.", "edoc.signed_rate", "", ""},
		{"Tỷ lệ văn bản đi được ký số đạt 97,1%.", "edoc.signed", "", ""},
		// The share in electronic form.
		{"Hiện tỷ lệ văn bản trao đổi giữa các cơ quan, đơn vị hoàn toàn bằng điện tử đạt 93,5% (trừ văn bản mật).", "edoc.electronic_rate", "93.5", ""},
		{"Tỉ lệ văn bản đi, đến được chuyển trên môi trường mạng đạt 99%.", "edoc.electronic_rate", "99", ""},
		{"Theo thống kê của Văn phòng Chính phủ, tỷ lệ văn bản điện tử của thành phố là 88% trên tổng số văn bản phát hành.", "edoc.electronic_rate", "88", ""},
		{"Tỉnh đạt 100% văn bản hành chính được phát hành dưới dạng điện tử.", "edoc.electronic_rate", "100", ""},
		{"Văn bản trao đổi hoàn toàn dưới dạng điện tử tăng đều, từ 42% năm 2019 lên trên 98,7% năm 2023.", "edoc.electronic_rate", "98.7", "over"},
		{"Các cơ quan đã trao đổi văn bản điện tử qua Hệ thống quản lý văn bản và điều hành, đạt tỷ lệ khoảng 90%.", "edoc.electronic_rate", "90", "approx"},
		// The rate's subject named between its words and its figure.
		{"Tỷ lệ văn bản đi, đến được gửi hoàn toàn dưới dạng điện tử giữa các cơ quan hành chính nhà nước có dùng hệ thống quản lý văn bản của tỉnh đạt trên 96%.", "edoc.electronic_rate", "96", "over"},
		{"Tỉ lệ văn bản được trao đổi trên môi trường mạng giữa các sở, ban, ngành và UBND các huyện, thành phố trong năm qua đạt 94,6%.", "edoc.electronic_rate", "94.6", ""},
		{"Tỷ lệ văn bản điện tử trao đổi giữa các cơ quan nhà nước đạt 99,2%.", "edoc.electronic_rate", "99.2", ""},
		{"Tỷ lệ văn bản điện tử gửi, nhận giữa các cơ quan nhà nước trong tỉnh là 97%.", "edoc.electronic_rate", "97", ""},
		{"Tỷ lệ văn bản điện tử trao đổi giữa các cơ quan có ký số đạt 91%.", "edoc.electronic_rate", "", ""},
		// Signed documents in electronic form are the signed share.
		{"Trên 97% văn bản hành chính được gửi, nhận giữa các cơ quan nhà nước của tỉnh dưới dạng văn bản điện tử có sử dụng chữ ký số.", "edoc.electronic_rate", "", ""},
		// Received or sent only, a level's, a target: no share of the province.
		{"Trong đó, tỷ lệ nhận văn bản điện tử đạt 97%, tỷ lệ gửi văn bản điện tử là 31%.", "edoc.electronic_rate", "", ""},
		{"Tỷ lệ hồ sơ công việc cấp tỉnh được xử lý trên môi trường mạng đạt 95%.", "edoc.electronic_rate", "", ""},
		{"Phấn đấu đến năm 2025, 100% văn bản trao đổi giữa các cơ quan nhà nước dưới dạng điện tử.", "edoc.electronic_rate", "", ""},
	})
}

// TestLabelStopsAtSentence checks that a figure that opens a sentence
// takes no label from the sentence before it: "… 805 sim ký số. 100% văn
// bản điện tử gửi đi được …" is no signed-document rate, in the styles
// of several provinces; a sentence that says the documents are signed
// still gives one.
func TestLabelStopsAtSentence(t *testing.T) {
	checkParaphrases(t, []paraphrase{
		{"Toàn tỉnh đã cấp 2.100 chứng thư số, 310 sim ký số. 100% văn bản điện tử gửi đi được chuyển qua trục liên thông.", "edoc.signed_rate", "", ""},
		{"Sở đã triển khai ký số cho 45 đơn vị. 97% văn bản đi được gửi trên môi trường mạng.", "edoc.signed_rate", "", ""},
		{"Trong năm cấp mới 150 chữ ký số. 85% văn bản đến được xử lý trên hệ thống.", "edoc.signed_rate", "", ""},
		{"Trong năm cấp mới 150 chữ ký số. 96,5% văn bản đi được ký số.", "edoc.signed_rate", "96.5", ""},
	})
}
