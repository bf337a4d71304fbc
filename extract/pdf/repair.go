package pdf

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
)

// rawObject is an indirect object found by scanning the raw file.
type rawObject struct {
	num, gen int
	start    int // offset of "N G obj"
	value    int // offset of its value, after "obj"
	valueEnd int // offset after its value
	// data is the range of its stream data, if it has a stream.
	data   [2]int
	stream bool
	// lengthRef is the object number of an indirect /Length.
	lengthRef int
}

// Limits of the scan, so that a hostile file stays cheap.
const (
	maxScanObjects = 1 << 20
	maxObjStmBytes = 64 << 20
)

// scanObjects finds the indirect objects of data by their "N G obj"
// headers, as poppler and pdf.js do when the cross-reference table is
// wrong. Stream data is skipped, so that bytes inside a stream are not
// taken for objects. Objects are returned in file order; a number
// defined again later (an incremental update) is defined by its last
// definition.
func scanObjects(data []byte) []rawObject {
	var out []rawObject
	for i := 0; i < len(data) && len(out) < maxScanObjects; {
		k := bytes.Index(data[i:], []byte("obj"))
		if k < 0 {
			break
		}
		p := i + k
		i = p + 3
		if p+3 < len(data) && isRegular(data[p+3]) {
			continue
		}
		num, gen, start, ok := objHeader(data, p)
		if !ok {
			continue
		}
		o := rawObject{num: num, gen: gen, start: start, value: p + 3}
		o.valueEnd = skipValue(data, o.value)
		t, j := lex(data, o.valueEnd)
		end := j
		if t.Kind == tRegular && string(data[t.Start:t.End]) == "stream" {
			o.stream = true
			ds := j
			if ds < len(data) && data[ds] == '\r' {
				ds++
			}
			if ds < len(data) && data[ds] == '\n' {
				ds++
			}
			o.data = [2]int{ds, ds}
			n := -1
			dictEntries(data, o.value, func(key, val []byte) {
				if string(key) != "Length" {
					return
				}
				if v, ok := atoi(val); ok {
					n = int(v)
				} else if r, ok := refNum(val); ok {
					o.lengthRef = r
				}
			})
			if n >= 0 && streamEndsAt(data, ds+n) {
				o.data[1] = ds + n
			} else {
				o.data[1] = findEndstream(data, ds)
			}
			end = o.data[1]
			if e := bytes.Index(data[end:min(len(data), end+64)], []byte("endstream")); e >= 0 {
				end += e + len("endstream")
			}
		}
		if t, j := lex(data, end); t.Kind == tRegular && string(data[t.Start:t.End]) == "endobj" {
			end = j
		}
		out = append(out, o)
		i = max(i, end)
	}
	return out
}

// objHeader parses the "N G" before the "obj" at p and returns them
// with the offset of N.
func objHeader(data []byte, p int) (num, gen, start int, ok bool) {
	j := p
	skip := func() {
		for j > 0 && isSpace(data[j-1]) {
			j--
		}
	}
	digits := func() (int, bool) {
		e := j
		for j > 0 && data[j-1] >= '0' && data[j-1] <= '9' && e-j < 10 {
			j--
		}
		if j == e {
			return 0, false
		}
		v, err := strconv.Atoi(string(data[j:e]))
		return v, err == nil
	}
	if j == 0 || !isSpace(data[j-1]) {
		return 0, 0, 0, false
	}
	skip()
	g, ok1 := digits()
	if j == 0 || !isSpace(data[j-1]) {
		return 0, 0, 0, false
	}
	skip()
	n, ok2 := digits()
	if !ok1 || !ok2 || j > 0 && isRegular(data[j-1]) || g > 65535 {
		return 0, 0, 0, false
	}
	return n, g, j, true
}

// streamEndsAt reports whether stream data ending at e is followed by
// "endstream" (after optional white space).
func streamEndsAt(data []byte, e int) bool {
	if e < 0 || e > len(data) {
		return false
	}
	for e < len(data) && isSpace(data[e]) && e < len(data) {
		e++
	}
	return bytes.HasPrefix(data[e:], []byte("endstream"))
}

// findEndstream returns the end of stream data that starts at s: where
// "endstream" follows, less the end of line before it.
func findEndstream(data []byte, s int) int {
	k := bytes.Index(data[s:], []byte("endstream"))
	if k < 0 {
		return len(data)
	}
	e := s + k
	if e > s && data[e-1] == '\n' {
		e--
	}
	if e > s && data[e-1] == '\r' {
		e--
	}
	return e
}

// latest returns the last definition of each object number.
func latest(objs []rawObject) map[int]*rawObject {
	m := make(map[int]*rawObject, len(objs))
	for i := range objs {
		m[objs[i].num] = &objs[i]
	}
	return m
}

// fixLengths sets the data range of streams whose /Length is an
// indirect object to that length, where it is an integer that ends the
// data before "endstream".
func fixLengths(data []byte, objs []rawObject, byNum map[int]*rawObject) {
	for i := range objs {
		o := &objs[i]
		if !o.stream || o.lengthRef == 0 {
			continue
		}
		l, ok := byNum[o.lengthRef]
		if !ok || l.stream {
			continue
		}
		if n, ok := atoi(bytes.TrimSpace(data[l.value:l.valueEnd])); ok && streamEndsAt(data, o.data[0]+int(n)) {
			o.data[1] = o.data[0] + int(n)
		}
	}
}

// trailerInfo is what a rebuilt cross-reference section carries over
// from the file's trailer: the raw bytes of its entries.
type trailerInfo struct {
	Root, Info, ID, Encrypt []byte
}

// findTrailer returns the entries of the file's last trailer that names
// a catalog: the dictionaries after "trailer" keywords and those of
// cross-reference streams. Failing that, it looks for the catalog
// object itself.
func findTrailer(data []byte, objs []rawObject, byNum map[int]*rawObject, inStm map[int]xrefEntry) (trailerInfo, error) {
	type cand struct {
		at int
		t  trailerInfo
	}
	var cands []cand
	read := func(at, dict int) {
		var t trailerInfo
		dictEntries(data, dict, func(key, val []byte) {
			switch string(key) {
			case "Root":
				t.Root = val
			case "Info":
				t.Info = val
			case "ID":
				t.ID = val
			case "Encrypt":
				t.Encrypt = val
			}
		})
		cands = append(cands, cand{at, t})
	}
	for i := 0; ; {
		k := bytes.Index(data[i:], []byte("trailer"))
		if k < 0 {
			break
		}
		p := i + k
		i = p + len("trailer")
		if t, _ := lex(data, i); t.Kind == tDictOpen {
			read(p, i)
		}
	}
	for i := range objs {
		if objs[i].stream && dictName(data, objs[i].value, "Type") == "XRef" {
			read(objs[i].start, objs[i].value)
		}
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].at < cands[j].at })
	var t trailerInfo
	for _, c := range cands {
		if c.t.Root != nil {
			if n, ok := refNum(c.t.Root); ok && (byNum[n] != nil || inStm[n].typ == 2) {
				t.Root = c.t.Root
			}
		}
		if c.t.Info != nil {
			t.Info = c.t.Info
		}
		if c.t.ID != nil {
			t.ID = c.t.ID
		}
		if c.t.Encrypt != nil {
			t.Encrypt = c.t.Encrypt
		}
	}
	if t.Root == nil {
		for i := len(objs) - 1; i >= 0; i-- {
			o := &objs[i]
			if dictName(data, o.value, "Type") == "Catalog" && byNum[o.num] == o {
				t.Root = []byte(fmt.Sprintf("%d %d R", o.num, o.gen))
				break
			}
		}
	}
	if t.Root == nil {
		return t, errors.New("no trailer or catalog found (truncated?)")
	}
	return t, nil
}

// dictName returns the name value of key in the dictionary at i, "" if
// there is none.
func dictName(data []byte, i int, key string) string {
	var v string
	dictEntries(data, i, func(k, val []byte) {
		if string(k) == key && len(val) > 1 && val[0] == '/' {
			v = string(val[1:])
		}
	})
	return v
}

// dictInt returns the integer value of key in the dictionary at i.
func dictInt(data []byte, i int, key string) (int, bool) {
	v, ok := -1, false
	dictEntries(data, i, func(k, val []byte) {
		if string(k) == key {
			if n, good := atoi(val); good {
				v, ok = int(n), true
			}
		}
	})
	return v, ok
}

// xrefEntry is an entry of a rebuilt cross-reference stream.
type xrefEntry struct {
	typ byte // 1: at an offset; 2: in an object stream
	a   int  // offset, or the object stream's number
	b   int  // generation, or the index in the object stream
}

// objStmEntries returns the objects held in object stream o, whose
// decoded stream data is plain: their number and index.
func objStmEntries(data []byte, o *rawObject, plain []byte) map[int]xrefEntry {
	n, ok1 := dictInt(data, o.value, "N")
	first, ok2 := dictInt(data, o.value, "First")
	if !ok1 || !ok2 || first > len(plain) || n > len(plain) {
		return nil
	}
	out := map[int]xrefEntry{}
	head := plain[:first]
	j := 0
	for k := 0; k < n; k++ {
		t1, j1 := lex(head, j)
		t2, j2 := lex(head, j1)
		num, ok1 := atoi(head[t1.Start:t1.End])
		_, ok2 := atoi(head[t2.Start:t2.End])
		if t1.Kind != tRegular || t2.Kind != tRegular || !ok1 || !ok2 {
			break
		}
		out[int(num)] = xrefEntry{2, o.num, k}
		j = j2
	}
	return out
}

// decodeFlate returns the stream data after its filter, for the object
// streams the rebuild reads: none or FlateDecode without predictor.
func decodeFlate(data []byte, o *rawObject, raw []byte) ([]byte, bool) {
	filter := ""
	parms := false
	dictEntries(data, o.value, func(k, val []byte) {
		switch string(k) {
		case "Filter":
			filter = string(bytes.Trim(val, "[] /"))
		case "DecodeParms":
			parms = len(bytes.Trim(val, "[] ")) > 0 && !bytes.Equal(val, []byte("null"))
		}
	})
	switch {
	case filter == "":
		return raw, true
	case filter == "FlateDecode" && !parms:
		zr, err := zlib.NewReader(bytes.NewReader(raw))
		if err != nil {
			return nil, false
		}
		b, err := io.ReadAll(io.LimitReader(zr, maxObjStmBytes))
		if err != nil && len(b) == 0 {
			return nil, false
		}
		return b, true
	}
	return nil, false
}

// appendXref appends to file a cross-reference stream for entries and
// the trailer entries t (without /Encrypt when noEncrypt), with
// startxref and %%EOF, and returns the result.
func appendXref(file []byte, entries map[int]xrefEntry, t trailerInfo, noEncrypt bool) []byte {
	size := 0
	for n := range entries {
		size = max(size, n+1)
	}
	self := size // the stream's own number
	size++
	if len(file) > 0 && file[len(file)-1] != '\n' {
		file = append(file, '\n')
	}
	at := len(file)
	entries[self] = xrefEntry{1, at, 0}
	var rows bytes.Buffer
	rec := make([]byte, 7)
	for n := 0; n < size; n++ {
		e, ok := entries[n]
		switch {
		case n == 0 || !ok:
			rec[0] = 0
			binary.BigEndian.PutUint32(rec[1:], 0)
			binary.BigEndian.PutUint16(rec[5:], 0)
		default:
			rec[0] = e.typ
			binary.BigEndian.PutUint32(rec[1:], uint32(e.a))
			binary.BigEndian.PutUint16(rec[5:], uint16(e.b))
		}
		rows.Write(rec)
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 2] /Length %d /Root %s", self, size, rows.Len(), t.Root)
	if t.Info != nil {
		fmt.Fprintf(&b, " /Info %s", t.Info)
	}
	if t.ID != nil {
		fmt.Fprintf(&b, " /ID %s", t.ID)
	}
	if t.Encrypt != nil && !noEncrypt {
		fmt.Fprintf(&b, " /Encrypt %s", t.Encrypt)
	}
	b.WriteString(" >>\nstream\n")
	b.Write(rows.Bytes())
	fmt.Fprintf(&b, "\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", at)
	return append(file, b.Bytes()...)
}

// rebuild returns data with a cross-reference stream appended that
// points at the objects found by scanning it, with the entries of its
// last trailer: what poppler does when the cross-reference table or
// startxref is wrong.
func rebuild(data []byte) ([]byte, error) {
	objs := scanObjects(data)
	if len(objs) == 0 {
		return nil, errors.New("no objects found")
	}
	byNum := latest(objs)
	fixLengths(data, objs, byNum)
	entries := map[int]xrefEntry{}
	for _, o := range byNum {
		if o.stream && dictName(data, o.value, "Type") == "ObjStm" {
			if plain, ok := decodeFlate(data, o, data[o.data[0]:o.data[1]]); ok {
				for n, e := range objStmEntries(data, o, plain) {
					entries[n] = e
				}
			}
		}
	}
	t, err := findTrailer(data, objs, byNum, entries)
	if err != nil {
		return nil, err
	}
	for n, o := range byNum {
		if dictName(data, o.value, "Type") == "XRef" {
			continue
		}
		entries[n] = xrefEntry{1, o.start, o.gen}
	}
	out := make([]byte, len(data), len(data)+len(entries)*7+512)
	copy(out, data)
	return appendXref(out, entries, t, false), nil
}
