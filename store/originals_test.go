package store

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"testing"
)

func shaOf(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

func TestOriginals(t *testing.T) {
	ctx := context.Background()
	db, _ := openTemp(t)
	rep := loadReport(t, "kon-tum-2021")
	data := []byte("the bytes of kon-tum-2021.md")
	info := infoFor(rep, "reports/kon-tum-2021.md")
	info.SHA256 = shaOf(data)
	if err := db.SaveBatch(ctx, []Item{{Info: info, Report: rep, Original: data}}); err != nil {
		t.Fatal(err)
	}
	got, err := db.Original(ctx, info.SHA256)
	if err != nil || !bytes.Equal(got, data) {
		t.Fatalf("Original = %q, %v; want %q", got, err, data)
	}
	// Saving the same content again (another path) stores nothing more.
	info2 := info
	info2.Path = "copy/kon-tum-2021.md"
	if err := db.SaveBatch(ctx, []Item{{Info: info2, Report: rep, Original: data}}); err != nil {
		t.Fatal(err)
	}
	if n := count(t, db, "SELECT count(*) FROM originals"); n != 1 {
		t.Errorf("originals = %d, want 1", n)
	}
	// Bytes that are not the content hashed fail the item, and nothing
	// of the batch is stored.
	other := loadReport(t, "dak-lak-2021")
	oinfo := infoFor(other, "reports/dak-lak-2021.txt")
	oinfo.SHA256 = shaOf([]byte("what was hashed"))
	err = db.SaveBatch(ctx, []Item{{Info: oinfo, Report: other, Original: []byte("what was read later")}})
	if err == nil {
		t.Fatal("SaveBatch with bytes of another content succeeded")
	}
	if n := count(t, db, "SELECT count(*) FROM documents WHERE sha256 = ?", oinfo.SHA256); n != 0 {
		t.Errorf("the failed batch stored its document")
	}
	if _, err := db.Original(ctx, oinfo.SHA256); !errors.Is(err, ErrNoOriginal) {
		t.Errorf("Original of a content not stored = %v, want ErrNoOriginal", err)
	}
	// A new content at both paths replaces the document: its original
	// goes with it.
	data3 := []byte("a corrected kon-tum-2021.md")
	for _, p := range []string{info.Path, info2.Path} {
		i3 := info
		i3.Path, i3.SHA256 = p, shaOf(data3)
		if err := db.SaveBatch(ctx, []Item{{Info: i3, Report: rep, Original: data3}}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.Original(ctx, info.SHA256); !errors.Is(err, ErrNoOriginal) {
		t.Errorf("original of the replaced document = %v, want ErrNoOriginal", err)
	}
	if got, err := db.Original(ctx, shaOf(data3)); err != nil || !bytes.Equal(got, data3) {
		t.Errorf("original of the new content = %q, %v", got, err)
	}
}
