package rules

import (
	"github.com/baocao/baocao/rules/report"
	"strings"
	"testing"

	"github.com/baocao/baocao/normalize"
)

// testFig builds an exact figure.
func testFig(metric string, v float64) report.Figure {
	return report.Figure{Metric: metric, Value: report.Num(v), Text: metric + " text", Line: 1, Rule: metric, Source: "text"}
}

// testQFig builds a qualified figure.
func testQFig(metric string, v float64, q string) report.Figure {
	f := testFig(metric, v)
	f.Qualifier = q
	return f
}

func TestDeclaredChecks(t *testing.T) {
	tests := []struct {
		name     string
		figs     []report.Figure
		wantID   string // "" for no flag
		sev      report.Severity
		stated   float64
		computed float64
		msg      string // a substring of the message
	}{
		{name: "edoc parts exceed total", figs: []report.Figure{testFig("edoc.total", 619120), testFig("edoc.internal", 579445), testFig("edoc.external", 40375)},
			wantID: "edoc.parts", sev: report.Error, stated: 619120, computed: 619820,
			msg: "Văn bản điện tử (edoc.total) is stated as 619.120 but its parts add up to 619.820: Văn bản điện tử nội tỉnh 579.445 + Văn bản điện tử ngoài tỉnh 40.375."},
		{name: "tthc parts add up", figs: []report.Figure{testFig("tthc.total", 1543), testFig("tthc.provincial", 1249), testFig("tthc.district", 191), testFig("tthc.commune", 103)}},
		{name: "tthc parts with multilevel add up", figs: []report.Figure{testFig("tthc.total", 1774), testFig("tthc.provincial", 1423), testFig("tthc.district", 229), testFig("tthc.commune", 100), testFig("tthc.multilevel", 22)}},
		{name: "tthc sum off by one", figs: []report.Figure{testFig("tthc.total", 1544), testFig("tthc.provincial", 1249), testFig("tthc.district", 191), testFig("tthc.commune", 103)},
			wantID: "tthc.parts", sev: report.Error, stated: 1544, computed: 1543},
		{name: "tthc sum short by one", figs: []report.Figure{testFig("tthc.total", 1542), testFig("tthc.provincial", 1249), testFig("tthc.district", 191), testFig("tthc.commune", 103)},
			wantID: "tthc.parts", sev: report.Error, stated: 1542, computed: 1543},
		{name: "tthc part missing: no check", figs: []report.Figure{testFig("tthc.total", 1), testFig("tthc.provincial", 1249), testFig("tthc.district", 191)}},
		{name: "records levels", figs: []report.Figure{testFig("records.total", 751295), testFig("records.level2", 428794), testFig("records.level3", 237636), testFig("records.level4", 84394)},
			wantID: "records.levels", sev: report.Error, stated: 751295, computed: 750824},
		{name: "records level2 missing: no check", figs: []report.Figure{testFig("records.total", 194439), testFig("records.level3", 680), testFig("records.level4", 7267)}},
		{name: "cert parts", figs: []report.Figure{testFig("cert.total", 4768), testFig("cert.personal", 3728), testFig("cert.organization", 1040)}},
		// A total that already counts the SIM and the revoked certificates
		// beside those of people and organisations holds; one that equals
		// no such sum is still flagged, against the parts alone.
		{name: "cert total counts SIM and revoked", figs: []report.Figure{testFig("cert.total", 5000), testFig("cert.personal", 3900), testFig("cert.organization", 700), testFig("cert.sim_pki", 250), testFig("cert.revoked", 150)}},
		{name: "cert total counts SIM only", figs: []report.Figure{testFig("cert.total", 4850), testFig("cert.personal", 3900), testFig("cert.organization", 700), testFig("cert.sim_pki", 250), testFig("cert.revoked", 150)}},
		{name: "cert total equals no sum of its parts", figs: []report.Figure{testFig("cert.total", 4700), testFig("cert.personal", 3900), testFig("cert.organization", 700), testFig("cert.sim_pki", 250), testFig("cert.revoked", 150)},
			wantID: "cert.parts", sev: report.Error, stated: 4700, computed: 4600},
		{name: "staff parts", figs: []report.Figure{testFig("staff.it_total", 82), testFig("staff.it_departments", 60), testFig("staff.it_district", 22)}},
		{name: "staff parts off", figs: []report.Figure{testFig("staff.it_total", 83), testFig("staff.it_departments", 60), testFig("staff.it_district", 22)},
			wantID: "staff.parts", sev: report.Error, stated: 83, computed: 82},
		{name: "sum with over part is a bound: consistent", figs: []report.Figure{testFig("cert.total", 5000), testFig("cert.personal", 3728), testQFig("cert.organization", 1040, "over")}},
		{name: "sum with over part is a bound: parts exceed", figs: []report.Figure{testFig("cert.total", 4000), testFig("cert.personal", 3728), testQFig("cert.organization", 1040, "over")},
			wantID: "cert.parts", sev: report.Error, stated: 4000, computed: 4768, msg: "at least 4.768"},
		{name: "approx total within 5%", figs: []report.Figure{testQFig("cert.total", 5000, "approx"), testFig("cert.personal", 3728), testFig("cert.organization", 1040)}},
		{name: "approx total off by more than 5%", figs: []report.Figure{testQFig("cert.total", 4000, "approx"), testFig("cert.personal", 3728), testFig("cert.organization", 1040)},
			wantID: "cert.parts", sev: report.Error, stated: 4000, computed: 4768, msg: "about 4.000"},

		// cert.active = total − revoked, revoked "hơn 158": active ≤ 4.610.
		{name: "difference with over revoked", figs: []report.Figure{testFig("cert.total", 4768), testQFig("cert.revoked", 158, "over"), testFig("cert.active", 4610)}},
		{name: "difference with over revoked, active lower", figs: []report.Figure{testFig("cert.total", 4768), testQFig("cert.revoked", 158, "over"), testFig("cert.active", 4500)}},
		{name: "difference with over revoked, active too high", figs: []report.Figure{testFig("cert.total", 4768), testQFig("cert.revoked", 158, "over"), testFig("cert.active", 4611)},
			wantID: "cert.active", sev: report.Error, stated: 4611, computed: 4610, msg: "at most 4.610"},
		{name: "difference exact off by one", figs: []report.Figure{testFig("cert.total", 4768), testFig("cert.revoked", 158), testFig("cert.active", 4609)},
			wantID: "cert.active", sev: report.Error, stated: 4609, computed: 4610,
			msg: "Chứng thư số đang hoạt động (cert.active) is stated as 4.609 but Chứng thư số chuyên dùng 4.768 − Chứng thư số bị thu hồi 158 = 4.610."},

		{name: "rate rounds", figs: []report.Figure{testFig("dvc.level4_rate", 46.14), testFig("dvc.level4", 712), testFig("tthc.total", 1543)}},
		{name: "rate off by one in the last digit", figs: []report.Figure{testFig("dvc.level4_rate", 46.15), testFig("dvc.level4", 712), testFig("tthc.total", 1543)},
			wantID: "dvc.level4_rate", sev: report.Warning, stated: 46.15, computed: 46.14},
		{name: "rate kon tum", figs: []report.Figure{testFig("dvc.level4_rate", 43.8), testFig("dvc.level4", 774), testFig("tthc.total", 1774)},
			wantID: "dvc.level4_rate", sev: report.Warning, stated: 43.8, computed: 43.63,
			msg: "Tỷ lệ DVCTT mức độ 4 (dvc.level4_rate) is stated as 43,8% but DVCTT mức độ 4 774 / Tổng số thủ tục hành chính 1.774 = 43,63%."},
		{name: "rate over bound holds", figs: []report.Figure{testQFig("dvc.level4_rate", 40, "over"), testFig("dvc.level4", 774), testFig("tthc.total", 1774)}},
		{name: "rate over bound fails", figs: []report.Figure{testQFig("dvc.level4_rate", 50, "over"), testFig("dvc.level4", 774), testFig("tthc.total", 1774)},
			wantID: "dvc.level4_rate", sev: report.Warning, stated: 50, computed: 43.63},
		{name: "online rate from levels, truncated", figs: []report.Figure{testFig("records.online_rate", 19.02), testFig("records.online_level3", 82369), testFig("records.online_level4", 60579), testFig("records.total", 751295)}},
		{name: "online rate from levels, off", figs: []report.Figure{testFig("records.online_rate", 19.2), testFig("records.online_level3", 82369), testFig("records.online_level4", 60579), testFig("records.total", 751295)},
			wantID: "records.online_rate", sev: report.Warning, stated: 19.2, computed: 19.03},
		{name: "signed rate ambiguous denominator", figs: []report.Figure{testFig("edoc.signed_rate", 98.6), testFig("edoc.signed", 571421), testFig("edoc.total", 619120), testFig("edoc.internal", 579445)},
			wantID: "edoc.signed_rate", sev: report.Info, stated: 98.6, computed: 92.3, msg: "ambiguous"},
		{name: "signed rate without signed count", figs: []report.Figure{testFig("edoc.signed_rate", 100), testFig("edoc.total", 2130119)}},

		{name: "part le whole holds", figs: []report.Figure{testFig("dvc.level4", 712), testFig("dvc.level4_with_records", 258)}},
		{name: "part equal to whole", figs: []report.Figure{testFig("dvc.level4", 258), testFig("dvc.level4_with_records", 258)}},
		{name: "part exceeds whole", figs: []report.Figure{testFig("payment.transactions", 4082), testFig("payment.successful", 4083)},
			wantID: "payment.successful", sev: report.Error, stated: 4083, computed: 4082},
		{name: "httt approved within approx total", figs: []report.Figure{testQFig("httt.total", 35, "approx"), testFig("httt.level2_approved", 20), testFig("httt.level3_approved", 2)}},
		{name: "httt approved exceed total", figs: []report.Figure{testFig("httt.total", 20), testFig("httt.level2_approved", 20), testFig("httt.level3_approved", 2)},
			wantID: "httt.approved", sev: report.Error, stated: 22, computed: 20},
		{name: "revoked over bound below total", figs: []report.Figure{testFig("cert.total", 4768), testQFig("cert.revoked", 158, "over")}},
		{name: "strings are ignored", figs: []report.Figure{{Metric: "soc.status", Value: report.Str("pilot")}}},
		{name: "share within bounds", figs: []report.Figure{testFig("records.on_time_rate", 100)}},
		{name: "share over 100", figs: []report.Figure{testFig("records.on_time_rate", 100.5), testFig("records.total", 5)},
			wantID: "records.on_time_rate.max", sev: report.Error, stated: 100.5, computed: 100, msg: "more than 100%"},
		{name: "share approx 100 may be under", figs: []report.Figure{testQFig("edoc.signed_rate", 102, "approx")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			flags := RunChecks(CheckInput{Figures: tt.figs})
			if tt.wantID == "" {
				if len(flags) != 0 {
					t.Fatalf("got flags %+v, want none", flags)
				}
				return
			}
			if len(flags) != 1 {
				t.Fatalf("got %d flags %+v, want 1", len(flags), flags)
			}
			f := flags[0]
			if f.ID != tt.wantID || f.Severity != tt.sev || !sameValue(f.Stated, tt.stated) || !sameValue(f.Computed, tt.computed) {
				t.Errorf("got %s %s stated %v computed %v, want %s %s %v %v", f.ID, f.Severity, f.Stated, f.Computed, tt.wantID, tt.sev, tt.stated, tt.computed)
			}
			if !strings.Contains(f.Message, tt.msg) {
				t.Errorf("message %q does not contain %q", f.Message, tt.msg)
			}
			if len(f.Evidence) < 2 && f.Check != "bound" {
				t.Errorf("evidence %+v: want every figure involved", f.Evidence)
			}
		})
	}
}

// TestRelations checks the relations the families declare: unique ids,
// known metrics, a kind, and the rates they give the catalog.
func TestRelations(t *testing.T) {
	ids := map[string]bool{}
	for _, c := range Relations() {
		if ids[c.ID] {
			t.Errorf("duplicate check id %q", c.ID)
		}
		ids[c.ID] = true
		for _, code := range c.metrics() {
			if _, ok := Lookup(code); !ok {
				t.Errorf("check %s: metric %q is not in the catalog", c.ID, code)
			}
		}
		switch c.Kind {
		case Sum, Difference, PartOf:
			if len(c.Terms) == 0 {
				t.Errorf("check %s: no terms", c.ID)
			}
		case Ratio:
			if len(c.Terms) == 0 || c.Den == "" {
				t.Errorf("check %s: a ratio needs a numerator and a denominator", c.ID)
			}
			if m, _ := Lookup(c.Whole); m.Unit != "percent" || m.Rate == nil || m.Rate.Den != c.Den {
				t.Errorf("check %s: %s is no percentage with the relation's rate: %+v", c.ID, c.Whole, m)
			}
		case Bound:
			if c.Max == 0 {
				t.Errorf("check %s: a bound needs Max", c.ID)
			}
		default:
			t.Errorf("check %s: unknown kind %q", c.ID, c.Kind)
		}
		if c.msg() == "" || c.severity() == "" {
			t.Errorf("check %s: no message or severity", c.ID)
		}
	}
}

func TestDuplicates(t *testing.T) {
	a := testFig("tthc.total", 1543)
	a.Text = "cung cấp: 1.543 thủ tục hành chính"
	b := testFig("tthc.total", 1545)
	b.Text = "tổng số 1.545 thủ tục hành chính"
	otherRule := b
	otherRule.Rule = "tthc.total.annex"
	approx := b
	approx.Qualifier = "approx"
	sameVal := b
	sameVal.Value = report.Num(1543)
	tests := []struct {
		name  string
		cands []report.Figure
		want  int
	}{
		{"same rule, two values", []report.Figure{a, b}, 1},
		{"different rules", []report.Figure{a, otherRule}, 0},
		{"qualified value", []report.Figure{a, approx}, 0},
		{"same value twice", []report.Figure{a, sameVal}, 0},
		{"same sentence", []report.Figure{a, func() report.Figure { c := b; c.Text = a.Text; return c }()}, 0},
		{"far apart: another scope or period", []report.Figure{a, func() report.Figure { c := b; c.Value = report.Num(358); return c }()}, 0},
	}
	// Statements of one metric about another scope, written for this
	// test in several provinces' wording: each pair is two facts.
	scoped := func(metric string, v1 float64, t1 string, v2 float64, t2 string) []report.Figure {
		x, y := testFig(metric, v1), testFig(metric, v2)
		if metric == "records.on_time_rate" {
			x.Unit, y.Unit = "percent", "percent"
		}
		x.Text, y.Text = t1, t2
		return []report.Figure{x, y}
	}
	for _, tt := range []struct {
		name  string
		cands []report.Figure
		want  int
	}{
		{"province and commune level", scoped("records.total", 2415, "Trong ngày, toàn tỉnh tiếp nhận 2.415 hồ sơ.", 2290, "Cấp xã đã tiếp nhận 2.290 hồ sơ, gồm 2.100 hồ sơ trực tuyến."), 0},
		{"departments and districts", scoped("records.on_time_rate", 99.41, "Tỷ lệ hồ sơ do các sở, ngành tiếp nhận được giải quyết đúng hạn đạt 99,41%;", 97.86, "Tỷ lệ hồ sơ do UBND cấp huyện tiếp nhận được giải quyết đúng hạn đạt 97,86%;"), 0},
		{"all files and the online ones", scoped("records.on_time_rate", 96.5, "tỷ lệ hồ sơ giải quyết đúng hạn đạt 96,5%.", 99.2, "Trong đó, tỷ lệ hồ sơ trực tuyến được giải quyết đúng hạn đạt 99,2%."), 0},
		{"provincial portal and national portal", scoped("dvc.level3", 402, "Cổng dịch vụ công của tỉnh cung cấp 1.510 DVCTT (402 DVCTT một phần và 1.108 DVCTT toàn trình);", 388, "đã tích hợp lên Cổng Dịch vụ công quốc gia 1.450 DVCTT (bao gồm 388 DVCTT một phần và 1.062 DVCTT toàn trình)."), 0},
		{"same scope written twice", scoped("records.total", 2415, "Trong năm, toàn tỉnh tiếp nhận 2.415 hồ sơ.", 2451, "Tổng số hồ sơ toàn tỉnh tiếp nhận trong năm là 2.451 hồ sơ."), 1},
	} {
		tests = append(tests, tt)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			flags := RunChecks(CheckInput{Candidates: tt.cands})
			if len(flags) != tt.want {
				t.Fatalf("got %d flags %+v, want %d", len(flags), flags, tt.want)
			}
			if tt.want == 1 && (flags[0].Check != "duplicate" || flags[0].Severity != report.Info || flags[0].Stated != tt.cands[0].Value.Num || flags[0].Computed != tt.cands[1].Value.Num) {
				t.Errorf("got %+v", flags[0])
			}
		})
	}
}

// TestRelationScope checks that a relation compares figures of one
// scope: the files resolved "including last year's backlog" may exceed
// the files received in the year, and a centre's figures are not
// compared with the province's.
func TestRelationScope(t *testing.T) {
	fig := func(metric string, v float64, text string) report.Figure {
		f := testFig(metric, v)
		f.Text = text
		return f
	}
	tests := []struct {
		name string
		figs []report.Figure
		want int
	}{
		{"backlog included", []report.Figure{
			fig("records.total", 51204, "Năm 2023, tỉnh đã tiếp nhận 51.204 hồ sơ và giải quyết 51.530 hồ sơ, kể cả hồ sơ tồn từ năm trước chuyển sang."),
			fig("records.resolved", 51530, "Năm 2023, tỉnh đã tiếp nhận 51.204 hồ sơ và giải quyết 51.530 hồ sơ, kể cả hồ sơ tồn từ năm trước chuyển sang.")}, 0},
		{"no backlog said", []report.Figure{
			fig("records.total", 51204, "Năm 2023, tỉnh đã tiếp nhận 51.204 hồ sơ và giải quyết 51.530 hồ sơ."),
			fig("records.resolved", 51530, "Năm 2023, tỉnh đã tiếp nhận 51.204 hồ sơ và giải quyết 51.530 hồ sơ.")}, 1},
		{"a centre's part against the province's whole", []report.Figure{
			fig("records.total", 9500, "Quý I, toàn tỉnh tiếp nhận 9.500 hồ sơ."),
			fig("records.resolved", 9800, "Trung tâm Phục vụ hành chính công tỉnh đã giải quyết 9.800 hồ sơ.")}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if flags := RunChecks(CheckInput{Figures: tt.figs}); len(flags) != tt.want {
				t.Fatalf("got %d flags %+v, want %d", len(flags), flags, tt.want)
			}
		})
	}
}

func TestRateTolerance(t *testing.T) {
	tests := []struct {
		p    float64
		dec  int
		n, d float64
		ok   bool
	}{
		{46.14, 2, 712, 1543, true},
		{46.15, 2, 712, 1543, false},
		{80.1, 1, 153, 191, true},
		{82.94, 2, 214, 258, true}, // 82,9457: truncated
		{82.95, 2, 214, 258, true}, // rounded
		{82.96, 2, 214, 258, false},
		{28.25, 2, 212201, 751295, false}, // 28,2446
		{28.24, 2, 212201, 751295, true},
		{4.5, 1, 33652, 751295, true}, // 4,479
		{4.4, 1, 33652, 751295, true}, // truncated 4,4
		{4.6, 1, 33652, 751295, false},
		{11.3, 1, 84394, 751295, false}, // 11,23
		{82.6, 1, 1315, 1611, false},    // 81,63
		{66.5, 1, 393, 591, true},
		{100, 0, 19, 19, true},
		{99, 0, 199, 200, true}, // 99,5 truncated
		{100, 0, 199, 200, true},
		{98, 0, 199, 200, false},
	}
	for _, tt := range tests {
		c, _ := quotient(interval{tt.n, tt.n}, interval{tt.d, tt.d})
		if got := rateConsistent(tt.p, tt.dec, normalize.Exact, c); got != tt.ok {
			t.Errorf("%v%% of %v/%v (=%v): consistent %v, want %v", tt.p, tt.n, tt.d, c.lo, got, tt.ok)
		}
	}
}

func TestSortAndDedup(t *testing.T) {
	flags := []report.Flag{
		{Check: "ratio", Severity: report.Warning, Metric: "11,3% (84.394/751.295)", Stated: 11.3, Computed: 11.23, Evidence: []report.Evidence{{Line: 5}}},
		{Check: "sum", Severity: report.Error, Metric: "619.120, trong đó …", Stated: 619120, Computed: 619820, Evidence: []report.Evidence{{Line: 9}}},
		{Check: "sum", Severity: report.Error, Metric: "edoc.total", Stated: 619120, Computed: 619820, Evidence: []report.Evidence{{Line: 9}}},
		{Check: "part_le_whole", Severity: report.Error, Metric: "edoc.signed", Stated: 1, Computed: 0, Evidence: []report.Evidence{{Line: 2}}},
		{Check: "duplicate", Severity: report.Info, Metric: "tthc.total", Stated: 1, Computed: 2},
	}
	got := dedupFlags(flags)
	var order []string
	for _, f := range got {
		order = append(order, f.Metric)
	}
	want := []string{"edoc.signed", "edoc.total", "11,3% (84.394/751.295)", "tthc.total"}
	if strings.Join(order, "|") != strings.Join(want, "|") {
		t.Errorf("order %q, want %q", order, want)
	}
}
