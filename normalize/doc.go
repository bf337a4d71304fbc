// Package normalize turns an extracted document into clean, searchable
// text: Unicode NFC, broken lines and hyphenation repaired, footnote
// markers separated from numbers, legacy 8-bit Vietnamese encodings
// (TCVN3, VNI, Windows-1258) converted, and the report's province and
// year identified. It also parses Vietnamese numbers: value, unit and
// qualifier.
package normalize
