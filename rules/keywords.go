package rules

import (
	"slices"

	"github.com/baocao/baocao/normalize"
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
	ac    *automaton
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
func (k *keywords) build() { k.ac = newAutomaton(k.words) }

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
	return k.ac.scan(text)
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
	var last []hit // the last occurrence taken of each word
	for _, h := range hits {
		if !slices.Contains(ids, int(h.id)) {
			continue
		}
		k := slices.IndexFunc(last, func(l hit) bool { return l.id == h.id })
		if k >= 0 && h.start < last[k].end {
			continue
		}
		if k < 0 {
			last = append(last, h)
		} else {
			last[k] = h
		}
		out = append(out, []int{int(h.start), int(h.end)})
	}
	return out
}

// toLower is strings.ToLower, faster on Vietnamese text.
func toLower(s string) string { return normalize.Lower(s) }

// automaton is an Aho–Corasick automaton compiled to a DFA: one table
// row per state of the trie of the words, one column per byte class
// (each byte that occurs in a word is a class, every other byte is class
// 0), every transition resolved, so that a scan reads one table entry
// per byte of text. The rows are built in breadth-first order, each from
// its failure state's row, which costs a copy per state (1.7 ms for the
// rules' 500 words, against 7 ms for github.com/coregx/ahocorasick, which
// resolves every transition by walking failure links).
type automaton struct {
	class   [256]uint8
	stride  int32     // the number of byte classes
	trans   []int32   // [state*stride+class]: the next state times stride, negative where it has matches
	matches [][]int32 // per state: the ids of the words that end there, its own first, then its failure state's
	lens    []int32   // per word id: its length
}

// newAutomaton compiles the automaton of words (none empty, none twice).
func newAutomaton(words []string) *automaton {
	a := &automaton{lens: make([]int32, len(words))}
	n := int32(1)
	for _, w := range words {
		for i := 0; i < len(w); i++ {
			if a.class[w[i]] == 0 {
				a.class[w[i]] = uint8(n)
				n++
			}
		}
	}
	if n > 256 {
		panic("rules: keyword automaton: too many byte classes")
	}
	a.stride = n
	// The trie, as lists of edges: first[state] is its first edge+1,
	// each edge a class, a child and the state's next edge+1.
	type edge struct{ class, child, next int32 }
	size := 1
	for _, w := range words {
		size += len(w)
	}
	first := make([]int32, 1, size)
	edges := make([]edge, 0, size)
	a.matches = make([][]int32, 1, size)
	child := func(s, c int32) int32 {
		for e := first[s]; e != 0; e = edges[e-1].next {
			if edges[e-1].class == c {
				return edges[e-1].child
			}
		}
		return 0
	}
	for id, w := range words {
		a.lens[id] = int32(len(w))
		s := int32(0)
		for i := 0; i < len(w); i++ {
			c := int32(a.class[w[i]])
			if next := child(s, c); next != 0 {
				s = next
				continue
			}
			next := int32(len(first))
			first = append(first, 0)
			a.matches = append(a.matches, nil)
			edges = append(edges, edge{c, next, first[s]})
			first[s] = int32(len(edges))
			s = next
		}
		a.matches[s] = append(a.matches[s], int32(id))
	}
	states := int32(len(first))
	a.trans = make([]int32, states*n)
	fail := make([]int32, states)
	queue := make([]int32, 0, states)
	// The root's row: its children, else itself.
	for e := first[0]; e != 0; e = edges[e-1].next {
		a.trans[edges[e-1].class] = edges[e-1].child
		queue = append(queue, edges[e-1].child)
	}
	for qi := 0; qi < len(queue); qi++ {
		s := queue[qi]
		f := fail[s]
		if f != 0 && len(a.matches[f]) > 0 {
			a.matches[s] = append(a.matches[s], a.matches[f]...)
		}
		row, frow := a.trans[s*n:(s+1)*n], a.trans[f*n:(f+1)*n]
		copy(row, frow)
		for e := first[s]; e != 0; e = edges[e-1].next {
			c, ch := edges[e-1].class, edges[e-1].child
			row[c] = ch
			fail[ch] = frow[c]
			queue = append(queue, ch)
		}
	}
	// Premultiply and mark the states with matches.
	for i, next := range a.trans {
		v := next * n
		if len(a.matches[next]) > 0 {
			v = -v - 1
		}
		a.trans[i] = v
	}
	return a
}

// scan returns every occurrence of every word in text, overlapping ones
// included, in order of their ends (at one end, the longest word first).
func (a *automaton) scan(text string) []hit {
	var out []hit
	trans, class := a.trans, &a.class
	s := int32(0)
	for i := 0; i < len(text); i++ {
		next := trans[s+int32(class[text[i]])]
		if next >= 0 {
			s = next
			continue
		}
		s = -next - 1
		end := int32(i + 1)
		for _, id := range a.matches[s/a.stride] {
			out = append(out, hit{id, end - a.lens[id], end})
		}
	}
	return out
}
