package store

import (
	"context"
	"testing"
)

func TestFormatValue(t *testing.T) {
	for _, tc := range []struct {
		v    any
		unit string
		want string
	}{
		{1543.0, "count", "1.543"},
		{int64(1774), "", "1.774"},
		{46.14, "percent", "46,14 %"},
		{43.8, "percent", "43,8 %"},
		{100.0, "percent", "100 %"},
		{82.94567, "percent", "82,95 %"},
		{29473482000.0, "vnd", "29.473.482.000 đồng"},
		{0.5, "count", "0,5"},
		{-1234567.25, "", "-1.234.567,25"},
		{"operational", "status", "đang vận hành"},
		{"pilot", "status", "thí điểm"},
		{"other", "status", "other"},
		{int64(1), "bool", "có"},
		{int64(0), "bool", "không"},
		{nil, "count", ""},
		{"Kon Tum", "", "Kon Tum"},
	} {
		if got := FormatValue(tc.v, tc.unit); got != tc.want {
			t.Errorf("FormatValue(%v, %q) = %q, want %q", tc.v, tc.unit, got, tc.want)
		}
	}
}

func TestColumns(t *testing.T) {
	db, _ := openTemp(t)
	cols, err := db.Columns(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ col, label, unit string }{
		{"tthc_total", "Tổng số thủ tục hành chính", "count"},
		{"dvc_level4_rate", "Tỷ lệ DVCTT mức độ 4 (%)", "percent"},
		{"budget_total_vnd", "", "vnd"},
		{"soc_status", "", "status"},
		{"soc_ncsc_connected", "", "bool"},
		{"province_name", "Tỉnh/Thành phố", ""},
		{"year", "Năm", ""},
		{"flag_errors", "Số lỗi", "count"},
	} {
		label, unit := cols.Label(tc.col)
		if unit != tc.unit || tc.label != "" && label != tc.label {
			t.Errorf("Label(%q) = %q, %q; want %q, %q", tc.col, label, unit, tc.label, tc.unit)
		}
	}
	if m := cols.Metric("dvc_level4_rate"); m != "dvc.level4_rate" {
		t.Errorf("Metric(dvc_level4_rate) = %q", m)
	}
	if m := cols.Metric("province_name"); m != "" {
		t.Errorf("Metric(province_name) = %q, want none", m)
	}
}

func TestNumberSpan(t *testing.T) {
	for _, tc := range []struct {
		text string
		v    float64
		want string
	}{
		{"cung cấp: 1.774 thủ tục hành chính (Tỉnh: 1.423 TTHC)", 1774, "1.774"},
		{"cung cấp: 1.774 thủ tục hành chính (Tỉnh: 1.423 TTHC)", 1423, "1.423"},
		{"tỷ lệ triển khai DVCTT mức độ 4 của tỉnh đạt 43.8%.", 43.8, "43.8%"},
		{"tổng kinh phí 29.473,482 triệu đồng", 29473482000, "29.473,482 triệu đồng"},
		{"1 | Hệ thống báo cáo | Văn phòng | Năm 2021 | 1.624 | NSDP", 1624000000, "1.624"},
	} {
		s, e, ok := NumberSpan(tc.text, tc.v)
		if !ok || tc.text[s:e] != tc.want {
			t.Errorf("NumberSpan(%q, %v) = %q, %v; want %q", tc.text, tc.v, tc.text[s:min(max(s, e), len(tc.text))], ok, tc.want)
		}
	}
	if _, _, ok := NumberSpan("không có số 12", 13); ok {
		t.Error("NumberSpan found a value the text does not state")
	}
}
