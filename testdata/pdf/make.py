#!/usr/bin/env python3
"""Makes the small hand-crafted PDF fixtures of extract/pdf's tests.

Run from testdata/pdf: python3 make.py (then make the encrypted ones with
qpdf, see README.md). Output is deterministic.
"""
import zlib


def pdf(objs, trailer_extra=b"", prev=None, size=None, header=b"%PDF-1.7"):
    """Serialise objects 1..n with an xref table; returns bytes."""
    out = bytearray(header + b"\n")
    offs = []
    for i, body in enumerate(objs, 1):
        offs.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    x = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for o in offs:
        out += b"%010d 00000 n \n" % o
    n = size if size is not None else len(objs) + 1
    t = b"/Size %d /Root 1 0 R" % n
    if prev is not None:
        t += b" /Prev %d" % (x if prev == "self" else prev)
    out += b"trailer\n<< " + t + trailer_extra + b" >>\nstartxref\n%d\n%%%%EOF\n" % x
    return bytes(out)


def stream(data, extra=b""):
    return b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
TEXT = b"BT /F1 12 Tf 72 720 Td (Total: 1.543 procedures) Tj 0 -16 Td (second line of text) Tj ET"


def page_objs(content, kids=b"[3 0 R]", parent=b"2 0 R"):
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids " + kids + b" /Count 1 >>",
        b"<< /Type /Page /Parent " + parent + b" /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> /XObject << /Im1 6 0 R >> >> /Contents 4 0 R >>",
        stream(content),
        FONT,
        stream(b"\x80" * 16, b" /Type /XObject /Subtype /Image /Width 4 /Height 4 /ColorSpace /DeviceGray /BitsPerComponent 8"),
    ]


def w(name, data):
    open(name, "wb").write(data)


w("tiny/tiny.pdf", pdf(page_objs(TEXT), b" /Info 7 0 R") if False else pdf(page_objs(TEXT) + [b"<< /Title (Tiny test) /CreationDate (D:20211213093000+07'00') >>"], b" /Info 7 0 R"))
w("scanned/image-only.pdf", pdf(page_objs(b"q 400 0 0 400 100 200 cm /Im1 Do Q")))
# A /Prev chain that points at its own xref section: the parser loops.
w("hostile/prev-loop.pdf", pdf(page_objs(TEXT), prev="self"))
# An xref /Size far beyond the file: the parser would allocate it.
w("hostile/huge-size.pdf", pdf(page_objs(TEXT), size=4000000000))
# A page tree whose Pages node lists itself as a kid.
w("hostile/kids-loop.pdf", pdf(page_objs(TEXT, kids=b"[2 0 R 3 0 R]")))
# A page whose /Parent is itself, and no /Resources on the way: the
# library's inherited lookup follows /Parent forever.
objs = page_objs(TEXT, parent=b"3 0 R")
objs[2] = b"<< /Type /Page /Parent 3 0 R /Contents 4 0 R >>"
w("hostile/parent-loop.pdf", pdf(objs))
# A /Length that refers to itself.
objs = page_objs(TEXT)
objs[3] = b"<< /Length 4 0 R >>\nstream\n" + TEXT + b"\nendstream"
w("hostile/length-self.pdf", pdf(objs))
# Content with an operator stream of unbalanced Q, bad operands, a huge
# Tz and a TJ of non-strings.
w("hostile/bad-ops.pdf", pdf(page_objs(b"Q Q Q BT /F1 Tf 1e308 Tz (x) Tj [1 2 /a] TJ ' \" Tm cm 0 0 re f ET /Nope Do")))
# Deeply nested arrays in the content stream.
w("hostile/deep-array.pdf", pdf(page_objs(b"BT /F1 12 Tf " + b"[" * 50000 + b"(x)" + b"]" * 50000 + b" TJ ET")))
