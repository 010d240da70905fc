import Foundation

/// Quotes a word for a POSIX shell when it needs it: `0.1,0.2` stays, `a b` becomes `'a b'`.
public enum ShellQuote {
    /// `word` unchanged when it holds only ASCII letters, digits and `,._-+/:=%@`; otherwise in single
    /// quotes, each `'` inside written `'\''`. The empty word becomes `''`.
    public static func quote(_ word: String) -> String {
        let safe = word.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII
                && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || ",._-+/:=%@".unicodeScalars.contains(scalar))
        }
        if safe, !word.isEmpty { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
