package extract

import (
	"context"
	"errors"
	"reflect"
	"sync"
	"testing"
	"time"
)

func TestPoolRoundTrip(t *testing.T) {
	p := fakeFile(t, "ok")
	opt := Options{MaxBytes: 12345, Password: "mật khẩu"} // both reach the child
	want, err := ReadFile(context.Background(), fake(t, p), opt)
	if err != nil {
		t.Fatal(err)
	}
	pool := NewPool(IsolateOptions{Options: opt})
	defer pool.Close()
	for i := range 3 {
		got, err := pool.Read(context.Background(), fake(t, p))
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("read %d differs:\n got %+v\nwant %+v", i, got, want)
		}
	}
	// One caller at a time: one child served the three files.
	if len(pool.idle) != 1 || pool.idle[0].served != 3 {
		t.Errorf("idle children %d, want 1 that served 3 files", len(pool.idle))
	}
}

// TestPoolFailures checks that each failure is the file's alone: the
// error is what ReadIsolated gives, and the pool reads the next file
// with a fresh child when the failed one had to die.
func TestPoolFailures(t *testing.T) {
	tests := []struct {
		cmd   string
		opt   IsolateOptions
		want  error
		msg   string
		keeps bool // the child survives the failure
	}{
		{"panic", IsolateOptions{}, ErrCrashed, "parser crashed: panic: boom: xref table out of range", false},
		{"hang", IsolateOptions{Timeout: 2 * time.Second}, ErrTimeout, "parser timed out after 2s", false},
		{"alloc", IsolateOptions{MaxMemory: 200 << 20}, ErrMemory, "parser exceeded memory limit (200.0 MiB)", false},
		{"exit", IsolateOptions{}, ErrCrashed, "exit status 7", false},
		{"big", IsolateOptions{MaxOutput: 1 << 20}, ErrTooLarge, "parser output exceeds 1.0 MiB", false},
		{"error:corrupt", IsolateOptions{}, ErrCorrupt, "report.fake: page 3: corrupt file: bad thing", true},
		{"error:encrypted", IsolateOptions{}, ErrEncrypted, "encrypted", true},
		{"error:no-text", IsolateOptions{}, ErrNoText, "needs OCR", true},
	}
	for _, tc := range tests {
		t.Run(tc.cmd, func(t *testing.T) {
			pool := NewPool(tc.opt)
			defer pool.Close()
			ok := fakeFile(t, "ok")
			if _, err := pool.Read(context.Background(), fake(t, ok)); err != nil {
				t.Fatal(err)
			}
			first := pool.idle[0].cmd.Process.Pid
			p := fakeFile(t, tc.cmd)
			doc, err := pool.Read(context.Background(), fake(t, p))
			checkReadError(t, p, doc, err, tc.want, tc.msg)
			if _, err := pool.Read(context.Background(), fake(t, ok)); err != nil {
				t.Fatalf("next file: %v", err)
			}
			if same := pool.idle[0].cmd.Process.Pid == first; same != tc.keeps {
				t.Errorf("same child after the failure: %v, want %v", same, tc.keeps)
			}
		})
	}
}

// TestPoolDeadIdleChild kills a child while it waits for a file: the
// next file goes to a new child instead of failing.
func TestPoolDeadIdleChild(t *testing.T) {
	pool := NewPool(IsolateOptions{})
	defer pool.Close()
	ok := fakeFile(t, "ok")
	if _, err := pool.Read(context.Background(), fake(t, ok)); err != nil {
		t.Fatal(err)
	}
	old := pool.idle[0].cmd.Process
	old.Kill()
	old.Wait()
	pool.idle[0].waited = true
	if _, err := pool.Read(context.Background(), fake(t, ok)); err != nil {
		t.Fatalf("after the idle child died: %v", err)
	}
	if pool.idle[0].cmd.Process.Pid == old.Pid {
		t.Error("the dead child was kept")
	}
}

func TestPoolCancel(t *testing.T) {
	pool := NewPool(IsolateOptions{Timeout: time.Minute})
	defer pool.Close()
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(300*time.Millisecond, cancel)
	_, err := pool.Read(ctx, fake(t, fakeFile(t, "hang")))
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("error %v, want context.Canceled", err)
	}
	if _, err := pool.Read(context.Background(), fake(t, fakeFile(t, "ok"))); err != nil {
		t.Fatalf("after cancel: %v", err)
	}
}

// TestPoolConcurrent reads from several goroutines at once, with a
// crash among them: each caller gets its own file's result.
func TestPoolConcurrent(t *testing.T) {
	pool := NewPool(IsolateOptions{})
	ok, bad := fakeFile(t, "ok"), fakeFile(t, "panic")
	var wg sync.WaitGroup
	errs := make([]error, 12)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p := ok
			if i%4 == 3 {
				p = bad
			}
			_, errs[i] = pool.Read(context.Background(), fake(t, p))
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if wantErr := i%4 == 3; (err != nil) != wantErr || wantErr && !errors.Is(err, ErrCrashed) {
			t.Errorf("read %d: error %v, want crash %v", i, err, wantErr)
		}
	}
	pool.Close()
	if _, err := pool.Read(context.Background(), fake(t, ok)); err == nil {
		t.Error("read after Close succeeded")
	}
}

func BenchmarkPoolRead(b *testing.B) {
	f := fake(b, fakeFile(b, "ok"))
	pool := NewPool(IsolateOptions{})
	defer pool.Close()
	for b.Loop() {
		if _, err := pool.Read(context.Background(), f); err != nil {
			b.Fatal(err)
		}
	}
}
