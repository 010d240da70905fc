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
}
