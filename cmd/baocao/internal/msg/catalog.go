package msg

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
