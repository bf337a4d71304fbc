package main

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
)

func runVersion(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("version", "", `Version prints the version of baocao: the module version (or "(devel)" for a
build from a checkout), the commit it was built from and its time, and the
Go version.`, stderr)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	_, err := fmt.Fprintln(stdout, versionString())
	return err
}

// versionString describes this build from its build information:
// "baocao v1.2.0 (commit 0123abcd4567, 2026-12-07T19:03:58Z) go1.26.8
// linux/amd64"; "+modified" marks a build from a checkout with changes.
func versionString() string {
	v, rev, when, modified := "(devel)", "", "", false
	if bi, ok := debug.ReadBuildInfo(); ok {
		if bi.Main.Version != "" {
			v = bi.Main.Version
		}
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.time":
				when = s.Value
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
	}
	s := "baocao " + v
	if rev != "" {
		s += " (commit " + rev[:min(12, len(rev))]
		if modified {
			s += "+modified"
		}
		if when != "" {
			s += ", " + when
		}
		s += ")"
	}
	return fmt.Sprintf("%s %s %s/%s", s, runtime.Version(), runtime.GOOS, runtime.GOARCH)
}
