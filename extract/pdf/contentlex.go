package pdf

import (
	"bytes"
	"io"
	"strconv"

	lpdf "github.com/ledongthuc/pdf"
)

// operand is an operand of a content-stream operator, as far as the
// interpreter reads it: a number, a string's bytes, a name, an array
// (TJ's), or anything else (a dictionary, a boolean, null), which reads
// as 0 and as no text, as the library's Value does.
type operand struct {
	kind byte
	num  float64
	str  string
	arr  []operand
}

// Operand kinds.
const (
	opOther byte = iota
	opNum
	opString
	opName
	opArray
)

// float returns a number operand's value, 0 for any other.
func (o operand) float() float64 {
	if o.kind == opNum {
		return o.num
	}
	return 0
}

// rawString returns a string operand's bytes, "" for any other.
func (o operand) rawString() string {
	if o.kind == opString {
		return o.str
	}
	return ""
}

// name returns a name operand, "" for any other.
func (o operand) name() string {
	if o.kind == opName {
		return o.str
	}
	return ""
}

// valueOperand converts a library Value; arrays are read one level
// deep (TJ's elements), deeper ones read as arrays of nothing.
func valueOperand(v lpdf.Value, depth int) operand {
	switch v.Kind() {
	case lpdf.Integer, lpdf.Real:
		return operand{kind: opNum, num: v.Float64()}
	case lpdf.String:
		return operand{kind: opString, str: v.RawString()}
	case lpdf.Name:
		return operand{kind: opName, str: v.Name()}
	case lpdf.Array:
		o := operand{kind: opArray}
		if depth == 0 {
			o.arr = make([]operand, v.Len())
			for i := range o.arr {
				o.arr[i] = valueOperand(v.Index(i), depth+1)
			}
		}
		return o
	}
	return operand{}
}

// libraryLexer makes every page go through the library's interpreter:
// tests compare the two.
var libraryLexer = false

// maxContentBytes bounds the content a page's streams may hold for
// lexContent; a larger one goes through the library, which streams it.
const maxContentBytes = 64 << 20

// contentBytes returns the decoded bytes of a page's content: one
// stream, or an array of streams read one after the other as the
// library reads them (no separator). ok is false if a stream cannot be
// read whole: the library's interpreter then reports it as it always
// has.
//
// The bytes are b's, which is reset first: they are valid until its
// next use.
func contentBytes(strm lpdf.Value, b *bytes.Buffer) (data []byte, ok bool) {
	defer func() {
		if recover() != nil {
			data, ok = nil, false
		}
	}()
	b.Reset()
	add := func(v lpdf.Value) bool {
		n, err := io.Copy(b, io.LimitReader(v.Reader(), maxContentBytes+1-int64(b.Len())))
		return err == nil && n >= 0 && b.Len() <= maxContentBytes
	}
	if strm.Kind() == lpdf.Array {
		for i := 0; i < strm.Len(); i++ {
			if strm.Index(i).Kind() != lpdf.Stream || !add(strm.Index(i)) {
				return nil, false
			}
		}
		return b.Bytes(), true
	}
	if !add(strm) {
		return nil, false
	}
	return b.Bytes(), true
}

// contentLexer reads content-stream syntax as the library's
// interpreter does (same white space, delimiters, numbers, string
// escapes), but only plain syntax: anything the library would treat
// specially or as an error (a stray delimiter, '#' in a name, an
// unknown or odd escape, an unterminated string or array, a keyword in
// an array or a dictionary, the PostScript operators dict, begin, def
// and the like) makes it give up, and the caller runs the library's
// interpreter from the start.
type contentLexer struct {
	data []byte
	i    int
	tmp  []byte
	ok   bool
	// arena holds the elements of the array operands since the last
	// operator.
	arena []operand
}

// lexContent runs exec for each operator of data with the operands
// before it (the last arity(op) of them, missing ones as opOther, as
// the library's stack gives them). It reports false if it gave up.
func lexContent(data []byte, exec func(op string, args []operand)) bool {
	l := contentLexer{data: data, ok: true}
	var stk []operand
	var argBuf [6]operand
	for {
		l.space()
		if l.i >= len(l.data) {
			return true
		}
		c := l.data[l.i]
		if isRegular(c) {
			start := l.i
			for l.i < len(l.data) && isRegular(l.data[l.i]) {
				l.i++
			}
			tok := l.data[start:l.i]
			if o, ok := l.number(tok); ok {
				stk = append(stk, o)
				continue
			}
			if !l.ok {
				return false
			}
			switch string(tok) {
			case "true", "false", "null":
				stk = append(stk, operand{})
				continue
			case "dict", "currentdict", "begin", "end", "def", "pop":
				return false
			}
			op := knownOp(tok)
			var args []operand
			if k := arity(op); k > 0 {
				args = argBuf[:k]
				for i := k - 1; i >= 0; i-- {
					if n := len(stk); n > 0 {
						args[i] = stk[n-1]
						stk = stk[:n-1]
					} else {
						args[i] = operand{}
					}
				}
			}
			stk = stk[:0]
			exec(op, args)
			l.arena = l.arena[:0]
			continue
		}
		o := l.object(0)
		if !l.ok {
			return false
		}
		stk = append(stk, o)
	}
}

// space skips white space and comments.
func (l *contentLexer) space() {
	for l.i < len(l.data) {
		c := l.data[l.i]
		if isSpace(c) {
			l.i++
			continue
		}
		if c == '%' {
			for l.i < len(l.data) && l.data[l.i] != '\r' && l.data[l.i] != '\n' {
				l.i++
			}
			continue
		}
		return
	}
}

// maxLexDepth bounds the nesting of arrays and dictionaries.
const maxLexDepth = 32

// object reads the object at l.i that starts with a delimiter or is a
// number; it sets l.ok to false where it gives up.
func (l *contentLexer) object(depth int) operand {
	if depth > maxLexDepth || l.i >= len(l.data) {
		l.ok = false
		return operand{}
	}
	switch c := l.data[l.i]; c {
	case '(':
		l.i++
		return operand{kind: opString, str: l.literal()}
	case '<':
		if l.i+1 < len(l.data) && l.data[l.i+1] == '<' {
			l.i += 2
			l.dict(depth)
			return operand{}
		}
		l.i++
		return operand{kind: opString, str: l.hex()}
	case '[':
		l.i++
		return l.array(depth)
	case '/':
		l.i++
		start := l.i
		for l.i < len(l.data) && isRegular(l.data[l.i]) {
			if l.data[l.i] == '#' {
				return operand{kind: opName, str: l.escapedName(start)}
			}
			l.i++
		}
		return operand{kind: opName, str: string(l.data[start:l.i])}
	}
	if !isRegular(l.data[l.i]) {
		l.ok = false
		return operand{}
	}
	start := l.i
	for l.i < len(l.data) && isRegular(l.data[l.i]) {
		l.i++
	}
	tok := l.data[start:l.i]
	if o, ok := l.number(tok); ok {
		return o
	}
	switch string(tok) {
	case "true", "false", "null":
		return operand{}
	}
	l.ok = false
	return operand{}
}

// escapedName reads the rest of a name that started at start and has
// a '#' at l.i: each '#' and the two hex digits after it are one byte.
func (l *contentLexer) escapedName(start int) string {
	tmp := append(l.tmp[:0], l.data[start:l.i]...)
	for l.i < len(l.data) && isRegular(l.data[l.i]) {
		c := l.data[l.i]
		l.i++
		if c != '#' {
			tmp = append(tmp, c)
			continue
		}
		if l.i+2 > len(l.data) || unhexDigit(l.data[l.i]) < 0 || unhexDigit(l.data[l.i+1]) < 0 {
			l.ok = false
			return ""
		}
		tmp = append(tmp, byte(unhexDigit(l.data[l.i])<<4|unhexDigit(l.data[l.i+1])))
		l.i += 2
	}
	l.tmp = tmp
	return string(tmp)
}

// number parses tok as the library does: an integer (sign and digits)
// or a real (sign, digits and one dot). ok is false if tok is not a
// number; l.ok too if it looks like one but does not parse.
func (l *contentLexer) number(tok []byte) (operand, bool) {
	s := tok
	if len(s) > 0 && (s[0] == '+' || s[0] == '-') {
		s = s[1:]
	}
	if len(s) == 0 {
		return operand{}, false
	}
	dots := 0
	for _, c := range s {
		if c == '.' {
			dots++
			continue
		}
		if c < '0' || c > '9' {
			return operand{}, false
		}
	}
	switch dots {
	case 0:
		x, err := strconv.ParseInt(string(tok), 10, 64)
		if err != nil {
			l.ok = false
			return operand{}, false
		}
		return operand{kind: opNum, num: float64(x)}, true
	case 1:
		x, err := strconv.ParseFloat(string(tok), 64)
		if err != nil {
			l.ok = false
			return operand{}, false
		}
		return operand{kind: opNum, num: x}, true
	}
	return operand{}, false
}

// literal reads a literal string after its '(' with the library's
// escapes.
func (l *contentLexer) literal() string {
	tmp := l.tmp[:0]
	depth := 1
	for {
		if l.i >= len(l.data) {
			l.ok = false
			return ""
		}
		c := l.data[l.i]
		l.i++
		switch c {
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				l.tmp = tmp
				return string(tmp)
			}
		case '\\':
			if l.i >= len(l.data) {
				l.ok = false
				return ""
			}
			c = l.data[l.i]
			l.i++
			if e, ok := simpleEscape(c); ok {
				tmp = append(tmp, e)
				continue
			}
			switch c {
			case '(', ')', '\\':
				tmp = append(tmp, c)
			case '\r':
				if l.i < len(l.data) && l.data[l.i] == '\n' {
					l.i++
				}
			case '\n':
			case '0', '1', '2', '3', '4', '5', '6', '7':
				x := int(c - '0')
				for k := 0; k < 2 && l.i < len(l.data) && l.data[l.i] >= '0' && l.data[l.i] <= '7'; k++ {
					x = x*8 + int(l.data[l.i]-'0')
					l.i++
				}
				if x > 255 {
					l.ok = false
					return ""
				}
				tmp = append(tmp, byte(x))
			default:
				l.ok = false
				return ""
			}
			continue
		}
		tmp = append(tmp, c)
	}
}

// hex reads a hex string after its '<': pairs of hex digits, white
// space between and inside pairs skipped; an odd digit or another
// character gives up.
func (l *contentLexer) hex() string {
	tmp := l.tmp[:0]
	for {
		c, ok := l.hexByte()
		if !ok {
			l.ok = false
			return ""
		}
		if c == '>' {
			l.tmp = tmp
			return string(tmp)
		}
		c2, ok := l.hexByte()
		if !ok || unhexDigit(c) < 0 || unhexDigit(c2) < 0 {
			l.ok = false
			return ""
		}
		tmp = append(tmp, byte(unhexDigit(c)<<4|unhexDigit(c2)))
	}
}

// hexByte returns the next byte that is not white space.
func (l *contentLexer) hexByte() (byte, bool) {
	for l.i < len(l.data) {
		c := l.data[l.i]
		l.i++
		if !isSpace(c) {
			return c, true
		}
	}
	return 0, false
}

// unhexDigit returns the value of a hex digit, -1 for another byte.
func unhexDigit(c byte) int {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0')
	case 'a' <= c && c <= 'f':
		return int(c-'a') + 10
	case 'A' <= c && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// array reads an array after its '['. Only the elements of an array
// that is an operand itself are kept (TJ's), in l.arena; a nested
// array's are never read (valueOperand does the same).
func (l *contentLexer) array(depth int) operand {
	start := len(l.arena)
	for {
		l.space()
		if l.i >= len(l.data) {
			l.ok = false
			return operand{}
		}
		if l.data[l.i] == ']' {
			l.i++
			o := operand{kind: opArray}
			if depth == 0 {
				o.arr = l.arena[start:len(l.arena):len(l.arena)]
			}
			return o
		}
		e := l.object(depth + 1)
		if !l.ok {
			return operand{}
		}
		if depth == 0 {
			l.arena = append(l.arena, e)
		}
	}
}

// dict skips a dictionary after its '<<': name keys, each with a value.
func (l *contentLexer) dict(depth int) {
	for {
		l.space()
		if l.i+1 < len(l.data) && l.data[l.i] == '>' && l.data[l.i+1] == '>' {
			l.i += 2
			return
		}
		if l.i >= len(l.data) || l.data[l.i] != '/' {
			l.ok = false
			return
		}
		l.object(depth + 1)
		if !l.ok {
			return
		}
		l.space()
		if l.i >= len(l.data) || l.data[l.i] == '>' || l.data[l.i] == ']' {
			l.ok = false
			return
		}
		l.object(depth + 1)
		if !l.ok {
			return
		}
	}
}

// knownOp returns the operator tok as one of the strings the
// interpreter knows, without allocating; "" for any other operator.
func knownOp(tok []byte) string {
	for _, op := range knownOps {
		if string(tok) == op {
			return op
		}
	}
	return ""
}

// knownOps are the operators the interpreter acts on.
var knownOps = [...]string{"Tj", "TJ", "Td", "Tf", "Tm", "TD", "T*", "'", "\"", "BT", "Tc", "Tw", "Tz", "TL", "Ts",
	"q", "Q", "cm", "m", "l", "c", "v", "y", "h", "re", "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "n"}
