#!/usr/bin/env python3
"""Checks every Word report trialsize writes, with an independent reader (python-docx).

Reads each FILE.docx given (default: every .docx in $TRIALSIZE_DOCX_OUT, where the golden test
writes `--report CASE.docx` for each command's case) and compares it with the same case's golden
Markdown output (Tests/trialsizeTests/Golden/CASE.md):

- the document opens, its first paragraph is the title (style Title) and equals the Markdown's `## ` title;
- every `### ` section of the Markdown is a Heading 1 of the document, in the same order;
- every Markdown table with a header row appears as a Word table with the same header and the
  same rows, cell for cell; every table's rows have as many cells as its header;
- a Justification heading and a References list whose length matches the `[n]` references of
  the case's `-justify.txt` golden.

    pip install python-docx
    python3 scripts/check-docx.py [FILE.docx ...]

Exit status 0 when every document passes, 1 otherwise (each problem printed as FILE: reason).
"""
import glob
import os
import re
import sys

import docx

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
GOLDEN = os.path.join(ROOT, "Tests/trialsizeTests/Golden")


def unescape_markdown(cell):
    return re.sub(r"\\(.)", r"\1", cell.strip())


def markdown_parts(text):
    """The title, the section titles and the tables (header + rows) of a golden Markdown file."""
    title = next((line[3:].strip() for line in text.splitlines() if line.startswith("## ")), None)
    sections = [line[4:].strip() for line in text.splitlines() if line.startswith("### ")]
    tables, current = [], []
    for line in text.splitlines() + [""]:
        if line.startswith("|"):
            cells = re.split(r"(?<!\\)\|", line.strip()[1:-1])  # a cell's own '|' is escaped as '\|'
            current.append([unescape_markdown(c) for c in cells])
        elif current:
            rows = [r for r in current if not all(re.fullmatch(r":?-+:?", c) for c in r)]
            tables.append(rows)
            current = []
    return title, [unescape_markdown(s) for s in sections], tables


def problems(path):
    found = []
    name = os.path.basename(path)[: -len(".docx")]
    document = docx.Document(path)
    paragraphs = document.paragraphs
    if not paragraphs or paragraphs[0].style.name != "Title":
        return ["the first paragraph is not the title"]
    headings = [p.text for p in paragraphs if p.style.name == "Heading 1"]
    word_tables = [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables]
    for index, rows in enumerate(word_tables):
        if len({len(r) for r in rows}) > 1:
            found.append(f"table {index + 1} has rows of {sorted({len(r) for r in rows})} cells")
    markdown = os.path.join(GOLDEN, name + ".md")
    if os.path.exists(markdown):
        title, sections, tables = markdown_parts(open(markdown, encoding="utf-8").read())
        if title and paragraphs[0].text != title:
            found.append(f"title {paragraphs[0].text!r}, Markdown has {title!r}")
        document_sections = [h for h in headings if h not in ("Justification", "References", "Plots")]
        if sections and document_sections[: len(sections)] != sections:
            found.append(f"sections {document_sections}, Markdown has {sections}")
        for rows in tables:
            if rows and rows[0] == ["", ""]:
                rows = rows[1:]  # label-value rows: Markdown gives them an empty header
            if rows and not any(table[-len(rows):] == rows or table == rows for table in word_tables):
                found.append(f"no Word table matches the Markdown table starting {rows[0]}")
    justify = os.path.join(GOLDEN, name + "-justify.txt")
    if os.path.exists(justify) and os.path.getsize(justify) > 0:
        text = open(justify, encoding="utf-8").read()
        listed = text[text.rfind("\nReferences\n"):] if "\nReferences\n" in text else ""
        expected = len(re.findall(r"^\[\d+\] ", listed, re.M))
        references = [p for p in paragraphs if p.style.name == "Reference"]
        if "Justification" not in headings:
            found.append("no Justification heading")
        if len(references) != expected:
            found.append(f"{len(references)} references, the justification cites {expected}")
    return found


def main(arguments):
    folder = os.environ.get("TRIALSIZE_DOCX_OUT")
    paths = arguments or (sorted(glob.glob(os.path.join(folder, "*.docx"))) if folder else [])
    if not paths:
        print("check-docx: no .docx files (give them, or set TRIALSIZE_DOCX_OUT)", file=sys.stderr)
        return 1
    failures = 0
    for path in paths:
        for problem in problems(path):
            print(f"{path}: {problem}")
            failures += 1
    print(f"check-docx: {len(paths)} documents, {failures} problems")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
