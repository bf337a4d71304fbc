package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/message"

	"github.com/baocao/baocao/corpus"
)

// ingestSummary is what ingest says at the end of a run.
type ingestSummary struct {
	corpus.Summary
	Metrics, Flags int
	Database       string
	Interrupted    bool
}

// skippedShown is how many paths are listed per skip reason.
const skippedShown = 5

// writeSummary writes the summary of a run for people: the counts, the
// files skipped by reason, every failure with its reason, what was
// stored, and what is left after an interruption.
func writeSummary(w io.Writer, pr *message.Printer, s ingestSummary) error {
	fmt.Fprint(w, pr.Sprintf("%d files in %s: %d ingested, %d unchanged, %d duplicate, %d failed",
		s.Found, corpus.FormatDuration(s.Elapsed), s.Ingested, s.Unchanged, s.Duplicate, s.Failed))
	if secs := s.Elapsed.Seconds(); secs > 0 && s.Found > 0 {
		fmt.Fprint(w, pr.Sprintf(" (%.1f files/s)", float64(s.Found-s.Pending)/secs))
	}
	if s.Pending > 0 {
		fmt.Fprint(w, pr.Sprintf(", %d not done (run again to finish)", s.Pending))
	}
	fmt.Fprintln(w)
	if len(s.Skipped) > 0 {
		fmt.Fprintln(w, pr.Sprintf("skipped %d files that are not reports:", len(s.Skipped)))
		var order []corpus.SkipReason
		by := map[corpus.SkipReason][]string{}
		for _, k := range s.Skipped {
			if by[k.Reason] == nil {
				order = append(order, k.Reason)
			}
			by[k.Reason] = append(by[k.Reason], k.Path)
		}
		for _, r := range order {
			paths := by[r]
			shown := paths[:min(len(paths), skippedShown)]
			more := ""
			if n := len(paths) - len(shown); n > 0 {
				more = pr.Sprintf(" and %d more", n)
			}
			fmt.Fprintf(w, "  %s (%d): %s%s\n", pr.Sprintf(r.String()), len(paths), strings.Join(shown, ", "), more)
		}
	}
	if len(s.Failures) > 0 {
		fmt.Fprintln(w, pr.Sprintf("failed:"))
		for _, f := range s.Failures {
			fmt.Fprintf(w, "  %s: %s\n", f.Path, f.Reason)
		}
	}
	fmt.Fprintln(w, pr.Sprintf("metrics stored: %d, flags stored: %d, database: %s", s.Metrics, s.Flags, s.Database))
	if s.Interrupted {
		fmt.Fprintln(w, pr.Sprintf("interrupted: %d files left for the next run", s.Pending))
	}
	_, err := fmt.Fprint(w)
	return err
}

// summaryJSON is the last object ingest --json prints.
type summaryJSON struct {
	Summary struct {
		Found       int              `json:"found"`
		Ingested    int              `json:"ingested"`
		Unchanged   int              `json:"unchanged"`
		Duplicate   int              `json:"duplicate"`
		Failed      int              `json:"failed"`
		Pending     int              `json:"pending"`
		Failures    []corpus.Failure `json:"failures"`
		Skipped     []corpus.Skipped `json:"skipped"`
		Metrics     int              `json:"metrics"`
		Flags       int              `json:"flags"`
		Database    string           `json:"database"`
		ElapsedMS   int64            `json:"elapsed_ms"`
		Interrupted bool             `json:"interrupted"`
	} `json:"summary"`
}

// writeSummaryJSON writes the summary as one JSON object, {"summary":
// {...}}, after the JSON lines of the files.
func writeSummaryJSON(w io.Writer, s ingestSummary) error {
	var j summaryJSON
	o := &j.Summary
	o.Found, o.Ingested, o.Unchanged, o.Duplicate, o.Failed, o.Pending = s.Found, s.Ingested, s.Unchanged, s.Duplicate, s.Failed, s.Pending
	o.Failures, o.Skipped = s.Failures, s.Skipped
	if o.Failures == nil {
		o.Failures = []corpus.Failure{}
	}
	if o.Skipped == nil {
		o.Skipped = []corpus.Skipped{}
	}
	o.Metrics, o.Flags, o.Database = s.Metrics, s.Flags, s.Database
	o.ElapsedMS, o.Interrupted = s.Elapsed.Milliseconds(), s.Interrupted
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(j)
}
