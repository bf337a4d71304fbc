// Package report is the contract between the extraction rules and
// everything that reads their results: the JSON printed by
// `baocao extract --json`, the rows package store writes, and the metric
// catalog entry that labels them.
//
// # Model
//
// A [Report] is everything extracted from one file: its province and
// year, one [Figure] per metric of the catalog that the file states,
// the rows of its budget tables ([BudgetItem]) and the inconsistencies
// found in it ([Flag]). Every figure and flag carries its evidence: the
// sentence or table cell it was read from, the page and line of the
// number itself, and, where the reader knows positions (PDF text layers
// and OCR), the box of the number on the page.
//
// Values are typed ([Value]): numbers are float64 (percentages are plain
// numbers, 46.14 for 46,14 %; money is whole đồng), a metric of unit
// "status" (the state of the SOC) is a string and one of unit "bool" a
// boolean.
//
// The field names are fixed: other tools read this JSON and the
// database columns carry the same names. Adding a field is safe;
// renaming one breaks readers.
//
// Package report holds data types only. It knows nothing of how figures
// are found (package rules) or stored (package store), so that both can
// import it without importing each other.
package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/baocao/baocao/extract"
)

// Kind is the type of a metric's value.
type Kind int

// The kinds of value.
const (
	Number Kind = iota // counts, percentages and money, as float64
	String             // a status: unit "status"
	Bool               // yes or no: unit "bool"
)

// Value is a figure's value: a number, a status string or a boolean.
type Value struct {
	Kind Kind
	Num  float64
	Str  string
	Bool bool
}

// Num returns a number value.
func Num(v float64) Value { return Value{Kind: Number, Num: v} }

// Str returns a string value.
func Str(s string) Value { return Value{Kind: String, Str: s} }

// BoolValue returns a boolean value.
func BoolValue(b bool) Value { return Value{Kind: Bool, Bool: b} }

// MarshalJSON writes the value as a JSON number, string or boolean.
func (v Value) MarshalJSON() ([]byte, error) {
	switch v.Kind {
	case String:
		return json.Marshal(v.Str)
	case Bool:
		return json.Marshal(v.Bool)
	default:
		return []byte(strconv.FormatFloat(v.Num, 'f', -1, 64)), nil
	}
}

// UnmarshalJSON reads a JSON number, string or boolean.
func (v *Value) UnmarshalJSON(b []byte) error {
	var x any
	if err := json.Unmarshal(b, &x); err != nil {
		return err
	}
	switch t := x.(type) {
	case float64:
		*v = Num(t)
	case string:
		*v = Str(t)
	case bool:
		*v = BoolValue(t)
	default:
		return fmt.Errorf("report: value %s is not a number, string or boolean", b)
	}
	return nil
}

// String formats the value for people.
func (v Value) String() string {
	switch v.Kind {
	case String:
		return v.Str
	case Bool:
		return strconv.FormatBool(v.Bool)
	default:
		return strconv.FormatFloat(v.Num, 'f', -1, 64)
	}
}

// SQL returns the value as stored in SQLite's dynamically typed value
// column: float64, string, or 1/0 for booleans.
func (v Value) SQL() any {
	switch v.Kind {
	case String:
		return v.Str
	case Bool:
		if v.Bool {
			return int64(1)
		}
		return int64(0)
	default:
		return v.Num
	}
}

// Figure is one metric value found in a report, with its evidence.
type Figure struct {
	Metric    string `json:"metric"`
	Value     Value  `json:"value"`
	Unit      string `json:"unit"`
	Qualifier string `json:"qualifier"`
	// Text is the evidence: the sentence or table cell the value was
	// read from, as normalized text.
	Text string `json:"text"`
	// Page and Line locate the number itself (not the start of its
	// sentence): see the JSON contract (docs/json.md) for what they mean in
	// each format.
	Page int `json:"page"`
	Line int `json:"line"`
	// Box is the number's box on the page, in PDF points from the
	// page's top-left corner, where the reader knows positions; nil
	// otherwise.
	Box *extract.Box `json:"box,omitempty"`
	// Table, Row and Col locate a figure read from a table cell
	// (1-based); 0 for a figure read from running text.
	Table int `json:"table,omitempty"`
	Row   int `json:"row,omitempty"`
	Col   int `json:"col,omitempty"`
	// Rule is the id of the rule that produced the figure.
	Rule string `json:"rule"`
	// Source is where the figure was found: "text", "table",
	// "footnote", or "ocr" for text recognised from a page image.
	Source string `json:"source"`
	// Confidence is the OCR confidence (0–100) of the figure's words;
	// 0 when the text came from a text layer.
	Confidence float64 `json:"confidence,omitempty"`
	// Alternatives are other values the rules found for the metric and
	// did not choose, best first (at most three): what a reader checks
	// when the choice was a close call.
	Alternatives []Alternative `json:"alternatives,omitempty"`
	// Scope names the unit a sub-unit figure belongs to ("cấp xã",
	// "Trung tâm Phục vụ hành chính công", "các sở, ngành", "Bộ Công
	// Thương"); empty for a figure of the province (Report.SubUnits).
	Scope string `json:"scope,omitempty"`
}

// Alternative is a value the rules found for a metric and did not
// choose.
type Alternative struct {
	Value     Value  `json:"value"`
	Qualifier string `json:"qualifier"`
	Rule      string `json:"rule"`
	Page      int    `json:"page"`
	Line      int    `json:"line"`
	// Text is the evidence, empty when it is the chosen figure's.
	Text string `json:"text,omitempty"`
}

// BudgetItem is one row of a report's budget table.
type BudgetItem struct {
	No        int     `json:"no"`
	Name      string  `json:"name"`
	Owner     string  `json:"owner"`
	AmountVND float64 `json:"amount_vnd"`
	Source    string  `json:"source"`
	Status    string  `json:"status"`
	Text      string  `json:"text"`
	Page      int     `json:"page"`
	Line      int     `json:"line"`
}

// Evidence is one figure involved in a flag.
type Evidence struct {
	Metric string  `json:"metric,omitempty"`
	Value  float64 `json:"value"`
	Text   string  `json:"text"`
	Page   int     `json:"page"`
	Line   int     `json:"line"`
	// Box is the number's box on the page where it is known.
	Box *extract.Box `json:"box,omitempty"`
}

// Severity grades a flag.
type Severity string

// The severities of a flag.
const (
	Error   Severity = "error"   // sums and differences that fail
	Warning Severity = "warning" // rates off by more than rounding allows
	Info    Severity = "info"    // what cannot be decided
)

// Flag is an inconsistency found in a report.
type Flag struct {
	// Check is the kind of check: "sum", "difference", "ratio",
	// "part_le_whole", "duplicate", "table_total", "shares".
	Check string `json:"check"`
	// ID is the id of the declarative check or claim rule that raised
	// the flag.
	ID       string     `json:"id"`
	Severity Severity   `json:"severity"`
	Metric   string     `json:"metric"`
	Stated   float64    `json:"stated"`
	Computed float64    `json:"computed"`
	Message  string     `json:"message"`
	Evidence []Evidence `json:"evidence"`
}

// Province is a province as named in the JSON contract.
type Province struct {
	Code string `json:"code"`
	Name string `json:"name"`
	// Era is the map the code belongs to: "63" (the provinces until
	// 2025-06-30) or "34" (the units from 2025-07-01); Source is where
	// the province was read from: "text", "path" (the file's name or
	// folder) or "option" (baocao --province). Both are empty when the
	// province is unknown.
	Era    string `json:"era,omitempty"`
	Source string `json:"source,omitempty"`
}

// Period is the period a report is about.
type Period struct {
	// Kind is "year", "half", "quarter", "nine_months", "month",
	// "range" or "multi_year".
	Kind string `json:"kind"`
	// Start and End are its first and last day (YYYY-MM-DD); End is
	// empty when the text gives no end ("những tháng đầu năm 2025").
	Start string `json:"start,omitempty"`
	End   string `json:"end,omitempty"`
	// Text is the words it was read from; empty when the text states no
	// period and the whole year is assumed.
	Text string `json:"text"`
}

// Report is everything extracted from one file: the JSON contract of
// `baocao extract --json`.
type Report struct {
	File     string   `json:"file"`
	SHA256   string   `json:"sha256"`
	Format   string   `json:"format"`
	Province Province `json:"province"`
	Year     int      `json:"year"`
	// Period is the period reported on, beside its year; nil when the
	// year is unknown.
	Period      *Period      `json:"period,omitempty"`
	Metrics     []Figure     `json:"metrics"`
	BudgetItems []BudgetItem `json:"budget_items"`
	Flags       []Flag       `json:"flags"`
	Warnings    []string     `json:"warnings"`
	// Pages is the page count (PDF), DocDate the date the report was
	// issued where it could be read (YYYY-MM-DD), DocNumber its document
	// number ("1873/BC-STTTT"), Correction whether it declares that it
	// corrects an earlier report, OCRPages the pages read by OCR and
	// OCRConf the mean confidence (0–100) of their words. They are not
	// part of the scored contract.
	Pages      int     `json:"pages,omitempty"`
	DocDate    string  `json:"doc_date,omitempty"`
	DocNumber  string  `json:"doc_number,omitempty"`
	Correction bool    `json:"correction,omitempty"`
	OCRPages   []int   `json:"ocr_pages,omitempty"`
	OCRConf    float64 `json:"ocr_confidence,omitempty"`

	// SubUnits are figures of a metric that belong to a part of the
	// province (one level of government, a district, a department, the
	// public-service centre, a group of agencies) or to another unit (the
	// nation, a ministry, another province, the national portal), with
	// their Scope: never the province's value, and not scored.
	SubUnits []Figure `json:"sub_unit_figures,omitempty"`
}

// Metric describes one metric of the catalog.
type Metric struct {
	// Code is the metric's code, such as "edoc.total": its family, a
	// dot and its name.
	Code string `json:"code"`
	// Unit is "count", "percent", "vnd", "status" or "bool".
	Unit string `json:"unit"`
	// Label is the Vietnamese label analysts see.
	Label string `json:"label_vi"`
	// Meaning explains the metric in English.
	Meaning string `json:"meaning"`
	// Wording gives typical wording in reports.
	Wording string `json:"wording"`
	// Key places a key figure in the province table (the views
	// province_year and unit2025_year): the metric's column is the Key-th
	// of the metric columns. 0 for a metric that is not a key figure.
	Key int `json:"key,omitempty"`
	// Rate says how to recompute a rate from the figures it is a ratio
	// of, when figures of several reports are summed (unit2025_year); nil
	// for a metric that is no such rate. It is derived from the rules'
	// ratio checks.
	Rate *Rate `json:"rate,omitempty"`
}

// Rate is a percentage computed as 100 × (sum of Num) / Den, from other
// metrics of the catalog.
type Rate struct {
	Num []string `json:"num"`
	Den string   `json:"den"`
}

// MarshalJSON writes the report with every list as a JSON array: a
// report without figures has "metrics": [], never null.
func (r Report) MarshalJSON() ([]byte, error) {
	type plain Report // without this method
	p := plain(r)
	p.Metrics = nonNil(p.Metrics)
	p.BudgetItems = nonNil(p.BudgetItems)
	p.Flags = nonNil(p.Flags)
	p.Warnings = nonNil(p.Warnings)
	return marshalNoEscape(p)
}

// MarshalJSON writes the flag with "evidence": [] when it has none.
func (f Flag) MarshalJSON() ([]byte, error) {
	type plain Flag
	p := plain(f)
	p.Evidence = nonNil(p.Evidence)
	return marshalNoEscape(p)
}

// nonNil returns s, or an empty slice for nil.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// marshalNoEscape marshals v leaving <, > and & as they are, as the
// encoders of the contract's writers do (the evidence is text, not
// HTML).
func marshalNoEscape(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}
