"""Write the example company's sample PDFs: tiny, valid, and plainly marked as samples.

``python tools/sample_pdf.py`` rewrites ``restricted/*.pdf`` from the texts below; the
files are kept in the repository (under 1 KB each) so the example shows the whole path
of a gated file. None of them is a real report. ``sample_pdf`` is also used by the tests
and the gate benchmark.
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

SAMPLES = {
    "lanternfish-soc2-type2-2026-SAMPLE.pdf": [
        "SAMPLE - NOT A REAL REPORT",
        "Lanternfish Labs (a fictional company)",
        "SOC 2 Type 2 report, 1 October 2025 to 30 September 2026",
        "This file stands in for a service auditor's report in the trustcenter example.",
    ],
    "lanternfish-soc2-bridge-letter-2026-12-SAMPLE.pdf": [
        "SAMPLE - NOT A REAL LETTER",
        "Lanternfish Labs (a fictional company)",
        "Bridge letter covering 1 October 2026 to 31 December 2026",
        "This file stands in for a bridge letter in the trustcenter example.",
    ],
    "lanternfish-soc1-type2-2026-SAMPLE.pdf": [
        "SAMPLE - NOT A REAL REPORT",
        "Lanternfish Labs (a fictional company)",
        "SOC 1 Type 2 report, 1 October 2025 to 30 September 2026",
        "This file stands in for a service auditor's report in the trustcenter example.",
    ],
    "lanternfish-pentest-summary-2026-SAMPLE.pdf": [
        "SAMPLE - NOT A REAL SUMMARY",
        "Lanternfish Labs (a fictional company)",
        "Penetration test summary, 2026",
        "This file stands in for a tester's summary letter in the trustcenter example.",
    ],
}


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def sample_pdf(lines: list[str]) -> bytes:
    """A one-page PDF 1.4 (A4) showing ``lines`` in Helvetica; ASCII text only."""
    text = "BT /F1 12 Tf 72 770 Td 16 TL " + " ".join(
        f"({_escape(line)}) '" for line in lines
    ) + " ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(text), text.encode("ascii")),
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def main(folder: Path = REPO / "restricted") -> int:
    """Write every sample into ``folder``."""
    folder.mkdir(exist_ok=True)
    for name, lines in SAMPLES.items():
        (folder / name).write_bytes(sample_pdf(lines))
        print(f"wrote {folder / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "restricted"))
