package normalize

import (
	"embed"
	"encoding/csv"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Province is a province-level unit: GSO code and canonical name.
type Province struct {
	Code string
	Name string
}

// ProvinceInfo describes a province-level unit of one of the two
// administrative maps: the 63 units in force until 2025-06-30 and the
// 34 units in force from 2025-07-01 (Resolution 202/2025/QH15).
//
// Codes are GSO codes. The 34 units reuse codes of the 63, but not
// always for the same province (new Lào Cai is 15, old Lào Cai was 10):
// a code means nothing without knowing which map it belongs to.
type ProvinceInfo struct {
	Code     string // GSO code, two digits: "66"
	Name     string // short name: "Đắk Lắk"
	FullName string // with the unit type: "Tỉnh Đắk Lắk"
	// Type is "Tỉnh" or "Thành phố trực thuộc trung ương".
	Type string
	// MergedInto is, for a unit of the 63, the code of the unit of the
	// 34 it became part of on 2025-07-01 (its own code when it kept it);
	// empty for a unit of the 34.
	MergedInto string
	// FormedFrom is, for a unit of the 34, the codes of the units of the
	// 63 it was formed from; nil for a unit of the 63.
	FormedFrom []string
}

//go:embed data/provinces/*.csv
var provinceFS embed.FS

// provTables holds the embedded province lists, read once.
type provTables struct {
	once     sync.Once
	p63, p34 []ProvinceInfo
	merger   map[string]string
	err      error
}

var provinceData provTables

func loadProvinces() {
	d := &provinceData
	d.p63, d.err = readProvinceCSV("data/provinces/provinces-63-until-2025-06-30.csv", false)
	if d.err != nil {
		return
	}
	d.p34, d.err = readProvinceCSV("data/provinces/provinces-34-from-2025-07-01.csv", true)
	if d.err != nil {
		return
	}
	d.merger, d.err = readMerger("data/provinces/merger-2025.csv")
	if d.err != nil {
		return
	}
	for i := range d.p63 {
		if d.p63[i].MergedInto == "" {
			d.p63[i].MergedInto = d.merger[d.p63[i].Code]
		}
	}
}

// provReadCSV reads an embedded CSV into records keyed by header name.
func provReadCSV(name string) ([]map[string]string, error) {
	f, err := provinceFS.Open(name)
	if err != nil {
		return nil, fmt.Errorf("normalize: %w", err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	head, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("normalize: %s: %w", name, err)
	}
	var out []map[string]string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("normalize: %s: %w", name, err)
		}
		m := make(map[string]string, len(head))
		for i, h := range head {
			if i < len(rec) {
				m[h] = strings.TrimSpace(rec[i])
			}
		}
		out = append(out, m)
	}
	return out, nil
}

func readProvinceCSV(name string, is34 bool) ([]ProvinceInfo, error) {
	recs, err := provReadCSV(name)
	if err != nil {
		return nil, err
	}
	var out []ProvinceInfo
	for _, m := range recs {
		p := ProvinceInfo{Code: m["code"], Name: provNFC(m["name"]), FullName: provNFC(m["full_name"]), Type: provNFC(m["type"])}
		if p.Code == "" || p.Name == "" {
			return nil, fmt.Errorf("normalize: %s: row without code or name", name)
		}
		if is34 {
			p.FormedFrom = strings.Split(m["formed_from_old_codes"], ";")
		} else {
			p.MergedInto = m["merged_into_code_2025"]
		}
		out = append(out, p)
	}
	return out, nil
}

func readMerger(name string) (map[string]string, error) {
	recs, err := provReadCSV(name)
	if err != nil {
		return nil, err
	}
	m := make(map[string]string, len(recs))
	for _, r := range recs {
		if r["old_code"] == "" || r["new_code"] == "" {
			return nil, fmt.Errorf("normalize: %s: row without code", name)
		}
		m[r["old_code"]] = r["new_code"]
	}
	return m, nil
}

func provinces() *provTables {
	provinceData.once.Do(loadProvinces)
	if provinceData.err != nil {
		// The data is embedded at build time and checked by the tests.
		panic(provinceData.err)
	}
	return &provinceData
}

func cloneInfos(ps []ProvinceInfo) []ProvinceInfo {
	out := make([]ProvinceInfo, len(ps))
	for i, p := range ps {
		p.FormedFrom = append([]string(nil), p.FormedFrom...)
		out[i] = p
	}
	return out
}

// Provinces63 returns the 63 province-level units in force until
// 2025-06-30, in GSO code order, with MergedInto set. Code 46 is named
// "Huế" as in the GSO list of 2025; it was "Thừa Thiên Huế" until
// 2024-12-31 (see [ProvinceName]).
func Provinces63() []ProvinceInfo { return cloneInfos(provinces().p63) }

// Provinces34 returns the 34 province-level units in force from
// 2025-07-01, in GSO code order, with FormedFrom set.
func Provinces34() []ProvinceInfo { return cloneInfos(provinces().p34) }

// Merger2025 maps the code of each of the 63 units to the code of the
// unit of the 34 it became part of on 2025-07-01.
func Merger2025() map[string]string {
	m := provinces().merger
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// ProvinceName returns the short name of the unit with the given GSO
// code as it was in year: the 63-unit map up to 2025, the 34-unit map
// from 2026, and "Thừa Thiên Huế" for code 46 up to 2024. It returns ""
// for an unknown code.
func ProvinceName(code string, year int) string {
	list := provinces().p63
	if year >= 2026 {
		list = provinces().p34
	}
	for _, p := range list {
		if p.Code == code {
			if code == "46" && year > 0 && year <= 2024 {
				return "Thừa Thiên Huế"
			}
			return p.Name
		}
	}
	return ""
}

// Extra spellings of province names, beyond what Fold and FoldASCII
// unify. Keys are GSO codes of the 63-unit map (the 34 reuse the names).
var provinceVariants = map[string][]string{
	"79": {"tp.hcm", "tp. hcm", "tp hcm", "tphcm", "sài gòn"},
	"46": {"thừa thiên huế", "thừa thiên-huế", "tt-huế", "tt huế"},
	"66": {"đắc lắc", "đắk lắc", "đắklắk", "đắc lắk"},
	"67": {"đắc nông", "đắknông"},
	"77": {"bà rịa vũng tàu", "brvt", "br-vt"},
	"06": {"bắc cạn"},
	"62": {"kontum"},
	"64": {"gialai"},
}

// ASCII spellings matched on FoldASCII text, glued or spaced ("daklak",
// "dak lak").
type provinceAlias struct {
	code  string
	alias string // folded
	ascii bool   // matched against FoldASCII text
}

// provAliasIndex maps the first word of each alias (its leading run of
// word runes) to the aliases starting with it, longest first; one index
// for Fold and one for FoldASCII text.
type provAliasIndex map[string][]provinceAlias

var aliasCache struct {
	once        sync.Once
	folded, asc provAliasIndex
}

func aliases63() (folded, asc provAliasIndex) {
	aliasCache.once.Do(func() {
		folded, asc := provAliasIndex{}, provAliasIndex{}
		seen := map[string]bool{}
		add := func(code, a string, ascii bool) {
			k := code + "|" + a
			if ascii {
				k += "|a"
			}
			if a == "" || seen[k] {
				return
			}
			seen[k] = true
			idx := folded
			if ascii {
				idx = asc
			}
			w := provFirstWord(a)
			idx[w] = append(idx[w], provinceAlias{code, a, ascii})
		}
		for _, p := range provinces().p63 {
			f := Fold(p.Name)
			add(p.Code, f, false)
			add(p.Code, strings.ReplaceAll(f, " ", ""), false)
			for _, v := range provinceVariants[p.Code] {
				add(p.Code, Fold(v), false)
			}
			a := FoldASCII(p.Name)
			add(p.Code, a, true)
			add(p.Code, strings.ReplaceAll(strings.ReplaceAll(a, " ", ""), "-", ""), true)
			for _, v := range provinceVariants[p.Code] {
				add(p.Code, FoldASCII(v), true)
			}
		}
		// Longer aliases first, so that a mention is counted once for
		// the longest name it spells ("thừa thiên huế" before "huế").
		for _, idx := range []provAliasIndex{folded, asc} {
			for _, as := range idx {
				sort.SliceStable(as, func(i, j int) bool { return len(as[i].alias) > len(as[j].alias) })
			}
		}
		aliasCache.folded, aliasCache.asc = folded, asc
	})
	return aliasCache.folded, aliasCache.asc
}

// provFirstWord returns the leading run of word runes of s.
func provFirstWord(s string) string {
	for i, r := range s {
		if !numIsWordRune(r) {
			return s[:i]
		}
	}
	return s
}

// Cues before a name, folded, with their weights. Checked in order; the
// first that matches counts.
var provinceCues = []struct {
	cue    string
	weight float64
	city   bool // a "thành phố" cue: full weight only for a city unit
}{
	{"ủy ban nhân dân tỉnh ", 10, false},
	{"ủy ban nhân dân thành phố ", 10, true},
	{"ubnd tỉnh ", 10, false},
	{"ubnd thành phố ", 10, true},
	{"ubnd tp. ", 10, true},
	{"ubnd tp.", 10, true},
	{"ubnd tp ", 10, true},
	{"hđnd tỉnh ", 8, false},
	{"hội đồng nhân dân tỉnh ", 8, false},
	{"trên địa bàn tỉnh ", 6, false},
	{"trên địa bàn thành phố ", 6, true},
	{"địa bàn tỉnh ", 5, false},
	{"tỉnh ", 4, false},
	{"thành phố ", 4, true},
	{"tp. ", 4, true},
	{"tp.", 4, true},
	{"tp ", 4, true},
}

// FindProvince identifies the province a report is about from its text,
// as the unit existed in the given year (0: unknown year).
//
// Every mention of a province name is scored by the words before it:
// "UBND tỉnh X" and "Ủy ban nhân dân tỉnh X" weigh most, then "trên địa
// bàn tỉnh X", "tỉnh X" and "thành phố X" (or "TP. X") for the five
// centrally run cities and Huế, and a bare name least; a name followed
// by ", ngày" (the place and date line of the header) weighs as much as
// "UBND tỉnh". "Thành phố X" where X is a province is its capital
// ("thành phố Kon Tum") and points to the province with a low weight.
// Mentions in the first 2,000 bytes count double. Names match on
// [Fold]ed text at word boundaries, so "Hà Nam" is not "Hà Nội" and
// "Nam" alone is no province; spelling variants ("Đăk Lăk", "Đắc Lắc",
// "ĐắkLắk", "TP.HCM", "Bà Rịa-Vũng Tàu", "Thanh Hoá") are accepted.
// When no name matches, or the text is written without diacritics, the
// text is matched loosely on [FoldASCII] instead ("Daklak", "Dak Lak",
// "UBND tinh Kon Tum"). The province with the highest score
// wins; a tie is no answer.
//
// Which map: the 63-unit map for years up to 2025 and for year 0, the
// 34-unit map from 2026. A 2025 report is matched on the 63-unit map
// because most 2025 reports cover periods before the merger of
// 2025-07-01; for a unit whose name survived the merger this returns
// its old code (Lào Cai 2025 → 10). In the 34-unit map a mention of a
// merged province ("tỉnh Kon Tum" in 2026) counts, with half weight, for
// the unit it merged into. The name returned is the one of that year:
// code 46 is "Thừa Thiên Huế" up to 2024 and "Huế" after; with year 0
// the spelling found in the text decides.
func FindProvince(text string, year int) (Province, bool) {
	if text == "" {
		return Province{}, false
	}
	// Long reports: the province is named early and often; cap the
	// work.
	const maxScan = 400 << 10
	if len(text) > maxScan {
		cut := maxScan
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	d := provinces()
	folded := Fold(text)
	score := scoreProvinces(folded, false)
	if len(score) == 0 || provMostlyASCII(folded) {
		// Text typed without Vietnamese letters: "UBND tinh Dak Lak".
		// Its few diacritic-free names ("Long An") must not decide alone.
		score = scoreProvinces(FoldASCII(text), true)
	}
	if year >= 2026 {
		s34 := map[string]float64{}
		for code, v := range score {
			nc := d.merger[code]
			if nc == "" {
				continue
			}
			if nc == code || strings.EqualFold(provNameOf(d.p63, code), provNameOf(d.p34, nc)) {
				s34[nc] += v
			} else {
				s34[nc] += v / 2
			}
		}
		score = s34
	}
	best, bestScore, second := "", 0.0, 0.0
	codes := make([]string, 0, len(score))
	for c := range score {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	for _, c := range codes {
		v := score[c]
		switch {
		case v > bestScore:
			best, second, bestScore = c, bestScore, v
		case v > second:
			second = v
		}
	}
	if best == "" || bestScore == second {
		return Province{}, false
	}
	name := ProvinceName(best, year)
	if best == "46" && year == 0 {
		if strings.Contains(Fold(text), "thừa thiên") || strings.Contains(FoldASCII(text), "thua thien") {
			name = "Thừa Thiên Huế"
		}
	}
	return Province{Code: best, Name: name}, true
}

// provMostlyASCII reports whether fewer than 1 in 100 letters of s are
// not ASCII: text written without Vietnamese diacritics.
func provMostlyASCII(s string) bool {
	letters, other := 0, 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if r >= utf8.RuneSelf {
				other++
			}
		}
	}
	return letters > 0 && other*100 < letters
}

func provNameOf(list []ProvinceInfo, code string) string {
	for _, p := range list {
		if p.Code == code {
			return p.Name
		}
	}
	return ""
}

func isCityCode(code string) bool {
	for _, p := range provinces().p63 {
		if p.Code == code {
			return strings.HasPrefix(p.Type, "Thành phố")
		}
	}
	return false
}

// scoreProvinces scores the mentions of each province (63-unit codes)
// in folded text f. Each word start is tried against the aliases
// beginning with that word, longest first; a match is counted once and
// skipped over.
func scoreProvinces(f string, ascii bool) map[string]float64 {
	folded, asc := aliases63()
	idx := folded
	if ascii {
		idx = asc
	}
	score := map[string]float64{}
	for i := 0; i < len(f); {
		r, n := utf8.DecodeRuneInString(f[i:])
		if !numIsWordRune(r) {
			i += n
			continue
		}
		w := provFirstWord(f[i:])
		matched := false
		if i == 0 || !numIsWordRune(lastRune(f[:i])) {
			for _, a := range idx[w] {
				j := i + len(a.alias)
				if !strings.HasPrefix(f[i:], a.alias) || !provBoundary(f, i, j) {
					continue
				}
				wt := mentionWeight(f, i, j, a.code, ascii)
				if i < 2000 {
					wt *= 2
				}
				score[a.code] += wt
				i, matched = j, true
				break
			}
		}
		if !matched {
			i += len(w)
		}
	}
	return score
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// provBoundary reports whether f[i:j] is delimited by non-word runes.
func provBoundary(f string, i, j int) bool {
	if i > 0 {
		r, _ := utf8.DecodeLastRuneInString(f[:i])
		if numIsWordRune(r) {
			return false
		}
	}
	if j < len(f) {
		r, _ := utf8.DecodeRuneInString(f[j:])
		if numIsWordRune(r) {
			return false
		}
	}
	return true
}

func mentionWeight(f string, i, j int, code string, ascii bool) float64 {
	before := f[:i]
	if len(before) > 64 {
		k := len(before) - 64
		for k < len(before) && !utf8.RuneStart(before[k]) {
			k++
		}
		before = before[k:]
	}
	// "Đắk Lắk, ngày 15 tháng 12 năm 2021": the place of issue.
	if rest := f[j:]; strings.HasPrefix(rest, ", ngày ") || strings.HasPrefix(rest, ",ngày ") {
		return 10
	}
	for _, c := range provinceCues {
		cue := c.cue
		if ascii {
			cue = FoldASCII(cue)
			if strings.HasSuffix(c.cue, " ") && !strings.HasSuffix(cue, " ") {
				cue += " "
			}
		}
		if strings.HasSuffix(before, cue) {
			if c.city && !isCityCode(code) {
				// "thành phố Kon Tum", "thành phố Buôn Ma Thuột": a city
				// in the province, not the province itself.
				return 1
			}
			return c.weight
		}
	}
	// A name in a list after another province ("các tỉnh Gia Lai, Kon
	// Tum") is a passing mention.
	if t := strings.TrimRightFunc(before, unicode.IsSpace); strings.HasSuffix(t, ",") || strings.HasSuffix(t, " và") {
		return 0.5
	}
	return 1
}
