package store

import "github.com/baocao/baocao/normalize"

// provinceRow is one row of the provinces table.
type provinceRow struct {
	era, code, name, fullName, validFrom, validTo string
}

// The dates the 2025 merger of provinces took effect.
const (
	lastDay63  = "2025-06-30"
	firstDay34 = "2025-07-01"
)

// provinceData returns the provinces of both eras and the 2025 merger
// (old code → new code), from package normalize.
func provinceData() ([]provinceRow, map[string]string) {
	var rows []provinceRow
	for _, p := range normalize.Provinces63() {
		rows = append(rows, provinceRow{era: "63", code: p.Code, name: p.Name, fullName: p.FullName, validTo: lastDay63})
	}
	for _, p := range normalize.Provinces34() {
		rows = append(rows, provinceRow{era: "34", code: p.Code, name: p.Name, fullName: p.FullName, validFrom: firstDay34})
	}
	return rows, normalize.Merger2025()
}
