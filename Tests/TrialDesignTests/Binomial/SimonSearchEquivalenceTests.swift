import Foundation
import TestSupport
import Testing

@testable import TrialDesign

/// Issue 18: the fast Simon search (`SimonSearch`) must give exactly what the search before it gave
/// (`referenceSearch()`, kept verbatim in SimonReferenceSearch.swift): the same optimal, minimax and
/// admissible designs with the same q ranges, the same frontier (every n's best design, which the
/// plot draws), the same lower bound, reach and completeness, and the same refusals.
///
/// The default run compares seeded random questions the debug build answers quickly, and fixed
/// corners (p close to 0 or 1, wide and narrow gaps, two-sided, truncated by nmax). The slow corners
/// (n in the thousands, where the reference takes up to 100 s in release) run with
/// `TRIALSIZE_SIMON_REFERENCE=full` in a release build:
/// `swift test -c release -Xswiftc -enable-testing --filter SimonSearchEquivalence`.
@Suite("Simon search: fast against the reference")
struct SimonSearchEquivalenceTests {
    static var full: Bool { ProcessInfo.processInfo.environment["TRIALSIZE_SIMON_REFERENCE"] == "full" }

    struct Question: CustomStringConvertible, Sendable {
        let p0: Double, p1: Double, alpha: Double, power: Double
        var sides: Sidedness = .oneSided
        var nmax: Int? = nil
        var description: String { "p0 \(p0) p1 \(p1) alpha \(alpha) power \(power) \(sides) nmax \(nmax.map(String.init) ?? "-")" }
        var problem: SimonTwoStage {
            get throws { try SimonTwoStage(p0: p0, p1: p1, errorRates: ErrorRates(alpha: alpha, power: power, sides: sides), nmax: nmax) }
        }
    }

    /// Runs both searches and compares every field; a refusal must be the same refusal.
    func compare(_ question: Question) throws {
        let problem = try question.problem
        let fast = Result { try problem.search() }
        let reference = Result { try problem.referenceSearch() }
        switch (fast, reference) {
        case let (.success(a), .success(b)):
            #expect(a.optimal == b.optimal, "optimal: \(question)")
            #expect(a.minimax == b.minimax, "minimax: \(question)")
            #expect(a.admissible == b.admissible, "admissible: \(question)")
            #expect(a.frontier.count == b.frontier.count, "frontier size \(a.frontier.count) vs \(b.frontier.count): \(question)")
            for (x, y) in zip(a.frontier, b.frontier) where x != y {
                Issue.record("frontier at n \(y.n): \(x.design) EN \(x.enP0) vs \(y.design) EN \(y.enP0): \(question)")
                break
            }
            #expect(a.lowerBound == b.lowerBound && a.searchedUpTo == b.searchedUpTo && a.complete == b.complete, "bounds: \(question)")
        case let (.failure(a), .failure(b)):
            #expect("\(a)" == "\(b)", "refusals differ: \(question)")
        case let (.success(a), .failure(b)):
            Issue.record("fast answered \(a.optimal.design), reference refused \(b): \(question)")
        case let (.failure(a), .success(b)):
            Issue.record("fast refused \(a), reference answered \(b.optimal.design): \(question)")
        }
    }

    /// Seeded random questions across the planner's range, sized so the debug reference stays quick.
    @Test func seededQuestions() throws {
        var random = SplitMix64(state: 18_2026)
        for _ in 0..<(Self.full ? 200 : 24) {
            let p0 = Double.random(in: 0.02...0.8, using: &random)
            let gap = Self.full ? Double.random(in: 0.05...0.3, using: &random) : Double.random(in: 0.12...0.3, using: &random)
            let p1 = min(0.98, p0 + gap)
            let alpha = [0.001, 0.01, 0.025, 0.05, 0.1, 0.2][Int.random(in: 0..<6, using: &random)]
            let power = [0.7, 0.8, 0.85, 0.9, 0.95, 0.99][Int.random(in: 0..<6, using: &random)]
            let sides: Sidedness = Int.random(in: 0..<4, using: &random) == 0 ? .twoSided : .oneSided
            try compare(Question(p0: p0, p1: p1, alpha: alpha, power: power, sides: sides))
        }
    }

    /// Corners: rates near 0 and 1, Simon's tables, truncation by nmax (below, at and above the
    /// minimax n), and nmax refusals.
    @Test(arguments: [
        Question(p0: 0.05, p1: 0.25, alpha: 0.05, power: 0.8),
        Question(p0: 0.1, p1: 0.3, alpha: 0.05, power: 0.8),
        Question(p0: 0.2, p1: 0.4, alpha: 0.1, power: 0.9),
        Question(p0: 0.7, p1: 0.9, alpha: 0.05, power: 0.9),
        Question(p0: 0.8, p1: 0.98, alpha: 0.001, power: 0.99),
        Question(p0: 0.01, p1: 0.2, alpha: 0.001, power: 0.7),
        Question(p0: 0.3, p1: 0.45, alpha: 0.05, power: 0.9),
        Question(p0: 0.02, p1: 0.12, alpha: 0.05, power: 0.8),
        Question(p0: 0.5, p1: 0.7, alpha: 0.05, power: 0.8, sides: .twoSided),
        Question(p0: 0.1, p1: 0.3, alpha: 0.05, power: 0.8, nmax: 20),
        Question(p0: 0.1, p1: 0.3, alpha: 0.05, power: 0.8, nmax: 24),
        Question(p0: 0.1, p1: 0.3, alpha: 0.05, power: 0.8, nmax: 25),
        Question(p0: 0.1, p1: 0.3, alpha: 0.05, power: 0.8, nmax: 27),
        Question(p0: 0.3, p1: 0.45, alpha: 0.05, power: 0.9, nmax: 100),
    ])
    func corners(_ question: Question) throws {
        try compare(question)
    }

    /// The slow corners of issue 18 (release build, `TRIALSIZE_SIMON_REFERENCE=full`): gaps of
    /// 0.02–0.05 at alpha down to 0.001 and power up to 0.99, searched to the cap of 3000.
    @Test(
        .enabled(if: SimonSearchEquivalenceTests.full),
        arguments: [
            Question(p0: 0.05, p1: 0.10, alpha: 0.05, power: 0.8),
            Question(p0: 0.5, p1: 0.55, alpha: 0.01, power: 0.99),
            Question(p0: 0.4, p1: 0.43, alpha: 0.05, power: 0.9),
            Question(p0: 0.45, p1: 0.4767, alpha: 0.05, power: 0.9),
            Question(p0: 0.02, p1: 0.04, alpha: 0.001, power: 0.99),
            Question(p0: 0.96, p1: 0.98, alpha: 0.001, power: 0.99),
            Question(p0: 0.2, p1: 0.25, alpha: 0.05, power: 0.9),
            Question(p0: 0.3, p1: 0.35, alpha: 0.001, power: 0.95, sides: .twoSided),
            Question(p0: 0.7, p1: 0.75, alpha: 0.1, power: 0.8),
            Question(p0: 0.45, p1: 0.4767, alpha: 0.05, power: 0.9, nmax: 2000),
        ])
    func slowCorners(_ question: Question) throws {
        try compare(question)
    }
}
