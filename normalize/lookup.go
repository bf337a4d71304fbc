package normalize

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
)

// ProvinceMatch is a province-level unit named by a user, with the map
// it belongs to: Era is "63" (until 2025-06-30) or "34" (from
// 2025-07-01).
type ProvinceMatch struct {
	ProvinceInfo
	Era string
}

// LookupProvince resolves a province named by a person, as on a command
// line or in a search box: a GSO code ("66", "1"), or a name in any
// case and Unicode form (NFC or NFD), with or without diacritics, with
// or without "tỉnh", "thành phố" or "TP." ("Đắk Lắk", "dak lak",
// "DAKLAK", "kon tum"), in the spellings [FindProvince] accepts ("Đăk
// Lăk", "TP.HCM", "Thanh Hoá"), or a unique prefix of one ("kon",
// "thừa thiên").
//
// A code names the unit with that code in both maps (code 15 is Yên Bái
// until 2025-06-30 and Lào Cai after): the caller picks by year. A name
// names the unit of each map that carries it: "Lào Cai" is 10 in the
// 63 and 15 in the 34; "Kon Tum" only 62 in the 63.
//
// When nothing matches, or a prefix fits several names, the error is a
// *ProvinceLookupError with the nearest names as suggestions.
func LookupProvince(s string) ([]ProvinceMatch, error) {
	d := provinces()
	q := strings.TrimSpace(s)
	if q == "" {
		return nil, &ProvinceLookupError{Query: s}
	}
	all := func(keep func(p ProvinceInfo) bool) []ProvinceMatch {
		var out []ProvinceMatch
		for _, era := range []struct {
			list []ProvinceInfo
			name string
		}{{d.p63, "63"}, {d.p34, "34"}} {
			for _, p := range era.list {
				if keep(p) {
					out = append(out, ProvinceMatch{p, era.name})
				}
			}
		}
		return out
	}
	if isDigits(q) {
		code := q
		if len(code) == 1 {
			code = "0" + code
		}
		if m := all(func(p ProvinceInfo) bool { return p.Code == code }); len(m) > 0 {
			return m, nil
		}
		return nil, &ProvinceLookupError{Query: s}
	}
	key := lookupKey(q)
	for _, cue := range []string{"tinh", "thanhpho", "tp"} {
		if rest, ok := strings.CutPrefix(key, cue); ok && rest != "" && lookupKnown(rest) {
			key = rest
		}
	}
	if m := lookupByKey(key); len(m) > 0 {
		return slices.Clone(m), nil
	}
	// A unique prefix of one name.
	names := map[string]bool{}
	m := all(func(p ProvinceInfo) bool {
		for _, n := range lookupNames(p) {
			if strings.HasPrefix(n, key) {
				names[p.Name] = true
				return true
			}
		}
		return false
	})
	if len(names) == 1 {
		return m, nil
	}
	e := &ProvinceLookupError{Query: s}
	if len(names) > 1 {
		for n := range names {
			e.Suggestions = append(e.Suggestions, n)
		}
		sort.Strings(e.Suggestions)
		return nil, e
	}
	e.Suggestions = nearestProvinces(key, 3)
	return nil, e
}

// byKey maps the key of every name and spelling of a unit (lookupKey)
// to the units of both maps that carry it, built once.
var byKey struct {
	once sync.Once
	m    map[string][]ProvinceMatch
}

// lookupByKey returns the units of both maps whose name, or one of
// its spellings, has the key (see lookupKey) exactly. The result is
// shared: do not modify it.
func lookupByKey(key string) []ProvinceMatch {
	byKey.once.Do(func() {
		d := provinces()
		byKey.m = map[string][]ProvinceMatch{}
		for _, era := range []struct {
			list []ProvinceInfo
			name string
		}{{d.p63, Era63}, {d.p34, Era34}} {
			for _, p := range era.list {
				seen := map[string]bool{}
				for _, k := range lookupNames(p) {
					if !seen[k] {
						seen[k] = true
						byKey.m[k] = append(byKey.m[k], ProvinceMatch{p, era.name})
					}
				}
			}
		}
	})
	return byKey.m[key]
}

// ProvinceLookupError says that a name or code matches no province, or
// several; Suggestions are the nearest names (or the names a prefix
// fits).
type ProvinceLookupError struct {
	Query       string
	Suggestions []string
}

func (e *ProvinceLookupError) Error() string {
	msg := fmt.Sprintf("no province %q", e.Query)
	if len(e.Suggestions) > 0 {
		msg += "; did you mean " + strings.Join(e.Suggestions, ", ") + "?"
	}
	return msg
}

// lookupKey folds a user's spelling for comparison: FoldASCII, with
// spaces, hyphens and dots removed ("Bà Rịa - Vũng Tàu" → "bariavungtau").
func lookupKey(s string) string {
	f := FoldASCII(s)
	var b strings.Builder
	for _, r := range f {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// lookupNames returns the keys of a unit's name and of its spelling
// variants.
func lookupNames(p ProvinceInfo) []string {
	out := []string{lookupKey(p.Name)}
	for _, v := range provinceVariants[p.Code] {
		out = append(out, lookupKey(v))
	}
	if p.Code == "46" {
		out = append(out, lookupKey("Thừa Thiên Huế"))
	}
	return out
}

// lookupKnown reports whether key starts a province name, so that
// "tinh" is cut from "tỉnh Kon Tum" but "Tây Ninh" keeps its letters.
func lookupKnown(key string) bool {
	for _, list := range [][]ProvinceInfo{provinces().p63, provinces().p34} {
		for _, p := range list {
			for _, n := range lookupNames(p) {
				if strings.HasPrefix(n, key) {
					return true
				}
			}
		}
	}
	return false
}

// nearestProvinces returns the n names whose keys are nearest to key by
// edit distance.
func nearestProvinces(key string, n int) []string {
	type cand struct {
		name string
		dist int
	}
	best := map[string]int{}
	for _, list := range [][]ProvinceInfo{provinces().p63, provinces().p34} {
		for _, p := range list {
			for _, k := range lookupNames(p) {
				dist := editDistance(key, k)
				if len(k) > len(key) {
					// A misspelt beginning of a long name.
					dist = min(dist, editDistance(key, k[:len(key)])+1)
				}
				if d, ok := best[p.Name]; !ok || dist < d {
					best[p.Name] = dist
				}
			}
		}
	}
	var cs []cand
	for name, dist := range best {
		cs = append(cs, cand{name, dist})
	}
	sort.Slice(cs, func(i, j int) bool {
		if cs[i].dist != cs[j].dist {
			return cs[i].dist < cs[j].dist
		}
		return cs[i].name < cs[j].name
	})
	var out []string
	for _, c := range cs[:min(n, len(cs))] {
		out = append(out, c.name)
	}
	return out
}

// editDistance is the Levenshtein distance between two ASCII keys.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return len(s) <= 2
}

func slicesContains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
