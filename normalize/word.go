package normalize

import "unicode/utf8"

// IsWord reports whether s[i:j] is a whole word (or words): the runes
// right before and right after it, if any, are no letters, digits or
// combining marks. "xã" in "xã hội hóa" is a word; "xã" in "xãy" is not.
func IsWord(s string, i, j int) bool {
	if i > 0 {
		if r, _ := utf8.DecodeLastRuneInString(s[:i]); numIsWordRune(r) {
			return false
		}
	}
	if j < len(s) {
		if r, _ := utf8.DecodeRuneInString(s[j:]); numIsWordRune(r) {
			return false
		}
	}
	return true
}
