"""YAML syntax errors reported where the mistake is, not where the parser gave up.

PyYAML reports the place it could not go on from. For an unclosed quote that is often
tens of lines later (the quoted value swallows the lines after it up to the next quote
character), for an unclosed ``[`` the next line, and for a leftover merge conflict a
confusing "could not find expected ':'". This module finds the mistake itself: the
opening quote or bracket, the conflict marker, and words the fix for each.
"""

from __future__ import annotations

import re

import yaml

from trustcenter.problems import Problem

#: A line that git writes around a merge conflict (git-merge(1), "HOW CONFLICTS ARE
#: PRESENTED"): 7 of '<', '|', '=' or '>' at the start of a line.
_MARKER = re.compile(r"^(<{7}|\|{7}|={7}|>{7})(?: .*)?$", re.MULTILINE)
_MARKERS = ("<" * 7, "|" * 7, "=" * 7, ">" * 7)  # what each match of _MARKER contains
#: Inside a quoted value, a line that looks like YAML structure: 'key: ' or '- '.
_SWALLOWED = re.compile(r"\n[ \t]*(?:[A-Za-z_][\w-]*:(?:[ \t]|$)|- )")

_QUOTES = {'"': "double", "'": "single"}


def _problem(name: str, mark: yaml.Mark, message: str, hint: str, rule: str) -> Problem:
    return Problem(name, mark.line + 1, mark.column + 1, message, hint=hint, rule=rule)


def conflict_markers(text: str, name: str) -> list[Problem]:
    """One problem per merge conflict left in ``text``, at its ``<<<<<<<`` line.

    ``=======`` and ``>>>>>>>`` lines count only after a ``<<<<<<<`` (a block scalar may
    underline a heading with '='); a ``>>>>>>>`` line on its own is reported too.
    """
    problems: list[Problem] = []
    if not any(marker in text for marker in _MARKERS):  # a plain search is much cheaper
        return problems
    opened: tuple[int, str] | None = None
    for match in _MARKER.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        marker = match.group(1)
        if marker.startswith("<"):
            opened = (line, match.group(0).strip())
        elif marker.startswith(">") and opened is not None:
            start, written = opened
            problems.append(
                Problem(
                    name,
                    start,
                    1,
                    f"a git merge conflict is left in the file: '{written}' here, "
                    f"'{match.group(0).strip()}' at line {line}",
                    hint=(
                        "keep the lines you want from one side, then delete the other side "
                        "and the marker lines (<<<<<<<, =======, >>>>>>>)"
                    ),
                    rule="merge-conflict",
                )
            )
            opened = None
        elif marker.startswith(">"):
            problems.append(
                Problem(
                    name,
                    line,
                    1,
                    f"a git merge conflict marker '{match.group(0).strip()}' is left in the file",
                    hint="resolve the conflict and delete the marker lines",
                    rule="merge-conflict",
                )
            )
    if opened is not None:
        problems.append(
            Problem(
                name,
                opened[0],
                1,
                f"a git merge conflict marker '{opened[1]}' is left in the file",
                hint="resolve the conflict and delete the marker lines",
                rule="merge-conflict",
            )
        )
    return problems


def _swallowing_quote(text: str, until: int) -> yaml.Token | None:
    """The first quoted value before ``until`` that runs over lines that look like YAML.

    Such a value is almost always a quote opened and never closed: it ends at the next
    quote character further down, and the error comes after.
    """
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if token.start_mark.index >= until:
                return None
            if (
                isinstance(token, yaml.ScalarToken)
                and token.style in _QUOTES
                and _SWALLOWED.search(text, token.start_mark.index, token.end_mark.index)
            ):
                return token
    except yaml.YAMLError:
        return None
    return None


def _unclosed_quote(name: str, mark: yaml.Mark, quote: str, where_closed: str) -> Problem:
    kind = _QUOTES.get(quote, "")
    return _problem(
        name,
        mark,
        f"unclosed {kind} quote: the value that starts with {quote} here {where_closed}",
        f"end the value with {quote} on this line, or remove the {quote} if the value needs "
        "no quotes",
        "unclosed-quote",
    )


def syntax_problem(error: yaml.MarkedYAMLError, text: str, name: str) -> Problem:
    """The problem for a YAML syntax ``error`` in ``text``, placed at the mistake."""
    problem = (error.problem or "").strip()
    context = (error.context or "").strip()
    start, found = error.context_mark, error.problem_mark
    if context.startswith("while scanning a quoted scalar") and start is not None:
        quote = text[start.index] if start.index < len(text) else '"'
        return _unclosed_quote(name, start, quote, "is never closed")
    if found is not None and (token := _swallowing_quote(text, found.index)) is not None:
        quote = text[token.start_mark.index]
        closed = token.end_mark.line + 1
        return _unclosed_quote(
            name,
            token.start_mark,
            quote,
            f"runs on to the {quote} at line {closed}, swallowing the lines between",
        )
    flow = context.startswith(("while parsing a flow sequence", "while parsing a flow mapping"))
    if flow and start is not None and found is not None and found.line > start.line:
        if "sequence" in context:
            bracket, closing, what = "[", "]", "list"
            fix = (
                "end it with ']', for example [Germany, Ireland], or write each item on its "
                "own line starting with '- '"
            )
        else:
            bracket, closing, what = "{", "}", "mapping"
            fix = "end it with '}', or put the value in quotes if the '{' is part of the text"
        return _problem(
            name,
            start,
            f"unclosed '{bracket}': the {what} that starts here is not closed with "
            f"'{closing}' on its line",
            fix,
            "unclosed-bracket",
        )
    if (
        found is not None
        and problem.startswith("expected")
        and 0 < found.index < len(text)
        and text[found.index - 1] == "'"
        and text[found.index].isalnum()
    ):
        return Problem(
            name,
            found.line + 1,
            found.column,
            "a single-quoted value ends at this apostrophe, and the rest of the line is left over",
            hint="inside single quotes write an apostrophe twice (''), or use double quotes",
            rule="yaml-syntax",
        )
    message, hint = _describe(problem, context)
    mark = found or start
    if mark is None:
        return Problem(name, 1, 1, message, hint=hint, rule="yaml-syntax")
    return _problem(name, mark, message, hint, "yaml-syntax")


def _describe(problem: str, context: str) -> tuple[str, str]:
    """Turn PyYAML's parser wording into what was expected and the likely fix."""
    message = f"invalid YAML: {problem or 'invalid YAML'}" + (f" ({context})" if context else "")
    if "\\t" in problem or "'\\t'" in problem or "tab" in problem:
        return message, "indent with spaces; YAML does not allow tab characters for indentation"
    if "expected <block end>" in problem or "mapping values are not allowed" in problem:
        return message, (
            "check the indentation of this line and the one above: keys of one mapping must "
            "start in the same column, and a value containing ': ' must be put in quotes"
        )
    if "could not find expected ':'" in problem:
        return message, "a key must be followed by ':' and a space"
    if "found undefined alias" in problem or "found unknown escape" in problem:
        return message, "put the value in quotes"
    return message, "fix the YAML syntax at this position"
