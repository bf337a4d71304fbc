package pdf

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/baocao/baocao/extract"
	"github.com/baocao/baocao/extract/pdf/internal/variants"
)

const testdata = "../../testdata/pdf"

// readFile reads a fixture with Read.
func readFile(t testing.TB, name string) (*extract.Document, error) {
	t.Helper()
	path := filepath.Join(testdata, name)
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		t.Fatal(err)
	}
	// As extract.ReadFormat reads, but keeping the document returned
	// with ErrNoText.
	doc, err := Read(context.Background(), f, st.Size(), path, extract.Options{})
	if doc != nil {
		extract.MergeTables(doc)
	}
	return doc, err
}

// mustRead reads a fixture that must read without error.
func mustRead(t *testing.T, name string) *extract.Document {
	t.Helper()
	doc, err := readFile(t, name)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return doc
}

// findLine returns the first body line containing s, and its block.
func findLine(doc *extract.Document, s string) (*extract.Line, *extract.Block) {
	for bi := range doc.Blocks {
		b := &doc.Blocks[bi]
		for li := range b.Lines {
			if strings.Contains(b.Lines[li].Text, s) {
				return &b.Lines[li], b
			}
		}
	}
	return nil, nil
}

// bodyText is every body line of doc, one per line.
func bodyText(doc *extract.Document) string {
	var sb strings.Builder
	for _, b := range doc.Blocks {
		for _, l := range b.Lines {
			sb.WriteString(l.Text)
			sb.WriteByte('\n')
		}
	}
	return sb.String()
}

func TestDakLak(t *testing.T) {
	doc := mustRead(t, "real/dak-lak-2021.pdf")
	if doc.Pages != 10 {
		t.Errorf("Pages = %d, want 10", doc.Pages)
	}
	if !strings.HasPrefix(doc.Meta.Title, "Kết quả thực hiện kế hoạch") || doc.Meta.Created.IsZero() {
		t.Errorf("Meta = %+v", doc.Meta)
	}
	// Figures and the page pdftotext -f N -l N puts them on.
	for _, c := range []struct {
		text string
		page int
	}{
		{"cung cấp: 1.543 thủ tục hành chính", 5},
		{"có 1.058 thủ tục", 3},
		{"29.473,482 triệu đồng", 8},
		{"Nguyễn Tuấn Hà", 10},
	} {
		l, _ := findLine(doc, c.text)
		if l == nil {
			t.Errorf("%q not found", c.text)
			continue
		}
		if l.Pos.Page != c.page || l.Pos.Line < 1 {
			t.Errorf("%q at %+v, want page %d", c.text, l.Pos, c.page)
		}
	}
	l, b := findLine(doc, "hoàn thiện 25 cơ sở")
	if l == nil {
		t.Fatalf("footnote marker glued: no \"hoàn thiện 25 cơ sở\" in\n%s", bodyText(doc))
	}
	if len(b.FootnoteRefs) != 1 || b.FootnoteRefs[0] != "1" {
		t.Errorf("FootnoteRefs = %q, want [1]", b.FootnoteRefs)
	}
	if len(doc.Footnotes) != 1 {
		t.Fatalf("%d footnotes, want 1", len(doc.Footnotes))
	}
	fn := doc.Footnotes[0]
	if fn.ID != "1" || !strings.HasPrefix(fn.Lines[0].Text, "Danh mục cơ quan") || fn.Ref != l.Pos || fn.Lines[0].Pos.Page != 4 {
		t.Errorf("footnote = %+v, ref line %+v", fn, l.Pos)
	}
	body := bodyText(doc)
	if strings.Contains(body, "Danh mục cơ quan;") {
		t.Error("footnote text left in the body")
	}
	if !strings.Contains(body, "COVID-\n19") && !strings.Contains(body, "COVID-19") || strings.Contains(body, "COVID19") {
		t.Error("hyphen of COVID-19 lost")
	}
	for _, line := range strings.Split(body, "\n") {
		if pageNumRE.MatchString(line) && line != "" {
			t.Errorf("page-number line %q in the body", line)
		}
	}
	// The paragraph around the footnote runs on from page 4 to page 5.
	l, b = findLine(doc, "dựng và phát triển kho học liệu số")
	if l == nil || l.Pos.Page != 5 || b.Lines[0].Pos.Page != 4 {
		t.Errorf("paragraph across the footnote split: %+v", b)
	}
	for _, b := range doc.Blocks {
		for _, l := range b.Lines {
			if l.Pos.Page < 1 || l.Pos.Page > 10 || l.Pos.Line < 1 {
				t.Fatalf("bad position %+v for %q", l.Pos, l.Text)
			}
		}
	}
}

func TestKonTum(t *testing.T) {
	doc := mustRead(t, "real/kon-tum-2021.pdf")
	if doc.Pages != 11 {
		t.Errorf("Pages = %d, want 11", doc.Pages)
	}
	body := bodyText(doc)
	if !strings.Contains(body, "20 HTTT cấp độ 2, 02") || strings.Contains(body, "213") {
		t.Error("footnote 13's marker glued to \"cấp độ 2\"")
	}
	if len(doc.Footnotes) != 14 {
		t.Errorf("%d footnotes, want 14", len(doc.Footnotes))
	}
	for i, f := range doc.Footnotes {
		if want := strings.TrimSpace(strings.Repeat(" ", 0) + itoa(i+1)); f.ID != want || f.Ref.Page == 0 || len(f.Lines) == 0 {
			t.Errorf("footnote %d = %+v", i, f)
		}
		if strings.Contains(body, f.Lines[0].Text) {
			t.Errorf("footnote %s text in the body", f.ID)
		}
	}
	for _, c := range []struct {
		text string
		page int
	}{
		{"khoảng 35 HTTT", 7},
		{"5528 máy", 7},
		{"khoảng 7.000 tài", 5},
		{"Đơn vị tính: Triệu đồng.", 9},
	} {
		l, _ := findLine(doc, c.text)
		if l == nil || l.Pos.Page != c.page {
			t.Errorf("%q at %v, want page %d", c.text, l, c.page)
		}
	}
	var tables []*extract.Table
	for _, b := range doc.Blocks {
		if b.Kind == extract.TableKind {
			tables = append(tables, b.Table)
		}
	}
	if len(tables) != 1 {
		t.Fatalf("%d tables, want 1", len(tables))
	}
	tb := tables[0]
	var header *extract.Row
	var body2 []extract.Row
	for i, r := range tb.Rows {
		if len(r.Cells) != 8 {
			t.Errorf("row %d has %d cells, want 8", i+1, len(r.Cells))
		}
		if r.Header {
			if header != nil && !sameRow(*header, r) {
				t.Errorf("header rows differ: %v / %v", header, r)
			}
			header = &tb.Rows[i]
			continue
		}
		body2 = append(body2, r)
	}
	if header == nil || header.Cells[0].Text != "STT" {
		t.Fatalf("no header row starting STT: %+v", tb.Rows[0])
	}
	if len(body2) != 11 {
		t.Fatalf("%d body rows, want 11", len(body2))
	}
	for i, r := range body2 {
		if r.Cells[0].Text != itoa(i+1) {
			t.Errorf("row %d STT = %q", i+1, r.Cells[0].Text)
		}
		c := r.Cells[1]
		if c.Pos.Table != 1 || c.Pos.Cell != 2 || c.Pos.Page < 9 || c.Pos.Line < 1 {
			t.Errorf("row %d cell pos %+v", i+1, c.Pos)
		}
	}
	if got := body2[8].Cells[5].Text; got != "2.215,6" {
		t.Errorf("row 9 Kinh phí = %q, want 2.215,6", got)
	}
	// Row 5 breaks over pages 9 and 10: its cells are joined.
	if k := body2[4].Cells[7].Text; !strings.HasPrefix(k, "Hiện đang trong quá trình") {
		t.Errorf("row 5 Kết quả = %q", k)
	}
}

// sameRow reports whether two rows hold the same texts.
func sameRow(a, b extract.Row) bool {
	if len(a.Cells) != len(b.Cells) {
		return false
	}
	for i := range a.Cells {
		if a.Cells[i].Text != b.Cells[i].Text {
			return false
		}
	}
	return true
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}

// readPassword reads a fixture with a password.
func readPassword(t testing.TB, name, password string) (*extract.Document, error) {
	t.Helper()
	path := filepath.Join(testdata, name)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return Read(context.Background(), bytes.NewReader(data), int64(len(data)), path, extract.Options{Password: password})
}

func TestTinyAndEncrypted(t *testing.T) {
	for _, c := range []struct{ name, password string }{
		{"tiny/tiny.pdf", ""},
		{"encrypted/owner-aes128.pdf", ""},
		{"encrypted/owner-rc4.pdf", ""},
		{"encrypted/owner-rc4-40.pdf", ""},
		{"encrypted/aes256.pdf", ""},
		{"encrypted/aes256-r5.pdf", ""},
		{"encrypted/user-password.pdf", "user"},
		{"encrypted/user-password.pdf", "owner"},
		{"encrypted/user-password-aes256.pdf", "user"},
		{"encrypted/user-password-aes256.pdf", "owner"},
		// A password given for a file that needs none does no harm.
		{"encrypted/owner-rc4.pdf", "user"},
	} {
		name := c.name
		doc, err := readPassword(t, name, c.password)
		if err != nil {
			t.Errorf("%s with %q: %v", name, c.password, err)
			continue
		}
		if l, _ := findLine(doc, "Total: 1.543 procedures"); l == nil || l.Pos != (extract.Pos{Page: 1, Line: 1}) {
			t.Errorf("%s: text: %q", name, bodyText(doc))
		}
		if doc.Meta.Title != "Tiny test" {
			t.Errorf("%s: title %q", name, doc.Meta.Title)
		}
		if want := time.Date(2021, 12, 13, 2, 30, 0, 0, time.UTC); !doc.Meta.Created.Equal(want) {
			t.Errorf("%s: created %v, want %v", name, doc.Meta.Created, want)
		}
	}
}

// TestRepairedHostile reads hostile files whose cross-reference table
// is rebuilt, as poppler rebuilds it: a /Prev chain that loops, a /Size
// far beyond the file.
func TestRepairedHostile(t *testing.T) {
	for _, name := range []string{"hostile/prev-loop.pdf", "hostile/huge-size.pdf"} {
		doc := mustRead(t, name)
		if l, _ := findLine(doc, "Total: 1.543 procedures"); l == nil {
			t.Errorf("%s: text %q", name, bodyText(doc))
		}
		if !strings.Contains(strings.Join(doc.Warnings, "\n"), "rebuilt") {
			t.Errorf("%s: warnings %q", name, doc.Warnings)
		}
	}
	_, err := readPassword(t, "encrypted/user-password.pdf", "wrong")
	if !errors.Is(err, extract.ErrEncrypted) || !strings.Contains(err.Error(), "the password given is wrong") {
		t.Errorf("wrong password: %v", err)
	}
}

func TestBadInput(t *testing.T) {
	for _, c := range []struct {
		name string
		want error
		msg  string
	}{
		{"encrypted/user-password.pdf", extract.ErrEncrypted, "encrypted: a user password is needed to open it"},
		{"encrypted/user-password-aes256.pdf", extract.ErrEncrypted, "encrypted: a user password is needed to open it"},
		{"bad/truncated.pdf", extract.ErrCorrupt, "truncated"},
		{"bad/garbage.pdf", extract.ErrCorrupt, ""},
		{"bad/random.bin", extract.ErrCorrupt, "no %PDF- header"},
		{"scanned/image-only.pdf", extract.ErrNoText, "no text layer: needs OCR (pages 1)"},
	} {
		doc, err := readFile(t, c.name)
		if !errors.Is(err, c.want) {
			t.Errorf("%s: error %v, want %v", c.name, err, c.want)
			continue
		}
		if !strings.Contains(err.Error(), c.msg) || !strings.Contains(err.Error(), c.name) {
			t.Errorf("%s: error %q lacks %q or the file name", c.name, err, c.msg)
		}
		if c.want == extract.ErrNoText {
			if doc == nil || len(doc.NoTextPages) != 1 || doc.NoTextPages[0] != 1 {
				t.Errorf("%s: doc %+v", c.name, doc)
			}
		} else if doc != nil {
			t.Errorf("%s: returned a document with the error", c.name)
		}
	}
}

// TestHostile reads files crafted to break the parser. Each read runs
// in a goroutine: a file that still hangs the parser is reported and
// skipped, as only process isolation can stop it.
func TestHostile(t *testing.T) {
	names, _ := filepath.Glob(filepath.Join(testdata, "hostile", "*.pdf"))
	if len(names) == 0 {
		t.Fatal("no hostile fixtures")
	}
	for _, path := range names {
		name, _ := filepath.Rel(testdata, path)
		t.Run(filepath.Base(name), func(t *testing.T) {
			type result struct {
				doc *extract.Document
				err error
				pan any
			}
			ch := make(chan result, 1)
			go func() {
				defer func() {
					if x := recover(); x != nil {
						ch <- result{pan: x}
					}
				}()
				doc, err := readFile(t, name)
				ch <- result{doc: doc, err: err}
			}()
			select {
			case r := <-ch:
				if r.pan != nil {
					t.Fatalf("panic: %v", r.pan)
				}
				if r.err != nil && !errors.Is(r.err, extract.ErrCorrupt) && !errors.Is(r.err, extract.ErrNoText) {
					t.Errorf("error %v wraps no sentinel", r.err)
				}
				if r.err == nil && r.doc == nil {
					t.Error("nil document and nil error")
				}
			case <-time.After(20 * time.Second):
				t.Skipf("%s hangs the parser inside one call: left to process isolation", name)
			}
		})
	}
}

func TestCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	path := filepath.Join(testdata, "real/dak-lak-2021.pdf")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	st, _ := f.Stat()
	if _, err := Read(ctx, f, st.Size(), path, extract.Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("error %v, want context.Canceled", err)
	}
}

func TestParseDate(t *testing.T) {
	for _, c := range []struct {
		in   string
		want time.Time
	}{
		{"D:20211213093000+07'00'", time.Date(2021, 12, 13, 2, 30, 0, 0, time.UTC)},
		{"D:20211213093000Z", time.Date(2021, 12, 13, 9, 30, 0, 0, time.UTC)},
		{"D:2021", time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC)},
		{"20210301", time.Date(2021, 3, 1, 0, 0, 0, 0, time.UTC)},
		{"D:20211399", time.Time{}},
		{"garbage", time.Time{}},
		{"", time.Time{}},
	} {
		if got := parseDate(c.in); !got.Equal(c.want) {
			t.Errorf("parseDate(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestPageRanges(t *testing.T) {
	for _, c := range []struct {
		in   []int
		want string
	}{
		{[]int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, "1-10"},
		{[]int{1, 3, 4, 7}, "1, 3-4, 7"},
		{[]int{2}, "2"},
	} {
		if got := pageRanges(c.in); got != c.want {
			t.Errorf("pageRanges(%v) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestMarkerID(t *testing.T) {
	for _, c := range []struct {
		in, id string
		ok     bool
	}{
		{"13", "13", true},
		{"(13)", "13", true},
		{"⁽¹³⁾", "13", true},
		{"¹", "1", true},
		{"th", "", false},
		{"", "", false},
		{"12345", "", false},
	} {
		id, ok := markerID(c.in)
		if id != c.id || ok != c.ok {
			t.Errorf("markerID(%q) = %q, %v; want %q, %v", c.in, id, ok, c.id, c.ok)
		}
	}
}

// FuzzRead reads PDF bytes: the header and tail checks, the
// cross-reference rebuild and the decryption see hostile input here.
// The seeds are one-page files of a few objects, plain, encrypted and
// with their cross-reference table broken.
func FuzzRead(f *testing.F) {
	for _, name := range []string{"tiny/tiny.pdf", "encrypted/owner-rc4-40.pdf", "encrypted/aes256.pdf", "encrypted/owner-aes128.pdf"} {
		data, err := os.ReadFile(filepath.Join(testdata, name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
		if name == "tiny/tiny.pdf" {
			for _, v := range variants.Edits(data) {
				f.Add(v.Data)
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Read(context.Background(), bytes.NewReader(data), int64(len(data)), "fuzz.pdf", extract.Options{})
		if err == nil && doc == nil {
			t.Fatal("nil document and nil error")
		}
		if err != nil && !errors.Is(err, extract.ErrCorrupt) && !errors.Is(err, extract.ErrEncrypted) &&
			!errors.Is(err, extract.ErrNoText) && !errors.Is(err, extract.ErrEmpty) {
			t.Fatalf("error %v wraps no sentinel", err)
		}
	})
}
