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
	{"tỉnh ủy ", 8, false},
	{"thành ủy ", 8, true},
	{"sở thông tin và truyền thông tỉnh ", 8, false},
	{"sở thông tin và truyền thông thành phố ", 8, true},
	{"sở tt&tt tỉnh ", 8, false},
	{"sở tt&tt thành phố ", 8, true},
	{"sở tt&tt ", 8, false},
	{"trên địa bàn tỉnh ", 6, false},
	{"trên địa bàn thành phố ", 6, true},
	{"địa bàn tỉnh ", 5, false},
	{"tỉnh ", 4, false},
	{"thành phố ", 4, true},
	{"tp. ", 4, true},
	{"tp.", 4, true},
	{"tp ", 4, true},
}

// Words before a name that make it one of several provinces named in a
// list or ranking, not the report's own (folded): "các tỉnh Kon Tum,
// Đắk Lắk", "cùng các tỉnh Hòa Bình (86,5%)".
var provinceListCues = []string{
	"các tỉnh ", "các tỉnh, thành phố ", "các tỉnh, thành ", "các tỉnh thành ", "các thành phố ",
	"các địa phương ", "các địa phương như ", "tỉnh bạn ", "như ", "gồm ", "gồm: ",
}

// Words before a name that make it the other term of a comparison
// (folded): "vượt Đà Nẵng (58,89%)", "xếp sau Hà Nam".
var provinceCompareCues = []string{
	"so với ", "so với tỉnh ", "vượt ", "vượt qua ", "xếp sau ", "đứng sau ", "sau ", "trước ", "hơn ",
	"kém ", "tiếp đến là ", "tiếp theo là ", "học tập kinh nghiệm ", "kinh nghiệm của ", "tham quan ",
}

// Words that introduce a person: a province name among the words after
// them is part of a name ("bà Nguyễn Thị Hà Giang"), and so is one right
// after a family or middle name ("Vũ Huệ", "Trần Thị Hà Nam") (folded).
var (
	personTitles = []string{
		"ông", "bà", "anh", "chị", "đồng chí", "đ/c", "pv", "phóng viên", "nhà báo", "tác giả", "btv", "ctv",
		"ths.", "ts.", "ks.", "bs.", "gs.", "pgs.", "thượng tá", "đại tá", "trung tá", "thiếu tá",
	}
	personNames = map[string]bool{
		"nguyễn": true, "trần": true, "lê": true, "phạm": true, "hoàng": true, "huỳnh": true, "phan": true,
		"vũ": true, "võ": true, "đặng": true, "bùi": true, "đỗ": true, "ngô": true, "dương": true,
		"đinh": true, "trương": true, "lương": true, "đoàn": true, "vương": true, "trịnh": true,
		"thị": true, "văn": true,
		// The same without diacritics, for texts typed without them,
		// but for those that are common words too (do, đang, văn, thì).
		"nguyen": true, "tran": true, "pham": true, "hoang": true, "huynh": true,
		"bui": true, "ngo": true, "truong": true, "luong": true, "doan": true, "vuong": true, "trinh": true,
	}
)

// FindProvince identifies the province a report is about from its text,
// as the unit existed in the given year (0: unknown year): the 63-unit
// map for years up to 2025 and for year 0, the 34-unit map from 2026
// (see [Identify] for how the period decides the map of a 2025 report).
// It returns false when the text names no province, or two equally.
//
// The text is read line by line (a line is a paragraph). Every mention
// of a province name is weighed by the words before it: "UBND tỉnh X"
// and "Ủy ban nhân dân tỉnh X" weigh most, then "Sở TT&TT tỉnh X",
// "Tỉnh ủy X", "trên địa bàn tỉnh X", "tỉnh X" and "thành phố X" (or
// "TP. X") for the five centrally run cities and Huế, and a bare name
// least; a name followed by ", ngày" (the place and date line of the
// header) weighs as much as "UBND tỉnh". "Thành phố X" where X is a
// province is its capital ("thành phố Kon Tum") and points to the
// province with a low weight.
//
// What decides is where and how a name is written:
//   - the first line (the title or the header) counts three times, the
//     rest of the first 2,000 bytes twice;
//   - a line gives a province at most its best mention and half a point
//     per further mention, so that a paragraph about another province
//     (a neighbour's plan, "UBND thành phố Đà Nẵng đã ban hành …")
//     cannot outweigh the title and the lead by repeating its name;
//   - a line that names three provinces or more is a ranking or a list
//     ("Đà Nẵng (67%) cùng các tỉnh Hòa Bình (86,5%), Nam Định …") and
//     counts half; a name in a list ("các tỉnh Kon Tum, Đắk Lắk"), after
//     a comma or "và", or followed by a bracketed figure ("Hà Giang
//     (55,76%)") counts half a point; one in a comparison ("vượt Đà
//     Nẵng", "so với", "xếp sau") a quarter;
//   - a person's name is never a province: a name after a title ("ông",
//     "bà", "đồng chí", "PV", "Phóng viên") and up to three given names,
//     or right after a family or middle name ("Vũ Huệ", "Nguyễn Thị Hà
//     Giang"), and the byline (a short last line) do not count.
//
// Names match on [Fold]ed text at word boundaries, so "Hà Nam" is not
// "Hà Nội", "Huệ" is not "Huế" and "Nam" alone is no province; spelling
// variants ("Đăk Lăk", "Đắc Lắc", "ĐắkLắk", "TP.HCM", "Bà Rịa-Vũng Tàu",
// "Thanh Hoá") are accepted. A text written without diacritics (fewer
// than 1 letter in 100 outside ASCII) is matched loosely on [FoldASCII]
// instead ("Daklak", "Dak Lak", "UBND tinh Kon Tum"); a text with
// diacritics never is, so a name typed without them in it ("Vu Hue")
// is not read. The province with the highest score wins; a tie is no
// answer.
//
// In the 34-unit map a mention of a merged province ("tỉnh Kon Tum" in
// 2026) counts, with half weight, for the unit it merged into. The name
// returned is the one of that year: code 46 is "Thừa Thiên Huế" up to
// 2024 and "Huế" after; with year 0 the spelling found in the text
// decides.
func FindProvince(text string, year int) (Province, bool) {
	era := Era63
	if year >= 2026 {
		era = Era34
	}
	t := provinceFromText(text, era)
	if !t.ok {
		return Province{}, false
	}
	name := ProvinceName(t.code, year)
	if era == Era34 {
		name = provNameOf(provinces().p34, t.code)
	}
	if t.code == "46" && year == 0 {
		if strings.Contains(Fold(text), "thừa thiên") || strings.Contains(FoldASCII(text), "thua thien") {
			name = "Thừa Thiên Huế"
		}
	}
	return Province{Code: t.code, Name: name}, true
}

// The two administrative maps.
const (
	Era63 = "63" // the 63 provinces until 2025-06-30
	Era34 = "34" // the 34 units from 2025-07-01
)

// textProvince is what a text says of its province.
type textProvince struct {
	code string // in the era's map
	ok   bool
	// strong: the text names the province unambiguously as its own (see
	// provinceFromText).
	strong bool
	// old is, in the 34-unit map, the code of the old province whose
	// mentions weighed most for the unit when its name is not the
	// unit's ("Kon Tum" for Quảng Ngãi); "" otherwise.
	old string
	// score and second are the best and the runner-up's scores.
	score, second float64
	// runner is the runner-up's code, "" when there is none.
	runner string
}

// provEvidence is the evidence for one province in a text.
type provEvidence struct {
	score float64
	cued  bool // a mention with a cue ("tỉnh X", "UBND tỉnh X", the date line)
	title bool // a mention in the first line
	lines int  // lines that mention it
}

// provinceFromText scores the provinces a text mentions (see
// [FindProvince]) and returns the best in era's map. The answer is
// strong, the text naming the province unambiguously as its own, when
// it scores at least twice the runner-up and either has a cued mention
// ("tỉnh X", "UBND tỉnh X", the place and date line), is named in the
// first line, or is named in three lines.
func provinceFromText(text string, era string) textProvince {
	if text == "" {
		return textProvince{}
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
	ev := scoreProvinces(text, provMostlyASCII(text))
	old := map[string]string{}
	if era == Era34 {
		ev34 := map[string]*provEvidence{}
		top := map[string]float64{}
		for code, e := range ev {
			nc := d.merger[code]
			if nc == "" {
				continue
			}
			w := e.score
			if nc != code && !strings.EqualFold(provNameOf(d.p63, code), provNameOf(d.p34, nc)) {
				w /= 2
			}
			u := ev34[nc]
			if u == nil {
				u = &provEvidence{}
				ev34[nc] = u
			}
			u.score += w
			u.cued = u.cued || e.cued
			u.title = u.title || e.title
			u.lines += e.lines
			if w > top[nc] {
				top[nc] = w
				if provNameOf(d.p63, code) != provNameOf(d.p34, nc) {
					old[nc] = code
				} else {
					old[nc] = ""
				}
			}
		}
		ev = ev34
	}
	codes := make([]string, 0, len(ev))
	for c := range ev {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	var t textProvince
	for _, c := range codes {
		v := ev[c].score
		switch {
		case v > t.score:
			t.runner, t.second = t.code, t.score
			t.code, t.score = c, v
		case v > t.second:
			t.runner, t.second = c, v
		}
	}
	if t.code == "" || t.score == t.second || t.score <= 0 {
		return textProvince{}
	}
	t.ok = true
	e := ev[t.code]
	t.strong = t.score >= 2*t.second && (e.cued || e.title || e.lines >= 3)
	t.old = old[t.code]
	return t
}

// provMostlyASCII reports whether fewer than 1 in 100 letters of s are
// not ASCII: text written without Vietnamese diacritics.
func provMostlyASCII(s string) bool {
	letters, other := 0, 0
	t := runes()
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
				letters++
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if isLetter(t, r) {
			letters++
			other++
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

// provMention is one province name found in a line.
type provMention struct {
	code string
	w    float64
	cued bool
}

// scoreProvinces scores the mentions of each province (63-unit codes)
// in text, line by line, on [Fold]ed text or, when ascii is set, on
// [FoldASCII] text.
func scoreProvinces(text string, ascii bool) map[string]*provEvidence {
	fold := Fold
	if ascii {
		fold = FoldASCII
	}
	var lines []string
	for _, l := range strings.Split(text, "\n") {
		if f := fold(l); f != "" {
			lines = append(lines, f)
		}
	}
	// The byline of a news item: a short last line ("Vũ Huệ", "T. HUY").
	byline := -1
	if n := len(lines); n >= 3 && len(strings.Fields(lines[n-1])) <= 4 {
		byline = n - 1
	}
	ev := map[string]*provEvidence{}
	offset := 0
	prev := ""
	for li, line := range lines {
		pos := 1.0
		switch {
		case li == 0:
			pos = 3
		case offset < 2000:
			pos = 2
		}
		offset += len(line) + 1
		if li == byline {
			continue
		}
		ms := provinceMentions(line, prev, ascii)
		prev = line
		if len(ms) == 0 {
			continue
		}
		byCode := map[string][]provMention{}
		var order []string
		for _, m := range ms {
			if _, ok := byCode[m.code]; !ok {
				order = append(order, m.code)
			}
			byCode[m.code] = append(byCode[m.code], m)
		}
		crowd := 1.0
		if len(order) >= 3 {
			crowd = 0.5 // a ranking or a list of provinces
		}
		for _, code := range order {
			best, sum, cued := 0.0, 0.0, false
			for _, m := range byCode[code] {
				best = max(best, m.w)
				sum += m.w
				cued = cued || m.cued
			}
			// In a list or a ranking, a cue ("các tỉnh", "TP. Hồ Chí
			// Minh và Đà Nẵng dẫn đầu") says nothing of the report's
			// own province, and neither does a passing mention in the
			// title.
			named := best >= 1 && crowd == 1
			cued = cued && named
			if best <= 0 {
				continue
			}
			v := best + min(sum-best, 0.5*float64(len(byCode[code])-1))
			e := ev[code]
			if e == nil {
				e = &provEvidence{}
				ev[code] = e
			}
			e.score += v * pos * crowd
			e.cued = e.cued || cued
			e.title = e.title || (li == 0 && named)
			e.lines++
		}
	}
	return ev
}

// provinceMentions finds the province names in the folded line f, each
// word start tried against the aliases beginning with that word, longest
// first; a match is counted once and skipped over. prev is the folded
// line before, for cues broken over two lines ("ỦY BAN NHÂN DÂN" /
// "TỈNH KON TUM").
func provinceMentions(f, prev string, ascii bool) []provMention {
	folded, asc := aliases63()
	idx := folded
	if ascii {
		idx = asc
	}
	var out []provMention
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
				if !strings.HasPrefix(f[i:], a.alias) || !IsWord(f, i, j) {
					continue
				}
				before := f[:i]
				if i < 64 && prev != "" {
					before = prev + " " + before
				}
				wt, cued := mentionWeight(before, f[j:], a.code, ascii)
				out = append(out, provMention{code: a.code, w: wt, cued: cued})
				i, matched = j, true
				break
			}
		}
		if !matched {
			i += len(w)
		}
	}
	return out
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// mentionWeight weighs a province name given the folded text before it
// and after it (see [FindProvince]); cued reports a cue of weight 4 or
// more ("tỉnh X") or the place and date line.
func mentionWeight(before, rest, code string, ascii bool) (w float64, cued bool) {
	if len(before) > 64 {
		k := len(before) - 64
		for k < len(before) && !utf8.RuneStart(before[k]) {
			k++
		}
		before = before[k:]
	}
	if provPerson(before, ascii) {
		return 0, false
	}
	// "Đắk Lắk, ngày 15 tháng 12 năm 2021": the place of issue.
	if strings.HasPrefix(rest, ", ngày ") || strings.HasPrefix(rest, ",ngày ") {
		return 10, true
	}
	w = 1
	for _, c := range provinceCues {
		cue := c.cue
		if ascii {
			cue = FoldASCII(cue)
			if strings.HasSuffix(c.cue, " ") && !strings.HasSuffix(cue, " ") {
				cue += " "
			}
		}
		if strings.HasSuffix(before, cue) {
			w = c.weight
			if c.city && !isCityCode(code) {
				// "thành phố Kon Tum", "thành phố Buôn Ma Thuột": a city
				// in the province, not the province itself.
				w = 1
			}
			break
		}
	}
	// A name in a list or a ranking: "các tỉnh Gia Lai, Kon Tum",
	// "Hà Giang (55,76%)".
	t := strings.TrimRightFunc(before, unicode.IsSpace)
	listed := strings.HasSuffix(t, ",") || strings.HasSuffix(t, " và") || strings.HasSuffix(t, " cùng")
	for _, c := range provinceListCues {
		if strings.HasSuffix(before, provCue(c, ascii)) {
			listed = true
		}
	}
	if r := strings.TrimLeft(rest, " "); strings.HasPrefix(r, "(") && len(r) > 1 && r[1] >= '0' && r[1] <= '9' {
		listed = true
	}
	for _, c := range provinceCompareCues {
		if strings.HasSuffix(before, provCue(c, ascii)) {
			return 0.25, false
		}
	}
	if listed {
		return 0.5, false
	}
	return w, w >= 4
}

// provCue returns a folded cue for ASCII text when ascii is set.
func provCue(c string, ascii bool) string {
	if !ascii {
		return c
	}
	a := FoldASCII(c)
	if strings.HasSuffix(c, " ") && !strings.HasSuffix(a, " ") {
		a += " "
	}
	return a
}

// provPerson reports whether the folded text before a province name
// ends inside a person's name: a family or middle name right before it
// ("vũ", "thị"), or a title ("ông", "bà", "đồng chí", "pv") followed by
// at most three words, in the same clause.
func provPerson(before string, ascii bool) bool {
	words := strings.Fields(before)
	if len(words) == 0 {
		return false
	}
	if personNames[words[len(words)-1]] {
		return true
	}
	for k := 1; k <= 4 && k <= len(words); k++ {
		w := words[len(words)-k]
		if strings.ContainsAny(w, ",;:.()") && k > 1 {
			return false // another clause
		}
		for _, t := range personTitles {
			if w == t || (ascii && w == FoldASCII(t)) {
				// "ông Y Mơ Mlô - Phó Giám đốc Sở Nội vụ tỉnh Đắk Lắk"
				// names the person's office, not the person: the words
				// after the title must be names, so a cue word ends it.
				for _, x := range words[len(words)-k+1:] {
					if x == "tỉnh" || x == "tinh" || x == "thành" || x == "thanh" || x == "ubnd" || x == "sở" || x == "so" {
						return false
					}
				}
				return true
			}
		}
	}
	return false
}
