#!/usr/bin/env python3
"""Checks that every Markdown table trialsize writes parses as a table.

Parses each file given (default: Tests/trialsizeTests/Golden/*.md, the golden Markdown output of
every command) with markdown-it-py as CommonMark with GitHub tables enabled, and
fails when a line that starts with '|' is not part of a parsed table (a table rendered as
bullets or as a paragraph), or when a table's rows have a different number of cells than its
header.

    pip install markdown-it-py
    python3 scripts/check-markdown.py [FILE.md ...]

Exit status 0 when every table parses, 1 otherwise (each problem printed as FILE:LINE: reason).
"""
import glob
import os
import sys

from markdown_it import MarkdownIt


def problems(path):
    text = open(path, encoding="utf-8").read()
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    table_lines = set()
    found = []
    for index, token in enumerate(tokens):
        if token.type == "table_open" and token.map:
            table_lines.update(range(token.map[0], token.map[1]))
            # Every row has as many cells as the header.
            widths, cells = [], 0
            for inner in tokens[index + 1:]:
                if inner.type == "table_close":
                    break
                if inner.type == "tr_open":
                    cells = 0
                elif inner.type in ("th_open", "td_open"):
                    cells += 1
                elif inner.type == "tr_close":
                    widths.append(cells)
            if len(set(widths)) > 1:
                found.append((token.map[0] + 1, f"table rows have {sorted(set(widths))} cells"))
    for number, line in enumerate(text.splitlines()):
        stripped = line.lstrip("- ").strip()
        if stripped.startswith("|") and number not in table_lines:
            found.append((number + 1, "a '|' line that does not parse as a table: " + line[:60]))
    return found


def main(arguments):
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    paths = arguments or sorted(glob.glob(os.path.join(root, "Tests/trialsizeTests/Golden/*.md")))
    if not paths:
        print("check-markdown: no Markdown files found", file=sys.stderr)
        return 1
    failures = 0
    tables = 0
    for path in paths:
        text = open(path, encoding="utf-8").read()
        tables += sum(1 for t in MarkdownIt("commonmark").enable("table").parse(text) if t.type == "table_open")
        for line, reason in problems(path):
            failures += 1
            print(f"{os.path.relpath(path)}:{line}: {reason}")
    print(f"check-markdown: {len(paths)} files, {tables} tables, {failures} problems")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
