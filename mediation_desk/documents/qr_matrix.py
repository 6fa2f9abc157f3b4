"""The verification QR code's modules, exactly as reportlab's encoder makes them, in a fraction of
its time.

reportlab's `QRCode.make()` lays the whole symbol out eight times (once per mask pattern) and
scores each layout cell by cell in Python: most of an agreement's time went there. Here the
symbol is laid out once; the other seven masked layouts differ from it only where a data module
sits, so each is that layout XOR a mask (bit rows, cached per version: they do not depend on the
data), and the four penalty rules are counted on bit rows. The rules are reportlab's own, quirks
included (rule 3 looks for one orientation of the finder-like pattern, in rows only, and stops
eleven modules before the end), so the mask chosen — and the printed code — are the same
(tests/documents/test_fonts_pdf_output.py compares them on random payloads)."""

from __future__ import annotations

import itertools
from functools import lru_cache

from reportlab.graphics.barcode.qrencoder import QRECI, QR8bitByte, QRCode, QRErrorCorrectLevel, QRUtil

UTF8_ECI = 26  # tells the scanner the bytes are UTF-8 (the agreement number is Chinese)
FINDER_LIKE = (True, False, True, True, True, False, True, False, False, False, False)

# The Reed–Solomon generator polynomial depends only on the number of error-correction bytes,
# yet reportlab multiplies it out again for every block of every code (a tenth of an agreement's
# time). The polynomial is never modified by its users, so one per length serves all codes.
if not hasattr(QRUtil.getErrorCorrectPolynomial, "cache_info"):
    QRUtil.getErrorCorrectPolynomial = staticmethod(lru_cache(maxsize=64)(QRUtil.getErrorCorrectPolynomial))  # type: ignore[method-assign]


def _encoder(payload: str) -> QRCode:
    code = QRCode(None, QRErrorCorrectLevel.M)
    code.addData(QRECI(UTF8_ECI))
    code.addData(QR8bitByte(payload))
    return code


def reportlab_modules(payload: str) -> list[list[bool]]:
    """reportlab's own way (the reference the fast way is checked against)."""
    code = _encoder(payload)
    code.make()
    n = code.getModuleCount()
    return [[bool(code.isDark(r, c)) for c in range(n)] for r in range(n)]


@lru_cache(maxsize=8)
def _mask_bits(version: int) -> tuple[list[tuple[int, ...]], list[tuple[int, ...]]]:
    """Per mask pattern: the data modules it darkens, as row bits and as column bits."""
    probe = QRCode(version, QRErrorCorrectLevel.M)
    probe.moduleCount = n = version * 4 + 17
    positions = probe.dataPosIterator()
    by_rows, by_cols = [], []
    for m in range(8):
        mask = QRUtil.getMask(m)
        rows, cols = [0] * n, [0] * n
        for col, row in positions:
            if mask(row, col):
                rows[row] |= 1 << col
                cols[col] |= 1 << row
        by_rows.append(tuple(rows))
        by_cols.append(tuple(cols))
    return by_rows, by_cols


def _rule1(lines: list[int], n: int) -> int:
    """Runs of five or more modules of one colour: 3 + (length − 5) each. A run of L modules
    holds L − 4 starts of five equal modules in a row, so its score is that count plus 2."""
    inner = (1 << (n - 1)) - 1
    score = 0
    for x in lines:
        equal = ~(x ^ (x >> 1)) & inner  # bit j: module j equals module j + 1
        five = equal & (equal >> 1) & (equal >> 2) & (equal >> 3)
        if five:
            score += five.bit_count() + 2 * (five & ~(five << 1)).bit_count()
    return score


def _rule2(rows: list[int], n: int) -> int:
    """2×2 blocks of one colour: 3 each."""
    full, inner = (1 << n) - 1, (1 << (n - 1)) - 1
    score = 0
    for a, b in itertools.pairwise(rows):
        same = ~(a ^ b) & full
        score += 3 * (same & (same >> 1) & ~(a ^ (a >> 1)) & inner).bit_count()
    return score


def _rule3(lines: list[int], n: int) -> int:
    """The finder-like pattern 1011101 0000, scanned as reportlab scans it: 40 each."""
    starts = (1 << max(0, n - len(FINDER_LIKE))) - 1
    score = 0
    for x in lines:
        found = starts
        for k, dark in enumerate(FINDER_LIKE):
            found &= (x >> k) if dark else ~(x >> k)
        free_from = 0
        while found:
            low = found & -found
            j = low.bit_length() - 1
            if j >= free_from:
                score += 40
                free_from = j + len(FINDER_LIKE)
            found ^= low
    return score


def _lost_point(rows: list[int], cols: list[int], n: int) -> int:
    dark = sum(r.bit_count() for r in rows)
    rule4 = 10 * (abs(100 * dark // (n * n) - 50) // 5)
    # No rule 3 on the columns: reportlab compares a column (a tuple) with the pattern (a list),
    # which never matches, so it never counts there.
    return _rule1(rows, n) + _rule1(cols, n) + _rule2(rows, n) + _rule3(rows, n) + rule4


def qr_modules(payload: str) -> list[list[bool]]:
    """The dark modules of the QR code of `payload` (UTF-8, level M), row by row."""
    code = _encoder(payload)
    code.version = code.calculate_version()
    code.makeImpl(True, 0)
    n = code.getModuleCount()
    rows0 = [sum(1 << c for c, dark in enumerate(row) if dark) for row in code.modules]
    cols0 = [sum(1 << r for r in range(n) if code.modules[r][c]) for c in range(n)]
    mask_rows, mask_cols = _mask_bits(code.version)
    best, best_lost, best_rows = 0, 0, rows0
    for m in range(8):
        rows = [a ^ b ^ c for a, b, c in zip(rows0, mask_rows[0], mask_rows[m], strict=True)]
        cols = [a ^ b ^ c for a, b, c in zip(cols0, mask_cols[0], mask_cols[m], strict=True)]
        lost = _lost_point(rows, cols, n)
        if m == 0 or lost < best_lost:  # the first of equals, as reportlab picks
            best, best_lost, best_rows = m, lost, rows
    # The chosen layout, with its real format (and version) information written in, as
    # `makeImpl(False, best)` would lay it out again.
    code.modules = [[bool(bits >> c & 1) for c in range(n)] for bits in best_rows]
    code.setupTypeInfo(False, best)
    if code.version >= 7:
        code.setupTypeNumber(False)
    return code.modules
