// Command baocao turns provincial reports on digital government and
// information security into a SQLite database of figures.
//
// Usage:
//
//	baocao <command> [flags] [arguments]
//
// Run "baocao help" for the list of commands and "baocao <command> -h"
// for the flags of one.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"

	"github.com/baocao/baocao/extract"

	// Format readers register themselves with package extract.
	_ "github.com/baocao/baocao/extract/docx"
	_ "github.com/baocao/baocao/extract/pdf"
	_ "github.com/baocao/baocao/extract/text"
)

// command is one subcommand: its name, a one-line summary and its entry.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, args []string, stdout, stderr io.Writer) error
}

var commands []command

func init() {
	commands = []command{
		{"ingest", "ingest reports from files and folders into the database", runIngest},
		{"extract", "extract the figures of one report, without a database", runExtract},
		{"query", "run read-only SQL against the database", runQuery},
		{"check", "list the flags raised on reports in the database", runCheck},
		{"export", "export views of the database as CSV, XLSX or JSON", runExport},
		{"eval", "score extraction against gold files", runEval},
		{"metrics", "list the metric catalog", runMetrics},
	}
}

// errFailed marks a run whose work is done but some of it failed: the
// exit status is 1 without another message.
var errFailed = errors.New("some files failed")

func main() {
	if extract.ChildMain() {
		return
	}
	// Reports are small and short-lived: trade a little memory for less
	// collection work (peak memory stays far under 300 MB).
	debug.SetGCPercent(400)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		if len(args) > 1 {
			for _, c := range commands {
				if c.name == args[1] {
					_ = c.run(ctx, []string{"-h"}, stdout, stderr)
					return 0
				}
			}
		}
		usage(stdout)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range commands {
		if c.name != args[0] {
			continue
		}
		err := c.run(ctx, args[1:], stdout, stderr)
		switch {
		case err == nil, errors.Is(err, flag.ErrHelp):
			return 0
		case errors.Is(err, errFailed):
			return 1
		case errors.Is(err, errUsage):
			return 2
		default:
			fmt.Fprintf(stderr, "baocao %s: %v\n", c.name, err)
			return 1
		}
	}
	fmt.Fprintf(stderr, "baocao: unknown command %q\n\n", args[0])
	usage(stderr)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprint(w, `baocao turns provincial reports on digital government and information
security (PDF, DOCX, text, Markdown) into a SQLite database of figures.

Usage:

	baocao <command> [flags] [arguments]

Commands:

`)
	for _, c := range commands {
		fmt.Fprintf(w, "\t%-8s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, `
Run "baocao <command> -h" for the flags of a command.
`)
}

// errUsage marks a usage error already explained to the user.
var errUsage = errors.New("usage")

// newFlags returns a flag set that prints the command's usage text.
func newFlags(name, synopsis, doc string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: baocao %s %s\n\n%s\n", name, synopsis, doc)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args, turning a parse error into errUsage (the flag
// package has printed it).
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return errUsage
	}
	return nil
}
