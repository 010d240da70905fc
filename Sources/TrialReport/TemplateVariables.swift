/// Finds the variables a Mustache template uses that its context does not provide.
///
/// Mustache renders a missing variable as nothing, so a misspelt `{{atained_power}}` would
/// silently leave a hole in a grant's paragraph. This check reads the template's tags —
/// `{{name}}`, `{{{name}}}`, `{{&name}}`, sections `{{#name}}` and inverted sections
/// `{{^name}}` — and resolves each name the way Mustache does: in the innermost enclosing
/// section's value first, then outwards to the top-level context. Dotted names (`a.b`)
/// descend into dictionaries; `{{.}}` is the current item; a transform `{{f(name)}}` checks
/// `name`; partials `{{> name}}` are checked in place against the same scopes.
///
/// A section over a list is checked against the keys every item has, so give each list in
/// the context at least one item. Set-delimiter tags (`{{=<% %>=}}`) end the check.
public enum TemplateVariables {
    /// A variable a template uses that the context lacks.
    public struct Missing: Sendable, Equatable, CustomStringConvertible {
        /// The name as written in the tag: `attained_power`, `design.n`.
        public let name: String
        /// The template (or partial) it appears in, and its line there, from 1.
        public let template: String
        /// The line of `template` the tag is on, counted from 1.
        public let line: Int

        public var description: String { "{{\(name)}} (\(template), line \(line))" }
    }

    /// Every use in `source` of a variable that `context` does not provide, in order.
    ///
    /// `partials` gives the source of a partial by name (the shipped templates by default).
    public static func missing(
        in source: String, named template: String, context: [String: Any],
        partials: (String) -> String? = TemplateLibrary.source(named:)
    ) -> [Missing] {
        var found: [Missing] = []
        check(source, template: template, scopes: [context], partials: partials, depth: 0, into: &found)
        return found
    }

    private static func check(
        _ source: String, template: String, scopes outer: [[String: Any]],
        partials: (String) -> String?, depth: Int, into found: inout [Missing]
    ) {
        guard depth < 16 else { return }
        var scopes = outer
        for tag in tags(in: source) {
            switch tag.sigil {
            case "!", "%":
                continue
            case "=":
                return
            case ">", "<":
                if tag.sigil == "<" { scopes.append([:]) }
                guard let partial = partials(tag.name) else {
                    found.append(Missing(name: "> " + tag.name, template: template, line: tag.line))
                    continue
                }
                check(partial, template: tag.name, scopes: scopes, partials: partials, depth: depth + 1, into: &found)
            case "$":
                scopes.append([:])
            case "/":
                if scopes.count > outer.count { scopes.removeLast() }
            case "#", "^":
                let name = argument(of: tag.name)
                guard let value = resolve(name, in: scopes) else {
                    found.append(Missing(name: name, template: template, line: tag.line))
                    // Report the section, not everything inside it.
                    scopes.append([wildcard: true])
                    continue
                }
                scopes.append(tag.sigil == "#" ? scope(of: value) : [:])
            default:
                let name = argument(of: tag.name)
                if resolve(name, in: scopes) == nil {
                    found.append(Missing(name: name, template: template, line: tag.line))
                }
            }
        }
    }

    /// Every variable and section name `source` uses, once each, in order of first use
    /// (partials are not followed): the list docs/templates.md must document.
    public static func names(in source: String) -> [String] {
        var seen: Set<String> = []
        return tags(in: source).filter { " {&#^".contains($0.sigil) }.map { argument(of: $0.name) }
            .filter { $0 != "." && seen.insert($0).inserted }
    }

    /// A tag: its sigil (`#`, `^`, `/`, `>`, `!`, `%`, `=`, `&`, `{`, `<`, `$`, or a space
    /// for a plain variable), its name, and its line.
    private struct Tag {
        let sigil: Character
        let name: String
        let line: Int
    }

    private static func tags(in source: String) -> [Tag] {
        var tags: [Tag] = []
        var line = 1
        var rest = Substring(source)
        while let open = rest.range(of: "{{") {
            line += rest[rest.startIndex..<open.lowerBound].filter { $0 == "\n" }.count
            var body = rest[open.upperBound...]
            let triple = body.first == "{"
            if triple { body = body.dropFirst() }
            guard let close = body.range(of: triple ? "}}}" : "}}") else { break }
            let inner = body[body.startIndex..<close.lowerBound]
            rest = body[close.upperBound...]
            var text = inner.trimmingSpaces()
            var sigil: Character = triple ? "{" : " "
            if !triple, let first = text.first, "#^/>!%=&<$".contains(first) {
                sigil = first
                text = text.dropFirst().trimmingSpaces()
            }
            if sigil == "=" {
                tags.append(Tag(sigil: "=", name: "", line: line))
                break
            }
            tags.append(Tag(sigil: sigil, name: String(text), line: line))
            line += inner.filter { $0 == "\n" }.count
        }
        return tags
    }

    /// `name` without transforms: `uppercased(title)` checks `title`.
    private static func argument(of name: String) -> String {
        guard let open = name.lastIndex(of: "("), let close = name.firstIndex(of: ")"), open < close else { return name }
        return String(name[name.index(after: open)..<close])
    }

    /// A key no context has, marking the scope inside a missing section, where every name passes.
    private static let wildcard = "\u{0}inside a missing section"

    /// The value of `name` (dotted or `.`) in the innermost scope that has its first part.
    private static func resolve(_ name: String, in scopes: [[String: Any]]) -> Any? {
        if name == "." || scopes.contains(where: { $0[wildcard] != nil }) { return scopes.last ?? [:] }
        let parts = name.split(separator: ".").map(String.init)
        guard let head = parts.first else { return nil }
        guard var value = scopes.reversed().lazy.compactMap({ $0[head] }).first else { return nil }
        for part in parts.dropFirst() {
            guard let dictionary = value as? [String: Any], let inner = dictionary[part] else { return nil }
            value = inner
        }
        return value
    }

    /// What a section over `value` adds to the scopes: a dictionary's keys, or the keys that
    /// every item of a list of dictionaries has.
    private static func scope(of value: Any) -> [String: Any] {
        if let dictionary = value as? [String: Any] { return dictionary }
        if let items = value as? [Any] {
            let dictionaries = items.compactMap { $0 as? [String: Any] }
            guard dictionaries.count == items.count, var common = dictionaries.first else { return [:] }
            for item in dictionaries.dropFirst() { common = common.filter { item[$0.key] != nil } }
            return common
        }
        return [:]
    }
}

extension Substring {
    fileprivate func trimmingSpaces() -> Substring {
        var text = self
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return text
    }
}
