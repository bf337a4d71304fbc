package rules

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/baocao/baocao/normalize"
	"github.com/baocao/baocao/rules/report"
)

// A total followed by its parts: "công bố 7.518 TTHC, trong đó: 3.595
// mới và thay thế, 977 sửa đổi, bổ sung, 2.926 bãi bỏ", "đang giải quyết
// là 26.068 (19.972 hồ sơ còn trong hạn và 4.104 hồ sơ quá hạn)". Whether
// the parts must add up depends on what they count, and the words of
// each part say it: a part named "quá hạn" counts the late files, one
// named "cấp xã" the commune level. Parts that name different categories
// of one partition below do not overlap, so together they can never
// exceed their total; parts that name every category the partition needs
// are the whole of it, so they must add up to the total exactly. Parts
// whose words name no partition are left to the older rule (a total after
// "tổng", parts that exceed it).

// Partition is a division of a whole into categories that do not
// overlap: files resolved ahead of time, on time and late; procedures
// announced as new, amended, replaced or abolished.
type Partition struct {
	// Name names the partition in flags and in docs/checks.md.
	Name string
	// Cats are its categories.
	Cats []Category
	// Not are words that name no category although a category's word is
	// part of them ("xã hội" is no commune).
	Not []string
	// Whole, when set, must match the words of the total's clause: the
	// on-time and late files are a split of the files resolved, not of
	// the files received.
	Whole string
	whole *regexp.Regexp
	// words are the words of every category and of Not, the longest
	// first, with their category (-1 for Not).
	words []catWord
}

// catWord is a word that names category cat of a partition.
type catWord struct {
	w   string
	cat int
}

// Category is one category of a partition, with the words (lower case,
// matched as whole words, the longest first) that name it in a part.
type Category struct {
	Name  string
	Words []string
	// Need marks a category without which the parts are not the whole
	// (the late files of a split by timeliness); a category that reports
	// often leave out when it is empty (files replaced) is not needed.
	Need bool
}

// partitions are the partitions the parts of a total are read against.
var partitions = []*Partition{
	{Name: "timeliness", Whole: `giải quyết|xử lý|trả kết quả|đã trả|hoàn thành`, Cats: []Category{
		{Name: "ahead of time", Words: []string{"trước hạn", "sớm hạn", "trước/đúng hạn", "đúng và sớm hạn", "đúng và trước hạn", "trước và đúng hạn", "sớm và đúng hạn"}},
		{Name: "on time", Words: []string{"đúng hạn", "trong hạn", "trước/đúng hạn", "đúng và sớm hạn", "đúng và trước hạn", "trước và đúng hạn", "sớm và đúng hạn", "chưa đến hạn"}, Need: true},
		{Name: "late", Words: []string{"trễ hạn", "quá hạn", "chậm", "trễ"}, Need: true},
	}},
	{Name: "channel", Whole: `tiếp nhận|nộp|hồ sơ`, Cats: []Category{
		{Name: "online", Words: []string{"trực tuyến", "qua mạng", "môi trường mạng", "môi trường điện tử"}, Need: true},
		{Name: "in person", Words: []string{"trực tiếp"}, Need: true},
		{Name: "by post", Words: []string{"bưu chính", "bưu điện"}, Need: true},
		{Name: "carried over", Words: []string{"kỳ trước", "chuyển sang", "chuyển qua", "tồn"}},
	}},
	{Name: "level of online service", Whole: `trực tuyến|dvctt|dvc tt|mức độ 3,|mức độ 3 và|mức 3,|mức 3 và`, Cats: []Category{
		{Name: "end to end", Words: []string{"toàn trình", "mức độ 4", "mức 4"}, Need: true},
		{Name: "partial", Words: []string{"một phần", "mức độ 3", "mức 3"}, Need: true},
		{Name: "information only", Words: []string{"cung cấp thông tin", "mức độ 2", "mức độ 1"}},
	}},
	{Name: "level of government", Not: []string{"xã hội"}, Cats: []Category{
		{Name: "province", Words: []string{"cấp tỉnh", "cấp thành phố", "sở, ban, ngành", "sở, ngành", "cấp sở", "các sở"}, Need: true},
		{Name: "district", Words: []string{"cấp huyện", "quận, huyện", "cấp quận", "huyện, thị xã", "thị xã", "huyện"}, Need: true},
		{Name: "commune", Words: []string{"cấp xã", "phường, xã", "xã, phường", "cấp phường", "xã"}, Need: true},
		{Name: "several levels", Words: []string{"nhiều cấp", "liên thông"}},
		{Name: "other agencies", Words: []string{"cơ quan khác", "ngành dọc", "trung ương"}},
	}},
	{Name: "announcement", Whole: `công bố|ban hành|danh mục|thủ tục|tthc`, Cats: []Category{
		{Name: "new", Words: []string{"mới", "ban hành mới", "công bố mới"}, Need: true},
		{Name: "amended", Words: []string{"sửa đổi", "bổ sung"}, Need: true},
		{Name: "replaced", Words: []string{"thay thế"}},
		{Name: "abolished", Words: []string{"bãi bỏ", "hủy bỏ", "huỷ bỏ"}, Need: true},
	}},
	{Name: "holder", Whole: `chứng thư|chữ ký số|cts|sim|tài khoản`, Cats: []Category{
		{Name: "individuals", Words: []string{"cá nhân", "cán bộ", "công chức"}, Need: true},
		{Name: "organisations", Words: []string{"tổ chức", "cơ quan", "đơn vị"}, Need: true},
	}},
	{Name: "sender", Whole: `văn bản`, Cats: []Category{
		{Name: "within the province", Words: []string{"nội tỉnh", "trong tỉnh", "nội bộ", "nội thành phố", "trong thành phố"}, Need: true},
		{Name: "outside the province", Words: []string{"ngoài tỉnh", "ngoài thành phố", "liên tỉnh", "trung ương", "bộ, ngành"}, Need: true},
	}},
}

func init() {
	for _, p := range partitions {
		if p.Whole != "" {
			p.whole = regexp.MustCompile(p.Whole)
		}
		for ci, c := range p.Cats {
			for _, w := range c.Words {
				p.words = append(p.words, catWord{w, ci})
			}
		}
		for _, w := range p.Not {
			p.words = append(p.words, catWord{w, -1})
		}
		sort.SliceStable(p.words, func(a, b int) bool { return len(p.words[a].w) > len(p.words[b].w) })
	}
}

// partsCloseness bounds the relative difference between a total and the
// sum of parts that a partition makes comparable: further apart, a part
// was probably misread (a misprinted number is no token) and nothing is
// claimed.
const partsCloseness = 0.2

// listPart is one part of a total: its number and the words around it.
type listPart struct {
	t     tok
	label string // lower case, the part's own number left out
	cats  uint64 // the categories it names, per partition (set below)
}

// categories returns the categories of p that label names, as a bit set.
// Words are matched whole and the longest first, so that "thị xã" is a
// district and not a commune, "cấp tỉnh" not also "tỉnh".
func (p *Partition) categories(label string) uint64 {
	type span struct{ s, e int }
	var spans []span
	// taken reports whether a longer word already names s[i:j]; the same
	// word may name two categories ("trước/đúng hạn").
	taken := func(i, j int) bool {
		for _, x := range spans {
			if i < x.e && x.s < j && (x.s != i || x.e != j) {
				return true
			}
		}
		return false
	}
	var set uint64
	for _, x := range p.words {
		for from := 0; ; {
			k := strings.Index(label[from:], x.w)
			if k < 0 {
				break
			}
			s, e := from+k, from+k+len(x.w)
			from = e
			if !normalize.IsWord(label, s, e) || taken(s, e) {
				continue
			}
			spans = append(spans, span{s, e})
			if x.cat >= 0 {
				set |= 1 << x.cat
			}
		}
	}
	return set
}

// exhaustive reports whether the categories in set cover every category
// the partition needs.
func (p *Partition) exhaustive(set uint64) bool {
	for i, c := range p.Cats {
		if c.Need && set&(1<<i) == 0 {
			return false
		}
	}
	return true
}

// openerNear reports, cheaply, whether w may hold a list opener: most
// numbers have none after them.
func openerNear(w string) bool {
	return strings.IndexByte(w, '(') >= 0 || strings.Contains(w, "rong đó") || strings.Contains(w, "gồm") || strings.Contains(w, "ụ thể")
}

// listOpeners introduce the parts of a total after its noun.
var listOpeners = []string{"(", "trong đó", "bao gồm", "gồm", "cụ thể"}

// partsOpener finds, after the total toks[i], where its list of parts
// opens: a parenthesis, or "trong đó", "gồm", "bao gồm", possibly after a
// semicolon ("1.463 dịch vụ …; trong đó cấp tỉnh 1.187 …"). It returns
// the offset after the opener, whether it is a parenthesis, and false
// when the words after the total are not a noun phrase followed by an
// opener (another figure, a clause break or a closing parenthesis comes
// first).
func partsOpener(s string, toks []tok, i int) (from int, paren, ok bool) {
	t := toks[i]
	window := s[t.end:min(len(s), t.end+100)]
	lw := strings.ToLower(window)
	k, opener := -1, ""
	for _, o := range listOpeners {
		j := strings.Index(lw, o)
		for j >= 0 && o != "(" && !normalize.IsWord(lw, j, j+len(o)) {
			n := strings.Index(lw[j+len(o):], o)
			if n < 0 {
				j = -1
				break
			}
			j += len(o) + n
		}
		if j >= 0 && (k < 0 || j < k) {
			k, opener = j, o
		}
	}
	if k < 0 {
		return 0, false, false
	}
	gap := lw[:k]
	if strings.ContainsAny(gap, ")\n") || breaksSentence(gap) {
		return 0, false, false
	}
	if semi := strings.LastIndexByte(gap, ';'); semi >= 0 {
		if opener != "trong đó" || strings.Trim(gap[semi+1:], " ,:") != "" || strings.Count(gap, ";") > 1 {
			return 0, false, false
		}
	}
	// No other figure between the total and the opener; a number that
	// names ("mức độ 3, mức độ 4", "ở 3 cấp") may stand there.
	for _, u := range toks[i+1:] {
		if u.start >= t.end+k {
			break
		}
		if !isLabelNumber(s, u) {
			return 0, false, false
		}
	}
	return t.end + k + len(opener), opener == "(", true
}

// breaksSentence reports whether g holds a sentence end (". ").
func breaksSentence(g string) bool {
	for i := 0; i+1 < len(g); i++ {
		if g[i] == '.' && g[i+1] == ' ' {
			return true
		}
	}
	return false
}

// listParts reads the parts that follow an opener at from: the pieces of
// the text up to the closing parenthesis (paren) or the end of the
// sentence, cut at commas, semicolons and "và" outside parentheses. A
// piece with one quantity is a part; a piece without a figure (", bổ
// sung", "và thay thế") belongs to the part it completes: the one before
// it when parts are written number first ("977 TTHC sửa đổi, bổ sung"),
// the one after it when labels come first ("bãi bỏ, thay thế 5.031
// TTHC"). The list ends at a piece with another kind of figure or with
// two quantities. Numbers inside parenthetical asides are not parts;
// their words are.
func listParts(s string, toks []tok, from int, paren bool) []listPart {
	type piece struct {
		start, end int
		item       int // index into toks, or -1
		numFirst   bool
	}
	var pieces []piece
	depth, start := 0, from
	ti := sort.Search(len(toks), func(k int) bool { return toks[k].start >= from })
	cut := func(end int) bool {
		p := piece{start: start, end: end, item: -1}
		first := sort.Search(len(toks), func(k int) bool { return toks[k].start >= start })
		for k := first; k < len(toks) && toks[k].start < end; k++ {
			u := toks[k]
			if u.start < start || unclosedParen(s[start:u.start]) >= 0 {
				continue
			}
			if u.kind != tokCount || isLabelNumber(s, u) {
				if u.kind == tokCount || u.kind == tokYear || u.kind == tokDate || u.kind == tokDoc {
					continue // a name or a date, part of the label
				}
				return false // a rate, a ratio: no part of a sum
			}
			if p.item >= 0 {
				return false // two quantities in one piece
			}
			p.item = k
			p.numFirst = strings.Trim(s[start:u.start], " ,;:") == ""
		}
		pieces = append(pieces, p)
		return true
	}
	i := from
loop:
	for i < len(s) {
		if ti < len(toks) && toks[ti].start == i {
			i = toks[ti].end
			ti++
			continue
		}
		for ti < len(toks) && toks[ti].start < i {
			ti++
		}
		c := s[i]
		switch {
		case c == '(':
			depth++
		case c == ')':
			if depth == 0 {
				break loop // the list's own parenthesis, or an enclosing one
			}
			depth--
		case depth > 0:
		case c == '\n':
			break loop
		case c == '.' && i+1 < len(s) && s[i+1] == ' ' && !paren:
			break loop
		case c == ',' || c == ';':
			if !cut(i) {
				break loop
			}
			start = i + 1
		case c == ' ' && strings.HasPrefix(s[i:], " và ") && quantityIn(s, toks, i, nextSeparator(s, i+1)):
			// "và" before a part; not inside one ("đúng và sớm hạn").
			if !cut(i) {
				break loop
			}
			start = i + len(" và ")
			i = start
			continue
		}
		i++
	}
	if start < i {
		cut(i)
	}
	// Which way do label pieces attach? By the second part's style.
	numFirst := true
	seen := 0
	for _, p := range pieces {
		if p.item >= 0 {
			seen++
			if seen == 2 {
				numFirst = p.numFirst
				break
			}
		}
	}
	var parts []listPart
	var pending []piece // label pieces waiting for the next part
	for _, p := range pieces {
		text := strings.ToLower(s[p.start:p.end])
		if p.item < 0 {
			if numFirst && len(parts) > 0 {
				parts[len(parts)-1].label += " " + text
			} else {
				pending = append(pending, p)
			}
			continue
		}
		u := toks[p.item]
		label := strings.ToLower(s[p.start:u.start]) + " " + strings.ToLower(s[u.end:p.end])
		for _, q := range pending {
			label = strings.ToLower(s[q.start:q.end]) + " " + label
		}
		pending = nil
		parts = append(parts, listPart{t: u, label: label})
	}
	return parts
}

// quantityIn reports whether s[a:b] holds a quantity outside
// parentheses.
func quantityIn(s string, toks []tok, a, b int) bool {
	for k := sort.Search(len(toks), func(k int) bool { return toks[k].start >= a }); k < len(toks) && toks[k].start < b; k++ {
		if toks[k].kind == tokCount && !isLabelNumber(s, toks[k]) && unclosedParen(s[a:toks[k].start]) < 0 {
			return true
		}
	}
	return false
}

// nextSeparator returns the offset of the next comma, semicolon, closing
// parenthesis, line break or sentence end after i, outside parentheses.
func nextSeparator(s string, i int) int {
	depth := 0
	for ; i < len(s); i++ {
		switch c := s[i]; {
		case c == '(':
			depth++
		case c == ')':
			if depth == 0 {
				return i
			}
			depth--
		case depth > 0:
		case c == ',' || c == ';' || c == '\n', c == '.' && i+1 < len(s) && s[i+1] == ' ':
			return i
		}
	}
	return len(s)
}

// partsClaim is a total with parts that a partition makes comparable.
type partsClaim struct {
	total      tok
	totalValue float64 // the total as read: a misgrouped total read without its dot
	misgrouped bool
	parts      []listPart
	part       *Partition
	exhaustive bool
	end        int
}

// readPartsClaim reads the total toks[i] with its parts, if a partition
// names them.
func readPartsClaim(s string, toks []tok, i int) (partsClaim, bool) {
	t := toks[i]
	if t.kind != tokCount || !openerNear(s[t.end:min(len(s), t.end+100)]) {
		return partsClaim{}, false
	}
	from, paren, ok := partsOpener(s, toks, i)
	if !ok || isLabelNumber(s, t) || scaledAfter(s, t.end) {
		return partsClaim{}, false
	}
	parts := listParts(s, toks, from, paren)
	if len(parts) < 2 {
		return partsClaim{}, false
	}
	for _, p := range parts {
		if scaledAfter(s, p.t.end) {
			return partsClaim{}, false
		}
	}
	head := strings.ToLower(s[max(0, sentenceStartBefore(s, t.start), t.start-160):from])
	// The partition that names the longest run of parts from the first,
	// each part in categories no other part of the run names.
	var best *Partition
	var bestN int
	var bestSet uint64
	for _, p := range partitions {
		if p.categories(parts[0].label) == 0 || p.whole != nil && !p.whole.MatchString(head) {
			continue
		}
		var set uint64
		n := 0
		for _, q := range parts {
			c := p.categories(q.label)
			if c == 0 || c&set != 0 {
				break
			}
			set |= c
			n++
		}
		if n > bestN {
			best, bestN, bestSet = p, n, set
		}
	}
	if best == nil || bestN < 2 {
		return partsClaim{}, false
	}
	c := partsClaim{total: t, totalValue: t.val, parts: parts[:bestN], part: best, end: parts[bestN-1].t.end}
	// Parts followed by a part of another kind leave that part out: they
	// are not the whole.
	c.exhaustive = best.exhaustive(bestSet) && bestN == len(parts)
	sum := 0.0
	integral := true
	for _, q := range c.parts {
		sum += q.t.val
		integral = integral && q.t.dec == 0
	}
	if v, ok := ungrouped(s[t.start:t.end]); ok && t.dec > 0 && integral && sum > 10*t.val {
		// "đã giải quyết 5.9123 hồ sơ, trong đó 58.350 … 818 …": a
		// thousands dot in the wrong place; the digits are the count.
		c.totalValue, c.misgrouped = v, true
	}
	return c, true
}

// scaledAfter reports whether a scale word or a currency follows offset
// i ("2,578 triệu", "6 tỷ đồng"): such figures are compared as written
// only with figures of the same scale, which a list need not keep.
func scaledAfter(s string, i int) bool {
	rest := strings.TrimLeft(s[i:min(len(s), i+16)], " ")
	for _, w := range []string{"triệu", "tỷ", "tỉ", "nghìn", "ngàn", "đồng"} {
		if len(rest) >= len(w) && strings.EqualFold(rest[:len(w)], w) {
			return true
		}
	}
	return false
}

// misgroupedRe matches a count written with one dot that cannot group
// thousands ("5.9123", "151.10"): a misprint of the digits' count.
var misgroupedRe = startRe(`^[1-9]\d{0,2}\.(?:\d{1,2}|\d{4,})$`)

// ungrouped reads a misgrouped count without its dot.
func ungrouped(raw string) (float64, bool) {
	if !misgroupedRe.MatchString(raw) {
		return 0, false
	}
	v, _, ok := normalize.ParseNumber(strings.ReplaceAll(raw, ".", ""))
	return v, ok
}

// checkParts checks it: parts that cover the partition must add up to
// the total, and parts of distinct categories must not exceed it.
func (c partsClaim) check(p *normalize.Para) (report.Flag, bool) {
	s := p.Text
	var sum interval
	for _, q := range c.parts {
		sum = sum.add(spanOf(q.t.val, q.t.qual))
	}
	total := spanOf(c.totalValue, c.total.qual)
	if c.exhaustive && total.overlaps(sum) || !c.exhaustive && sum.lo <= total.hi*(1+1e-9) {
		return report.Flag{}, false
	}
	mid := sumPoint(sum)
	if d := mid - c.totalValue; d > partsCloseness*c.totalValue || -d > partsCloseness*c.totalValue {
		return report.Flag{}, false
	}
	claim := trimClaim(s[c.total.start:c.end])
	nums := make([]string, len(c.parts))
	var cats []string
	for i, q := range c.parts {
		nums[i] = qualWord(q.t.val, q.t.qual, false)
		for ci, cat := range c.part.Cats {
			if c.part.categories(q.label)&(1<<ci) != 0 {
				cats = append(cats, cat.Name)
			}
		}
	}
	written := ""
	if c.misgrouped {
		written = fmt.Sprintf(" (written %s, a misplaced thousands separator)", s[c.total.start:c.total.end])
	}
	how := "its parts by " + c.part.Name + " (" + strings.Join(cats, ", ") + ") do not overlap, so they cannot exceed it"
	if c.exhaustive {
		how = "its parts by " + c.part.Name + " (" + strings.Join(cats, ", ") + ") are the whole of it"
	}
	t := c.total
	t.val = c.totalValue
	return report.Flag{
		Check: "sum", ID: "claim.parts", Severity: report.Error, Metric: claim,
		Stated: c.totalValue, Computed: mid,
		Message: fmt.Sprintf("The text states a total of %s%s but its parts add up to %s: %s; %s.",
			qualWord(c.totalValue, c.total.qual, false), written, rangeOrPoint(sum), strings.Join(nums, " + "), how),
		Evidence: claimEvidence(p, claim, append([]tok{t}, partToks(c.parts)...)...),
	}, true
}

// rangeOrPoint writes an interval's value for a message.
func rangeOrPoint(a interval) string {
	if a.exact() {
		return fmtNum(a.lo)
	}
	return rangeWord(a)
}

func partToks(ps []listPart) []tok {
	out := make([]tok, len(ps))
	for i, p := range ps {
		out[i] = p.t
	}
	return out
}

// partsClaims checks every total of a paragraph that a partition makes
// comparable with its parts. It returns the flags and the totals it
// read, which the older list rule then leaves alone.
func partsClaims(p *normalize.Para, toks []tok) ([]report.Flag, map[int]bool) {
	var flags []report.Flag
	var read map[int]bool
	for i := range toks {
		c, ok := readPartsClaim(p.Text, toks, i)
		if !ok {
			continue
		}
		if read == nil {
			read = map[int]bool{}
		}
		read[toks[i].start] = true
		if f, bad := c.check(p); bad {
			flags = append(flags, f)
		}
	}
	return flags, read
}
