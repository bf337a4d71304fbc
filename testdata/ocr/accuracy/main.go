// Command accuracy compares OCR output with the reference text of the same
// page, for measuring the image choices of package extract/ocr.
//
//	go run ./testdata/ocr/accuracy REF.txt OCR.txt...
//
// For each OCR.txt it prints how many of the reference's numbers (runs
// of digits with their inner '.' and ',') the OCR text has, counted as
// multisets: the measure the choice of page image in extract/ocr was
// made on. The reference is typically `pdftotext -f N -l N` of the
// born-digital page.
package main

import (
	"fmt"
	"os"
	"regexp"
	"strings"

	"golang.org/x/text/unicode/norm"
)

var numRe = regexp.MustCompile(`\d(?:[\d.,]*\d)?`)

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: accuracy REF.txt OCR.txt...")
		os.Exit(2)
	}
	ref := load(os.Args[1])
	for _, name := range os.Args[2:] {
		hyp := load(name)
		want := numRe.FindAllString(ref, -1)
		have := map[string]int{}
		for _, n := range numRe.FindAllString(hyp, -1) {
			have[n]++
		}
		found := 0
		for _, n := range want {
			if have[n] > 0 {
				have[n]--
				found++
			}
		}
		fmt.Printf("%s\tnumbers %d/%d\n", name, found, len(want))
	}
}

// load reads a text file as NFC with white space collapsed.
func load(name string) string {
	b, err := os.ReadFile(name)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	return strings.Join(strings.Fields(norm.NFC.String(string(b))), " ")
}
