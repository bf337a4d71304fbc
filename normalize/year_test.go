package normalize

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestReportYear(t *testing.T) {
	tests := []struct {
		name string
		text string
		want int
	}{
		{"title plan result", "UBND TỈNH GIA LAI\nSố: 120/BC-UBND\nGia Lai, ngày 10 tháng 1 năm 2022\n\nBÁO CÁO\nKết quả thực hiện kế hoạch ứng dụng CNTT năm 2021\n\nThực hiện Kế hoạch số 45/KH-UBND ngày 12/02/2021", 2021},
		{"upper title", "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN\n\nKẾT QUẢ PHÁT TRIỂN CHÍNH QUYỀN SỐ NĂM 2020\n\nNghệ An, ngày 20 tháng 01 năm 2021", 2020},
		{"six months", "BÁO CÁO\nKết quả chuyển đổi số 6 tháng đầu năm 2023\n\nHà Giang, ngày 15 tháng 6 năm 2023\nTrong 6 tháng đầu năm 2023, tỉnh đã triển khai ...", 2023},
		{"situation", "Báo cáo tình hình ứng dụng công nghệ thông tin năm 2022\nCao Bằng, ngày 05 tháng 12 năm 2022", 2022},
		{"trong nam", "Tuyên Quang, ngày 09 tháng 01 năm 2020\nKính gửi: Bộ Thông tin và Truyền thông\nTrong năm 2019, UBND tỉnh đã ban hành 12 văn bản.", 2019},
		{"targets ignored", "BÁO CÁO KẾT QUẢ NĂM 2022\nthực hiện Nghị quyết về chuyển đổi số đến năm 2025, định hướng đến năm 2030 và tầm nhìn đến năm 2045; giai đoạn 2021-2025.", 2022},
		{"range only", "Kế hoạch chuyển đổi số giai đoạn 2021-2025, định hướng đến năm 2030\nThực hiện trong năm 2024, tỉnh đã", 2024},
		{"comparisons", "BÁO CÁO\nKết quả chuyển đổi số năm 2024 (so sánh với năm 2023)\n\nTỉnh cung cấp 1.842 thủ tục (năm 2023: 1.907 thủ tục), tăng 12,4% so với năm 2023; tiếp nhận 623.418 hồ sơ, tăng so với cùng kỳ năm 2023; giao dịch tăng 38,7% so với năm 2023.", 2024},
		{"issue date not period", "Kon Tum, ngày 06 tháng 5 năm 2022\nPHỤ LỤC 1 - KẾT QUẢ THỰC HIỆN KẾ HOẠCH NĂM 2021", 2021},
		{"attached", "PHỤ LỤC\nKẾT QUẢ THỰC HIỆN NĂM 2023\n(Kèm theo Kế hoạch số 100/KH-UBND ngày 02 tháng 3 năm 2024)", 2023},
		{"tong ket", "Tổng kết công tác an toàn thông tin năm 2019\nLai Châu, ngày 30/12/2019", 2019},
		{"danh gia", "Đánh giá mức độ chuyển đổi số năm 2024 của tỉnh Sơn La\nSơn La, ngày 10 tháng 02 năm 2025", 2024},
		{"quarter", "Báo cáo kết quả Quý IV năm 2021 về chính quyền điện tử", 2021},
		{"lower title mid", "Sở Thông tin và Truyền thông Lạng Sơn\n\nbáo cáo kết quả ứng dụng CNTT năm 2020 như sau:\nNăm 2019 đã...", 2020},
		{"by end of year", "Tính đến hết năm 2022, toàn tỉnh có 1.200 dịch vụ công trực tuyến; dự kiến đến năm 2025 đạt 100%.", 2022},
		{"from year excluded", "Từ năm 2018 đến nay, tỉnh Bắc Ninh đã triển khai; báo cáo kết quả năm 2021.", 2021},
		{"no year: cited dates", "Quyết định số 12/QĐ-UBND ngày 05/3/2020; Kế hoạch số 3/KH-UBND ngày 01/4/2020; Công văn số 9 ngày 02/01/2019.", 2020},
		{"nothing", "Không có năm nào ở đây.", 0},
		{"vinh long 2021 title broken", "KẾT QUẢ THỰC HIỆN KẾ HOẠCH PHÁT TRIỂN CHÍNH QUYỀN SỐ\nNĂM 2021\nVĩnh Long, ngày 20 tháng 12 năm 2021", 2021},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ReportYear(tt.text); got != tt.want {
				t.Errorf("ReportYear(%q) = %d; want %d", tt.text, got, tt.want)
			}
		})
	}
}

func TestReportYearSeeds(t *testing.T) {
	for _, name := range []string{"dak-lak-2021.txt", "kon-tum-2021.md"} {
		b, err := os.ReadFile(filepath.Join("..", "testdata", "normalize", "seeds", name))
		if err != nil {
			t.Fatal(err)
		}
		if got := ReportYear(string(b)); got != 2021 {
			t.Errorf("%s: ReportYear = %d; want 2021", name, got)
		}
	}
}

func TestIssueDate(t *testing.T) {
	day := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		name string
		text string
		want time.Time
		ok   bool
	}{
		{"header", "UBND TỈNH KON TUM\nSố: 12/BC-UBND\nKon Tum, ngày 06 tháng 5 năm 2022\nBÁO CÁO", day(2022, 5, 6), true},
		{"slash", "Đắk Lắk, ngày 15/12/2021\nBÁO CÁO", day(2021, 12, 15), true},
		{"hcm", "TP. Hồ Chí Minh, ngày 3 tháng 1 năm 2023", day(2023, 1, 3), true},
		{"attached", "PHỤ LỤC 1\n(Kèm theo Kế hoạch số 1320 /KH-UBND ngày 06 tháng 5 năm 2022\ncủa Ủy ban nhân dân tỉnh)", day(2022, 5, 6), true},
		{"header wins", "(Kèm theo Báo cáo ngày 01/02/2022)\nHà Nội, ngày 10 tháng 02 năm 2022", day(2022, 2, 10), true},
		{"cited doc is no issue date", "Quyết định số 2134/QĐ-UBND, ngày 05/8/2021 của UBND tỉnh", time.Time{}, false},
		{"month only", "Gia Lai, tháng 5 năm 2022", time.Time{}, false},
		{"none", "Không có ngày", time.Time{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := IssueDate(tt.text)
			if ok != tt.ok || !got.Equal(tt.want) {
				t.Errorf("IssueDate(%q) = %v, %v; want %v, %v", tt.text, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestIssueDateSeeds(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "testdata", "normalize", "seeds", "kon-tum-2021.md"))
	if err != nil {
		t.Fatal(err)
	}
	got, ok := IssueDate(string(b))
	if want := time.Date(2022, 5, 6, 0, 0, 0, 0, time.UTC); !ok || !got.Equal(want) {
		t.Errorf("kon-tum-2021.md: IssueDate = %v, %v; want %v", got, ok, want)
	}
}

func BenchmarkReportYear(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("..", "testdata", "normalize", "seeds", "kon-tum-2021.md"))
	if err != nil {
		b.Fatal(err)
	}
	s := string(data)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		ReportYear(s)
	}
}

// TestReportYearRankSentence checks that a year opening a sentence whose
// predicate is a rank ("Năm 2021, tỉnh đứng thứ 12 …", "Trong năm 2022,
// … được 10,2/13,5 điểm, xếp thứ 20/63") is the ranking's year, not the
// year reported on, in the styles of several news pages; a sentence
// that states results before its rank keeps its year.
func TestReportYearRankSentence(t *testing.T) {
	tests := []struct {
		name, text string
		want       int
	}{
		{"score then rank", "Tỉnh đẩy mạnh chính quyền số\n\nTrong năm 2022, chỉ tiêu chính quyền số của tỉnh Bạc Liêu được 10,2/13,5 điểm, xếp thứ 20/63 tỉnh, thành.\n\nNhằm cải thiện thứ hạng trong năm 2023, UBND tỉnh yêu cầu các sở, ngành quyết liệt hơn.", 2023},
		{"rank first", "Chuyển đổi số ở Hà Nam\n\nNăm 2021, Hà Nam đứng thứ 15 trong 63 tỉnh, thành phố về chuyển đổi số.\n\nTrong năm 2022, tỉnh tiếp tục triển khai các nền tảng số.", 2022},
		{"ranked position", "Bài viết\n\nNăm 2020, tỉnh ở vị trí thứ 9 cả nước về chỉ số DTI; kế hoạch năm 2021 tiếp tục nâng hạng.\n\nTrong năm 2021, tỉnh đã cung cấp 1.200 dịch vụ.", 2021},
		{"results before the rank", "Bài viết\n\nNăm 2022, tỉnh tiếp nhận 120.400 hồ sơ trực tuyến, đứng thứ 5 cả nước.\n\nĐến năm 2025, tỉnh phấn đấu đạt 80%.", 2022},
	}
	for _, tt := range tests {
		if got := ReportYear(tt.text); got != tt.want {
			t.Errorf("%s: ReportYear = %d; want %d", tt.name, got, tt.want)
		}
	}
}
