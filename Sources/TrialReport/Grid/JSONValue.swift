/// A JSON value read back from an answer's body, so a sensitivity grid can pick its outputs
/// (``GridOutput/path``) and carry each answer whole in its own JSON.
///
/// Numbers are read as `Double` and written back by the same encoder that wrote them, so an
/// answer's numbers are the same text in the grid's JSON as in the answer's own.
public enum JSONValue: Sendable, Equatable, Codable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// The value at a dotted `path` (`optimal.n1`, `skeleton.0`: a number indexes an array),
    /// stepping into one-element arrays; nil when the path is absent.
    public subscript(path path: String) -> JSONValue? {
        var value = self
        for key in path.split(separator: ".") {
            if case .array(let items) = value, let index = Int(key) {
                guard items.indices.contains(index) else { return nil }
                value = items[index]
                continue
            }
            while case .array(let items) = value, items.count == 1 { value = items[0] }
            guard case .object(let fields) = value, let next = fields[String(key)] else { return nil }
            value = next
        }
        while case .array(let items) = value, items.count == 1 { value = items[0] }
        return value
    }

    /// The number, when this is one.
    public var number: Double? {
        if case .number(let value) = self { value } else { nil }
    }
}
