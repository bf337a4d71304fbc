package main

import (
	"context"
	"io"
)

func runIngest(ctx context.Context, args []string, stdout, stderr io.Writer) error { return nil }
