// Package normalize turns an extracted document into clean, searchable
// text: Unicode NFC, broken lines and hyphenation repaired, footnote
// markers separated from numbers, legacy 8-bit Vietnamese encodings
// (TCVN3, VNI, Windows-1258) converted, and the report's province, year
// and period identified. It also parses Vietnamese numbers: value, unit
// and qualifier.
//
// # What a report is about
//
// [Identify] reads the opening of a report (its first 16 KB, with the
// blocks as the file laid them out: a title without a full stop is not
// part of its lead) and what the caller knows of it ([Hints]: the
// file's path, the user's --province). It gives:
//
//   - the year reported on ([ReportYear]): the title decides, then the
//     lead's first and second paragraphs; targets ("đến năm 2025",
//     "Năm 2026, … phấn đấu"), plans of the next year, comparisons
//     ("so với năm 2022"), histories ("năm 2021 xếp thứ 9; năm 2022 xếp
//     thứ 6") and the years of indexes and rankings ("DTI năm 2022")
//     never decide. A year the text states only in its body yields to
//     the year of the file's path ([YearFromPath]);
//   - the period ([Period]): the first one the title, else the lead,
//     states ("quý I/2023", "6 tháng đầu năm 2024", "9 tháng năm 2020",
//     "tháng 8.2021", "từ 01/7 đến 30/11/2025", "giai đoạn 2016–2020"),
//     read as kind, first and last day; the whole year otherwise.
//     Reporting periods of Decree 09/2019/NĐ-CP ("từ 15/12/2022 đến
//     14/3/2023") are the quarter, half or year they stand for;
//   - the map (Era63 or Era34): a period that ends on or after
//     2025-07-01 belongs to the 34 units;
//   - the province: the text's when it names one unambiguously as its
//     own ([FindProvince]: the issuing body, "tỉnh X" in the title,
//     repeated mentions; never a comparison, a ranking, a neighbour's
//     plan or a person's name), else the user's --province, else the
//     file's path ([ProvinceFromPath]: `Đắk Nông/BC 2024.pdf`,
//     `DakNong_2024.docx`, `dak-nong`), else the text's best guess. A
//     source that contradicts the text, and an old province named in a
//     report after the merger, are warnings.
//
// # Searching text
//
// The package's regular expressions that read a whole line (the
// periods) and those of package rules are [Searcher]s: a search runs
// only in a text that holds the literals every match holds
// ([RequiredLiterals]), and a pattern whose matches start with one of a
// few literals ([StartLiterals]) is tried anchored only where one of them
// stands, which finds the matches a search from every position finds.
// A pattern that folds case finds its start literals in the text's lower
// case where lower-casing keeps every rune's width and takes each rune
// where the runes it folds with go ([FoldLower]). NFC is asked of the
// norm package only for a text with runes beyond Latin and the
// Vietnamese letters, whose strings are NFC as they are (nfcStable).
//
// # Limits
//
// Identification reads words, not meaning. A report whose title and lead
// name no period but whose figures are a quarter's is a year's report
// here; a news item that names its province only in a byline or a photo
// credit has no province unless its path or the user gives one; a
// province named without diacritics inside a text written with them is
// not read; a path is read only in its file name and the three folders
// above it.
package normalize
