package rules_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/baocao/baocao/rules"
)

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
