package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
)

// ErrNoOriginal is returned by Original when the file's bytes are not
// stored (ingested with --no-originals, or before originals were kept).
var ErrNoOriginal = errors.New("original file not stored")

// saveOriginal stores data as the original of the content sha, once.
func (s *saver) saveOriginal(sha string, data []byte) error {
	if sum := sha256.Sum256(data); hex.EncodeToString(sum[:]) != sha {
		return fmt.Errorf("original: bytes do not have SHA-256 %s (the file changed while it was read)", sha)
	}
	_, err := s.exec(`INSERT INTO originals (sha256, size, data, stored_at) VALUES (?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING`,
		sha, len(data), data, now())
	return err
}

// Original returns the bytes of the file whose content has the given hex
// SHA-256, or ErrNoOriginal.
func (d *DB) Original(ctx context.Context, sha string) ([]byte, error) {
	var data []byte
	err := d.db.QueryRowContext(ctx, "SELECT data FROM originals WHERE sha256 = ?", sha).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("%s: %s: %w", d.path, sha, ErrNoOriginal)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: original %s: %w", d.path, sha, err)
	}
	return data, nil
}
