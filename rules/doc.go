// Package rules reads the figures of a normalized report ([normalize.Doc])
// into a [report.Report]: one value per metric of the catalog, the rows
// of its budget tables and the flags of its inconsistencies. It also
// scores extraction against hand-checked gold files ([Evaluate]).
//
// # Families
//
// The unit of the package is the metric family ([Family]): one subject
// the reports speak about (administrative procedures and online
// services, applications, payments, documents, e-mail, certificates,
// security and the SOC, information systems, staff, data, budget),
// declared in one value in one file, family_*.go. A family declares its
// metrics (code, unit, Vietnamese label, meaning, typical wording, and
// Key, the column of a key figure in the province table), its gate
// words, its topics, its macros, its sentence rules, its context rules
// and its relations. Everything else is derived from the families: the
// catalog ([Catalog], [Lookup] and rules/metrics.tsv, which a test
// regenerates and checks against the shared contract), the keyword
// gates, the topics of the context rules, the consistency checks and
// their documentation (CHECKS.md), the rates the database recomputes
// ([report.Metric].Rate) and the arithmetic of the synthetic corpus
// (package rules/synth). Adding a metric is editing one family.
//
// # Segments
//
// [Apply] reads a document as segments ([Segments]): the sentences of
// its paragraphs and footnotes, cut at ";" and at sentence ends outside
// parentheses, then the rows of its tables rendered as "label header:
// value" sentences, so that one rule reads a figure in a sentence and in
// a table. Only rows that state a figure of the whole province are
// rendered: key/value rows, total rows ([extract.IsTotalLabel]), rows
// about one level of government ("Cấp tỉnh"; read only by rules whose id
// ends in "label-table") and rows about one level of online service
// ("Mức độ 3"; rules whose id ends in ".row"). A column about another
// year than the report's, or the plan column of an indicator table, is
// not read. A segment knows where each of its bytes stands (page, line),
// whether it lies in a section about plans ("III. PHƯƠNG HƯỚNG, NHIỆM VỤ
// NĂM 2022") and whether its subject is one district, town or agency
// ("Riêng thành phố Vinh …"): neither gives province figures.
//
// # Gates
//
// Most segments hold no figure of most families, and a regular
// expression that fails is still costly. Each paragraph is lower-cased
// once and scanned once by one multi-pattern automaton (Aho–Corasick,
// keywords.go) that knows every family's gate words (Family.Words),
// every literal a rule's pattern requires (for every set of literals
// its pattern requires, one of them: computed by regexp/syntax from the
// pattern with its number macros left out), the literals a pattern
// starts with, and the plan, year and topic words; its segments take
// their keyword sets from that scan. A segment without a digit is
// skipped; a family's sentence rules run only on segments that hold one
// of its words; a rule only where the segment holds one literal of each
// of its sets. Where a rule runs, it is not searched from every
// position: a pattern that starts with its figure is tried, anchored,
// where a number (or a qualifier before it) starts, and one that starts
// with known literals ("cung cấp", "tổng", a clause's "(" or ";", the
// start of the segment for "^") where they stand. Each try reads only
// the window a match there can reach (the pattern's maxCost: the most
// runes other than spaces, digits and number separators it can hold)
// and is skipped where that window lacks a required literal or the
// pattern's next literal part does not stand within its reach. The
// tries find exactly the matches a search from every position finds
// (TestGatesAndStarts checks it on every segment of every text
// document). A rule's regular expressions are compiled when it first
// runs. Regular expressions of the package that are not rules
// (gatedRegexp: the SOC's) are gated by the same keywords.
//
// # Sentence rules
//
// A [Rule] is a regular expression with macros, matched on the
// lower-cased segment, in which the dotted leaders of a "label ........
// value" line read as a colon. {N} is a count, {P} a percentage and {M} an amount
// of money, each with the qualifier phrase before it, if any, from the
// one qualifier table ([normalize.QualifierPhrases]); {L3}, {L4},
// {PORTAL}, {DVC}, {TL}, {TOTAL} (vocab.go) and the families' own
// macros ({TTHC}, {CERT}, {ONLINE}) spell the synonyms reports use. The
// first number macro is the figure. Guards refine a match (Require,
// Reject, RejectSeg, RejectNear, NotBefore), and every candidate must
// pass the same tests: the number stands alone (not part of a ratio, a
// date, a code or a malformed number such as 2.130.11), it is not in a
// clause about a plan or a later year, nor one that names a district
// before it. The number is parsed by normalize's scanner
// ([normalize.ParseNumber], [normalize.ParsePercent]), a scale word
// multiplies it, and "trên" after a verb of deploying ("triển khai trên
// 2.980 máy") is "on", not the qualifier "over".
//
// # Context rules
//
// Wording no sentence rule covers is read by a [ContextRule] when three
// things around a number agree: the topic the paragraph speaks about at
// that point (the noun right after the number if it names one, else the
// last topic word before it, within 300 bytes: "chứng thư số", "văn bản",
// "hồ sơ", …), the label right before the number (back to the previous
// number, a ";" or an opening parenthesis: "cấp huyện", "đã thu hồi",
// "ngoài tỉnh"), and the kind of number (count, percentage, money). So
// "tổng số chứng thư số đã cấp 9.846 (cá nhân 7.512; tổ chức 2.334); đã
// thu hồi 418; đang sử dụng 9.428" gives the certificates issued, by
// holder, revoked and in use without a sentence pattern for that
// wording. Context rules are written in the same dialect as sentence
// rules (the same macros, the same lower-casing) and obey the same plan
// and sub-unit guards.
//
// # Choosing one value
//
// Every rule that matches gives a candidate. A family may add candidates
// that no pattern states on its own (Family.Detect: the state of the SOC,
// the most advanced state any clause that names it reports, achieved
// outranking planned) and adjust the candidates of the whole report
// (Family.Resolve: the count of applications resolved is the total only
// where no count received is given). Then, per metric, the highest
// priority wins: sentence rules declare theirs (30 for a labelled
// statement, 25 and 20 for looser shapes), context rules have 10, so
// that a guess from context never beats a precise statement. Among equal
// priorities the earliest in the document wins: the body, then
// footnotes, then tables. A runner-up with another value is kept as a
// warning ("chose 1.543 (rule …, line 12) over 1.545 (rule …, line
// 40)"), so that a reader can see a close call. Figures come out in
// catalog order.
//
// # Checks
//
// [RunChecks] flags reports whose numbers do not add up, in three
// families of checks, documented one by one in CHECKS.md (generated from
// the relations): the relations the families declare between their
// metrics (sums, differences, rates with their alternative numerators
// and denominators, parts of a whole, shares of at most 100 %) and a
// metric one rule read twice with close, different values; arithmetic
// claims in the text, whatever metric they concern ("11,3%
// (84.394/751.295)", "1315/1611, đạt tỷ lệ 82,6%", a total followed by
// its parts, shares that must add up to 100 %); and table total rows
// against the sum of their column. The parts of a total ("công bố 5.210
// TTHC (1.120 mới, 860 sửa đổi, 3.200 bãi bỏ)", "đang giải quyết 26.068
// (19.972 còn trong hạn và 4.104 quá hạn)") are read against partitions
// ([Partition]: timeliness, channel, level of government, …): the words
// of each part name its category, parts of distinct categories may not
// exceed the total, and parts that name every category the partition
// needs must equal it. Figures are compared
// as intervals: an exact figure is a point, a figure after an "over"
// phrase is [N, ∞), after an "under" phrase (−∞, N], after an "approx"
// phrase N ± 5 %; a check fails only when no value in the intervals
// satisfies it, so a qualified figure never raises a flag on its own
// rounding. Figures of different scopes never meet in a check: the
// words before a figure in its sentence (a level of government, a
// subgroup, an agency, the national portal, a short period) and after
// it ("kể cả hồ sơ tồn từ năm trước") give its scope, and a relation, or
// the stated-twice check, compares only figures of one scope. A stated percentage with d decimals is consistent with a
// computed one when it equals the computed value rounded or truncated to
// d decimals. Flags that describe the same numbers twice (a ratio claim
// and a rate relation) are one flag.
//
// # Evaluation
//
// [Evaluate] scores a report against a [Gold] file the way the shared
// scorer does: a figure is right when its metric and value match a gold
// figure (or one of its accepted values), a figure of a metric the gold
// does not list is wrong, a flag is found when its stated value matches
// a gold flag's and false when it matches neither a flag nor an optional
// flag. The tests hold the bars on the sample reports, the evaluation set
// written for the project and the held-out blind set.
//
// # Trade-offs
//
// Rules are Go values rather than a rules file, so that the compiler and
// the tests check every rule, and a rule that names a metric its family
// does not declare, a duplicate id or an unknown macro stops every test
// run. Patterns run on lower-cased text without case folding, several
// times faster; the original text is matched, folding case, only where
// lower-casing moved byte offsets. Context rules trade precision for
// recall, which is why they rank last. The choice between candidates is
// priority then position: simple and predictable, but blind to what a
// candidate is (see Limits).
//
// # Limits
//
// The rules are regular expressions over Vietnamese administrative
// prose: wording far from what they know is missed, not guessed. The
// choice among candidates knows no exact-versus-approximate,
// headline-versus-body or province-versus-sub-unit feature beyond the
// guards above: an approximate figure in a title can beat the exact one
// in the body when its rule has the higher priority. A sub-unit is
// recognised only when it is the subject at the start of a clause or
// right before the figure. Claims are read one paragraph at a time, and
// a rate whose denominator the report does not state is checked against
// the catalog's denominator only. The SOC state is decided from keywords
// of each clause. A rule whose pattern starts with neither its figure
// nor a known literal (a word boundary, a long class) is still searched
// from every position of the segments that pass its gates, and a try
// runs Go's regular expressions, whose backtracker explores every split
// of a number before it fails.
package rules
