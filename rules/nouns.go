package rules

import (
	"sort"
	"strings"
)

// countNouns are the nouns reports count that no metric counts, or that
// one family counts and the others must not take for theirs: "52 cơ
// quan, đơn vị", "1.144 cán bộ, công chức", "39 quyết định", "18 lĩnh
// vực". Together with every family's topic words they are the nouns a
// figure may be a count of; a figure followed by one that is not its own
// family's is a count of something else.
var countNouns = []string{
	"cơ quan", "đơn vị", "sở", "ban", "ngành", "bộ phận", "trung tâm", "huyện", "quận", "xã", "phường",
	"thị xã", "thị trấn", "tỉnh", "thành phố", "địa phương", "thôn", "bản", "trường", "bệnh viện",
	"doanh nghiệp", "hộ", "người", "cán bộ", "công chức", "viên chức", "quyết định", "lĩnh vực",
	"nhóm", "quy trình", "tiêu chí", "chỉ tiêu", "nhiệm vụ", "dự án", "cuộc", "buổi", "lớp", "trạm",
	"điểm", "phản ánh", "kiến nghị", "tin", "bài", "văn bản", "hệ thống", "giao dịch", "hồ sơ",
	"thủ tục", "dịch vụ", "chứng thư", "cơ sở dữ liệu", "mã độc", "sự cố", "máy",
}

// nounTable is what the noun test needs, derived from the families once:
// every noun a figure may count, longest first, and each family's own.
type nounTable struct {
	all []string
	own map[string][]string // family name → its nouns
}

// buildNouns derives the noun table from the families' words and topics.
func buildNouns(fams []*Family) nounTable {
	t := nounTable{own: map[string][]string{}}
	seen := map[string]bool{}
	add := func(w string) {
		if !seen[w] {
			seen[w] = true
			t.all = append(t.all, w)
		}
	}
	for _, w := range countNouns {
		add(w)
	}
	for _, f := range fams {
		own := append([]string(nil), f.Words...)
		for _, tp := range f.Topics {
			own = append(own, tp.Words...)
			own = append(own, tp.NounWords...)
			for _, w := range tp.Words {
				add(w)
			}
			for _, w := range tp.NounWords {
				add(w)
			}
		}
		t.own[f.Name] = own
	}
	sort.SliceStable(t.all, func(i, j int) bool { return len(t.all[i]) > len(t.all[j]) })
	return t
}

// foreignNoun reports whether rest, the lower-cased text right after a
// figure of family, starts with a noun the family does not count: the
// figure is a count of something else ("cấp chứng thư số cho 52 cơ quan,
// đơn vị"; "với tổng số 1.144 cán bộ, công chức"). A noun of the family
// ("1.543 thủ tục", "9.846 chứng thư số") or no noun at all is fine.
func (t *nounTable) foreignNoun(family, rest string) bool {
	rest = strings.TrimLeft(rest, " ")
	// A classifier counts what follows it ("27.416 lượt mã độc"), or,
	// alone, the times of what the sentence names ("3,2 triệu lượt").
	if r, ok := strings.CutPrefix(rest, "lượt"); ok {
		rest = strings.TrimLeft(r, " ")
	}
	// An aside does not change what is counted: "25 cơ sở dữ liệu (CSDL)
	// dùng chung".
	if strings.Contains(rest[:min(len(rest), 80)], "(") {
		rest = strings.Join(strings.Fields(closedParens.Regexp().ReplaceAllString(rest[:min(len(rest), 120)], " ")), " ")
	}
	for _, w := range t.own[family] {
		if strings.HasPrefix(rest, w) {
			return false
		}
	}
	for _, w := range t.all {
		if strings.HasPrefix(rest, w) && (len(rest) == len(w) || !isLetterByte(rest[len(w)])) {
			return true
		}
	}
	return false
}

// isLetterByte reports whether b starts or continues a letter (ASCII or
// UTF-8), so that "xã" is not read in "xây".
func isLetterByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= 0x80
}

// afterFigure returns the lower-cased text after a figure that ends at
// ne, past a scale word ("2,5 triệu"), a currency or a percent sign: the
// noun the figure counts, if any.
func afterFigure(lower string, ne int) string {
	if ne > len(lower) {
		return ""
	}
	rest := strings.TrimLeft(lower[ne:], " ")
	for _, w := range []string{"nghìn", "ngàn", "triệu", "tỷ", "tỉ", "đồng", "phần trăm", "%"} {
		rest = strings.TrimLeft(strings.TrimPrefix(rest, w), " ")
	}
	return rest
}
