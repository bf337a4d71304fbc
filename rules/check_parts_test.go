package rules

import (
	"strings"
	"testing"
)

// TestPartsClaims checks totals followed by their parts, in the wording
// of several provinces: parts that cover a partition must add up to the
// total, parts of distinct categories must not exceed it, and each
// inconsistent case has a consistent look-alike on the other side of the
// tolerance. Written for this test, not copied from a report.
func TestPartsClaims(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		stated   float64 // 0: no flag
		computed float64
	}{
		// Published procedures: new, amended, (replaced,) abolished.
		{name: "announced short", text: "Năm 2022, Chủ tịch UBND tỉnh ký 96 quyết định công bố 1.204 TTHC, trong đó: 402 TTHC mới ban hành, 517 TTHC sửa đổi, bổ sung và 280 TTHC bị bãi bỏ.",
			stated: 1204, computed: 1199},
		{name: "announced adds up", text: "Năm 2022, Chủ tịch UBND tỉnh ký 96 quyết định công bố 1.199 TTHC, trong đó: 402 TTHC mới ban hành, 517 TTHC sửa đổi, bổ sung và 280 TTHC bị bãi bỏ."},
		{name: "announced labels first, parts exceed", text: "UBND thành phố đã công bố 2.040 thủ tục (công bố mới 988 thủ tục; bãi bỏ, thay thế 1.061 thủ tục).",
			stated: 2040, computed: 2049},
		{name: "announced labels first, short but not every category", text: "UBND thành phố đã công bố 2.060 thủ tục (công bố mới 988 thủ tục; bãi bỏ, thay thế 1.061 thủ tục)."},
		{name: "announced with replaced", text: "Trong kỳ đã công bố 640 TTHC (120 TTHC mới, 300 TTHC sửa đổi, bổ sung, 20 TTHC thay thế, 190 TTHC bãi bỏ).",
			stated: 640, computed: 630},
		{name: "announced with replaced adds up", text: "Trong kỳ đã công bố 630 TTHC (120 TTHC mới, 300 TTHC sửa đổi, bổ sung, 20 TTHC thay thế, 190 TTHC bãi bỏ)."},

		// Files by timeliness: only a split of files resolved or pending.
		{name: "pending split short", text: "Số hồ sơ đang giải quyết là 8.412 (7.903 hồ sơ còn trong hạn và 409 hồ sơ quá hạn).",
			stated: 8412, computed: 8312},
		{name: "pending split adds up", text: "Số hồ sơ đang giải quyết là 8.312 (7.903 hồ sơ còn trong hạn và 409 hồ sơ quá hạn)."},
		{name: "resolved ahead, on time, late", text: "Các cơ quan đã giải quyết 45.210 hồ sơ, trong đó 30.118 hồ sơ trước hạn, 14.870 hồ sơ đúng hạn, 232 hồ sơ trễ hạn.",
			stated: 45210, computed: 45220},
		{name: "resolved ahead, on time, late adds up", text: "Các cơ quan đã giải quyết 45.220 hồ sơ, trong đó 30.118 hồ sơ trước hạn, 14.870 hồ sơ đúng hạn, 232 hồ sơ trễ hạn."},
		{name: "resolved without the late ones is not the whole", text: "Các cơ quan đã giải quyết 45.220 hồ sơ, trong đó 30.118 hồ sơ trước hạn, 14.870 hồ sơ đúng hạn."},
		{name: "received is not split by timeliness", text: "Tổng số hồ sơ tiếp nhận là 1.000, trong đó: 950 đúng hạn, 30 quá hạn."},
		{name: "misplaced thousands dot in the total", text: "Quý II đã giải quyết 4.6210 hồ sơ, trong đó 45.870 hồ sơ đúng và trước hạn; 412 hồ sơ trễ hạn; 3.006 hồ sơ đang trong thời hạn giải quyết.",
			stated: 46210, computed: 46282},
		{name: "misplaced thousands dot, parts within", text: "Quý II đã giải quyết 4.6310 hồ sơ, trong đó 45.870 hồ sơ đúng và trước hạn; 412 hồ sơ trễ hạn; 3.006 hồ sơ đang trong thời hạn giải quyết."},

		// Files by channel.
		{name: "channels short", text: "Toàn tỉnh tiếp nhận 12.640 hồ sơ, gồm 9.115 hồ sơ nộp trực tuyến và 3.425 hồ sơ trực tiếp, qua bưu chính công ích.",
			stated: 12640, computed: 12540},
		{name: "channels add up", text: "Toàn tỉnh tiếp nhận 12.540 hồ sơ, gồm 9.115 hồ sơ nộp trực tuyến và 3.425 hồ sơ trực tiếp, qua bưu chính công ích."},
		{name: "channels with files carried over", text: "Trong quý tiếp nhận 20.500 hồ sơ (trực tuyến 12.000; trực tiếp và qua bưu chính 7.000; kỳ trước chuyển sang 1.500)."},
		{name: "channels without the post: not every channel", text: "Trong quý tiếp nhận 20.500 hồ sơ (trực tuyến 12.000; trực tiếp 8.000)."},
		{name: "channels without the post exceed", text: "Trong quý tiếp nhận 19.500 hồ sơ (trực tuyến 12.000; trực tiếp 8.000).",
			stated: 19500, computed: 20000},
		{name: "online only is one part", text: "Toàn tỉnh tiếp nhận 12.640 hồ sơ, trong đó 9.115 hồ sơ nộp trực tuyến, chiếm 72,1%."},

		// Levels of government, with procedures of several levels.
		{name: "levels exceed", text: "Bộ thủ tục của tỉnh có 1.820 TTHC (cấp tỉnh 1.402, cấp huyện 281, cấp xã 146).",
			stated: 1820, computed: 1829},
		{name: "levels short", text: "Hiện nay tỉnh áp dụng 1.840 thủ tục hành chính; trong đó cấp tỉnh 1.402 thủ tục, cấp huyện 281 thủ tục, cấp xã 146 thủ tục.",
			stated: 1840, computed: 1829},
		{name: "levels with several-level procedures", text: "Hiện nay tỉnh áp dụng 1.854 thủ tục hành chính; trong đó cấp tỉnh 1.402 thủ tục, cấp huyện 281 thủ tục, cấp xã 146 thủ tục, liên thông nhiều cấp 25 thủ tục."},
		{name: "two levels after 2025 exceed", text: "Thành phố hiện có 2.105 TTHC đang áp dụng (1.780 TTHC cấp tỉnh, 340 TTHC cấp xã).",
			stated: 2105, computed: 2120},
		{name: "two levels after 2025 short: a level may be missing", text: "Thành phố hiện có 2.150 TTHC đang áp dụng (1.780 TTHC cấp tỉnh, 340 TTHC cấp xã)."},
		{name: "count of levels before the list", text: "Tỉnh đã công bố 1.906 TTHC ở 3 cấp: tỉnh, huyện, xã, trong đó: 1.450 TTHC cấp tỉnh, 300 TTHC cấp huyện, 150 TTHC cấp xã.",
			stated: 1906, computed: 1900},

		// Online services by level, with information-only services.
		{name: "services by level short", text: "Cổng dịch vụ công của tỉnh cung cấp 1.512 dịch vụ công trực tuyến (402 DVCTT một phần và 1.100 DVCTT toàn trình).",
			stated: 1512, computed: 1502},
		{name: "services by level with information services", text: "Tỉnh cung cấp 1.700 dịch vụ công, trong đó 598 dịch vụ toàn trình, 900 dịch vụ một phần, 202 dịch vụ cung cấp thông tin trực tuyến."},
		{name: "a third kind of service left out", text: "Tỉnh cung cấp 1.700 dịch vụ công, trong đó 598 dịch vụ toàn trình, 900 dịch vụ một phần, 202 dịch vụ khác."},
		{name: "procedures are not all online", text: "Tổng số TTHC của tỉnh là 1.520, trong đó 610 TTHC cung cấp toàn trình, 880 TTHC cung cấp một phần."},

		// Certificates by holder; documents by sender.
		{name: "certificates by holder", text: "Đã cấp 5.320 chứng thư số (4.010 chứng thư số cá nhân, 1.300 chứng thư số tổ chức).",
			stated: 5320, computed: 5310},
		{name: "certificates by holder add up", text: "Đã cấp 5.310 chứng thư số (4.010 chứng thư số cá nhân, 1.300 chứng thư số tổ chức)."},
		{name: "documents by sender", text: "Các cơ quan đã gửi, nhận 845.600 văn bản điện tử, bao gồm 801.200 văn bản trong tỉnh và 44.300 văn bản gửi ngoài tỉnh.",
			stated: 845600, computed: 845500},

		// Far apart: a part was misread, nothing is claimed.
		{name: "far short", text: "Tổng số hồ sơ tiếp nhận là 199.000, trong đó trực tuyến 55.000, trực tiếp và qua bưu chính 14.000."},
		// Money lists are not compared as written.
		{name: "money", text: "Kinh phí thực hiện là 12 tỷ đồng (cấp tỉnh 8.000 triệu đồng, cấp huyện 3 tỷ đồng, cấp xã 900 triệu đồng)."},
		// Parts that overlap (no partition) fall to the older rule.
		{name: "overlapping parts", text: "Tiếp nhận 1.000 hồ sơ, trong đó 600 hồ sơ trực tuyến, 500 hồ sơ toàn trình."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var flags []string
			var got []float64
			for _, f := range claimFlags(tt.text) {
				flags = append(flags, f.ID+": "+f.Message)
				if f.ID == "claim.parts" {
					got = append(got, f.Stated, f.Computed)
				}
			}
			if tt.stated == 0 {
				if len(flags) != 0 {
					t.Fatalf("%q: got flags %s, want none", tt.text, strings.Join(flags, "; "))
				}
				return
			}
			if len(flags) != 1 || len(got) != 2 || !sameValue(got[0], tt.stated) || !sameValue(got[1], tt.computed) {
				t.Fatalf("%q: got flags %s, want claim.parts stated %v computed %v", tt.text, strings.Join(flags, "; "), tt.stated, tt.computed)
			}
		})
	}
}

// TestPartitionCategories checks how part labels name categories: whole
// words, the longest first.
func TestPartitionCategories(t *testing.T) {
	byName := map[string]*Partition{}
	for _, p := range partitions {
		byName[p.Name] = p
	}
	levels := byName["level of government"]
	tests := []struct {
		p     *Partition
		label string
		want  []string
	}{
		{levels, "thủ tục cấp huyện", []string{"district"}},
		{levels, "huyện, thị xã, thành phố", []string{"district"}},
		{levels, "thị xã", []string{"district"}},
		{levels, "xã hội hóa", nil},
		{levels, "sở, ban, ngành", []string{"province"}},
		{byName["timeliness"], "hồ sơ trước/đúng hạn", []string{"ahead of time", "on time"}},
		{byName["timeliness"], "hồ sơ đang trong thời hạn giải quyết", nil},
		{byName["announcement"], "tthc mới và thay thế", []string{"new", "replaced"}},
	}
	for _, tt := range tests {
		set := tt.p.categories(tt.label)
		var got []string
		for i, c := range tt.p.Cats {
			if set&(1<<i) != 0 {
				got = append(got, c.Name)
			}
		}
		if strings.Join(got, ",") != strings.Join(tt.want, ",") {
			t.Errorf("%s %q: categories %v, want %v", tt.p.Name, tt.label, got, tt.want)
		}
	}
}
