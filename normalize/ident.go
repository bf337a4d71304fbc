package normalize

import (
	"fmt"
	"strings"
	"time"
)

// Hints is what a caller knows of a report besides its text.
type Hints struct {
	// Path is the path of the file the report was read from, as the
	// user gave it. Its file and folder names are read for a province
	// ([ProvinceFromPath]) and a year ([YearFromPath]) when the text
	// does not state them. Empty: the document's own path.
	Path string
	// Province is the province the user gave for reports whose text
	// does not name theirs (baocao --province): a code or a name as
	// [LookupProvince] reads it. An unknown name is ignored: check it
	// with LookupProvince first.
	Province string
}

// Where a report's province was read from.
const (
	FromText   = "text"   // the report's own words
	FromPath   = "path"   // its file or folder name
	FromOption = "option" // the user's --province
)

// Identity is what a report is about: its province, the map that
// province belongs to, the year and the period it reports on, and the
// date it was issued or published.
type Identity struct {
	Province Province
	// Era is Era63 or Era34: the map Province.Code belongs to; "" when
	// the province is unknown.
	Era string
	// ProvinceSource is FromText, FromPath or FromOption; "" when the
	// province is unknown.
	ProvinceSource string
	Year           int
	// Period is the period reported on; zero when the year is unknown.
	Period Period
	// Date is the date the report was issued (its header) or published
	// (a news page's dateline); zero when unknown.
	Date time.Time
	// Warnings say where the text, the path and the user disagree, and
	// where an old province is named in a report on a period after the
	// merger.
	Warnings []string
}

// mergerDay is the day the 34 units replaced the 63 provinces.
var mergerDay = day(2025, 7, 1)

// Identify reads what a report is about from its text (its opening: the
// first pages are enough) and what the caller knows of it.
//
// The year and the period come first:
//   - the year is the one [ReportYear] finds; when the text states it
//     only outside its title and lead (in a comparison, a history, a
//     passing mention) or not at all, the year of the file's path wins
//     ([YearFromPath]); dates cited in the text are the last resort. A
//     path that contradicts a year stated in the title or the lead is a
//     warning;
//   - the period is the first one stated in the title, else in the lead,
//     for that year: "quý I/2023", "6 tháng đầu năm 2024", "9 tháng năm
//     2020", "tháng 01/2025", "tháng 8.2021", "từ 01/7 đến 30/11/2025",
//     "giai đoạn 2016–2020", "năm 2023"; a date range right after a
//     quarter or a half gives its exact days ("quý I năm 2023 (tính từ
//     ngày 15/12/2022 đến 14/3/2023)"). Targets, comparisons and cut-off
//     dates ("tính đến tháng 9/2021") are not periods. When the opening
//     states none, the period is the whole year.
//
// The map follows the period: a period that ends on or after 2025-07-01
// belongs to the 34 units, an earlier one to the 63 provinces. A whole
// year 2025 is a report of one of the 34 units unless the report was
// issued before 2025-07-01.
//
// The province comes from three places, in this order:
//  1. the text, when it names one province unambiguously as its own
//     (see provinceFromText: the issuing body, "tỉnh X" in the title or
//     the first lines, "trên địa bàn tỉnh X", repeated mentions, and
//     twice the score of any other);
//  2. the user's --province (Hints.Province): the user knows the folder
//     they ingest, so it wins over the path and over a text that names
//     its province only in passing;
//  3. the file's path (Hints.Path: folder or file name);
//  4. else the text's best guess, if any.
//
// A path or a --province that contradicts the text is a warning, and so
// is an old province named in a report after the merger: it is mapped
// to the unit it became part of ("Kon Tum" in a report on October 2025
// is Quảng Ngãi, 51).
func Identify(text string, h Hints) Identity {
	var id Identity
	issue, hasIssue := IssueDate(text)
	lay := docLayout(text)
	id.Date = issue
	if !hasIssue {
		id.Date = lay.published
	}
	// The year.
	nums := ScanNumbers(text)
	ms := periodMentions(text, nums)
	yr := reportYear(text, issue, hasIssue, lay, nums, ms)
	id.Year = yr.year
	if py := YearFromPath(h.Path); py != 0 {
		switch {
		case yr.year == 0:
			id.Year = py
		case yr.strong && py != yr.year:
			id.Warnings = append(id.Warnings, fmt.Sprintf("year: the text's title or lead says %d, the file's path %d; kept %d", yr.year, py, yr.year))
		case !yr.strong && py != yr.year:
			id.Year = py
			id.Warnings = append(id.Warnings, fmt.Sprintf("year: the text mentions %d outside its title and lead, the file's path says %d; kept %d", yr.year, py, py))
		}
	}
	// The period.
	if id.Year != 0 {
		id.Period = choosePeriod(text, lay, ms, id.Year)
	}
	id.Era = eraOf(id.Period, id.Year, id.Date)
	// The province.
	t := provinceFromText(text, id.Era)
	textName := func() string { return fmt.Sprintf("%s (%s)", provinceNameIn(t.code, id.Era, id.Year), t.code) }
	var opt, path *ProvinceMatch
	var optFrom, pathFrom string // an old province mapped to its unit
	if h.Province != "" {
		if ms, err := LookupProvince(h.Province); err == nil {
			opt, optFrom = pickEra(ms, id.Era)
		}
	}
	if ms := ProvinceFromPath(h.Path); len(ms) > 0 {
		path, pathFrom = pickEra(ms, id.Era)
	}
	disagree := func(what string, m *ProvinceMatch) {
		if m != nil && t.ok && m.Code != t.code {
			id.Warnings = append(id.Warnings, fmt.Sprintf("province: %s names %s (%s), the text %s; kept %s (%s)",
				what, m.Name, m.Code, textName(), id.Province.Name, id.Province.Code))
		}
	}
	merged := func(what, old string) {
		if old != "" {
			id.Warnings = append(id.Warnings, fmt.Sprintf("province: %s names %s (%s), which became part of %s (%s) on 2025-07-01; the report is on %s",
				what, provNameOf(provinces().p63, old), old, id.Province.Name, id.Province.Code, periodWords(id.Period)))
		}
	}
	set := func(code, source string) {
		id.Province = Province{Code: code, Name: provinceNameIn(code, id.Era, id.Year)}
		id.ProvinceSource = source
	}
	switch {
	case t.ok && t.strong:
		set(t.code, FromText)
		disagree("--province", opt)
		disagree("the file's path", path)
	case opt != nil:
		set(opt.Code, FromOption)
		disagree("--province", opt)
		merged("--province", optFrom)
	case path != nil:
		set(path.Code, FromPath)
		disagree("the file's path", path)
		merged("the file's path", pathFrom)
	case t.ok:
		set(t.code, FromText)
	}
	if id.Province.Code == "" {
		id.Era = ""
	}
	if id.Province.Code == "46" && id.Era == Era63 && id.Year == 0 && id.ProvinceSource == FromText {
		if strings.Contains(Fold(text), "thừa thiên") || strings.Contains(FoldASCII(text), "thua thien") {
			id.Province.Name = "Thừa Thiên Huế"
		}
	}
	if id.ProvinceSource == FromText {
		merged("the text", t.old)
	}
	return id
}

// pickEra returns the match of era among ms; failing that, a unit of
// the 63 mapped to the unit of the 34 it became part of, with the old
// unit's code as old.
func pickEra(ms []ProvinceMatch, era string) (m *ProvinceMatch, old string) {
	for i := range ms {
		if ms[i].Era == era {
			return &ms[i], ""
		}
	}
	if era == Era34 {
		for _, m := range ms {
			if m.Era == Era63 {
				for _, p := range provinces().p34 {
					if p.Code == m.MergedInto {
						return &ProvinceMatch{p, Era34}, m.Code
					}
				}
			}
		}
	}
	return nil, ""
}

// eraOf returns the map a report on period p (year y, issued on date)
// belongs to: the 34 units for a period ending on or after 2025-07-01
// (or starting then, when its end is unknown), the 63 provinces before;
// a report issued before 2025-07-01 is on the 63 whatever it says.
func eraOf(p Period, y int, date time.Time) string {
	switch {
	case !date.IsZero() && date.Before(mergerDay):
		return Era63
	case !p.End.IsZero():
		if p.End.Before(mergerDay) {
			return Era63
		}
		return Era34
	case !p.Start.IsZero():
		if p.Start.Before(mergerDay) {
			return Era63
		}
		return Era34
	case y >= 2025:
		return Era34
	}
	return Era63
}

// provinceNameIn returns the name of the unit with code in era's map,
// as it was in year y (code 46 is "Thừa Thiên Huế" up to 2024).
func provinceNameIn(code, era string, y int) string {
	if era == Era34 {
		return provNameOf(provinces().p34, code)
	}
	if y >= 2026 {
		y = 2025 // the 63-unit name, whatever the year
	}
	return ProvinceName(code, y)
}

// choosePeriod returns the period a report on year y states first in its
// title, else in its lead, else the one period of that year the rest of
// its opening states; the whole year otherwise.
func choosePeriod(text string, lay *layout, ms []periodMention, y int) Period {
	for _, want := range []lineRole{lineTitle, lineLead} {
		for i, m := range ms {
			if m.role != rolePeriod || lay.roleAt(m.off) != want {
				continue
			}
			p := m.Period
			switch {
			case m.resolve != nil:
				p = m.resolve(y)
			case m.year != y:
				continue
			}
			p.Text = m.Text
			// "quý I năm 2023 (tính từ ngày 15/12/2022 đến 14/3/2023)":
			// the dates of the reporting period.
			for _, r := range ms[i+1:] {
				if r.off-m.end > 40 {
					break
				}
				if r.dates && r.Kind == p.Kind && !r.Start.IsZero() && !r.End.IsZero() && r.End.Year() == y {
					p.Start, p.End = r.Start, r.End
					p.Text = text[m.off:r.end]
					break
				}
			}
			return p
		}
	}
	// Neither states one: a period of that year the opening's body
	// states, when it states one only ("Xét riêng Quý III năm 2023, …"
	// in a news item without a date in its title).
	var only *periodMention
	head := yearHeadEnd(text)
	for i, m := range ms {
		if m.off >= head {
			break
		}
		if m.role != rolePeriod || m.plain || m.year != y || m.Kind == PeriodYear || lay.zone(m.off) != 3 {
			continue
		}
		if only != nil && (only.Kind != m.Kind || !only.Start.Equal(m.Start)) {
			return YearPeriod(y, "")
		}
		if only == nil {
			only = &ms[i]
		}
	}
	if only != nil {
		p := only.Period
		p.Text = only.Text
		return p
	}
	return YearPeriod(y, "")
}

// periodWords describes a period for a warning.
func periodWords(p Period) string {
	if p.Text != "" {
		return fmt.Sprintf("%q", p.Text)
	}
	return p.String()
}
