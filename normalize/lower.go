package normalize

import (
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// runeTable holds, for each rune below 0x2000 (Latin, with every
// Vietnamese letter, and the combining marks), its lower case and
// whether it is a letter or a combining mark: Unicode's tables, looked
// up once.
type runeTable struct {
	lower  [0x2000]rune
	letter [0x2000]bool // unicode.IsLetter or a non-spacing mark (Mn)
	alpha  [0x2000]bool // unicode.IsLetter
}

var runes = sync.OnceValue(func() *runeTable {
	t := new(runeTable)
	for r := range t.lower {
		t.lower[r] = unicode.ToLower(rune(r))
		t.letter[r] = unicode.IsLetter(rune(r)) || unicode.Is(unicode.Mn, rune(r))
		t.alpha[r] = unicode.IsLetter(rune(r))
	}
	return t
})

// lowerRune is unicode.ToLower.
func lowerRune(t *runeTable, r rune) rune {
	if r >= 0 && r < 0x2000 {
		return t.lower[r]
	}
	return unicode.ToLower(r)
}

// isLetter is unicode.IsLetter.
func isLetter(t *runeTable, r rune) bool {
	if r >= 0 && r < 0x2000 {
		return t.alpha[r]
	}
	return unicode.IsLetter(r)
}

// letterOrMark reports whether r is a letter or a non-spacing mark.
func letterOrMark(t *runeTable, r rune) bool {
	if r >= 0 && r < 0x2000 {
		return t.letter[r]
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)
}

// Lower returns s in lower case, exactly as strings.ToLower does, but
// faster on Vietnamese text: a table lookup per rune instead of a search
// of Unicode's case ranges.
func Lower(s string) string {
	t := runes()
	// Where nothing changes, s itself (as strings.ToLower does).
	i := 0
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || lowerRune(t, r) != r {
			break
		}
		i += n
	}
	if i == len(s) {
		return s
	}
	b := make([]byte, i, len(s)+8)
	copy(b, s[:i])
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			b = utf8.AppendRune(b, utf8.RuneError)
		} else {
			b = utf8.AppendRune(b, lowerRune(t, r))
		}
		i += n
	}
	return unsafe.String(unsafe.SliceData(b), len(b))
}
