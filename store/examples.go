package store

import (
	"embed"
	"io/fs"
	"path"
	"strings"
)

//go:embed examples/*.sql
var exampleFS embed.FS

// Example is an example query shipped with baocao.
type Example struct {
	// Name is the file name without ".sql", such as "01-level4-rate".
	Name string
	// Comment is what the query answers: its leading "-- " line.
	Comment string
	// SQL is the whole file, comment included.
	SQL string
}

// Examples returns the example queries (store/examples/NN-name.sql) in
// file name order.
func Examples() []Example {
	ents, err := fs.ReadDir(exampleFS, "examples")
	if err != nil {
		return nil
	}
	var ex []Example
	for _, e := range ents {
		b, err := exampleFS.ReadFile(path.Join("examples", e.Name()))
		if err != nil {
			continue
		}
		s := string(b)
		first, _, _ := strings.Cut(s, "\n")
		ex = append(ex, Example{
			Name:    strings.TrimSuffix(e.Name(), ".sql"),
			Comment: strings.TrimSpace(strings.TrimPrefix(first, "--")),
			SQL:     s,
		})
	}
	return ex
}
