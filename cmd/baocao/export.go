package main

import (
	"context"
	"io"
)

func runExport(ctx context.Context, args []string, stdout, stderr io.Writer) error { return nil }
