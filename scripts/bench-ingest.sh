#!/usr/bin/env bash
# bench-ingest.sh measures `baocao ingest` and `baocao extract` on
# real-size and generated reports, beside references measured in the same
# run, and prints Markdown tables for the README.
#
# From a clean clone, at the repository root:
#
#   scripts/bench-ingest.sh                        # the full run
#   N_REAL_TEXT=200 N_REAL_PDF=20 N_TEXT=500 N_PDF=50 scripts/bench-ingest.sh   # a quick one
#
# Sets (each can be set to 0 to skip it):
#
#   N_REAL_TEXT (2000)  copies of the two sample reports as text
#                       (testdata/samples/dak-lak-2021.txt, kon-tum-2021.md,
#                       about 30 KB each), each with a unique last line so
#                       that no two are the same content;
#   N_REAL_PDF  (200)   copies of the 10-page Đắk Lắk PDF, each with a
#                       unique /Title (qpdf), so that no two are the same
#                       content;
#   N_TEXT (10000), N_PDF (1000), PAGES (10), SEED (1)
#                       generated reports (./rules/synth via its generator
#                       command, see GEN below), smaller than real ones.
#
# References, measured in the same run on the same files:
#
#   floor       ./scripts/floor: read each file, NFC, lower-case, count 50
#               keywords; ingest's CPU time per report is given as a
#               multiple of it;
#   pdftotext   poppler's pdftotext on the same PDFs, two at a time (as
#               ingest runs two parsers on this 2-core machine); PDF
#               ingest's wall time is given as a multiple of it.
#
# Every run is under /usr/bin/time -v (wall, CPU, largest process's peak
# RSS); the peak RSS of the whole process tree (ingest and its parser
# children) is sampled every 50 ms. `extract --json` of one text file is
# timed with hyperfine when it is installed (else 20 runs in a loop).
#
# It installs poppler-utils, qpdf, time and fonts-dejavu-core with apt-get
# if missing, works in a temporary folder (removed at the end unless
# KEEP=1), and builds ./cmd/baocao, the generator and ./scripts/floor.
set -euo pipefail

N_REAL_TEXT=${N_REAL_TEXT:-2000}
N_REAL_PDF=${N_REAL_PDF:-200}
N_TEXT=${N_TEXT:-10000}
N_PDF=${N_PDF:-1000}
PAGES=${PAGES:-10}
SEED=${SEED:-1}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
# GEN is the package of the synthetic corpus generator.
GEN=${GEN:-$(go list -f '{{.ImportPath}}' ./... | grep -E '/gen$' | head -n 1)}

need() { # need COMMAND PACKAGE
	if ! command -v "$1" >/dev/null 2>&1 && ! [ -x "$1" ]; then
		echo "installing $2" >&2
		if [ "$(id -u)" -eq 0 ]; then SUDO=; else SUDO=sudo; fi
		$SUDO apt-get update -qq >/dev/null
		DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "$2" >/dev/null
	fi
}
need pdftotext poppler-utils
need qpdf qpdf
need /usr/bin/time time
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need /nonexistent-font fonts-dejavu-core

WORK=$(mktemp -d "${TMPDIR:-/tmp}/bench-ingest.XXXXXX")
if [ "${KEEP:-0}" != 1 ]; then trap 'rm -rf "$WORK"' EXIT; fi
echo "work folder: $WORK" >&2

go build -o "$WORK/baocao" ./cmd/baocao
go build -o "$WORK/gen" "$GEN"
go build -o "$WORK/floor" ./scripts/floor

# --- corpora ---------------------------------------------------------------
if [ "$N_REAL_TEXT" -gt 0 ]; then
	echo "copying $N_REAL_TEXT real-size text reports" >&2
	mkdir -p "$WORK/realtext"
	for ((i = 0; i < N_REAL_TEXT; i++)); do
		if ((i % 2 == 0)); then src=testdata/samples/dak-lak-2021.txt ext=txt; else src=testdata/samples/kon-tum-2021.md ext=md; fi
		{ cat "$src"; printf '\nBản sao số %d để đo tốc độ.\n' "$i"; } >"$WORK/realtext/r$(printf '%05d' "$i").$ext"
	done
fi
if [ "$N_REAL_PDF" -gt 0 ]; then
	echo "copying $N_REAL_PDF real-size PDFs" >&2
	mkdir -p "$WORK/realpdf"
	src=testdata/samples/dak-lak-2021.pdf
	info=$(qpdf --show-object=trailer "$src" | sed -n 's/.*\/Info \([0-9]*\) 0 R.*/\1/p')
	maxobj=$(qpdf --json-output "$src" --json-key=qpdf - | sed -n 's/.*"maxobjectid": \([0-9]*\).*/\1/p' | head -n 1)
	for ((i = 0; i < N_REAL_PDF; i++)); do
		printf '{"qpdf":[{"jsonversion":2,"pushedinheritedpageresources":false,"calledgetallpages":false,"maxobjectid":%s},{"obj:%s 0 R":{"value":{"/Title":"u:Bản sao số %d"}}}]}' \
			"$maxobj" "$info" "$i" >"$WORK/update.json"
		qpdf "$src" --update-from-json="$WORK/update.json" "$WORK/realpdf/p$(printf '%04d' "$i").pdf"
	done
fi
if [ "$N_TEXT" -gt 0 ]; then
	echo "generating $N_TEXT text reports" >&2
	"$WORK/gen" -n "$N_TEXT" -out "$WORK/text" -formats txt -seed "$SEED"
fi
if [ "$N_PDF" -gt 0 ]; then
	echo "generating $N_PDF ${PAGES}-page PDFs" >&2
	"$WORK/gen" -n "$N_PDF" -out "$WORK/pdf" -formats pdf -pages "$PAGES" -seed "$((SEED + 1))"
fi
# The gold files of generated sets sit in gold/ beside the reports; ingest skips .json.

# --- measuring ---------------------------------------------------------------
# treepeak PID: prints the peak resident memory (KiB) of PID and all its
# descendants together, sampled every 50 ms until PID exits.
treepeak() {
	local pid=$1 peak=0 cur
	while kill -0 "$pid" 2>/dev/null; do
		cur=$(ps -e -o pid=,ppid=,rss= | awk -v root="$pid" '
			{ parent[$1] = $2; rss[$1] = $3 }
			END {
				for (p in rss) {
					q = p
					for (d = 0; d < 20 && q != "" && q != 0; d++) {
						if (q == root) { sum += rss[p]; break }
						q = parent[q]
					}
				}
				print sum + 0
			}')
		((cur > peak)) && peak=$cur
		sleep 0.05
	done
	echo "$peak"
}

declare -A WALL CPU
ROWS=()
# measure KEY LABEL FILES -- COMMAND...: runs COMMAND under /usr/bin/time -v
# and adds a row with wall time, files/s, CPU per file and peak memory.
measure() {
	local key=$1 label=$2 files=$3
	shift 4
	local log="$WORK/time-$key.log"
	local status=0
	/usr/bin/time -v -o "$log" "$@" >"$log.out" 2>"$log.err" &
	local pid=$!
	# /usr/bin/time's child is the measured command; sample the tree of time itself.
	local tree
	tree=$(treepeak "$pid")
	wait "$pid" || status=$?
	local wall rss secs rate user sys cpu
	wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$log")
	rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$log")
	user=$(sed -n 's/.*User time (seconds): //p' "$log")
	sys=$(sed -n 's/.*System time (seconds): //p' "$log")
	secs=$(echo "$wall" | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')
	cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')
	WALL[$key]=$secs
	CPU[$key]=$cpu
	rate=$(awk -v n="$files" -v s="$secs" 'BEGIN { if (s > 0) printf "%.1f", n / s; else print "-" }')
	local cpuper
	cpuper=$(awk -v n="$files" -v c="$cpu" 'BEGIN { printf "%.2f", 1000 * c / n }')
	local note=""
	if [ "$status" -ne 0 ]; then
		note=" (exit $status: $(tail -n 1 "$log.err" | cut -c1-80))"
	fi
	ROWS+=("| $label$note | $files | ${secs}s | $rate | $cpuper ms | $((rss / 1024)) MiB | $((tree / 1024)) MiB |")
	echo "$label: ${secs}s, $rate files/s, $cpuper ms CPU/file, peak $((rss / 1024)) MiB (tree $((tree / 1024)) MiB)$note" >&2
}

RATIOS=()
ratio() { # ratio TEXT A B: adds "TEXT: A/B×"
	RATIOS+=("- $1: $(awk -v a="$2" -v b="$3" 'BEGIN { if (b > 0) printf "%.2f×", a / b; else print "-" }')")
}

if [ "$N_REAL_TEXT" -gt 0 ]; then
	measure realtext "ingest real-size text, cold" "$N_REAL_TEXT" -- "$WORK/baocao" ingest --db "$WORK/realtext.db" "$WORK/realtext"
	measure realtext_rerun "ingest real-size text, rerun (unchanged)" "$N_REAL_TEXT" -- "$WORK/baocao" ingest --db "$WORK/realtext.db" "$WORK/realtext"
	measure floor "floor: read + NFC + 50 keywords (same files)" "$N_REAL_TEXT" -- sh -c '"$1" "$2"/* >/dev/null' sh "$WORK/floor" "$WORK/realtext"
	ratio "real-size text ingest, CPU per report / floor" "${CPU[realtext]}" "${CPU[floor]}"
fi
if [ "$N_REAL_PDF" -gt 0 ]; then
	measure realpdf "ingest real-size PDF (10 pages), cold" "$N_REAL_PDF" -- "$WORK/baocao" ingest --db "$WORK/realpdf.db" "$WORK/realpdf"
	measure realpdf_ref "pdftotext, 2 in parallel (same PDFs)" "$N_REAL_PDF" -- \
		sh -c 'find "$1" -maxdepth 1 -name "*.pdf" -print0 | xargs -0 -P2 -I{} pdftotext -q {} /dev/null' sh "$WORK/realpdf"
	ratio "real-size PDF ingest, wall / pdftotext 2-parallel" "${WALL[realpdf]}" "${WALL[realpdf_ref]}"
fi
if [ "$N_TEXT" -gt 0 ]; then
	measure text "ingest generated text, cold" "$N_TEXT" -- "$WORK/baocao" ingest --db "$WORK/text.db" "$WORK/text"
	measure text_rerun "ingest generated text, rerun (unchanged)" "$N_TEXT" -- "$WORK/baocao" ingest --db "$WORK/text.db" "$WORK/text"
fi
if [ "$N_PDF" -gt 0 ]; then
	measure pdf "ingest generated PDF, cold" "$N_PDF" -- "$WORK/baocao" ingest --db "$WORK/pdf.db" "$WORK/pdf"
	measure pdf_rerun "ingest generated PDF, rerun (unchanged)" "$N_PDF" -- "$WORK/baocao" ingest --db "$WORK/pdf.db" "$WORK/pdf"
	measure pdf_ref "pdftotext, 2 in parallel (generated PDFs)" "$N_PDF" -- \
		sh -c 'find "$1" -maxdepth 1 -name "*.pdf" -print0 | xargs -0 -P2 -I{} pdftotext -q {} /dev/null' sh "$WORK/pdf"
	ratio "generated PDF ingest, wall / pdftotext 2-parallel" "${WALL[pdf]}" "${WALL[pdf_ref]}"
fi

# One extract of one text file, and of one PDF, beside pdftotext.
ONE=()
one() { # one LABEL COMMAND...
	local label=$1
	shift
	local ms
	if command -v hyperfine >/dev/null 2>&1; then
		hyperfine -N -w 3 -r 30 --export-json "$WORK/hf.json" "$(printf '%q ' "$@")" >/dev/null 2>&1
		ms=$(sed -n 's/.*"mean": \([0-9.e-]*\).*/\1/p' "$WORK/hf.json" | head -n 1 | awk '{ printf "%.1f", $1 * 1000 }')
	else
		local t0 t1
		t0=$(date +%s%N)
		for ((i = 0; i < 20; i++)); do "$@" >/dev/null 2>&1 || true; done
		t1=$(date +%s%N)
		ms=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", (b - a) / 20e6 }')
	fi
	ONE+=("| $label | $ms ms |")
	echo "$label: $ms ms" >&2
}
one "extract --json, one text report (Đắk Lắk, 30 KB)" "$WORK/baocao" extract --json testdata/samples/dak-lak-2021.txt
one "extract --json, one 10-page PDF (Đắk Lắk)" "$WORK/baocao" extract --json testdata/samples/dak-lak-2021.pdf
one "pdftotext, the same PDF" pdftotext -q testdata/samples/dak-lak-2021.pdf /dev/null

echo
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo); $(date -u +%Y-%m-%d); commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')."
echo
echo "| run | files | wall | files/s | CPU per file | peak RSS (largest process) | peak RSS (process tree) |"
echo "|---|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${ROWS[@]}"
echo
echo "| one file | mean wall |"
echo "|---|---:|"
printf '%s\n' "${ONE[@]}"
echo
printf '%s\n' "${RATIOS[@]}"
