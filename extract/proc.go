package extract

import (
	"os"
	"strconv"
	"strings"
)

// ResidentBytes returns the resident set size of process pid, and false
// where it cannot be read (no such process, or a system without /proc).
// The limits of [ReadIsolated], [Pool] and the OCR tools are measured
// with it.
func ResidentBytes(pid int) (int64, bool) {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/statm")
	if err != nil {
		return 0, false
	}
	f := strings.Fields(string(b))
	if len(f) < 2 {
		return 0, false
	}
	pages, err := strconv.ParseInt(f[1], 10, 64)
	if err != nil {
		return 0, false
	}
	return pages * int64(os.Getpagesize()), true
}
