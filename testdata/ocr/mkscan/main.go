// Command mkscan makes realistic scans of born-digital PDFs with package
// testdata/ocr/scan, for measuring OCR.
//
// Usage, from the module root:
//
//	go run ./testdata/ocr/mkscan -out DIR [-preset 150dpi,200dpi-96] [-pages 1-2] FILE.pdf...
//
// Each FILE.pdf is scanned with each preset into DIR/PRESET/FILE.pdf, so
// that the file keeps its stem and `baocao eval --gold GOLDDIR
// DIR/PRESET/*.pdf` finds its gold file. Without -preset every preset is
// made; -list prints them.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/baocao/baocao/testdata/ocr/scan"
)

func main() {
	out := flag.String("out", "", "output `folder`")
	presets := flag.String("preset", "", "comma-separated preset `names` (default: all)")
	pages := flag.String("pages", "", "pages to scan, `FIRST-LAST` (default: all)")
	list := flag.Bool("list", false, "list the presets and exit")
	flag.Parse()
	if *list {
		for _, n := range scan.PresetNames() {
			fmt.Printf("%-12s %+v\n", n, scan.Presets[n])
		}
		return
	}
	if *out == "" || flag.NArg() == 0 {
		flag.Usage()
		os.Exit(2)
	}
	names := scan.PresetNames()
	if *presets != "" {
		names = strings.Split(*presets, ",")
	}
	first, last := 0, 0
	if *pages != "" {
		a, b, _ := strings.Cut(*pages, "-")
		var err error
		if first, err = strconv.Atoi(a); err == nil {
			last = first
			if b != "" {
				last, err = strconv.Atoi(b)
			}
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "mkscan: bad -pages %q\n", *pages)
			os.Exit(2)
		}
	}
	for _, name := range names {
		s, ok := scan.Presets[name]
		if !ok {
			fmt.Fprintf(os.Stderr, "mkscan: no preset %q (have %s)\n", name, strings.Join(scan.PresetNames(), ", "))
			os.Exit(2)
		}
		s.First, s.Last = first, last
		for _, src := range flag.Args() {
			dst := filepath.Join(*out, name, filepath.Base(src))
			if err := scan.Make(context.Background(), src, dst, s); err != nil {
				fmt.Fprintln(os.Stderr, "mkscan:", err)
				os.Exit(1)
			}
			fmt.Println(dst)
		}
	}
}
