package msg

// vietnamese maps each English message, as written in the code, to its
// Vietnamese translation. The verbs (%d, %s, …) must be the same, in the
// same order: TestCatalogVerbs checks it.
var vietnamese = map[string]string{
	// Stopping.
	"baocao: did not stop in time; exiting": "baocao: không dừng kịp; thoát ngay",
	"interrupted":                           "đã dừng theo yêu cầu (Ctrl-C)",

	// Command line.
	"unknown --lang %q: want en or vi": "--lang %q không hợp lệ: dùng en hoặc vi",
	"unknown command %q":               "không có lệnh %q",
}
