#!/usr/bin/env python3
"""Lists public declarations in Sources/ that have no `///` doc comment.

    python3 scripts/check-doc-comments.py [MODULE ...] [--count] [--strict]

A declaration is a line whose keywords include `public` or `open` before `func`, `init`, `var`,
`let`, `struct`, `enum`, `class`, `actor`, `protocol`, `typealias`, `subscript` or `case`
(extensions are not declarations: their members are checked one by one). It is documented when the
nearest line above it that is not an attribute (`@inlinable`, `@discardableResult`, ...) is a `///`
line or closes a `/** ... */` block.

Exempt, because DocC shows the protocol requirement's own documentation: implementations of
`description`, `debugDescription`, `==`, `<`, `hash(into:)`, `encode(to:)`, `init(from:)`,
`next()` and `errorDescription`.

With module names, only Sources/<MODULE> is checked. `--count` prints one count per module instead
of the list. `--strict` exits 1 when anything is missing (for CI once every module is done).
"""
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Sources")
DECLARATION = re.compile(
    r"^\s*(?:@\w+(?:\([^)]*\))?\s+)*"
    r"(?:(?:public|open|static|class|final|override|mutating|nonmutating|nonisolated|convenience|required|"
    r"indirect|lazy|dynamic|private\(set\)|internal\(set\)|fileprivate\(set\)|package\(set\))\s+)*"
    r"(func|init|var|let|struct|enum|class|actor|protocol|typealias|subscript|case)\b"
)
EXEMPT = re.compile(
    r"\b(?:var (?:description|debugDescription|errorDescription)\b|func (?:==|<|hash\(into|encode\(to|next\(\))|"
    r"init\(from decoder)"
)
ATTRIBUTE = re.compile(r"^\s*@\w+(?:\(.*\))?\s*$")  # arguments may hold parentheses: @Option(help: "a (b)")


def is_public(line):
    head = line.split("{", 1)[0].split("=", 1)[0]
    return re.search(r"(?:^|\s)(?:public|open)\s", " " + head) is not None


def missing_in(path):
    with open(path, encoding="utf-8") as handle:
        lines = handle.read().split("\n")
    found = []
    in_block_comment = False
    for number, line in enumerate(lines):
        stripped = line.strip()
        if in_block_comment:
            if "*/" in stripped:
                in_block_comment = False
            continue
        if stripped.startswith("/*") and "*/" not in stripped:
            in_block_comment = True
            continue
        if stripped.startswith("//"):
            continue
        if not is_public(line) or not DECLARATION.match(line) or EXEMPT.search(line):
            continue
        above = number - 1
        while above >= 0 and ATTRIBUTE.match(lines[above]):
            above -= 1
        previous = lines[above].strip() if above >= 0 else ""
        if previous.startswith("///") or previous.endswith("*/"):
            continue
        found.append((number + 1, stripped))
    return found


def main(arguments):
    count_only = "--count" in arguments
    strict = "--strict" in arguments
    modules = [a for a in arguments if not a.startswith("--")]
    if not modules:
        modules = sorted(m for m in os.listdir(ROOT) if os.path.isdir(os.path.join(ROOT, m)))
    total = 0
    for module in modules:
        base = os.path.join(ROOT, module)
        module_missing = []
        for folder, _, files in sorted(os.walk(base)):
            for name in sorted(files):
                if name.endswith(".swift"):
                    path = os.path.join(folder, name)
                    for number, text in missing_in(path):
                        module_missing.append((os.path.relpath(path, os.path.join(ROOT, "..")), number, text))
        total += len(module_missing)
        if count_only:
            print(f"{module}: {len(module_missing)} public declarations without a doc comment")
        else:
            for path, number, text in module_missing:
                print(f"{path}:{number}: {text}")
    if not count_only:
        print(f"{total} public declarations without a doc comment", file=sys.stderr)
    return 1 if strict and total else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
