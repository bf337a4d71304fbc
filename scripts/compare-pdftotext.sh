#!/usr/bin/env bash
# compare-pdftotext.sh times `pdftotext -layout` against baocao's PDF
# reader (package extract/pdf, through extract/pdf/internal/dump) on the
# same PDFs and prints the ratio.
#
# Usage: scripts/compare-pdftotext.sh [N] [file.pdf ...]
#   N      reads per file (default 20)
#   files  default: testdata/pdf/real/*.pdf
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-20}
shift || true
files=("$@")
if [ ${#files[@]} -eq 0 ]; then
	files=(testdata/pdf/real/*.pdf)
fi
command -v pdftotext >/dev/null || { echo "pdftotext not found: apt-get install -y poppler-utils" >&2; exit 1; }
bin=$(mktemp -d)/dump
trap 'rm -rf "$(dirname "$bin")"' EXIT
go build -o "$bin" ./extract/pdf/internal/dump

now() { date +%s%N; }
printf '%-34s %6s %14s %14s %8s\n' file pages pdftotext_ms baocao_ms ratio
for f in "${files[@]}"; do
	pages=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ {print $2}')
	t0=$(now)
	for ((i = 0; i < n; i++)); do pdftotext -layout "$f" /dev/null; done
	t1=$(now)
	"$bin" -q -n "$n" "$f" >/dev/null
	t2=$(now)
	p=$(( (t1 - t0) / n ))
	b=$(( (t2 - t1) / n ))
	awk -v f="$(basename "$f")" -v pg="$pages" -v p="$p" -v b="$b" \
		'BEGIN { printf "%-34s %6s %14.2f %14.2f %8.2f\n", f, pg, p/1e6, b/1e6, b/p }'
done
echo "ratio = baocao time / pdftotext time (per file, averaged over $n reads; baocao time includes one process start)"
