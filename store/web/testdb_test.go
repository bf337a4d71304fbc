package web

import (
	"context"
	"database/sql"
	"encoding/xml"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/baocao/baocao/corpus"
	_ "github.com/baocao/baocao/extract/docx"
	_ "github.com/baocao/baocao/extract/pdf"
	_ "github.com/baocao/baocao/extract/text"
	"github.com/baocao/baocao/rules"
	"github.com/baocao/baocao/rules/pipeline"
	"github.com/baocao/baocao/rules/report"
	"github.com/baocao/baocao/store"
)

// The tests build their database by running the ingest pipeline
// (rules/pipeline: extract, normalize, rules) on the sample reports of testdata/samples in this
// process and saving each report with its original through the store,
// as `baocao ingest` does.

var tmpRoot string

func TestMain(m *testing.M) {
	var err error
	tmpRoot, err = os.MkdirTemp("", "baocao-web-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(tmpRoot)
	os.Exit(code)
}

// samples are the sample reports, relative to the repository root.
var samples = []string{
	"testdata/samples/dak-lak-2021.pdf",
	"testdata/samples/dak-lak-2021.txt",
	"testdata/samples/dak-lak-2021.docx",
	"testdata/samples/kon-tum-2021.pdf",
	"testdata/samples/kon-tum-2021.md",
	"testdata/samples/kon-tum-2021.docx",
}

// readReport runs the ingest pipeline (in this process) on a sample and
// returns its report and bytes.
func readReport(tb testing.TB, rel string) (*report.Report, []byte) {
	tb.Helper()
	path := filepath.Join("..", "..", rel)
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	f, err := corpus.Load(path)
	if err != nil {
		tb.Fatal(err)
	}
	p, err := pipeline.New(pipeline.Options{InProcess: true})
	if err != nil {
		tb.Fatal(err)
	}
	defer p.Close()
	rep, err := p.Report(context.Background(), f)
	if err != nil {
		tb.Fatalf("%s: %v", rel, err)
	}
	return rep, data
}

var (
	sampleOnce sync.Once
	samplePath string
	sampleErr  error
)

// sampleDB returns a database of the six sample reports, built once per
// test binary, with the originals stored. Do not write to it.
func sampleDB(tb testing.TB) string {
	tb.Helper()
	sampleOnce.Do(func() {
		samplePath = filepath.Join(tmpRoot, "samples.db")
		db, err := store.Open(context.Background(), samplePath, rules.Catalog())
		if err != nil {
			sampleErr = err
			return
		}
		var items []store.Item
		for _, s := range samples {
			rep, data := readReport(tb, s)
			items = append(items, store.Item{Info: store.DocInfo{Path: s, SHA256: rep.SHA256, Format: rep.Format,
				Size: int64(len(data)), ModTime: time.Unix(1700000000, 0)}, Report: rep, Original: data})
		}
		if sampleErr = db.SaveBatch(context.Background(), items); sampleErr != nil {
			db.Close()
			return
		}
		if sampleErr = db.Close(); sampleErr != nil {
			return
		}
		sampleErr = addBoxes(samplePath)
	})
	if sampleErr != nil {
		tb.Fatal(sampleErr)
	}
	return samplePath
}

// addBoxes gives the PDF figures their boxes where the store has none:
// until the PDF reader's positions are saved (migration 0003), the box of
// each figure of the PDFs is the box pdftotext -bbox gives the figure's
// number as written in its sentence, on its page. The columns are
// created if missing.
func addBoxes(path string) error {
	// The store's read-write driver, registered by package store.
	db, err := sql.Open("baocao-sqlite3", path)
	if err != nil {
		return err
	}
	defer db.Close()
	for _, t := range []string{"metrics", "flag_evidence"} {
		for _, c := range []string{"box_x REAL", "box_y REAL", "box_w REAL", "box_h REAL", "cell_row INTEGER", "cell_col INTEGER"} {
			var n int
			if err := db.QueryRow(`SELECT count(*) FROM pragma_table_info(?) WHERE name = ?`, t, strings.Fields(c)[0]).Scan(&n); err != nil {
				return err
			}
			if n == 0 {
				if _, err := db.Exec(`ALTER TABLE ` + t + ` ADD COLUMN ` + c); err != nil {
					return err
				}
			}
		}
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		return nil // the pages are shown without boxes
	}
	rows, err := db.Query(`SELECT m.id, m.value, m.text, m.page, d.sha256 FROM metrics m
JOIN documents d ON d.id = m.document_id JOIN originals o ON o.sha256 = d.sha256
WHERE d.format = 'pdf' AND m.page > 0 AND m.box_x IS NULL AND typeof(m.value) = 'real'`)
	if err != nil {
		return err
	}
	type fig struct {
		id    int64
		value float64
		text  string
		path  string // the SHA-256 of the document
		page  int
	}
	var figs []fig
	for rows.Next() {
		var f fig
		if err := rows.Scan(&f.id, &f.value, &f.text, &f.page, &f.path); err != nil {
			rows.Close()
			return err
		}
		figs = append(figs, f)
	}
	rows.Close()
	words := map[string][]bboxWord{}
	for _, f := range figs {
		s, e, ok := store.NumberSpan(f.text, f.value)
		if !ok {
			continue
		}
		num := strings.Fields(f.text[s:e])[0]
		num = strings.TrimRight(num, "%;,.)")
		key := f.path + "#" + strconv.Itoa(f.page)
		if _, ok := words[key]; !ok {
			// The original, from the database, to a file for pdftotext.
			var data []byte
			if err := db.QueryRow(`SELECT data FROM originals WHERE sha256 = ?`, f.path).Scan(&data); err != nil {
				return err
			}
			tmp := filepath.Join(tmpRoot, f.path+".pdf")
			if err := os.WriteFile(tmp, data, 0o600); err != nil {
				return err
			}
			words[key], err = pdfWords(tmp, f.page)
			if err != nil {
				return err
			}
		}
		for _, w := range words[key] {
			if strings.TrimRight(w.Text, "%;,.)") == num {
				if _, err := db.Exec(`UPDATE metrics SET box_x = ?, box_y = ?, box_w = ?, box_h = ? WHERE id = ?`,
					w.XMin, w.YMin, w.XMax-w.XMin, w.YMax-w.YMin, f.id); err != nil {
					return err
				}
				break
			}
		}
	}
	_, err = db.Exec(`PRAGMA journal_mode = DELETE`)
	return err
}

// bboxWord is a word of pdftotext -bbox, in points from the top-left.
type bboxWord struct {
	XMin float64 `xml:"xMin,attr"`
	YMin float64 `xml:"yMin,attr"`
	XMax float64 `xml:"xMax,attr"`
	YMax float64 `xml:"yMax,attr"`
	Text string  `xml:",chardata"`
}

// pdfWords returns the words of a page with their boxes.
func pdfWords(path string, page int) ([]bboxWord, error) {
	p := strconv.Itoa(page)
	out, err := exec.Command("pdftotext", "-f", p, "-l", p, "-bbox", path, "-").Output()
	if err != nil {
		return nil, fmt.Errorf("pdftotext %s: %w", path, err)
	}
	var doc struct {
		Words []bboxWord `xml:"body>doc>page>word"`
	}
	if err := xml.Unmarshal(out, &doc); err != nil {
		return nil, fmt.Errorf("pdftotext %s: %w", path, err)
	}
	return doc.Words, nil
}
