package rules_test

import (
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/baocao/baocao/rules"
	"github.com/baocao/baocao/rules/report"
)

var update = flag.Bool("update", false, "rewrite the files generated from the families: rules/metrics.tsv, rules/CHECKS.md and the README's copy of it")

// catalogTSV writes the catalog as rules/metrics.tsv: the columns of the
// shared contract, then key (the column of a key figure in the province
// table) and rate (num+num/den for a rate of other metrics).
func catalogTSV(cat []report.Metric) string {
	var b strings.Builder
	b.WriteString("code\tunit\tlabel_vi\tmeaning\ttypical wording in reports\tkey\trate\n")
	for _, m := range cat {
		key, rate := "", ""
		if m.Key > 0 {
			key = strconv.Itoa(m.Key)
		}
		if m.Rate != nil {
			rate = strings.Join(m.Rate.Num, "+") + "/" + m.Rate.Den
		}
		b.WriteString(strings.Join([]string{m.Code, m.Unit, m.Label, m.Meaning, m.Wording, key, rate}, "\t"))
		b.WriteByte('\n')
	}
	return b.String()
}

// checkGenerated compares a generated file with its committed copy, or
// rewrites it with -update.
func checkGenerated(t *testing.T, path, want string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Errorf("%s is stale: run go test ./rules -update", path)
	}
}

// TestMetricsTSV keeps rules/metrics.tsv, which the store's tests and
// other tools read, the catalog the families declare.
func TestMetricsTSV(t *testing.T) {
	checkGenerated(t, "metrics.tsv", catalogTSV(rules.Catalog()))
}

// TestCatalogContract checks the catalog against the shared contract
// (testdata/rules/contract, a copy of ../shared/spec/metrics.tsv): every
// code of the contract is declared with the same unit and label. The
// catalog may add codes.
func TestCatalogContract(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "testdata", "rules", "contract", "metrics.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(lines) < 2 {
		t.Fatal("empty contract")
	}
	for _, line := range lines[1:] {
		f := strings.Split(line, "\t")
		if len(f) < 3 {
			t.Errorf("contract line %q: too few fields", line)
			continue
		}
		m, ok := rules.Lookup(f[0])
		switch {
		case !ok:
			t.Errorf("contract metric %s is not declared by any family", f[0])
		case m.Unit != f[1] || m.Label != f[2]:
			t.Errorf("%s: unit %q label %q, contract says %q %q", f[0], m.Unit, m.Label, f[1], f[2])
		}
	}
}

// TestCatalogDeclarations checks what every metric must declare, and that
// the key figures number the province table's columns 1, 2, … without a
// gap.
func TestCatalogDeclarations(t *testing.T) {
	units := map[string]bool{"count": true, "percent": true, "vnd": true, "status": true, "bool": true}
	keys := map[int]string{}
	for _, m := range rules.Catalog() {
		if !units[m.Unit] {
			t.Errorf("%s: unit %q", m.Code, m.Unit)
		}
		if m.Label == "" || m.Meaning == "" || m.Wording == "" {
			t.Errorf("%s: label, meaning and typical wording are required", m.Code)
		}
		if strings.ContainsAny(m.Label+m.Meaning+m.Wording, "\t\n") {
			t.Errorf("%s: a tab or line break in its text", m.Code)
		}
		if m.Key > 0 {
			if other, dup := keys[m.Key]; dup {
				t.Errorf("%s and %s share key %d", m.Code, other, m.Key)
			}
			keys[m.Key] = m.Code
		}
	}
	for k := 1; k <= len(keys); k++ {
		if _, ok := keys[k]; !ok {
			t.Errorf("no key figure has key %d (keys number the columns 1…%d)", k, len(keys))
		}
	}
}
