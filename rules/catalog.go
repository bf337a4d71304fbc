package rules

// The metric catalog is declared by the families (family_*.go) and
// derived in family.go: Catalog, Lookup and Label. rules/metrics.tsv is
// generated from it (go test ./rules -run TestMetricsTSV -update) and
// checked against the shared contract, ../shared/spec/metrics.tsv, a
// copy of which is testdata/rules/contract/metrics.tsv.
