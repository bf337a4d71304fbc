package rules

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/baocao/baocao/normalize"
	"github.com/baocao/baocao/rules/report"
)

// The files generated from the families: rules/metrics.tsv and the tables
// of docs/checks.md. A test fails when one is stale; go test ./rules
// -update rewrites them.

var update = flag.Bool("update", false, "rewrite the files generated from the families: rules/metrics.tsv and the tables of docs/checks.md")

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

// TestMetricsTSV keeps rules/metrics.tsv, which the store's tests and
// other tools read, the catalog the families declare.
func TestMetricsTSV(t *testing.T) {
	checkGenerated(t, "metrics.tsv", catalogTSV(Catalog()))
}

// Markers around the generated parts of docs/checks.md.
const (
	genRelations  = "<!-- generated from the families' relations by go test ./rules -update -->"
	genQualifiers = "<!-- generated from normalize.QualifierPhrases by go test ./rules -update -->"
	genPartitions = "<!-- generated from the partitions by go test ./rules -update -->"
	genEnd        = "<!-- end of generated text -->"
)

// relationsTable writes the table of relations, and the stated-twice
// check, for docs/checks.md.
func relationsTable() string {
	var b strings.Builder
	b.WriteString("| id | kind | compares | severity |\n| --- | --- | --- | --- |\n")
	sum := func(codes []string) string {
		var parts []string
		for i, c := range codes {
			switch {
			case strings.HasPrefix(c, "-"):
				parts = append(parts, "− "+c[1:])
			case i > 0:
				parts = append(parts, "+ "+c)
			default:
				parts = append(parts, c)
			}
		}
		return strings.Join(parts, " ")
	}
	paren := func(codes []string) string {
		if len(codes) > 1 {
			return "(" + sum(codes) + ")"
		}
		return sum(codes)
	}
	for _, r := range Relations() {
		var cmp string
		sev := string(r.severity())
		switch r.Kind {
		case Sum, Difference:
			cmp = r.Whole + " = " + sum(r.Terms)
			for _, o := range r.Optional {
				cmp += " (+ " + o + " when given)"
			}
			if len(r.MayInclude) > 0 {
				cmp += " (+ any of " + strings.Join(r.MayInclude, ", ") + " it may already count)"
			}
		case Ratio:
			cmp = r.Whole + " ≈ " + paren(r.Terms) + " / " + r.Den
			for _, a := range r.Alt {
				cmp += "; when " + strings.Join(r.Terms, " or ") + " is absent, " + paren(a) + " / " + r.Den
			}
			for _, d := range r.AltDen {
				cmp += "; if it fits " + paren(r.Terms) + " / " + d + " instead, the denominator is ambiguous: **info**, with both computations"
				sev += " / info"
			}
		case PartOf:
			cmp = sum(r.Terms) + " ≤ " + r.Whole
		case Bound:
			cmp = r.Whole + " ≤ " + fmtNum(r.Max)
			if isPercentMetric(r.Whole) {
				cmp += " %"
			}
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", r.ID, r.Kind, cmp, sev)
	}
	b.WriteString("| duplicate.&lt;metric&gt; | duplicate | one metric read twice by the **same rule** from the **same kind of source**, both exact, from different sentences, with values that differ by at most 10 % (further apart, they are another period or scope), and about the same scope: the same level of government, subgroup (\"trong đó\", online files), agency, portal and period before the figure in its sentence | info |\n")
	return b.String()
}

// qualifiersText writes the tolerance of qualified figures for docs/checks.md,
// from the qualifier table.
func qualifiersText() string {
	words := map[normalize.Qualifier][]string{}
	for _, p := range normalize.QualifierPhrases() {
		words[p.Qualifier] = append(words[p.Qualifier], `"`+p.Phrase+`"`)
	}
	return fmt.Sprintf(`- **Qualified figures are bounds.** A figure N after %s is [N, ∞);
  after %s it is (−∞, N]; after %s it is N ± %s %%.
  A check fails only when *no* value in the bounds satisfies it.
  Example: cert.total 4.768, cert.revoked "hơn 158", cert.active 4.610:
  active = 4.768 − revoked ≤ 4.610, so 4.610 is consistent; 4.611 is not.
`, strings.Join(words[normalize.Over], ", "), strings.Join(words[normalize.Under], ", "),
		strings.Join(words[normalize.Approx], ", "), fmtNum(100*approxTol))
}

// partitionsTable writes the partitions of the parts check for
// docs/checks.md.
func partitionsTable() string {
	var b strings.Builder
	b.WriteString("| partition | whole | categories (needed ones in bold) and their words |\n| --- | --- | --- |\n")
	for _, p := range partitions {
		whole := "any"
		if p.Whole != "" {
			whole = quoteAll(strings.Split(p.Whole, "|"))
		}
		var cats []string
		for _, c := range p.Cats {
			name := c.Name
			if c.Need {
				name = "**" + name + "**"
			}
			cats = append(cats, name+": "+quoteAll(c.Words))
		}
		row := strings.Join(cats, "; ")
		if len(p.Not) > 0 {
			row += "; not: " + quoteAll(p.Not)
		}
		fmt.Fprintf(&b, "| %s | %s | %s |\n", p.Name, whole, row)
	}
	return b.String()
}

// quoteAll writes words in quotes, separated by commas.
func quoteAll(words []string) string {
	q := make([]string, len(words))
	for i, w := range words {
		q[i] = `"` + w + `"`
	}
	return strings.Join(q, ", ")
}

// replaceGenerated replaces the text between a marker and genEnd.
func replaceGenerated(t *testing.T, doc, marker, text string) string {
	t.Helper()
	i := strings.Index(doc, marker+"\n")
	if i < 0 {
		t.Fatalf("marker %q not found", marker)
	}
	j := strings.Index(doc[i:], genEnd)
	if j < 0 {
		t.Fatalf("no %q after %q", genEnd, marker)
	}
	return doc[:i] + marker + "\n" + text + doc[i+j:]
}

// checksPath is the documentation of the checks, whose tables are
// generated.
var checksPath = filepath.Join("..", "docs", "checks.md")

// checksDoc returns docs/checks.md with its generated parts brought up to
// date.
func checksDoc(t *testing.T) string {
	b, err := os.ReadFile(checksPath)
	if err != nil {
		t.Fatal(err)
	}
	doc := replaceGenerated(t, string(b), genRelations, relationsTable())
	doc = replaceGenerated(t, doc, genPartitions, partitionsTable())
	return replaceGenerated(t, doc, genQualifiers, qualifiersText())
}

// TestChecksDoc keeps the tables of docs/checks.md the relations the
// families declare and the qualifier table.
func TestChecksDoc(t *testing.T) {
	checkGenerated(t, checksPath, checksDoc(t))
}
