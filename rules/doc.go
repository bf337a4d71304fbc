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
// their documentation (docs/checks.md), the rates the database recomputes
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
// whether it lies in the title, whether it lies in a section about plans
// ("III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2022"), which gives no figures, and
// which units it names and inherits (see Scope).
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
// runs; the first report a process reads compiles those of the rules it
// is about to run on every processor (compileFor). Regular expressions
// of the package that are not rules (gatedRegexp: the SOC's) are gated
// by the same keywords. Those, the rules' guards, the context rules'
// patterns and the package's other expressions (scope cues, markers,
// table labels) are [normalize.Searcher]s: searched only in a text that
// holds the literals every match holds, and, where every match starts
// with one of a few literals, tried anchored only where one of them
// stands (TestStartRegexps checks each against a search from every
// position): Go's backtracker otherwise tries every position of a text
// for an alternation of words, which made the scope cues a fifth of the
// time of a report.
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
// clause about a plan or a later year, nor in a sentence framed by an
// earlier year than the one reported on ("Năm 2018, tổng số hồ sơ …" in
// a report of 2019: that year's figures; a state such as the SOC's is
// not affected), nor one that names a district before it. The number is parsed by normalize's scanner
// ([normalize.ParseNumber], [normalize.ParsePercent]), a scale word
// multiplies it, and "trên" after a verb of deploying ("triển khai trên
// 2.980 máy") is "on", not the qualifier "over".
//
// # Rates of a subgroup
//
// A rate is of the population its noun names. "Tỷ lệ hồ sơ trực tuyến
// được giải quyết đúng hạn" is the on-time rate of the online
// applications: the on-time rate's rules reject a population named as
// online before their property ({ONLINEGROUP}, as NotBefore) and the
// online rate's rules reject a timeliness ({TIMELY}), a sector
// ({SECTOR}: "hồ sơ đăng ký doanh nghiệp qua mạng") or a payment. The
// on-time property is {ONTIME}: "đúng hạn", "trước hạn và đúng hạn",
// "đúng và sớm hạn", "trước hạn, đúng hạn, trong hạn", "trong hạn";
// "trước hạn" (early) alone is not on time, nor is a share followed by
// "quá hạn" or "trước hạn".
//
// # Counts of something else
//
// A figure counts the noun right after it (past a scale word, a percent
// sign, a classifier such as "lượt" and parenthetical asides). Where
// that noun is one reports count but the rule's family does not (the
// nouns of other families' topics and nouns.go's countNouns: "cơ quan",
// "đơn vị", "cán bộ", "quyết định", "lĩnh vực", …), the figure is a
// count of something else and no candidate, for sentence and context
// rules alike: "cấp chứng thư số cho 52 cơ quan, đơn vị với tổng số
// 2.140 chứng thư" gives no certificate count 52, "với tổng số 1.144
// cán bộ, công chức" no procedure count. The family's own nouns are its
// words and topic words. Holders of both kinds listed after the
// certificates ("cấp chứng thư số cho 381 tổ chức, 710 cá nhân") are the
// split by holder, one certificate each; one kind alone stays a count of
// holders. Files named by one procedure ("1.368 hồ sơ cấp phiếu lý lịch
// tư pháp", {ONEPROC}) are that procedure's, not all the files, and
// services counted at a launch ("bắt đầu hoạt động từ tháng 1/2017 với
// 335 dịch vụ", {LAUNCH}) are not the count now. Certificates issued
// anew in the period counted by holder right after "cấp mới"
// ({NEWBYHOLDER}) are not the split of all the certificates issued, and
// a sentence that names certificates "công cộng" or counts some for
// businesses or the people speaks of the public certification services,
// not the government's (resolveCertificates).
//
// # Context rules
//
// Wording no sentence rule covers is read by a [ContextRule] when three
// things around a number agree: the topic the paragraph speaks about at
// that point (the noun right after the number if it names one, else the
// last topic word before it, within 300 bytes: "chứng thư số", "văn bản",
// "hồ sơ", …), the label right before the number (back to the previous
// number, a ";", an opening parenthesis or the start of its sentence:
// "cấp huyện", "đã thu hồi", "ngoài tỉnh"; a figure that opens a
// sentence has no label), and the kind of number (count, percentage, money). So
// "tổng số chứng thư số đã cấp 9.846 (cá nhân 7.512; tổ chức 2.334); đã
// thu hồi 418; đang sử dụng 9.428" gives the certificates issued, by
// holder, revoked and in use without a sentence pattern for that
// wording. Context rules are written in the same dialect as sentence
// rules (the same macros, the same lower-casing) and obey the same plan
// and sub-unit guards.
//
// # Scope
//
// Every candidate has a scope (scope.go): the province, a sub-unit (one
// level of government, a named district, town, city, commune, ward or
// department, the
// provincial public-service centre, a group of agencies such as
// "khối cơ quan ngành dọc", "các sở, ngành" or "10/17 sở, ngành") or
// another unit (another province, a ministry, the nation, and for the
// procedures family the National Public Service Portal). It is decided
// by the units the segment names (cues), nearest first: a unit right
// after the figure's noun ("1.187 dịch vụ cấp tỉnh"), one in the
// figure's own clause ("tỷ lệ … do UBND cấp huyện tiếp nhận … đạt
// 98,15%", "Đà Nẵng (58,89%)"), the subject of an earlier clause of the
// segment, then what the segment inherits: a level's, group's or
// district's subject governs its sentence ("Cấp xã đã tiếp nhận …;
// trong ngày đã giải quyết 484 hồ sơ"), the centre and another unit the
// rest of the paragraph, and a title whose subject is one unit (at its start, or the
// one place it reports on: "Kết quả giải quyết hồ sơ tại Trung tâm …")
// the whole document. A news page's kicker above the headline (a few
// words naming its section, "Thời sự") does not hide the
// headline: both are the title. A comma between words of timeliness ("đúng hạn, trước hạn")
// starts no clause, so the group that has a rate stays its subject, and
// units counted as a part of all ("9/15 sở, ngành và 3/11 huyện") are
// never the province. Province cues ("toàn tỉnh", "các cấp", "từ cấp tỉnh đến cấp
// xã", "các sở, ngành, địa phương", the province's own names and those
// in the title) end what was inherited. A unit that labels one figure of
// a list ("cấp xã: 145") speaks for that figure only, and a figure in
// parentheses belongs to the figure it details. A unit that names the
// domain of what is counted ("TTHC thuộc phạm vi quản lý của các sở,
// ngành") or the recipients counted ("cấp SIM PKI cho 61 lãnh đạo UBND
// cấp huyện") is no scope; a list of levels is the province only from
// the province's own level down ("cấp tỉnh, huyện, xã"), and the local
// levels alone ("cấp huyện, cấp xã", "cấp xã, phường") are a sub-unit; the provincial level and the districts joined by
// "và" are the province; the national portal as a clause's subject ("Cổng
// DVC quốc gia được khai trương … và đã có 4,78 triệu hồ sơ …") makes its
// figures another unit's for every metric; a photo caption ("Ảnh: …")
// passes nothing on, nor does a unit in a parenthetical aside ("Trung
// tâm … (đặt tại phường …)"). The centre is also named by its noun alone where
// files go through it ("tiếp nhận, giải quyết qua Trung tâm"), which
// scopes a figure before it in its sentence and is the subject of what
// the sentence says next of those files. "Riêng" before a kind of what
// reports count ("Riêng DVC trực tuyến mức 3 và mức 4, …") singles out
// the kind, not a unit; before a part of the period ("Chỉ riêng ngày
// 2/10", "Riêng tháng 12", not a year) it governs its segment, even
// where the province is the subject. A unit where the figure's noun
// stands, in its clause ("21.400 hồ sơ … tại 32 xã, phường", "15.780 hồ sơ
// ở các huyện, thị xã"), is its scope; a clause of details ("…, trong đó
// tỷ lệ … đạt 81,2%") is of the unit of the figure it details, unless
// that figure is the last item of a list of units; and a rank among the provinces ("đứng đầu 63
// tỉnh, thành phố cả nước về …") is no figure of the nation. Metrics that count a
// level or group (Family.PerLevel) are not scoped by levels or groups;
// a family's portal metric (Family.OfPortal) is not scoped by the
// portal. A candidate of another scope is never the province's value
// nor a second statement of it (no "duplicate" flag): it becomes a
// sub-unit figure of the report (Report.SubUnits) with its unit. A
// clause about another unit decides no figure that Family.Detect finds
// either. The checks read the same cues (check_scope.go) to keep two
// statements of a metric about different levels, agencies or the
// national portal apart, beside their own markers of a subgroup (online
// files) and a shorter period.
//
// # Choosing one value
//
// Every rule that matches gives a candidate. A family may add candidates
// that no pattern states on its own (Family.Detect: the state of the SOC,
// the most advanced state any clause that names it reports, achieved
// outranking planned) and adjust the candidates of the whole report
// (Family.Resolve: procedures "công bố" that the next clause splits by
// kind of change ("công bố 4.120 TTHC; trong đó, ban hành mới …") are
// the procedures announced, not those offered; the count of
// applications resolved is the total only
// where no count received is given; an on-time share in a breakdown
// that states the early files apart is a part, not the rate;
// procedures by level that add up to a count of online services are
// that count's split). Then one mechanism (choose.go) picks, per
// metric, among the candidates of the province's scope, by named
// features: the rule's priority (30 a labelled statement, 25 and 20
// looser shapes, 10 a context rule, so that a guess from context never
// beats a precise statement), then part (the body before the title),
// then position (the body, footnotes, tables). Precision overrides the
// ranking: a candidate that states the same fact as the chosen one more
// finely wins — an approximation ("Hơn 25.000 hồ sơ", "gần 14.600",
// "2,5 triệu") never beats an exact or finer figure its rounding covers
// ("tiếp nhận 25.318 hồ sơ"). A figure of the title that the body states
// only for a sub-unit or another unit ("Tỷ lệ … đạt trên 85%" above "5/18
// sở, ngành có tỷ lệ … trên 85%") takes that unit's scope
// (headlineScopes): the headline shortened it. A bare count of the title
// that the body writes only rounded, as a figure the rules read as no
// statement of the metric ("xử lý 41.000 hồ sơ" above "đã giải quyết
// đúng và trước hạn gần 41 ngàn"), is dropped (headlinesOfOtherFacts):
// the headline shortened another fact; a body that writes the value
// exactly keeps it. The distance between a
// figure and its metric's words was measured as a feature and dropped: it changed
// nothing on the evaluation sets but one figure, for the worse. The
// runner-ups with other values are the figure's
// Alternatives, and the first of them a warning that names the feature
// that decided; a decision by position alone is a close call. Figures
// come out in catalog order.
//
// # Checks
//
// [RunChecks] flags reports whose numbers do not add up, in three
// families of checks, documented one by one in docs/checks.md (generated from
// the relations): the relations the families declare between their
// metrics (sums, differences, rates with their alternative numerators
// and denominators, parts of a whole, shares of at most 100 %) and a
// metric one rule read twice with close, different values; arithmetic
// claims in the text, whatever metric they concern ("11,3%
// (84.394/751.295)", "1315/1611, đạt tỷ lệ 82,6%", a total followed by
// its parts, shares that must add up to 100 %; a rank among units or a
// score out of a maximum, "xếp 31/63, đạt 86,12%", "520/1000 điểm", is no
// share); and table total rows
// against the sum of their column. The parts of a total ("công bố 5.210
// TTHC (1.120 mới, 860 sửa đổi, 3.200 bãi bỏ)", "đang giải quyết 26.068
// (19.972 còn trong hạn và 4.104 quá hạn)") are read against partitions
// ([Partition]: timeliness, channel, level of government, …): the words
// of each part name its category, parts of distinct categories may not
// exceed the total, and parts that name every category the partition
// needs must equal it. A sum's whole may already count other metrics
// the report states beside its terms (Relation.MayInclude: the
// certificates issued may count the SIM and the revoked ones beside
// those of people and organisations); the sum holds when the whole
// equals the terms plus any of them. Figures are compared
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
// flag. Each error is sorted into a class ([ErrorClasses]): missed, wrong
// value, wrong choice between candidates (the gold value is among the
// figure's Alternatives), sub-unit taken for the province (its sentence
// names another unit, by the cues of Scope), province taken for a
// sub-unit (the gold value is among the report's SubUnits), figure not
// in gold, false flag, flag missed, province or year wrong. The tests
// hold the bars on the sample reports, the evaluation set written for
// the project, the held-out blind set and the real-derived set
// (testdata/eval-real).
//
// # Trade-offs
//
// Rules are Go values rather than a rules file, so that the compiler and
// the tests check every rule, and a rule that names a metric its family
// does not declare, a duplicate id or an unknown macro stops every test
// run. Patterns run on lower-cased text without case folding, several
// times faster; the original text is matched, folding case, only where
// lower-casing moved byte offsets. Context rules trade precision for
// recall, which is why they rank last. Scope is read from cue words, not
// parsed: a sentence whose subject the cues miss is the province's,
// which keeps recall where reports speak plainly and loses precision
// where a sub-unit is named only far away.
//
// # Limits
//
// The rules are regular expressions over Vietnamese administrative
// prose: wording far from what they know is missed, not guessed. A
// sub-unit is recognised by its cue words: a subject carried across
// sentences by a pronoun ("đơn vị này") without naming it again, or a
// paragraph about a sub-unit that starts without naming it, is read as
// the province. A province's name is told from another's only when the
// report's province is known (or named in the title). A rounded figure
// refines into an exact one only within one unit of its last digit (at
// least 2 %): a loose "gần 50%" for 45,5% stays its own fact. Claims are read one paragraph at a time, and
// a rate whose denominator the report does not state is checked against
// the catalog's denominator only. The SOC state is decided from keywords
// of each clause. A rule whose pattern starts with neither its figure
// nor a known literal (a word boundary, a long class) is still searched
// from every position of the segments that pass its gates, and a try
// runs Go's regular expressions, whose backtracker explores every split
// of a number before it fails.
package rules
