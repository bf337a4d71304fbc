#!/usr/bin/env bash
# bench-ingest.sh measures `baocao ingest` on a generated corpus and prints
# a Markdown table for the README.
#
# From a clean clone, at the repository root:
#
#   scripts/bench-ingest.sh                 # 10 000 text + 1 000 ten-page PDFs
#   N_TEXT=500 N_PDF=50 scripts/bench-ingest.sh   # a quick run
#
# It installs poppler-utils, time and fonts-dejavu-core with apt-get if
# missing, builds ./cmd/baocao, generates the corpora with ./corpus/gen
# into a temporary folder (removed at the end unless KEEP=1), and runs,
# each under /usr/bin/time -v: a cold ingest of each set, a rerun with
# nothing changed, and pdftotext alone on the same PDFs, two at a time.
set -euo pipefail

N_TEXT=${N_TEXT:-10000}
N_PDF=${N_PDF:-1000}
PAGES=${PAGES:-10}
SEED=${SEED:-1}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

need() { # need COMMAND PACKAGE
	if ! command -v "$1" >/dev/null 2>&1 && ! [ -x "$1" ]; then
		echo "installing $2" >&2
		if [ "$(id -u)" -eq 0 ]; then SUDO=; else SUDO=sudo; fi
		$SUDO apt-get update -qq >/dev/null
		DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "$2" >/dev/null
	fi
}
need pdftotext poppler-utils
need /usr/bin/time time
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need /nonexistent-font fonts-dejavu-core

WORK=$(mktemp -d "${TMPDIR:-/tmp}/bench-ingest.XXXXXX")
if [ "${KEEP:-0}" != 1 ]; then trap 'rm -rf "$WORK"' EXIT; fi
echo "work folder: $WORK" >&2

go build -o "$WORK/baocao" ./cmd/baocao
go build -o "$WORK/gen" ./corpus/gen

echo "generating $N_TEXT text reports and $N_PDF ${PAGES}-page PDFs" >&2
"$WORK/gen" -n "$N_TEXT" -out "$WORK/text" -formats txt -seed "$SEED"
"$WORK/gen" -n "$N_PDF" -out "$WORK/pdf" -formats pdf -pages "$PAGES" -seed "$((SEED + 1))"
# The gold files sit in gold/ beside the reports; ingest skips .json.

ROWS=()
# measure LABEL FILES -- COMMAND...: runs COMMAND under /usr/bin/time -v
# and adds a row with wall time, files/s and peak RSS.
measure() {
	local label=$1 files=$2
	shift 3
	local log="$WORK/time-$(echo "$label" | tr -c 'a-zA-Z0-9' '_').log"
	local status=0
	/usr/bin/time -v -o "$log" "$@" >"$log.out" 2>"$log.err" || status=$?
	local wall rss secs rate
	wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$log")
	rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$log")
	secs=$(echo "$wall" | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')
	rate=$(awk -v n="$files" -v s="$secs" 'BEGIN { if (s > 0) printf "%.1f", n / s; else print "-" }')
	local note=""
	if [ "$status" -ne 0 ]; then
		note=" (exit $status: $(tail -n 1 "$log.err" | cut -c1-80))"
	fi
	ROWS+=("| $label$note | $files | ${secs}s | $rate | $((rss / 1024)) MiB |")
	echo "$label: ${secs}s, $rate files/s, $((rss / 1024)) MiB$note" >&2
}

measure "ingest text, cold" "$N_TEXT" -- "$WORK/baocao" ingest --db "$WORK/text.db" "$WORK/text"
measure "ingest text, rerun (unchanged)" "$N_TEXT" -- "$WORK/baocao" ingest --db "$WORK/text.db" "$WORK/text"
measure "ingest PDF, cold" "$N_PDF" -- "$WORK/baocao" ingest --db "$WORK/pdf.db" "$WORK/pdf"
measure "ingest PDF, rerun (unchanged)" "$N_PDF" -- "$WORK/baocao" ingest --db "$WORK/pdf.db" "$WORK/pdf"
measure "pdftotext alone, 2 in parallel" "$N_PDF" -- \
	sh -c 'find "$1" -maxdepth 1 -name "*.pdf" -print0 | xargs -0 -P2 -I{} pdftotext -q {} /dev/null' sh "$WORK/pdf"

echo
echo "Corpus: $N_TEXT text reports; $N_PDF PDFs of about $PAGES pages (corpus/gen, seed $SEED). Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)."
echo
echo "| run | files | wall | files/s | peak RSS |"
echo "|---|---:|---:|---:|---:|"
printf '%s\n' "${ROWS[@]}"
