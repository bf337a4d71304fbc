package pdf

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/baocao/baocao/extract"
	"github.com/baocao/baocao/extract/pdf/internal/variants"
)

var variantsOut = flag.String("variants", "", "write the variant corpus of the sample PDFs to this directory (TestWriteVariants)")

// docText is every line of doc's body, tables and footnotes, one per
// line: what two reads of the same report must agree on.
func docText(doc *extract.Document) string {
	var b strings.Builder
	for _, bl := range doc.Blocks {
		for _, l := range bl.Lines {
			b.WriteString(l.Text + "\n")
		}
		if bl.Table != nil {
			for _, r := range bl.Table.Rows {
				for _, c := range r.Cells {
					b.WriteString(c.Text + "\t")
				}
				b.WriteString("\n")
			}
		}
	}
	for _, f := range doc.Footnotes {
		for _, l := range f.Lines {
			b.WriteString(l.Text + "\n")
		}
	}
	return b.String()
}

// sampleVariants returns the variants of a sample PDF: the byte edits
// always, qpdf's when qpdf is installed.
func sampleVariants(t *testing.T, path string, data []byte) []variants.Variant {
	vs := variants.Edits(data)
	if qpdf, err := exec.LookPath("qpdf"); err == nil {
		q, err := variants.QPDF(qpdf, path, t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		vs = append(vs, q...)
	} else {
		t.Log("qpdf not installed: encrypted variants skipped")
	}
	return vs
}

// readBytes reads data as a PDF named path.
func readBytes(data []byte, path, password string) (*extract.Document, error) {
	doc, err := Read(context.Background(), bytes.NewReader(data), int64(len(data)), path, extract.Options{Password: password})
	if doc != nil {
		extract.MergeTables(doc)
	}
	return doc, err
}

// TestVariants reads variants of the sample reports that poppler reads
// (a tail after %%EOF, junk before the header, offsets off, a wrong
// startxref, encryption): each must give the text the original gives.
// With pdftotext installed, its word recall against pdftotext on the
// same file must be at least 0.98.
func TestVariants(t *testing.T) {
	_, errPT := exec.LookPath("pdftotext")
	for _, name := range []string{"real/dak-lak-2021.pdf", "real/kon-tum-2021.pdf"} {
		path := filepath.Join(testdata, name)
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		orig, err := readBytes(data, path, "")
		if err != nil {
			t.Fatal(err)
		}
		want := docText(orig)
		for _, v := range sampleVariants(t, path, data) {
			t.Run(filepath.Base(name)+"/"+v.Name, func(t *testing.T) {
				if v.Fails != "" {
					_, err := readBytes(v.Data, v.Name, "")
					if !errors.Is(err, extract.ErrEncrypted) || !strings.Contains(err.Error(), v.Fails) {
						t.Errorf("without password: error %v, want %q", err, v.Fails)
					}
				}
				doc, err := readBytes(v.Data, v.Name, v.Password)
				if err != nil {
					t.Fatalf("error %v", err)
				}
				if got := docText(doc); got != want {
					t.Errorf("text differs from the original's:\n%s", firstDiff(got, want))
				}
				if errPT != nil {
					return
				}
				f := filepath.Join(t.TempDir(), "v.pdf")
				if err := os.WriteFile(f, v.Data, 0o644); err != nil {
					t.Fatal(err)
				}
				args := []string{f, "-"}
				if v.Password != "" {
					args = []string{"-upw", v.Password, f, "-"}
				}
				out, err := exec.Command("pdftotext", args...).Output()
				if err != nil {
					// Beyond poppler: an object-stream file whose
					// startxref is wrong.
					t.Logf("%s %s: pdftotext fails (%v): read, recall not measured", name, v.Name, err)
					return
				}
				r := recall(docText(doc), string(out))
				t.Logf("%s %s: word recall %.4f against pdftotext", name, v.Name, r)
				if r < 0.98 {
					t.Errorf("word recall %.4f against pdftotext, want >= 0.98", r)
				}
			})
		}
	}
}

// recall is the share of the words of ref (a multiset) found in got.
func recall(got, ref string) float64 {
	have := map[string]int{}
	for _, w := range strings.Fields(norm.NFC.String(got)) {
		have[w]++
	}
	n, found := 0, 0
	for _, w := range strings.Fields(norm.NFC.String(ref)) {
		n++
		if have[w] > 0 {
			have[w]--
			found++
		}
	}
	if n == 0 {
		return 1
	}
	return float64(found) / float64(n)
}

// firstDiff shows where two texts first differ.
func firstDiff(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(la) && i < len(lb); i++ {
		if la[i] != lb[i] {
			return "line " + itoa(i+1) + ":\n  got  " + la[i] + "\n  want " + lb[i]
		}
	}
	return "lengths " + itoa(len(la)) + " and " + itoa(len(lb)) + " lines"
}

// TestWriteVariants writes the variant corpus to the -variants
// directory (see testdata/pdf/README.md).
func TestWriteVariants(t *testing.T) {
	if *variantsOut == "" {
		t.Skip("run with -variants DIR to write the variant corpus")
	}
	for _, name := range []string{"real/dak-lak-2021.pdf", "real/kon-tum-2021.pdf"} {
		path := filepath.Join(testdata, name)
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		stem := strings.TrimSuffix(filepath.Base(name), ".pdf")
		for _, v := range sampleVariants(t, path, data) {
			if err := os.WriteFile(filepath.Join(*variantsOut, stem+"."+v.Name+".pdf"), v.Data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}
