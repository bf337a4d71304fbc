package store

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fixtureFile builds the fixture database in a temp dir and closes it.
func fixtureFile(t testing.TB) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "baocao.db")
	db, err := Open(context.Background(), path, testCatalog(t))
	if err != nil {
		t.Fatal(err)
	}
	buildFixture(t, db)
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestReadOnly(t *testing.T) {
	ctx := context.Background()
	path := fixtureFile(t)
	other := filepath.Join(filepath.Dir(path), "other.db")
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	st0, _ := os.Stat(path)

	db, err := OpenReadOnly(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	writes := []string{
		"INSERT INTO runs (started_at) VALUES ('2025-01-01T00:00:00Z')",
		"UPDATE documents SET year = 1999",
		"DELETE FROM metrics",
		"DROP TABLE flag_evidence",
		"DROP VIEW metric_values",
		"CREATE TABLE t (a)",
		"CREATE TEMP TABLE t (a)",
		"CREATE INDEX i ON metrics (value)",
		"ALTER TABLE metrics ADD COLUMN x",
		"WITH x AS (SELECT 1) INSERT INTO runs (started_at) SELECT 'x' FROM x",
		"INSERT INTO runs (started_at) VALUES ('x') RETURNING id",
		"ATTACH DATABASE '" + other + "' AS o",
		"ATTACH DATABASE ':memory:' AS m",
		"PRAGMA writable_schema = 1",
		"PRAGMA writable_schema = ON",
		"PRAGMA query_only = 0",
		"PRAGMA journal_mode = DELETE",
		"PRAGMA user_version = 7",
		"PRAGMA foreign_keys = OFF",
		"VACUUM",
		"VACUUM INTO '" + other + "'",
		"REINDEX",
		"ANALYZE",
		"BEGIN IMMEDIATE",
		"SELECT 1; DELETE FROM metrics",
		"REPLACE INTO metric_catalog (code, unit, label_vi, meaning) VALUES ('x', 'count', 'x', 'x')",
	}
	for _, q := range writes {
		if _, err := db.Query(ctx, q); err == nil {
			t.Errorf("Query(%q) succeeded on a read-only database", q)
		}
		// The connection itself refuses, not only Query.
		if _, err := db.db.ExecContext(ctx, q); err == nil {
			t.Errorf("Exec(%q) succeeded on a read-only database", q)
		}
	}
	// Reads still work, including pragmas that read.
	for _, q := range []string{
		"SELECT count(*) FROM metric_values",
		"PRAGMA table_info(metrics)",
		"PRAGMA user_version",
		"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3) SELECT * FROM n",
		"SELECT name FROM sqlite_master",
	} {
		if _, err := db.Query(ctx, q); err != nil {
			t.Errorf("Query(%q): %v", q, err)
		}
	}
	if _, _, err := db.Save(ctx, DocInfo{Path: "x", SHA256: "x"}, loadReport(t, "kon-tum-2021")); !errors.Is(err, ErrReadOnly) {
		t.Errorf("Save on a read-only DB = %v, want ErrReadOnly", err)
	}
	if _, err := db.BeginRun(ctx); !errors.Is(err, ErrReadOnly) {
		t.Errorf("BeginRun on a read-only DB = %v, want ErrReadOnly", err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	after, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	st1, _ := os.Stat(path)
	if !bytes.Equal(before, after) {
		t.Error("the database file's bytes changed")
	}
	if !st0.ModTime().Equal(st1.ModTime()) {
		t.Errorf("mtime changed: %v → %v", st0.ModTime(), st1.ModTime())
	}
	if _, err := os.Stat(other); err == nil {
		t.Error("ATTACH or VACUUM INTO created a file")
	}
}

func TestOpenReadOnlyMissing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "baocao.db")
	_, err := OpenReadOnly(context.Background(), path)
	if !errors.Is(err, ErrNoDatabase) {
		t.Fatalf("OpenReadOnly(missing) = %v, want ErrNoDatabase", err)
	}
	if want := "baocao.db: no such database; run baocao ingest first"; !strings.HasSuffix(err.Error(), want) {
		t.Errorf("error %q does not end in %q", err, want)
	}
	if _, err := os.Stat(path); err == nil {
		t.Error("OpenReadOnly created the file")
	}
	// A file that is not a baocao database.
	if err := os.WriteFile(path, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := OpenReadOnly(context.Background(), path); !errors.Is(err, ErrSchemaTooOld) {
		t.Errorf("OpenReadOnly(empty file) = %v, want ErrSchemaTooOld", err)
	}
}
