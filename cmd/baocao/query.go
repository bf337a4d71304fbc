package main

import (
	"context"
	"io"
)

func runQuery(ctx context.Context, args []string, stdout, stderr io.Writer) error { return nil }
