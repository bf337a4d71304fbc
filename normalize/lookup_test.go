package normalize

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestLookupProvince(t *testing.T) {
	codes := func(ms []ProvinceMatch) []string {
		var out []string
		for _, m := range ms {
			out = append(out, m.Era+":"+m.Code)
		}
		return out
	}
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"66", []string{"63:66", "34:66"}},
		{"kon tum", []string{"63:62"}},
		{"KON TUM", []string{"63:62"}},
		{"Kontum", []string{"63:62"}},
		{"Dak Lak", []string{"63:66", "34:66"}},
		{"Đắk Lắk", []string{"63:66", "34:66"}},
		{norm.NFD.String("Đắk Lắk"), []string{"63:66", "34:66"}},
		{"Đăk Lăk", []string{"63:66", "34:66"}},
		{"tỉnh Kon Tum", []string{"63:62"}},
		{"TP.HCM", []string{"63:79", "34:79"}},
		{"Thanh Hoá", []string{"63:38", "34:38"}},
		{"thừa thiên", []string{"63:46", "34:46"}},
		{"kon", []string{"63:62"}},
		{"Tây Ninh", []string{"63:72", "34:80"}}, // new Tây Ninh has code 80
	} {
		got, err := LookupProvince(tc.in)
		if err != nil || !slices.Equal(codes(got), tc.want) {
			t.Errorf("LookupProvince(%q) = %v, %v; want %v", tc.in, codes(got), err, tc.want)
		}
	}
	for _, tc := range []struct {
		in      string
		suggest string
	}{
		{"Kon Tun", "Kon Tum"},
		{"Dak Lac Nong", ""},
		{"quang", "Quảng Bình"}, // a prefix of several names: all listed
		{"Atlantis", ""},
		{"99", ""},
	} {
		_, err := LookupProvince(tc.in)
		var le *ProvinceLookupError
		if !errors.As(err, &le) {
			t.Errorf("LookupProvince(%q): error %v, want a ProvinceLookupError", tc.in, err)
			continue
		}
		if tc.suggest != "" && !slices.Contains(le.Suggestions, tc.suggest) {
			t.Errorf("LookupProvince(%q): suggestions %v lack %q", tc.in, le.Suggestions, tc.suggest)
		}
		if !strings.Contains(err.Error(), tc.in) {
			t.Errorf("error %q does not name the query", err)
		}
	}
}
