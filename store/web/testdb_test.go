package web

import (
	"context"
	"encoding/xml"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
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
	if rep.Format == "pdf" && rep.Province.Code == "62" {
		dropBox(rep)
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
		sampleErr = db.Close()
	})
	if sampleErr != nil {
		tb.Fatal(sampleErr)
	}
	return samplePath
}

// dropBox removes the box of a report's soc.status figure: the tests
// need a PDF figure whose position the reader did not give, which the
// evidence page shows as its page with the line named.
func dropBox(rep *report.Report) {
	for i := range rep.Metrics {
		if rep.Metrics[i].Metric == "soc.status" {
			rep.Metrics[i].Box = nil
		}
	}
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
