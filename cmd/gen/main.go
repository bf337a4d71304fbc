// Command gen writes a synthetic corpus of province reports, with a gold
// JSON for each, for benchmarks and for evaluating extraction.
//
// Usage:
//
//	go run ./cmd/gen -n 10000 -out DIR [-formats txt,docx,pdf] [-pages 10] [-seed 1]
//
// Report i is written as DIR/<name>.<ext> in the i-th of the formats in
// turn, and its gold as DIR/gold/<name>.json, in the format of
// shared/gold/*.json, so that `baocao eval` and shared/tools/score.py can
// score extraction output against it. The same flags give the same
// reports. PDFs need a TrueType font covering Vietnamese (-font; DejaVu
// Sans from Debian's fonts-dejavu-core by default).
//
// The provinces come from a CSV with columns code, name and type
// (-provinces), by default the copy of the 63-province list in
// testdata/synth or ../shared/data/provinces.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/baocao/baocao/rules/synth"
)

const provincesCSV = "provinces-63-until-2025-06-30.csv"

var defaultProvinces = []string{
	filepath.Join("testdata", "synth", provincesCSV),
	filepath.Join("..", "shared", "data", "provinces", provincesCSV),
}

func main() {
	n := flag.Int("n", 100, "number of reports")
	out := flag.String("out", "", "output folder (required)")
	formats := flag.String("formats", "txt", "comma-separated formats to rotate through: txt, docx, pdf")
	pages := flag.Int("pages", 0, "approximate pages per report (0: no filler, about 2)")
	seed := flag.Uint64("seed", 1, "random seed")
	font := flag.String("font", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "TrueType font for PDFs")
	provinces := flag.String("provinces", "", "provinces CSV (default: "+strings.Join(defaultProvinces, " or ")+")")
	workers := flag.Int("workers", runtime.NumCPU(), "reports written at once")
	flag.Usage = func() {
		fmt.Fprintf(os.Stderr, "usage: gen -n N -out DIR [flags]\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if *out == "" || *n < 0 {
		flag.Usage()
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	cfg := config{n: *n, out: *out, pages: *pages, seed: *seed, font: *font, workers: *workers}
	for _, f := range strings.Split(*formats, ",") {
		f = strings.TrimSpace(strings.ToLower(f))
		switch f {
		case "txt", "docx", "pdf":
			cfg.formats = append(cfg.formats, f)
		case "":
		default:
			fatalf("unknown format %q: want txt, docx or pdf", f)
		}
	}
	if len(cfg.formats) == 0 {
		fatalf("no formats")
	}
	var err error
	cfg.provinces, err = loadProvinces(*provinces)
	if err != nil {
		fatalf("%v", err)
	}
	if err := run(ctx, cfg); err != nil {
		fatalf("%v", err)
	}
}

func fatalf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "gen: "+format+"\n", args...)
	os.Exit(1)
}

type config struct {
	n, pages, workers int
	seed              uint64
	out, font         string
	formats           []string
	provinces         []synth.Province
}

func loadProvinces(path string) ([]synth.Province, error) {
	paths := defaultProvinces
	if path != "" {
		paths = []string{path}
	}
	var errs []error
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		defer f.Close()
		ps, err := synth.ReadProvincesCSV(f)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		return ps, nil
	}
	return nil, fmt.Errorf("no provinces list (run from the repository root or give -provinces): %w", errors.Join(errs...))
}

func run(ctx context.Context, cfg config) error {
	for _, f := range cfg.formats {
		if f == "pdf" {
			if _, err := os.Stat(cfg.font); err != nil {
				return fmt.Errorf("PDF font: %w (install fonts-dejavu-core or give -font)", err)
			}
		}
	}
	if err := os.MkdirAll(filepath.Join(cfg.out, "gold"), 0o755); err != nil {
		return err
	}
	gen := &synth.Generator{Provinces: cfg.provinces, Pages: cfg.pages}
	var next atomic.Int64
	var wg sync.WaitGroup
	errc := make(chan error, cfg.workers)
	for range max(1, cfg.workers) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				i := int(next.Add(1) - 1)
				if i >= cfg.n {
					return
				}
				if err := writeOne(gen, cfg, i); err != nil {
					errc <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errc)
	if err := <-errc; err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "gen: wrote %d reports to %s\n", cfg.n, cfg.out)
	return nil
}

func writeOne(gen *synth.Generator, cfg config, i int) error {
	rng := rand.New(rand.NewPCG(cfg.seed, uint64(i)))
	r := gen.Generate(rng, i)
	format := cfg.formats[i%len(cfg.formats)]
	name := r.Name + "." + format
	r.Gold.Sources = []string{name}
	if err := writeFile(filepath.Join(cfg.out, name), func(w *bufio.Writer) error {
		switch format {
		case "docx":
			return synth.WriteDOCX(w, &r)
		case "pdf":
			return synth.WritePDF(w, &r, cfg.font)
		}
		return synth.WriteText(w, &r)
	}); err != nil {
		return err
	}
	return writeFile(filepath.Join(cfg.out, "gold", r.Name+".json"), func(w *bufio.Writer) error {
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", " ")
		return enc.Encode(r.Gold)
	})
}

func writeFile(path string, write func(*bufio.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	if err := write(w); err != nil {
		f.Close()
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("%s: %w", path, err)
	}
	return f.Close()
}
