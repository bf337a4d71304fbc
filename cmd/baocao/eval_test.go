package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEvalHideBlind scores two reports, one of them held out: with
// --hide-blind the held-out one appears only in the blind aggregate,
// never by name, miss or false flag, and the total still counts it.
func TestEvalHideBlind(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("open-2022.txt", "Báo cáo năm 2022 của tỉnh Kon Tum.\n\nHệ thống đã tiếp nhận 12.345 hồ sơ.\n")
	write("open-2022.json", `{"province": "Kon Tum", "province_code": "62", "year": 2022,
		"metrics": [{"metric": "records.total", "value": 12345, "evidence": "tiếp nhận 12.345 hồ sơ"}],
		"budget_items": [], "flags": [], "optional_flags": [], "must_not_flag": []}`)
	write("secret-2022.txt", "Báo cáo năm 2022 của tỉnh Kon Tum.\n\nHệ thống đã tiếp nhận 777 hồ sơ.\n")
	write("secret-2022.json", `{"province": "Kon Tum", "province_code": "62", "year": 2022, "blind": true,
		"metrics": [{"metric": "records.total", "value": 999, "evidence": "tiếp nhận 999 hồ sơ"}],
		"budget_items": [], "flags": [], "optional_flags": [], "must_not_flag": []}`)
	files := []string{filepath.Join(dir, "open-2022.txt"), filepath.Join(dir, "secret-2022.txt")}

	code, out, stderr := baocao(t, append([]string{"eval", "--in-process", "--hide-blind"}, files...)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if strings.Contains(out, "secret") || strings.Contains(out, "777") || strings.Contains(out, "999") {
		t.Errorf("--hide-blind shows the blind document's detail:\n%s", out)
	}
	for _, want := range []string{"open-2022.txt", "BLIND (1 documents)", "TOTAL"} {
		if !strings.Contains(out, want) {
			t.Errorf("--hide-blind output lacks %q:\n%s", want, out)
		}
	}
	code, out, _ = baocao(t, append([]string{"eval", "--in-process", "--hide-blind", "--json"}, files...)...)
	if code != 0 || strings.Contains(out, "secret") || !strings.Contains(out, `"blind": {`) {
		t.Errorf("--hide-blind --json: exit %d\n%s", code, out)
	}
	code, out, _ = baocao(t, append([]string{"eval", "--in-process"}, files...)...)
	if code != 0 || !strings.Contains(out, "secret-2022.txt") || strings.Contains(out, "BLIND") {
		t.Errorf("without --hide-blind every document has its row: exit %d\n%s", code, out)
	}
}
