package pdf

import (
	"bytes"
	"strconv"
)

// A small lexer over the raw bytes of a PDF file, for what the reader
// does before github.com/ledongthuc/pdf sees the file: finding objects
// when the cross-reference table is wrong, and decrypting strings and
// streams. It reads the syntax of PDF 32000-1 §7.2–7.3 and never
// allocates per token.

// Token kinds.
const (
	tEOF     = iota
	tRegular // a number, keyword or other run of regular characters
	tName    // /Name
	tString  // (literal string)
	tHex     // <hex string>
	tDictOpen
	tDictClose
	tArrayOpen
	tArrayClose
	tOther // { } or a stray delimiter
)

// token is a token of data[Start:End].
type token struct {
	Kind       int
	Start, End int
}

// isSpace reports whether c is PDF white space.
func isSpace(c byte) bool {
	switch c {
	case 0, '\t', '\n', '\f', '\r', ' ':
		return true
	}
	return false
}

// isDelim reports whether c is a PDF delimiter.
func isDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

// isRegular reports whether c is a regular character.
func isRegular(c byte) bool { return !isSpace(c) && !isDelim(c) }

// lex returns the token at or after offset i of data and the offset
// after it.
func lex(data []byte, i int) (token, int) {
	for i < len(data) {
		c := data[i]
		if isSpace(c) {
			i++
			continue
		}
		if c == '%' {
			for i < len(data) && data[i] != '\n' && data[i] != '\r' {
				i++
			}
			continue
		}
		break
	}
	if i >= len(data) {
		return token{Kind: tEOF, Start: i, End: i}, i
	}
	start := i
	switch c := data[i]; c {
	case '(':
		depth := 0
		for i < len(data) {
			switch data[i] {
			case '\\':
				i++
			case '(':
				depth++
			case ')':
				depth--
				if depth == 0 {
					return token{tString, start, i + 1}, i + 1
				}
			}
			i++
		}
		return token{tString, start, len(data)}, len(data)
	case '<':
		if i+1 < len(data) && data[i+1] == '<' {
			return token{tDictOpen, start, i + 2}, i + 2
		}
		j := bytes.IndexByte(data[i:], '>')
		if j < 0 {
			return token{tHex, start, len(data)}, len(data)
		}
		return token{tHex, start, i + j + 1}, i + j + 1
	case '>':
		if i+1 < len(data) && data[i+1] == '>' {
			return token{tDictClose, start, i + 2}, i + 2
		}
		return token{tOther, start, i + 1}, i + 1
	case '[':
		return token{tArrayOpen, start, i + 1}, i + 1
	case ']':
		return token{tArrayClose, start, i + 1}, i + 1
	case '/':
		i++
		for i < len(data) && isRegular(data[i]) {
			i++
		}
		return token{tName, start, i}, i
	case '{', '}', ')':
		return token{tOther, start, i + 1}, i + 1
	}
	for i < len(data) && isRegular(data[i]) {
		i++
	}
	return token{tRegular, start, i}, i
}

// skipValue returns the offset after the value that starts at i: a
// dictionary or array with everything in it, a reference "N G R", or
// one token. depth bounds nesting.
func skipValue(data []byte, i int) int {
	t, j := lex(data, i)
	switch t.Kind {
	case tDictOpen, tArrayOpen:
		depth := 1
		for depth > 0 {
			t, j = lex(data, j)
			switch t.Kind {
			case tEOF:
				return j
			case tDictOpen, tArrayOpen:
				depth++
			case tDictClose, tArrayClose:
				depth--
			}
		}
		return j
	case tRegular:
		// "N G R" is one value.
		if _, ok := atoi(data[t.Start:t.End]); ok {
			t2, k := lex(data, j)
			t3, l := lex(data, k)
			if t2.Kind == tRegular && t3.Kind == tRegular && string(data[t3.Start:t3.End]) == "R" {
				if _, ok := atoi(data[t2.Start:t2.End]); ok {
					return l
				}
			}
		}
	}
	return j
}

// dictEntries calls f for each key of the dictionary that starts at i
// with the bytes of its value, and returns the offset after the
// dictionary; it returns i if no dictionary starts there.
func dictEntries(data []byte, i int, f func(key, val []byte)) int {
	t, j := lex(data, i)
	if t.Kind != tDictOpen {
		return i
	}
	for {
		t, k := lex(data, j)
		switch t.Kind {
		case tDictClose:
			return k
		case tEOF:
			return k
		case tName:
			end := skipValue(data, k)
			if f != nil {
				f(data[t.Start+1:t.End], bytes.TrimSpace(data[k:end]))
			}
			j = end
		default:
			j = k
		}
	}
}

// atoi parses a non-negative decimal integer.
func atoi(b []byte) (int64, bool) {
	if len(b) == 0 || len(b) > 18 {
		return 0, false
	}
	n, err := strconv.ParseInt(string(b), 10, 64)
	return n, err == nil && n >= 0
}

// refNum parses "N G R" and returns N.
func refNum(b []byte) (int, bool) {
	f := bytes.Fields(b)
	if len(f) != 3 || string(f[2]) != "R" {
		return 0, false
	}
	n, ok := atoi(f[0])
	return int(n), ok
}

// unescapeString decodes a literal string token "(…)".
func unescapeString(b []byte) []byte {
	if len(b) >= 2 && b[0] == '(' && b[len(b)-1] == ')' {
		b = b[1 : len(b)-1]
	}
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c == '\r' {
			// An end of line in a string is a line feed.
			out = append(out, '\n')
			if i+1 < len(b) && b[i+1] == '\n' {
				i++
			}
			continue
		}
		if c != '\\' || i+1 == len(b) {
			out = append(out, c)
			continue
		}
		i++
		if e, ok := simpleEscape(b[i]); ok {
			out = append(out, e)
			continue
		}
		switch c = b[i]; c {
		case '\r':
			if i+1 < len(b) && b[i+1] == '\n' {
				i++
			}
		case '\n':
		default:
			if c >= '0' && c <= '7' {
				v := int(c - '0')
				for k := 0; k < 2 && i+1 < len(b) && b[i+1] >= '0' && b[i+1] <= '7'; k++ {
					i++
					v = v*8 + int(b[i]-'0')
				}
				out = append(out, byte(v))
				continue
			}
			out = append(out, c)
		}
	}
	return out
}

// simpleEscape returns the byte a string escape \c stands for, for c
// one of n, r, t, b and f.
func simpleEscape(c byte) (byte, bool) {
	switch c {
	case 'n':
		return '\n', true
	case 'r':
		return '\r', true
	case 't':
		return '\t', true
	case 'b':
		return '\b', true
	case 'f':
		return '\f', true
	}
	return 0, false
}

// unhex decodes a hex string token "<…>".
func unhex(b []byte) []byte {
	if len(b) >= 2 && b[0] == '<' && b[len(b)-1] == '>' {
		b = b[1 : len(b)-1]
	}
	return appendUnhex(make([]byte, 0, len(b)/2+1), b)
}

// appendUnhex appends the bytes of the hex digits b (others skipped) to
// out.
func appendUnhex(out, b []byte) []byte {
	var hi byte
	half := false
	for _, c := range b {
		var v byte
		switch {
		case c >= '0' && c <= '9':
			v = c - '0'
		case c >= 'a' && c <= 'f':
			v = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			v = c - 'A' + 10
		default:
			continue
		}
		if half {
			out = append(out, hi<<4|v)
		} else {
			hi = v
		}
		half = !half
	}
	if half {
		out = append(out, hi<<4)
	}
	return out
}

// stringBytes returns the bytes of a string token, literal or hex.
func stringBytes(b []byte) []byte {
	if len(b) > 0 && b[0] == '<' {
		return unhex(b)
	}
	return unescapeString(b)
}
