/// Reflows prose for a terminal or a plain-text protocol: paragraphs filled to a width.
public enum TextWrap {
    /// The column plain-text justifications are filled to.
    public static let defaultWidth = 90

    /// `text` filled to `width` columns. Blank lines separate paragraphs and are kept; single
    /// newlines inside a paragraph become spaces. Lines break only at spaces, so a word longer
    /// than the width (a URL) stands alone on its line. `indent` starts each paragraph's first
    /// line, `hangingIndent` the lines after it (a reference list's "[1] " and "    ").
    public static func fill(_ text: String, width: Int = defaultWidth, indent: String = "", hangingIndent: String = "") -> String {
        paragraphs(text).map { paragraph in
            var lines: [String] = []
            var line = indent
            var lineHasWord = false
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                if lineHasWord, line.count + 1 + word.count > width {
                    lines.append(line)
                    line = hangingIndent
                    lineHasWord = false
                }
                line += (lineHasWord ? " " : "") + word
                lineHasWord = true
            }
            lines.append(line)
            return lines.joined(separator: "\n")
        }.joined(separator: "\n\n")
    }

    /// The paragraphs of `text`, each on one line: split at blank lines, inner newlines as spaces.
    public static func paragraphs(_ text: String) -> [String] {
        var out: [String] = []
        var current: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.isEmpty {
                if !current.isEmpty { out.append(current.joined(separator: " ")) }
                current = []
            } else {
                current.append(trimmed)
            }
        }
        if !current.isEmpty { out.append(current.joined(separator: " ")) }
        return out
    }
}
