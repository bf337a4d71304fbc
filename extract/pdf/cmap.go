package pdf

import (
	"bytes"
	"io"
	"unicode/utf16"

	lpdf "github.com/ledongthuc/pdf"
)

// toUnicode is a ToUnicode CMap: character codes to Unicode text.
//
// The library has its own, but it applies a bfrange by adding to the last
// byte of the destination only, so a range such as
// <0000> <FFFF> <0000> — what many generators write for fonts whose codes
// are Unicode code points (Identity-H with an identity CIDToGIDMap) —
// decodes every character past U+00FF wrongly ("ỦY" reads "æY"). This
// one adds the offset to the whole destination value.
type toUnicode struct {
	space  [4][]codeRange // codespace ranges by code length - 1
	chars  map[string]string
	ranges []bfRange
}

type codeRange struct{ lo, hi string }

type bfRange struct {
	lo, hi uint32
	n      int      // code length in bytes
	dst    []byte   // UTF-16BE of the first code's text, or
	arr    []string // one UTF-16BE string per code
}

// maxCMapEntries bounds what a hostile CMap may make us store.
const maxCMapEntries = 1 << 16

// maxCMapBytes bounds how much of a ToUnicode stream is read.
const maxCMapBytes = 4 << 20

// readToUnicode parses a ToUnicode stream; it returns nil when the stream
// is not a usable CMap. The CMap is read as text (hex strings, arrays and
// the begin…/end… keywords of its sections) rather than through the
// library's PostScript interpreter, which panics on CMaps it does not
// expect. It must be called under recover all the same: the library's
// stream decoding can panic.
func readToUnicode(v lpdf.Value) *toUnicode {
	if v.Kind() != lpdf.Stream {
		return nil
	}
	data, err := io.ReadAll(io.LimitReader(v.Reader(), maxCMapBytes))
	if err != nil && len(data) == 0 {
		return nil
	}
	return parseCMap(data)
}

// parseCMap parses the text of a ToUnicode CMap; it returns nil when the
// text maps no code.
func parseCMap(data []byte) *toUnicode {
	m := &toUnicode{chars: map[string]string{}}
	toks := cmapTokens(data)
	section := ""
	var args []cmapToken
	for _, t := range toks {
		if t.kw == "" {
			args = append(args, t)
			continue
		}
		switch t.kw {
		case "begincodespacerange", "beginbfchar", "beginbfrange":
			section, args = t.kw, nil
		case "endcodespacerange":
			for i := 0; i+1 < len(args); i += 2 {
				lo, hi := args[i].str, args[i+1].str
				if len(lo) == 0 || len(lo) > 4 || len(lo) != len(hi) {
					continue
				}
				m.space[len(lo)-1] = append(m.space[len(lo)-1], codeRange{lo, hi})
			}
			section, args = "", nil
		case "endbfchar":
			for i := 0; i+1 < len(args) && len(m.chars) < maxCMapEntries; i += 2 {
				m.chars[args[i].str] = args[i+1].str
			}
			section, args = "", nil
		case "endbfrange":
			for i := 0; i+2 < len(args) && len(m.ranges) < maxCMapEntries; i += 3 {
				lo, hi, dst := args[i].str, args[i+1].str, args[i+2]
				if len(lo) == 0 || len(lo) > 4 || len(lo) != len(hi) {
					continue
				}
				r := bfRange{lo: beUint(lo), hi: beUint(hi), n: len(lo)}
				if dst.arr != nil {
					r.arr = dst.arr
				} else {
					r.dst = []byte(dst.str)
				}
				m.ranges = append(m.ranges, r)
			}
			section, args = "", nil
		default:
			if section == "" {
				args = nil
			}
		}
	}
	if len(m.chars) == 0 && len(m.ranges) == 0 {
		return nil
	}
	return m
}

// cmapToken is a hex string (str), an array of hex strings (arr) or a
// keyword (kw) of a CMap.
type cmapToken struct {
	str string
	arr []string
	kw  string
}

// cmapTokens splits CMap text into the tokens readToUnicode needs.
// Names, numbers, dictionaries and comments become keywords or are
// skipped; only hex strings and the section keywords matter.
func cmapTokens(b []byte) []cmapToken {
	var out []cmapToken
	for i := 0; i < len(b); {
		c := b[i]
		switch {
		case c == '%':
			for i < len(b) && b[i] != '\n' && b[i] != '\r' {
				i++
			}
		case c == '<' && i+1 < len(b) && b[i+1] == '<', c == '>' && i+1 < len(b) && b[i+1] == '>':
			i += 2
		case c == '<':
			s, n := hexString(b[i:])
			out = append(out, cmapToken{str: s})
			i += n
		case c == '[':
			var arr []string
			i++
			for i < len(b) && b[i] != ']' {
				if b[i] == '<' {
					s, n := hexString(b[i:])
					arr = append(arr, s)
					i += n
					continue
				}
				i++
			}
			i++
			if arr == nil {
				arr = []string{}
			}
			out = append(out, cmapToken{arr: arr})
		case isCMapSpace(c):
			i++
		default:
			j := i
			for j < len(b) && !isCMapSpace(b[j]) && b[j] != '<' && b[j] != '[' && b[j] != '/' || j == i {
				j++
			}
			out = append(out, cmapToken{kw: string(b[i:j])})
			i = j
		}
	}
	return out
}

func isCMapSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

// hexString decodes the hex string at the start of b ("<1EBF>") and
// returns it with the number of bytes it took.
func hexString(b []byte) (string, int) {
	end := bytes.IndexByte(b, '>')
	if end < 0 {
		end = len(b)
	}
	var buf [64]byte
	return string(appendUnhex(buf[:0], b[1:end])), min(end+1, len(b))
}

func beUint(s string) uint32 {
	var v uint32
	for i := 0; i < len(s); i++ {
		v = v<<8 | uint32(s[i])
	}
	return v
}

// codeLen returns how many bytes the code at the start of raw takes.
func (m *toUnicode) codeLen(raw string) int {
	for n := 1; n <= 4 && n <= len(raw); n++ {
		for _, r := range m.space[n-1] {
			if r.lo <= raw[:n] && raw[:n] <= r.hi {
				return n
			}
		}
	}
	// No codespace declared (or none matches): use the length of the
	// codes the map defines.
	for _, r := range m.ranges {
		return min(r.n, len(raw))
	}
	for k := range m.chars {
		return min(max(len(k), 1), len(raw))
	}
	return 1
}

// Decode returns the text of the codes in raw.
func (m *toUnicode) Decode(raw string) string {
	var out []rune
	for len(raw) > 0 {
		n := m.codeLen(raw)
		code := raw[:n]
		raw = raw[n:]
		if s, ok := m.chars[code]; ok {
			out = append(out, decodeUTF16(s)...)
			continue
		}
		c := beUint(code)
		found := false
		for _, r := range m.ranges {
			if r.n != n || c < r.lo || c > r.hi {
				continue
			}
			off := c - r.lo
			if r.arr != nil {
				if int(off) < len(r.arr) {
					out = append(out, decodeUTF16(r.arr[off])...)
				} else {
					out = append(out, '\uFFFD')
				}
			} else {
				b := append([]byte(nil), r.dst...)
				// Add off to the destination as one big-endian number.
				carry := off
				for i := len(b) - 1; i >= 0 && carry > 0; i-- {
					sum := uint32(b[i]) + carry&0xFF
					b[i] = byte(sum)
					carry = carry>>8 + sum>>8
				}
				out = append(out, decodeUTF16(string(b))...)
			}
			found = true
			break
		}
		if !found {
			out = append(out, '\uFFFD')
		}
	}
	return string(out)
}

// decodeUTF16 decodes UTF-16BE text, surrogate pairs included.
func decodeUTF16(s string) []rune {
	u := make([]uint16, 0, len(s)/2)
	for i := 0; i+1 < len(s); i += 2 {
		u = append(u, uint16(s[i])<<8|uint16(s[i+1]))
	}
	return utf16.Decode(u)
}
