package rules_test

import (
	"testing"

	"github.com/baocao/baocao/rules"
	"github.com/baocao/baocao/rules/report"
)

// TestErrorClasses checks that Evaluate sorts each error into its
// class: a gold value found as a runner-up is a wrong choice, one kept
// as a sub-unit's figure is a province taken for a sub-unit, a wrong
// figure from a sentence naming a level is a sub-unit taken for the
// province, and so on.
func TestErrorClasses(t *testing.T) {
	num := report.Num
	g := &rules.Gold{Province: "Phú Thọ", ProvinceCode: "25", Year: 2022,
		Metrics: []rules.GoldMetric{
			{Metric: "records.total", Value: num(25318)},       // wrong choice
			{Metric: "records.online", Value: num(9120)},       // province taken for a sub-unit
			{Metric: "records.on_time_rate", Value: num(98.4)}, // sub-unit taken for the province
			{Metric: "records.resolved", Value: num(24000)},    // wrong value
			{Metric: "tthc.total", Value: num(1802)},           // missed
			{Metric: "dvc.level4", Value: num(845)},            // found
		},
		Flags: []rules.GoldFlag{{Kind: "sum", Stated: 1802}},
	}
	rep := &report.Report{Province: report.Province{Code: "25", Name: "Phú Thọ"}, Year: 2021,
		Metrics: []report.Figure{
			{Metric: "records.total", Value: num(25000), Text: "Hơn 25.000 hồ sơ được tiếp nhận",
				Alternatives: []report.Alternative{{Value: num(25318)}}},
			{Metric: "records.on_time_rate", Value: num(99.2), Text: "Tỷ lệ đúng hạn cấp tỉnh đạt 99,2%"},
			{Metric: "records.resolved", Value: num(23000), Text: "Đã giải quyết 23.000 hồ sơ"},
			{Metric: "dvc.level4", Value: num(845), Text: "845 DVCTT toàn trình"},
			{Metric: "cert.total", Value: num(52), Text: "cấp chứng thư số cho 52 cơ quan"},
			{Metric: "email.accounts", Value: num(700), Text: "Huyện Tân Sơn có 700 tài khoản thư điện tử"},
		},
		SubUnits: []report.Figure{{Metric: "records.online", Value: num(9120), Scope: "cấp xã"}},
		Flags:    []report.Flag{{Check: "duplicate", Metric: "records.total", Stated: 25000, Computed: 25318}},
	}
	s := rules.Evaluate(g, rep)
	want := map[string]int{
		rules.ErrChoice: 1, rules.ErrScopedOut: 1, rules.ErrSubUnit: 2, rules.ErrValue: 1, rules.ErrMissed: 1,
		rules.ErrNotInGold: 1, rules.ErrFalseFlag: 1, rules.ErrFlagMissed: 1, rules.ErrYear: 1,
	}
	for _, c := range rules.ErrorClasses {
		if s.Errors[c] != want[c] {
			t.Errorf("%s: %d errors, want %d (classified %q)", c, s.Errors[c], want[c], s.Classified)
		}
	}
	var total rules.Score
	total.Add(s)
	total.Add(s)
	if total.Errors[rules.ErrSubUnit] != 4 {
		t.Errorf("Add: %d sub-unit errors, want 4", total.Errors[rules.ErrSubUnit])
	}
}
