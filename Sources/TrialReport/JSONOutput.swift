import Foundation

/// Encodes results as JSON with snake_case keys, keys sorted, for scripts and pipelines.
///
/// Swift property names become snake_case (`attainedPower` → `attained_power`). A NaN or an
/// infinity cannot be encoded and throws, so no non-number ever reaches the output.
public enum JSONOutput {
    public static func encode<Value: Encodable>(_ value: Value) throws -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    /// `value`'s JSON object with `justification` (`paragraph`, `references`) beside its own keys
    /// when given: the JSON of every command with `--justify`.
    public static func encode<Value: Encodable>(_ value: Value, justification: Justification?) throws -> String {
        try encode(WithJustification(result: value, justification: justification))
    }

    /// A result's JSON with its justification (when asked) beside the result's own keys.
    struct WithJustification<Payload: Encodable>: Encodable {
        let result: Payload
        let justification: Justification?
        func encode(to encoder: any Encoder) throws {
            try result.encode(to: encoder)
            if let justification {
                var container = encoder.container(keyedBy: Key.self)
                try container.encode(justification, forKey: Key(stringValue: "justification"))
            }
        }
        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }
    }
}
