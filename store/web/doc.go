// Package web is `baocao serve`: a read-only web view, in Vietnamese, over
// a baocao database, from the province table down to the figure on the
// page it came from.
//
// # Model
//
// A [Server] is an http.Handler over one [store.DB] opened read-only. Every
// page is rendered on the server with html/template, plain HTML and CSS
// embedded in the binary (no JavaScript, nothing loaded from the
// network), and every number is written the Vietnamese way through
// store.FormatValue (1.543; 46,14 %; 29.473.482.000 đồng). The pages:
//
//   - / is the province table: one row per province (or per unit of 2025)
//     for a year, one column per key metric of the view province_year
//     (unit2025_year), sortable and filterable, each cell marked when its
//     figure comes from OCR, is approximate, or is involved in a flag, and
//     downloadable as XLSX (store.WriteXLSX) or CSV;
//   - /report/{id} is one report: every figure with its evidence sentence
//     and the number highlighted in it, its flags, its budget items, and
//     its copies (the other paths of the same content, and the other
//     reports of the same province and year);
//   - /figure/{id} and /evidence/{id} show a figure, or a flag's piece of
//     evidence, on the page of the original: the page image rendered by
//     poppler's pdftoppm from the file's bytes stored in the database
//     (table originals), with the figure's box highlighted, or, for DOCX,
//     text and Markdown, the paragraph in its context;
//   - /compare puts provinces (or years of one province) side by side;
//   - /flags lists every flag, filterable, with its evidence;
//   - /charts draws a metric across provinces and a province's metrics
//     over the years as SVG;
//   - /sql runs read-only SQL, with the schema and the example queries.
//
// # Safety
//
// The database is opened read-only by the caller, and every statement
// runs under the store's [store.Limits] and the request's time limit. No
// part of a request names a file: a page image is made only for a
// document of the database, chosen by its id, from the bytes the
// database holds, written to a temporary file the server names itself.
// Only GET and HEAD are served.
//
// # Limits
//
// A figure's box (columns box_x, box_y, box_w, box_h) is highlighted only
// where the reader knew positions (PDF text layers and OCR); otherwise
// the page is shown with the figure's line named. DOCX files have no
// pages, and their paragraphs are not re-read here (that would take the
// DOCX reader of package extract): the evidence sentence is shown with
// the figures stated around it. The report's copies are the files of the
// same content and the reports of the same province and year; a model of
// copies of one report, chosen by quality, is to plug in at copiesOf.
package web
