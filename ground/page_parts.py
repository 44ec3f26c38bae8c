"""A page kept as fixed parts with per-visitor values between them, compressed once.

Compressing a 14 KB page for every response took longer than everything else a kept form page
does. So the fixed parts are compressed once, each ending on a deflate full flush (byte-aligned,
no reference to earlier text), and each response joins them with its own values stored
uncompressed between them: a valid gzip stream that costs a CRC, not a compression. The
per-visitor values (the CSRF token above all) are never compressed against the page's text,
so the length of a response says nothing about them (BREACH).
"""

import re
import secrets
import struct
import zlib

GZIP_FLAGS_FILENAME = 8
# An empty final deflate block: BFINAL=1, stored, length 0.
FINAL_BLOCK = b"\x01\x00\x00\xff\xff"


def deflate_part(data):
    compressor = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    return compressor.compress(data) + compressor.flush(zlib.Z_FULL_FLUSH)


def stored_blocks(data):
    """`data` as non-final uncompressed deflate blocks (the stream is byte-aligned here)."""
    chunks = (data[start : start + 0xFFFF] for start in range(0, len(data), 0xFFFF))
    return b"".join(
        b"\x00" + struct.pack("<HH", len(chunk), len(chunk) ^ 0xFFFF) + chunk for chunk in chunks
    )


def gzip_header():
    # As Django's GZipMiddleware writes it: a file name of random length pads each response.
    padding = b"a" * secrets.randbelow(100)
    return b"\x1f\x8b\x08" + bytes([GZIP_FLAGS_FILENAME]) + b"\0\0\0\0\0\xff" + padding + b"\0"


class PageParts:
    def __init__(self, html, slots):
        pieces = re.split("(" + "|".join(map(re.escape, slots)) + ")", html) if slots else [html]
        self.fixed = [piece.encode() for piece in pieces[0::2]]
        self.slots = pieces[1::2]
        self.deflated = [deflate_part(piece) for piece in self.fixed]

    def body(self, values):
        """The page with each slot's value from `values` (text); bytes."""
        encoded = [values[slot].encode() for slot in self.slots]
        return b"".join(interleave(self.fixed, encoded))

    def gzipped(self, values):
        """The same page as a gzip stream."""
        plain = self.body(values)
        blocks = [stored_blocks(values[slot].encode()) for slot in self.slots]
        stream = b"".join(interleave(self.deflated, blocks))
        trailer = struct.pack("<II", zlib.crc32(plain), len(plain) & 0xFFFFFFFF)
        return gzip_header() + stream + FINAL_BLOCK + trailer


def interleave(fixed, values):
    for piece, value in zip(fixed, [*values, None], strict=True):
        yield piece
        if value is not None:
            yield value
