import Foundation
import TrialDesign

/// Reads a request's fields (a query string, a form body or a JSON object) into ``WebInputs``:
/// each key matched to a declared field, each value checked for its type, sizes capped.
///
/// The checks here are only those a parser makes (a number where a number is expected, a word
/// from the menu); every range and every combination is checked by the design itself, through
/// the command's own validation, so the form, the API and the command line refuse the same inputs.
public enum FormInputs {
    /// The longest value accepted in any field (a skeleton of many levels fits easily).
    public static let maximumValueLength = 1000
    /// The most fields one request may carry.
    public static let maximumFields = 64
    /// The most values of one repeatable field (`truth`: one scenario each).
    public static let maximumRepeats = 20

    /// Splits `key=value&key=value` (a query string or an `application/x-www-form-urlencoded`
    /// body), decoding `+` and percent escapes.
    public static func pairs(fromQuery query: String) throws(WebInputError) -> [(key: String, value: String)] {
        var result: [(key: String, value: String)] = []
        for part in query.split(separator: "&", omittingEmptySubsequences: true) {
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let key = decode(pieces[0]) else { throw WebInputError("a field name is not valid percent-encoding") }
            guard let value = decode(pieces.count > 1 ? pieces[1] : "") else {
                throw WebInputError(parameter: key, "is not valid percent-encoding")
            }
            result.append((key, value))
            if result.count > maximumFields { throw WebInputError("more than \(maximumFields) fields in one request") }
        }
        return result
    }

    private static func decode(_ text: Substring) -> String? {
        String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    /// A JSON value as a request may carry it.
    enum JSONValue: Decodable {
        case null
        case bool(Bool)
        case number(Double)
        case string(String)
        case array([JSONValue])

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .null
            } else if let bool = try? container.decode(Bool.self) {
                self = .bool(bool)
            } else if let number = try? container.decode(Double.self) {
                self = .number(number)
            } else if let string = try? container.decode(String.self) {
                self = .string(string)
            } else if let array = try? container.decode([JSONValue].self) {
                self = .array(array)
            } else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "an object is not a field's value")
            }
        }

        /// The value as typed on a command line: numbers as written, a list joined by commas.
        func word(key: String) throws(WebInputError) -> String? {
            switch self {
            case .null: return nil
            case let .bool(bool): return bool ? "true" : "false"
            case let .number(number): return number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : "\(number)"
            case let .string(string): return string
            case let .array(items):
                return try items.map { item throws(WebInputError) in
                    guard let word = try item.word(key: key) else { throw WebInputError(parameter: key, "must not hold null") }
                    return word
                }.joined(separator: ",")
            }
        }
    }

    /// The fields of a JSON object: numbers as written, booleans as flags, arrays as a list
    /// (joined with commas) or, for a repeatable field, one value per item; null as absent.
    public static func pairs(fromJSON data: Data, fields: [Parameter]) throws(WebInputError) -> [(key: String, value: String)] {
        let object: [String: JSONValue]
        do {
            object = try JSONDecoder().decode([String: JSONValue].self, from: data)
        } catch {
            throw WebInputError("the request body must be a JSON object whose values are numbers, strings, booleans or lists")
        }
        guard object.count <= maximumFields else { throw WebInputError("more than \(maximumFields) fields in one request") }
        var result: [(key: String, value: String)] = []
        for key in object.keys.sorted() {
            let value = object[key]!
            let parameter = fields.first { $0.jsonKey == key || $0.key == key }
            if parameter?.repeatable == true, case let .array(items) = value {
                // `"truth": ["0.1,0.2", [0.1, 0.3]]`: one scenario each; a flat list of numbers is one scenario.
                if items.allSatisfy({ if case .number = $0 { return true } else { return false } }) {
                    if let word = try value.word(key: key) { result.append((key, word)) }
                } else {
                    for item in items { if let word = try item.word(key: key) { result.append((key, word)) } }
                }
            } else if let word = try value.word(key: key) {
                result.append((key, word))
            }
        }
        return result
    }

    /// `pairs` matched to `fields` (by snake_case or kebab-case key) and checked for type.
    ///
    /// - Throws: ``WebInputError`` naming the field: an unknown key, a value too long or with
    ///   a control character, not a number, not a whole number, not one of the menu's words, a
    ///   flag that is neither on nor off, or a field given twice that is not repeatable.
    public static func inputs(_ pairs: [(key: String, value: String)], fields: [Parameter]) throws(WebInputError) -> WebInputs {
        var given: [WebInputs.Given] = []
        // A repeatable field's box holds several values separated by semicolons (`truth`).
        let split = pairs.flatMap { pair -> [(key: String, value: String)] in
            guard fields.first(where: { $0.jsonKey == pair.key || $0.key == pair.key })?.repeatable == true, pair.value.contains(";") else {
                return [pair]
            }
            return pair.value.split(separator: ";").map { (pair.key, String($0)) }
        }
        for (key, rawValue) in split {
            guard let parameter = fields.first(where: { $0.jsonKey == key || $0.key == key }) else {
                throw WebInputError(parameter: "", "unknown field \u{201C}\(String(key.prefix(60)))\u{201D}")
            }
            let value = rawValue.trimmingCharacters(in: .whitespaces)
            guard value.count <= maximumValueLength else {
                throw WebInputError(parameter: parameter.key, "is longer than \(maximumValueLength) characters")
            }
            guard !value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
                throw WebInputError(parameter: parameter.key, "must not contain a line break or control character")
            }
            guard let checked = try check(value, parameter) else { continue }
            if let index = given.firstIndex(where: { $0.parameter.key == parameter.key }) {
                guard parameter.repeatable else { throw WebInputError(parameter: parameter.key, "is given more than once; give it once") }
                guard given[index].values.count < maximumRepeats else {
                    throw WebInputError(parameter: parameter.key, "is given more than \(maximumRepeats) times")
                }
                given[index] = WebInputs.Given(parameter: parameter, values: given[index].values + checked)
            } else {
                given.append(WebInputs.Given(parameter: parameter, values: checked))
            }
        }
        // In the order of the form, so the command line reads as the catalog lists the options.
        let order = Dictionary(uniqueKeysWithValues: fields.enumerated().map { ($0.element.key, $0.offset) })
        return WebInputs(given.sorted { order[$0.parameter.key]! < order[$1.parameter.key]! })
    }

    /// The value as the command will receive it, or nil when the field is left empty (a flag
    /// that is off, an empty box).
    static func check(_ value: String, _ parameter: Parameter) throws(WebInputError) -> [String]? {
        if case .flag = parameter.allowed {
            switch value.lowercased() {
            case "on", "true", "1", "yes": return []
            case "", "off", "false", "0", "no": return nil
            default: throw WebInputError(parameter: parameter.key, "must be on or off, got \(quoted(value))")
            }
        }
        if value.isEmpty { return nil }
        switch parameter.allowed {
        case .real:
            guard let number = Double(value), number.isFinite else { throw notNumber(value, parameter) }
            _ = number
        case .integer:
            guard Int(value) != nil else {
                throw WebInputError(parameter: parameter.key, "must be a whole number, got \(quoted(value))")
            }
        case let .choice(words):
            guard words.contains(value) else {
                throw WebInputError(parameter: parameter.key, "must be one of \(words.joined(separator: ", ")), got \(quoted(value))")
            }
        case .list:
            for entry in value.split(separator: ",", omittingEmptySubsequences: false) {
                let trimmed = entry.trimmingCharacters(in: .whitespaces)
                guard let number = Double(trimmed), number.isFinite else {
                    throw WebInputError(parameter: parameter.key, "must be comma-separated numbers, got \(quoted(value))")
                }
            }
        case .text, .flag:
            break
        }
        return [value]
    }

    /// "must be a number", with the reason when the value is a percentage or has a decimal comma.
    static func notNumber(_ value: String, _ parameter: Parameter) -> WebInputError {
        if value.hasSuffix("%"), let percent = Double(value.dropLast()) {
            return WebInputError(parameter: parameter.key, "must be a proportion, got \(value) (\(value) means \(percent / 100))")
        }
        if value.contains(","), !value.contains("."), let decimal = Double(value.replacingOccurrences(of: ",", with: ".")) {
            return WebInputError(parameter: parameter.key, "must be a number with a decimal point, got \(value) (write \(decimal))")
        }
        return WebInputError(parameter: parameter.key, "must be a number, got \(quoted(value))")
    }

    /// A value in an error message, shortened so one line stays readable.
    static func quoted(_ value: String) -> String {
        value.count > 40 ? String(value.prefix(40)) + "\u{2026}" : value
    }
}
