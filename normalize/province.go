package normalize

// STUB: the normalize helper replaces this file with the real implementation.

// Province is a province-level unit: GSO code and canonical name.
type Province struct {
	Code string
	Name string
}

// FindProvince identifies the province a report is about from its text,
// as the unit existed in the given year (0: unknown year).
func FindProvince(text string, year int) (Province, bool) { return Province{}, false }

// ReportYear returns the year a report is about (the period reported
// on, not the date of issue), or 0.
func ReportYear(text string) int { return 0 }

// Fold returns s in a form for matching: NFC, lower case, one tone
// placement (hoà = hòa), Đăk = Đắk and the like.
func Fold(s string) string { return s }
