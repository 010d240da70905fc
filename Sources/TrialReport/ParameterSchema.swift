import TrialDesign

/// A parameter's JSON Schema (draft 2020-12, which OpenAPI 3.1 uses): the one mapping from a
/// `Parameter` declaration to a schema property, read by `trialsize parameters --format json`
/// and by the web server's OpenAPI document.
public enum ParameterJSONSchema {
    /// The property for `parameter`: type, bounds (open ends as `exclusiveMinimum`/`exclusiveMaximum`),
    /// menu words, title, description, unit (`x-unit`) and default.
    public static func property(_ parameter: Parameter) -> [String: Any] {
        var property: [String: Any] = ["title": parameter.label, "description": parameter.help]
        if let unit = parameter.unit { property["x-unit"] = unit }
        if let value = parameter.defaultValue { property["default"] = value }
        switch parameter.allowed {
        case let .real(lower, lowerClosed, upper, upperClosed):
            property["type"] = "number"
            if let lower { property[lowerClosed ? "minimum" : "exclusiveMinimum"] = lower }
            if let upper { property[upperClosed ? "maximum" : "exclusiveMaximum"] = upper }
        case let .integer(range):
            property["type"] = "integer"
            property["minimum"] = range.lowerBound
            if range.upperBound != Int.max { property["maximum"] = range.upperBound }
        case let .choice(words):
            property["type"] = "string"
            property["enum"] = words
        case let .list(lower, lowerClosed, upper, upperClosed):
            var item: [String: Any] = ["type": "number"]
            if let lower { item[lowerClosed ? "minimum" : "exclusiveMinimum"] = lower }
            if let upper { item[upperClosed ? "maximum" : "exclusiveMaximum"] = upper }
            property["type"] = "array"
            property["items"] = item
        case .text:
            property["type"] = "string"
        case .flag:
            property["type"] = "boolean"
        }
        return property
    }
}
