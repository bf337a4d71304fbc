package rules_test

import "testing"

// TestDottedLeaders checks figures on "label ........ value" lines, as
// typed in summary blocks (written for this test).
func TestDottedLeaders(t *testing.T) {
	doc := "Báo cáo kết quả năm 2023\n\nMột số chỉ tiêu chủ yếu:\n\n" +
		"- Số tài khoản thư điện tử công vụ ......................... 8.430\n" +
		"- Tỷ lệ văn bản đi được ký số ................................ 97,2%\n" +
		"- Số chứng thư số đã cấp (lũy kế) ........................... 6.918\n" +
		"- Số máy tính được cài phần mềm phòng chống mã độc tập trung … 3.215\n" +
		"- Tổng số TTHC đang áp dụng ...................................... 1.804\n"
	rep := applyText(t, doc)
	want := map[string]string{"email.accounts": "8430", "edoc.signed_rate": "97.2", "cert.total": "6918",
		"sec.malware_protected_machines": "3215", "tthc.total": "1804"}
	for m, v := range want {
		if f, ok := figure(rep, m); !ok || f.Value.String() != v {
			t.Errorf("%s = %v (found %v), want %s", m, f.Value, ok, v)
		}
	}
	// Ellipses that end a sentence are no leaders.
	rep = applyText(t, "Báo cáo năm 2023\n\nTỉnh đẩy mạnh chuyển đổi số, cải cách hành chính... Năm 2023 có 412 cán bộ được tập huấn.\n")
	if f, ok := figure(rep, "email.accounts"); ok {
		t.Errorf("email.accounts = %v from %q", f.Value, f.Text)
	}
}
