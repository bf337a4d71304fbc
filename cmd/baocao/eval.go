package main

import (
	"context"
	"io"
)

func runEval(ctx context.Context, args []string, stdout, stderr io.Writer) error { return nil }
