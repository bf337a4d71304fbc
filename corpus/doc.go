// Package corpus finds the report files of a corpus and runs them through
// a pipeline as a batch. It is the first stage of baocao: it knows files,
// their formats and their hashes, and nothing of what is inside them.
//
// # Model
//
// [Walk] turns the paths given on the command line into [File]s: folders
// are walked in lexical order and yield the files with a report
// extension (.pdf, .docx, .txt, .md, in any case); a file named
// explicitly is yielded whatever its extension. The format is decided
// from the content by [Detect], so a PDF named .docx is read as a PDF.
//
// A [Batch] walks the roots, skips the files the caller already has
// (same path, size and modification time, without opening them), hashes
// and detects the others in a pool of workers, recognises content seen
// before (in the same run or stored earlier), hands the rest to the
// caller's Process function, and gives every [Outcome] to the caller's
// Commit function from one goroutine, in groups, so that a single writer
// owns the database. A [Progress] shows the run as it goes: a live bar
// on a terminal, one line per file otherwise, or JSON lines; and the
// [Summary] holds the final counts, every failure with its reason and
// every file the walk passed over with its reason ([Skipped]).
//
// [Inspect] reads each file once into memory (up to a size cap): the
// bytes it hashes and detects are the bytes the pipeline parses, and a
// file that changes while it is read is read again or fails. A file
// that is not a regular file (a named pipe, a device) is refused
// without blocking.
//
// # Limits
//
// The walk is done before the first file is processed, so that progress
// has a total and an ETA; a tree of millions of files costs memory for
// its list. Loop detection uses device and inode numbers on Unix and
// resolved paths elsewhere. A change during the read is seen through
// the file's size and modification time: a rewrite to the same size
// within one tick of the file system's clock is not, though what is
// hashed is still what is parsed. Files whose Process call is in flight
// when the run is cancelled get [Batch].StopGrace to finish and be
// committed; then their context is cancelled and those that give up are
// left for the next run. A Process call that ignores its context holds
// the run until it returns, so Process must honour ctx (extract.Pool
// does: it kills the child).
package corpus
