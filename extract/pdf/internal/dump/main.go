// Command dump reads PDF files with package extract/pdf and prints the
// document as JSON, or with -bench only the time taken, for comparing
// the reader with other tools (see scripts/compare-pdftotext.sh).
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/baocao/baocao/extract"
	_ "github.com/baocao/baocao/extract/pdf"
)

func main() {
	n := flag.Int("n", 1, "read each file `n` times")
	quiet := flag.Bool("q", false, "print only the time per file")
	flag.Parse()
	status := 0
	for _, path := range flag.Args() {
		var doc *extract.Document
		var err error
		start := time.Now()
		for i := 0; i < *n; i++ {
			doc, err = extract.Read(context.Background(), path, extract.Options{})
		}
		el := time.Since(start) / time.Duration(*n)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			status = 1
		}
		if *quiet {
			pages := 0
			if doc != nil {
				pages = doc.Pages
			}
			fmt.Printf("%s\t%d pages\t%v per read\n", path, pages, el)
			continue
		}
		if doc != nil {
			e := json.NewEncoder(os.Stdout)
			e.SetIndent("", " ")
			e.Encode(doc)
		}
	}
	os.Exit(status)
}
