#!/usr/bin/env bash
# measure.sh: scores and costs of OCR on generated scans.
#
#   testdata/ocr/measure.sh BAOCAO SCANDIR [CPUS]
#
# BAOCAO is a built CLI (go build -o /tmp/baocao ./cmd/baocao), SCANDIR a
# folder made by `go run ./testdata/ocr/mkscan -out SCANDIR FILE.pdf...`
# (one sub-folder per preset). For each scan it runs `baocao eval` against
# the gold of its source document (testdata/gold for the samples,
# testdata/eval for the evaluation reports) with a fresh, empty OCR cache,
# and prints precision, recall, the born-digital recall of the source PDF,
# pages, wall seconds per page, CPU seconds per page (user + system, the
# tools included: steadier than wall time on a shared machine) and the
# peak resident memory of any one process (GNU time's maximum RSS). CPUS,
# e.g. 0 or 0,1, pins the run to those CPUs with taskset; the CLI then
# runs one OCR worker per CPU.
set -euo pipefail
bin=$(realpath "$1")
scans=$(realpath "$2")
cpus=${3:-}
root=$(cd "$(dirname "$0")/../.." && pwd)
pin=()
if [ -n "$cpus" ]; then
	pin=(taskset -c "$cpus")
fi

gold_dir() {
	local stem=$1
	if [ -f "$root/testdata/gold/$stem.json" ]; then
		echo "$root/testdata/gold"
	else
		echo "$root/testdata/eval"
	fi
}

field() { sed -n "s/^ \"$1\": \([0-9.e+-]*\),\{0,1\}$/\1/p" "$2" | tail -1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
declare -A born
printf '%-12s %-20s %6s %6s %6s %5s %8s %8s %8s\n' scan document P R R-born pages s/page cpu-s/pg peakMiB
for dir in "$scans"/*/; do
	preset=$(basename "$dir")
	for f in "$dir"*.pdf; do
		stem=$(basename "$f" .pdf)
		gd=$(gold_dir "$stem")
		src="$root/testdata/samples/$stem.pdf"
		[ -f "$src" ] || src="$root/testdata/eval/$stem.pdf"
		if [ -z "${born[$stem]:-}" ]; then
			"$bin" eval --json --gold "$gd" "$src" >"$tmp/born.json"
			born[$stem]=$(field recall "$tmp/born.json")
		fi
		pages=$(pdfinfo "$f" | sed -n 's/^Pages: *//p')
		rm -rf "$tmp/cache"
		XDG_CACHE_HOME="$tmp/cache" /usr/bin/time -f '%e %U %S %M' -o "$tmp/time" \
			"${pin[@]}" "$bin" eval --json --timeout 10m --gold "$gd" "$f" >"$tmp/out.json" 2>"$tmp/err" || true
		read -r secs usr sys kib <"$tmp/time"
		p=$(field precision "$tmp/out.json")
		r=$(field recall "$tmp/out.json")
		printf '%-12s %-20s %6.3f %6.3f %6.3f %5d %8.2f %8.2f %8.0f\n' "$preset" "$stem" "${p:-0}" "${r:-0}" "${born[$stem]}" \
			"$pages" "$(echo "$secs / $pages" | bc -l)" "$(echo "($usr + $sys) / $pages" | bc -l)" "$(echo "$kib / 1024" | bc -l)"
	done
done
