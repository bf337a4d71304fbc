package normalize

import (
	"os"
	"path/filepath"
	"regexp/syntax"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// periodSearchers are the period expressions, tried at their start
// literals.
var periodSearchers = []*Searcher{periodRangeRe, periodBareRangeRe, periodYTDRe, periodMultiRe, periodQuarterRe,
	periodMonthsRe, periodReportMonthsRe, periodFirstMonthsRe, periodMonthRe, periodYearRe}

// TestSearcher checks Searchers against a search from every position on
// the lines of the text reports of the repository's test data and on
// texts in odd cases: capitals, mixed case, "ſ" (which folds to s), the
// Kelvin sign (which lower-cases to k, narrower), "İ".
func TestSearcher(t *testing.T) {
	texts := []string{"", "tháng 5", "THÁNG 5 năm 2021", "tHáNg 10/2025", "Sáu tháng đầu năm 2024", "ſáu tháng đầu năm", "SƠ KẾT 6 tháng",
		"ſơ kết 6 tháng", "\u212aết quả 9 tháng", "Kết quả 9 tháng", "İ tháng 3", "quý IV năm 2021, quý 3/2023", "QUÝ II-2025",
		"Từ ngày 15/12/2022 đến hết ngày 14/3/2023", "15/12/2021 – 14/12/2022", "giai đoạn 2016 - 2020", "GIAI ĐOẠN 2021–2025",
		"từ đầu năm đến nay", "những tháng đầu năm 2025", "Nửa đầu năm", "x tháng 1", "ẞ năm 2020"}
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "*", "*.txt"))
	md, _ := filepath.Glob(filepath.Join("..", "testdata", "*", "*.md"))
	for _, f := range append(files, md...) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, strings.Split(string(b), "\n")...)
	}
	withStarts := 0
	for _, re := range periodSearchers {
		if re.Starts() != nil {
			withStarts++
		}
		for _, s := range texts {
			if got, want := re.FindAllStringSubmatchIndex(s, -1), re.Regexp().FindAllStringSubmatchIndex(s, -1); !slices.EqualFunc(got, want, slices.Equal) {
				t.Fatalf("%s on %q: %v, the search from every position %v", re, s, got, want)
			}
			lower, ok := FoldLower(s)
			if got, want := re.FindAllFolded(s, lower, ok), re.Regexp().FindAllStringSubmatchIndex(s, -1); !slices.EqualFunc(got, want, slices.Equal) {
				t.Fatalf("%s on %q: folded %v, the search from every position %v", re, s, got, want)
			}
			if got, want := re.FindStringIndex(s), re.Regexp().FindStringIndex(s); !slices.Equal(got, want) {
				t.Fatalf("%s on %q: first %v, the search from every position %v", re, s, got, want)
			}
		}
	}
	if withStarts < len(periodSearchers)-1 {
		t.Errorf("%d of %d period expressions have start literals", withStarts, len(periodSearchers))
	}
	t.Logf("%d texts; %d of %d expressions tried at start literals", len(texts), withStarts, len(periodSearchers))
}

// TestStartLiterals checks the start literals of a few patterns.
func TestStartLiterals(t *testing.T) {
	for _, tc := range []struct {
		pattern string
		fold    bool
		want    []string
	}{
		{`cung cấp|công bố`, false, []string{"cung cấp", "công bố"}},
		{`(?:các|\d+) sở`, false, []string{"các", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}},
		{`(?i)Tháng\s+\d`, false, nil},
		{`(?i)Tháng\s+\d`, true, []string{"tháng"}},
		{`(?i)(?:báo\s+cáo|sơ\s+kết)`, true, []string{"báo", "sơ"}},
		{`(?:^|[.;])tỉnh`, false, []string{".", ";", "tỉnh"}},
		{`\bsoc`, false, nil},
		{`x?`, false, nil},
	} {
		re, err := syntax.Parse(tc.pattern, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		lits, nullable, ok := StartLiterals(re, 10, tc.fold)
		if !ok || nullable {
			lits = nil
		}
		if !slices.Equal(lits, tc.want) {
			t.Errorf("StartLiterals(%q, fold %v) = %q, want %q", tc.pattern, tc.fold, lits, tc.want)
		}
	}
}

// TestFoldsAsLower checks the memoised answers against the orbits.
func TestFoldsAsLower(t *testing.T) {
	for r := rune(0x80); r < 0x2000; r++ {
		l := unicode.ToLower(r)
		if got, want := foldsAsLower(r, l), foldsAsLowerSlow(r, l); got != want {
			t.Errorf("foldsAsLower(%U) = %v, want %v", r, got, want)
		}
	}
	if foldsAsLower('ſ', 'ſ') {
		t.Error("ſ folds with s but lower-cases to itself")
	}
	if _, ok := FoldLower("\u212aết quả"); ok {
		t.Error("the Kelvin sign lower-cases to a narrower k")
	}
}
