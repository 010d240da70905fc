/// Relative error of `value` against `reference`; references below 1e-300 (where doubles
/// become subnormal and relative error loses meaning) are compared absolutely.
public func relativeError(_ value: Double, _ reference: Double) -> Double {
    if value == reference { return 0 }
    if abs(reference) < 1e-300 { return abs(value - reference) < 1e-300 ? 0 : .infinity }
    return abs(value - reference) / abs(reference)
}

/// |a − b| ≤ tolerance · |b| (or |a| ≤ tolerance when b is 0).
public func close(_ a: Double, _ b: Double, relative tolerance: Double) -> Bool {
    b == 0 ? abs(a) <= tolerance : abs(a - b) <= tolerance * abs(b)
}

/// Collects the worst relative error over a fixture, with the case that produced it.
public struct WorstError: CustomStringConvertible {
    public private(set) var error = 0.0
    public private(set) var at = ""
    public private(set) var count = 0

    public init() {}

    /// Records one comparison; `label` names the case (evaluated only when it is the worst so far).
    public mutating func record(_ value: Double, _ reference: Double, _ label: @autoclosure () -> String) {
        count += 1
        let e = relativeError(value, reference)
        if !(e <= error) {
            error = e
            at = label() + " got \(value) want \(reference)"
        }
    }

    public var description: String { "worst relative error \(error) over \(count) values at \(at)" }
}
