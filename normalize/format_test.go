package normalize

import "testing"

func TestFormatNumber(t *testing.T) {
	for _, tc := range []struct {
		v    float64
		dec  int
		want string
	}{
		{1543, -1, "1.543"},
		{46.14, -1, "46,14"},
		{29473.482, -1, "29.473,482"},
		{619120, 0, "619.120"},
		{11.2345, 2, "11,23"},
		{-0.5, -1, "-0,5"},
		{-0.001, 2, "0,00"},
		{100, -1, "100"},
		{1e9, -1, "1.000.000.000"},
		{43.8, -1, "43,8"},
		{4900000000, 0, "4.900.000.000"},
		{-1234.5, 1, "-1.234,5"},
		{0.09, 2, "0,09"},
	} {
		if got := FormatNumber(tc.v, tc.dec); got != tc.want {
			t.Errorf("FormatNumber(%v, %d) = %q, want %q", tc.v, tc.dec, got, tc.want)
		}
		if tc.dec < 0 && tc.v > 0 {
			if n, _, ok := ParseNumber(tc.want); !ok || n != tc.v {
				t.Errorf("ParseNumber(%q) = %v, %v; want %v", tc.want, n, ok, tc.v)
			}
		}
	}
}
