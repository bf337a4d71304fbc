package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// TestEmptyLists checks that every list of the contract is written as
// [] when empty, never null, and that text keeps <, > and &.
func TestEmptyLists(t *testing.T) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf) // as extract --json writes it
	enc.SetEscapeHTML(false)
	if err := enc.Encode(Report{File: "a & b <1>.txt", Flags: []Flag{{Check: "sum"}}}); err != nil {
		t.Fatal(err)
	}
	b := buf.Bytes()
	s := string(b)
	for _, want := range []string{`"metrics":[]`, `"budget_items":[]`, `"flags":[{`, `"evidence":[]`, `"warnings":[]`, `"file":"a & b <1>.txt"`} {
		if !strings.Contains(s, want) {
			t.Errorf("%s lacks %s", s, want)
		}
	}
	if strings.Contains(s, "null") {
		t.Errorf("null in %s", s)
	}
	var back Report
	if err := json.Unmarshal(b, &back); err != nil || back.File != "a & b <1>.txt" {
		t.Errorf("round trip: %v %+v", err, back)
	}
}
