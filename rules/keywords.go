package rules

import (
	"slices"
	"unsafe"

	"github.com/baocao/baocao/normalize"
	"github.com/coregx/ahocorasick"
)

// keywords is the one multi-pattern automaton of the rules: every
// family's gate words, every literal a rule's pattern requires or starts
// with, the plan words and the topic words, in lower case. One scan of a
// paragraph (or of a table segment) finds every occurrence of every one
// of them; the gates and the start positions of the rules are then set
// lookups instead of substring searches.
type keywords struct {
	words []string
	ids   map[string]int
	ac    *ahocorasick.Automaton
}

// id returns the id of word, adding it while the automaton is not built.
func (k *keywords) id(word string) int {
	if i, ok := k.ids[word]; ok {
		return i
	}
	if k.ac != nil {
		panic("rules: keyword " + word + " added after the automaton was built")
	}
	if k.ids == nil {
		k.ids = map[string]int{}
	}
	k.ids[word] = len(k.words)
	k.words = append(k.words, word)
	return len(k.words) - 1
}

// idSet returns the ids of words.
func (k *keywords) idSet(words []string) []int {
	out := make([]int, 0, len(words))
	for _, w := range words {
		out = append(out, k.id(w))
	}
	return out
}

// build compiles the automaton of the words added so far.
func (k *keywords) build() {
	b := ahocorasick.NewBuilder()
	for _, w := range k.words {
		b.AddPattern([]byte(w))
	}
	if len(k.words) == 0 {
		b.AddPattern([]byte{0}) // the builder wants one pattern
	}
	ac, err := b.Build()
	if err != nil {
		panic("rules: keyword automaton: " + err.Error())
	}
	k.ac = ac
}

// hit is one occurrence of a keyword: its id and its byte span.
type hit struct {
	id         int32
	start, end int32
}

// scan returns every occurrence of every keyword in text (overlapping
// ones included), in order of their ends.
func (k *keywords) scan(text string) []hit {
	if text == "" {
		return nil
	}
	ms := k.ac.FindAllOverlapping(unsafe.Slice(unsafe.StringData(text), len(text)))
	out := make([]hit, len(ms))
	for i, m := range ms {
		out[i] = hit{int32(m.PatternID), int32(m.Start), int32(m.End)}
	}
	return out
}

// kwSet is a set of keyword ids, one bit each.
type kwSet []uint64

func newKwSet(n int) kwSet { return make(kwSet, (n+63)/64) }

func (s kwSet) add(id int32)    { s[id>>6] |= 1 << (id & 63) }
func (s kwSet) has(id int) bool { return s[id>>6]&(1<<(id&63)) != 0 }
func (s kwSet) hasAny(ids []int) bool {
	for _, id := range ids {
		if s.has(id) {
			return true
		}
	}
	return false
}

// hasAll reports whether s holds one keyword of every set.
func (s kwSet) hasAll(sets [][]int) bool {
	for _, set := range sets {
		if !s.hasAny(set) {
			return false
		}
	}
	return true
}

// hitsIn appends to dst the hits that lie within [from, to), shifted to
// start at from. hits are in order of their ends.
func hitsIn(dst, hits []hit, from, to int) []hit {
	i, _ := slices.BinarySearchFunc(hits, int32(from), func(h hit, t int32) int { return int(h.end - t) })
	for ; i < len(hits) && int(hits[i].end) <= to; i++ {
		if h := hits[i]; int(h.start) >= from {
			dst = append(dst, hit{h.id, h.start - int32(from), h.end - int32(from)})
		}
	}
	return dst
}

// hitsWithin reports whether hits (in order of their ends) hold, within
// [from, to), a keyword of every set.
func hitsWithin(hits []hit, sets [][]int, from, to int) bool {
	if len(sets) == 0 {
		return true
	}
	i, _ := slices.BinarySearchFunc(hits, int32(from), func(h hit, t int32) int { return int(h.end - t) })
	for _, set := range sets {
		found := false
		for j := i; j < len(hits) && int(hits[j].end) <= to; j++ {
			if int(hits[j].start) >= from && slices.Contains(set, int(hits[j].id)) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// hitStarts reports whether one of the keywords ids starts within
// [from, to) (hits are in order of their ends).
func hitStarts(hits []hit, ids []int, from, to int) bool {
	i, _ := slices.BinarySearchFunc(hits, int32(from), func(h hit, t int32) int { return int(h.end - t) })
	for ; i < len(hits); i++ {
		h := hits[i]
		if int(h.start) >= from && int(h.start) < to && slices.Contains(ids, int(h.id)) {
			return true
		}
	}
	return false
}

// hitBefore reports whether one of the keywords ids ends at or before
// offset off (hits are in order of their ends).
func hitBefore(hits []hit, ids []int, off int) bool {
	for _, h := range hits {
		if int(h.end) > off {
			return false
		}
		if slices.Contains(ids, int(h.id)) {
			return true
		}
	}
	return false
}

// spans returns the spans of the keywords ids in hits, in order of their
// ends, leaving out an occurrence of a word that overlaps the previous
// occurrence of the same word (as successive strings.Index calls do).
func spans(hits []hit, ids []int) [][]int {
	var out [][]int
	last := map[int32]int32{}
	for _, h := range hits {
		if !slices.Contains(ids, int(h.id)) {
			continue
		}
		if e, ok := last[h.id]; ok && h.start < e {
			continue
		}
		last[h.id] = h.end
		out = append(out, []int{int(h.start), int(h.end)})
	}
	return out
}

// toLower is strings.ToLower, faster on Vietnamese text.
func toLower(s string) string { return normalize.Lower(s) }
