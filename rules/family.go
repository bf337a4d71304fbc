package rules

import (
	"fmt"
	"runtime"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/baocao/baocao/normalize"
	"github.com/baocao/baocao/rules/report"
)

// Family is the unit of the rules: one subject the reports speak about
// (administrative procedures, applications, certificates, …) with
// everything known about its metrics, declared in one value in one file
// (family_*.go) and registered from that file. Everything else is derived
// from the families: the catalog ([Catalog], rules/metrics.tsv), the
// keyword gates and the topics of the context rules, the consistency
// checks and their documentation, the columns of the province table in
// the database and the relations of the synthetic corpus.
//
// Adding a metric is editing one family: its [report.Metric] entry, its
// rules and context rules, its relations, and their tests.
type Family struct {
	// Name names the family in messages and documentation ("records").
	Name string
	// Title says in English what the family is about.
	Title string
	// Order places the family in the catalog: families are listed by
	// Order, and a family's metrics in the order they are declared.
	// That order is the order of the figures in a report.
	Order int

	// Words are the family's gate: a segment that holds none of them (in
	// lower case) cannot match the family's sentence rules, which are
	// then not run on it. Nil means no gate. They are keywords of the
	// rules' one automaton (keywords.go), with the literals every match
	// of a rule's pattern must contain.
	Words []string
	// Topics are the subjects the family's context rules read figures
	// about, each with the words (lower case) that name it.
	Topics []Topic
	// Macros are the family's vocabulary for its patterns, such as
	// {TTHC}; macros several families use are in vocab.go. Every macro
	// is visible to every family's patterns, and a name is defined once.
	Macros map[string]string

	// Metrics are the family's entries of the catalog. Key (the column
	// of the province table) is declared here; Rate is derived from the
	// family's ratio relations.
	Metrics []report.Metric
	// Rules are the sentence rules, tried on every segment that passes
	// the gate.
	Rules []Rule
	// Context are the context rules: a figure read from its topic, its
	// label and its kind, where no sentence rule matched.
	Context []ContextRule
	// Relations are the arithmetic facts between the family's metrics
	// (and the metrics of earlier families) that the checks test.
	Relations []Relation
	// PerLevel are the metrics that count one level of government or
	// one group of agencies ("TTHC cấp tỉnh", "cán bộ CNTT tại các sở,
	// ngành"): the level or group named before their figure is what
	// they count, not a sub-unit scope (see scope.go).
	PerLevel []string
	// OfPortal are the metrics that count what the National Public
	// Service Portal holds: the portal named before their figure is
	// what they count; before a figure of the family's other metrics it
	// is another unit's scope (the services the portal holds are not
	// the province's offer).
	OfPortal []string

	// Detect finds figures that no pattern states on its own, such as
	// the state of the SOC, decided over every clause that names it. It
	// runs after the sentence and context rules, and skips the clauses
	// about another unit (Segment.foreign).
	Detect func(segs []Segment, doc *normalize.Doc) []candidate
	// Resolve adjusts the candidates of the whole report before one
	// value per metric is chosen (records.total is the count received
	// where one is given).
	Resolve func(cands []candidate) []candidate
}

// Topic is a subject a paragraph can speak about, with the words that
// name it. Plain words, not patterns: they are looked up in every
// paragraph, so the search must be cheap.
type Topic struct {
	Name  string
	Words []string
	// NotAfter are words that, right before a topic word, make it no
	// mention of the topic ("hồ sơ của DVCTT": the applications are the
	// subject, not the services).
	NotAfter []string
	// NounWords name the topic only as the noun right after a figure
	// ("48 hệ thống thông tin"), not before it, where they are as often
	// part of another name.
	NounWords []string
}

// families holds the registered families, by Order once the catalog is
// built.
var families []*Family

// register adds a family; each family_*.go file registers its own from
// an init function.
func register(f *Family) { families = append(families, f) }

// derived is what is derived from the families once, on first use
// (after every init function has registered its family).
type derived struct {
	once    sync.Once
	catalog []report.Metric
	index   map[string]int
	macros  map[string]string
	// Compiled on first use by compileFamilies:
	rules   []*Rule
	groups  []ruleGroup
	topics  []Topic
	context []*ContextRule
	// kinds holds the kinds of number some context rule reads, by topic.
	kinds map[string]map[normalize.NumberKind]bool
	// kw is the keyword automaton of the gates (keywords.go), and
	// topicIDs the keyword ids of each topic's words.
	kw       keywords
	topicIDs [][]int
	// planIDs and yearIDs are the keyword ids of planWords and
	// yearWords.
	planIDs, yearIDs []int
	// nouns are the nouns figures count, and each family's own;
	// topicFamily names the family of each topic.
	nouns       nounTable
	topicFamily map[string]string
	// perLevel and portalMetric are the families' PerLevel and
	// OfPortal metrics; portalScoped the other metrics of a family
	// with OfPortal metrics.
	perLevel, portalMetric, portalScoped map[string]bool
}

// indexKeywords gives every gate word and every literal of the rules a
// keyword id, and builds the automaton.
func (c *derived) indexKeywords() {
	for i := range c.groups {
		g := &c.groups[i]
		if g.words != nil {
			g.wordIDs = c.kw.idSet(g.words)
		}
	}
	for _, r := range c.rules {
		r.gate = nil
		for _, set := range r.literals {
			r.gate = append(r.gate, c.kw.idSet(set))
		}
		r.startIDs = c.kw.idSet(r.starts)
		if r.next != nil {
			r.nextIDs = c.kw.idSet(r.next)
		}
	}
	for _, t := range c.topics {
		c.topicIDs = append(c.topicIDs, c.kw.idSet(t.Words))
	}
	c.planIDs, c.yearIDs = c.kw.idSet(planWords), c.kw.idSet(yearWords)
	for _, g := range gatedRegexps {
		g.gate = nil
		for _, set := range requiredLiterals(g.pattern) {
			g.gate = append(g.gate, c.kw.idSet(set))
		}
	}
	c.kw.build()
}

var compiled derived

// built returns the catalog and the vocabulary, deriving them from the
// families on first use. It panics on a declaration error (a metric or
// macro declared twice): such an error is a bug that every test run
// shows at once.
func built() *derived {
	c := &compiled
	c.once.Do(func() {
		sort.SliceStable(families, func(i, j int) bool { return families[i].Order < families[j].Order })
		c.index = map[string]int{}
		c.macros = map[string]string{}
		for k, v := range vocabulary {
			c.macros[k] = v
		}
		for _, f := range families {
			for _, m := range f.Metrics {
				if _, dup := c.index[m.Code]; dup {
					panic("rules: metric " + m.Code + " declared twice")
				}
				c.index[m.Code] = len(c.catalog)
				c.catalog = append(c.catalog, m)
			}
			for k, v := range f.Macros {
				if _, dup := c.macros[k]; dup {
					panic("rules: macro " + k + " defined twice")
				}
				c.macros[k] = v
			}
		}
		for _, f := range families {
			for _, r := range f.Relations {
				for _, code := range r.metrics() {
					if _, ok := c.index[code]; !ok {
						panic("rules: relation " + r.ID + " names unknown metric " + code)
					}
				}
				if r.Kind == Ratio {
					// The rate is recomputed from its first numerator:
					// the alternatives are for reports that lack it.
					c.catalog[c.index[r.Whole]].Rate = &report.Rate{Num: append([]string(nil), r.Terms...), Den: r.Den}
				}
			}
		}
	})
	return c
}

// familiesByOrder returns the registered families in catalog order.
func familiesByOrder() []*Family {
	built()
	return families
}

// rulesOnce compiles the sentence and context rules on first use rather
// than at package initialisation, which every run of the binary pays,
// including the isolated parser child that applies no rules.
var rulesOnce sync.Once

// compileFamilies compiles every family's rules once. It panics on a
// declaration error: a duplicate rule id or topic, a rule about a metric
// its family does not declare, a context rule about an unknown topic.
func compileFamilies() *derived {
	rulesOnce.Do(func() {
		c := built()
		ids := map[string]bool{}
		topicNames := map[string]bool{}
		c.kinds = map[string]map[normalize.NumberKind]bool{}
		c.perLevel, c.portalMetric, c.portalScoped = map[string]bool{}, map[string]bool{}, map[string]bool{}
		c.topicFamily = map[string]string{}
		for _, f := range families {
			g := ruleGroup{words: f.Words}
			own := map[string]bool{}
			for _, m := range f.Metrics {
				own[m.Code] = true
			}
			for _, set := range []struct {
				codes []string
				into  map[string]bool
			}{{f.PerLevel, c.perLevel}, {f.OfPortal, c.portalMetric}} {
				for _, code := range set.codes {
					if !own[code] {
						panic(fmt.Sprintf("rules: family %s lists metric %q in PerLevel or OfPortal, which it does not declare", f.Name, code))
					}
					set.into[code] = true
				}
			}
			if len(f.OfPortal) > 0 {
				for _, m := range f.Metrics {
					c.portalScoped[m.Code] = !c.portalMetric[m.Code]
				}
			}
			check := func(id, metric string) {
				if ids[id] {
					panic("rules: duplicate rule id " + id)
				}
				ids[id] = true
				if !own[metric] {
					panic(fmt.Sprintf("rules: rule %s of family %s names metric %q, which the family does not declare", id, f.Name, metric))
				}
			}
			for i := range f.Rules {
				r := &f.Rules[i]
				check(r.ID, r.Metric)
				r.family = f.Name
				g.rules = append(g.rules, r)
				c.rules = append(c.rules, r)
			}
			if len(g.rules) > 0 {
				c.groups = append(c.groups, g)
			}
			for _, t := range f.Topics {
				if topicNames[t.Name] {
					panic("rules: topic " + t.Name + " declared twice")
				}
				topicNames[t.Name] = true
				c.topics = append(c.topics, t)
				c.topicFamily[t.Name] = f.Name
			}
			for i := range f.Context {
				r := &f.Context[i]
				check(r.ID, r.Metric)
				if c.kinds[r.Topic] == nil {
					c.kinds[r.Topic] = map[normalize.NumberKind]bool{}
				}
				c.kinds[r.Topic][r.Kind] = true
				c.context = append(c.context, r)
			}
		}
		compileRules(c.rules)
		c.nouns = buildNouns(families)
		for _, r := range c.context {
			if !topicNames[r.Topic] {
				panic("rules: context rule " + r.ID + " reads unknown topic " + r.Topic)
			}
		}
		c.indexKeywords()
	})
	return &compiled
}

// compileRules compiles rules (Rule.compile) on every processor: a
// process that extracts one report waits for it.
func compileRules(rules []*Rule) {
	parallel(len(rules), func(i int) { rules[i].compile() })
}

// parallel runs do(0), …, do(n-1) on every processor (at most 4). A
// panic (a declaration error) is raised again on the calling goroutine.
func parallel(n int, do func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), 4, n)
	var (
		wg     sync.WaitGroup
		mu     sync.Mutex
		failed any
	)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() {
				if p := recover(); p != nil {
					mu.Lock()
					failed = p
					mu.Unlock()
				}
			}()
			for i := w; i < n; i += workers {
				do(i)
			}
		}()
	}
	wg.Wait()
	if failed != nil {
		panic(failed)
	}
}

// Prepare derives the catalog and builds the keyword automaton of the
// rules, which the first [Apply] would otherwise do; the rules' regular
// expressions are compiled when a rule first runs. A program may call it
// in the background while it reads its first report.
func Prepare() { compileFamilies() }

// ruleGroup is the rules of one family with the family's gate.
type ruleGroup struct {
	words   []string // the gate; nil for a family without one
	wordIDs []int    // the keyword ids of words
	rules   []*Rule
}

// Catalog returns the metric catalog in its documented order.
func Catalog() []report.Metric {
	return append([]report.Metric(nil), built().catalog...)
}

// Lookup returns the catalog entry for a metric code.
func Lookup(code string) (report.Metric, bool) {
	c := built()
	i, ok := c.index[code]
	if !ok {
		return report.Metric{}, false
	}
	return c.catalog[i], true
}

// Label returns the Vietnamese label of a metric, or the code itself when
// the metric is not in the catalog.
func Label(code string) string {
	if m, ok := Lookup(code); ok {
		return m.Label
	}
	return code
}

// expandMacros replaces macros in a pattern. A vocabulary macro may use
// other vocabulary macros; a number macro ({N}, {P}, {M}) is the figure,
// and only the first one keeps its group names: later ones become
// non-capturing.
func expandMacros(p string) string { return expand(p, false) }

// expandSketch is expandMacros with every number macro written as one
// digit: the pattern's literals without the figures' long alternations
// of qualifier phrases, which hold no literal a gate uses.
func expandSketch(p string) string { return expand(p, true) }

// unnamed makes the groups of a later number macro non-capturing.
var unnamed = strings.NewReplacer("?P<q>", "?:", "?P<n>", "?:", "?P<s>", "?:")

func expand(p string, sketch bool) string {
	macros := built().macros
	seen := false
	var b strings.Builder
	var walk func(p string, depth int)
	walk = func(p string, depth int) {
		if depth > 4 {
			panic("rules: macros nested too deep in " + p)
		}
		for i := 0; i < len(p); {
			if p[i] == '\\' && i+2 < len(p) && (p[i+1] == 'p' || p[i+1] == 'P') {
				if end := macroEnd(p, i+2); end > 0 {
					// A Unicode class (\p{L}), not a macro.
					b.WriteString(p[i:end])
					i = end
					continue
				}
			}
			end := macroEnd(p, i)
			if end < 0 {
				b.WriteByte(p[i])
				i++
				continue
			}
			m := p[i:end]
			i = end
			x, ok := macros[m]
			if !ok {
				panic("rules: unknown macro " + m)
			}
			if m == "{N}" || m == "{P}" || m == "{M}" {
				if depth > 0 {
					panic("rules: number macro " + m + " inside another macro")
				}
				switch {
				case sketch:
					x = `\d`
				case seen:
					x = unnamed.Replace(x)
				}
				seen = true
				b.WriteString(x)
				continue
			}
			walk(x, depth+1)
		}
	}
	walk(p, 0)
	return b.String()
}

// macroEnd returns the end of the macro name ("{N}", "{TTHC}": a capital
// letter, then capitals and digits, in braces) at offset i of p, or -1.
func macroEnd(p string, i int) int {
	if i+2 >= len(p) || p[i] != '{' || p[i+1] < 'A' || p[i+1] > 'Z' {
		return -1
	}
	for j := i + 2; j < len(p); j++ {
		switch c := p[j]; {
		case c == '}':
			return j + 1
		case c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		default:
			return -1
		}
	}
	return -1
}

// compileLower compiles a pattern, macros expanded, in lower case, to
// run on lower-cased text: matching without case folding is several
// times faster. Escapes (\p{Lu}, \S, \D) keep their case.
func compileLower(p string) *normalize.Searcher {
	return normalize.NewSearcher(lowerPattern(expandMacros(p)))
}

// lowerPattern lower-cases the literal text of a regular expression,
// leaving escapes, character classes such as \p{Lu} and group names as
// they are.
func lowerPattern(p string) string {
	var b strings.Builder
	b.Grow(len(p))
	for i := 0; i < len(p); i++ {
		switch {
		case p[i] == '\\' && i+1 < len(p):
			j := i + 2
			if (p[i+1] == 'p' || p[i+1] == 'P') && j < len(p) && p[j] == '{' {
				if k := strings.IndexByte(p[j:], '}'); k >= 0 {
					j += k + 1
				}
			}
			b.WriteString(p[i:j])
			i = j - 1
		case strings.HasPrefix(p[i:], "(?P<"):
			k := strings.IndexByte(p[i:], '>')
			b.WriteString(p[i : i+k+1])
			i += k
		case p[i] < utf8.RuneSelf:
			c := p[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b.WriteByte(c)
		default:
			r, n := utf8.DecodeRuneInString(p[i:])
			b.WriteRune(unicode.ToLower(r)) // as strings.ToLower does
			i += n - 1
		}
	}
	return b.String()
}
