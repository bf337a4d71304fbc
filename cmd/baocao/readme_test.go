package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode"
)

// The documentation a new user reads: the README and the reference in
// docs/, relative to the repository root, in the order the shell lines of
// their examples run (the README's quick start ingests the samples the
// other examples read).
func docFiles(t *testing.T) []string {
	t.Helper()
	docs, err := filepath.Glob(filepath.Join("..", "..", "docs", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(docs)
	files := []string{"README.md"}
	for _, d := range docs {
		files = append(files, filepath.ToSlash(strings.TrimPrefix(d, filepath.Join("..", "..")+string(filepath.Separator))))
	}
	return files
}

// A shellLine is one command of a fenced sh or console block of a
// Markdown file: a line (with its continuation lines joined), without the
// "$ " prompt of a console block.
type shellLine struct {
	file string // relative to the repository root
	line int    // 1-based line of the command's first line
	text string
}

// shellLines returns the commands of the sh, bash, shell and console
// blocks of a Markdown file. In a console block only the lines after a
// "$ " prompt are commands; the others are output.
func shellLines(name string, md []byte) []shellLine {
	var lines []shellLine
	var lang string // of the open block; "" outside
	inFence := false
	var cont *shellLine
	sc := bufio.NewScanner(bytes.NewReader(md))
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		l := sc.Text()
		if strings.HasPrefix(strings.TrimSpace(l), "```") {
			if inFence {
				inFence, lang, cont = false, "", nil
			} else {
				inFence, lang = true, strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(l), "```"))
			}
			continue
		}
		switch {
		case !inFence:
			continue
		case lang != "sh" && lang != "bash" && lang != "shell" && lang != "console":
			continue
		}
		if cont != nil {
			cont.text += "\n" + l
		} else {
			text := l
			if lang == "console" {
				var ok bool
				if text, ok = strings.CutPrefix(strings.TrimSpace(l), "$ "); !ok {
					continue
				}
			}
			if strings.TrimSpace(text) == "" || strings.HasPrefix(strings.TrimSpace(text), "#") {
				continue
			}
			lines = append(lines, shellLine{file: name, line: n, text: text})
			cont = &lines[len(lines)-1]
		}
		if !strings.HasSuffix(l, `\`) {
			cont = nil
		}
	}
	return lines
}

// invocation matches a command line that runs baocao: after optional
// VAR=value assignments, the installed binary, ./baocao or go run
// ./cmd/baocao, followed by the command's arguments.
var invocation = regexp.MustCompile(`^((?:[A-Za-z_][A-Za-z0-9_]*=\S*\s+)*)(?:baocao|\./baocao|go run \./cmd/baocao)(\s|$)`)

// longRunning are the commands that run until stopped: the test does not
// run them.
var longRunning = map[string]bool{"serve": true}

// TestDocCommands runs every command of the README and of docs/*.md that
// invokes baocao, as a new user would from the repository root: in a
// folder laid out like the repository (its files linked, the sample
// reports copied), with baocao (this test binary, see TestMain) on the
// PATH for "baocao", "./baocao" and "go run ./cmd/baocao", and the
// database in that folder. The lines run in the order the files show
// them, so the quick start's ingest serves the others. A line that fails
// fails its subtest with its output.
func TestDocCommands(t *testing.T) {
	root := filepath.Join("..", "..")
	work := docWorkTree(t, root)
	bin := t.TempDir()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	wrapper := "#!/bin/sh\nexec " + shellQuote(exe) + " \"$@\"\n"
	if err := os.WriteFile(filepath.Join(bin, "baocao"), []byte(wrapper), 0o755); err != nil {
		t.Fatal(err)
	}
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skipf("no shell: %v", err)
	}
	var ran int
	for _, name := range docFiles(t) {
		md, err := os.ReadFile(filepath.Join(root, name))
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range shellLines(name, md) {
			m := invocation.FindStringSubmatchIndex(l.text)
			if m == nil {
				continue
			}
			// "baocao", "./baocao" and "go run ./cmd/baocao" all become
			// the baocao on the PATH.
			command := l.text[:m[3]] + "baocao" + l.text[m[4]:]
			fields := strings.Fields(l.text[m[5]:])
			ran++
			t.Run(strings.ReplaceAll(fmt.Sprintf("%s:%d", l.file, l.line), "/", "_"), func(t *testing.T) {
				if len(fields) > 0 && longRunning[fields[0]] {
					t.Skipf("%s runs until stopped: %s", fields[0], l.text)
				}
				ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
				defer cancel()
				cmd := exec.CommandContext(ctx, sh, "-c", command)
				cmd.Dir = work
				cmd.Env = append(os.Environ(), mainEnv+"=1", "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"),
					"LANG=C", "LC_ALL=", "LC_MESSAGES=")
				out, err := cmd.CombinedOutput()
				if err != nil {
					if len(out) > 4000 {
						out = append(out[:4000:4000], "\n…"...)
					}
					t.Errorf("%s:%d: %s\n%v\n%s", l.file, l.line, l.text, err, out)
				}
			})
		}
	}
	if ran < 5 {
		t.Errorf("only %d baocao command lines found in the documentation", ran)
	}
}

// docWorkTree makes a folder that looks like the repository root to the
// documentation's commands: every top-level entry and every entry of
// testdata linked, except the sample reports, which are copied, so that
// what the commands write (the database, exports) stays in the folder.
func docWorkTree(t *testing.T, root string) string {
	t.Helper()
	abs, err := filepath.Abs(root)
	if err != nil {
		t.Fatal(err)
	}
	work := t.TempDir()
	link := func(dir, dst string) {
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			name := e.Name()
			switch {
			case dir == abs && (name == "testdata" || name == ".git" || strings.HasPrefix(name, "baocao.db") || name == "baocao"):
			case dir != abs && name == "samples":
			default:
				if err := os.Symlink(filepath.Join(dir, name), filepath.Join(dst, name)); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	link(abs, work)
	if err := os.Mkdir(filepath.Join(work, "testdata"), 0o755); err != nil {
		t.Fatal(err)
	}
	link(filepath.Join(abs, "testdata"), filepath.Join(work, "testdata"))
	samples := filepath.Join(work, "testdata", "samples")
	if err := os.Mkdir(samples, 0o755); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(filepath.Join(abs, "testdata", "samples"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		copyFile(t, filepath.Join("testdata", "samples", e.Name()), samples, e.Name())
	}
	return work
}

// shellQuote quotes s for sh.
func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// TestShellLines checks how command lines are read from Markdown.
func TestShellLines(t *testing.T) {
	md := "text `baocao x`\n" +
		"```sh\n" +
		"baocao ingest a \\\n  --db x.db\n" +
		"# a comment\n" +
		"\n" +
		"go test ./...\n" +
		"```\n" +
		"```console\n" +
		"$ go run ./cmd/baocao version\n" +
		"baocao (devel)\n" +
		"```\n" +
		"```\n" +
		"baocao not a shell block\n" +
		"```\n" +
		"```json\n" +
		"{\"baocao\": 1}\n" +
		"```\n"
	got := shellLines("x.md", []byte(md))
	want := []shellLine{
		{"x.md", 3, "baocao ingest a \\\n  --db x.db"},
		{"x.md", 7, "go test ./..."},
		{"x.md", 10, "go run ./cmd/baocao version"},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("shellLines:\n got %+v\nwant %+v", got, want)
	}
	for _, tt := range []struct {
		line string
		runs bool
	}{
		{"baocao ingest testdata/samples", true},
		{"./baocao version", true},
		{"go run ./cmd/baocao query \"SELECT 1\"", true},
		{"LANG=vi_VN.UTF-8 baocao check", true},
		{"baocao", true},
		{"go build -o baocao ./cmd/baocao", false},
		{"go install github.com/baocao/baocao/cmd/baocao@latest", false},
		{"sqlite3 -readonly baocao.db", false},
		{"baocaox version", false},
	} {
		if runs := invocation.MatchString(tt.line); runs != tt.runs {
			t.Errorf("%q invokes baocao: %v, want %v", tt.line, runs, tt.runs)
		}
	}
}

// TestDocLinks checks the relative links of the README, DEVELOPERS.md and
// docs/*.md: every file they name exists, and every #anchor names a
// heading of its file (as GitHub makes anchors from headings).
func TestDocLinks(t *testing.T) {
	root := filepath.Join("..", "..")
	files := append(docFiles(t), "DEVELOPERS.md")
	anchors := map[string]map[string]bool{}
	anchorsOf := func(name string) map[string]bool {
		if a, ok := anchors[name]; ok {
			return a
		}
		md, err := os.ReadFile(filepath.Join(root, name))
		if err != nil {
			t.Fatal(err)
		}
		anchors[name] = headingAnchors(string(md))
		return anchors[name]
	}
	for _, name := range files {
		md, err := os.ReadFile(filepath.Join(root, name))
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range markdownLinks(string(md)) {
			target := l.target
			if strings.Contains(target, "://") || strings.HasPrefix(target, "mailto:") {
				continue
			}
			path, anchor, _ := strings.Cut(target, "#")
			file := name
			if path != "" {
				file = filepath.ToSlash(filepath.Join(filepath.Dir(name), path))
				if _, err := os.Stat(filepath.Join(root, file)); err != nil {
					t.Errorf("%s:%d: link to %s: %v", name, l.line, target, err)
					continue
				}
			}
			if anchor != "" && strings.HasSuffix(file, ".md") && !anchorsOf(file)[anchor] {
				t.Errorf("%s:%d: link to %s: %s has no heading with anchor #%s", name, l.line, target, file, anchor)
			}
		}
	}
}

// A markdownLink is the target of a [text](target) link and its line.
type markdownLink struct {
	line   int
	target string
}

var (
	linkRe       = regexp.MustCompile(`\]\(([^)\s]+)\)`)
	inlineCodeRe = regexp.MustCompile("`[^`]*`")
)

// markdownLinks returns the inline links of a Markdown text outside code
// blocks and code spans.
func markdownLinks(md string) []markdownLink {
	var links []markdownLink
	inFence := false
	for i, l := range strings.Split(md, "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "```") {
			inFence = !inFence
			continue
		}
		if inFence {
			continue
		}
		for _, m := range linkRe.FindAllStringSubmatch(inlineCodeRe.ReplaceAllString(l, ""), -1) {
			links = append(links, markdownLink{i + 1, m[1]})
		}
	}
	return links
}

// headingAnchors returns the anchors GitHub gives the headings of a
// Markdown text: lower case, punctuation dropped, spaces as hyphens, and
// -1, -2, … after a repeated one.
func headingAnchors(md string) map[string]bool {
	anchors := map[string]bool{}
	seen := map[string]int{}
	inFence := false
	for _, l := range strings.Split(md, "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "```") {
			inFence = !inFence
			continue
		}
		if inFence || !strings.HasPrefix(l, "#") {
			continue
		}
		text := strings.TrimSpace(strings.TrimLeft(l, "#"))
		if text == "" || !strings.HasPrefix(l, strings.Repeat("#", len(l)-len(strings.TrimLeft(l, "#")))+" ") {
			continue
		}
		var b strings.Builder
		for _, r := range strings.ToLower(text) {
			switch {
			case r == ' ':
				b.WriteByte('-')
			case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Mn, r):
				b.WriteRune(r)
			}
		}
		a := b.String()
		if n := seen[a]; n > 0 {
			anchors[fmt.Sprintf("%s-%d", a, n)] = true
		} else {
			anchors[a] = true
		}
		seen[a]++
	}
	return anchors
}
