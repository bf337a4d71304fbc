// Package pipeline runs one report file through every stage of baocao
// but storage: extract (in an isolated parser child), OCR of pages
// without a text layer, normalize, the rules and the consistency checks.
// It returns a [report.Report], the JSON contract, which the caller
// prints (baocao extract), scores (baocao eval) or stores (baocao
// ingest, through package store).
//
// # Model
//
// A file comes from package corpus already inspected: [corpus.Walk] or
// [corpus.Load] found it, [corpus.Inspect] read its content once into
// memory, hashed those bytes and detected their format. [Pipeline.Report]
// takes that [corpus.File] as it is: it parses those same bytes (a file
// changed since on disk does not matter), and never opens the file,
// detects the format or hashes it again. The parser child is sent the
// bytes, the name and the format; the OCR tools, which read files by
// name, get a private copy of the bytes.
//
// Text and Markdown are read in the calling process. PDF and DOCX are
// read by a child process of an [extract.Pool] that the Pipeline owns:
// started on first use, one child per concurrent caller, each kept from
// file to file, each file under the time and memory limits of
// [Options]. A child that crashes, hangs or grows too big costs its file
// only. Close stops the children.
//
// Whether a file goes to OCR is decided in one place, needOCR: a PDF
// with no text layer at all, or with pages lacking one, unless OCR is
// turned off (ocr.ModeNever); every PDF with ocr.ModeAlways. The
// recognised text is merged into the document before normalize.
//
// # Limits
//
// OCR runs in the calling process, but every tool it starts (pdfinfo,
// pdfimages, pdftoppm, tesseract) runs under limits: the memory limit of
// the parser children, and a time limit per page (ocr.Options.PageTimeout,
// which the pipeline sets to its per-file Options.Timeout), so that a
// hostile page stops within the limit while a long honest scan is read
// to its end.
package pipeline
