package rules

import (
	"fmt"
	"github.com/baocao/baocao/rules/report"
	"math"
	"strings"

	"github.com/baocao/baocao/normalize"
)

// Arithmetic claims in the text: a percentage stated beside the two
// numbers it is computed from, a total beside its parts, shares that must
// add up to 100%. The claims are read from the numeric tokens of one
// paragraph and the words between them; see docs/checks.md for the patterns.

// maxGap bounds, in bytes, the words allowed between the numbers of a
// claim ("1315/1611 cơ sở kết nối, đạt tỷ lệ 82,6%").
const maxGap = 90

// listCloseness bounds the relative difference between a total and the
// sum of a list of parts for the list to be read as that total's
// partition: a larger difference means the list is not exhaustive, or
// its categories overlap.
const listCloseness = 0.05

// itemsCloseness is listCloseness for a list followed by its total
// ("a, b, c, tổng cộng N"), which the wording makes exhaustive.
const itemsCloseness = 0.2

// sharesCloseness bounds how far from 100 the sum of a list of shares may
// be for the list to be read as exhaustive.
const sharesCloseness = 3.0

// checkClaims checks the arithmetic claims of one paragraph.
func checkClaims(p *normalize.Para, nums []normalize.Number) []report.Flag {
	if len(nums) < 2 {
		return nil // a claim compares two numbers at least
	}
	toks := tokens(p.Text, nums)
	if len(toks) < 2 {
		return nil
	}
	var flags []report.Flag
	flags = append(flags, ratioClaims(p, toks)...)
	parts, read := partsClaims(p, toks)
	flags = append(flags, parts...)
	flags = append(flags, listClaims(p, toks, read)...)
	flags = append(flags, shareClaims(p, toks)...)
	return flags
}

// gapText is the text between tokens a and b, lower-cased.
func gapText(s string, a, b tok) string {
	if b.start < a.end {
		return ""
	}
	return strings.ToLower(s[a.end:b.start])
}

// breaksClause reports whether a gap ends a clause: a semicolon, a
// sentence end or a line break.
func breaksClause(g string) bool {
	if strings.ContainsAny(g, ";\n") {
		return true
	}
	for i := 0; i+1 < len(g); i++ {
		if g[i] == '.' && g[i+1] == ' ' {
			return true
		}
	}
	return false
}

// containsAny reports whether s contains one of the words.
func containsAny(s string, words ...string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// rateWords introduce a percentage computed from a ratio.
var rateWords = []string{"đạt", "tỷ lệ", "tỉ lệ", "chiếm", "bằng", "tương đương", "tương ứng"}

// ratioClaims finds "P% (A/B)", "A/B …, đạt tỷ lệ P%" and "A … trên tổng
// số B (đạt P%)" and checks P against 100·A/B.
func ratioClaims(p *normalize.Para, toks []tok) []report.Flag {
	s := p.Text
	var flags []report.Flag
	used := make([]bool, len(toks))
	check := func(pct, a, b tok, start, end int) {
		if b.val <= 0 && b.kind != tokRatio {
			return
		}
		var n, d interval
		if a.kind == tokRatio {
			n, d = interval{a.num, a.num}, interval{a.den, a.den}
		} else {
			n, d = spanOf(a.val, a.qual), spanOf(b.val, b.qual)
		}
		c, ok := quotient(n, d)
		if !ok || rateConsistent(pct.val, pct.dec, pct.qual, c) {
			return
		}
		claim := trimClaim(s[start:end])
		nv, dv := sumPoint(n), sumPoint(d)
		computed := roundTo2(sumPoint(c))
		flags = append(flags, report.Flag{
			Check: "ratio", ID: "claim.ratio", Severity: report.Warning, Metric: claim,
			Stated: pct.val, Computed: computed,
			Message: fmt.Sprintf("The text states %q but %s / %s = %s%%, which does not round or truncate to %s%%.",
				claim, fmtNum(nv), fmtNum(dv), fmtNum(computed), normalize.FormatNumber(pct.val, pct.dec)),
			Evidence: claimEvidence(p, claim, pct, a, b),
		})
	}
	for i := 0; i+1 < len(toks); i++ {
		t, u := toks[i], toks[i+1]
		// P% (A/B …)
		if t.kind == tokPercent && u.kind == tokRatio && strings.TrimSpace(gapText(s, t, u)) == "(" {
			end := u.end
			if k := strings.IndexByte(s[u.end:], ')'); k >= 0 && k < maxGap && !strings.ContainsAny(s[u.end:u.end+k], "0123456789(;") {
				end = u.end + k + 1
			}
			check(t, u, u, t.start, end)
			used[i], used[i+1] = true, true
		}
	}
	for i := 0; i+1 < len(toks); i++ {
		t, u := toks[i], toks[i+1]
		// A/B …, đạt tỷ lệ P%
		if t.kind == tokRatio && u.kind == tokPercent && !used[i] && !used[i+1] {
			g := gapText(s, t, u)
			if len(g) <= maxGap && !breaksClause(g) && containsAny(g, rateWords...) && !unitsOverThreshold(g, u) && !rankOrScore(s, t) {
				check(u, t, t, t.start, u.end)
				used[i], used[i+1] = true, true
			}
		}
	}
	for i := 0; i+2 < len(toks); i++ {
		a, b, pct := toks[i], toks[i+1], toks[i+2]
		// A … trên tổng số B (đạt P%)
		if a.kind != tokCount || b.kind != tokCount || pct.kind != tokPercent || used[i+2] {
			continue
		}
		g1, g2 := gapText(s, a, b), gapText(s, b, pct)
		if len(g1) > maxGap || len(g2) > maxGap/2 || breaksClause(g1) || breaksClause(g2) {
			continue
		}
		if !containsAny(g1, "trên tổng số", "trên tổng", "/tổng số", "/ tổng số", "trong tổng số", "so với tổng số") {
			continue
		}
		if !strings.Contains(g2, "(") && !containsAny(g2, rateWords...) {
			continue
		}
		end := pct.end
		if strings.Contains(g2, "(") {
			if k := strings.IndexByte(s[pct.end:], ')'); k >= 0 && k < 8 {
				end = pct.end + k + 1
			}
		}
		check(pct, a, b, a.start, end)
		used[i+2] = true
	}
	return flags
}

// rankBeforeRatioRe: a rank among units before a ratio ("xếp 25/63",
// "vị thứ 51/63", "đứng thứ 12/34", "xếp hạng 8/63"); scoreAfterRatioRe:
// a score out of a maximum ("đạt 40,42/80 điểm").
var (
	rankBeforeRatioRe = startRe(`(?:xếp|hạng|vị thứ|vị trí|đứng thứ|thứ|top)\s*(?:thứ\s*)?:?\s*$`)
	scoreAfterRatioRe = startRe(`^\s*điểm`)
)

// rankOrScore reports whether the ratio token t of s is a rank among
// units or a score out of a maximum, not a part of a whole: "Chỉ số
// PAR Index xếp 31/63, đạt 86,12%" states a rank and an index score, and
// 86,12% is not 31/63.
func rankOrScore(s string, t tok) bool {
	return rankBeforeRatioRe.MatchString(strings.ToLower(s[max(0, t.start-20):t.start])) || scoreAfterRatioRe.MatchString(s[t.end:])
}

// unitsRe matches the noun of a count of administrative units or
// agencies right after a ratio: "10/17 sở, ngành", "3/11 huyện".
var unitsRe = startRe(`^\s*(?:các\s+)?(?:sở|ban|ngành|bộ|huyện|quận|thị xã|thành phố|tp\.?|xã|phường|thị trấn|tỉnh|cơ quan|đơn vị|địa phương|ubnd)(?:\s|,|$)`)

// unitsOverThreshold reports whether a ratio of units is followed by a
// threshold each unit reaches rather than their share: "10/17 sở, ngành
// có tỷ lệ hồ sơ trực tuyến đạt trên 90%", "3/11 huyện đạt trên 30%". The
// percentage is the units' own rate, bounded ("trên", "từ … trở lên") or
// owned ("có tỷ lệ"), not A/B.
func unitsOverThreshold(gap string, pct tok) bool {
	if !unitsRe.MatchString(gap) {
		return false
	}
	return pct.qual != normalize.Exact || containsAny(gap, "có tỷ lệ", "có tỉ lệ", "từ") ||
		containsAny(gap, "tỷ lệ hồ sơ", "tỉ lệ hồ sơ", "tỷ lệ văn bản", "tỉ lệ văn bản")
}

// claimEvidence lists the numbers of a claim with their positions.
func claimEvidence(p *normalize.Para, claim string, ts ...tok) []report.Evidence {
	var ev []report.Evidence
	seen := map[int]bool{}
	for _, t := range ts {
		if seen[t.start] {
			continue
		}
		seen[t.start] = true
		pl := paraPlace(p, t.start, t.end)
		v := t.val
		if t.kind == tokRatio {
			v = t.num
		}
		ev = append(ev, pl.evidence(v, claim))
		if t.kind == tokRatio {
			ev = append(ev, pl.evidence(t.den, claim))
		}
	}
	return ev
}

// labelWords precede a number that names something rather than counts
// it ("mức độ 3", "cấp độ 2", "lớp 1").
var labelWords = []string{"mức độ", "cấp độ", "mức", "lớp", "loại", "nhóm", "khoản", "điều", "giai đoạn",
	"phiên bản", "tháng", "năm", "ngày", "quý", "số", "phụ lục", "mục", "phần", "tầng", "vòng", "đợt thứ", "kỳ", "khóa", "chương"}

// isLabelNumber reports whether the number at t names a level or an
// item rather than a quantity, or counts the levels of what follows ("ở
// 3 cấp: tỉnh, huyện, xã").
func isLabelNumber(s string, t tok) bool {
	before := strings.ToLower(strings.TrimRight(tail(s[:t.start], 32), " "))
	for _, w := range labelWords {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	return t.val < 10 && t.dec == 0 && levelNounRe.MatchString(s[t.end:min(len(s), t.end+16)])
}

// quantity reports whether t can be an item of a list of counts.
func quantity(s string, t tok) bool {
	return t.kind == tokCount && !isLabelNumber(s, t)
}

// listClaims checks "tổng số … N, trong đó: a (x), b (y)" and "a, b, c,
// tổng cộng N". All figures must be exact; sums are exact. Totals that
// partsClaims read (the offsets in done) are left alone.
func listClaims(p *normalize.Para, toks []tok, done map[int]bool) []report.Flag {
	s := p.Text
	var flags []report.Flag
	// Keep only quantities and the tokens that end a list.
	for i, t := range toks {
		if !quantity(s, t) {
			continue
		}
		// Total first: the clause before t names a total, "trong đó" follows.
		if items, end, ok := itemsAfter(s, toks, i); ok && !done[t.start] {
			sum := 0.0
			for _, it := range items {
				sum += it.val
			}
			if t.qual == normalize.Exact && sum > t.val && (sum-t.val) <= listCloseness*t.val && totalBefore(s, t) {
				flags = append(flags, listFlag(p, t, items, sum, s[t.start:end]))
			}
		}
		// Items first: "a, b, c; tổng cộng N".
		if items, ok := itemsBefore(s, toks, i); ok {
			sum := 0.0
			for _, it := range items {
				sum += it.val
			}
			if t.qual == normalize.Exact && !sameValue(sum, t.val) && math.Abs(sum-t.val) <= itemsCloseness*t.val {
				flags = append(flags, listFlag(p, t, items, sum, s[items[0].start:t.end]))
			}
		}
	}
	return flags
}

// totalBefore reports whether the clause before t names a total.
func totalBefore(s string, t tok) bool {
	from := t.start - 200
	if from < 0 {
		from = 0
	}
	before := strings.ToLower(s[from:t.start])
	if k := strings.LastIndexAny(before, ";\n"); k >= 0 {
		before = before[k+1:]
	}
	if k := strings.LastIndex(before, ". "); k >= 0 {
		before = before[k+2:]
	}
	k := strings.LastIndex(before, "tổng")
	// The total is the first number after the word.
	return k >= 0 && !strings.ContainsAny(before[k:], "0123456789")
}

// itemsAfter reads the list that follows toks[i] after "trong đó": plain
// quantities separated by commas or "và", up to the end of the clause.
// ok is false unless there are at least two items and nothing else.
func itemsAfter(s string, toks []tok, i int) (items []tok, end int, ok bool) {
	t := toks[i]
	if i+1 >= len(toks) {
		return nil, 0, false
	}
	g := gapText(s, t, toks[i+1])
	k := strings.Index(g, "trong đó")
	if k < 0 || k > 40 || breaksClause(g[:k]) {
		return nil, 0, false
	}
	paren := strings.Contains(g[:k], "(")
	prev := -1
	for j := i + 1; j < len(toks); j++ {
		u := toks[j]
		if prev >= 0 {
			gap := gapText(s, toks[prev], u)
			if breaksClause(gap) || (paren && strings.Contains(gap, ")") && !strings.Contains(gap, "(")) || strings.Contains(gap, ":") {
				break
			}
			if !containsAny(gap, ",", " và ", "+") {
				if isLabelNumber(s, u) {
					continue
				}
				return nil, 0, false
			}
		}
		if isLabelNumber(s, u) && prev >= 0 {
			continue
		}
		if u.kind != tokCount || u.qual != normalize.Exact {
			return nil, 0, false
		}
		items = append(items, u)
		prev = j
	}
	if len(items) < 2 {
		return nil, 0, false
	}
	return items, items[len(items)-1].end, true
}

// itemsBefore reads the list of quantities that ends just before a
// total "tổng cộng N" at toks[i].
func itemsBefore(s string, toks []tok, i int) ([]tok, bool) {
	if i == 0 {
		return nil, false
	}
	g := gapText(s, toks[i-1], toks[i])
	k := strings.Index(g, "tổng")
	if k < 0 || breaksClause(g[k:]) || len(g)-k > 40 || !containsAny(g[:k], ",", " và ", ";", "(") {
		return nil, false
	}
	var items []tok
	for j := i - 1; j >= 0; j-- {
		u := toks[j]
		if !quantity(s, u) || u.qual != normalize.Exact {
			break
		}
		items = append([]tok{u}, items...)
		if j == 0 {
			break
		}
		gap := gapText(s, toks[j-1], u)
		if breaksClause(gap) || strings.Contains(gap, ":") || !containsAny(gap, ",", " và ", "+") {
			break
		}
	}
	return items, len(items) >= 2
}

// listFlag builds the flag of a list whose parts do not add up.
func listFlag(p *normalize.Para, total tok, items []tok, sum float64, claim string) report.Flag {
	claim = trimClaim(claim)
	parts := make([]string, len(items))
	for i, it := range items {
		parts[i] = fmtNum(it.val)
	}
	return report.Flag{
		Check: "sum", ID: "claim.list_total", Severity: report.Error, Metric: claim,
		Stated: total.val, Computed: sum,
		Message: fmt.Sprintf("The text states a total of %s but its parts add up to %s: %s.",
			fmtNum(total.val), fmtNum(sum), strings.Join(parts, " + ")),
		Evidence: claimEvidence(p, claim, append([]tok{total}, items...)...),
	}
}

// shareClaims checks runs of three or more shares in one clause ("trong
// đó: Blocked 23.46%, deleted 75.97%, Moved to quarantine 0.09,
// Disinfected 0.48%") whose sum is near 100 and so read as exhaustive.
// A number without its % sign counts as a share inside such a run when it
// shows decimals.
func shareClaims(p *normalize.Para, toks []tok) []report.Flag {
	s := p.Text
	var flags []report.Flag
	for i := 0; i < len(toks); {
		j := i
		var run []tok
		pcts := 0
		for ; j < len(toks); j++ {
			u := toks[j]
			isShare := u.kind == tokPercent || (u.kind == tokCount && u.dec > 0 && u.val < 100)
			if !isShare || u.qual != normalize.Exact || u.val > 100 {
				break
			}
			if len(run) > 0 {
				gap := gapText(s, run[len(run)-1], u)
				if breaksClause(gap) || !containsAny(gap, ",", " và ") {
					break
				}
			}
			if u.kind == tokPercent {
				pcts++
			}
			run = append(run, u)
		}
		if j == i {
			j++
		}
		i = j
		if len(run) < 3 || pcts < len(run)-1 || pcts < 2 {
			continue
		}
		sum, tol := 0.0, 0.0
		for _, u := range run {
			sum += u.val
			tol += math.Pow(10, -float64(u.dec))
		}
		off := math.Abs(sum - 100)
		if off <= tol+1e-9 || off > sharesCloseness {
			continue
		}
		claim := trimClaim(s[run[0].start:run[len(run)-1].end])
		parts := make([]string, len(run))
		for k, u := range run {
			parts[k] = normalize.FormatNumber(u.val, u.dec) + "%"
		}
		flags = append(flags, report.Flag{
			Check: "shares", ID: "claim.shares", Severity: report.Warning, Metric: claim,
			Stated: roundTo2(sum), Computed: 100,
			Message: fmt.Sprintf("The shares %s add up to %s%%, not 100%%.",
				strings.Join(parts, " + "), fmtNum(roundTo2(sum))),
			Evidence: claimEvidence(p, claim, run...),
		})
	}
	return flags
}
