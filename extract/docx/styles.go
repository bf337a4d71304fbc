package docx

import (
	"encoding/xml"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/baocao/baocao/extract"
)

// style is what the reader needs of a w:style.
type style struct {
	name    string
	basedOn string
	para    bool
	outline int // w:outlineLvl + 1; 0 when unset
	numID   string
	ilvl    int // -1 when unset
	font    string
}

// styles is the style sheet of word/styles.xml.
type styles struct {
	m           map[string]*style
	defaultPara string // style id of the default paragraph style
	defaultFont string // font of w:docDefaults
}

func newStyles() *styles { return &styles{m: map[string]*style{}} }

// parse reads word/styles.xml.
func (s *styles) parse(d decoder) error {
	var cur *style
	inDefaults, inPPr, inRPr := false, false, false
	for {
		t, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch t := t.(type) {
		case xml.StartElement:
			if !inW(t.Name) {
				continue
			}
			switch t.Name.Local {
			case "docDefaults":
				inDefaults = true
			case "style":
				cur = &style{para: attr(t, "type") == "paragraph", ilvl: -1}
				id := attr(t, "styleId")
				if _, dup := s.m[id]; !dup {
					s.m[id] = cur
				}
				if def := attr(t, "default"); cur.para && (def == "1" || def == "true" || def == "on") {
					s.defaultPara = id
				}
			case "name":
				if cur != nil {
					cur.name = wval(t)
				}
			case "basedOn":
				if cur != nil {
					cur.basedOn = wval(t)
				}
			case "pPr":
				inPPr = true
			case "rPr":
				inRPr = true
			case "pPrChange", "rPrChange", "tblPr", "trPr", "tcPr", "tblStylePr":
				if err := d.Skip(); err != nil {
					return err
				}
			case "outlineLvl":
				if cur != nil && inPPr {
					if n, err := strconv.Atoi(wval(t)); err == nil && n >= 0 && n < 9 {
						cur.outline = n + 1
					}
				}
			case "numId":
				if cur != nil && inPPr {
					cur.numID = wval(t)
				}
			case "ilvl":
				if cur != nil && inPPr {
					if n, err := strconv.Atoi(wval(t)); err == nil && n >= 0 && n < 9 {
						cur.ilvl = n
					}
				}
			case "rFonts":
				if inRPr {
					f := fontOf(t)
					if cur != nil {
						cur.font = f
					} else if inDefaults {
						s.defaultFont = f
					}
				}
			}
		case xml.EndElement:
			if !inW(t.Name) {
				continue
			}
			switch t.Name.Local {
			case "docDefaults":
				inDefaults = false
			case "style":
				cur = nil
			case "pPr":
				inPPr = false
			case "rPr":
				inRPr = false
			}
		}
	}
}

// fontOf returns the font a w:rFonts element sets for Latin text.
func fontOf(se xml.StartElement) string {
	if f := attr(se, "ascii"); f != "" {
		return f
	}
	return attr(se, "hAnsi")
}

// maxChain bounds walks up basedOn chains, which may loop.
const maxChain = 16

// headingLevel returns the heading level of the paragraph style id, or 0.
func (s *styles) headingLevel(id string) int {
	if id == "" {
		id = s.defaultPara
	}
	for i := 0; i < maxChain && id != ""; i++ {
		st := s.m[id]
		if st == nil {
			return headingName(id)
		}
		if n := headingName(st.name); n > 0 {
			return n
		}
		if n := headingName(id); n > 0 {
			return n
		}
		if st.outline > 0 {
			return st.outline
		}
		id = st.basedOn
	}
	return 0
}

// headingPrefixes are style names, folded, that followed by a digit name
// a heading style: Word's built-in name and its Vietnamese renderings.
var headingPrefixes = []string{"heading", "tiêuđề", "đềmục", "đầuđề"}

// headingName returns N for a style name or id like "heading N",
// "Heading1" or "Tiêu đề N", and 0 otherwise.
func headingName(name string) int {
	f := strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return unicode.ToLower(r)
	}, norm.NFC.String(name))
	for _, p := range headingPrefixes {
		if rest, ok := strings.CutPrefix(f, p); ok && len(rest) == 1 && rest[0] >= '1' && rest[0] <= '9' {
			return int(rest[0] - '0')
		}
	}
	return 0
}

// numbering returns the numbering a paragraph style gives: whether it is
// numbered and at which level (ilvl, 0-based).
func (s *styles) numbering(id string) (numbered bool, ilvl int) {
	if id == "" {
		id = s.defaultPara
	}
	ilvl = -1
	for i := 0; i < maxChain && id != ""; i++ {
		st := s.m[id]
		if st == nil {
			break
		}
		if ilvl < 0 && st.ilvl >= 0 {
			ilvl = st.ilvl
		}
		if st.numID != "" {
			numbered = st.numID != "0"
			break
		}
		id = st.basedOn
	}
	if ilvl < 0 {
		ilvl = 0
	}
	return numbered, ilvl
}

// font returns the font a style sets, through its basedOn chain, or "".
func (s *styles) font(id string) string {
	for i := 0; i < maxChain && id != ""; i++ {
		st := s.m[id]
		if st == nil {
			return ""
		}
		if st.font != "" {
			return st.font
		}
		id = st.basedOn
	}
	return ""
}

// paraFont returns the font runs of a paragraph of style id get when
// they set none.
func (s *styles) paraFont(id string) string {
	if id == "" {
		id = s.defaultPara
	}
	if f := s.font(id); f != "" {
		return f
	}
	return s.defaultFont
}

// isLegacyFont reports whether name is a legacy 8-bit Vietnamese font:
// TCVN3 (".VnTime", ".VnArial") or VNI ("VNI-Times").
func isLegacyFont(name string) bool {
	l := strings.ToLower(name)
	return strings.HasPrefix(l, ".vn") || strings.HasPrefix(l, "vni-")
}

// parseCore reads docProps/core.xml into m.
func parseCore(d decoder, m *extract.Meta) error {
	return d.eachStart(func(se xml.StartElement) error {
		switch se.Name.Local {
		case "title", "created", "modified":
		default:
			return nil
		}
		s, err := d.text()
		if err != nil {
			return err
		}
		s = strings.TrimSpace(norm.NFC.String(s))
		switch se.Name.Local {
		case "title":
			m.Title = s
		case "created":
			m.Created = parseTime(s)
		case "modified":
			m.Modified = parseTime(s)
		}
		return nil
	})
}

// parseTime parses a W3CDTF date, returning the zero time if it cannot.
func parseTime(s string) time.Time {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02", "2006-01", "2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t
		}
	}
	return time.Time{}
}
