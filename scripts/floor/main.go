// Command floor measures the least work any reader of these reports must
// do: read each file, normalise it to NFC, lower-case it and count 50
// domain keywords in it. scripts/bench-ingest.sh runs it on the same
// files as `baocao ingest` and reports ingest's cost as a multiple of
// this floor.
//
// Usage:
//
//	floor FILE...
//
// It prints the number of files, the CPU time (user + system) and the
// CPU time per file, and a checksum of the counts so that the work
// cannot be optimised away.
package main

import (
	"bytes"
	"fmt"
	"os"
	"syscall"
	"time"

	"golang.org/x/text/unicode/norm"
)

// keywords are 50 words any extractor of these reports looks for.
var keywords = [][]byte{
	[]byte("thủ tục hành chính"), []byte("tthc"), []byte("dịch vụ công"), []byte("trực tuyến"), []byte("mức độ 3"),
	[]byte("mức độ 4"), []byte("toàn trình"), []byte("một phần"), []byte("hồ sơ"), []byte("tiếp nhận"),
	[]byte("giải quyết"), []byte("đúng hạn"), []byte("thanh toán"), []byte("giao dịch"), []byte("văn bản"),
	[]byte("ký số"), []byte("chữ ký số"), []byte("chứng thư"), []byte("thư điện tử"), []byte("tài khoản"),
	[]byte("mã độc"), []byte("sự cố"), []byte("an toàn thông tin"), []byte("hệ thống thông tin"), []byte("cấp độ"),
	[]byte("cán bộ"), []byte("chuyên trách"), []byte("cơ sở dữ liệu"), []byte("dùng chung"), []byte("kinh phí"),
	[]byte("triệu đồng"), []byte("tỷ đồng"), []byte("soc"), []byte("giám sát"), []byte("kết nối"),
	[]byte("cổng dịch vụ công"), []byte("quốc gia"), []byte("cấp tỉnh"), []byte("cấp huyện"), []byte("cấp xã"),
	[]byte("tỷ lệ"), []byte("tổng số"), []byte("trong đó"), []byte("đạt"), []byte("năm 20"),
	[]byte("sim"), []byte("pki"), []byte("máy tính"), []byte("phê duyệt"), []byte("ngân sách"),
}

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: floor FILE...")
		os.Exit(2)
	}
	var sum, n int
	for _, path := range os.Args[1:] {
		b, err := os.ReadFile(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, "floor:", err)
			os.Exit(1)
		}
		low := bytes.ToLower(norm.NFC.Bytes(b))
		for _, k := range keywords {
			sum += bytes.Count(low, k)
		}
		n++
	}
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		fmt.Fprintln(os.Stderr, "floor:", err)
		os.Exit(1)
	}
	cpu := time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	fmt.Printf("files %d cpu %.3f s per-file %.3f ms checksum %d\n", n, cpu.Seconds(), cpu.Seconds()*1000/float64(n), sum)
}
