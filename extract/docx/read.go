package docx

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/baocao/baocao/corpus"
	"github.com/baocao/baocao/extract"
)

// Limits applied by Read.
const (
	// DefaultMaxPartBytes is the default cap on the expanded size of one
	// part of the archive. extract.Options.MaxBytes overrides it.
	DefaultMaxPartBytes = 64 << 20
	// MaxEntries is the largest number of zip entries Read accepts.
	MaxEntries = 10000
	// MaxRatio is the largest compression ratio accepted for a part
	// that expands beyond RatioFloor bytes.
	MaxRatio = 200
	// RatioFloor is the expanded size from which MaxRatio applies.
	RatioFloor = 1 << 20
)

func init() {
	extract.Register(corpus.DOCX, Read)
}

// oleMagic starts an OLE compound file: a Word 97-2003 document, or an
// encrypted Office Open XML file.
var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// Read reads the DOCX file held in the size bytes of r. path names the
// file in errors and in the Document. See the package documentation for
// the model and the limits.
func Read(ctx context.Context, r io.ReaderAt, size int64, path string, opt extract.Options) (*extract.Document, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if size <= 0 {
		return nil, fmt.Errorf("%s: %w", path, extract.ErrEmpty)
	}
	head := make([]byte, len(oleMagic))
	if n, _ := r.ReadAt(head, 0); n == len(head) && bytes.Equal(head, oleMagic) {
		return nil, oleError(r, size, path)
	}
	if err := checkEntryCount(r, size, path); err != nil {
		return nil, err
	}
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, fmt.Errorf("%s: %w: not a valid zip archive: %w", path, extract.ErrCorrupt, err)
	}
	if len(zr.File) > MaxEntries {
		return nil, fmt.Errorf("%s: %w: %d zip entries (limit %d)", path, extract.ErrTooLarge, len(zr.File), MaxEntries)
	}
	limit := opt.MaxBytes
	if limit <= 0 {
		limit = DefaultMaxPartBytes
	}
	a := &archive{path: path, limit: limit, files: make(map[string]*zip.File, len(zr.File))}
	for _, f := range zr.File {
		name := partName(f.Name)
		if _, dup := a.files[name]; !dup {
			a.files[name] = f
		}
	}

	doc := &extract.Document{Path: path, Format: corpus.DOCX}

	// The main part, through the package relationships.
	main := "word/document.xml"
	rels, err := a.rels(ctx, "")
	if err != nil {
		if !errors.Is(err, extract.ErrCorrupt) {
			return nil, err
		}
		doc.Warnings = append(doc.Warnings, err.Error())
	}
	if t := rels.target("officeDocument"); t != "" && a.files[t] != nil {
		main = t
	}
	if a.files[main] == nil {
		return nil, fmt.Errorf("%s: %w: no %s: not a Word document", path, extract.ErrCorrupt, main)
	}
	docRels, err := a.rels(ctx, main)
	if err != nil {
		if !errors.Is(err, extract.ErrCorrupt) {
			return nil, err
		}
		doc.Warnings = append(doc.Warnings, err.Error())
	}
	part := func(relType, def string) string {
		if t := docRels.target(relType); t != "" {
			return t
		}
		return def
	}

	st := newStyles()
	if name := part("styles", "word/styles.xml"); a.files[name] != nil {
		if err := a.parse(ctx, name, st.parse); err != nil {
			if !errors.Is(err, extract.ErrCorrupt) {
				return nil, err
			}
			doc.Warnings = append(doc.Warnings, err.Error())
		}
	}

	p := newParser(ctx, st)
	if err := a.parse(ctx, main, p.body); err != nil {
		return nil, err
	}
	doc.Blocks = p.blocks

	notes := map[string]*extract.Footnote{}
	var order []string
	for _, n := range []struct{ rel, def, prefix string }{
		{"footnotes", "word/footnotes.xml", ""},
		{"endnotes", "word/endnotes.xml", "e"},
	} {
		name := part(n.rel, n.def)
		if a.files[name] == nil {
			continue
		}
		err := a.parse(ctx, name, func(d decoder) error {
			return p.notes(d, n.prefix, func(fn *extract.Footnote) {
				if _, dup := notes[fn.ID]; !dup {
					notes[fn.ID] = fn
					order = append(order, fn.ID)
				}
			})
		})
		if err != nil {
			if !errors.Is(err, extract.ErrCorrupt) {
				return nil, err
			}
			doc.Warnings = append(doc.Warnings, err.Error())
		}
	}
	// Referenced notes in order of first reference, then the others.
	for _, id := range p.refOrder {
		fn := notes[id]
		if fn == nil {
			doc.Warnings = append(doc.Warnings, fmt.Sprintf("%s: note %q is referenced but missing", path, id))
			continue
		}
		fn.Ref = p.refPos[id]
		for i := range fn.Lines {
			fn.Lines[i].Pos = fn.Ref
		}
		doc.Footnotes = append(doc.Footnotes, *fn)
		delete(notes, id)
	}
	for _, id := range order {
		if fn := notes[id]; fn != nil && len(fn.Lines) > 0 {
			doc.Footnotes = append(doc.Footnotes, *fn)
		}
	}

	core := rels.target("core-properties")
	if a.files[core] == nil {
		core = "docprops/core.xml"
	}
	if name := core; a.files[name] != nil {
		if err := a.parse(ctx, name, func(d decoder) error { return parseCore(d, &doc.Meta) }); err != nil {
			if !errors.Is(err, extract.ErrCorrupt) {
				return nil, err
			}
			doc.Warnings = append(doc.Warnings, err.Error())
		}
	}
	for _, sk := range p.skipped {
		part := docRels.byID(sk.relID)
		if part == "" {
			part = "a missing part"
		}
		doc.Warnings = append(doc.Warnings, fmt.Sprintf("%s: %s not read: %s", path, sk.what, part))
	}
	return doc, nil
}

// partName returns the canonical form of a zip entry name: OPC part
// names compare case-insensitively, and some writers use backslashes or
// a leading slash.
func partName(name string) string {
	name = strings.ReplaceAll(name, `\`, "/")
	return strings.ToLower(strings.TrimPrefix(name, "/"))
}

// archive gives capped access to the parts of a zip archive.
type archive struct {
	path  string
	limit int64
	files map[string]*zip.File
}

// open opens a part for reading through the size caps.
func (a *archive) open(name string) (io.ReadCloser, error) {
	f := a.files[name]
	if f == nil {
		return nil, fmt.Errorf("%s: %s: %w: part missing", a.path, name, extract.ErrCorrupt)
	}
	if f.UncompressedSize64 > uint64(a.limit) {
		return nil, fmt.Errorf("%s: %s: %w: expands to %d bytes (limit %d)", a.path, f.Name, extract.ErrTooLarge, f.UncompressedSize64, a.limit)
	}
	if f.UncompressedSize64 > RatioFloor && f.UncompressedSize64 > MaxRatio*f.CompressedSize64 {
		return nil, fmt.Errorf("%s: %s: %w: compression ratio over %d:1 (%d bytes from %d)", a.path, f.Name, extract.ErrTooLarge, MaxRatio, f.UncompressedSize64, f.CompressedSize64)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%s: %s: %w: %w", a.path, f.Name, extract.ErrCorrupt, err)
	}
	return &cappedReader{rc: rc, a: a, f: f}, nil
}

// cappedReader counts the bytes actually inflated, since the sizes in
// the zip directory can lie.
type cappedReader struct {
	rc io.ReadCloser
	a  *archive
	f  *zip.File
	n  int64
}

func (c *cappedReader) Read(b []byte) (int, error) {
	n, err := c.rc.Read(b)
	c.n += int64(n)
	if c.n > c.a.limit {
		return n, fmt.Errorf("%s: %s: %w: expands to more than %d bytes", c.a.path, c.f.Name, extract.ErrTooLarge, c.a.limit)
	}
	// The compressed size bounds the bytes archive/zip reads, so the
	// ratio against it is a true lower bound.
	if c.n > RatioFloor && uint64(c.n) > MaxRatio*c.f.CompressedSize64 {
		return n, fmt.Errorf("%s: %s: %w: compression ratio over %d:1 (%d compressed bytes)", c.a.path, c.f.Name, extract.ErrTooLarge, MaxRatio, c.f.CompressedSize64)
	}
	return n, err
}

func (c *cappedReader) Close() error { return c.rc.Close() }

// parse opens a part and runs fn over a decoder of it. Errors are
// wrapped with the file and part names: extract.ErrTooLarge from the
// caps, ctx's error, or extract.ErrCorrupt for anything wrong with the
// bytes or the XML.
func (a *archive) parse(ctx context.Context, name string, fn func(decoder) error) error {
	rc, err := a.open(name)
	if err != nil {
		return err
	}
	defer rc.Close()
	d := newDecoder(ctx, rc)
	err = fn(d)
	if err == nil {
		return nil
	}
	switch {
	case errors.Is(err, extract.ErrTooLarge):
		return err
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return fmt.Errorf("%s: %w", a.path, err)
	case errors.Is(err, io.EOF):
		err = io.ErrUnexpectedEOF
	}
	return fmt.Errorf("%s: %s: %w: %w", a.path, a.files[name].Name, extract.ErrCorrupt, err)
}

// rels reads the relationships of the part named src ("" for the
// package). A missing relationships part is not an error.
func (a *archive) rels(ctx context.Context, src string) (relations, error) {
	dir, file := path.Split(src)
	name := dir + "_rels/" + file + ".rels"
	if a.files[name] == nil {
		return nil, nil
	}
	var rs relations
	err := a.parse(ctx, name, func(d decoder) error {
		return d.eachStart(func(se startElement) error {
			if se.Name.Local != "Relationship" || attr(se, "TargetMode") == "External" {
				return nil
			}
			typ := attr(se, "Type")
			target := strings.ReplaceAll(attr(se, "Target"), `\`, "/")
			if target == "" {
				return nil
			}
			if strings.HasPrefix(target, "/") {
				target = target[1:]
			} else {
				target = path.Join(dir, target)
			}
			rs = append(rs, relation{id: attr(se, "Id"), typ: typ[strings.LastIndex(typ, "/")+1:], target: strings.ToLower(target)})
			return nil
		})
	})
	return rs, err
}

type relation struct{ id, typ, target string }

type relations []relation

// target returns the target part of the first relationship whose type
// ends in typ (so that transitional and strict OOXML both match).
func (rs relations) target(typ string) string {
	for _, r := range rs {
		if r.typ == typ {
			return r.target
		}
	}
	return ""
}

// byID returns the target part of the relationship with the given id.
func (rs relations) byID(id string) string {
	for _, r := range rs {
		if r.id == id {
			return r.target
		}
	}
	return ""
}

// checkEntryCount refuses an archive whose end-of-central-directory
// record declares more than MaxEntries entries, before archive/zip
// allocates a record for each.
func checkEntryCount(r io.ReaderAt, size int64, path string) error {
	const eocdLen = 22
	n := int64(eocdLen + 65535)
	if n > size {
		n = size
	}
	buf := make([]byte, n)
	if _, err := r.ReadAt(buf, size-n); err != nil && err != io.EOF {
		return fmt.Errorf("%s: %w: %w", path, extract.ErrCorrupt, err)
	}
	i := bytes.LastIndex(buf, []byte("PK\x05\x06"))
	if i < 0 || len(buf)-i < eocdLen {
		return nil // let archive/zip report it
	}
	total := binary.LittleEndian.Uint16(buf[i+10:])
	if total != 0xFFFF && int(total) > MaxEntries {
		return fmt.Errorf("%s: %w: %d zip entries (limit %d)", path, extract.ErrTooLarge, total, MaxEntries)
	}
	return nil
}

// oleError tells an encrypted Office Open XML file, whose OLE directory
// holds an "EncryptedPackage" stream, from other OLE compound files such
// as Word 97-2003 documents.
func oleError(r io.ReaderAt, size int64, path string) error {
	var needle []byte
	for _, c := range "EncryptedPackage" {
		needle = append(needle, byte(c), 0)
	}
	const chunk = 64 << 10
	const maxScan = 64 << 20
	buf := make([]byte, chunk+len(needle))
	for off := int64(0); off < size && off < maxScan; off += chunk {
		n, err := r.ReadAt(buf, off)
		if bytes.Contains(buf[:n], needle) {
			return fmt.Errorf("%s: %w: password-protected Office document", path, extract.ErrEncrypted)
		}
		if err != nil {
			break
		}
	}
	return fmt.Errorf("%s: %w: an OLE compound file (Word 97-2003 .doc?), not DOCX", path, extract.ErrUnsupported)
}
