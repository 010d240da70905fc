import Testing

@testable import Probability

@Suite("Integer searches")
struct IntegerSearchTests {
    /// A'Hern (2001) single-stage design, p0 = 0.2, p1 = 0.4, one-sided α = 0.05, power 0.8
    /// (published-cases.md): the first n is 35 (reject when responses ≥ 12; α 0.0344, power
    /// 0.8048); n = 37 fails (power 0.778), so the first n after which every n works is 38.
    static func meets(_ n: Int) throws -> Bool {
        let null = try Binomial(trials: n, probability: 0.2)
        let alternative = try Binomial(trials: n, probability: 0.4)
        guard let r = IntegerSearch.firstMonotone(in: 0...(n + 1), where: { null.atLeast($0) <= 0.05 }) else { return false }
        return alternative.atLeast(r) >= 0.8
    }

    @Test("A'Hern's exact single-stage design: first and stable n")
    func aHern() throws {
        #expect(try IntegerSearch.first(in: 1...200, where: Self.meets) == 35)
        #expect(try IntegerSearch.stable(in: 1...200, where: Self.meets) == 38)
        #expect(try !Self.meets(37))
        let null = try Binomial(trials: 35, probability: 0.2)
        let alternative = try Binomial(trials: 35, probability: 0.4)
        #expect(abs(null.atLeast(12) - 0.0344) < 5e-5)
        #expect(abs(alternative.atLeast(12) - 0.8048) < 5e-5)
        #expect(abs(try Binomial(trials: 38, probability: 0.4).atLeast(13) - 0.8136) < 5e-5)
    }

    @Test("the sawtooth search: first n, stable n, and its horizon 2·first + 50 (capped)")
    func sawtooth() throws {
        #expect(try IntegerSearch.sawtooth(in: 1...200, where: Self.meets) == .init(first: 35, stable: 38, horizon: 120))
        let saw: (Int) -> Bool = { $0 == 5 || $0 >= 9 }
        #expect(try IntegerSearch.sawtooth(in: 0...1000, where: saw) == .init(first: 5, stable: 9, horizon: 60))
        #expect(try IntegerSearch.sawtooth(in: 0...40, where: saw) == .init(first: 5, stable: 9, horizon: 40))
        #expect(try IntegerSearch.sawtooth(in: 0...40) { _ in false } == nil)
        // True only between 5 and 30: no stable n within the horizon.
        #expect(try IntegerSearch.sawtooth(in: 0...1000) { (5...30).contains($0) } == nil)
    }

    @Test(
        "galloping from a guess finds what bisection finds, from any guess",
        arguments: [-5.0, 0, 1, 499, 500, 10_000, 2e30, .infinity, .nan])
    func galloping(_ guess: Double) throws {
        for answer in [0, 1, 7, 500, 4096, 10_000] {
            var evaluations = 0
            let found = try IntegerSearch.firstMonotone(in: 0...10_000, from: guess) {
                evaluations += 1; return $0 >= answer
            }
            #expect(found == answer, "guess \(guess), answer \(answer)")
            #expect(evaluations <= 2 * 15 + 3)
        }
        #expect(try IntegerSearch.firstMonotone(in: 0...100, from: guess) { _ in false } == nil)
        #expect(try IntegerSearch.firstMonotone(in: 3...100, from: guess) { _ in true } == 3)
    }

    @Test("first, stable and firstMonotone on known conditions")
    func basics() throws {
        #expect(try IntegerSearch.first(in: 0...100) { $0 * $0 >= 50 } == 8)
        #expect(try IntegerSearch.first(in: 0...100) { _ in false } == nil)
        // Sawtooth: true at 5, false at 6, true from 9 on.
        let saw: (Int) -> Bool = { $0 == 5 || $0 >= 9 }
        #expect(try IntegerSearch.first(in: 0...50, where: saw) == 5)
        #expect(try IntegerSearch.stable(in: 0...50, where: saw) == 9)
        #expect(try IntegerSearch.stable(in: 0...50) { $0 < 50 } == nil)  // fails at the upper bound
        #expect(try IntegerSearch.stable(in: 0...50) { _ in true } == 0)
        #expect(IntegerSearch.firstMonotone(in: 0...1_000_000) { $0 * $0 >= 123_456_789 } == 11_112)
        #expect(IntegerSearch.firstMonotone(in: 0...10) { _ in false } == nil)
        #expect(IntegerSearch.firstMonotone(in: 7...7) { _ in true } == 7)
        // The whole Int range: no overflow, at most 64 evaluations.
        var evaluations = 0
        let zero = IntegerSearch.firstMonotone(in: Int.min...Int.max) {
            evaluations += 1; return $0 >= 0
        }
        #expect(zero == 0)
        #expect(evaluations <= 65)
    }

    @Test("scans beyond the cap are refused, not run; errors from the condition propagate")
    func caps() {
        struct Oops: Error {}
        #expect(
            throws: ProbabilityError.limitExceeded(
                function: "IntegerSearch.first", requested: IntegerSearch.maximumScan + 1,
                cap: IntegerSearch.maximumScan)
        ) {
            try IntegerSearch.first(in: 0...IntegerSearch.maximumScan) { _ in false }
        }
        #expect(throws: ProbabilityError.self) { try IntegerSearch.stable(in: Int.min...Int.max) { _ in true } }
        #expect(throws: Oops.self) { try IntegerSearch.first(in: 0...10) { _ in throw Oops() } }
        #expect(throws: Oops.self) { try IntegerSearch.stable(in: 0...10) { _ in throw Oops() } }
    }
}
