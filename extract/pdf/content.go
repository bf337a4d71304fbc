package pdf

import (
	"bytes"
	"math"
	"reflect"
	"strings"
	"unicode"
	"unicode/utf8"

	lpdf "github.com/ledongthuc/pdf"
)

// glyph is one shown character (or the text a font maps one code to),
// in page space: X, Y is the origin on the baseline, Size the effective
// font size (text matrix and CTM applied), W the advance width.
type glyph struct {
	Font string
	Size float64
	X, Y float64
	W    float64
	S    string
	// Asc and Desc are the font's ascent and descent as fractions of
	// Size (Desc is negative); both 0 when the font does not say.
	Asc, Desc float32
	// sup marks a glyph set as a superscript of the line it belongs to;
	// it is set by the layout step.
	sup bool
}

// Default ascent and descent of a font whose descriptor gives none, as
// fractions of the font size: poppler's defaults.
const (
	defaultAsc  = 0.95
	defaultDesc = -0.35
)

// vspan returns the bottom and top of g's box in page space: its
// baseline lowered by the font's descent and raised by its ascent.
func (g *glyph) vspan() (bot, top float64) {
	asc, desc := float64(g.Asc), float64(g.Desc)
	if asc == 0 && desc == 0 {
		asc, desc = defaultAsc, defaultDesc
	}
	return g.Y + desc*g.Size, g.Y + asc*g.Size
}

// segment is a straight ruling line in page space: a stroked path
// segment or a filled rectangle thin enough to be a rule.
type segment struct {
	X0, Y0, X1, Y1 float64
}

// horizontal reports whether s is a horizontal rule.
func (s segment) horizontal() bool { return math.Abs(s.Y1-s.Y0) <= 1.5 && math.Abs(s.X1-s.X0) > 1.5 }

// vertical reports whether s is a vertical rule.
func (s segment) vertical() bool { return math.Abs(s.X1-s.X0) <= 1.5 && math.Abs(s.Y1-s.Y0) > 1.5 }

// page is what the content interpreter reads from one page.
type page struct {
	N             int // 1-based page number
	Width, Height float64
	// X0, Y0 is the lower-left corner of the page's crop box (or media
	// box) in page space: boxes on the page are measured from its
	// top-left corner, (X0, Y0+Height).
	X0, Y0 float64
	Glyphs []glyph
	Rules  []segment
	// Bad counts glyphs whose code mapped to no Unicode text.
	Bad int
}

// matrix is a PDF transformation matrix [a b c d e f].
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// mul returns m × n (apply m, then n).
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2],
		m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2],
		m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4],
		m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

// apply transforms the point x, y by m.
func (m matrix) apply(x, y float64) (float64, float64) {
	return x*m[0] + y*m[2] + m[4], x*m[1] + y*m[3] + m[5]
}

// font is a page font prepared for decoding: its encoder, code length
// and glyph widths (in 1/1000 text space units).
type font struct {
	name    string
	enc     lpdf.TextEncoding
	twoByte bool
	first   int
	widths  []float64
	cidW    map[int]float64
	dw      float64
	// decoded caches enc.Decode by the code's bytes; fonts that share a
	// ToUnicode stream share it (see docCache).
	decoded map[string]glyphText
	// asc and desc are the FontDescriptor's /Ascent and /Descent as
	// fractions of the font size; 0 when absent or absurd.
	asc, desc float32
}

// glyphText is the text a character code decodes to and whether it is
// good text (goodText); bad text is shown as U+FFFD.
type glyphText struct {
	s    string
	good bool
}

// decode returns the text of one character code, raw being its bytes.
func (f *font) decode(raw string) glyphText {
	if t, ok := f.decoded[raw]; ok {
		return t
	}
	s := f.enc.Decode(raw)
	t := glyphText{s, goodText(s)}
	if !t.good {
		t.s = "\uFFFD"
	}
	if f.decoded == nil {
		f.decoded = map[string]glyphText{}
	}
	f.decoded[strings.Clone(raw)] = t
	return t
}

// width returns the advance width of code in 1/1000 units.
func (f *font) width(code int) float64 {
	if f.twoByte {
		if w, ok := f.cidW[code]; ok {
			return w
		}
		return f.dw
	}
	i := code - f.first
	if i >= 0 && i < len(f.widths) {
		return f.widths[i]
	}
	return 0
}

// Limits that keep a hostile page from exhausting memory or time.
const (
	maxGlyphsPerPage = 200000
	maxRulesPerPage  = 20000
	maxGStack        = 256
	maxWidths        = 65536
)

// docCache holds what the pages of one document share: the ToUnicode
// CMaps, parsed once per stream object rather than once per page, with
// their decoded codes, and a buffer for the pages' content.
type docCache struct {
	cmaps map[objKey]*cachedCMap
	// content holds the decoded content of the page being read.
	content bytes.Buffer
}

// cachedCMap is a parsed ToUnicode stream (nil if unusable) and the
// codes decoded through it so far.
type cachedCMap struct {
	m       *toUnicode
	decoded map[string]glyphText
}

// toUnicode returns the parsed ToUnicode stream v and its decode
// cache, parsing it on first use. A stream is always an indirect
// object, so its object number and generation name it in the file.
func (c *docCache) toUnicode(v lpdf.Value) *cachedCMap {
	k, ok := objectKey(v)
	if !ok || v.Kind() != lpdf.Stream {
		return &cachedCMap{m: readToUnicode(v)}
	}
	if cm, ok := c.cmaps[k]; ok {
		return cm
	}
	cm := &cachedCMap{m: readToUnicode(v)}
	if c.cmaps == nil {
		c.cmaps = map[objKey]*cachedCMap{}
	}
	c.cmaps[k] = cm
	return cm
}

// loadFont prepares the font resource named name of page p.
func loadFont(p lpdf.Page, name string, dc *docCache) *font {
	v := inherited(p.V, "Resources").Key("Font").Key(name)
	f := &font{name: v.Key("BaseFont").Name()}
	if i := strings.IndexByte(f.name, '+'); i >= 0 && i == 6 {
		f.name = f.name[i+1:]
	}
	lf := lpdf.Font{V: v}
	if cm := dc.toUnicode(v.Key("ToUnicode")); cm.m != nil {
		f.enc = cm.m
		if cm.decoded == nil {
			cm.decoded = map[string]glyphText{}
		}
		f.decoded = cm.decoded
	} else {
		f.enc = lf.Encoder()
	}
	fd := v.Key("FontDescriptor")
	if v.Key("Subtype").Name() == "Type0" {
		fd = v.Key("DescendantFonts").Index(0).Key("FontDescriptor")
	}
	if fd.Kind() == lpdf.Dict {
		asc, desc := fd.Key("Ascent").Float64()/1000, fd.Key("Descent").Float64()/1000
		if asc > 0 && asc < 3 && desc <= 0 && desc > -3 {
			f.asc, f.desc = float32(asc), float32(desc)
		}
	}
	if v.Key("Subtype").Name() == "Type0" {
		f.twoByte = true
		f.dw = 1000
		d := v.Key("DescendantFonts").Index(0)
		if dw := d.Key("DW"); dw.Kind() == lpdf.Integer || dw.Kind() == lpdf.Real {
			f.dw = dw.Float64()
		}
		f.cidW = map[int]float64{}
		w := d.Key("W")
		n := w.Len()
		for i := 0; i < n && len(f.cidW) < maxWidths; {
			c := int(w.Index(i).Int64())
			next := w.Index(i + 1)
			if next.Kind() == lpdf.Array {
				for j := 0; j < next.Len() && len(f.cidW) < maxWidths; j++ {
					f.cidW[c+j] = next.Index(j).Float64()
				}
				i += 2
				continue
			}
			if i+2 >= n {
				break
			}
			hi := int(next.Int64())
			wd := w.Index(i + 2).Float64()
			for c2 := c; c2 <= hi && c2-c < maxWidths && len(f.cidW) < maxWidths; c2++ {
				f.cidW[c2] = wd
			}
			i += 3
		}
		return f
	}
	f.first = int(v.Key("FirstChar").Int64())
	ws := v.Key("Widths")
	n := ws.Len()
	if n > maxWidths {
		n = maxWidths
	}
	f.widths = make([]float64, n)
	for i := 0; i < n; i++ {
		f.widths[i] = ws.Index(i).Float64()
	}
	return f
}

// inherited looks key up in the page dictionary v and its /Parent
// chain, which is followed at most maxTreeDepth steps: the library's
// own lookup loops forever on a cyclic /Parent.
func inherited(v lpdf.Value, key string) lpdf.Value {
	for i := 0; i <= maxTreeDepth && v.Kind() == lpdf.Dict; i++ {
		if r := v.Key(key); !r.IsNull() {
			return r
		}
		v = v.Key("Parent")
	}
	return lpdf.Value{}
}

// gstate is the part of the graphics and text state the reader tracks.
type gstate struct {
	ctm                matrix
	font               *font
	size               float64
	tc, tw, th, tl, ts float64
}

// readPage interprets the content stream of p. It recovers nothing: the
// caller does. It stops early when glyph or rule limits are reached.
// dc is shared by the pages of a document; glyphHint is the expected
// number of glyphs (the previous page's), to size the glyph slice once.
func readPage(p lpdf.Page, n int, dc *docCache, glyphHint int) *page {
	out := &page{N: n}
	box := inherited(p.V, "CropBox")
	if box.Kind() != lpdf.Array {
		box = inherited(p.V, "MediaBox")
	}
	if box.Len() == 4 {
		x0, y0, x1, y1 := box.Index(0).Float64(), box.Index(1).Float64(), box.Index(2).Float64(), box.Index(3).Float64()
		out.Width, out.Height = math.Abs(x1-x0), math.Abs(y1-y0)
		out.X0, out.Y0 = math.Min(x0, x1), math.Min(y0, y1)
	}
	if !(out.Width > 0 && out.Height > 0 && out.Width+out.Height+math.Abs(out.X0)+math.Abs(out.Y0) < math.Inf(1)) {
		out.Width, out.Height, out.X0, out.Y0 = 595, 842, 0, 0
	}
	strm := p.V.Key("Contents")
	if strm.Kind() != lpdf.Stream && strm.Kind() != lpdf.Array {
		return out
	}

	out.Glyphs = make([]glyph, 0, min(glyphHint+glyphHint/8+16, maxGlyphsPerPage))
	fonts := map[string]*font{}
	g := gstate{ctm: identity, th: 1}
	var stack []gstate
	var tm, tlm matrix = identity, identity
	// Current path: subpaths as point lists.
	var path [][][2]float64
	var cur [2]float64

	show := func(raw string) {
		f := g.font
		if f == nil || len(out.Glyphs) >= maxGlyphsPerPage {
			return
		}
		step := 1
		if f.twoByte {
			step = 2
		}
		for i := 0; i+step <= len(raw); i += step {
			code := int(raw[i])
			if step == 2 {
				code = code<<8 | int(raw[i+1])
			}
			t := f.decode(raw[i : i+step])
			w0 := f.width(code)
			trm := matrix{g.size * g.th, 0, 0, g.size, 0, g.ts}.mul(tm).mul(g.ctm)
			size := math.Hypot(trm[2], trm[3])
			x, y := trm[4], trm[5]
			adv := w0 / 1000 * g.size
			wx, _ := (matrix{g.th, 0, 0, 1, 0, 0}).apply(adv, 0)
			tc := tm.mul(g.ctm)
			ex, ey := tc.apply(wx, 0)
			ox, oy := tc.apply(0, 0)
			gw := math.Hypot(ex-ox, ey-oy)
			if !t.good {
				out.Bad++
			}
			out.Glyphs = append(out.Glyphs, glyph{Font: f.name, Size: size, X: x, Y: y, W: gw, S: t.s, Asc: f.asc, Desc: f.desc})
			tx := adv + g.tc
			if step == 1 && code == ' ' {
				tx += g.tw
			}
			tx *= g.th
			tm = matrix{1, 0, 0, 1, tx, 0}.mul(tm)
		}
	}
	flush := func(stroke, fill bool) {
		if len(out.Rules) >= maxRulesPerPage {
			path = path[:0]
			return
		}
		for _, sp := range path {
			if stroke {
				for i := 1; i < len(sp); i++ {
					out.Rules = append(out.Rules, segment{sp[i-1][0], sp[i-1][1], sp[i][0], sp[i][1]})
				}
			} else if fill && len(sp) > 1 {
				// A filled thin box is a rule: keep it as its centre line.
				x0, y0, x1, y1 := sp[0][0], sp[0][1], sp[0][0], sp[0][1]
				for _, pt := range sp[1:] {
					x0, x1 = math.Min(x0, pt[0]), math.Max(x1, pt[0])
					y0, y1 = math.Min(y0, pt[1]), math.Max(y1, pt[1])
				}
				switch {
				case y1-y0 <= 2.5 && x1-x0 > y1-y0:
					out.Rules = append(out.Rules, segment{x0, (y0 + y1) / 2, x1, (y0 + y1) / 2})
				case x1-x0 <= 2.5 && y1-y0 > x1-x0:
					out.Rules = append(out.Rules, segment{(x0 + x1) / 2, y0, (x0 + x1) / 2, y1})
				}
			}
		}
		path = path[:0]
	}
	num := func(args []operand, i int) float64 {
		if i < len(args) {
			return args[i].float()
		}
		return 0
	}
	exec := func(op string, args []operand) {
		switch op {
		case "q":
			if len(stack) < maxGStack {
				stack = append(stack, g)
			}
		case "Q":
			if len(stack) > 0 {
				g = stack[len(stack)-1]
				stack = stack[:len(stack)-1]
			}
		case "cm":
			var m matrix
			for i := range m {
				m[i] = num(args, i)
			}
			g.ctm = m.mul(g.ctm)
		case "m":
			cur = [2]float64{num(args, 0), num(args, 1)}
			x, y := g.ctm.apply(cur[0], cur[1])
			path = append(path, [][2]float64{{x, y}})
		case "l":
			cur = [2]float64{num(args, 0), num(args, 1)}
			x, y := g.ctm.apply(cur[0], cur[1])
			if len(path) == 0 {
				path = append(path, nil)
			}
			path[len(path)-1] = append(path[len(path)-1], [2]float64{x, y})
		case "c", "v", "y":
			// Curves are not rules: break the subpath.
			path = append(path, nil)
		case "h":
			if len(path) > 0 && len(path[len(path)-1]) > 1 {
				sp := path[len(path)-1]
				path[len(path)-1] = append(sp, sp[0])
			}
		case "re":
			x, y, w, h := num(args, 0), num(args, 1), num(args, 2), num(args, 3)
			var sp [][2]float64
			for _, pt := range [][2]float64{{x, y}, {x + w, y}, {x + w, y + h}, {x, y + h}, {x, y}} {
				px, py := g.ctm.apply(pt[0], pt[1])
				sp = append(sp, [2]float64{px, py})
			}
			path = append(path, sp)
		case "S", "s":
			flush(true, false)
		case "f", "F", "f*":
			flush(false, true)
		case "B", "B*", "b", "b*":
			flush(false, true)
		case "n":
			path = path[:0]
		case "BT":
			tm, tlm = identity, identity
		case "Tc":
			g.tc = num(args, 0)
		case "Tw":
			g.tw = num(args, 0)
		case "Tz":
			g.th = num(args, 0) / 100
		case "TL":
			g.tl = num(args, 0)
		case "Ts":
			g.ts = num(args, 0)
		case "Tf":
			name := args[0].name()
			f, ok := fonts[name]
			if !ok {
				f = loadFont(p, name, dc)
				fonts[name] = f
			}
			g.font = f
			g.size = num(args, 1)
		case "Td", "TD":
			if op == "TD" {
				g.tl = -num(args, 1)
			}
			tlm = matrix{1, 0, 0, 1, num(args, 0), num(args, 1)}.mul(tlm)
			tm = tlm
		case "Tm":
			var m matrix
			for i := range m {
				m[i] = num(args, i)
			}
			tm, tlm = m, m
		case "T*":
			tlm = matrix{1, 0, 0, 1, 0, -g.tl}.mul(tlm)
			tm = tlm
		case "Tj":
			show(args[0].rawString())
		case "'", "\"":
			if op == "\"" {
				g.tw = num(args, 0)
				g.tc = num(args, 1)
			}
			tlm = matrix{1, 0, 0, 1, 0, -g.tl}.mul(tlm)
			tm = tlm
			show(args[len(args)-1].rawString())
		case "TJ":
			for _, x := range args[0].arr {
				if x.kind == opString {
					show(x.str)
				} else {
					tx := -x.float() / 1000 * g.size * g.th
					tm = matrix{1, 0, 0, 1, tx, 0}.mul(tm)
				}
			}
		}
	}
	// The content is lexed here (lexContent) where it is plain PDF
	// syntax, without a string and an interface value per token; any
	// stream it does not take whole goes through the library's
	// interpreter from the start.
	if data, ok := contentBytes(strm, &dc.content); ok && !libraryLexer {
		mark := len(out.Glyphs)
		if lexContent(data, exec) {
			return out
		}
		out.Glyphs, out.Rules, out.Bad = out.Glyphs[:mark], nil, 0
		g, stack = gstate{ctm: identity, th: 1}, nil
		tm, tlm = identity, identity
		path, cur = nil, [2]float64{}
	}
	var argBuf [6]lpdf.Value
	var opBuf [6]operand
	lpdf.Interpret(strm, func(stk *lpdf.Stack, op string) {
		var args []operand
		if k := arity(op); k > 0 {
			for i := k - 1; i >= 0; i-- {
				argBuf[i] = stk.Pop()
			}
			args = opBuf[:k]
			for i := range args {
				args[i] = valueOperand(argBuf[i], 0)
			}
		}
		// Drop operands left by operators we do not know.
		for stk.Len() > 0 {
			stk.Pop()
		}
		exec(op, args)
	})
	return out
}

// arity returns how many operands a content-stream operator takes, for
// the operators the reader interprets.
func arity(op string) int {
	switch op {
	case "cm", "Tm":
		return 6
	case "re":
		return 4
	case "\"":
		return 3
	case "m", "l", "Td", "TD", "Tf":
		return 2
	case "Tc", "Tw", "Tz", "TL", "Ts", "Tj", "'", "TJ":
		return 1
	}
	return 0
}

// goodText reports whether s is text a font code really mapped to: not
// empty, valid UTF-8, no replacement character, C0 control or private
// use code point.
func goodText(s string) bool {
	if s == "" || !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if r == utf8.RuneError || r < 0x20 || r == 0x7f || unicode.Is(unicode.Co, r) || (r >= 0x80 && r < 0xa0) {
			return false
		}
	}
	return true
}

// objKey names an indirect object of the file: its number and
// generation.
type objKey struct {
	id  uint64
	gen uint64
}

// objectKey returns the object v was resolved from. The library keeps
// it in the Value's unexported ptr field and has no accessor; reflect
// reads it (reading, not setting, unexported fields is allowed). ok is
// false if the Value's layout is not the expected one.
func objectKey(v lpdf.Value) (k objKey, ok bool) {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Struct || rv.NumField() < 2 {
		return k, false
	}
	p := rv.Field(1)
	if p.Kind() != reflect.Struct || p.NumField() != 2 || p.Field(0).Kind() != reflect.Uint32 || p.Field(1).Kind() != reflect.Uint16 {
		return k, false
	}
	k = objKey{p.Field(0).Uint(), p.Field(1).Uint()}
	return k, k.id != 0
}
