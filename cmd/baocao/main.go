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
	"strings"
	"syscall"
	"time"

	"golang.org/x/text/message"

	"github.com/baocao/baocao/cmd/baocao/internal/aastart"
	"github.com/baocao/baocao/cmd/baocao/internal/msg"
	"github.com/baocao/baocao/corpus"
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
		{"docs", "list reports with their copies; pin or remove a copy", runDocs},
		{"export", "export views of the database as CSV, XLSX or JSON", runExport},
		{"eval", "score extraction against gold files", runEval},
		{"metrics", "list the metric catalog", runMetrics},
		{"serve", "open a read-only web view of the database (Vietnamese)", runServe},
		{"version", "print the version of baocao", runVersion},
	}
}

// errFailed marks a run whose work is done but some of it failed: the
// exit status is 1 without another message.
var errFailed = errors.New("some files failed")

func main() {
	aastart.Done() // no collection while the packages initialised
	if extract.ChildMain() {
		return
	}
	// Reports are small and short-lived: trade a little memory for less
	// collection work (see also pipelineFlags: a limit once parser
	// children start).
	debug.SetGCPercent(400)
	os.Exit(runMain(os.Args[1:], os.Stdout, os.Stderr))
}

// Exit statuses beyond 0, 1 (failed) and 2 (usage).
const exitInterrupted = 130 // Ctrl-C or SIGTERM, as shells report SIGINT

// stopDeadline is how long a command may take to stop after Ctrl-C or
// SIGTERM before the process exits anyway. Commands stop well within
// it (ingest's files in flight get corpus.DefaultStopGrace); it is the
// guarantee that nothing, not even a stuck library call, holds a
// user's terminal.
const stopDeadline = 1500 * time.Millisecond

// runMain runs a command line with Ctrl-C and SIGTERM handled: the
// first cancels the command's context, and the command stops cleanly
// (ingest stores what is done and leaves the rest for the next run); a
// second signal, or stopDeadline without the command returning, exits
// at once with status 130.
func runMain(args []string, stdout, stderr io.Writer) int {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(sigs)
	go func() {
		if _, ok := <-sigs; !ok {
			return
		}
		cancel()
		select {
		case <-sigs:
		case <-time.After(stopDeadline):
			fmt.Fprintln(stderr, printerFor(args).Sprintf("baocao: did not stop in time; exiting"))
		}
		os.Exit(exitInterrupted)
	}()
	return run(ctx, args, stdout, stderr)
}

// printerFor returns the message printer for a command line: the
// language of its --lang flag, else of the environment (LANG=vi_VN…).
func printerFor(args []string) *message.Printer {
	lang, _ := msg.Lang(flagValue(args, "lang"), os.Getenv)
	return msg.New(lang)
}

// flagValue returns the value of the flag name in args (-name V,
// --name V, -name=V or --name=V), or "". It looks only before a "--".
func flagValue(args []string, name string) string {
	for i, a := range args {
		if a == "--" {
			break
		}
		for _, p := range []string{"-" + name, "--" + name} {
			if a == p && i+1 < len(args) {
				return args[i+1]
			}
			if v, ok := strings.CutPrefix(a, p+"="); ok {
				return v
			}
		}
	}
	return ""
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	lang, err := msg.Lang(flagValue(args, "lang"), os.Getenv)
	pr := msg.New(lang)
	if err != nil {
		fmt.Fprintf(stderr, "baocao: %s\n", pr.Sprintf("unknown --lang %q: want en or vi", flagValue(args, "lang")))
		return 2
	}
	ctx = msg.With(ctx, pr)
	args = commandFirst(args)
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
		case ctx.Err() != nil && (err == nil || errors.Is(err, context.Canceled) || errors.Is(err, errFailed)):
			if err == nil || errors.Is(err, context.Canceled) {
				fmt.Fprintf(stderr, "baocao %s: %s\n", c.name, pr.Sprintf("interrupted"))
			}
			return exitInterrupted
		case err == nil, errors.Is(err, flag.ErrHelp):
			return 0
		case errors.Is(err, errFailed):
			return 1
		case errors.Is(err, errUsage):
			return 2
		default:
			fmt.Fprintf(stderr, "baocao %s: %s\n", c.name, corpus.Escape(err.Error()))
			return 1
		}
	}
	fmt.Fprintf(stderr, "baocao: %s\n\n", pr.Sprintf("unknown command %q", args[0]))
	usage(stderr)
	return 2
}

// commandFirst moves a --lang flag written before the command name
// ("baocao --lang vi check") after it, where every command reads it.
func commandFirst(args []string) []string {
	var lead []string
	for len(args) > 0 {
		switch a := args[0]; {
		case (a == "-lang" || a == "--lang") && len(args) > 1:
			lead, args = append(lead, args[:2]...), args[2:]
		case strings.HasPrefix(a, "-lang=") || strings.HasPrefix(a, "--lang="):
			lead, args = append(lead, a), args[1:]
		default:
			if len(lead) == 0 || len(args) == 0 {
				return args
			}
			return append(append([]string{args[0]}, lead...), args[1:]...)
		}
	}
	return args
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
Run "baocao <command> -h" for the flags of a command. Commands use the
database baocao.db in the current folder unless given --db FILE. Messages
are in Vietnamese with --lang vi (before or after the command) or
LANG=vi_VN.UTF-8.
`)
}

// errUsage marks a usage error already explained to the user.
var errUsage = errors.New("usage")

// newFlags returns a flag set that prints the command's usage text. Every
// command takes --lang (see run, which applies it before the command
// starts).
func newFlags(name, synopsis, doc string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: baocao %s %s\n\n%s\n\nFlags go before or after the arguments; an argument that starts with \"-\"\ngoes after \"--\".\n\n", name, synopsis, doc)
		fs.PrintDefaults()
	}
	fs.String("lang", "", "language of messages: en or vi (default: from LC_ALL, LC_MESSAGES or LANG)")
	return fs
}

// parseFlags parses args, turning a parse error into errUsage (the flag
// package has printed it).
//
// Flags may come before or after the arguments ("ingest folder --db
// x.db"): args are split into flags and arguments first, then the flags
// are parsed. A word that starts with "-" is a flag, and an unknown one
// is an error, never taken for an argument; "--" ends the flags, so an
// argument that starts with "-" goes after it. A word that starts with
// "-" but cannot be a flag name, because its name would hold a space
// (an SQL query opening with a "-- comment" line), is an argument.
func parseFlags(fs *flag.FlagSet, args []string) error {
	var flags, rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			rest = append(rest, args[i+1:]...)
			break
		}
		if !isFlagWord(a) {
			rest = append(rest, a)
			continue
		}
		flags = append(flags, a)
		name := strings.TrimLeft(a, "-")
		if strings.Contains(name, "=") {
			continue
		}
		f := fs.Lookup(name)
		if f == nil {
			continue // Parse reports it
		}
		if bf, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && bf.IsBoolFlag() {
			continue
		}
		if i+1 < len(args) {
			i++
			flags = append(flags, args[i])
		}
	}
	if err := fs.Parse(flags); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return errUsage
	}
	// The flags are all consumed: set the arguments.
	if err := fs.Parse(append([]string{"--"}, rest...)); err != nil {
		return errUsage
	}
	return nil
}

// isFlagWord reports whether a command-line word is a flag: "-x",
// "--name" or "--name=value", with a name free of spaces.
func isFlagWord(a string) bool {
	if len(a) < 2 || a[0] != '-' {
		return false
	}
	name, _, _ := strings.Cut(strings.TrimPrefix(a[1:], "-"), "=")
	return name != "" && !strings.ContainsAny(name, " \t\n") && !strings.HasPrefix(name, "-")
}
