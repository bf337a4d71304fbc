package ocr

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
)

// NoCache as Options.CacheDir turns the OCR cache off.
const NoCache = "-"

// cacheKey is the cache key of an image OCR'd with lang by tesseract
// version in page segmentation mode mode: sha256 over the image bytes,
// the language, the version and the mode, hex-encoded.
func cacheKey(img []byte, lang, version, mode string) string {
	h := sha256.New()
	h.Write(img)
	fmt.Fprintf(h, "\x00lang=%s\x00tesseract=%s\x00psm=%s\x00", lang, version, mode)
	return hex.EncodeToString(h.Sum(nil))
}

// cachePath is where the TSV for key lives under dir.
func cachePath(dir, key string) string {
	return filepath.Join(dir, key[:2], key+".tsv")
}

// cacheGet returns the cached TSV for key, if any.
func cacheGet(dir, key string) ([]byte, bool) {
	if dir == "" {
		return nil, false
	}
	b, err := os.ReadFile(cachePath(dir, key))
	if err != nil {
		return nil, false
	}
	return b, true
}

// cachePut stores tsv under key, atomically: it is written to a temporary
// file in the same folder and renamed into place, so a reader never sees
// a partial entry.
func cachePut(dir, key string, tsv []byte) error {
	if dir == "" {
		return nil
	}
	name := cachePath(dir, key)
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return fmt.Errorf("ocr cache: %w", err)
	}
	f, err := os.CreateTemp(filepath.Dir(name), ".tmp-*")
	if err != nil {
		return fmt.Errorf("ocr cache: %w", err)
	}
	_, werr := f.Write(tsv)
	cerr := f.Close()
	if werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Rename(f.Name(), name)
	}
	if werr != nil {
		os.Remove(f.Name())
		return fmt.Errorf("ocr cache: %w", werr)
	}
	return nil
}
