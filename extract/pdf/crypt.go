package pdf

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/md5"
	"crypto/rc4"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"sort"
	"strconv"

	"github.com/baocao/baocao/extract"
)

// Encrypted files are decrypted here, not by the parser: it derives a
// wrong key for 40-bit RC4 (it keeps 16 bytes of the object key where
// the standard keeps n+5) and knows no AES-256. The file is rewritten
// with its strings and streams in clear and a new cross-reference
// stream, and the parser reads that. See PDF 32000-1 §7.6 and ISO
// 32000-2 §7.6.4 (revision 6).

// cipherKind is how a crypt filter encrypts.
type cipherKind int

const (
	cipherNone cipherKind = iota
	cipherRC4
	cipherAES  // AES-128, key per object
	cipherAES3 // AES-256, the file key for every object
)

// crypt holds what decrypting a file needs.
type crypt struct {
	key      []byte
	stm, str cipherKind
	// meta is false when metadata streams are left in clear.
	meta bool
	// encObj is the number of the /Encrypt dictionary's object.
	encObj int
}

// passwordPad pads passwords of revisions 2–4 (Algorithm 2).
var passwordPad = []byte("\x28\xbf\x4e\x5e\x4e\x75\x8a\x41\x64\x00\x4e\x56\xff\xfa\x01\x08\x2e\x2e\x00\xb6\xd0\x68\x3e\x80\x2f\x0c\xa9\xfe\x64\x53\x69\x7a")

// Errors of opening an encrypted file.
var (
	errNeedPassword  = errors.New("a user password is needed to open it")
	errWrongPassword = errors.New("the password given is wrong")
)

// encryptDict holds the entries of the /Encrypt dictionary.
type encryptDict struct {
	filter, subFilter string
	v, r, length      int
	o, u, oe, ue      []byte
	p                 uint32
	meta              bool
	cf                map[string]string // crypt filter name → CFM
	stmF, strF        string
}

// readEncrypt reads the /Encrypt dictionary at offset i of data.
func readEncrypt(data []byte, i int) encryptDict {
	e := encryptDict{meta: true, length: 40, cf: map[string]string{}}
	dictEntries(data, i, func(k, val []byte) {
		str := func() []byte { return stringBytes(val) }
		num := func() int { n, _ := strconv.ParseInt(string(val), 10, 64); return int(n) }
		switch string(k) {
		case "Filter":
			e.filter = string(bytes.TrimPrefix(val, []byte("/")))
		case "SubFilter":
			e.subFilter = string(bytes.TrimPrefix(val, []byte("/")))
		case "V":
			e.v = num()
		case "R":
			e.r = num()
		case "Length":
			e.length = num()
		case "O":
			e.o = str()
		case "U":
			e.u = str()
		case "OE":
			e.oe = str()
		case "UE":
			e.ue = str()
		case "P":
			e.p = uint32(num())
		case "EncryptMetadata":
			e.meta = string(val) != "false"
		case "StmF":
			e.stmF = string(bytes.TrimPrefix(val, []byte("/")))
		case "StrF":
			e.strF = string(bytes.TrimPrefix(val, []byte("/")))
		case "CF":
			// The filters: << /StdCF << /CFM /AESV2 … >> … >>.
			j := bytes.Index(data[i:], val)
			if j < 0 {
				return
			}
			dictEntries(data, i+j, func(name, sub []byte) {
				s := bytes.Index(data[i+j:], sub)
				if s < 0 {
					return
				}
				e.cf[string(name)] = dictName(data, i+j+s, "CFM")
			})
		}
	})
	return e
}

// newCrypt derives the file key of the file with the /Encrypt
// dictionary e and first file identifier id from password, tried as
// the user password and then as the owner password.
func newCrypt(e encryptDict, id []byte, password string) (*crypt, error) {
	if e.filter != "Standard" {
		return nil, fmt.Errorf("%w (filter %s): unsupported", extract.ErrEncrypted, e.filter)
	}
	c := &crypt{meta: e.meta}
	kind := func(name string) cipherKind {
		if name == "Identity" {
			return cipherNone
		}
		switch e.cf[name] {
		case "None":
			return cipherNone
		case "V2":
			return cipherRC4
		case "AESV2":
			return cipherAES
		case "AESV3":
			return cipherAES3
		}
		return cipherRC4
	}
	switch e.v {
	case 1, 2:
		c.stm, c.str = cipherRC4, cipherRC4
	case 4, 5:
		c.stm, c.str = kind(e.stmF), kind(e.strF)
		if e.stmF == "" {
			c.stm = cipherNone
		}
		if e.strF == "" {
			c.str = cipherNone
		}
	default:
		return nil, fmt.Errorf("%w (V %d): unsupported", extract.ErrEncrypted, e.v)
	}
	switch {
	case e.r >= 2 && e.r <= 4:
		n := e.length / 8
		if e.r == 2 {
			n = 5
		}
		if n < 5 || n > 16 || len(e.o) < 32 || len(e.u) < 16 {
			return nil, fmt.Errorf("%w: bad key length or O/U entries: %w", extract.ErrEncrypted, extract.ErrCorrupt)
		}
		if k := userKey4(e, id, n, []byte(password)); k != nil {
			c.key = k
			return c, nil
		}
		if k := userKey4(e, id, n, ownerToUser4(e, n, []byte(password))); k != nil {
			c.key = k
			return c, nil
		}
	case e.r == 5 || e.r == 6:
		if len(e.u) < 48 || len(e.o) < 48 || len(e.ue) < 32 || len(e.oe) < 32 {
			return nil, fmt.Errorf("%w: bad O/U/OE/UE entries: %w", extract.ErrEncrypted, extract.ErrCorrupt)
		}
		pw := []byte(password)
		if len(pw) > 127 {
			pw = pw[:127]
		}
		if bytes.Equal(hash6(e.r, pw, e.u[32:40], nil), e.u[:32]) {
			c.key = aesNoIV(hash6(e.r, pw, e.u[40:48], nil), e.ue[:32])
			return c, nil
		}
		if bytes.Equal(hash6(e.r, pw, e.o[32:40], e.u[:48]), e.o[:32]) {
			c.key = aesNoIV(hash6(e.r, pw, e.o[40:48], e.u[:48]), e.oe[:32])
			return c, nil
		}
	default:
		return nil, fmt.Errorf("%w (R %d): unsupported", extract.ErrEncrypted, e.r)
	}
	if password != "" {
		return nil, fmt.Errorf("%w: %w", extract.ErrEncrypted, errWrongPassword)
	}
	return nil, fmt.Errorf("%w: %w", extract.ErrEncrypted, errNeedPassword)
}

// padded returns pw padded or cut to 32 bytes (Algorithm 2, step a).
func padded(pw []byte) []byte {
	out := make([]byte, 32)
	n := copy(out, pw)
	copy(out[n:], passwordPad)
	return out
}

// userKey4 computes the file key from a user password (Algorithm 2) and
// returns it if the password checks against /U (Algorithms 4 and 5).
func userKey4(e encryptDict, id []byte, n int, pw []byte) []byte {
	h := md5.New()
	h.Write(padded(pw))
	h.Write(e.o[:32])
	h.Write([]byte{byte(e.p), byte(e.p >> 8), byte(e.p >> 16), byte(e.p >> 24)})
	h.Write(id)
	if e.r >= 4 && !e.meta {
		h.Write([]byte{0xff, 0xff, 0xff, 0xff})
	}
	key := h.Sum(nil)
	if e.r >= 3 {
		for range 50 {
			s := md5.Sum(key[:n])
			key = s[:]
		}
	}
	key = key[:n]
	var u []byte
	if e.r == 2 {
		u = rc4XOR(key, passwordPad)
		if !bytes.Equal(u, e.u[:32]) {
			return nil
		}
		return key
	}
	h.Reset()
	h.Write(passwordPad)
	h.Write(id)
	u = rc4XOR(key, h.Sum(nil))
	for i := 1; i <= 19; i++ {
		u = rc4XOR(xorKey(key, byte(i)), u)
	}
	if !bytes.Equal(u[:16], e.u[:16]) {
		return nil
	}
	return key
}

// ownerToUser4 recovers the padded user password from an owner
// password (Algorithm 7).
func ownerToUser4(e encryptDict, n int, pw []byte) []byte {
	s := md5.Sum(padded(pw))
	key := s[:]
	if e.r >= 3 {
		for range 50 {
			s = md5.Sum(key)
			key = s[:]
		}
	}
	key = key[:n]
	u := append([]byte(nil), e.o[:32]...)
	if e.r == 2 {
		return rc4XOR(key, u)
	}
	for i := 19; i >= 0; i-- {
		u = rc4XOR(xorKey(key, byte(i)), u)
	}
	return u
}

// xorKey returns key with every byte XORed with b.
func xorKey(key []byte, b byte) []byte {
	out := make([]byte, len(key))
	for i := range key {
		out[i] = key[i] ^ b
	}
	return out
}

// rc4XOR encrypts (or decrypts) b with RC4 under key.
func rc4XOR(key, b []byte) []byte {
	c, err := rc4.NewCipher(key)
	if err != nil {
		return nil
	}
	out := make([]byte, len(b))
	c.XORKeyStream(out, b)
	return out
}

// hash6 is the password hash of revisions 5 (SHA-256) and 6 (ISO
// 32000-2 Algorithm 2.B), of password pw with salt and the user key
// udata (for the owner password).
func hash6(r int, pw, salt, udata []byte) []byte {
	h := sha256.New()
	h.Write(pw)
	h.Write(salt)
	h.Write(udata)
	k := h.Sum(nil)
	if r == 5 {
		return k
	}
	for i := 0; ; i++ {
		k1 := make([]byte, 0, 64*(len(pw)+len(k)+len(udata)))
		for range 64 {
			k1 = append(k1, pw...)
			k1 = append(k1, k...)
			k1 = append(k1, udata...)
		}
		block, _ := aes.NewCipher(k[:16])
		enc := make([]byte, len(k1))
		cipher.NewCBCEncrypter(block, k[16:32]).CryptBlocks(enc, k1)
		sum := 0
		for _, b := range enc[:16] {
			sum += int(b)
		}
		var hh hash.Hash
		switch sum % 3 {
		case 0:
			hh = sha256.New()
		case 1:
			hh = sha512.New384()
		default:
			hh = sha512.New()
		}
		hh.Write(enc)
		k = hh.Sum(nil)
		if i >= 63 && int(enc[len(enc)-1]) <= i-31 {
			break
		}
	}
	return k[:32]
}

// aesNoIV decrypts b with AES-256-CBC under key with a zero IV and no
// padding (the /UE and /OE entries).
func aesNoIV(key, b []byte) []byte {
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil
	}
	out := make([]byte, len(b)/16*16)
	cipher.NewCBCDecrypter(block, make([]byte, 16)).CryptBlocks(out, b[:len(out)])
	return out
}

// objectKey is the key for object num, gen (Algorithm 1).
func (c *crypt) objectKey(k cipherKind, num, gen int) []byte {
	if k == cipherAES3 {
		return c.key
	}
	h := md5.New()
	h.Write(c.key)
	h.Write([]byte{byte(num), byte(num >> 8), byte(num >> 16), byte(gen), byte(gen >> 8)})
	if k == cipherAES {
		h.Write([]byte("sAlT"))
	}
	return h.Sum(nil)[:min(len(c.key)+5, 16)]
}

// decrypt decrypts b, a string or stream of object num, gen, encrypted
// with k.
func (c *crypt) decrypt(k cipherKind, num, gen int, b []byte) []byte {
	switch k {
	case cipherNone:
		return b
	case cipherRC4:
		return rc4XOR(c.objectKey(k, num, gen), b)
	}
	if len(b) < 32 || len(b)%16 != 0 {
		if len(b) < 16 {
			return nil
		}
		b = b[:len(b)/16*16]
	}
	block, err := aes.NewCipher(c.objectKey(k, num, gen))
	if err != nil {
		return nil
	}
	out := make([]byte, len(b)-16)
	cipher.NewCBCDecrypter(block, b[:16]).CryptBlocks(out, b[16:])
	if n := len(out); n > 0 {
		if p := int(out[n-1]); p >= 1 && p <= 16 && p <= n {
			out = out[:n-p]
		}
	}
	return out
}

// decryptFile rewrites data, an encrypted PDF, in clear: every object's
// strings and streams decrypted, /Length set to the clear length, and a
// new cross-reference stream without /Encrypt.
func decryptFile(data []byte, password string) ([]byte, error) {
	objs := scanObjects(data)
	if len(objs) == 0 {
		return nil, fmt.Errorf("no objects found: %w", extract.ErrCorrupt)
	}
	byNum := latest(objs)
	fixLengths(data, objs, byNum)
	// Objects in object streams cannot be listed before decryption;
	// a catalog among them is taken on the trailer's word.
	t, err := findTrailer(data, objs, byNum, inStreams(data, objs))
	if err != nil {
		return nil, fmt.Errorf("%v: %w", err, extract.ErrCorrupt)
	}
	encNum, ok := refNum(t.Encrypt)
	enc := byNum[encNum]
	if !ok || enc == nil {
		return nil, fmt.Errorf("%w: no /Encrypt dictionary: %w", extract.ErrEncrypted, extract.ErrCorrupt)
	}
	var id []byte
	if tk, j := lex(t.ID, 0); tk.Kind == tArrayOpen {
		if tk2, _ := lex(t.ID, j); tk2.Kind == tString || tk2.Kind == tHex {
			id = stringBytes(t.ID[tk2.Start:tk2.End])
		}
	}
	e := readEncrypt(data, enc.value)
	c, err := newCrypt(e, id, password)
	if errors.Is(err, errWrongPassword) {
		// A password given for a file that needs none.
		if c2, err2 := newCrypt(e, id, ""); err2 == nil {
			c, err = c2, nil
		}
	}
	if err != nil {
		return nil, err
	}
	c.encObj = encNum
	nums := make([]int, 0, len(byNum))
	for n := range byNum {
		nums = append(nums, n)
	}
	sort.Ints(nums)
	out := bytes.NewBuffer(make([]byte, 0, len(data)+len(data)/8))
	out.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	entries := map[int]xrefEntry{}
	for _, n := range nums {
		o := byNum[n]
		typ := dictName(data, o.value, "Type")
		if typ == "XRef" {
			continue
		}
		entries[n] = xrefEntry{1, out.Len(), o.gen}
		fmt.Fprintf(out, "%d %d obj\n", o.num, o.gen)
		clear := n == encNum
		var plain []byte
		if o.stream {
			raw := data[o.data[0]:o.data[1]]
			plain = raw
			if !clear && !(typ == "Metadata" && !c.meta) {
				plain = c.decrypt(c.stm, o.num, o.gen, raw)
			}
		}
		c.writeValue(out, data[o.value:o.valueEnd], o, clear, len(plain))
		if o.stream {
			out.WriteString("\nstream\n")
			out.Write(plain)
			out.WriteString("\nendstream")
			if typ == "ObjStm" {
				if dec, ok := decodeFlate(data, o, plain); ok {
					for k, e := range objStmEntries(data, o, dec) {
						if _, seen := byNum[k]; !seen {
							entries[k] = e
						}
					}
				}
			}
		}
		out.WriteString("\nendobj\n")
	}
	return appendXref(out.Bytes(), entries, t, true), nil
}

// inStreams returns the numbers the /Type /XRef streams of an
// encrypted file list as held in object streams (cross-reference
// streams are not encrypted), so that a trailer whose catalog is one of
// them is kept.
func inStreams(data []byte, objs []rawObject) map[int]xrefEntry {
	out := map[int]xrefEntry{}
	for i := range objs {
		o := &objs[i]
		if !o.stream || dictName(data, o.value, "Type") != "XRef" {
			continue
		}
		dictEntries(data, o.value, func(k, val []byte) {
			if string(k) == "Root" {
				if n, ok := refNum(val); ok {
					out[n] = xrefEntry{typ: 2}
				}
			}
		})
	}
	return out
}

// writeValue writes the value v of object o with its strings decrypted
// (unless clear) as hex strings and, for a stream, /Length set to n.
func (c *crypt) writeValue(out *bytes.Buffer, v []byte, o *rawObject, clear bool, n int) {
	depth := 0
	prev := 0
	for i := 0; ; {
		t, j := lex(v, i)
		if t.Kind == tEOF {
			break
		}
		switch t.Kind {
		case tDictOpen, tArrayOpen:
			depth++
		case tDictClose, tArrayClose:
			depth--
		case tString, tHex:
			if !clear {
				out.Write(v[prev:t.Start])
				s := c.decrypt(c.str, o.num, o.gen, stringBytes(v[t.Start:t.End]))
				out.WriteByte('<')
				out.WriteString(hex.EncodeToString(s))
				out.WriteByte('>')
				prev = t.End
			}
		case tName:
			if o.stream && depth == 1 && string(v[t.Start:t.End]) == "/Length" {
				out.Write(v[prev:t.End])
				fmt.Fprintf(out, " %d", n)
				prev = skipValue(v, j)
				i = prev
				continue
			}
		}
		i = j
	}
	out.Write(v[prev:])
}
