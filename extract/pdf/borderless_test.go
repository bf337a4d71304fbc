package pdf

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/baocao/baocao/extract"
)

// goldTables is the gold of a borderless-table fixture, written by
// testdata/pdf/borderless/mk from the data it draws.
type goldTables struct {
	Tables []struct {
		Rows []struct {
			Header bool     `json:"header"`
			Cells  []string `json:"cells"`
		} `json:"rows"`
	} `json:"tables"`
}

// TestBorderless reads the borderless-table fixtures and compares their
// tables with the gold, cell for cell.
func TestBorderless(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(testdata, "borderless", "*.pdf"))
	if len(files) < 5 {
		t.Fatalf("%d fixtures", len(files))
	}
	for _, path := range files {
		name, _ := filepath.Rel(testdata, path)
		t.Run(filepath.Base(name), func(t *testing.T) {
			var g goldTables
			b, err := os.ReadFile(strings.TrimSuffix(path, ".pdf") + ".json")
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(b, &g); err != nil {
				t.Fatal(err)
			}
			doc := mustRead(t, name)
			var got []*extract.Table
			for _, b := range doc.Blocks {
				if b.Kind == extract.TableKind {
					got = append(got, b.Table)
				}
			}
			if len(got) != len(g.Tables) {
				t.Fatalf("%d tables, want %d; text:\n%s", len(got), len(g.Tables), bodyText(doc))
			}
			for ti, gt := range g.Tables {
				tb := got[ti]
				var want, have []string
				for _, r := range gt.Rows {
					s := strings.Join(r.Cells, " | ")
					if r.Header {
						s = "H: " + s
					}
					want = append(want, s)
				}
				for _, r := range tb.Rows {
					var cs []string
					for _, c := range r.Cells {
						cs = append(cs, c.Text)
						if c.Text != "" && (c.Box.IsZero() || c.Pos.Page < 1 || c.Pos.Line < 1) {
							t.Errorf("cell %q: box %+v pos %+v", c.Text, c.Box, c.Pos)
						}
					}
					s := strings.Join(cs, " | ")
					if r.Header {
						s = "H: " + s
					}
					have = append(have, s)
				}
				if strings.Join(have, "\n") != strings.Join(want, "\n") {
					t.Errorf("table %d:\n%s\nwant:\n%s", ti+1, strings.Join(have, "\n"), strings.Join(want, "\n"))
				}
			}
			// The table's text is not left in the running text.
			if body := bodyText(doc); strings.Contains(body, gt0(g)) {
				t.Errorf("table text %q left in the body", gt0(g))
			}
		})
	}
}

// gt0 is the text of the last cell of the first body row of the first
// table.
func gt0(g goldTables) string {
	for _, r := range g.Tables[0].Rows {
		if !r.Header {
			return r.Cells[len(r.Cells)-2] + " " + r.Cells[len(r.Cells)-1]
		}
	}
	return "\x00"
}
