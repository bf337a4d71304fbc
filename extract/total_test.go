package extract

import "testing"

func TestIsTotalLabel(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"Tổng cộng", true},
		{"TỔNG CỘNG", true},
		{" Tổng cộng: ", true},
		{"Cộng", true},
		{"Tổng", true},
		{"Tổng số", true},
		{"Toàn tỉnh", true},
		{"Toàn thành phố", true},
		{"Tổng toàn tỉnh", true},
		{"Tổng cộng (I+II)", true},
		{"Tổng cộng (A+B+C)", true},
		{"Cộng (1+2)", true},
		{"Tổng cộng toàn tỉnh", true},
		{"Tổng cộng các nhiệm vụ", true},
		// Indicators and items, not totals.
		{"Tổng số TTHC", false},
		{"Tổng kinh phí", false},
		{"Cộng đồng", false},
		{"Cấp tỉnh", false},
		{"Toàn tỉnh có", false},
		{"", false},
		{"1.543", false},
	}
	for _, tt := range tests {
		if got := IsTotalLabel(tt.text); got != tt.want {
			t.Errorf("IsTotalLabel(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}
