package rules

import (
	"strings"
	"testing"
)

// TestExpandMacros checks macro expansion: a vocabulary macro may use
// another, only the first number macro keeps its group names, and a
// Unicode class is no macro.
func TestExpandMacros(t *testing.T) {
	m := built().macros
	m["{TESTNESTED}"] = `hồ sơ {L4}`
	defer delete(m, "{TESTNESTED}")
	if got := expandMacros(`{TESTNESTED}`); got != "hồ sơ "+m["{L4}"] {
		t.Errorf("nested macro expanded to %q", got)
	}
	got := expandMacros(`{N}\s*và\s*{N}`)
	if strings.Count(got, "?P<n>") != 1 {
		t.Errorf("%q: want one named figure", got)
	}
	if got := expandMacros(`[\p{L} ]+`); got != `[\p{L} ]+` {
		t.Errorf("a Unicode class was expanded: %q", got)
	}
	if got := lowerPattern(`Cổng (?P<n>\d+)\p{Lu}\S`); got != `cổng (?P<n>\d+)\p{Lu}\S` {
		t.Errorf("lowerPattern = %q", got)
	}
}
