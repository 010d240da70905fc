/// A publication that a method or a justification cites.
public struct Reference: Sendable, Equatable, Hashable {
    /// A short stable key, such as `epstein-sobel-1953`.
    public let key: String
    /// The full citation, Vancouver style.
    public let citation: String

    /// A reference with its stable `key` and its full `citation`.
    public init(key: String, citation: String) {
        self.key = key
        self.citation = citation
    }
}

/// Numbers references in order of first citation, for a paragraph and its reference list.
public struct ReferenceList: Sendable {
    /// The references cited so far, in order of first citation: the `n`-th is "[n]" in the text.
    public private(set) var cited: [Reference] = []

    /// An empty list: the first reference cited becomes "[1]".
    public init() {}

    /// The number of `reference` in this list, adding it if it is new: "[2]".
    public mutating func cite(_ reference: Reference) -> String {
        if let index = cited.firstIndex(of: reference) { return "[\(index + 1)]" }
        cited.append(reference)
        return "[\(cited.count)]"
    }

    /// The context the shared `references` template renders.
    public var context: [[String: Any]] {
        cited.enumerated().map { ["number": $0.offset + 1, "citation": $0.element.citation] }
    }
}
