package normalize

// STUB: the normalize helper replaces this file with the real implementation.

// Qualifier says how a figure relates to the true value.
type Qualifier string

// The qualifiers of the JSON contract.
const (
	Exact  Qualifier = ""       // no qualifier
	Approx Qualifier = "approx" // khoảng, gần, xấp xỉ, ước, …
	Over   Qualifier = "over"   // hơn, trên, vượt, …
	Under  Qualifier = "under"  // dưới, chưa đến, không quá, …
)

// NumberKind classifies a numeric expression.
type NumberKind int

// The kinds of numeric expression found by ScanNumbers.
const (
	Count     NumberKind = iota // a plain quantity: 1.058, 04, 2.215,6
	Percent                     // 46,14%; Value is 46.14
	Money                       // 29.473,482 triệu đồng; Value in whole đồng
	Ratio                       // 153/191; Num and Den set, Value = 100*Num/Den
	Date                        // 13/12/2021, tháng 9/2021, ngày 05 tháng 8 năm 2021
	Year                        // 2021, năm 2022, 2021-2025
	DocNumber                   // 2134/QĐ-UBND, 85/2016/NĐ-CP, 04-NQ/TU
)

// Number is one numeric expression found in a string.
type Number struct {
	Kind      NumberKind
	Value     float64
	Decimals  int // decimals shown in the source ("46,14" → 2)
	Unit      string
	Qualifier Qualifier
	Num, Den  float64 // for Ratio
	// Start and End are byte offsets of the whole expression in the
	// scanned string, qualifier and unit included; NumStart and NumEnd
	// those of the digits of the value alone.
	Start, End       int
	NumStart, NumEnd int
	Text             string
}

// ParseNumber parses one Vietnamese number token ("1.058", "29.473,482",
// "96.1", "04", "2.130.119") and reports the decimals shown.
func ParseNumber(s string) (v float64, decimals int, ok bool) { return 0, 0, false }

// ScanNumbers finds every numeric expression in s, in order.
func ScanNumbers(s string) []Number { return nil }

// QualifierBefore reports the qualifier that ends s ("có hơn " → Over).
func QualifierBefore(s string) Qualifier { return Exact }
