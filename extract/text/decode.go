package text

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"
)

// The encoding names Decode reports, as stored in
// extract.Document.Encoding.
const (
	EncUTF8    = "utf-8"
	EncUTF16LE = "utf-16le"
	EncUTF16BE = "utf-16be"
	EncLatin1  = "latin1"
)

// utf16Sniff is how many leading bytes Decode inspects to recognise
// UTF-16 written without a byte-order mark.
const utf16Sniff = 4096

// Decode turns the bytes of a text file into a string and names the
// encoding it decoded them from.
//
// UTF-8, with or without a byte-order mark, is passed on as it is (the
// mark is dropped). UTF-16 is recognised by its byte-order mark, or,
// without one, by the NUL bytes that ASCII characters leave at every
// other position; it is decoded with unpaired surrogates replaced by
// U+FFFD. Any other input is 8-bit text: each byte b becomes the rune
// U+00b (Latin-1), encoding "latin1", for package normalize to identify
// as TCVN3, VNI or Windows-1258 and convert. Nothing is guessed here
// about legacy Vietnamese encodings, and the text is not normalised to
// NFC.
//
// In every case NUL characters are removed and line ends (CRLF, CR) are
// turned into LF. UTF-8 with a byte-order mark but invalid sequences has
// them replaced by U+FFFD. The result is always valid UTF-8.
func Decode(b []byte) (s string, encoding string, err error) {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		s = strings.ToValidUTF8(string(b[3:]), "\uFFFD")
		return clean(s), EncUTF8, nil
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		s, err = decodeUTF16(b[2:], unicode.LittleEndian)
		return s, EncUTF16LE, err
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		s, err = decodeUTF16(b[2:], unicode.BigEndian)
		return s, EncUTF16BE, err
	}
	if order, ok := sniffUTF16(b); ok {
		s, err = decodeUTF16(b, order)
		if order == unicode.LittleEndian {
			return s, EncUTF16LE, err
		}
		return s, EncUTF16BE, err
	}
	if utf8.Valid(b) {
		return clean(string(b)), EncUTF8, nil
	}
	return clean(latin1(b)), EncLatin1, nil
}

// errUTF16 is wrapped by Decode when the UTF-16 decoder fails.
var errUTF16 = errors.New("invalid UTF-16 text")

// decodeUTF16 decodes b, which carries no byte-order mark, as UTF-16 in
// the given byte order.
func decodeUTF16(b []byte, order unicode.Endianness) (string, error) {
	if len(b)%2 == 1 {
		// A stray last byte cannot be a code unit: mark it as lost
		// rather than let the decoder stop on it.
		b = b[:len(b)-1]
		out, err := unicode.UTF16(order, unicode.IgnoreBOM).NewDecoder().Bytes(b)
		if err != nil {
			return "", fmt.Errorf("%w: %w", errUTF16, err)
		}
		return clean(string(out) + "\uFFFD"), nil
	}
	out, err := unicode.UTF16(order, unicode.IgnoreBOM).NewDecoder().Bytes(b)
	if err != nil {
		return "", fmt.Errorf("%w: %w", errUTF16, err)
	}
	return clean(string(out)), nil
}

// sniffUTF16 reports the byte order of BOM-less UTF-16 text, judged from
// where its NUL bytes fall in the first utf16Sniff bytes: text whose
// characters are mostly ASCII has a NUL in every high byte. ok is false
// when b does not look like UTF-16.
func sniffUTF16(b []byte) (order unicode.Endianness, ok bool) {
	if len(b) > utf16Sniff {
		b = b[:utf16Sniff]
	}
	pairs := len(b) / 2
	if pairs < 2 {
		return false, false
	}
	var even, odd int // NULs at even and odd offsets
	for i := 0; i+1 < len(b); i += 2 {
		if b[i] == 0 {
			even++
		}
		if b[i+1] == 0 {
			odd++
		}
	}
	// At least a third of the code units look like ASCII, and (almost)
	// no low byte is NUL.
	switch {
	case odd*3 >= pairs && even*20 < pairs:
		return unicode.LittleEndian, true
	case even*3 >= pairs && odd*20 < pairs:
		return unicode.BigEndian, true
	}
	return false, false
}

// latin1 maps each byte to the rune of the same value.
func latin1(b []byte) string {
	var sb strings.Builder
	sb.Grow(len(b) + len(b)/2)
	for _, c := range b {
		if c < utf8.RuneSelf {
			sb.WriteByte(c)
		} else {
			sb.WriteRune(rune(c))
		}
	}
	return sb.String()
}

// clean removes NUL characters and turns CRLF and CR line ends into LF.
func clean(s string) string {
	if strings.IndexByte(s, 0) >= 0 {
		s = strings.ReplaceAll(s, "\x00", "")
	}
	if strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	return s
}
