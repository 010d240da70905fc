import Foundation

/// Encodes results as JSON with snake_case keys, keys sorted, for scripts and pipelines.
///
/// Swift property names become snake_case (`attainedPower` → `attained_power`). A NaN or an
/// infinity cannot be encoded and throws, so no non-number ever reaches the output.
public enum JSONOutput {
    /// `value` as pretty-printed JSON, keys in snake_case and sorted, slashes unescaped, with a final newline.
    ///
    /// - Throws: `EncodingError` when `value` holds a NaN or an infinity.
    public static func encode<Value: Encodable>(_ value: Value) throws -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    /// `value`'s JSON object with `justification` (`paragraph`, `references`) beside its own keys
    /// when given: the JSON of every command with `--justify`.
    public static func encode<Value: Encodable>(_ value: Value, justification: Justification?) throws -> String {
        try encode(WithJustification(result: value, justification: justification, warnings: nil))
    }

    /// `value`'s JSON object with `justification` (when given) and `warnings` (when not nil, even
    /// empty) beside its own keys.
    public static func encode<Value: Encodable>(_ value: Value, justification: Justification?, warnings: [String]?) throws -> String {
        try encode(WithJustification(result: value, justification: justification, warnings: warnings))
    }

    /// A result's JSON with its justification (when asked) beside the result's own keys.
    struct WithJustification<Payload: Encodable>: Encodable {
        let result: Payload
        let justification: Justification?
        let warnings: [String]?
        func encode(to encoder: any Encoder) throws {
            try result.encode(to: encoder)
            var container = encoder.container(keyedBy: Key.self)
            if let justification { try container.encode(justification, forKey: Key(stringValue: "justification")) }
            if let warnings { try container.encode(warnings, forKey: Key(stringValue: "warnings")) }
        }
        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }
    }
}

/// A JSON value that is written as `null` when absent, where a synthesized `Encodable` would
/// leave the key out: for keys documented as "integer or null" (`next_level` when the trial stops).
struct NullOr<Value: Encodable>: Encodable {
    let value: Value?

    init(_ value: Value?) { self.value = value }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let value { try container.encode(value) } else { try container.encodeNil() }
    }
}
