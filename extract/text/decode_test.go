package text

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

const legacyTestdata = "../../testdata/legacy"

// runesAsBytes returns the bytes of s if every rune is below U+0100.
func runesAsBytes(t *testing.T, s string) []byte {
	t.Helper()
	b := make([]byte, 0, len(s))
	for _, r := range s {
		if r > 0xFF {
			t.Fatalf("rune %U is not Latin-1", r)
		}
		b = append(b, byte(r))
	}
	return b
}

// TestDecodeFixtures decodes the files of testdata/legacy: the Unicode
// ones to their want.txt, the 8-bit ones byte for byte as Latin-1.
func TestDecodeFixtures(t *testing.T) {
	for _, tc := range []struct {
		dir string
		enc string
	}{
		{"utf8-bom", EncUTF8},
		{"utf16le-bom", EncUTF16LE},
		{"tcvn3", EncLatin1},
		{"vni", EncLatin1},
		{"cp1258", EncLatin1},
	} {
		in, err := os.ReadFile(filepath.Join(legacyTestdata, tc.dir, "input.txt"))
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(filepath.Join(legacyTestdata, tc.dir, "want.txt"))
		if err != nil {
			t.Fatal(err)
		}
		got, enc, err := Decode(in)
		if err != nil || enc != tc.enc {
			t.Errorf("%s: Decode = encoding %q, error %v; want %q", tc.dir, enc, err, tc.enc)
			continue
		}
		if strings.Contains(got, "\r") || strings.HasPrefix(got, "\uFEFF") {
			t.Errorf("%s: CR or BOM left in %q", tc.dir, got)
		}
		if tc.enc != EncLatin1 {
			if got != string(want) {
				t.Errorf("%s: Decode = %q, want %q", tc.dir, got, want)
			}
			continue
		}
		wantBytes := bytes.ReplaceAll(in, []byte("\r\n"), []byte("\n"))
		if b := runesAsBytes(t, got); !bytes.Equal(b, wantBytes) {
			t.Errorf("%s: Latin-1 decoding does not give back the file's bytes", tc.dir)
		}
	}
}

func TestDecode(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   []byte
		want string
		enc  string
	}{
		{"empty", nil, "", EncUTF8},
		{"ascii", []byte("a\r\nb\rc\n"), "a\nb\nc\n", EncUTF8},
		{"utf8", []byte("Báo cáo\r\n"), "Báo cáo\n", EncUTF8},
		{"utf8 nfd kept", []byte("Vie\u0302\u0323t"), "Vie\u0302\u0323t", EncUTF8},
		{"utf8 bom only", []byte("\xEF\xBB\xBF"), "", EncUTF8},
		{"utf8 bom invalid", []byte("\xEF\xBB\xBFa\xFFb"), "a\uFFFDb", EncUTF8},
		{"utf8 nul", []byte("a\x00b"), "ab", EncUTF8},
		{"utf16be bom", []byte{0xFE, 0xFF, 0x00, 'N', 0x1E, 0xA1, 0x00, '\r', 0x00, '\n'}, "Nạ\n", EncUTF16BE},
		{"utf16le bom", []byte{0xFF, 0xFE, 'N', 0x00, 0xA1, 0x1E}, "Nạ", EncUTF16LE},
		{"utf16le odd", []byte{0xFF, 0xFE, 'N', 0x00, 'x'}, "N\uFFFD", EncUTF16LE},
		{"utf16le lone surrogate", []byte{0xFF, 0xFE, 0x00, 0xD8, 'a', 0x00}, "\uFFFDa", EncUTF16LE},
		{"utf16le no bom", []byte("B\x00\xe1\x00o\x00 \x00c\x00\xe1\x00o\x00"), "Báo cáo", EncUTF16LE},
		{"utf16be no bom", []byte("\x00B\x00\xe1\x00o\x00 \x00c\x00\xe1\x00o"), "Báo cáo", EncUTF16BE},
		{"latin1", []byte("B\xb8o c\xb8o\r\nn\xa8m \x97"), "B¸o c¸o\nn¨m \u0097", EncLatin1},
		{"latin1 soft hyphen byte", []byte("l\xadi"), "l\u00adi", EncLatin1},
	} {
		got, enc, err := Decode(tc.in)
		if err != nil || got != tc.want || enc != tc.enc {
			t.Errorf("%s: Decode(%q) = %q, %q, %v; want %q, %q", tc.name, tc.in, got, enc, err, tc.want, tc.enc)
		}
	}
}

func FuzzDecode(f *testing.F) {
	for _, dir := range []string{"utf8-bom", "utf16le-bom", "tcvn3", "vni", "cp1258"} {
		if b, err := os.ReadFile(filepath.Join(legacyTestdata, dir, "input.txt")); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte{0xFE, 0xFF, 0xD8, 0x00})
	f.Add([]byte("a\x00b\x00\r"))
	f.Fuzz(func(t *testing.T, b []byte) {
		s, enc, err := Decode(b)
		if err != nil {
			return
		}
		if !utf8.ValidString(s) {
			t.Fatalf("Decode(%q) = %q: invalid UTF-8", b, s)
		}
		if strings.ContainsAny(s, "\x00\r") {
			t.Fatalf("Decode(%q) = %q: NUL or CR left", b, s)
		}
		switch enc {
		case EncLatin1:
			if utf8.Valid(b) {
				t.Fatalf("Decode(%q): valid UTF-8 reported as %s", b, enc)
			}
		case EncUTF8:
			if utf8.Valid(b) && !bytes.HasPrefix(b, []byte("\xEF\xBB\xBF")) {
				want := strings.ReplaceAll(string(b), "\x00", "")
				want = strings.ReplaceAll(want, "\r\n", "\n")
				want = strings.ReplaceAll(want, "\r", "\n")
				if s != want {
					t.Fatalf("Decode(%q) = %q: valid UTF-8 changed", b, s)
				}
			}
		case EncUTF16LE, EncUTF16BE:
		default:
			t.Fatalf("Decode(%q): unknown encoding %q", b, enc)
		}
	})
}

func BenchmarkDecode(b *testing.B) {
	for _, dir := range []string{"utf8-bom", "utf16le-bom", "tcvn3"} {
		in, err := os.ReadFile(filepath.Join(legacyTestdata, dir, "input.txt"))
		if err != nil {
			b.Fatal(err)
		}
		in = bytes.Repeat(in, 200)
		b.Run(dir, func(b *testing.B) {
			b.SetBytes(int64(len(in)))
			for b.Loop() {
				if _, _, err := Decode(in); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
