/// Lets an option take a negative number the way people type it: `--control-median -1`.
///
/// swift-argument-parser reads a token that starts with `-` as an option name, so
/// `--control-median -1` would fail with "Missing value for '--control-median'", which hides the
/// real problem. Joining such a pair into `--control-median=-1` lets the value reach the design's
/// validation, which then names the option and its allowed range (exit 64), as for any other value.
enum NegativeValues {
    /// `arguments` with every `--option <negative number>` pair joined into `--option=<negative number>`.
    static func joined(_ arguments: [String]) -> [String] {
        var result: [String] = []
        result.reserveCapacity(arguments.count)
        var index = 0
        while index < arguments.count {
            let token = arguments[index]
            if index + 1 < arguments.count, isLongOptionName(token), looksNegative(arguments[index + 1]) {
                result.append(token + "=" + arguments[index + 1])
                index += 2
            } else {
                result.append(token)
                index += 1
            }
        }
        return result
    }

    private static func isLongOptionName(_ token: String) -> Bool {
        token.hasPrefix("--") && token.count > 2 && !token.contains("=")
    }

    /// "-1", "-0.5", "-.5", "-1e3", "-inf", "-nan": a minus sign followed by what reads as a number.
    static func looksNegative(_ token: String) -> Bool {
        guard token.hasPrefix("-"), token.count > 1 else { return false }
        let rest = token.dropFirst()
        if let first = rest.first, first.isASCII, first.isNumber || first == "." { return true }
        return ["inf", "infinity", "nan"].contains(rest.lowercased())
    }
}
