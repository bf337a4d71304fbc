package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"time"

	"github.com/baocao/baocao/cmd/baocao/internal/msg"
	"github.com/baocao/baocao/store/web"
)

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("serve", "[--db FILE] [--addr 127.0.0.1:8080] [--timeout D]", `Serve opens a read-only web view of the database, in Vietnamese: the
province table, each report with its figures and flags, each figure on the
page it came from, comparisons, charts and a SQL page. It listens on
127.0.0.1 unless --addr says otherwise. Ctrl-C stops it.`, stderr)
	dbPath := fs.String("db", "baocao.db", "SQLite database `file`")
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	lim := addLimitFlags(fs, 10*time.Second, "time limit of one request (and of its queries)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return errUsage
	}
	db, err := lim.open(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	h, err := web.New(db, web.Options{Timeout: *lim.timeout, Log: log.New(stderr, "", log.LstdFlags)})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second, WriteTimeout: *lim.timeout + 5*time.Second}
	pr := msg.From(ctx)
	fmt.Fprintf(stderr, "baocao serve: %s\n", pr.Sprintf("%s on http://%s/ (Ctrl-C to stop)", *dbPath, ln.Addr()))
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		sctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		if err := srv.Shutdown(sctx); err != nil && !errors.Is(err, context.DeadlineExceeded) {
			return err
		}
		return nil
	}
}
