"""The verification QR code's modules, exactly as reportlab's encoder makes them, in a fraction of
its time.

reportlab's `QRCode.make()` writes the data bit by bit, divides the Reed–Solomon polynomials as
lists, lays the whole symbol out eight times (once per mask pattern) and scores each layout cell by
cell in Python: most of an agreement's time went there. Here what depends only on the version —
the function patterns, where each data bit goes, the eight masks, the format information — is
worked out once per version (cached). Per code only the codewords are made (the bit stream as one
integer, the division by a table of the generator's multiples), gathered into place in one call,
and each mask is one XOR. The symbol is held as one integer of all its rows (and one of its
columns), so the four penalty rules are a few integer operations each. The rules are reportlab's
own, quirks included (rule 3 looks for one orientation of the finder-like pattern, in rows only,
and stops eleven modules before the end), so the mask chosen — and the printed code — are the same
(tests/documents/test_fonts_pdf_output.py compares them on random payloads)."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter

from reportlab.graphics.barcode.qrencoder import (
    EXP_TABLE,
    LOG_TABLE,
    QRECI,
    QR8bitByte,
    QRCode,
    QRErrorCorrectLevel,
    QRRSBlock,
    QRUtil,
)

UTF8_ECI = 26  # tells the scanner the bytes are UTF-8 (the agreement number is Chinese)
LEVEL = QRErrorCorrectLevel.M
PADDING = (0xEC, 0x11)  # the pad codewords, alternating, as the standard (and reportlab) fill
FINDER_LIKE = (True, False, True, True, True, False, True, False, False, False, False)
STRIDE_GAP = 4  # light bits between packed rows: more than any shift of the rules reaches past a row (3)
_AS_BITS = bytes.maketrans(b"01", b"\x00\x01")
_AS_DIGITS = bytes.maketrans(b"\x00\x01", b"01")

# The Reed–Solomon generator polynomial depends only on the number of error-correction bytes,
# yet reportlab multiplies it out again for every block of every code (placards still use
# reportlab's encoder). The polynomial is never modified by its users, so one per length serves.
if not hasattr(QRUtil.getErrorCorrectPolynomial, "cache_info"):
    QRUtil.getErrorCorrectPolynomial = staticmethod(lru_cache(maxsize=64)(QRUtil.getErrorCorrectPolynomial))  # type: ignore[method-assign]


def _encoder(payload: str) -> QRCode:
    code = QRCode(None, LEVEL)
    code.addData(QRECI(UTF8_ECI))
    code.addData(QR8bitByte(payload))
    return code


def reportlab_modules(payload: str) -> list[list[bool]]:
    """reportlab's own way (the reference the fast way is checked against)."""
    code = _encoder(payload)
    code.make()
    n = code.getModuleCount()
    return [[bool(code.isDark(r, c)) for c in range(n)] for r in range(n)]


@dataclass(frozen=True)
class _Version:
    """What a symbol of one version looks like before its data: the same for every payload.

    Modules are kept "packed": row r's module c is bit r·stride + c of one integer (the columns
    likewise in a second one), light gap bits between rows, so the penalty rules run on all rows
    at once with a handful of integer operations instead of a loop over rows."""

    n: int  # modules per side
    stride: int
    blocks: tuple[tuple[int, int], ...]  # (codewords, of which data) per Reed–Solomon block
    patterns: tuple[int, int]  # function patterns as reportlab scores them (format areas light): rows, columns
    length: int  # bits of codewords
    gather: tuple[Callable[[str], tuple[str, ...]], Callable[[str], tuple[str, ...]]]  # see _placed
    masks: tuple[tuple[int, int], ...]  # per mask pattern: the data modules it darkens (rows, columns)
    formats: tuple[int, ...]  # per mask pattern: the dark modules of the format (and version) information
    inner: int  # in every row, bits 0 … n − 2
    upper: int  # rows 0 … n − 2 whole: the upper row of each 2×2 block
    starts: int  # in every row, where the finder-like pattern may start (as reportlab scans)


def _pack(matrix: list[list[bool]], stride: int) -> tuple[int, int]:
    """A matrix of modules as (its rows packed, its columns packed)."""

    def packed(lines: Iterable[Sequence[bool]]) -> int:
        digits = (bytes(line[::-1]).translate(_AS_DIGITS) for line in lines)
        return sum(int(line, 2) << (i * stride) for i, line in enumerate(digits))

    return packed(matrix), packed(zip(*matrix, strict=True))


@lru_cache(maxsize=8)
def _version(version: int) -> _Version:
    """The symbol of `version` before its data, laid out by reportlab's own code."""
    blocks = tuple((b.totalCount, b.dataCount) for b in QRRSBlock.getRSBlocks(version, LEVEL))
    probe = QRCode(version, LEVEL)
    length = 8 * sum(total for total, _ in blocks)
    probe.dataCache = [0] * (length // 8)
    probe.makeImpl(True, 0)  # reportlab's own function patterns, in its scoring ("test") form
    n = probe.getModuleCount()
    stride = n + STRIDE_GAP
    places = [(row, col) for col, row in probe.dataPosIterator()]
    for row, col in places:
        probe.modules[row][col] = False
    masks = []
    for m in range(8):
        mask = QRUtil.getMask(m)
        darkened = [[False] * n for _ in range(n)]
        for row, col in places:
            darkened[row][col] = bool(mask(row, col))
        masks.append(_pack(darkened, stride))
    formats = []
    for m in range(8):
        blank = QRCode(version, LEVEL)
        blank.moduleCount = n
        blank.modules = [[False] * n for _ in range(n)]
        blank.setupTypeInfo(False, m)
        if version >= 7:
            blank.setupTypeNumber(False)
        formats.append(_pack(blank.modules, stride)[0])
    rows_start = [1 << (r * stride) for r in range(n)]  # bit 0 of each row
    return _Version(
        n=n,
        stride=stride,
        blocks=blocks,
        patterns=_pack(probe.modules, stride),
        length=length,
        gather=(
            _gatherer(places, length, n, stride, by_rows=True),
            _gatherer(places, length, n, stride, by_rows=False),
        ),
        masks=tuple(masks),
        formats=tuple(formats),
        inner=sum(rows_start) * ((1 << (n - 1)) - 1),
        upper=sum(rows_start[:-1]) * ((1 << n) - 1),
        starts=sum(rows_start) * ((1 << max(0, n - len(FINDER_LIKE))) - 1),
    )


def _data_codewords(data: bytes, version: int, capacity: int) -> list[int]:
    """The bit stream reportlab writes (ECI 26, byte mode, terminator, pad bytes), as bytes."""
    length_bits = 8 if version < 10 else 16
    value = (0x7 << 8 | UTF8_ECI) << 4 | 0x4  # ECI mode and designator, then byte mode
    value = value << length_bits | (len(data) & ((1 << length_bits) - 1))
    value = value << 8 * len(data) | int.from_bytes(data, "big")
    bits = 16 + length_bits + 8 * len(data)
    if bits > capacity * 8:
        raise Exception(f"code length overflow. ({bits} > {capacity * 8})")  # reportlab's refusal, word for word
    if bits + 4 <= capacity * 8:
        value, bits = value << 4, bits + 4  # the terminator, when there is room for it
    value, bits = value << (-bits % 8), bits + (-bits % 8)
    out = list(value.to_bytes(bits // 8, "big"))
    out += [PADDING[i % 2] for i in range(capacity - len(out))]
    return out


@lru_cache(maxsize=32)
def _products(ec: int) -> tuple[int, ...]:
    """Each byte value times the generator polynomial of degree `ec` (its leading 1 left out), as
    one integer of `ec` bytes: dividing then costs a shift and an XOR per data byte."""
    generator = QRUtil.getErrorCorrectPolynomial(ec).num[1:]
    out = [0]
    for factor in range(1, 256):
        log = LOG_TABLE[factor]
        out.append(int.from_bytes(bytes(EXP_TABLE[(log + LOG_TABLE[g]) % 255] for g in generator), "big"))
    return tuple(out)


def _error_correction(data: list[int], ec: int) -> list[int]:
    """The remainder of data·x^ec divided by the generator: the block's error-correction bytes."""
    products, top, full = _products(ec), 8 * (ec - 1), (1 << 8 * ec) - 1
    rem = 0
    for byte in data:
        rem = ((rem << 8) & full) ^ products[byte ^ (rem >> top)]
    return list(rem.to_bytes(ec, "big"))


def _codewords(data: bytes, version: int, blocks: tuple[tuple[int, int], ...]) -> list[int]:
    stream = _data_codewords(data, version, sum(count for _, count in blocks))
    data_blocks, ec_blocks, at = [], [], 0
    for total, count in blocks:
        chunk = stream[at : at + count]
        at += count
        data_blocks.append(chunk)
        ec_blocks.append(_error_correction(chunk, total - count))
    # Interleaved: the first byte of each block, then the second…, then the same for the ECC.
    return [
        byte
        for column in itertools.chain(itertools.zip_longest(*data_blocks), itertools.zip_longest(*ec_blocks))
        for byte in column
        if byte is not None
    ]


def _gatherer(
    places: list[tuple[int, int]], length: int, n: int, stride: int, *, by_rows: bool
) -> Callable[[str], tuple[str, ...]]:
    """For each bit of the packed integer, highest first: which of the `length` bits of the
    codewords lands there (index `length`, a trailing "0", where none does: function patterns,
    gaps, and the remainder bits after the last codeword, light as reportlab leaves them)."""
    source = [length] * (n * stride)
    for k, (row, col) in enumerate(places[:length]):
        source[row * stride + col if by_rows else col * stride + row] = k
    return itemgetter(*reversed(source))


def _placed(codewords: list[int], v: _Version) -> tuple[int, int]:
    """The data modules, unmasked, packed by rows and by columns: the codewords as a string of
    binary digits, gathered into place in one call rather than placed bit by bit."""
    bits = format(int.from_bytes(bytes(codewords), "big"), f"0{v.length}b") + "0"
    by_rows, by_cols = v.gather
    return int("".join(by_rows(bits)), 2), int("".join(by_cols(bits)), 2)


def _rule1(lines: int, inner: int) -> int:
    """Runs of five or more modules of one colour: 3 + (length − 5) each. A run of L modules
    holds L − 4 starts of five equal modules in a row, so its score is that count plus 2."""
    equal = ~(lines ^ (lines >> 1)) & inner  # bit j: module j equals module j + 1
    five = equal & (equal >> 1) & (equal >> 2) & (equal >> 3)
    return five.bit_count() + 2 * (five & ~(five << 1)).bit_count()


def _lost_point(rows: int, cols: int, v: _Version) -> int:
    n = v.n
    # Rule 2: 2×2 blocks of one colour, 3 each (each row against the one below it).
    same = ~(rows ^ (rows >> v.stride)) & v.upper
    rule2 = 3 * (same & (same >> 1) & ~(rows ^ (rows >> 1)) & v.inner).bit_count()
    # Rule 3: the finder-like pattern 1011101 0000, 40 each. reportlab skips past a match before
    # looking again, which hides nothing: the pattern cannot overlap itself. It looks in rows only:
    # it compares a column (a tuple) with the pattern (a list), which never matches.
    found = v.starts
    for k, dark in enumerate(FINDER_LIKE):
        found &= (rows >> k) if dark else ~(rows >> k)
    rule4 = 10 * (abs(100 * rows.bit_count() // (n * n) - 50) // 5)
    return _rule1(rows, v.inner) + _rule1(cols, v.inner) + rule2 + 40 * found.bit_count() + rule4


def qr_rows(payload: str) -> list[int]:
    """The dark modules of the QR code of `payload` (UTF-8, level M): one integer per row, bit c
    for column c."""
    version = _encoder(payload).calculate_version()
    v = _version(version)
    data_rows, data_cols = _placed(_codewords(payload.encode("utf-8"), version, v.blocks), v)
    (pattern_rows, pattern_cols), best, best_lost, best_rows = v.patterns, 0, 0, 0
    for m, (mask_rows, mask_cols) in enumerate(v.masks):
        # A mask only touches data modules, which are light in the function patterns.
        rows = pattern_rows | (data_rows ^ mask_rows)
        lost = _lost_point(rows, pattern_cols | (data_cols ^ mask_cols), v)
        if m == 0 or lost < best_lost:  # the first of equals, as reportlab picks
            best, best_lost, best_rows = m, lost, rows
    # With its real format (and version) information, as `makeImpl(False, best)` lays it out.
    best_rows |= v.formats[best]
    full = (1 << v.n) - 1
    return [(best_rows >> (r * v.stride)) & full for r in range(v.n)]


def qr_modules(payload: str) -> list[list[bool]]:
    """The same modules as rows of booleans (the form reportlab gives)."""
    rows = qr_rows(payload)
    n = len(rows)
    return [list(map(bool, format(bits, f"0{n}b")[::-1].encode().translate(_AS_BITS))) for bits in rows]
