package normalize

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// A Vietnamese syllable is written initial + rhyme, with at most one tone
// mark, on the vowel that carries it: th + ương + acute = "thướng". One
// validator, validSyllable, serves two readers: the legacy-encoding
// detector (legScore), which must accept the place names of the Central
// Highlands (Krông, Đắk, Pleiku), and the glued-word splitter
// (SplitGluedSyllables), which must not, lest it split loanwords.

// Tones, as marks on a vowel.
const (
	toneNone = iota
	toneGrave
	toneAcute
	toneTilde
	toneHook
	toneDot
)

// vowelBase and vowelTone map every toned vowel to its untoned base and tone.
var (
	vowelOnce sync.Once
	vowelBase map[rune]rune
	vowelTone map[rune]int
)

func loadVowels() {
	vowelOnce.Do(func() {
		vowelBase = map[rune]rune{}
		vowelTone = map[rune]int{}
		marks := []rune{0, 0x0300, 0x0301, 0x0303, 0x0309, 0x0323}
		for _, v := range "aăâeêioôơuưy" {
			for tone, m := range marks {
				c := v
				if m != 0 {
					s := norm.NFC.String(string([]rune{v, m}))
					c, _ = utf8.DecodeRuneInString(s)
				}
				vowelBase[c] = v
				vowelTone[c] = tone
			}
		}
	})
}

// syllableInitials are the Vietnamese initial consonants, longest first.
var syllableInitials = []string{
	"ngh", "ng", "gh", "gi", "kh", "ch", "nh", "ph", "th", "tr", "qu",
	"kr", "gl", "pl", "bl", "dr", "hr",
	"b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
}

// syllableRhymes are the Vietnamese rhymes, without tone.
var syllableRhymes = func() map[string]bool {
	m := map[string]bool{}
	for _, r := range strings.Fields(`
		a ac ach ai am an ang anh ao ap at au ay
		ăc ăm ăn ăng ăp ăt
		âc âm ân âng âp ât âu ây
		e ec em en eng eo ep et
		ê êch êm ên ênh êp êt êu
		i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu
		o oc oi om on ong op ot
		oa oac oach oai oam oan oang oanh oao oap oat oay
		oăc oăm oăn oăng oăt oe oen oeo oet ooc oong
		ô ôc ôi ôm ôn ông ôp ôt
		ơ ơi ơm ơn ơp ơt
		u ua uân uâng uât uây uc uê uêch uênh ui um un ung up ut
		uy uya uych uyên uyêt uyn uynh uyp uyt uyu
		uôc uôi uôm uôn uông uôt uơ
		ư ưa ưc ưi ưm ưn ưng ưt ưu ươc ươi ươm ươn ương ươp ươt ươu
		y yêm yên yêng yêt yêu ynh yt ych yn yp
		ak ăk âk ek ik ok ôk ơk uk ưk`) {
		m[r] = true
	}
	return m
}()

// tonePlaced reports whether a tone on rhyme[pos] is where Vietnamese
// spelling puts it.
func tonePlaced(rhyme []rune, pos int) bool {
	var vowels []int // indexes of the vowels of rhyme
	marked := -1     // the last vowel with a quality mark (ă â ê ô ơ ư)
	for i, r := range rhyme {
		if strings.ContainsRune("aăâeêioôơuưy", r) {
			vowels = append(vowels, i)
			if strings.ContainsRune("ăâêôơư", r) {
				marked = i
			}
		}
	}
	if len(vowels) == 0 || pos < 0 || pos >= len(rhyme) {
		return false
	}
	last := vowels[len(vowels)-1]
	switch {
	case marked >= 0:
		return pos == marked
	case last < len(rhyme)-1: // a final consonant follows
		return pos == last
	case len(vowels) == 1:
		return pos == vowels[0]
	case len(vowels) == 2:
		switch string(rhyme) {
		case "oa", "oe", "uy":
			return true
		}
		return pos == vowels[0]
	default:
		return pos == vowels[1]
	}
}

// validSyllable reports whether w, in lower case, is a well-formed
// Vietnamese syllable: initial consonant, rhyme, at most one tone, the
// tone on the vowel that carries it (either of the two in oa, oe, uy,
// old or new style), and only the acute or dot tone on a rhyme ending
// in c, ch, p or t. With names set it also accepts the initials and the
// final k of the place names of the Central Highlands (Krông, Đắk,
// Pleiku); without, it applies the native spelling rules instead: no p
// initial (pin, Pắc are loanwords and names), c, g and ng are not
// written before e, ê and i (k, gh and ngh are, and only there), and g
// before i is gi (gì, gìn).
func validSyllable(w string, names bool) bool {
	loadVowels()
	base := make([]rune, 0, 8)
	tone, tonePos := toneNone, -1
	for _, r := range w {
		if v, ok := vowelBase[r]; ok {
			if t := vowelTone[r]; t != toneNone {
				if tone != toneNone {
					return false
				}
				tone, tonePos = t, len(base)
			}
			base = append(base, v)
			continue
		}
		if r == 'đ' || ('a' <= r && r <= 'z' && !strings.ContainsRune("fjwz", r)) {
			base = append(base, r)
			continue
		}
		return false
	}
	s := string(base)
	for _, in := range syllableInitials {
		rest, ok := strings.CutPrefix(s, in)
		if !ok || !names && nameInitials[in] {
			continue
		}
		n := utf8.RuneCountInString(in)
		if rest == "" {
			if in == "gi" && (tone == toneNone || tonePos == 1) {
				return true
			}
			continue
		}
		rhyme := rest
		if !names {
			if strings.HasSuffix(rest, "k") || !nativeSpelling(in, rest) {
				continue
			}
			// giếng, giết: the i of gi is also the i of iê.
			if in == "gi" && strings.HasPrefix(rest, "ê") {
				rhyme = "i" + rest
			}
		}
		if !syllableRhymes[rhyme] {
			continue
		}
		// A rhyme that starts with y follows no consonant but qu
		// (quy, quỳnh), except yê…, which also stands alone (yên).
		if rest[0] == 'y' && rest != "y" && in != "qu" && (in != "" || !strings.HasPrefix(rest, "yê")) {
			continue
		}
		if strings.HasSuffix(rest, "c") || strings.HasSuffix(rest, "ch") ||
			strings.HasSuffix(rest, "p") || strings.HasSuffix(rest, "t") {
			if tone != toneAcute && tone != toneDot {
				continue
			}
		}
		if tone != toneNone && (tonePos < n || !tonePlaced([]rune(rest), tonePos-n)) {
			continue
		}
		return true
	}
	return false
}

// nameInitials are the initials of syllableInitials found only in names
// and loanwords.
var nameInitials = map[string]bool{"kr": true, "gl": true, "pl": true, "bl": true, "dr": true, "hr": true, "p": true}

// nativeSpelling applies the spelling rules of native words to an
// initial and a rhyme without tone (see validSyllable).
func nativeSpelling(initial, rhyme string) bool {
	first, _ := utf8.DecodeRuneInString(rhyme)
	front := first == 'e' || first == 'ê' || first == 'i' || first == 'y'
	switch initial {
	case "c", "ng":
		return !front
	case "g":
		return !front || rhyme == "i" || rhyme == "in"
	case "k", "gh", "ngh":
		return front
	case "qu":
		return first != 'u' && first != 'o'
	case "gi":
		return first != 'i'
	}
	return true
}

// IsSyllable reports whether w, one word, is spelled as a native
// Vietnamese syllable (see validSyllable, without names): loanwords and
// the names of the Central Highlands (Đắk, Krông) are not. Case is
// ignored; w should be NFC.
func IsSyllable(w string) bool {
	return validSyllable(strings.ToLower(w), false)
}

// maxSyllableRunes is the length of the longest written syllable
// ("nghiêng", "khuyếch").
const maxSyllableRunes = 7

// SplitGluedSyllables puts the missing spaces back into words that OCR
// glued together ("tinvà" → "tin và", "CHÍNHQUYỀN" → "CHÍNH QUYỀN"). A
// word, a run of letters, is split only when all of these hold: it is
// not a syllable itself ([IsSyllable]); it has a letter outside ASCII
// (so that loanwords, codes and names typed without diacritics such as
// "online", "Zalo" or "Pleiku" are left alone); it is all lower case
// after its first letter, or all upper case; and it splits into
// syllables in exactly one way with the fewest parts. Everything else
// is kept as it is, including words that split in two ways with as few
// parts ("thanhân": "tha nhân" or "than hân"; "đảman": "đảm an" or "đả
// man"): a consonant between two vowels may end the first syllable or
// begin the second, and without word statistics the spelling cannot
// tell which. s should be NFC. The result is longer than s by one byte
// for each space put back.
func SplitGluedSyllables(s string) string {
	return rewriteWords(s, func(w string) string {
		cuts := splitWord(w)
		if cuts == nil {
			return w
		}
		var b strings.Builder
		prev := 0
		for _, c := range cuts {
			b.WriteString(w[prev:c])
			b.WriteByte(' ')
			prev = c
		}
		b.WriteString(w[prev:])
		return b.String()
	})
}

// rewriteWords returns s with each word, a run of letters and combining
// marks, replaced by fix(word); s itself when fix changes none.
func rewriteWords(s string, fix func(w string) string) string {
	var b strings.Builder
	last := 0
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) {
			i += n
			continue
		}
		j := i
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) {
				break
			}
			j += n
		}
		if w := fix(s[i:j]); w != s[i:j] {
			if b.Len() == 0 {
				b.Grow(len(s) + 8)
			}
			b.WriteString(s[last:i])
			b.WriteString(w)
			last = j
		}
		i = j
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// splitWord returns the byte offsets at which word w splits into
// syllables (see SplitGluedSyllables), or nil to keep it.
func splitWord(w string) []int {
	runes := []rune(w)
	if len(runes) < 3 || len(runes) > 4*maxSyllableRunes || IsSyllable(w) {
		return nil
	}
	ascii, upper, lowerTail := true, true, true
	for k, r := range runes {
		if r >= 0x80 {
			ascii = false
		}
		if unicode.IsLower(r) {
			upper = false
		} else if k > 0 {
			lowerTail = false
		}
	}
	if ascii || !upper && !lowerTail {
		return nil
	}
	// best[k] is the fewest syllables runes[:k] splits into (-1: none),
	// ways[k] in how many ways (capped at 2), from[k] where the last
	// syllable starts.
	n := len(runes)
	best := make([]int, n+1)
	ways := make([]int, n+1)
	from := make([]int, n+1)
	for k := 1; k <= n; k++ {
		best[k] = -1
	}
	ways[0] = 1
	for k := 1; k <= n; k++ {
		for j := max(0, k-maxSyllableRunes); j < k; j++ {
			if best[j] < 0 || !IsSyllable(string(runes[j:k])) {
				continue
			}
			switch c := best[j] + 1; {
			case best[k] < 0 || c < best[k]:
				best[k], ways[k], from[k] = c, ways[j], j
			case c == best[k]:
				ways[k] = min(2, ways[k]+ways[j])
			}
		}
	}
	if best[n] < 2 || ways[n] != 1 {
		return nil // not two syllables or more, or ambiguous
	}
	var cuts []int
	for k := from[n]; k > 0; k = from[k] {
		cuts = append(cuts, len(string(runes[:k])))
	}
	for a, b := 0, len(cuts)-1; a < b; a, b = a+1, b-1 {
		cuts[a], cuts[b] = cuts[b], cuts[a]
	}
	return cuts
}
