// Package variants makes variants of a PDF that poppler still reads:
// bytes appended after %%EOF, junk before the header, a cross-reference
// table whose offsets are off, a wrong startxref, and (with qpdf) the
// encryptions a report may come with. The reader's tests read each and
// compare its words with the original's and with pdftotext's.
package variants

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
)

// Variant is a variant of a PDF.
type Variant struct {
	Name string
	Data []byte
	// Password is the password to open it with ("" for none).
	Password string
	// Fails is the error text expected when the variant is read without
	// a password: it needs one.
	Fails string
}

var startxrefRE = regexp.MustCompile(`startxref\s+(\d+)\s+%%EOF\s*$`)

// Edits returns the variants made by byte edits of data.
func Edits(data []byte) []Variant {
	cat := func(parts ...[]byte) []byte { return bytes.Join(parts, nil) }
	rnd := rand.New(rand.NewPCG(7, 13))
	garbage := make([]byte, 4096)
	for i := range garbage {
		garbage[i] = byte(rnd.UintN(256))
	}
	out := []Variant{
		{Name: "tail-comment", Data: cat(data, []byte("% appended by a mail gateway\n"))},
		{Name: "tail-100-spaces", Data: cat(data, bytes.Repeat([]byte(" "), 100))},
		{Name: "tail-1k-nuls", Data: cat(data, make([]byte, 1024))},
		{Name: "tail-2000-newlines", Data: cat(data, bytes.Repeat([]byte("\n"), 2000))},
		{Name: "tail-4k-garbage", Data: cat(data, garbage)},
		{Name: "junk-before-header", Data: cat([]byte("Content-Type: application/pdf\r\nContent-Transfer-Encoding: binary\r\n\r\n"), data)},
		{Name: "xref-shifted", Data: insertAfterHeader(data, []byte("% one line inserted after the header\n"))},
		{Name: "eof-missing", Data: bytes.TrimRight(bytes.TrimSuffix(bytes.TrimRight(data, "\r\n"), []byte("%%EOF")), "\r\n")},
	}
	if m := startxrefRE.FindSubmatchIndex(data); m != nil {
		n, _ := strconv.Atoi(string(data[m[2]:m[3]]))
		wrong := cat(data[:m[2]], []byte(strconv.Itoa(n+13)), data[m[3]:])
		out = append(out, Variant{Name: "startxref-wrong", Data: wrong})
		zero := cat(data[:m[2]], []byte("0"), data[m[3]:])
		out = append(out, Variant{Name: "startxref-zero", Data: zero})
		out = append(out, Variant{Name: "startxref-beyond-end", Data: cat(data[:m[2]], []byte(strconv.Itoa(len(data)*2)), data[m[3]:])})
	}
	return out
}

// insertAfterHeader inserts line after the first line of data, so that
// every offset of the cross-reference table is off by its length.
func insertAfterHeader(data, line []byte) []byte {
	i := bytes.IndexByte(data, '\n') + 1
	return bytes.Join([][]byte{data[:i], line, data[i:]}, nil)
}

// QPDF returns the variants qpdf makes of the PDF at path, written in
// dir: encrypted with RC4 40 and 128 bits, AES 128 and 256 bits with an
// empty user password, with a user password, with object streams and a
// cross-reference stream (also with a wrong startxref), linearized.
func QPDF(qpdf, path, dir string) ([]Variant, error) {
	type job struct {
		name     string
		args     []string
		password string
		fails    string
	}
	jobs := []job{
		{name: "rc4-40", args: []string{"--allow-weak-crypto", "--encrypt", "", "owner", "40", "--"}},
		{name: "rc4-128", args: []string{"--allow-weak-crypto", "--encrypt", "", "owner", "128", "--use-aes=n", "--"}},
		{name: "aes-128", args: []string{"--encrypt", "", "owner", "128", "--use-aes=y", "--"}},
		{name: "aes-256", args: []string{"--encrypt", "", "owner", "256", "--"}},
		{name: "aes-256-r5", args: []string{"--encrypt", "", "owner", "256", "--force-R5", "--"}},
		{name: "rc4-128-no-metadata", args: []string{"--allow-weak-crypto", "--encrypt", "", "owner", "128", "--use-aes=n", "--cleartext-metadata", "--"}},
		{name: "user-password-aes-256", args: []string{"--encrypt", "secret", "owner", "256", "--"}, password: "secret", fails: "a user password is needed"},
		{name: "user-password-rc4-128", args: []string{"--allow-weak-crypto", "--encrypt", "secret", "owner", "128", "--use-aes=n", "--"}, password: "secret", fails: "a user password is needed"},
		{name: "object-streams", args: []string{"--object-streams=generate"}},
		{name: "linearized", args: []string{"--linearize"}},
		{name: "aes-256-object-streams", args: []string{"--object-streams=generate", "--encrypt", "", "owner", "256", "--"}},
	}
	var out []Variant
	for _, j := range jobs {
		dst := filepath.Join(dir, j.name+".pdf")
		args := append(append([]string{}, j.args...), path, dst)
		if b, err := exec.Command(qpdf, args...).CombinedOutput(); err != nil {
			// qpdf exits 3 on warnings; the file is written.
			if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 3 {
				return nil, fmt.Errorf("qpdf %v: %v: %s", args, err, b)
			}
		}
		data, err := os.ReadFile(dst)
		if err != nil {
			return nil, err
		}
		out = append(out, Variant{Name: j.name, Data: data, Password: j.password, Fails: j.fails})
	}
	// Byte edits on qpdf's output: a cross-reference stream behind a
	// wrong startxref, an encrypted file with a tail.
	for _, v := range out {
		switch v.Name {
		case "object-streams":
			for _, e := range Edits(v.Data) {
				if e.Name == "startxref-wrong" || e.Name == "xref-shifted" {
					e.Name = v.Name + "+" + e.Name
					out = append(out, e)
				}
			}
		case "aes-256", "rc4-40":
			for _, e := range Edits(v.Data) {
				if e.Name == "tail-2000-newlines" || e.Name == "xref-shifted" {
					e.Name = v.Name + "+" + e.Name
					out = append(out, e)
				}
			}
		}
	}
	return out, nil
}
