package extract

import (
	"bytes"
	"encoding/gob"
	"encoding/json"
	"math"
	"unicode/utf8"
)

// A Pool child's reply frame is encoded with encoding/gob, behind the
// byte gobReply, when the gob round trip gives the parent exactly the
// document a JSON round trip would (gobExact); otherwise, and for
// errors, it is JSON, which starts with '{'. Decoding a ten-page PDF's
// document from JSON took 17 ms of CPU in the parent, about as long as
// reading the PDF's text layer; from gob it takes a fraction of that.
const gobReply = 'g'

// encodeReply encodes r for the parent.
func encodeReply(r serverReply) ([]byte, error) {
	if r.Doc != nil && r.Err == nil && gobExact(r.Doc) {
		var b bytes.Buffer
		b.WriteByte(gobReply)
		if err := gob.NewEncoder(&b).Encode(&r); err == nil {
			return b.Bytes(), nil
		}
	}
	return json.Marshal(r)
}

// decodeReply decodes a frame written by encodeReply into r.
func decodeReply(buf []byte, r *serverReply) error {
	if len(buf) > 0 && buf[0] == gobReply {
		return gob.NewDecoder(bytes.NewReader(buf[1:])).Decode(r)
	}
	return json.Unmarshal(buf, r)
}

// gobExact reports whether d survives a gob round trip as it survives
// a JSON one: JSON writes invalid UTF-8 as U+FFFD, fails on a float
// that is not finite or a time it cannot write, and keeps an empty
// slice apart from a nil one where its field has no omitempty; gob
// does none of these.
func gobExact(d *Document) bool {
	if !utf8.ValidString(d.Path) || !utf8.ValidString(string(d.Format)) || !utf8.ValidString(d.Encoding) ||
		!utf8.ValidString(d.Meta.Title) || !finite(d.OCRConf) || emptyNotNil(len(d.Blocks), d.Blocks == nil) {
		return false
	}
	for _, t := range []interface{ MarshalJSON() ([]byte, error) }{d.Meta.Created, d.Meta.Modified} {
		if _, err := t.MarshalJSON(); err != nil {
			return false
		}
	}
	for _, w := range d.Warnings {
		if !utf8.ValidString(w) {
			return false
		}
	}
	for i := range d.Blocks {
		b := &d.Blocks[i]
		if !utf8.ValidString(string(b.Kind)) || !linesExact(b.Lines) {
			return false
		}
		for _, r := range b.FootnoteRefs {
			if !utf8.ValidString(r) {
				return false
			}
		}
		if t := b.Table; t != nil {
			if emptyNotNil(len(t.Rows), t.Rows == nil) {
				return false
			}
			for _, row := range t.Rows {
				if emptyNotNil(len(row.Cells), row.Cells == nil) {
					return false
				}
				for _, c := range row.Cells {
					if !utf8.ValidString(c.Text) || !finite(c.Conf) || !boxExact(c.Box) {
						return false
					}
				}
			}
		}
	}
	for _, f := range d.Footnotes {
		if !utf8.ValidString(f.ID) || emptyNotNil(len(f.Lines), f.Lines == nil) || !linesExact(f.Lines) {
			return false
		}
	}
	return true
}

// linesExact is gobExact for lines.
func linesExact(ls []Line) bool {
	for i := range ls {
		l := &ls[i]
		if !utf8.ValidString(l.Text) || !utf8.ValidString(l.Font) || !finite(l.Conf) || !boxExact(l.Box) {
			return false
		}
		for _, w := range l.Words {
			if !boxExact(w.Box) {
				return false
			}
		}
	}
	return true
}

// emptyNotNil reports a slice of length n that is empty but not nil.
func emptyNotNil(n int, isNil bool) bool { return n == 0 && !isNil }

func boxExact(b Box) bool { return finite(b.X) && finite(b.Y) && finite(b.W) && finite(b.H) }

func finite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }
