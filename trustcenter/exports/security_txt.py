"""``/.well-known/security.txt`` (RFC 9116) from ``data/security_txt.yml``.

``Expires`` is the end of the day the data names, in UTC. The build never computes it
from the build date: a file that renews itself would defeat the field's purpose.
"""

from __future__ import annotations

from trustcenter.model import SecurityTxt

#: The fields in the order they are written, with the header each gets.
FIELDS = (
    ("contact", "Contact"),
    ("expires", "Expires"),
    ("encryption", "Encryption"),
    ("acknowledgments", "Acknowledgments"),
    ("preferred_languages", "Preferred-Languages"),
    ("canonical", "Canonical"),
    ("policy", "Policy"),
    ("hiring", "Hiring"),
    ("csaf", "CSAF"),
)


def security_txt(fields: SecurityTxt, company: str) -> str:
    """The text of the file: one field per line, ``Preferred-Languages`` comma-separated."""
    lines = [f"# security.txt of {company} (RFC 9116), written from data/security_txt.yml"]
    for key, header in FIELDS:
        if key == "expires":
            lines.append(f"Expires: {fields.expires.isoformat()}T23:59:59Z")
        elif key == "preferred_languages":
            if fields.preferred_languages:
                lines.append(f"{header}: {', '.join(fields.preferred_languages)}")
        else:
            lines += [f"{header}: {value}" for value in getattr(fields, key)]
    return "\n".join(line.replace("\n", " ") for line in lines) + "\n"
