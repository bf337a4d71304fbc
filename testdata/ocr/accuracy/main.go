// Command accuracy compares OCR output with the reference text of the same
// page, for measuring the image choices of package extract/ocr.
//
//	go run ./testdata/ocr/accuracy REF.txt OCR.txt...
//
// For each OCR.txt it prints the character accuracy (1 − edit distance /
// reference length, over runes, with runs of white space made one space)
// and how many of the reference's numbers (runs of digits with their
// inner '.' and ',') the OCR text has, counted as multisets. The
// reference is typically `pdftotext -f N -l N` of the born-digital page.
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
		acc := 1 - float64(distance([]rune(ref), []rune(hyp)))/float64(max(1, len([]rune(ref))))
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
		fmt.Printf("%s\tchars %.3f\tnumbers %d/%d\n", name, acc, found, len(want))
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

// distance is the Levenshtein distance between a and b.
func distance(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
