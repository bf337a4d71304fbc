package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/mattn/go-sqlite3"

	"github.com/baocao/baocao/rules/report"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// ErrNoDatabase is returned by OpenReadOnly when the database file does
// not exist.
var ErrNoDatabase = errors.New("no such database; run baocao ingest first")

// ErrSchemaTooOld is returned by OpenReadOnly when the database was made
// by an older baocao and needs the migrations a read-write open applies.
var ErrSchemaTooOld = errors.New("database schema is older than this baocao; run baocao ingest to upgrade it")

const (
	driverRW = "baocao-sqlite3"
	driverRO = "baocao-sqlite3-ro"
)

func init() {
	sql.Register(driverRW, &sqlite3.SQLiteDriver{
		ConnectHook: func(c *sqlite3.SQLiteConn) error {
			for _, p := range []string{
				"PRAGMA foreign_keys = ON",
				"PRAGMA busy_timeout = 5000",
				"PRAGMA synchronous = NORMAL",
			} {
				if _, err := c.Exec(p, nil); err != nil {
					return err
				}
			}
			return nil
		},
	})
	sql.Register(driverRO, &sqlite3.SQLiteDriver{
		ConnectHook: func(c *sqlite3.SQLiteConn) error {
			for _, p := range []string{
				"PRAGMA busy_timeout = 5000",
				"PRAGMA query_only = 1",
			} {
				if _, err := c.Exec(p, nil); err != nil {
					return err
				}
			}
			c.SetLimit(sqlite3.SQLITE_LIMIT_ATTACHED, 0)
			c.RegisterAuthorizer(readOnlyAuthorizer)
			return nil
		},
	})
}

// Authorizer action codes that mattn/go-sqlite3 does not export.
const (
	authRecursive = 33 // SQLITE_RECURSIVE
)

// readPragmas are pragmas that only read, even when given an argument.
var readPragmas = map[string]bool{
	"table_info": true, "table_xinfo": true, "table_list": true,
	"index_list": true, "index_info": true, "index_xinfo": true,
	"foreign_key_list": true, "foreign_key_check": true,
	"database_list": true, "collation_list": true, "function_list": true,
	"module_list": true, "pragma_list": true, "compile_options": true,
	"integrity_check": true, "quick_check": true,
}

// queryPragmas are pragmas that only read when given no argument.
var queryPragmas = map[string]bool{
	"schema_version": true, "user_version": true, "application_id": true,
	"page_count": true, "page_size": true, "freelist_count": true,
	"encoding": true, "journal_mode": true, "query_only": true,
	"foreign_keys": true, "busy_timeout": true, "data_version": true,
	"max_page_count": true, "synchronous": true,
}

// readOnlyAuthorizer allows reading statements only: SELECT, reading
// tables, functions, recursive CTEs and pragmas that read.
func readOnlyAuthorizer(op int, arg1, arg2, _ string) int {
	switch op {
	case sqlite3.SQLITE_SELECT, sqlite3.SQLITE_READ, sqlite3.SQLITE_FUNCTION, authRecursive:
		return sqlite3.SQLITE_OK
	case sqlite3.SQLITE_PRAGMA:
		name := strings.ToLower(arg1)
		if readPragmas[name] || (arg2 == "" && queryPragmas[name]) {
			return sqlite3.SQLITE_OK
		}
	}
	return sqlite3.SQLITE_DENY
}

// DB is a baocao database. A DB opened with Open is the single writer of
// its file; any number of DBs opened with OpenReadOnly may read it at the
// same time. Methods are safe for concurrent use.
type DB struct {
	db       *sql.DB
	path     string
	readOnly bool
	limits   limitState
	lock     *writerLock // held by the writer until Close
}

// uri returns the SQLite URI of a file path with the given query.
func uri(p, query string) string {
	r := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23")
	return "file:" + r.Replace(p) + "?" + query
}

// Open opens the database at path for reading and writing, creating it if
// needed, applies the embedded migrations not yet applied, reloads the
// metric catalog (cat, the catalog of the rules that fill the database)
// and the provinces, and (re)creates the views derived from the catalog
// (province_year, unit2025_year) when their definition changed. Journal mode is WAL, synchronous NORMAL, busy timeout
// 5 s, and foreign keys are on.
//
// Open is for the single writer of a database: it takes an advisory
// lock (flock on the file) that it holds until Close, and fails at once
// with an error wrapping ErrLocked while another process holds it.
// [OpenWait] waits for it instead. Readers ([OpenReadOnly]) take no such
// lock.
func Open(ctx context.Context, path string, cat []report.Metric) (*DB, error) {
	lock, err := lockWriter(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	sdb, err := sql.Open(driverRW, uri(path, "mode=rwc&_txlock=immediate"))
	if err != nil {
		lock.unlock()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	// One connection: the writer is single, and a pool would only add
	// lock contention with itself.
	sdb.SetMaxOpenConns(1)
	d := &DB{db: sdb, path: path, lock: lock}
	if err := d.init(ctx, cat); err != nil {
		sdb.Close()
		lock.unlock()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return d, nil
}

// OpenWait is Open, but while another process writes the database it
// waits for it to finish, calling waiting once with the error that
// says who writes, until ctx is done.
func OpenWait(ctx context.Context, path string, cat []report.Metric, waiting func(error)) (*DB, error) {
	for told := false; ; told = true {
		d, err := Open(ctx, path, cat)
		if !errors.Is(err, ErrLocked) {
			return d, err
		}
		if !told && waiting != nil {
			waiting(err)
		}
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("%s: %w", path, ctx.Err())
		case <-time.After(200 * time.Millisecond):
		}
	}
}

func (d *DB) init(ctx context.Context, cat []report.Metric) error {
	var mode string
	if err := d.db.QueryRowContext(ctx, "PRAGMA journal_mode = WAL").Scan(&mode); err != nil {
		return err
	}
	if _, err := d.migrate(ctx); err != nil {
		return err
	}
	if err := d.refreshReference(ctx, cat); err != nil {
		return err
	}
	if err := d.ensureViews(ctx, cat); err != nil {
		return err
	}
	return d.groupCopies(ctx)
}

// OpenReadOnly opens an existing database so that no statement can change
// it: the file is opened with mode=ro, PRAGMA query_only is on, ATTACH is
// disabled and an authorizer denies everything but reads. It fails with
// ErrNoDatabase when the file does not exist and with ErrSchemaTooOld
// when migrations are missing.
func OpenReadOnly(ctx context.Context, path string) (*DB, error) {
	st, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s: %w", path, ErrNoDatabase)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if st.IsDir() {
		return nil, fmt.Errorf("%s: is a directory, not a database", path)
	}
	sdb, err := sql.Open(driverRO, uri(path, "mode=ro"))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	sdb.SetMaxOpenConns(4)
	d := &DB{db: sdb, path: path, readOnly: true}
	if err := d.checkSchema(ctx); err != nil {
		sdb.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if err := d.SetLimits(ctx, DefaultLimits); err != nil {
		sdb.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return d, nil
}

// Close closes the database. A DB opened with Open leaves the file in
// rollback-journal mode (it works in WAL mode while open), so that a
// reader opened later with OpenReadOnly needs no -wal and -shm files and
// creates none; when readers still have the file open, it stays in WAL
// mode.
func (d *DB) Close() error {
	defer d.lock.unlock()
	if !d.readOnly {
		var mode string
		_ = d.db.QueryRow("PRAGMA journal_mode = DELETE").Scan(&mode)
	}
	if err := d.db.Close(); err != nil {
		return fmt.Errorf("%s: %w", d.path, err)
	}
	return nil
}

// Path returns the file name the database was opened with.
func (d *DB) Path() string { return d.path }

// migration is one embedded schema migration.
type migration struct {
	version int
	name    string
	sql     string
}

// migrations returns the embedded migrations in order.
func migrations() ([]migration, error) {
	ents, err := fs.ReadDir(migrationFS, "migrations")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, e := range ents {
		n := e.Name()
		num, rest, ok := strings.Cut(n, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || !strings.HasSuffix(n, ".sql") {
			return nil, fmt.Errorf("migration %s: name is not NNNN_name.sql", n)
		}
		b, err := migrationFS.ReadFile(path.Join("migrations", n))
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: v, name: strings.TrimSuffix(rest, ".sql"), sql: string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	for i := 1; i < len(ms); i++ {
		if ms[i].version == ms[i-1].version {
			return nil, fmt.Errorf("migrations %s and %s share version %d", ms[i-1].name, ms[i].name, ms[i].version)
		}
	}
	return ms, nil
}

// migrate applies the migrations not yet recorded in schema_migrations,
// each in its own transaction, and returns how many it applied.
func (d *DB) migrate(ctx context.Context) (int, error) {
	ms, err := migrations()
	if err != nil {
		return 0, err
	}
	if _, err := d.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
	version    INTEGER PRIMARY KEY,
	name       TEXT NOT NULL,
	applied_at TEXT NOT NULL
)`); err != nil {
		return 0, err
	}
	applied := 0
	for _, m := range ms {
		if err := ctx.Err(); err != nil {
			return applied, err
		}
		err := d.tx(ctx, func(tx *sql.Tx) error {
			var n int
			if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM schema_migrations WHERE version = ?", m.version).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				return nil
			}
			if _, err := tx.ExecContext(ctx, m.sql); err != nil {
				return fmt.Errorf("migration %04d_%s: %w", m.version, m.name, err)
			}
			if _, err := tx.ExecContext(ctx, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
				m.version, m.name, now()); err != nil {
				return err
			}
			applied++
			return nil
		})
		if err != nil {
			return applied, err
		}
	}
	return applied, nil
}

// checkSchema makes sure every embedded migration is applied.
func (d *DB) checkSchema(ctx context.Context) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	var v sql.NullInt64
	err = d.db.QueryRowContext(ctx, "SELECT max(version) FROM schema_migrations").Scan(&v)
	if err != nil {
		if strings.Contains(err.Error(), "no such table") {
			return fmt.Errorf("not a baocao database (no schema_migrations table): %w", ErrSchemaTooOld)
		}
		return err
	}
	if want := ms[len(ms)-1].version; !v.Valid || int(v.Int64) < want {
		return fmt.Errorf("schema version %d, want %d: %w", v.Int64, want, ErrSchemaTooOld)
	}
	return nil
}

// tx runs fn in a transaction, committing if it returns nil.
func (d *DB) tx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// refreshReference reloads metric_catalog, provinces and
// province_merger_2025 in one transaction.
func (d *DB) refreshReference(ctx context.Context, cat []report.Metric) error {
	return d.tx(ctx, func(tx *sql.Tx) error {
		for _, t := range []string{"metric_catalog", "provinces", "province_merger_2025"} {
			if _, err := tx.ExecContext(ctx, "DELETE FROM "+t); err != nil {
				return err
			}
		}
		for _, m := range cat {
			if _, err := tx.ExecContext(ctx, "INSERT INTO metric_catalog (code, unit, label_vi, meaning) VALUES (?, ?, ?, ?)",
				m.Code, m.Unit, m.Label, m.Meaning); err != nil {
				return fmt.Errorf("metric_catalog %s: %w", m.Code, err)
			}
		}
		provs, merger := provinceData()
		for _, p := range provs {
			if _, err := tx.ExecContext(ctx, "INSERT INTO provinces (era, code, name, full_name, valid_from, valid_to) VALUES (?, ?, ?, ?, ?, ?)",
				p.era, p.code, p.name, p.fullName, nullString(p.validFrom), nullString(p.validTo)); err != nil {
				return fmt.Errorf("provinces %s %s: %w", p.era, p.code, err)
			}
		}
		olds := make([]string, 0, len(merger))
		for o := range merger {
			olds = append(olds, o)
		}
		sort.Strings(olds)
		for _, o := range olds {
			if _, err := tx.ExecContext(ctx, "INSERT INTO province_merger_2025 (old_code, new_code) VALUES (?, ?)", o, merger[o]); err != nil {
				return fmt.Errorf("province_merger_2025 %s: %w", o, err)
			}
		}
		return nil
	})
}

// Catalog returns the metric catalog stored in the database by the last
// read-write Open, in code order.
func (d *DB) Catalog(ctx context.Context) ([]report.Metric, error) {
	rows, err := d.db.QueryContext(ctx, "SELECT code, unit, label_vi, meaning FROM metric_catalog ORDER BY code")
	if err != nil {
		return nil, fmt.Errorf("%s: metric_catalog: %w", d.path, err)
	}
	defer rows.Close()
	var out []report.Metric
	for rows.Next() {
		var m report.Metric
		if err := rows.Scan(&m.Code, &m.Unit, &m.Label, &m.Meaning); err != nil {
			return nil, fmt.Errorf("%s: metric_catalog: %w", d.path, err)
		}
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("%s: metric_catalog: %w", d.path, err)
	}
	return out, nil
}

// now returns the current time as RFC 3339 UTC with nanoseconds, so that
// ingest times order documents saved within the same second.
func now() string {
	return time.Now().UTC().Format("2006-01-02T15:04:05.000000000Z")
}

// nullString maps "" to NULL.
func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}
