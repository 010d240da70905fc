import TrialDesign

/// Writes the lines of a batch of intervals (`trialsize ci --input`) as bytes into a buffer the
/// caller reuses, byte for byte what ``IntervalReport/batchLine(_:json:)`` returns, without
/// building a `String` per line (issue 18: formatting cost more than twice the arithmetic).
///
/// Numbers are in shortest round-trip form: the fewest decimal digits that read back as the same
/// double, which is what Swift's `Double.description` prints (`0.15384615384615385`, `1e-05`).
/// Doubles in [0.0001, 1), nearly every estimate and bound, are written by
/// `ShortestDecimal` with integer arithmetic and no allocation; 0 and 1 are `0.0` and `1.0`;
/// anything else (bounds below 0.0001, printed in exponent form) goes through `description`.
public struct BatchLineWriter: Sendable {
    /// JSON lines (`{"successes":4,...}`) instead of CSV.
    public let json: Bool

    /// A writer of JSON lines when `json` is true, of CSV lines (no header) otherwise.
    public init(json: Bool) { self.json = json }

    /// Appends one line, ending in a newline.
    public func append(_ interval: ProportionInterval, to out: inout [UInt8]) {
        if json {
            out.append(ascii: "{\"successes\":")
            out.appendDecimal(interval.successes)
            out.append(ascii: ",\"trials\":")
            out.appendDecimal(interval.trials)
            out.append(ascii: ",\"estimate\":")
            out.appendShortest(interval.estimate)
            out.append(ascii: ",\"lower\":")
            out.appendShortest(interval.lower)
            out.append(ascii: ",\"upper\":")
            out.appendShortest(interval.upper)
            out.append(ascii: ",\"conf\":")
            out.appendShortest(interval.conf)
            out.append(ascii: ",\"sides\":")
            out.appendDecimal(interval.sides)
            out.append(ascii: ",\"method\":\"")
            out.append(contentsOf: interval.method.utf8)
            out.append(ascii: "\"}\n")
        } else {
            out.appendDecimal(interval.successes)
            out.append(44)
            out.appendDecimal(interval.trials)
            out.append(44)
            out.appendShortest(interval.estimate)
            out.append(44)
            out.appendShortest(interval.lower)
            out.append(44)
            out.appendShortest(interval.upper)
            out.append(44)
            out.appendShortest(interval.conf)
            out.append(44)
            out.appendDecimal(interval.sides)
            out.append(44)
            out.append(contentsOf: interval.method.utf8)
            out.append(10)
        }
    }
}

extension [UInt8] {
    /// Appends ASCII text given as a literal.
    @inline(__always)
    mutating func append(ascii text: StaticString) {
        text.withUTF8Buffer { append(contentsOf: $0) }
    }

    /// Appends a whole number in decimal.
    @inline(__always)
    mutating func appendDecimal(_ value: Int) {
        if value < 0 {
            append(45)
            if value == Int.min {
                append(contentsOf: String(value).utf8.dropFirst())
                return
            }
            appendDecimal(-value)
            return
        }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var v = value, i = 20
            repeat {
                i -= 1
                digits[i] = UInt8(truncatingIfNeeded: 48 + v % 10)
                v /= 10
            } while v > 0
            append(contentsOf: UnsafeBufferPointer(rebasing: digits[i..<20]))
        }
    }

    /// Appends a double as `Double.description` writes it (shortest round-trip digits).
    @inline(__always)
    mutating func appendShortest(_ value: Double) {
        if value == 0 && value.sign == .plus {
            append(ascii: "0.0")
        } else if value == 1 {
            append(ascii: "1.0")
        } else if !ShortestDecimal.append(value, to: &self) {
            append(contentsOf: value.description.utf8)
        }
    }
}

/// Shortest round-trip decimal digits of a double in [0.0001, 1), the way `Double.description`
/// writes them (`0.15384615384615385`, `0.95`, `0.00012345`), with 128-bit integer arithmetic.
///
/// A double v = f·2^−s (f a 53-bit integer) is the only double in the open interval
/// ((2f − 1)·2^−(s+1), (2f + 1)·2^−(s+1)) (the lower end is (4f − 1)·2^−(s+2) when f = 2^52,
/// where the gap below a power of two halves); any decimal inside it reads back as v, and none
/// outside does. With k digits after the point, the decimals are m·10^−k: the shortest form is
/// the smallest k whose scaled interval ((2f − 1)·10^k / 2^(s+1), ...) holds an integer m, and
/// among those the m closest to v·10^k, which is round(f·10^k / 2^s) (ties to even) whenever any
/// integer is inside. For v < 1 the ends are never integers (they would need 2^(s+1) to divide
/// (2f ± 1)·10^k, with s ≥ 53 > k), so no tie-breaking of the reading is involved. Since some
/// integer exists for k whenever one does for k − 1 (ten times it), the smallest k is found by
/// search over the significant digits 1...17 (17 always suffice). Steele & White (1990) and
/// Ryū (Adams 2018) compute the same digits; this is the short form of their test for the one
/// range a batch of intervals needs, checked against `description` in BatchLineWriterTests.
enum ShortestDecimal {
    /// 10^k for k = 0...21, exact.
    private static let powers: [UInt128] = {
        var p: [UInt128] = [1]
        for _ in 1...21 { p.append(p.last! * 10) }
        return p
    }()
    /// "00", "01", ..., "99".
    private static let twoDigits: [UInt8] = {
        var table: [UInt8] = []
        for n in 0..<100 {
            table.append(UInt8(48 + n / 10))
            table.append(UInt8(48 + n % 10))
        }
        return table
    }()
    /// 10^−z as doubles, to count the zeros after the point.
    private static let negativePowers: [Double] = [1, 0.1, 0.01, 0.001, 0.0001]

    /// Appends v's digits and returns true, or returns false (and appends nothing) outside [0.0001, 1).
    @inline(__always)
    static func append(_ v: Double, to out: inout [UInt8]) -> Bool {
        guard v >= 0.0001 && v < 1 else { return false }
        // v = f · 2^−s with f in [2^52, 2^53).
        let f = UInt128(v.significandBitPattern | (1 << 52))
        let s = 52 - Int(v.exponent)  // 53 ... 66
        let powerOfTwo = v.significandBitPattern == 0
        // Zeros between the point and the first significant digit.
        var zeros = 0
        while zeros < 4 && v < negativePowers[zeros + 1] { zeros += 1 }
        // The digits m for k places, if some integer lies inside the interval scaled by 10^k:
        // with A = f·10^k, the ends are (2A ± 10^k) / 2^(s+1) (below a power of two, (4A − 10^k) / 2^(s+2)).
        // (Wrapping operators: every value stays below 2^126, so none wraps, and they skip the checks.)
        let half = UInt128(1) &<< (s - 1), mask = (UInt128(1) &<< s) &- 1
        func digits(_ k: Int) -> UInt128? {
            let p = powers[k]
            let a = f &* p
            var m = (a &+ half) &>> s
            if a & mask == half && m & 1 == 1 { m &-= 1 }  // a tie: to even
            let scaled = m &<< (s + 1)
            guard scaled < (a &<< 1) &+ p else { return nil }
            if powerOfTwo {
                guard scaled &<< 1 > (a &<< 2) &- p else { return nil }
            } else {
                guard scaled > (a &<< 1) &- p else { return nil }
            }
            return m
        }
        // Smallest number of significant digits in 1...17 that works (17 always does). Computed
        // bounds mostly need 16 or 17, so those are tried first, then a bisection below 15.
        guard var best = digits(zeros + 17) else { return false }
        var high = 17
        if let m = digits(zeros + 16) {
            best = m
            high = 16
            if let m = digits(zeros + 15) {
                best = m
                high = 15
                var low = 0
                while high - low > 1 {
                    let mid = (low + high) / 2
                    if let m = digits(zeros + mid) { high = mid; best = m } else { low = mid }
                }
            }
        }
        let m = best
        let places = zeros + high
        // "0." then the zeros, then m's digits (m has no trailing zero at the smallest k), built
        // from the right in a stack buffer and appended at once.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { buffer in
            var value = UInt64(m), i = 32
            while value >= 100 {
                let pair = Int(value % 100) &* 2
                value /= 100
                i -= 2
                buffer[i] = twoDigits[pair]
                buffer[i + 1] = twoDigits[pair + 1]
            }
            if value >= 10 {
                let pair = Int(value) &* 2
                i -= 2
                buffer[i] = twoDigits[pair]
                buffer[i + 1] = twoDigits[pair + 1]
            } else {
                i -= 1
                buffer[i] = UInt8(truncatingIfNeeded: 48 &+ value)
            }
            let firstDigit = 32 - places  // where the zeros after the point begin
            while i > firstDigit {
                i -= 1
                buffer[i] = 48
            }
            buffer[i - 2] = 48
            buffer[i - 1] = 46
            out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[(i - 2)..<32]))
        }
        return true
    }
}
