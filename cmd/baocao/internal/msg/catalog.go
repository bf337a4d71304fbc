package msg

// englishOne maps each English message whose first verb counts
// something to its form for a count of one ("1 file", not "1 files").
// Vietnamese nouns do not change with the count.
var englishOne = map[string]string{
	"%d files in %s: %d ingested, %d unchanged, %d duplicate, %d failed":                    "%d file in %s: %d ingested, %d unchanged, %d duplicate, %d failed",
	"skipped %d files that are not reports:":                                                "skipped %d file that is not a report:",
	"interrupted: %d files left for the next run":                                           "interrupted: %d file left for the next run",
	"%d pages read by OCR, mean confidence %.0f: figures from them may hold misread digits": "%d page read by OCR, mean confidence %.0f: figures from it may hold misread digits",
	"%d flags, read from %s":                                                                "%d flag, read from %s",
	"%d metrics":                                                                            "%d metric",
	"%d flags":                                                                              "%d flag",
	", %d pages by OCR (mean confidence %.0f)":                                              ", %d page by OCR (mean confidence %.0f)",
}

// vietnamese maps each English message, as written in the code, to its
// Vietnamese translation. The verbs (%d, %s, …) must be the same, in the
// same order: TestCatalogVerbs checks it.
var vietnamese = map[string]string{
	// Stopping.
	"baocao: did not stop in time; exiting": "baocao: không dừng kịp; thoát ngay",
	"interrupted":                           "đã dừng theo yêu cầu (Ctrl-C)",

	// Command line.
	"unknown --lang %q: want en or vi":           "--lang %q không hợp lệ: dùng en hoặc vi",
	"unknown command %q":                         "không có lệnh %q",
	"unknown format %q: want table, csv or json": "định dạng %q không hợp lệ: dùng table, csv hoặc json",

	// ingest.
	"%s: no such file or folder":                                         "%s: không có tệp hoặc thư mục này",
	"%s; waiting for it to finish (Ctrl-C to give up)":                   "%s; đang chờ lượt ghi đó xong (Ctrl-C để thôi)",
	"%d files in %s: %d ingested, %d unchanged, %d duplicate, %d failed": "%d tệp trong %s: %d đã nạp, %d không đổi, %d trùng nội dung, %d lỗi",
	" (%.1f files/s)":                          " (%.1f tệp/giây)",
	", %d not done (run again to finish)":      ", %d chưa xử lý (chạy lại để hoàn tất)",
	"skipped %d files that are not reports:":   "bỏ qua %d tệp không phải báo cáo:",
	" and %d more":                             " và %d tệp khác",
	"failed:":                                  "lỗi:",
	"%d metrics":                               "%d số liệu",
	"%d flags":                                 "%d cảnh báo",
	", %d pages by OCR (mean confidence %.0f)": ", %d trang đọc bằng OCR (độ tin cậy trung bình %.0f)",
	", no figure found":                        ", không tìm thấy số liệu nào",
	"metrics stored: %d, flags stored: %d, database: %s":                   "đã lưu %d số liệu, %d cảnh báo, cơ sở dữ liệu: %s",
	"interrupted: %d files left for the next run":                          "đã dừng: còn %d tệp cho lần chạy sau",
	"no reports found in %s (reports are .pdf, .docx, .txt and .md files)": "không tìm thấy báo cáo nào trong %s (báo cáo là các tệp .pdf, .docx, .txt và .md)",
	"hidden":                       "tệp ẩn",
	"Office lock file":             "tệp khóa của Office",
	"old Word .doc: save as .docx": "tệp Word cũ .doc: hãy lưu lại thành .docx",
	"spreadsheet":                  "bảng tính",
	"archive: unzip it first":      "tệp nén: hãy giải nén trước",
	"image: scan it to PDF":        "ảnh: hãy chuyển thành PDF",
	"other document format: save as .docx or PDF": "định dạng văn bản khác: hãy lưu thành .docx hoặc PDF",
	"not a report": "không phải báo cáo",

	// extract.
	"OCR: page %d read": "OCR: đã đọc trang %d",
	"%d pages read by OCR, mean confidence %.0f: figures from them may hold misread digits": "%d trang đọc bằng OCR, độ tin cậy trung bình %.0f: số liệu từ các trang này có thể đọc sai chữ số",
	"no figure found": "không tìm thấy số liệu nào",

	// serve.
	"%s on http://%s/ (Ctrl-C to stop)": "%s tại http://%s/ (Ctrl-C để dừng)",

	// export.
	"unexpected argument %q: export takes only flags":                               "thừa đối số %q: lệnh export chỉ nhận các cờ",
	"unknown --units %q: only 2025 is known":                                        "--units %q không hợp lệ: chỉ có 2025",
	"--excel and --locale apply to CSV, not %s":                                     "--excel và --locale chỉ dùng cho CSV, không dùng cho %s",
	"XLSX is a binary file: give --out FILE.xlsx, or redirect the output to a file": "XLSX là tệp nhị phân: hãy dùng --out TỆP.xlsx hoặc chuyển đầu ra vào một tệp",
	"wrote %s": "đã ghi %s",

	// check.
	"no province %q; did you mean %s?":                 "không có tỉnh %q; có phải là %s?",
	"no province %q":                                   "không có tỉnh %q",
	"unknown severity %q: want error, warning or info": "mức độ %q không hợp lệ: dùng error, warning hoặc info",
	"no flags":               "không có cảnh báo nào",
	"province unknown":       "chưa rõ tỉnh",
	"%d flags, read from %s": "%d cảnh báo, đọc từ %s",
	"only in %s":             "chỉ có trong %s",
	"line %d":                "dòng %d",
}
