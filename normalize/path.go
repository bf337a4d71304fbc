package normalize

import (
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// pathLevels is how many components of a path are read: the file name
// and the three folders above it.
const pathLevels = 4

// ProvinceFromPath returns the province named by a file's path, in both
// maps (as [LookupProvince] gives them: "Gia Lai" is 64 until 2025-06-30
// and 52 after), or nil.
//
// The file name (without its extension) is read first, then the folders
// above it, nearest first, up to three; the user's home directory is not
// read ("/home/hue/…" names no province). A component is cut into words
// at every character that is not a letter or a digit and where a
// lower-case letter meets an upper-case one ("BC-DakNong-2024" → BC, Dak,
// Nong, 2024), and every run of one to five words is looked up by its
// letters without diacritics, case or separators, exactly as
// [LookupProvince] reads a name but without prefixes: `dak-nong`, `Đắk
// Nông`, `DakNong`, `dak_nong`, `DAKNONG`, `thai-nguyen-2023`, `TP.HCM`.
// A component that names two different provinces names none, and the
// folders above it are not read.
func ProvinceFromPath(path string) []ProvinceMatch {
	for _, comp := range pathComponents(path) {
		words := pathWords(comp)
		var found []ProvinceMatch
		names := map[string]bool{}
		for i := 0; i < len(words); i++ {
			for j := min(len(words), i+5); j > i; j-- {
				key := strings.Join(words[i:j], "")
				if isDigits(key) || key == "" {
					continue
				}
				if m := lookupByKey(key); len(m) > 0 {
					found = append(found, m...) // a copy
					names[m[0].Name] = true
					i = j - 1
					break
				}
			}
		}
		switch {
		case len(names) == 1:
			return found
		case len(names) > 1:
			return nil
		}
	}
	return nil
}

// YearFromPath returns the year a file's path names: a run of four
// digits from 1990 to 2100 standing alone ("BC 2024.pdf",
// "DakNong_2024.docx", "thai-nguyen-2023-2.txt"), in the file name first,
// then in the folders above it; 0 when none does, or when the first
// component that names one names two ("KH-2021-2025.pdf").
func YearFromPath(path string) int {
	for _, comp := range pathComponents(path) {
		years := map[int]bool{}
		for _, w := range pathWords(comp) {
			if len(w) == 4 && isAllDigits(w) {
				if y := atoi(w); y >= 1990 && y <= 2100 {
					years[y] = true
				}
			}
		}
		switch len(years) {
		case 0:
			continue
		case 1:
			for y := range years {
				return y
			}
		}
		return 0
	}
	return 0
}

// pathComponents returns the file name without its extension, then the
// folders above it, nearest first: at most pathLevels components, none
// of them part of the user's home directory. Both / and \ separate
// components.
func pathComponents(path string) []string {
	if path == "" {
		return nil
	}
	p := filepath.ToSlash(path)
	if home, err := os.UserHomeDir(); err == nil && home != "" {
		h := strings.TrimSuffix(filepath.ToSlash(home), "/") + "/"
		if strings.HasPrefix(p, h) {
			p = p[len(h):]
		}
	}
	p = strings.ReplaceAll(p, `\`, "/")
	parts := strings.Split(p, "/")
	var out []string
	for i := len(parts) - 1; i >= 0 && len(out) < pathLevels; i-- {
		c := parts[i]
		if i == len(parts)-1 {
			c = strings.TrimSuffix(c, filepath.Ext(c))
		}
		if c == "" || c == "." || c == ".." {
			continue
		}
		out = append(out, c)
	}
	return out
}

// pathWords cuts a path component into words, folded to lower-case ASCII
// (see ProvinceFromPath).
func pathWords(s string) []string {
	s = stripMarks(s)
	var words []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	var prev rune
	for i, r := range s {
		switch {
		case unicode.IsLetter(r):
			if len(cur) > 0 {
				next, _ := utf8.DecodeRuneInString(s[i+utf8.RuneLen(r):])
				// dakNong, DakNong: a new word at an upper-case letter
				// after a lower-case one; BCDak: before the last capital
				// of a run followed by a lower-case letter.
				if unicode.IsUpper(r) && (unicode.IsLower(prev) || (unicode.IsUpper(prev) && unicode.IsLower(next))) || unicode.IsDigit(prev) {
					flush()
				}
			}
			cur = append(cur, r)
		case unicode.IsDigit(r):
			if len(cur) > 0 && !unicode.IsDigit(prev) {
				flush()
			}
			cur = append(cur, r)
		default:
			flush()
		}
		prev = r
	}
	flush()
	return words
}

// stripMarks removes the diacritics of s, keeping its case: "Đắk Nông"
// → "Dak Nong".
func stripMarks(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == 'đ':
			b.WriteByte('d')
		case r == 'Đ':
			b.WriteByte('D')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isAllDigits reports whether s is made of ASCII digits only.
func isAllDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}
