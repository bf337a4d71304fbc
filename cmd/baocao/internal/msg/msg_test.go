package msg

import (
	"regexp"
	"slices"
	"testing"
)

var verbRE = regexp.MustCompile(`%[-+# 0]*[0-9]*(?:\.[0-9]+)?[a-zA-Z%]`)

// TestCatalogVerbs checks that every translation has the verbs of its
// English key, in the same order.
func TestCatalogVerbs(t *testing.T) {
	for en, vi := range vietnamese {
		if a, b := verbRE.FindAllString(en, -1), verbRE.FindAllString(vi, -1); !slices.Equal(a, b) {
			t.Errorf("%q: verbs %v, translation %q has %v", en, a, vi, b)
		}
		if vi == "" || vi == en {
			t.Errorf("%q: not translated", en)
		}
	}
}

func TestLang(t *testing.T) {
	for _, tc := range []struct {
		flag string
		env  map[string]string
		want string
		err  bool
	}{
		{"", nil, EN, false},
		{"vi", nil, VI, false},
		{"VI", map[string]string{"LANG": "en_US.UTF-8"}, VI, false},
		{"en", map[string]string{"LANG": "vi_VN.UTF-8"}, EN, false},
		{"", map[string]string{"LANG": "vi_VN.UTF-8"}, VI, false},
		{"", map[string]string{"LC_ALL": "C", "LANG": "vi_VN.UTF-8"}, EN, false},
		{"", map[string]string{"LC_MESSAGES": "vi_VN", "LANG": "en_US"}, VI, false},
		{"fr", nil, EN, true},
	} {
		got, err := Lang(tc.flag, func(k string) string { return tc.env[k] })
		if got != tc.want || (err != nil) != tc.err {
			t.Errorf("Lang(%q, %v) = %q, %v; want %q (error %v)", tc.flag, tc.env, got, err, tc.want, tc.err)
		}
	}
}

// TestNumbers checks that both languages write numbers the Vietnamese
// way.
func TestNumbers(t *testing.T) {
	for _, l := range []string{EN, VI} {
		if got := New(l).Sprintf("%d; %.2f", 1543, 46.14); got != "1.543; 46,14" {
			t.Errorf("%s: %q, want 1.543; 46,14", l, got)
		}
	}
	if got := New(VI).Sprintf("interrupted"); got != vietnamese["interrupted"] {
		t.Errorf("vi: %q", got)
	}
}
