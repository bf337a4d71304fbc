package normalize

import "testing"

func TestReportNumber(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"ỦY BAN NHÂN DÂN\nTỈNH ĐẮK NÔNG\nSố: 1873/BC-STTTT\nĐắk Nông, ngày 5 tháng 12 năm 2024", "1873/BC-STTTT"},
		{"UBND TỈNH LONG AN    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 05/BC-UBND    Long An, ngày 10 tháng 01 năm 2023", "05/BC-UBND"},
		{"SỞ THÔNG TIN VÀ TRUYỀN THÔNG\nSố 412/BC-STTTT\nBÁO CÁO", "412/BC-STTTT"},
		{"| Số: 12/2022/BC-UBND | Hà Nội, ngày 3/3/2022 |", "12/2022/BC-UBND"},
		// An appendix: the number of the plan it is attached to.
		{"PHỤ LỤC 1\n*(Kèm theo Kế hoạch số 1320 /KH-UBND ngày 06 tháng 5 năm 2022\ncủa Ủy ban nhân dân tỉnh)*", "1320/KH-UBND"},
		// Documents cited in the body are not the report's number.
		{"BÁO CÁO\nThực hiện Quyết định số 402/QĐ-UBND ngày 3/3/2021, theo Nghị định số 61/2018/NĐ-CP", ""},
		{"Căn cứ Công văn số 4370/BTTTT-THH của Bộ", ""},
		{"", ""},
	} {
		if got := ReportNumber(tc.text); got != tc.want {
			t.Errorf("ReportNumber(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestIsCorrection(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"BÁO CÁO\nĐính chính số liệu tại Báo cáo số 318/BC-UBND ngày 5/12/2022", true},
		{"Báo cáo này thay thế Báo cáo số 298/BC-UBND ngày 01/12/2021 của UBND tỉnh.", true},
		{"BÁO CÁO BỔ SUNG, ĐIỀU CHỈNH\nKết quả chuyển đổi số năm 2023", true},
		{"Báo cáo điều chỉnh, bổ sung kết quả thực hiện năm 2022", true},
		{"(Thay thế văn bản số 1742/BC-UBND)", true},
		// Common wording about plans and procedures, not the report.
		{"BÁO CÁO\nKết quả năm 2021\n- Điều chỉnh, sửa đổi, bổ sung các thủ tục hành chính\n- Ban hành kế hoạch bổ sung, điều chỉnh danh mục dự án", false},
		{"Báo cáo kết quả thực hiện năm 2022.\nTỉnh đã bổ sung, điều chỉnh quy hoạch.", false},
		{"", false},
	} {
		if got := IsCorrection(tc.text); got != tc.want {
			t.Errorf("IsCorrection(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

// TestCorrectionCuesPrefilter checks that every cue passes the quick
// filter of IsCorrection.
func TestCorrectionCuesPrefilter(t *testing.T) {
	for _, c := range append(append([]string{}, correctionCues...), correctionTitleCues...) {
		if !IsCorrection("Báo cáo " + c) {
			t.Errorf("cue %q is not found", c)
		}
	}
}
