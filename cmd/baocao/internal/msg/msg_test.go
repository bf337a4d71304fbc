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

// TestEnglishPlurals checks that English messages count one thing in the
// singular and others in the plural, that every singular form keeps
// its key's verbs and that its key is in the Vietnamese catalogue (a
// message that only an English table knew would not be translated).
func TestEnglishPlurals(t *testing.T) {
	for key, one := range englishOne {
		if a, b := verbRE.FindAllString(key, -1), verbRE.FindAllString(one, -1); !slices.Equal(a, b) {
			t.Errorf("%q: verbs %v, singular %q has %v", key, a, one, b)
		}
		if _, ok := vietnamese[key]; !ok {
			t.Errorf("%q: not in the Vietnamese catalogue", key)
		}
	}
	pr := New(EN)
	tests := []struct {
		got, want string
	}{
		{pr.Sprintf("skipped %d files that are not reports:", 1), "skipped 1 file that is not a report:"},
		{pr.Sprintf("skipped %d files that are not reports:", 2), "skipped 2 files that are not reports:"},
		{pr.Sprintf("skipped %d files that are not reports:", 0), "skipped 0 files that are not reports:"},
		{pr.Sprintf("%d flags, read from %s", 1, "a.pdf"), "1 flag, read from a.pdf"},
		{pr.Sprintf("%d flags, read from %s", 1200, "a.pdf, b.docx"), "1.200 flags, read from a.pdf, b.docx"},
		{pr.Sprintf("%d files in %s: %d ingested, %d unchanged, %d duplicate, %d failed", 1, "in", 1, 0, 0, 0), "1 file in in: 1 ingested, 0 unchanged, 0 duplicate, 0 failed"},
		{New(VI).Sprintf("%d flags, read from %s", 1, "a.pdf"), "1 cảnh báo, đọc từ a.pdf"},
		{pr.Sprintf("%d metrics", 1) + ", " + pr.Sprintf("%d flags", 3), "1 metric, 3 flags"},
	}
	for _, tc := range tests {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}
