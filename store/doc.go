// Package store keeps the figures baocao reads from provincial reports in
// a SQLite database, and queries and exports them.
//
// # Model
//
// A document is one distinct file content, identified by its SHA-256.
// Its figures (table metrics), budget rows (budget_items) and
// inconsistency flags (flags, flag_evidence) hang off it and are deleted
// with it (foreign keys with ON DELETE CASCADE). Every path at which the
// content was seen is a row of document_paths, so the same content under
// two names is stored once. Column names follow the JSON contract of
// `baocao extract --json` (package rules/report), plus document_id; a
// figure's box on its page is box_x, box_y, box_w, box_h (PDF points from
// the page's top-left corner) and its table cell cell_table, cell_row,
// cell_col.
//
// Ingest is idempotent: [DB.Save] of a content already stored changes
// nothing but the path rows; a file changed at the same path replaces the
// old document, which is deleted when no other path refers to it. A file
// that failed to read gets a document row with status 'failed' so that it
// is listed, but [DB.Unchanged] never reports a failed file as unchanged:
// it is read again on the next ingest, and a success then replaces the
// failure. Each [DB.Save] or [DB.SaveBatch] is one transaction, so a crash
// loses only whole documents, whose paths are then not recorded and are
// redone by the next run. [Open] is the single writer of a file: it holds
// an advisory lock (flock on the file) until [DB.Close], and another
// writer fails with [ErrLocked] or, with [OpenWait], waits. A path is
// stored as the file system gives it in document_paths, and shown with
// its bytes that are not UTF-8 escaped in documents.path.
//
// A report a province issued often comes as several files: its copies.
// Each document read without error belongs to a report (table reports):
// when it is saved it joins the report of an earlier copy of the same
// province and year with the same document number, else the same issue
// date, else the same figures, or starts a report of its own. The best
// copy of each report (reports.best_document_id) is the one the province
// tables read: the pinned copy ([DB.PinCopy]), else the first by having
// figures, declaring a correction, being born-digital rather than OCR,
// more figures, the older file. Copies that give a metric another value
// than the best copy raise a flag copies.disagree on it, with both
// evidences. [DB.Reports] lists reports and their copies; [DB.RemoveCopy]
// sets a copy aside. The rules are at the top of copies.go.
//
// The schema is created by SQL migrations embedded in the package
// (migrations/NNNN_name.sql), applied in order and recorded in the table
// schema_migrations. The metric catalog, which the caller of [Open] passes
// in (the rules' catalog: store does not import the rule engine), and the
// provinces of both eras (package normalize) are reloaded into
// metric_catalog, provinces and province_merger_2025 on every read-write
// [Open]; readers take labels and units from metric_catalog.
//
// Views give the figures as analysts want them: metric_values,
// latest_metric_values, latest_documents, province_year, report_flags,
// unit2025_year (the 2025 merger of 63 provinces into 34 units),
// report_periods and report_copies. The province table (latest_documents
// and the views built on it) takes full-year reports only, so that a
// quarter's or a half-year's figures never stand beside a year's, and
// reads each report's best copy; report_periods lists every report with
// the period it covers, report_copies every copy.
// province_year has a column per key figure of the catalog
// (report.Metric.Key), and unit2025_year sums them and recomputes rates
// from their parts (report.Metric.Rate): these two are derived from the
// catalog, not written in a migration, and a read-write [Open] recreates
// them when their stored definition is not the one the catalog gives.
// [SchemaDoc] lists tables and views with a line on each.
//
// # Reading
//
// [OpenReadOnly] opens the file read-only (mode=ro), with PRAGMA
// query_only, no attached databases and an authorizer that allows only
// reads, so that no statement given to [DB.Query] can change it. Every
// Query runs under the DB's [Limits] (30 s and 512 MiB unless
// [DB.SetLimits] says otherwise): SQLite is interrupted at the time
// limit, and the heap limit, the longest string and the size of the rows
// returned bound its memory; a query stopped so fails with a
// *[LimitError]. A writer leaves the file in rollback-journal mode when
// it closes, so that readers create no -wal or -shm file.
// [WriteTable], [WriteCSV] and [WriteJSON] print a [Result]; [Export]
// writes views as CSV, JSON or XLSX, and [DB.WriteXLSX] any results the
// same way. [FormatValue] and [DB.Columns] name values and columns the
// Vietnamese way.
//
// The bytes of each file read are kept by content hash in the table
// originals ([Item].Original, [DB.Original]), so that a figure can be
// shown on its page after the folder of reports has moved.
//
// # Limits
//
// The latest report of a province and year is chosen among reports with
// figures by the issue date of its best copy (doc_date), then
// born-digital before OCR, more figures, and ingest time. Copies are
// grouped as they are saved, so the grouping depends on what was stored
// before: a scan whose OCR misread the document number and the date, and
// whose figures are too few to compare, starts a report of its own (it is
// still never chosen over a report with figures and a later date). A
// document number or date read wrongly from one copy can keep it apart
// from the others; [DB.PinCopy] cannot merge reports. Where a
// report gives the same metric more than once, province_year takes the
// first figure (lowest id). unit2025_year maps reports by their
// province code through the merger table; a report written by a 2025
// unit under a code of its own counts as the old province of that code.
// Summed counts in unit2025_year are sums over the old provinces that
// reported the metric: the covers column says which provinces had a
// report, not which reported each metric. SQL error positions are
// best-effort (from SQLite's "near" text), as the driver does not expose
// sqlite3_error_offset.
package store
