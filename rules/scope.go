package rules

import (
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/baocao/baocao/normalize"
)

// scopeKind says whose figure a candidate is.
type scopeKind int

const (
	// scopeProvince: the province's own figure.
	scopeProvince scopeKind = iota
	// scopeSub: a part of the province: one level of government, a
	// district, a department, the public-service centre, a group of
	// agencies.
	scopeSub
	// scopeOther: another unit: another province, a ministry, the
	// nation, the national portal.
	scopeOther
)

// scope is whose figure a candidate is, with the words that name the
// unit ("cấp xã", "Trung tâm Phục vụ hành chính công", "Bộ Công
// Thương").
type scope struct {
	kind scopeKind
	unit string
}

// cueKind classifies the words that name a unit.
type cueKind int

const (
	cueProvince cueKind = iota // "toàn tỉnh", "các cấp", the province's own name
	cueLevel                   // one level of government: "cấp xã", "UBND cấp huyện"
	cueCentre                  // the public-service centre
	cueGroup                   // a group of agencies: "các sở, ngành", "khối ngành dọc", "10/17 sở, ngành"
	cueUnit                    // a named district, town, city or department
	cueOther                   // a ministry, the nation, another province
	cuePortal                  // the National Public Service Portal
)

// cue is a mention of a unit in a text: where it ends and what it is.
type cue struct {
	start, end int
	kind       cueKind
	unit       string
	// bound is the offset of the figure the cue labels ("cấp xã: 145"),
	// -1 for none; subject marks a cue that is the subject of its clause
	// ("Cấp xã đã tiếp nhận …").
	bound   int
	subject bool
	// only marks "Riêng …" at the start of a clause: the whole clause is
	// about that one unit or part. part marks one that names a part of
	// the period ("Riêng tháng 12", "Chỉ riêng ngày 2/10"): it governs
	// its segment even where the province is the subject.
	only, part bool
}

func (c cue) scope() scope {
	switch c.kind {
	case cueProvince:
		return scope{}
	case cueOther, cuePortal:
		return scope{scopeOther, c.unit}
	}
	return scope{scopeSub, c.unit}
}

// The cue patterns run on lower-cased text, except those that need
// capitals (a named ministry).
var (
	// levelListTopRe: a list of levels that starts with the province's
	// own ("cấp tỉnh, huyện, xã") names every level; one that starts
	// lower ("cấp huyện, cấp xã", "cấp xã, phường") only the local ones.
	levelListTopRe  = startRe(`^(?:ubnd |ủy ban nhân dân |các cơ quan |các đơn vị |bộ phận một cửa )?cấp (?:tỉnh|thành phố)`)
	levelNotScopeRe = startRe(`(?:hệ thống|cổng|phần mềm|nền tảng|trục|mạng|trung tâm dữ liệu|cơ sở dữ liệu|csdl|chính quyền|ứng dụng|chỉ số|đánh giá)[^,;:()]{0,40}$`)
	// groupNotRe after a group: "các sở, ngành, địa phương" is everyone.
	groupNotRe = startRe(`^,? (?:và )?(?:ubnd |ủy ban nhân dân )?(?:các )?(?:địa phương|huyện|cấp huyện|quận|ban)`)
	// periodPartRe after "riêng": a part of the period reported on (a
	// day, week, month or quarter, "6 tháng đầu năm"), not a year.
	periodPartRe = startRe(`^\s*(?:trong\s+)?(?:ngày|tuần|tháng|quý|\d+\s*tháng)(?:\s|$)`)
	// onlyRe: "Riêng …" at the start of a clause: what follows is about
	// one unit or one part of the period, not the province's whole.
	onlyRe = startRe(`(?:^|[,;:]\s*)(?:[-+•]\s*)?(?:chỉ\s+)?riêng\s+[^,;:\d]{0,40}`)
	// modifierGapRe: a province cue right after a sub-unit cue modifies
	// it ("Trung tâm Phục vụ hành chính công của tỉnh", "các sở, ngành
	// tỉnh Gia Lai").
	// jointRe between a sub-unit and a province cue: joint subjects ("…
	// và bộ phận một cửa các cấp").
	jointRe       = startRe(`^\s*(?:và|cùng với|cùng)\s[^,;:\d]{0,40}$`)
	modifierGapRe = startRe(`^[\s,]*(?:của\s+|thuộc\s+)?(?:tỉnh|thành phố|tp\.?)?\s*$`)
	// rankBeforeRe: "dẫn đầu cả nước", "đứng thứ 2 toàn quốc": a rank,
	// not the nation's figure.
	// The units ranked may stand between: "đứng đầu 63 tỉnh, thành phố
	// cả nước".
	rankBeforeRe = startRe(`(?:dẫn đầu|đứng đầu|đi đầu|cao nhất|thấp nhất|nhiều nhất|ít nhất|thứ \d+|xếp|top \d+|trong|so với|cao hơn|thấp hơn|vượt|hơn)(?:\s*(?:trong\s*)?(?:\d+|các)\s*tỉnh,\s*thành(?: phố)?)?[^,;.\d]{0,25}$`)
	// ministryCueRe runs on the original text: "Bộ Công Thương", "Bộ
	// TT&TT"; not "Bộ Chỉ số", "Bộ TTHC" or "Bộ phận".
	ministryCueRe  = startRe(`\bBộ\s+(?:\p{Lu}[\p{L}&]*)(?:\s+(?:và\s+)?\p{Lu}[\p{L}&]*)*`)
	notMinistryRe  = startRe(`^Bộ\s+(?:Chỉ|Thủ|TTHC|Phận|Tiêu|Quy|Luật|Tài liệu|Công cụ)`)
	portalCueRe    = startRe(lowerPattern(vocabulary["{PORTAL}"]))
	partsBeforeRe  = startRe(`^(?:[-+•]\s*)?(?:trong đó|riêng|ngoài ra|bên cạnh đó)(?:[\s,:]|$)`)
	sourceBeforeRe = startRe(`(?:theo|của|từ)\s*$`)
)

// cuePattern is one kind of words that name a unit, matched on lower
// case, with the literals one of which every match holds (a cheap test
// before the regular expression) and a test of each match in its text.
type cuePattern struct {
	kind  cueKind
	words []string
	re    *normalize.Searcher
	keep  func(lower string, l []int) bool
}

// notRank drops a match after a rank or a comparison ("dẫn đầu cả
// nước", "cao hơn mức trung bình cả nước").
func notRank(lower string, l []int) bool {
	return !rankBeforeRe.MatchString(lower[max(0, l[0]-40):l[0]])
}

// cuePatterns are the units named in lower case.
var cuePatterns = []cuePattern{
	// The province: "toàn tỉnh", "các cấp", "từ cấp tỉnh đến cấp xã",
	// "các sở, ngành, địa phương", "Tỉnh đã …".
	{cueProvince, []string{"toàn tỉnh", "toàn thành phố", "cả tỉnh", "trên địa bàn", "của tỉnh"},
		startRe(`toàn tỉnh|toàn thành phố|cả tỉnh|trên địa bàn (?:tỉnh|thành phố|toàn tỉnh)|của tỉnh`), notRank},
	{cueProvince, []string{" cấp"},
		startRe(`(?:các|cả (?:ba|hai|3|2)|ba|3|hai|2|bốn|4) cấp(?: hành chính| chính quyền)?`), notRank},
	{cueProvince, []string{"tỉnh ", "thành phố "},
		startRe(`(?:^|[.;:]\s*)(?:tỉnh|thành phố) (?:đã|đang|có|hiện|cũng|tiếp tục|cung cấp|triển khai|đạt|thực hiện|ban hành|xây dựng)`), nil},
	{cueProvince, []string{"đến ", "tới "},
		startRe(`(?:từ|đến|tới) (?:cấp )?(?:trung ương|tỉnh|huyện|xã|cơ sở)[^,;]{0,25}(?:đến|tới) (?:cấp )?(?:tỉnh|huyện|xã|cơ sở|thôn)`), nil},
	{cueProvince, []string{"ngành"},
		startRe(`sở,? (?:ban,? )?ngành,? (?:và )?(?:ubnd |ủy ban nhân dân )?(?:các )?(?:địa phương|huyện|cấp huyện|quận|xã|phường)`), nil},
	{cueProvince, []string{"cơ quan"},
		startRe(`cơ quan, đơn vị, địa phương|các cơ quan(?: hành chính)? nhà nước|các cơ quan, đơn vị`), nil},
	// One level of government. A level that qualifies a system or portal
	// ("Hệ thống … cấp tỉnh") is no scope; a list of every level ("cấp
	// tỉnh, huyện, xã") is the province.
	{cueLevel, []string{"cấp "},
		startRe(`(?:ubnd |ủy ban nhân dân |các cơ quan |các đơn vị |bộ phận một cửa )?cấp (tỉnh|huyện|xã|thành phố|quận|phường|sở|cơ sở)(?:,? (?:cấp )?(?:huyện|xã|phường|quận)(?:,? (?:và )?(?:cấp )?(?:xã|phường))?)?`),
		func(lower string, l []int) bool {
			if m := lower[l[0]:l[1]]; (strings.Contains(m, ",") || strings.Contains(m, " và ")) && levelListTopRe.MatchString(m) {
				return false // every level from the province's own down: the province
			}
			return !levelNotScopeRe.MatchString(lower[max(0, l[0]-60):l[0]])
		}},
	// The public-service centre, the City Office.
	{cueCentre, []string{"hành chính công", "văn phòng", "hcc"},
		startRe(`trung tâm (?:phục vụ |dịch vụ )?(?:hành chính công|hcc)(?: (?:cấp )?(?:tỉnh|xã|phường|huyện))?|văn phòng (?:ubnd|ủy ban nhân dân|uỷ ban nhân dân)(?: (?:tỉnh|thành phố))?`), nil},
	// The centre named again by its noun alone, as the place files go
	// through or a subject ("… được tiếp nhận, giải quyết qua Trung
	// tâm", "Bình quân mỗi tháng, Trung tâm nhận …"); not a data, control
	// or monitoring centre ("tại Trung tâm tích hợp dữ liệu"): the noun
	// ends there.
	{cueCentre, []string{"trung tâm"},
		startRe(`(?:qua|tại) trung tâm(?:$|[,.;)]|\s+(?:là|trong|từ|với|và|được|đã|có|\()(?:\s|$))|(?:^|[.;,:]\s*)trung tâm (?:đã |cũng |đang )?(?:nhận|tiếp nhận|giải quyết|trả)`), nil},
	// A group of agencies: vertical agencies, departments, districts,
	// communes, counted or all of them ("10/17 sở, ngành", "các huyện");
	// "các sở, ngành, địa phương" is everyone, a province cue.
	{cueGroup, []string{"khối"},
		startRe(`khối (?:các )?(?:cơ quan )?(?:ngành dọc|sở,? (?:ban,? )?ngành|cơ quan (?:nhà nước )?cấp tỉnh|cơ quan tỉnh)`), nil},
	{cueGroup, []string{"ngành dọc"}, startRe(`(?:các )?(?:cơ quan )?ngành dọc`), nil},
	{cueGroup, []string{"sở"},
		startRe(`(?:các|\d+/\d+|\d+|những) sở,? (?:ban,? )?ngành(?: cấp tỉnh)?`),
		func(lower string, l []int) bool { return !groupNotRe.MatchString(lower[l[1]:]) }},
	{cueGroup, []string{"huyện", "quận", "xã", "phường", "địa phương"},
		startRe(`(?:các|\d+/\d+|\d+) (?:huyện|quận|xã|phường|địa phương)(?:,? (?:thị xã|thành phố|thị trấn|phường|xã))*`), nil},
	// The nation and the ministries as a whole.
	{cueOther, []string{"nước", "quốc", "bộ", "ngân hàng", "bình quân", "trung bình"},
		startRe(`cả nước|toàn quốc|khối bộ,? ngành|các bộ,? ngành|bộ, ngành|ngân hàng nhà nước|trung bình chung|bình quân chung`), notRank},
}

// cueWords are substrings one of which every cue contains (lower
// case): a text without any of them has no cue.
var cueWords = []string{"tỉnh", "thành phố", "cấp", "trung tâm", "văn phòng", "ngành", "huyện", "quận", "xã", "phường", "địa phương", "đơn vị", "cơ quan", "nước", "quốc", "bộ", "ngân hàng", "bình quân", "trung bình", "cổng", "riêng"}

// findCues returns the units text names, in order. lower is text in
// lower case (the same length). own holds the folded names of the
// report's province (and of the units it was formed from or merged
// into).
func findCues(text, lower string, own map[string]bool) []cue {
	var out []cue
	if len(lower) != len(text) {
		lower = text // rare letters moved offsets: read the text as it is
	}
	add := func(re interface {
		FindAllStringIndex(string, int) [][]int
	}, s string, kind cueKind, keep func(l []int) bool) {
		for _, l := range re.FindAllStringIndex(s, -1) {
			if keep == nil || keep(l) {
				out = append(out, cue{start: l[0], end: l[1], kind: kind, unit: text[l[0]:l[1]]})
			}
		}
	}
	for i := range cuePatterns {
		cp := &cuePatterns[i]
		if !containsAny(lower, cp.words...) {
			continue // the pattern cannot match: skip its regular expression
		}
		add(cp.re, lower, cp.kind, func(l []int) bool { return cp.keep == nil || cp.keep(lower, l) })
	}
	if strings.Contains(text, "Bộ") {
		add(ministryCueRe, text, cueOther, func(l []int) bool {
			return !notMinistryRe.MatchString(text[l[0]:]) && !sourceBeforeRe.MatchString(lower[max(0, l[0]-12):l[0]])
		})
	}
	if containsAny(lower, "cổng") {
		add(portalCueRe, lower, cuePortal, nil)
	}
	for _, p := range findProvinceNames(text) {
		kind := cueOther
		if own[normalize.Fold(p.name)] {
			kind = cueProvince
		}
		out = append(out, cue{start: p.start, end: p.end, kind: kind, unit: p.name})
	}
	for _, l := range onlyRe.FindAllStringIndex(lower, -1) {
		st := l[0] + strings.Index(lower[l[0]:l[1]], "riêng")
		if onlySubject(lower[st+len("riêng") : l[1]]) {
			continue
		}
		part := periodPartRe.MatchString(lower[st+len("riêng"):])
		end := l[1]
		if part {
			end = clauseEnd(lower, st, 40) // "Riêng ngày 2/10": the date is part of it
		}
		out = append(out, cue{start: st, end: end, kind: cueUnit, unit: strings.TrimSpace(text[st:end]), only: true, part: part})
	}
	if m := subUnitRe.FindStringSubmatchIndex(text); m != nil && !sameUnitAsProvince(text[m[0]:min(len(text), m[1]+30)], text[m[2]:m[3]], own) {
		out = append(out, cue{start: m[0], end: m[1], kind: cueUnit, unit: strings.Trim(text[m[0]:m[1]], " -+•")})
	}
	for _, l := range localUnits(text, lower) {
		for l[0] < l[1] && strings.IndexByte(" \t,(", text[l[0]]) >= 0 {
			l[0]++
		}
		if strings.HasSuffix(strings.ToLower(strings.TrimRight(text[:l[0]+1], " ")), "cấp") || sameUnitAsProvince(text[l[0]:l[1]], text[l[2]:l[3]], own) {
			continue
		}
		out = append(out, cue{start: l[0], end: l[1], kind: cueUnit, unit: strings.TrimSpace(text[l[0]:l[1]])})
	}
	return dropDomain(dropFramed(dropInner(out, lower), lower), lower)
}

// subjectWords are the families' topic words ("dịch vụ công trực
// tuyến", "hồ sơ", "chứng thư", …), built once.
var subjectWords = sync.OnceValue(func() []string {
	var out []string
	for _, f := range familiesByOrder() {
		for _, tp := range f.Topics {
			out = append(out, tp.Words...)
		}
	}
	return out
})

// onlySubject reports whether the words after "riêng" name a kind of
// what the reports count, not a unit: "Riêng DVC trực tuyến mức 3 và mức
// 4, tỉnh đã cung cấp …" singles out the services, and its figures are
// still the province's.
func onlySubject(rest string) bool {
	rest = strings.TrimLeft(rest, " ")
	rest = strings.TrimPrefix(rest, "các ")
	for _, w := range subjectWords() {
		if strings.HasPrefix(rest, w) {
			return true
		}
	}
	return false
}

// domainRe before a unit makes it the domain of what is counted, not
// whose figure it is: "TTHC thuộc phạm vi chức năng quản lý của các sở,
// ban, ngành", "thuộc thẩm quyền giải quyết của cấp tỉnh".
var domainRe = startRe(`(?:quản lý|thẩm quyền(?: giải quyết)?|phạm vi)\s*(?:của\s*)?$`)

// dropDomain drops the units that name the domain of what is counted.
func dropDomain(cs []cue, lower string) []cue {
	out := cs[:0]
	for _, c := range cs {
		if (c.kind == cueLevel || c.kind == cueGroup || c.kind == cueUnit) && domainRe.MatchString(lower[max(0, c.start-40):c.start]) {
			continue
		}
		out = append(out, c)
	}
	return out
}

// frameRe: a unit that frames a whole clause ("Ở cấp xã, …", "Đối với
// khối ngành dọc, …", "Tại huyện X, …").
var frameRe = startRe(`(?:^|[.;]\s*)(?:[-+•]\s*)?(?:ở|tại|đối với|về phía|riêng)\s*$`)

// dropFramed drops the province cues of the kind "toàn tỉnh" that follow
// a unit framing the clause ("Ở cấp xã, quý I toàn tỉnh tiếp nhận …"
// means at the commune level across the province).
func dropFramed(cs []cue, lower string) []cue {
	framed := false
	out := cs[:0]
	for _, c := range cs {
		switch {
		case c.kind != cueProvince && c.kind != cueOther && c.kind != cuePortal && frameRe.MatchString(lower[:c.start]):
			framed = true
		case framed && c.kind == cueProvince && strings.HasPrefix(lower[c.start:], "toàn") || framed && strings.HasPrefix(lower[c.start:], "trên địa bàn"):
			continue
		}
		out = append(out, c)
	}
	return out
}

// dropInner sorts cues by position and drops a cue that lies inside
// another, and a province cue that modifies the sub-unit cue right
// before it ("Trung tâm … của tỉnh").
func dropInner(cs []cue, lower string) []cue {
	sort.Slice(cs, func(i, j int) bool {
		if cs[i].start != cs[j].start {
			return cs[i].start < cs[j].start
		}
		return cs[i].end > cs[j].end
	})
	var out []cue
	for _, c := range cs {
		if n := len(out); n > 0 {
			last := out[n-1]
			if c.start < last.end {
				continue // inside or across the previous cue
			}
			if (last.kind == cueLevel || last.kind == cueGroup) && (c.kind == cueLevel || c.kind == cueGroup) && coversLevels(last, c, lower) {
				// "17 cơ quan, đơn vị cấp tỉnh và 9 huyện, thành phố": the
				// provincial agencies and every district, the province.
				out[n-1] = cue{start: last.start, end: c.end, kind: cueProvince, unit: lower[last.start:c.end]}
				continue
			}
			if c.kind == cueProvince && last.kind != cueProvince && last.kind != cueOther && c.start >= last.end {
				if modifierGapRe.MatchString(lower[last.end:c.start]) {
					// "Trung tâm … của tỉnh": the province qualifies the unit.
					out[n-1].end = c.end
					continue
				}
				if jointRe.MatchString(lower[last.end:c.start]) {
					// "Trung tâm … và bộ phận một cửa các cấp": together, the
					// province.
					out[n-1] = cue{start: last.start, end: c.end, kind: cueProvince, unit: lower[last.start:c.end]}
					continue
				}
			}
		}
		out = append(out, c)
	}
	return out
}

// sameUnitAsProvince reports whether a unit mentioned as mention, named
// name, is the province itself: a centrally run city is "Thành phố Hà
// Nội", but "thành phố Kon Tum" is the capital of Kon Tum province. The
// Sở Thông tin và Truyền thông reports for the whole province.
func sameUnitAsProvince(mention, name string, own map[string]bool) bool {
	f := normalize.Fold(strings.TrimSpace(name))
	if fm := normalize.FoldASCII(mention); strings.Contains(fm, "so thong tin") || strings.Contains(fm, "so tt&tt") || strings.Contains(fm, "so tttt") {
		return true
	}
	if notNameRe.MatchString(normalize.FoldASCII(name)) {
		return true // "huyện Số TTHC": a table header, not a name
	}
	for o := range own {
		if strings.HasPrefix(f, o) {
			return !(strings.Contains(strings.ToLower(mention), "thành phố") || strings.Contains(strings.ToLower(mention), "tp")) || centralCities[o]
		}
	}
	return false
}

// notNameRe matches the folded words that start a capitalised phrase
// but no place name (a header or a sentence after a level: "Cấp quận,
// huyện Số TTHC").
var notNameRe = startRe(`^(?:so|tong|ty le|ti le|tthc|ho so|trong do|cac|dvc|ket qua)\b`)

// localUnitAllRe finds a named district, town, city, commune or ward
// anywhere ("phường Tân An đạt 99,1%": after the merger of 2025 the
// communes and wards are the local level).
var localUnitAllRe = startRe(`(?:^|[\s,(])(?i:quận|huyện|thị xã|thành phố|tp\.?|thị trấn|xã|phường)\s+((?:\p{Lu}[\p{L}']*\s*){1,4})`)

// localUnitWords are the words of localUnitAllRe in lower case: where
// the lower case of a text does not hold one, no case of it does (none
// of their letters folds to a rune beyond its capital).
var localUnitWords = []string{"quận", "huyện", "thị xã", "xã", "thành phố", "tp", "thị trấn", "phường"}

// localUnits is localUnitAllRe.FindAllStringSubmatchIndex(text, -1),
// tried only where a match can start: at 0 or at the byte before one of
// its words in lower (text in lower case, the same length).
func localUnits(text, lower string) [][]int {
	if len(lower) != len(text) {
		return localUnitAllRe.FindAllStringSubmatchIndex(text, -1)
	}
	var cands []int
	for _, w := range localUnitWords {
		cands = normalize.AppendIndexes(cands, lower, w)
	}
	k := 0
	for _, q := range cands {
		switch {
		case q == 0:
			cands[k] = 0
		case strings.IndexByte(" \t\n\f\r,(", text[q-1]) >= 0:
			cands[k] = q - 1
		default:
			continue // no match holds the word there
		}
		k++
	}
	if k == 0 {
		return nil
	}
	return localUnitAllRe.TryAll(text, normalize.SortedOffsets(cands[:k]), -1, true)
}

// provinceName is a province named in a text.
type provinceName struct {
	start, end int
	name       string
}

var provinceNames struct {
	once  sync.Once
	name  map[string]string // spelling → short name
	words int               // the most words a spelling has
}

// findProvinceNames returns the provinces a text names ("Đà Nẵng", "TP
// HCM", "Hòa Bình" or "Hoà Bình"): at each word that starts with a
// capital, the longest run of words that spells a name.
func findProvinceNames(text string) []provinceName {
	provinceNames.once.Do(func() {
		provinceNames.name = map[string]string{}
		add := func(spelling, name string) {
			if _, ok := provinceNames.name[spelling]; !ok {
				provinceNames.name[spelling] = name
				provinceNames.words = max(provinceNames.words, len(strings.Fields(spelling)))
			}
		}
		for _, list := range [][]normalize.ProvinceInfo{normalize.Provinces63(), normalize.Provinces34()} {
			for _, p := range list {
				add(p.Name, p.Name)
				add(oldTones.Replace(p.Name), p.Name)
			}
		}
		for _, sp := range []string{"TP HCM", "TP.HCM", "TP. HCM", "TPHCM"} {
			add(sp, "Hồ Chí Minh")
		}
		for _, sp := range []string{"Thừa Thiên Huế", "Thừa Thiên - Huế"} {
			add(sp, "Huế")
		}
		for _, sp := range []string{"Bà Rịa – Vũng Tàu", "Bà Rịa-Vũng Tàu"} {
			add(sp, "Bà Rịa - Vũng Tàu")
		}
	})
	var out []provinceName
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		startsWord := i == 0 || !unicode.IsLetter(lastRune(text[:i]))
		if !startsWord || !unicode.IsUpper(r) {
			i += size
			continue
		}
		// The words from i, without the punctuation that ends them.
		best, bestEnd := "", 0
		j := i
		for w := 0; w < provinceNames.words && j < len(text); w++ {
			k := j
			for k < len(text) && text[k] != ' ' {
				k++
			}
			end := k
			for end > j && strings.IndexByte(",;:.)(\"'", text[end-1]) >= 0 {
				end--
			}
			if name, ok := provinceNames.name[text[i:end]]; ok {
				best, bestEnd = name, end
			}
			if end < k {
				break // punctuation ends the name
			}
			j = k + 1
		}
		if best != "" && (bestEnd == len(text) || !unicode.IsLetter(firstRune(text[bestEnd:]))) {
			out = append(out, provinceName{i, bestEnd, best})
			i = bestEnd
			continue
		}
		i += size
	}
	return out
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// oldTones writes the tone of "oa", "oe", "uy" on the second vowel, the
// old way ("Hoà Bình", "Khánh Hoà").
var oldTones = strings.NewReplacer("òa", "oà", "óa", "oá", "ỏa", "oả", "õa", "oã", "ọa", "oạ", "ùy", "uỳ", "úy", "uý", "ủy", "uỷ", "ũy", "uỹ", "ụy", "uỵ")

// ownNames returns the folded names that are the report's province: its
// names under its code ("Huế", "Thừa Thiên Huế"), for a report after the
// merger of 2025-07-01 those of the units it was formed from or merged
// into, and the provinces its title names (a news item's title names
// its subject: "Hà Nam dẫn đầu cả nước về …").
func ownNames(doc *normalize.Doc) map[string]bool {
	own := map[string]bool{}
	add := func(name string) {
		if name != "" {
			own[normalize.Fold(name)] = true
		}
	}
	add(doc.Province.Name)
	if code := doc.Province.Code; code != "" {
		add(normalize.ProvinceName(code, 2024))
		merged := normalize.Merger2025()
		target := ""
		if doc.Year >= 2025 {
			target = code
			if t, ok := merged[code]; ok {
				target = t
			}
		}
		for _, p := range normalize.Provinces63() {
			if p.Code == code || target != "" && merged[p.Code] == target {
				add(p.Name)
			}
		}
		for _, p := range normalize.Provinces34() {
			if p.Code == code && (doc.Year >= 2025 || target != "") || p.Code == target {
				add(p.Name)
			}
		}
	}
	for k := 0; k < len(doc.Paras) && (k == 0 || k == 1 && kickerPara(doc)); k++ {
		title := doc.Paras[k].Text // the title, or a kicker and its headline
		if i := strings.IndexAny(title, ".\n"); i > 0 && i < 200 {
			title = title[:i]
		}
		title = title[:min(len(title), 200)]
		for _, p := range findProvinceNames(title) {
			add(p.name)
		}
	}
	return own
}

// scopeAt returns the scope of a figure of metric at offset off of the
// segment, from the units the segment names (findCues) and the one it
// inherits (segmentScopes), the nearest first:
//
//  1. a unit named right after the figure's noun ("1.187 dịch vụ cấp
//     tỉnh", "55 hồ sơ của các sở, ngành");
//  2. a unit named in the figure's own clause, back to the previous
//     comma or semicolon, closed parenthetical asides aside ("tỷ lệ hồ
//     sơ … do UBND cấp huyện tiếp nhận … đạt 98,15%", "Đà Nẵng
//     (58,89%)");
//  3. the subject of an earlier clause of the segment ("Cấp xã đã tiếp
//     nhận 1.610 hồ sơ, gồm 1.475 hồ sơ trực tuyến");
//  4. the unit the segment inherits.
//
// A unit that labels another figure of a list ("cấp xã: 145", "125 TTHC
// cấp xã") speaks for that figure only. A metric that counts one level
// or group of agencies (Family.PerLevel: "TTHC cấp tỉnh") is not scoped
// by a level or group; only the metrics of a family that counts the
// national portal's holdings apart (Family.OfPortal) are scoped by the
// portal, and not that metric itself.
func (s *Segment) scopeAt(off int, metric string) scope {
	s.ensureScope()
	c := compileFamilies()
	ignore := func(cu *cue) bool {
		k := cu.kind
		if k == cuePortal && cu.subject {
			// "Cổng DVC quốc gia được khai trương … và đã cung cấp …": the
			// portal's own figures, another unit's for every metric but
			// the portal's own.
			return c.portalMetric[metric]
		}
		return (k == cueLevel || k == cueGroup) && c.perLevel[metric] || k == cuePortal && !c.portalScoped[metric]
	}
	// 0. A part of the period that the segment singles out before the
	// figure ("Chỉ riêng ngày 2/10, tỉnh đã tiếp nhận 1.960 hồ sơ").
	for k := range s.cues {
		if cu := &s.cues[k]; cu.part && cu.end <= off {
			return cu.scope()
		}
	}
	// 1. After the figure: its noun, up to a break or the next number.
	// A figure after "cho" counts the recipients, and a unit after their
	// noun says who they are ("cấp SIM PKI cho 61 lãnh đạo UBND cấp
	// huyện, cấp xã"), not whose figure it is.
	if off < len(s.lower) {
		i := off
		for i < len(s.lower) && strings.IndexByte("0123456789.,", s.lower[i]) >= 0 {
			i++
		}
		end := min(len(s.lower), i+40)
		if j := strings.IndexAny(s.lower[i:end], ",;:().0123456789%"); j >= 0 {
			end = i + j
		}
		for k := range s.cues {
			cu := &s.cues[k]
			if cu.start >= i && cu.start < end && (cu.kind == cueLevel || cu.kind == cueCentre || cu.kind == cueGroup) &&
				!ignore(cu) && !strings.Contains(s.lower[i:cu.start], "cho ") && !recipientsRe.MatchString(s.lower[max(0, off-16):off]) {
				return cu.scope()
			}
		}
		// The portal the figure is put on, in its clause: "tích hợp 1.102
		// DVCTT toàn trình lên Cổng Dịch vụ công quốc gia".
		end = clauseEnd(s.lower, i, 100)
		end = min(end, nextFigure(s.lower, i)) // the next figure has its own noun
		for k := range s.cues {
			cu := &s.cues[k]
			if cu.kind == cuePortal && cu.start >= i && cu.start < end && !ignore(cu) && portalOnRe.MatchString(s.lower[i:cu.start]) {
				return cu.scope()
			}
		}
		// The centre the files went through, in the figure's sentence
		// before the next figure: "hơn 1 triệu hồ sơ được tiếp nhận, giải
		// quyết qua Trung tâm".
		end = min(sentenceEnd(s.lower, i, 100), nextFigure(s.lower, i))
		for k := range s.cues {
			cu := &s.cues[k]
			if cu.kind == cueCentre && cu.start >= i && cu.start < end && !ignore(cu) && s.through(cu) {
				return cu.scope()
			}
		}
		// The units where the figure's noun stands, counted or not, in its
		// clause: "21.400 hồ sơ tại 32 xã, phường",
		// "6.300 hồ sơ tại 11 sở, ngành".
		end = clauseEnd(s.lower, i, 80)
		for k := range s.cues {
			cu := &s.cues[k]
			if cu.kind == cueGroup && cu.start >= i && cu.start < end && !ignore(cu) &&
				atUnitsRe.MatchString(s.lower[max(i, cu.start-8):cu.start]) && nextFigure(s.lower[:cu.start], i) == cu.start {
				return cu.scope()
			}
		}
	}
	off = min(off, len(s.lower))
	closed := closedSpans(s.lower[:off])
	start := s.clauseStart(off, closed)
	// A figure inside a parenthesis belongs to the figure it details:
	// "là 1.127 DVCTT (bao gồm 313 DVCTT một phần …)".
	head := -1
	if p := unclosedParen(s.lower[:off]); p >= 0 {
		if n := strings.LastIndexAny(s.lower[:p], "0123456789"); n >= 0 {
			for n > 0 && strings.IndexByte("0123456789.,", s.lower[n-1]) >= 0 {
				n--
			}
			head = n
		}
	}
	// 2. The figure's own clause.
	for k := len(s.cues) - 1; k >= 0; k-- {
		cu := &s.cues[k]
		detailOf := head >= 0 && cu.bound == head // labels the figure this one details
		if cu.end > off || cu.start < start && !detailOf || ignore(cu) || inSpans(cu.start, closed) || cu.bound >= 0 && cu.bound != off && !detailOf {
			continue
		}
		return cu.scope()
	}
	// A clause of details ("…, trong đó tỷ lệ … đạt 81,2%") is of the
	// unit of the figure it details.
	// The last of figures that units label in turn ("276 TTHC cấp
	// huyện và 125 TTHC cấp xã, trong đó …") is an item of a list whose
	// details are of the whole; the count of a group ("32 xã") is no
	// figure.
	if start > 0 && detailsRe.MatchString(s.lower[start:off]) {
		if h := s.lastFigureOutsideCues(start); h >= 0 && !(s.labelled(h) && s.labelled(s.lastFigureOutsideCues(h))) {
			if sc := s.scopeAt(h, metric); sc.kind != scopeProvince {
				return sc
			}
		}
	}
	// 3. The subject of an earlier clause.
	for k := len(s.cues) - 1; k >= 0; k-- {
		cu := &s.cues[k]
		if cu.end > off || !cu.subject || ignore(cu) || inSpans(cu.start, closed) {
			continue
		}
		return cu.scope()
	}
	// 4. What the segment inherits.
	if s.inherit != nil && !ignore(s.inherit) {
		return s.inherit.scope()
	}
	return scope{}
}

// clauseStart returns where the clause holding offset off begins: after
// the last comma or semicolon before off that is neither inside a closed
// parenthesis, nor part of a unit's name ("các sở, ngành"), nor between
// the words of a list of timeliness ("tỷ lệ xử lý hồ sơ đúng hạn, trước
// hạn đạt …": one property, not a new clause).
func (s *Segment) clauseStart(off int, closed [][2]int) int {
	for i := off - 1; i >= 0; i-- {
		if c := s.lower[i]; c != ',' && c != ';' || inSpans(i, closed) || s.inCue(i) {
			continue
		}
		if s.lower[i] == ',' && timelyListRe.Regexp().MatchString(s.lower[max(0, i-16):i]) && timelyNextRe.Regexp().MatchString(s.lower[i+1:]) {
			continue
		}
		return i + 1
	}
	return 0
}

// partOfUnitsRe: units counted as a part of all of them ("9/15 sở").
var partOfUnitsRe = normalize.NewSearcher(`^\d+\s*/\s*\d+\s`)

// timelyListRe and timelyNextRe find a comma between two words of
// timeliness ("đúng hạn, trước hạn", "trước hạn, đúng hạn, trong hạn").
var (
	timelyListRe = normalize.NewSearcher(`(?:đúng|trước|sớm|trong|trung) hạn$`)
	timelyNextRe = normalize.NewSearcher(`^\s*(?:và\s+)?(?:đúng|trước|sớm|trong|trung) hạn`)
)

// inCue reports whether offset i lies inside a unit's name.
func (s *Segment) inCue(i int) bool {
	for _, cu := range s.cues {
		if cu.start <= i && i < cu.end {
			return true
		}
	}
	return false
}

// closedSpans returns the spans of s inside closed parentheses.
func closedSpans(s string) [][2]int {
	var out [][2]int
	var open []int
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			open = append(open, i)
		case ')':
			if n := len(open); n > 0 {
				out = append(out, [2]int{open[n-1], i})
				open = open[:n-1]
			}
		}
	}
	return out
}

func inSpans(off int, spans [][2]int) bool {
	for _, sp := range spans {
		if sp[0] < off && off < sp[1] {
			return true
		}
	}
	return false
}

var (
	// boundAfterRe: a unit right before a figure labels it ("cấp xã:
	// 145", "cấp tỉnh có 1.249 TTHC").
	boundAfterRe = startRe(`^\s*(?::|là|có|đạt|gồm|với|chiếm)?\s*(?:khoảng |gần |hơn |trên )?\d`)
	// boundBeforeRe: a unit right after a figure and its noun labels it
	// ("125 TTHC cấp xã", "1.187 dịch vụ cấp tỉnh").
	boundBeforeRe = startRe(`\d\s*(?:%|[\p{L}&]+(?:\s+[\p{L}&]+){0,3})?\s*(?:của\s+|thuộc\s+|tại\s+|ở\s+)?$`)
	// notSubjectRe: a unit after a preposition of place or direction is
	// no subject ("tích hợp lên Cổng …", "cấp cho các sở, ngành").
	notSubjectRe = startRe(`(?:lên|vào|với|qua|trên|cho|từ|theo|đến|tới|về|của|so với)\s*$`)
	// portalOnRe: a figure put on the portal ("… lên Cổng …").
	portalOnRe = startRe(`(?:lên|trên|vào|với)\s*$`)
	// atUnitsRe: "tại" or "ở" right before a group of units (not "của":
	// "thủ tục hành chính của các sở, ngành" names their domain).
	atUnitsRe = startRe(`(?:^|\s)(?:tại|ở)\s+$`)
	// detailsRe: a clause that details the figure before it.
	detailsRe = startRe(`^\s*trong đó(?:[\s,:]|$)`)
	// titleAtRe: a title that reports on a place ("Kết quả giải quyết
	// hồ sơ tại …").
	titleAtRe = startRe(`^[^,;:.]{0,80}\s(?:tại|của)\s*$`)
	// recipientsRe: "cho" right before a figure ("cho 61 lãnh đạo").
	recipientsRe = startRe(`(?:^|\s)cho\s+(?:hơn |trên |gần |khoảng )?$`)
	// captionRe: a photo caption ("Ảnh: …").
	captionRe = startRe(`^[\s*_(]*ảnh\s*:`)
	// ofRe: "của" before another unit makes it the owner of the
	// clause's subject ("tỷ lệ … của cả nước vẫn chưa đạt").
	ofRe = startRe(`của\s*$`)
	// clauseHeadRe: what may come before a clause's subject ("Ở cấp
	// tỉnh", "- Tại các sở, ngành", "Còn các sở, ngành").
	clauseHeadRe = startRe(`^[\s\-+•*]*(?:(?:ở|tại|đối với|còn|riêng|trong đó|về phía|với)\s+)?$`)
)

// markCues decides, for each cue of a segment, which figure it labels
// (bound) and whether it is the subject of its clause.
func (s *Segment) markCues() {
	for k := range s.cues {
		cu := &s.cues[k]
		cu.bound = -1
		if cu.only {
			cu.subject = true
			continue
		}
		if m := boundAfterRe.FindStringIndex(s.lower[cu.end:]); m != nil {
			cu.bound = cu.end + m[1] - 1
			// The bound figure starts at its first digit.
		} else if m := boundBeforeRe.FindStringIndex(s.lower[:cu.start]); m != nil {
			j := m[0]
			for j > 0 && strings.IndexByte("0123456789.,", s.lower[j-1]) >= 0 {
				j--
			}
			cu.bound = j
		}
		cs := s.clauseStart(cu.start, nil)
		cu.subject = cu.bound < 0 && clauseHeadRe.MatchString(s.lower[cs:cu.start]) && !notSubjectRe.MatchString(s.lower[max(0, cu.start-12):cu.start])
		// Files "qua Trung tâm" make the centre the subject of what the
		// sentence says of them next ("… qua trung tâm là 172.440 hồ sơ,
		// tỷ lệ hồ sơ giải quyết sớm và đúng hạn là trên 98%").
		if cu.kind == cueCentre && s.through(cu) {
			cu.subject = true
		}

	}
}

// scopeState decides the segments' scopes lazily: the units a segment
// names and what it inherits are found only when a candidate of its
// paragraph asks (most segments hold none), and then for the segments
// of the paragraph up to it, in order, since a clause inherits from the
// clauses before it.
type scopeState struct {
	segs   []Segment
	own    map[string]bool
	docCue *cue
	// next is, per paragraph, the index of its first segment not yet
	// done, and carry the unit it passes on.
	next  map[*normalize.Para]int
	carry map[*normalize.Para]*cue
	open  map[*normalize.Para]bool // the last segment done ends with ";"
	done  []bool
}

// segmentScopes prepares the scopes of segs: the units each segment
// names and what it inherits. A clause whose subject is a unit passes
// that unit on to the next clauses of its sentence ("Cấp xã đã tiếp nhận
// 1.610 hồ sơ; trong ngày đã giải quyết 484 hồ sơ"); the public-service
// centre and another unit (another province, a ministry, the nation)
// pass on to the end of the paragraph, also when they are not the
// clause's first words ("Tỷ lệ … của cả nước vẫn chưa đạt mục tiêu. Đến
// cuối năm, tỷ lệ này chỉ đạt 45,8%"). A breakdown ("Trong đó, …"), an
// exception ("Riêng …") and a unit that labels a figure pass nothing on;
// a clause that names the province ("Toàn tỉnh …", "Tỉnh đã …") ends what
// was passed on. A document whose title's subject is one unit (a centre,
// a department, a district: "Trung tâm Phục vụ hành chính công giải
// quyết hơn 59 ngàn hồ sơ") is about that unit where a clause names
// nothing else. The work is done on demand (scopeState).
func segmentScopes(doc *normalize.Doc, segs []Segment) {
	st := &scopeState{segs: segs, own: ownNames(doc), next: map[*normalize.Para]int{},
		carry: map[*normalize.Para]*cue{}, open: map[*normalize.Para]bool{}, done: make([]bool, len(segs))}
	for i := range segs {
		segs[i].own, segs[i].st, segs[i].idx = st.own, st, i
		if p := segs[i].Para; p != nil {
			if _, ok := st.next[p]; !ok {
				st.next[p] = i
			}
		}
	}
	// The title decides the document's subject: do it now.
	for i := range segs {
		if segs[i].title {
			st.ensure(i)
		}
	}
}

// ensure finds the units segment i names and what it inherits, with the
// segments of its paragraph before it.
func (st *scopeState) ensure(i int) {
	if i < 0 || i >= len(st.segs) || st.done[i] {
		return
	}
	p := st.segs[i].Para
	if p == nil {
		s := &st.segs[i]
		s.cues = findCues(s.Text, s.lower, st.own)
		s.markCues()
		s.inherit = st.docCue
		st.done[i] = true
		return
	}
	carry, ok := st.carry[p]
	if !ok {
		carry = st.docCue
	}
	for j := st.next[p]; j <= i; j++ {
		s := &st.segs[j]
		if s.Para != p || st.done[j] {
			continue
		}
		st.done[j] = true
		st.next[p] = j + 1
		s.cues = findCues(s.Text, s.lower, st.own)
		s.markCues()
		if captionRe.MatchString(s.lower) {
			s.inherit = nil
			continue // a photo caption is no part of the text's thread
		}
		if carry != nil && !st.open[p] && carry != st.docCue && carry.kind != cueCentre && carry.kind != cueOther {
			carry = st.docCue // a level, group or unit governs its sentence only
		}
		s.inherit = carry
		st.open[p] = strings.HasSuffix(strings.TrimSpace(s.Text), ";")
		if s.title && len(s.cues) > 0 {
			// The title's subject opens it, or is the one place it reports
			// on: "Kết quả giải quyết hồ sơ tại Trung tâm Phục vụ hành chính công
			// …".
			if cu := s.cues[0]; (cu.start < 5 || len(s.cues) == 1 && titleAtRe.MatchString(s.lower[:cu.start])) && (cu.kind == cueCentre || cu.kind == cueUnit) {
				c := cu
				st.docCue = &c
				if s.inherit == nil {
					s.inherit = st.docCue // a headline run on into its first sentence
				}
			}
		}
		carry = st.passOn(s, carry)
	}
	st.carry[p] = carry
}

// passOn returns the unit a segment passes on to the next ones: the
// unit that governs it, named before its first figure as the subject of
// a verb, unless it is a breakdown or an exception.
func (st *scopeState) passOn(s *Segment, carry *cue) *cue {
	if partsBeforeRe.MatchString(s.lower) {
		return carry
	}
	first := firstFigure(s.lower)
	closed := closedSpans(s.lower)
	for j := len(s.cues) - 1; j >= 0; j-- {
		cu := s.cues[j]
		if cu.end > first || inSpans(cu.start, closed) {
			continue // after the first figure, or an aside ("(đặt tại phường …)")
		}
		if cu.kind == cueProvince {
			if cu.subject {
				return nil
			}
			return st.docCue
		}
		before := s.lower[max(0, cu.start-12):cu.start]
		if cu.bound >= 0 || cu.kind == cuePortal && !cu.subject || notSubjectRe.MatchString(before) && !(cu.kind == cueOther && ofRe.MatchString(before)) {
			return carry
		}
		if cu.subject || cu.kind == cueCentre || cu.kind == cueOther {
			c := cu
			return &c
		}
		return carry
	}
	return carry
}

// foreign reports whether a segment is about another unit (another
// province, a ministry, the nation) and not the province: such a clause
// decides no figure, not even one no pattern states (the SOC's state).
// A unit named in a parenthetical aside does not make it so.
func (s *Segment) foreign() bool {
	s.ensureScope()
	other, own := false, false
	closed := closedSpans(s.lower)
	for _, cu := range s.cues {
		if inSpans(cu.start, closed) {
			continue // "Trung tâm An ninh mạng quốc gia (Bộ Công an)": an aside
		}
		switch cu.kind {
		case cueOther:
			other = true
		case cueProvince:
			own = true
		}
	}
	return other && !own || s.inherit != nil && s.inherit.kind == cueOther && !own
}

// subUnitRe finds a named district, town, city or agency as the subject
// of a sentence: "Riêng thành phố Vinh", "Quận Cầu Giấy có", "huyện Krông
// Búk đạt".
var subUnitRe = startRe(`^(?:[-+•]\s*)?(?:\d{1,2}(?:\.\d{1,2})*\.?\s+|[a-zđ]\)\s+)?(?i:(?:trong đó|riêng|tại|ở|đối với)[,:]?\s+)?(?i:quận|huyện|thị xã|thành phố|tp\.?|xã|phường|thị trấn|sở|bệnh viện|trung tâm y tế)\s+((?:\p{Lu}[\p{L}'&]*\s*){1,5})`)

// centralCities are the provinces that are cities ("Thành phố Hà Nội").
var centralCities = map[string]bool{
	normalize.Fold("Hà Nội"): true, normalize.Fold("Hồ Chí Minh"): true, normalize.Fold("Hải Phòng"): true,
	normalize.Fold("Đà Nẵng"): true, normalize.Fold("Cần Thơ"): true, normalize.Fold("Huế"): true,
}

// firstFigure returns the offset of the first figure of s (a number that
// is no year and no part of a date or a period: "quý III-2025",
// "23/02/2026"), or len(s).
func firstFigure(s string) int {
	for i := 0; i < len(s); {
		if s[i] < '0' || s[i] > '9' {
			i++
			continue
		}
		j := i
		for j < len(s) && (s[j] >= '0' && s[j] <= '9' || (s[j] == '.' || s[j] == ',') && j+1 < len(s) && s[j+1] >= '0' && s[j+1] <= '9') {
			j++
		}
		prev := byte(' ')
		if i > 0 {
			prev = s[i-1]
		}
		next := byte(' ')
		if j < len(s) {
			next = s[j]
		}
		year := j-i == 4 && (s[i:i+2] == "19" || s[i:i+2] == "20")
		if !year && prev != '/' && prev != '-' && next != '/' && next != '-' {
			return i
		}
		i = j
	}
	return len(s)
}

// lastFigureOutsideCues returns the offset of the last figure of the
// segment before end (as firstFigure reads them) that is not inside a
// unit's name ("32 xã, phường"), or -1.
func (s *Segment) lastFigureOutsideCues(end int) int {
	last := -1
	for i := 0; i < end; {
		k := i + firstFigure(s.lower[i:end])
		if k >= end {
			break
		}
		if !s.inCue(k) {
			last = k
		}
		for k < end && strings.IndexByte("0123456789.,", s.lower[k]) >= 0 {
			k++
		}
		i = k
	}
	return last
}

// labelled reports whether a unit labels the figure at offset off.
func (s *Segment) labelled(off int) bool {
	for _, cu := range s.cues {
		if cu.bound == off {
			return true
		}
	}
	return false
}

// clauseEnd returns where the clause that goes on at offset i ends: at a
// semicolon, colon, full stop or parenthesis, or a comma that a word
// follows ("mức độ 3, 4" goes on), within n bytes.
func clauseEnd(s string, i, n int) int {
	end := min(len(s), i+n)
	for j := i; j < end; j++ {
		switch s[j] {
		case ';', ':', '.', '(':
			if s[j] == '.' && j+1 < len(s) && s[j+1] >= '0' && s[j+1] <= '9' {
				continue // a thousands separator
			}
			return j
		case ',':
			if k := j + 1 + len(s[j+1:]) - len(strings.TrimLeft(s[j+1:], " ")); k < len(s) && (s[k] < '0' || s[k] > '9') {
				return j
			}
		}
	}
	return end
}

// throughRe: the place files go through ("qua Trung tâm", "tại Trung
// tâm …"), at a cue's start or right before it.
var (
	throughRe       = startRe(`^(?:qua|tại) `)
	throughBeforeRe = startRe(`(?:qua|tại)\s*$`)
)

// through reports whether the centre cue cu names the place files go
// through.
func (s *Segment) through(cu *cue) bool {
	return throughRe.MatchString(s.lower[cu.start:]) || throughBeforeRe.MatchString(s.lower[max(0, cu.start-6):cu.start])
}

// sentenceEnd returns the offset of the first ";", "(" or full stop at
// or after i, at most i+n: unlike clauseEnd, commas do not end it.
func sentenceEnd(s string, i, n int) int {
	end := min(len(s), i+n)
	for j := i; j < end; j++ {
		switch s[j] {
		case ';', '(':
			return j
		case '.':
			if j+1 < len(s) && s[j+1] >= '0' && s[j+1] <= '9' {
				continue // a thousands separator
			}
			return j
		}
	}
	return end
}

// nextFigure returns the offset of the first number at or after i that
// is a figure, not the level of a service ("mức độ 3, 4"), or len(s).
func nextFigure(s string, i int) int {
	for j := i; j < len(s); j++ {
		if s[j] < '0' || s[j] > '9' {
			continue
		}
		k := j
		for k < len(s) && (s[k] >= '0' && s[k] <= '9' || s[k] == '.' && k+1 < len(s) && s[k+1] >= '0' && s[k+1] <= '9') {
			k++
		}
		if k-j == 1 && strings.Contains(s[max(0, j-20):j], "mức") {
			j = k
			continue
		}
		return j
	}
	return len(s)
}

// sentenceOf returns the lower-cased sentence of the segment's paragraph
// that holds offset off of the segment (a table row is its own
// sentence), and the clause before off.
func (s *Segment) sentenceOf(off int) (sentence, clause string) {
	off = min(max(off, 0), len(s.lower))
	clause = s.lower[s.clauseStart(off, closedSpans(s.lower[:off])):off]
	if s.Para == nil || len(s.lower) != len(s.Text) {
		return s.lower, clause
	}
	p := s.paraLower
	if p == "" {
		if p = strings.ToLower(s.Para.Text); len(p) != len(s.Para.Text) {
			return s.lower, clause
		}
	}
	at := s.Off + off
	start := sentenceStartBefore(p, at)
	end := len(p)
	for i := at; i+1 < len(p); i++ {
		if p[i] == '.' && p[i+1] == ' ' {
			end = i
			break
		}
	}
	return p[start:end], clause
}

// coversLevels reports whether two units joined by "và" are the
// provincial level and the districts (or communes) together: "các sở,
// ngành cấp tỉnh và UBND cấp huyện", "17 cơ quan, đơn vị cấp tỉnh và 9
// huyện, thành phố"; not some of each ("9/15 sở, ngành và 3/11 huyện":
// a part of the departments and a part of the districts).
func coversLevels(a, b cue, lower string) bool {
	if b.start < a.end || strings.TrimSpace(lower[a.end:b.start]) != "và" {
		return false
	}
	if partOfUnitsRe.Regexp().MatchString(a.unit) || partOfUnitsRe.Regexp().MatchString(b.unit) {
		return false
	}
	au, bu := strings.ToLower(a.unit), strings.ToLower(b.unit)
	prov := strings.Contains(au, "tỉnh") || strings.Contains(au, "sở")
	local := strings.Contains(bu, "huyện") || strings.Contains(bu, "quận") || strings.Contains(bu, "xã")
	return prov && local
}

// ensureScope finds the units the segment names and what it inherits,
// if not done yet (scopeState).
func (s *Segment) ensureScope() {
	if s.st != nil {
		s.st.ensure(s.idx)
	}
}
