// Package msg holds the messages of the baocao command line in English
// and Vietnamese, in one catalogue (catalog.go), and chooses the
// language of a run.
//
// # Model
//
// A message is keyed by its English format string, as written in the
// code: pr.Sprintf("%d files in %s", n, d). The Vietnamese catalogue maps
// that key to its translation; a key without one prints in English. The
// printers are golang.org/x/text/message printers, so numbers in
// messages are formatted for the reader: the Vietnamese printer writes
// 1.543 and 46,14, and so does the English one (it uses the en-150
// locale, English with the same separators), because analysts read
// Vietnamese numbers whatever the language of the messages. English
// messages that count something take the singular for one (englishOne).
//
// # Limits
//
// Only what analysts see is translated: summaries, check's output,
// usage errors and the errors of the command line itself. Errors from
// deeper packages (a parser's reason for a failed file, SQLite's
// messages) stay in English, and flags' stored messages are English,
// shown beside a Vietnamese description built from the flag's fields.
package msg

import (
	"context"
	"strings"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"
)

// The interface languages.
const (
	EN = "en"
	VI = "vi"
)

// english is the locale of English messages: English words with the
// Vietnamese number separators (1.543; 46,14).
var english = language.MustParse("en-150")

var cat = func() *catalog.Builder {
	b := catalog.NewBuilder(catalog.Fallback(english))
	for k, v := range vietnamese {
		if err := b.SetString(language.Vietnamese, k, v); err != nil {
			panic("msg: " + k + ": " + err.Error())
		}
	}
	for k, one := range englishOne {
		if err := b.Set(english, k, plural.Selectf(1, "%d", "=1", one, "other", k)); err != nil {
			panic("msg: " + k + ": " + err.Error())
		}
	}
	return b
}()

// New returns the printer for lang: VI for Vietnamese, anything else for
// English.
func New(lang string) *message.Printer {
	if lang == VI {
		return message.NewPrinter(language.Vietnamese, message.Catalog(cat))
	}
	return message.NewPrinter(english, message.Catalog(cat))
}

// Lang chooses the language of a run: flag (the --lang value) if set,
// else the first of LC_ALL, LC_MESSAGES and LANG that is set, as POSIX
// orders them. A value starting with "vi" (vi, vi_VN.UTF-8) is
// Vietnamese; everything else is English. An unknown --lang is an
// error.
func Lang(flag string, getenv func(string) string) (string, error) {
	if flag != "" {
		switch l := strings.ToLower(flag); {
		case strings.HasPrefix(l, "vi"):
			return VI, nil
		case strings.HasPrefix(l, "en"):
			return EN, nil
		}
		return EN, &UnknownLangError{flag}
	}
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(k); v != "" {
			if strings.HasPrefix(strings.ToLower(v), "vi") {
				return VI, nil
			}
			return EN, nil
		}
	}
	return EN, nil
}

// UnknownLangError is the error for a --lang that is neither English
// nor Vietnamese.
type UnknownLangError struct{ Lang string }

func (e *UnknownLangError) Error() string {
	return "unknown --lang " + e.Lang + ": want en or vi"
}

type ctxKey struct{}

// With returns ctx carrying the printer p.
func With(ctx context.Context, p *message.Printer) context.Context {
	return context.WithValue(ctx, ctxKey{}, p)
}

// From returns the printer carried by ctx, or the English one.
func From(ctx context.Context) *message.Printer {
	if p, ok := ctx.Value(ctxKey{}).(*message.Printer); ok {
		return p
	}
	return New(EN)
}
