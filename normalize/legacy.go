package normalize

// Legacy 8-bit Vietnamese encodings.
//
// Before Unicode, Vietnamese text was typed in 8-bit encodings drawn with
// matching fonts: TCVN3 (ABC, fonts ".VnTime", ".VnArial"…, and the
// all-capitals ".VnTimeH", ".VnArialH"…), VNI-Windows (fonts "VNI-Times",
// "VNI-Helve"…) and Windows-1258. Such text reaches baocao as the
// Latin-1 reading of its bytes (a text file decoded byte for byte), or as
// the cp1252 reading of its bytes (what Word stores for an ANSI font, and
// what a PDF's WinAnsiEncoding yields), so that "Báo cáo" in TCVN3 reads
// "B¸o c¸o" and in VNI "Baùo caùo".
//
// The conversion tables are embedded from data/legacy (see SOURCES.md
// and crosscheck.txt there: UniKey's tables, cross-checked against three
// other converters).
//
// Limits. TCVN3 has no code for the 60 capitals that carry a tone mark
// (Ả, Ố, Ủ…): they are written with the lowercase byte and drawn as
// capitals only by the ".VnTimeH"-style fonts. Without such a font name
// they decode as lowercase ("Ủy ban" becomes "ủy ban"). Detection without
// a font name is statistical: a short string with few accented letters
// can be ambiguous, and is then left as it is.

import (
	"embed"
	"encoding/csv"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// Encoding names a text encoding that Vietnamese text may arrive in.
type Encoding string

// The encodings DetectLegacy tells apart.
const (
	// UTF8 is text that is already Unicode: nothing to convert.
	UTF8 Encoding = "utf-8"
	// TCVN3 is TCVN 5712:1993 VN3 ("ABC"), drawn with .VnTime fonts.
	TCVN3 Encoding = "tcvn3"
	// VNI is VNI-Windows, drawn with VNI-Times fonts: a letter is one
	// byte or a base letter followed by a diacritic byte.
	VNI Encoding = "vni"
	// CP1258 is Windows-1258: base letters followed by combining tone
	// marks.
	CP1258 Encoding = "windows-1258"
	// Latin1 is text whose Latin-1 letters are what they look like: it
	// holds characters of U+0080–U+00FF, but no legacy Vietnamese
	// encoding makes sense of them. Nothing to convert.
	Latin1 Encoding = "latin1"
)

//go:embed data/legacy
var legacyData embed.FS

// legTables holds the conversion tables, parsed once from legacyData.
type legTables struct {
	// cp1252 maps the cp1252 symbols of bytes 0x80–0x9F to their byte.
	cp1252 map[rune]byte
	// cp1252Rune is the reverse: the cp1252 reading of a byte 0x80–0x9F
	// (0 where cp1252 has none).
	cp1252Rune [32]rune

	tcvn3    [256]rune        // byte to letter; 0 where no letter
	tcvn3Enc map[rune]byte    // letter to byte (toned capitals: lowercase byte)
	vni1     [256]rune        // one-byte VNI letters
	vni2     map[[2]byte]rune // two-byte VNI letters
	vniEnc   map[rune][]byte
}

var (
	legTabOnce sync.Once
	legTab     *legTables
	legTabErr  error
)

// legLoadTables returns the parsed tables. The tables are embedded, so an
// error is a build defect: it panics.
func legLoadTables() *legTables {
	legTabOnce.Do(func() { legTab, legTabErr = legParseTables() })
	if legTabErr != nil {
		panic(legTabErr)
	}
	return legTab
}

func legReadCSV(name string) ([][]string, error) {
	f, err := legacyData.Open("data/legacy/" + name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("data/legacy/%s: %w", name, err)
	}
	if len(recs) < 2 {
		return nil, fmt.Errorf("data/legacy/%s: no rows", name)
	}
	return recs[1:], nil
}

// legParseHex parses "b5" or "61f8" into bytes.
func legParseHex(s string) ([]byte, error) {
	if len(s) == 0 || len(s)%2 != 0 {
		return nil, fmt.Errorf("bad hex %q", s)
	}
	b := make([]byte, len(s)/2)
	for i := range b {
		v, err := strconv.ParseUint(s[2*i:2*i+2], 16, 8)
		if err != nil {
			return nil, fmt.Errorf("bad hex %q: %w", s, err)
		}
		b[i] = byte(v)
	}
	return b, nil
}

func legOneRune(s, file string) (rune, error) {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || n != len(s) {
		return 0, fmt.Errorf("data/legacy/%s: %q is not one character", file, s)
	}
	return r, nil
}

// legLetters reads a letter table (tcvn3.csv, vni.csv: letter, …,
// bytes in hex, …) and calls fn with each letter, its bytes (1 to
// maxBytes of them) and its record.
func legLetters(file string, maxBytes int, fn func(c rune, b []byte, rec []string) error) error {
	recs, err := legReadCSV(file)
	if err != nil {
		return err
	}
	for _, r := range recs {
		c, err := legOneRune(r[0], file)
		if err != nil {
			return err
		}
		b, err := legParseHex(r[2])
		if err != nil || len(b) == 0 || len(b) > maxBytes {
			return fmt.Errorf("data/legacy/%s: %s: bytes %q", file, r[0], r[2])
		}
		if err := fn(c, b, r); err != nil {
			return err
		}
	}
	return nil
}

func legParseTables() (*legTables, error) {
	t := &legTables{
		cp1252:   map[rune]byte{},
		tcvn3Enc: map[rune]byte{},
		vni2:     map[[2]byte]rune{},
		vniEnc:   map[rune][]byte{},
	}
	recs, err := legReadCSV("symbols_0x80-0x9f.csv")
	if err != nil {
		return nil, err
	}
	for _, r := range recs {
		b, err := legParseHex(r[0])
		if err != nil || len(b) != 1 || b[0] < 0x80 || b[0] > 0x9F {
			return nil, fmt.Errorf("data/legacy/symbols_0x80-0x9f.csv: byte %q", r[0])
		}
		c, err := legOneRune(r[1], "symbols_0x80-0x9f.csv")
		if err != nil {
			return nil, err
		}
		t.cp1252[c] = b[0]
		t.cp1252Rune[b[0]-0x80] = c
	}

	err = legLetters("tcvn3.csv", 1, func(c rune, b []byte, r []string) error {
		t.tcvn3Enc[c] = b[0]
		if r[4] == ".VnTime" {
			if t.tcvn3[b[0]] != 0 {
				return fmt.Errorf("data/legacy/tcvn3.csv: byte %02x twice", b[0])
			}
			t.tcvn3[b[0]] = c
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = legLetters("vni.csv", 2, func(c rune, b []byte, r []string) error {
		t.vniEnc[c] = b
		if len(b) == 1 {
			t.vni1[b[0]] = c
		} else {
			t.vni2[[2]byte{b[0], b[1]}] = c
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	// Diacritic bytes come in a capital (0xC0–0xDF) and a small
	// (0xE0–0xFF) form. Text whose case was changed after typing, or
	// typed with the wrong form, pairs a base letter with the other
	// form ("Aø" for À). Accept those pairs, the base letter deciding
	// the case, wherever the table has no entry of its own.
	var extra [][2]byte
	var extraRune []rune
	for k, c := range t.vni2 {
		m := k[1] ^ 0x20
		alt := [2]byte{k[0], m}
		if _, ok := t.vni2[alt]; !ok {
			extra = append(extra, alt)
			extraRune = append(extraRune, c)
		}
	}
	for i, k := range extra {
		t.vni2[k] = extraRune[i]
	}
	return t, nil
}

// ToBytes recovers the original bytes of s, a string whose runes are the
// Latin-1 or cp1252 reading of 8-bit bytes: runes U+0000–U+00FF give the
// byte of the same value, and the cp1252 symbols of bytes 0x80–0x9F
// (€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ) give that
// byte. ok is false if some rune has no byte; the bytes returned then
// skip it.
func ToBytes(s string) (b []byte, ok bool) {
	t := legLoadTables()
	b = make([]byte, 0, len(s))
	ok = true
	for _, r := range s {
		if c, found := legRuneByte(t, r); found {
			b = append(b, c)
		} else {
			ok = false
		}
	}
	return b, ok
}

func legRuneByte(t *legTables, r rune) (byte, bool) {
	if r >= 0 && r <= 0xFF {
		return byte(r), true
	}
	c, ok := t.cp1252[r]
	return c, ok
}

// cp1252Char returns the cp1252 reading of byte b: what a byte that is
// no letter of a legacy encoding stands for.
func (t *legTables) cp1252Char(b byte) rune {
	if b >= 0x80 && b <= 0x9F {
		if r := t.cp1252Rune[b-0x80]; r != 0 {
			return r
		}
	}
	return rune(b)
}

// DecodeLegacy converts s from the Latin-1/cp1252 reading of text in
// encoding enc to Unicode NFC. Bytes that are no letter of enc keep
// their cp1252 meaning (so 0x97 is an em dash); runes that stand for no
// byte are kept as they are. For UTF8 and Latin1, and encodings it does
// not know, DecodeLegacy returns s in NFC. Invalid UTF-8 in s becomes
// U+FFFD.
//
// TCVN3 toned capitals decode as lowercase: see [DecodeLegacyFont].
func DecodeLegacy(s string, enc Encoding) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	switch enc {
	case TCVN3, VNI, CP1258:
	default:
		return nfc(s)
	}
	t := legLoadTables()
	var out strings.Builder
	out.Grow(len(s) + len(s)/4)
	run := make([]byte, 0, len(s))
	for _, r := range s {
		if c, ok := legRuneByte(t, r); ok {
			run = append(run, c)
			continue
		}
		legDecodeRun(t, &out, run, enc)
		run = run[:0]
		out.WriteRune(r)
	}
	legDecodeRun(t, &out, run, enc)
	return nfc(out.String())
}

// legDecodeRun writes the Unicode text of the bytes b in encoding enc.
func legDecodeRun(t *legTables, out *strings.Builder, b []byte, enc Encoding) {
	if len(b) == 0 {
		return
	}
	switch enc {
	case TCVN3:
		for _, c := range b {
			if r := t.tcvn3[c]; r != 0 {
				out.WriteRune(r)
			} else {
				out.WriteRune(t.cp1252Char(c))
			}
		}
	case VNI:
		for i := 0; i < len(b); i++ {
			if i+1 < len(b) {
				if r, ok := t.vni2[[2]byte{b[i], b[i+1]}]; ok {
					out.WriteRune(r)
					i++
					continue
				}
			}
			if r := t.vni1[b[i]]; r != 0 {
				out.WriteRune(r)
			} else {
				out.WriteRune(t.cp1252Char(b[i]))
			}
		}
	case CP1258:
		dec := charmap.Windows1258.NewDecoder()
		s, err := dec.Bytes(b)
		if err != nil {
			// The charmap decoder maps every byte; keep the
			// cp1252 reading should it ever refuse.
			for _, c := range b {
				out.WriteRune(t.cp1252Char(c))
			}
			return
		}
		out.Write(s)
	}
}

// DecodeLegacyFont converts s, text drawn with the named font, from the
// legacy encoding that the font implies: TCVN3 for ".VnTime"-style
// fonts, VNI for "VNI-…" fonts. For the all-capitals TCVN3 fonts
// (".VnTimeH", ".VnArialH", …) the result is upper-cased, as the font
// draws it: that is the only way TCVN3 writes toned capitals. A font
// that implies no legacy encoding leaves s as it is, in NFC.
func DecodeLegacyFont(s, font string) string {
	enc, caps := FontEncoding(font)
	out := DecodeLegacy(s, enc)
	if caps {
		out = strings.ToUpper(out)
	}
	return out
}

// FontEncoding reports the legacy encoding a font name implies, and
// whether the font draws every letter as a capital (the TCVN3 fonts
// whose name ends in "H", such as ".VnTimeH"). It returns UTF8 for any
// other font. PDF subset prefixes ("ABCDEF+") and style suffixes
// (",Bold", "-Italic") are ignored.
func FontEncoding(font string) (enc Encoding, caps bool) {
	name := strings.TrimSpace(font)
	if i := strings.IndexByte(name, '+'); i == 6 {
		name = name[7:]
	}
	if i := strings.IndexByte(name, ','); i >= 0 {
		name = name[:i]
	}
	if i := strings.LastIndexByte(name, '-'); i > 0 {
		switch strings.ToLower(name[i+1:]) {
		case "bold", "italic", "bolditalic", "oblique", "boldoblique", "regular", "roman", "normal":
			name = name[:i]
		}
	}
	name = strings.TrimSpace(name)
	lower := strings.ToLower(name)
	switch {
	case strings.HasPrefix(lower, "vni-") || strings.HasPrefix(lower, "vni ") || strings.HasPrefix(lower, "vni_"):
		return VNI, false
	case strings.HasPrefix(lower, ".vn") && len(name) > 3,
		strings.HasPrefix(name, "Vn") && len(name) > 2 && name[2] >= 'A' && name[2] <= 'Z':
		return TCVN3, strings.HasSuffix(name, "H")
	}
	return UTF8, false
}

// FixText converts s to Unicode NFC, decoding it first when it is the
// Latin-1/cp1252 reading of a legacy Vietnamese encoding. fontHint is
// the font s was drawn with, or "": see [DetectLegacy]. Invalid UTF-8
// in s becomes U+FFFD. It returns the
// encoding it decoded from; UTF8 or Latin1 when it only normalised s.
// This is what to call for each line or paragraph of extracted text.
func FixText(s, fontHint string) (string, Encoding) {
	s = strings.ToValidUTF8(s, "\uFFFD")
	enc := DetectLegacy(s, fontHint)
	switch enc {
	case TCVN3, VNI, CP1258:
		out := DecodeLegacy(s, enc)
		if fe, caps := FontEncoding(fontHint); caps && fe == enc {
			out = strings.ToUpper(out)
		}
		return out, enc
	}
	return nfc(s), enc
}

// DetectLegacy tells which encoding s, a string whose runes may be the
// Latin-1 or cp1252 reading of 8-bit bytes, was written in.
//
// It returns UTF8 when s is plain ASCII (and no legacy font is named),
// or when s holds a Vietnamese letter outside Latin-1 (ă ơ ư đ ề …, or a
// combining mark as in NFD text): such text is Unicode already.
// Otherwise a legacy font name in fontHint (".VnTime…": TCVN3, "VNI-…":
// VNI) decides: text in such a font is taken to be in its encoding even
// when its letters would also make sense as Latin-1. With
// no font name, s is decoded as TCVN3, VNI and Windows-1258 and each
// result scored: a word with non-ASCII letters scores when it is a
// valid Vietnamese syllable (more for common words such as "của",
// "được", "tỉnh"), and loses when it is not. The best decoding wins if
// it beats s as it stands by a margin (ties between encodings go to
// TCVN3, then VNI, the more common). When none does, the result is UTF8
// if s reads as Vietnamese, else Latin1.
func DetectLegacy(s string, fontHint string) Encoding {
	t := legLoadTables()
	ascii := true
	for _, r := range s {
		if r < utf8.RuneSelf {
			continue
		}
		ascii = false
		if _, ok := legRuneByte(t, r); !ok && legIsVietnamese(r) {
			return UTF8
		}
	}
	hint, _ := FontEncoding(fontHint)
	if hint != UTF8 {
		return hint
	}
	if ascii {
		return UTF8
	}
	base := legScore(nfc(s))
	best, bestScore := UTF8, 0
	for _, enc := range []Encoding{TCVN3, VNI, CP1258} {
		if sc := legScore(DecodeLegacy(s, enc)); sc > bestScore {
			best, bestScore = enc, sc
		}
	}
	const margin = 2
	if best != UTF8 && bestScore >= base+margin {
		return best
	}
	if base > 0 {
		return UTF8
	}
	return Latin1
}

// legIsVietnamese reports whether r is a letter or mark that only
// Unicode Vietnamese text holds: Latin Extended-A/B and Additional
// letters, and the combining marks of NFD text.
func legIsVietnamese(r rune) bool {
	switch {
	case r >= 0x0100 && r <= 0x024F: // Latin Extended-A, -B (ă đ ĩ ũ ơ ư)
		return true
	case r >= 0x0300 && r <= 0x036F: // combining marks (NFD)
		return true
	case r >= 0x1E00 && r <= 0x1EFF: // Latin Extended Additional
		return true
	}
	return false
}

// legCommonWords are frequent words of administrative Vietnamese that need
// a non-ASCII letter; finding them makes a decoding more likely.
var legCommonWords = map[string]bool{
	"của": true, "và": true, "các": true, "được": true, "thông": true,
	"tỉnh": true, "năm": true, "người": true, "có": true, "là": true,
	"không": true, "số": true, "đã": true, "những": true, "đến": true,
	"này": true, "một": true, "về": true, "tại": true, "trên": true,
	"báo": true, "cáo": true, "dân": true, "nhân": true, "ủy": true,
	"hành": true, "chính": true, "quản": true, "lý": true, "công": true,
	"nghệ": true, "thủ": true, "tục": true, "số lượng": true, "dịch": true,
	"vụ": true, "điện": true, "tử": true, "đơn": true, "vị": true,
	"bảo": true, "đảm": true, "an": true, "toàn": true, "hệ": true,
	"thống": true, "triển": true, "khai": true, "kết": true, "quả": true,
	"cấp": true, "xã": true, "huyện": true, "sở": true, "với": true,
}

// legScore rates how much s reads as Vietnamese: see DetectLegacy.
func legScore(s string) int {
	sc := 0
	for _, w := range strings.FieldsFunc(s, legIsWordSep) {
		w = strings.TrimFunc(w, legIsEdgePunct)
		nonASCII := false
		for i := 0; i < len(w); i++ {
			if w[i] >= utf8.RuneSelf {
				nonASCII = true
				break
			}
		}
		if !nonASCII {
			continue
		}
		lw := strings.ToLower(w)
		if validSyllable(lw, true) {
			sc += 2
			if legCommonWords[lw] {
				sc += 2
			}
		} else {
			sc -= 2
		}
	}
	return sc
}

func legIsWordSep(r rune) bool {
	return unicode.IsSpace(r) || r == '/' || r == '(' || r == ')'
}

// legIsEdgePunct reports punctuation that may stand before or after a word.
func legIsEdgePunct(r rune) bool {
	if r < utf8.RuneSelf {
		return !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z')
	}
	switch r {
	case '‘', '’', '“', '”', '–', '—', '…', '•':
		return true
	}
	return false
}

// EncodeLegacy writes s, Unicode text, in encoding enc (TCVN3, VNI or
// CP1258). Toned capitals have no TCVN3 code: they are written with the
// lowercase byte, as TCVN3 editors do. ASCII and the cp1252 symbols of
// bytes 0x80–0x9F (such as the em dash) keep their byte. ok is false
// when some character has no code in enc; it is then left out. EncodeLegacy is the inverse
// of [DecodeLegacy], for tests and for making fixtures.
func EncodeLegacy(s string, enc Encoding) (b []byte, ok bool) {
	t := legLoadTables()
	s = nfc(s)
	ok = true
	switch enc {
	case TCVN3, VNI:
		for _, r := range s {
			if c, found := t.tcvn3Enc[r]; found && enc == TCVN3 {
				b = append(b, c)
			} else if c, found := t.vniEnc[r]; found && enc == VNI {
				b = append(b, c...)
			} else if c, found := t.cp1252[r]; found || r < utf8.RuneSelf {
				if !found {
					c = byte(r)
				}
				b = append(b, c)
			} else {
				ok = false
			}
		}
	case CP1258:
		enc := charmap.Windows1258.NewEncoder()
		for _, r := range s {
			// Windows-1258 writes the tone as a combining mark
			// after the base letter (with its â ê ô ơ ư ă ...).
			var tone rune
			d := make([]rune, 0, 3)
			for _, c := range norm.NFD.String(string(r)) {
				switch c {
				case 0x0300, 0x0301, 0x0303, 0x0309, 0x0323:
					tone = c
				default:
					d = append(d, c)
				}
			}
			chunk := nfc(string(d))
			if tone != 0 {
				chunk += string(tone)
			}
			out, err := enc.Bytes([]byte(chunk))
			if err != nil {
				ok = false
				continue
			}
			b = append(b, out...)
		}
	default:
		return nil, false
	}
	return b, ok
}
