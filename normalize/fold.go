package normalize

import (
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/unicode/norm"
)

// Fold returns s in a form for matching: NFC, lower case, one tone
// placement (hoà = hòa), Đăk = Đắk and the like.
//
// In detail:
//   - Unicode NFC and lower case; đ stays đ and other diacritics stay
//     (use [FoldASCII] to drop them);
//   - the tone mark of the open syllables oa, oe and uy is put on the
//     first vowel, the "old" placement used by the GSO lists: hoà →
//     hòa, Thanh Hoá → thanh hóa, thuỷ → thủy, khoẻ → khỏe ("qu" is a
//     consonant, so quý stays quý; closed syllables such as hoàng,
//     khoảng, thuyền are the same in both conventions and stay);
//   - ă or â before a final k without a tone mark gets the acute that
//     Vietnamese spelling requires (Đăk Lăk → đắk lắk), so that the two
//     spellings of Central Highlands names match;
//   - every run of white space becomes one space, leading and trailing
//     space is removed; every hyphen or dash becomes "-" and the spaces
//     around it are dropped ("Bà Rịa - Vũng Tàu" → "bà rịa-vũng tàu").
//
// Fold does not keep byte offsets: use it to compare, not to locate.
func Fold(s string) string {
	// A letter that lower-cases to a rune nfcStable does not accept (Ⱥ
	// → ⱥ) marks the output for a check; foldSyllable writes only runes
	// it accepts. Otherwise an input nfcStable accepts gives an output
	// it accepts.
	stable := nfcStable(s)
	if !stable {
		s = norm.NFC.String(s)
	}
	f := folder{buf: make([]byte, 0, len(s)), syl: -1}
	t := runes()
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
				f.letter()
				f.buf = append(f.buf, c|0x20)
				continue
			}
			f.flush()
			switch c {
			case ' ', '\t', '\n', '\v', '\f', '\r':
				f.space = true
			case '-':
				// No space around a dash.
				f.buf = append(f.buf, '-')
				f.space = false
			default:
				f.sep()
				f.buf = append(f.buf, c)
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if letterOrMark(t, r) {
			f.letter()
			f.wide = true
			lr := lowerRune(t, r)
			stable = stable && stableRune(lr)
			f.buf = utf8.AppendRune(f.buf, lr)
			continue
		}
		f.flush()
		switch {
		case unicode.IsSpace(r):
			f.space = true
		case numIsDash(r):
			f.buf = append(f.buf, '-')
			f.space = false
		default:
			f.sep()
			f.buf = utf8.AppendRune(f.buf, r)
		}
	}
	f.flush()
	out := unsafe.String(unsafe.SliceData(f.buf), len(f.buf))
	// Lower-casing can leave a letter and a mark that compose (İ̃ → i
	// and a tilde, which NFC writes ĩ).
	if !stable && !nfcStable(out) && !norm.NFC.IsNormalString(out) {
		out = norm.NFC.String(out)
	}
	return out
}

// stableRune reports whether nfcStable accepts the valid rune r.
func stableRune(r rune) bool { return r < 0x300 || r >= 0x1E00 && r <= 0x1EFF }

// mayRetone reports whether foldSyllable may change the lower-case
// syllable b: whether it ends in ăk or âk, or in o or u and a vowel with
// a tone mark.
func mayRetone(b []byte) bool {
	r, n := utf8.DecodeLastRune(b)
	b = b[:len(b)-n]
	if r == 'k' {
		p, _ := utf8.DecodeLastRune(b)
		return p == 'ă' || p == 'â'
	}
	if r < utf8.RuneSelf || len(b) == 0 || b[len(b)-1] != 'o' && b[len(b)-1] != 'u' {
		return false
	}
	return toneIndex(tonedA, r) >= 0 || toneIndex(tonedE, r) >= 0 || toneIndex(tonedY, r) >= 0
}

// folder is the state of Fold: the folded text so far, and the
// syllable being read, buf[syl:] (syl < 0 between syllables), lower-
// cased as it is read. Only a syllable with a rune beyond ASCII can
// change its tone placement (foldSyllable): wide marks it, and only
// such a syllable is read back as runes.
type folder struct {
	buf   []byte
	space bool // white space seen and not yet written
	syl   int
	wide  bool
}

// sep writes the pending space, if any, unless after a dash or at the
// start.
func (f *folder) sep() {
	if f.space && len(f.buf) > 0 && f.buf[len(f.buf)-1] != '-' {
		f.buf = append(f.buf, ' ')
	}
	f.space = false
}

// letter starts a syllable if none is being read.
func (f *folder) letter() {
	if f.syl < 0 {
		f.sep()
		f.syl = len(f.buf)
	}
}

// flush ends the syllable being read, folding its tone placement.
func (f *folder) flush() {
	if f.syl < 0 {
		return
	}
	if f.wide && mayRetone(f.buf[f.syl:]) {
		var arr [16]rune
		rs := arr[:0]
		for _, r := range string(f.buf[f.syl:]) {
			rs = append(rs, r)
		}
		foldSyllable(rs)
		f.buf = f.buf[:f.syl]
		for _, r := range rs {
			f.buf = utf8.AppendRune(f.buf, r)
		}
	}
	f.syl, f.wide = -1, false
}

// Vowels with a tone mark, NFC, in the order of the tones: grave
// (huyền), acute (sắc), hook (hỏi), tilde (ngã), dot below (nặng).
var (
	tonedA = []rune("àáảãạ")
	tonedE = []rune("èéẻẽẹ")
	tonedY = []rune("ỳýỷỹỵ")
	tonedO = []rune("òóỏõọ")
	tonedU = []rune("ùúủũụ")
)

func toneIndex(set []rune, r rune) int {
	for i, t := range set {
		if t == r {
			return i
		}
	}
	return -1
}

// foldSyllable canonicalizes in place the tone placement of one
// lower-case NFC syllable (see Fold).
func foldSyllable(rs []rune) {
	n := len(rs)
	if n >= 2 && rs[n-1] == 'k' && (rs[n-2] == 'ă' || rs[n-2] == 'â') {
		// ăk, âk without tone → ắk, ấk.
		if rs[n-2] == 'ă' {
			rs[n-2] = 'ắ'
		} else {
			rs[n-2] = 'ấ'
		}
		return
	}
	if n < 2 {
		return
	}
	// Open syllables oa, oe, uy with the tone on the last vowel: move it
	// to the first.
	v1, v2 := rs[n-2], rs[n-1]
	var t int
	var first []rune
	switch v1 {
	case 'o':
		if t = toneIndex(tonedA, v2); t >= 0 {
			rs[n-1] = 'a'
		} else if t = toneIndex(tonedE, v2); t >= 0 {
			rs[n-1] = 'e'
		}
		first = tonedO
	case 'u':
		if n >= 3 && rs[n-3] == 'q' {
			return
		}
		if t = toneIndex(tonedY, v2); t >= 0 {
			rs[n-1] = 'y'
		}
		first = tonedU
	default:
		return
	}
	if t < 0 {
		return
	}
	if n >= 3 && foldIsVowel(rs[n-3]) {
		// Part of a longer vowel cluster: leave it.
		rs[n-1] = v2
		return
	}
	rs[n-2] = first[t]
}

// foldIsVowel reports whether r is a Vietnamese vowel letter, with or
// without diacritics.
func foldIsVowel(r rune) bool {
	d := norm.NFD.String(string(r))
	switch d[0] {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

// FoldASCII returns Fold(s) with every diacritic removed and đ written
// d: for loose matching of names typed without Vietnamese letters
// ("Daklak", "Thua Thien Hue").
func FoldASCII(s string) string {
	f := norm.NFD.String(Fold(s))
	var b strings.Builder
	b.Grow(len(f))
	for _, r := range f {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'đ':
			b.WriteByte('d')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// provNFC returns s in Unicode NFC.
func provNFC(s string) string { return nfc(s) }

// nfc returns s in Unicode NFC (norm.NFC.String), s itself without
// asking the norm package where s is nfcStable.
func nfc(s string) string {
	if nfcStable(s) {
		return s
	}
	return norm.NFC.String(s)
}

// nfcStable reports whether s is valid UTF-8 made of runes below U+0300
// (ASCII, Latin-1, Latin Extended-A and -B, IPA, spacing modifiers) and
// of Latin Extended Additional (U+1E00–U+1EFF, the Vietnamese letters
// with two marks): runes that are NFC on their own and combine with
// neither neighbour (TestNFCStable), so that s is NFC without asking
// the norm package, which costs more than folding.
func nfcStable(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c < 0x80:
			i++
		case c >= 0xC2 && c <= 0xCB: // U+0080–U+02FF
			if i+1 >= len(s) || s[i+1]&0xC0 != 0x80 {
				return false
			}
			i += 2
		case c == 0xE1: // U+1E00–U+1EFF: E1 B8–BB 80–BF
			if i+2 >= len(s) || s[i+1] < 0xB8 || s[i+1] > 0xBB || s[i+2]&0xC0 != 0x80 {
				return false
			}
			i += 3
		default:
			return false
		}
	}
	return true
}
