package grid

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/baocao/baocao/extract"
)

// layout builds a page from text lines. Each line is a list of cells
// "x:text": text set from x (in points) at 6 points per rune, 12 points
// high, words 3 points apart; lines 16 points apart from y = 100. A
// line "-" leaves a blank line.
type layout struct {
	p *Page
	y float64
}

func newLayout() *layout { return &layout{p: &Page{Width: 595, Height: 842}, y: 100} }

func (l *layout) line(cells ...string) {
	for _, c := range cells {
		var x float64
		var text string
		if _, err := fmt.Sscanf(c, "%g:", &x); err != nil {
			panic(c)
		}
		text = c[strings.IndexByte(c, ':')+1:]
		for _, w := range strings.Fields(text) {
			n := float64(utf8.RuneCountInString(w))
			l.p.Words = append(l.p.Words, Word{Text: w, Box: extract.Box{X: x, Y: l.y, W: 6 * n, H: 12}})
			x += 6*n + 3
		}
	}
	l.y += 16
}

// prose sets a line of running text across the page.
func (l *layout) prose(s string) { l.line("72:" + s) }

// texts returns the cell texts of t, rows joined by "|" and cells by
// ";", header rows prefixed with "H:".
func texts(t Table) string {
	var rows []string
	for _, r := range t.Rows {
		var cs []string
		for _, c := range r.Cells {
			cs = append(cs, c.Text)
		}
		s := strings.Join(cs, ";")
		if r.Header {
			s = "H:" + s
		}
		rows = append(rows, s)
	}
	return strings.Join(rows, "|")
}

const lorem = "Trong năm, tỉnh đã triển khai nhiều nhiệm vụ chuyển đổi số quan trọng trên các lĩnh vực"

func TestStream(t *testing.T) {
	for _, c := range []struct {
		name  string
		build func(l *layout)
		want  []string
	}{
		{"no rules, caption and header", func(l *layout) {
			l.prose(lorem)
			l.line("72:Bảng 1. Thủ tục hành chính theo cấp")
			l.line("72:STT", "110:Cấp", "260:Tổng số", "350:Mức độ 3", "440:Mức độ 4")
			l.line("72:1", "110:Cấp tỉnh", "260:1.058", "350:120", "440:450")
			l.line("72:2", "110:Cấp huyện", "260:316", "350:30", "440:100")
			l.line("72:3", "110:Cấp xã", "260:169", "350:10", "440:20")
			l.line("110:Tổng cộng", "260:1.543", "350:160", "440:570")
			l.prose(lorem)
		}, []string{"H:STT;Cấp;Tổng số;Mức độ 3;Mức độ 4|1;Cấp tỉnh;1.058;120;450|2;Cấp huyện;316;30;100|3;Cấp xã;169;10;20|;Tổng cộng;1.543;160;570"}},
		{"wrapped first column", func(l *layout) {
			l.line("72:Cấp", "200:Tổng số", "300:Toàn trình", "400:Một phần")
			l.line("72:Cấp thành", "200:263", "300:120", "400:143")
			l.line("72:phố")
			l.line("72:Cấp quận,", "200:512", "300:300", "400:212")
			l.line("72:huyện")
			l.line("72:Cấp phường, xã", "200:98", "300:60", "400:38")
			l.prose(lorem)
		}, []string{"H:Cấp;Tổng số;Toàn trình;Một phần|Cấp thành phố;263;120;143|Cấp quận, huyện;512;300;212|Cấp phường, xã;98;60;38"}},
		{"header over three lines", func(l *layout) {
			l.line("72:Biểu 2. Kinh phí")
			l.line("72:TT", "100:Nhiệm vụ", "330:Kinh phí", "420:Nguồn")
			l.line("330:(triệu", "420:vốn")
			l.line("330:đồng)")
			l.line("72:1", "100:Nâng cấp hệ thống một cửa", "330:1.200", "420:Ngân sách tỉnh")
			l.line("100:điện tử cấp tỉnh")
			l.line("72:2", "100:Trung tâm giám sát (SOC)", "330:2.500", "420:Trung ương")
		}, []string{"H:TT;Nhiệm vụ;Kinh phí (triệu đồng);Nguồn vốn|1;Nâng cấp hệ thống một cửa điện tử cấp tỉnh;1.200;Ngân sách tỉnh|2;Trung tâm giám sát (SOC);2.500;Trung ương"}},
		{"prose line ends the table", func(l *layout) {
			l.line("72:Bảng 3")
			l.line("72:Đơn vị", "300:Hồ sơ", "400:Tỷ lệ")
			l.line("72:Sở Tài chính", "300:4.768", "400:98,5%")
			l.line("72:Sở Y tế", "300:12.679", "400:87,2%")
			l.prose(lorem)
			l.prose(lorem)
		}, []string{"H:Đơn vị;Hồ sơ;Tỷ lệ|Sở Tài chính;4.768;98,5%|Sở Y tế;12.679;87,2%"}},
		{"prose only", func(l *layout) {
			for range 6 {
				l.prose(lorem)
			}
		}, nil},
		{"signature block", func(l *layout) {
			l.line("72:Nơi nhận:", "330:KT. GIÁM ĐỐC")
			l.line("72:- Bộ TT&TT (b/c);", "330:PHÓ GIÁM ĐỐC")
			l.line("72:- UBND tỉnh (b/c);")
			l.line("72:- Lưu: VT.", "330:Nguyễn Văn A")
		}, nil},
		{"key-value list without header", func(l *layout) {
			l.line("72:Tổng số hồ sơ", "400:1.234")
			l.line("72:Hồ sơ trực tuyến", "400:567")
			l.line("72:Tỷ lệ", "400:45,9%")
		}, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			l := newLayout()
			c.build(l)
			var got []string
			for _, tb := range Find(l.p, Options{}) {
				got = append(got, texts(tb))
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("tables:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}

func TestPartialRules(t *testing.T) {
	build := func() *layout {
		l := newLayout()
		l.line("72:Đơn vị", "300:Hồ sơ", "400:Tỷ lệ")
		l.line("72:Sở Tài chính", "300:4.768", "400:98,5%")
		l.line("72:Sở Y tế", "300:12.679", "400:87,2%")
		return l
	}
	want := "H:Đơn vị;Hồ sơ;Tỷ lệ|Sở Tài chính;4.768;98,5%|Sở Y tế;12.679;87,2%"
	// A header rule under the first line; the numbers line above it
	// is a header too.
	l := newLayout()
	l.line("72:Đơn vị", "300:Hồ sơ", "400:Tỷ lệ")
	l.line("72:(1)", "300:(2)", "400:(3)")
	l.line("72:Sở Tài chính", "300:4.768", "400:98,5%")
	l.line("72:Sở Y tế", "300:12.679", "400:87,2%")
	l.p.Rules = []Rule{{70, 130, 480, 130}}
	if got := Find(l.p, Options{}); len(got) != 1 || texts(got[0]) != "H:Đơn vị (1);Hồ sơ (2);Tỷ lệ (3)|Sở Tài chính;4.768;98,5%|Sở Y tế;12.679;87,2%" {
		t.Errorf("header rule: %v", got)
	}
	// An outer frame.
	l = build()
	l.p.Rules = []Rule{{70, 98, 480, 98}, {70, 148, 480, 148}, {70, 98, 70, 148}, {480, 98, 480, 148}}
	if got := Find(l.p, Options{}); len(got) != 1 || texts(got[0]) != want || got[0].Box.Y != 98 {
		t.Errorf("frame: %+v", got)
	}
	// A full grid.
	l = build()
	for _, y := range []float64{98, 114, 130, 146} {
		l.p.Rules = append(l.p.Rules, Rule{70, y, 480, y})
	}
	for _, x := range []float64{70, 290, 390, 480} {
		l.p.Rules = append(l.p.Rules, Rule{x, 98, x, 146})
	}
	got := Find(l.p, Options{})
	if len(got) != 1 || !got[0].Ruled || texts(got[0]) != strings.TrimPrefix(want, "H:") {
		t.Errorf("grid: %+v", got)
	}
}

func TestContinuation(t *testing.T) {
	l := newLayout()
	l.line("72:Sở Tài chính", "300:4.768", "400:98,5%")
	l.line("72:Sở Y tế", "300:12.679", "400:87,2%")
	if got := Find(l.p, Options{}); len(got) != 0 {
		t.Errorf("without Prev: %v", got)
	}
	got := Find(l.p, Options{Prev: &Table{Cols: 3}})
	if len(got) != 1 || texts(got[0]) != "Sở Tài chính;4.768;98,5%|Sở Y tế;12.679;87,2%" {
		t.Errorf("with Prev: %+v", got)
	}
}

// FuzzFind finds tables among words and rules decoded from the fuzz
// bytes, 8 bytes a record: kind (bit 0: rule), x, y (int16, 1/4 pt),
// then for a word its width and height (1/4 pt) and a word of the
// vocabulary, for a rule its end point.
func FuzzFind(f *testing.F) {
	vocab := []string{"STT", "Cấp", "tỉnh", "1", "2", "1.058", "45,5%", "-", "Bảng", "Tổng", "cộng", "phố", "II", "a)", "(1)", "x"}
	enc := func(recs ...[8]byte) []byte {
		var b []byte
		for _, r := range recs {
			b = append(b, r[:]...)
		}
		return b
	}
	word := func(x, y int16, w, v byte) [8]byte {
		return [8]byte{0, byte(x), byte(x >> 8), byte(y), byte(y >> 8), w, 48, v}
	}
	var seed [][8]byte
	for r := int16(0); r < 4; r++ {
		seed = append(seed, word(288, 400+64*r, 40, 3+byte(r%2)), word(600, 400+64*r, 80, 1), word(1200, 400+64*r, 60, 5))
	}
	f.Add(enc(seed...))
	f.Add(enc(append(seed, [8]byte{1, 32, 1, 80, 1, 0, 8, 0})...))
	f.Fuzz(func(t *testing.T, data []byte) {
		p := &Page{Width: 595, Height: 842}
		for ; len(data) >= 8; data = data[8:] {
			x := float64(int16(uint16(data[1])|uint16(data[2])<<8)) / 4
			y := float64(int16(uint16(data[3])|uint16(data[4])<<8)) / 4
			if data[0]&1 != 0 {
				p.Rules = append(p.Rules, Rule{x, y, x + float64(int8(data[5])), y + float64(int8(data[6]))})
				continue
			}
			p.Words = append(p.Words, Word{Text: vocab[int(data[7])%len(vocab)], Box: extract.Box{X: x, Y: y, W: float64(data[5]) / 4, H: float64(data[6]) / 4}, Bold: data[7] >= 128})
		}
		used := map[int]bool{}
		for _, tb := range Find(p, Options{}) {
			if len(tb.Rows) == 0 || tb.Cols < 1 {
				t.Fatalf("table %+v", tb)
			}
			for _, r := range tb.Rows {
				for _, c := range r.Cells {
					for _, w := range c.Words {
						if w < 0 || w >= len(p.Words) || used[w] {
							t.Fatalf("word %d used twice or out of range", w)
						}
						used[w] = true
					}
				}
			}
		}
	})
}
