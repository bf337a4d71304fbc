#!/usr/bin/env bash
# variants.sh DIR: writes the variant corpus of the sample PDFs
# (testdata/pdf/real) to DIR: tails after %%EOF, junk before the header,
# shifted offsets, wrong startxref, and with qpdf the encryptions
# (RC4 40/128, AES 128/256, user password "secret"), object streams,
# linearized. The variants are made by extract/pdf/internal/variants;
# TestVariants reads the same set in memory and compares with pdftotext.
set -euo pipefail
out=${1:?usage: variants.sh DIR}
mkdir -p "$out"
out=$(cd "$out" && pwd)
cd "$(dirname "$0")/../.."
go test ./extract/pdf -run '^TestWriteVariants$' -count 1 -variants "$out"
ls "$out"
