package normalize

import (
	"strings"
	"testing"
	"unicode"
)

// TestListFirst checks that listFirst holds every rune a match of
// listStart can start with.
func TestListFirst(t *testing.T) {
	for r := rune(0); r < 0x3000; r++ {
		for _, suffix := range []string{" x", "\t", ") x", ". x", ".1 x", "1. x", "ều 5", "II. x"} {
			if listStart.MatchString(string(r)+suffix) && !strings.ContainsRune(listFirst, r) {
				t.Errorf("listStart matches %q, whose first rune is not in listFirst", string(r)+suffix)
			}
		}
	}
}

// TestIsUpperLine checks isUpperLine, which stops early on a long line
// that cannot be a title, against a full count.
func TestIsUpperLine(t *testing.T) {
	full := func(s string) bool {
		letters, upper := 0, 0
		for _, r := range s {
			if unicode.IsLetter(r) {
				letters++
				if unicode.IsUpper(r) {
					upper++
				}
			}
		}
		return letters >= 4 && upper*10 >= letters*8
	}
	words := []string{"BÁO CÁO", "KẾT QUẢ", "tỉnh", "Đắk Lắk", "năm 2021", "CHÍNH QUYỀN SỐ", "a", "ĐỊA PHƯƠNG", "123", "–", "thủ tục hành chính"}
	var b strings.Builder
	for i := range 4000 {
		b.WriteString(words[(i*7+i/3)%len(words)])
		b.WriteByte(' ')
		s := b.String()
		if got, want := isUpperLine(s), full(s); got != want {
			t.Fatalf("isUpperLine(%q) = %v, want %v", s, got, want)
		}
		if i%50 == 49 {
			b.Reset()
		}
	}
	for _, s := range []string{"", "ABCD", "ABCd", "ABCDe", "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZ", strings.Repeat("a", 40) + strings.Repeat("B", 400)} {
		if got, want := isUpperLine(s), full(s); got != want {
			t.Errorf("isUpperLine(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestLower checks Lower against strings.ToLower.
func TestLower(t *testing.T) {
	for _, s := range []string{"", "abc", "ĐẮK LẮK Thủ Tục", "Ẩ Ỹ Ơ Ư Đ ÀÁẢÃẠ", "x\xffY", "İstanbul KELVIN \u212a", "ϴ Σ ǅ", "é\u0301", "\U0001F600 Ω"} {
		if got, want := Lower(s), strings.ToLower(s); got != want {
			t.Errorf("Lower(%q) = %q, want %q", s, got, want)
		}
	}
}

// FuzzLower checks Lower against strings.ToLower on any input.
func FuzzLower(f *testing.F) {
	f.Add("Tỉnh ĐẮK LẮK")
	f.Add("\xc3")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Lower(s), strings.ToLower(s); got != want {
			t.Errorf("Lower(%q) = %q, want %q", s, got, want)
		}
	})
}

// TestUpperCounter checks the counted capitals of a growing paragraph
// against isUpperLine of its whole text.
func TestUpperCounter(t *testing.T) {
	var c upperCounter
	texts := []string{"BÁO CÁO", "BÁO CÁO KẾT QUẢ", "BÁO CÁO KẾT QUẢ thực hiện", "Khác hẳn", "Khác hẳn TỪ ĐẦU ĐẾN CUỐI NĂM 2021 VÀ", "  ĐẮK LẮK  ", "  ĐẮK LẮK  ab", "x"}
	for _, s := range texts {
		if got, want := c.isUpper(s), isUpperLine(strings.TrimSpace(s)); got != want {
			t.Errorf("isUpper(%q) = %v, isUpperLine says %v", s, got, want)
		}
	}
}
