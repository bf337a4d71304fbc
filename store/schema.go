package store

import (
	"regexp"
	"slices"
	"strings"
)

// SchemaEntry describes a table or view of the database.
type SchemaEntry struct {
	Name    string // table or view name
	Kind    string // "table" or "view"
	Comment string // what it holds, on one line
}

var createRE = regexp.MustCompile(`(?i)^CREATE\s+(TABLE|VIEW)\s+(\w+)`)

// SchemaDoc returns the tables and views of the schema with a one-line
// comment each, in the order the migrations first create them, then the
// views Open derives from the metric catalog. The comments are the
// "-- name: …" lines that precede each CREATE in the embedded migrations;
// a view created again by a later migration keeps its place and takes the
// later comment.
func SchemaDoc() []SchemaEntry {
	ents := []SchemaEntry{{Name: "schema_migrations", Kind: "table", Comment: "the migrations applied to this database, by version."}}
	ms, err := migrations()
	if err != nil {
		return ents
	}
	for _, m := range ms {
		var comment []string
		for _, line := range strings.Split(m.sql, "\n") {
			line = strings.TrimSpace(line)
			if c, ok := strings.CutPrefix(line, "--"); ok {
				comment = append(comment, strings.TrimSpace(c))
				continue
			}
			if sm := createRE.FindStringSubmatch(line); sm != nil {
				name := sm[2]
				text := strings.Join(comment, " ")
				text = strings.TrimSpace(strings.TrimPrefix(text, name+":"))
				e := SchemaEntry{Name: name, Kind: strings.ToLower(sm[1]), Comment: text}
				if i := slices.IndexFunc(ents, func(x SchemaEntry) bool { return x.Name == name }); i >= 0 {
					ents[i] = e
				} else {
					ents = append(ents, e)
				}
			}
			comment = comment[:0]
		}
	}
	return append(ents, derivedViews...)
}
