import Foundation
import Probability
import TestSupport
import Testing

@testable import TrialDesign

/// Properties that must hold for every input (issue 8), checked over seeded random inputs.
///
/// Seeded loops rather than a property-testing library: each property draws its cases from a
/// fixed seed (`TRIALSIZE_PROPERTY_SEED` overrides it, `TRIALSIZE_PROPERTY_CASES` the count), so
/// the default suite is repeatable and fast, and every failure message carries the seed and the
/// inputs that broke it.
@Suite("Properties")
struct PropertyTests {
    static var seed: UInt64 { UInt64(ProcessInfo.processInfo.environment["TRIALSIZE_PROPERTY_SEED"] ?? "") ?? 20_211_189 }
    static func cases(_ standard: Int) -> Int {
        Int(ProcessInfo.processInfo.environment["TRIALSIZE_PROPERTY_CASES"] ?? "") ?? standard
    }

    /// TestSupport's SplitMix64, started from the run's seed and a salt per property.
    struct Draw: RandomNumberGenerator {
        var generator: SplitMix64
        init(_ salt: UInt64) { generator = SplitMix64(state: PropertyTests.seed ^ (salt &* 0x9E37_79B9_7F4A_7C15)) }
        mutating func next() -> UInt64 { generator.next() }
        mutating func uniform(_ range: ClosedRange<Double>) -> Double { Double.random(in: range, using: &self) }
        mutating func integer(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
        mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &self)] }
    }

    // MARK: survival

    /// A random survival question: control and alternative medians, follow-up and loss, method.
    struct SurvivalCase: CustomStringConvertible {
        var m0: Double, m1: Double, alpha: Double, power: Double, sides: Sidedness
        var followUp: FollowUp, loss: Loss, method: SurvivalMethod

        init(_ draw: inout Draw) {
            m0 = draw.uniform(3...24)
            m1 = m0 * (draw.integer(0...3) == 0 ? draw.uniform(0.35...0.7) : draw.uniform(1.4...3))
            alpha = draw.uniform(0.01...0.2)
            power = draw.uniform(0.6...0.95)
            sides = draw.integer(0...3) == 0 ? .twoSided : .oneSided
            switch draw.integer(0...3) {
            case 0: followUp = .accrual(duration: draw.uniform(6...48), followUp: draw.uniform(0...24))
            case 1: followUp = .accrualRate(draw.uniform(1...8), followUp: draw.uniform(3...24))
            default: followUp = .untilEvent
            }
            switch draw.integer(0...3) {
            case 0: loss = .dropout(draw.uniform(0...0.2))
            case 1: loss = .rate(draw.uniform(0.001...0.03))
            default: loss = .none
            }
            method = draw.pick(SurvivalMethod.allCases)
        }

        func design(alpha: Double? = nil, power: Double? = nil, median: Double? = nil) throws -> SingleArmSurvival {
            let rates = try ErrorRates(alpha: alpha ?? self.alpha, power: power ?? self.power, sides: sides)
            let setting = try SurvivalSetting(controlMedian: m0, rates: rates, followUp: followUp, loss: loss)
            return try SingleArmSurvival(setting: setting, median: median ?? m1)
        }

        var description: String {
            "m0 \(m0), m1 \(m1), alpha \(alpha), power \(power), \(sides), \(followUp), \(loss), \(method.rawValue) (seed \(PropertyTests.seed))"
        }
    }

    @Test("survival: patients never rise as alpha grows, never fall as power grows; events never rise as the effect grows")
    func survivalMonotone() throws {
        var draw = Draw(1)
        for _ in 0..<Self.cases(40) {
            let c = SurvivalCase(&draw)
            let n = try SurvivalSolver.sampleSize(c.design(), method: c.method).patients
            let largerAlpha = min(
                c.sides == .oneSided ? ErrorRates.maximumOneSidedAlpha : ErrorRates.maximumAlpha, c.alpha * draw.uniform(1.05...2))
            let nAlpha = try SurvivalSolver.sampleSize(c.design(alpha: largerAlpha), method: c.method).patients
            #expect(nAlpha <= n, "alpha \(c.alpha) -> \(largerAlpha): \(n) -> \(nAlpha) patients; \(c)")
            let largerPower = min(0.99, c.power + draw.uniform(0.005...0.1))
            let nPower = try SurvivalSolver.sampleSize(c.design(power: largerPower), method: c.method).patients
            #expect(nPower >= n, "power \(c.power) -> \(largerPower): \(n) -> \(nPower) patients; \(c)")
            // A larger effect: the alternative median further from the control's, on the same side.
            // Events never rise. Patients never rise when every patient is followed to the event; under
            // a fixed follow-up a longer alternative median means fewer events per patient, so the
            // patients may rightly rise (m0 21, m1 50 -> 53 with accrual at 6.6 a week: 24 -> 26), and
            // so under a loss rate (m0 18, m1 47 -> 50, loss 0.022: 15 -> 16).
            let further = c.m1 > c.m0 ? c.m1 * draw.uniform(1.05...1.5) : c.m1 / draw.uniform(1.05...1.5)
            let base = try SurvivalSolver.sampleSize(c.design(), method: c.method)
            let larger = try SurvivalSolver.sampleSize(c.design(median: further), method: c.method)
            if c.method.isEventDriven {
                #expect(larger.events <= base.events, "median \(c.m1) -> \(further): \(base.events) -> \(larger.events) events; \(c)")
            }
            if c.followUp == .untilEvent, c.loss.rate == 0 {
                #expect(larger.patients <= n, "median \(c.m1) -> \(further): \(n) -> \(larger.patients) patients; \(c)")
            }
        }
    }

    @Test("survival round trips: n meets the power; the power at n gives back the median; the detectable median gives back the power")
    func survivalRoundTrips() throws {
        var draw = Draw(2)
        for _ in 0..<Self.cases(40) {
            let c = SurvivalCase(&draw)
            let design = try c.design()
            let solved = try SurvivalSolver.sampleSize(design, method: c.method)
            #expect(solved.attainedPower >= c.power * (1 - 1e-9), "attained \(solved.attainedPower) < \(c.power); \(c)")
            let atN = try SurvivalSolver.power(design, patients: solved.patients, method: c.method)
            #expect(atN.attainedPower >= c.power * (1 - 1e-9), "power at n = \(solved.patients) is \(atN.attainedPower); \(c)")
            if solved.patients > SurvivalSolver.minimumPatients {
                let below = try SurvivalSolver.power(design, patients: solved.patients - 1, method: c.method)
                if !c.method.isEventDriven {
                    #expect(below.attainedPower < c.power, "n - 1 = \(solved.patients - 1) already has power \(below.attainedPower); \(c)")
                }
            }

            // The power at some n, taken as the target, gives back the median that produced it.
            let n = draw.integer(10...200)
            let power = try SurvivalSolver.power(design, patients: n, method: c.method).attainedPower
            guard power > c.alpha + 0.02, power < 0.995 else { continue }
            let setting = try c.design(power: power).setting
            let back = try SurvivalSolver.detectableMedian(setting, patients: n, longer: c.m1 > c.m0, method: c.method)
            #expect(
                abs(back.design.median / c.m1 - 1) < 1e-6,
                "power \(power) at n \(n) gave median \(back.design.median), not \(c.m1); \(c)")
            #expect(abs(back.attainedPower - power) < 1e-8, "detectable median's power \(back.attainedPower), not \(power); \(c)")
        }
    }

    // MARK: Clopper–Pearson

    @Test("Clopper-Pearson: bounds monotone in x, and nested across confidence levels")
    func clopperPearson() throws {
        var draw = Draw(3)
        for _ in 0..<Self.cases(30) {
            let n = draw.integer(0...3) == 0 ? draw.integer(1...20) : draw.integer(21...3000)
            let conf = draw.uniform(0.5...0.999)
            let wider = min(0.999_999, conf + draw.uniform(0.001...0.2))
            let sides: Sidedness = draw.integer(0...1) == 0 ? .twoSided : .oneSided
            let level = try ConfidenceLevel(conf, sides: sides), widerLevel = try ConfidenceLevel(wider, sides: sides)
            var previous: ProportionInterval?
            let xs = n <= 60 ? Array(0...n) : (0..<60).map { _ in draw.integer(0...n) }.sorted()
            for x in xs {
                let observed = try ObservedProportion(successes: x, trials: n)
                let interval = try IntervalMethod.clopperPearson.interval(observed, level)
                let outer = try IntervalMethod.clopperPearson.interval(observed, widerLevel)
                let context = "x \(x), n \(n), conf \(conf) / \(wider), \(sides) (seed \(Self.seed))"
                #expect(interval.lower >= 0 && interval.upper <= 1 && interval.lower <= interval.upper, "\(context)")
                #expect(interval.lower <= Double(x) / Double(n) && Double(x) / Double(n) <= interval.upper, "\(context)")
                #expect(
                    outer.lower <= interval.lower && outer.upper >= interval.upper,
                    "\(wider) interval [\(outer.lower), \(outer.upper)] not around [\(interval.lower), \(interval.upper)]: \(context)")
                if let previous, previous.successes < x {
                    #expect(
                        interval.lower >= previous.lower && interval.upper >= previous.upper,
                        "bounds fell from x \(previous.successes) to \(x): \(context)")
                }
                previous = interval
            }
        }
    }

    // MARK: exact binomial designs

    @Test("Simon: optimal, minimax and admissible designs keep their attained alpha and power within the constraints")
    func simonConstraints() throws {
        var draw = Draw(4)
        for _ in 0..<Self.cases(10) {
            let p0 = draw.uniform(0.05...0.5)
            let p1 = min(0.95, p0 + draw.uniform(0.15...0.3))
            let rates = try ErrorRates(alpha: draw.uniform(0.02...0.15), power: draw.uniform(0.7...0.92))
            let problem = try SimonTwoStage(p0: p0, p1: p1, errorRates: rates)
            let answer = try problem.search()
            let context = "p0 \(p0), p1 \(p1), \(rates) (seed \(Self.seed))"
            #expect(answer.optimal.enP0 <= answer.minimax.enP0 * (1 + 1e-12), "\(context)")
            #expect(answer.minimax.n <= answer.optimal.n, "\(context)")
            for design in [answer.optimal, answer.minimax] + answer.admissible.map(\.design) {
                let exact = try design.design.characteristics(p0: p0, p1: p1)
                #expect(exact.attainedAlpha <= rates.tailAlpha * (1 + 1e-12), "\(design.design) alpha \(exact.attainedAlpha): \(context)")
                #expect(exact.attainedPower >= rates.power * (1 - 1e-12), "\(design.design) power \(exact.attainedPower): \(context)")
            }
        }
    }

    @Test("A'Hern: the first and the stable n meet both error rates, and every n from stable to the horizon does")
    func singleStageConstraints() throws {
        var draw = Draw(5)
        for _ in 0..<Self.cases(20) {
            let p0 = draw.uniform(0.02...0.6)
            let p1 = min(0.97, p0 + draw.uniform(0.1...0.3))
            let rates = try ErrorRates(
                alpha: draw.uniform(0.01...0.2), power: draw.uniform(0.6...0.95),
                sides: draw.integer(0...3) == 0 ? .twoSided : .oneSided)
            let design = try ExactSingleStage(p0: p0, p1: p1, errorRates: rates)
            let answer = try design.solve()
            let context = "p0 \(p0), p1 \(p1), \(rates) (seed \(Self.seed))"
            #expect(answer.first.n <= answer.stable.n, "\(context)")
            for row in try design.table(answer.stable.n...answer.horizon) + [answer.first] {
                #expect(row.attainedAlpha <= rates.tailAlpha * (1 + 1e-12), "n \(row.n) alpha \(row.attainedAlpha): \(context)")
                #expect(row.attainedPower >= rates.power * (1 - 1e-12), "n \(row.n) power \(row.attainedPower): \(context)")
            }
            if answer.first.n > 1 {
                for row in try design.table(1...(answer.first.n - 1)) {
                    #expect(
                        row.attainedPower < rates.power * (1 - 1e-12) || row.attainedAlpha > rates.tailAlpha,
                        "n \(row.n) < first \(answer.first.n) already meets both: \(context)")
                }
            }
        }
    }

    // MARK: simulations

    @Test("survival simulation: the same seed gives the same answer on 1 and on all threads")
    func survivalThreads() throws {
        var draw = Draw(6)
        for _ in 0..<Self.cases(4) {
            let c = SurvivalCase(&draw)
            let design = try c.design()
            let method = c.method
            let n = draw.integer(10...60), trials = draw.integer(600...1500), seed = draw.next()
            let one = try SurvivalSimulation.run(design, method: method, patients: n, trials: trials, seed: seed, threads: 1)
            let all = try SurvivalSimulation.run(
                design, method: method, patients: n, trials: trials, seed: seed,
                threads: max(2, MonteCarlo.defaultThreads))
            #expect(one == all, "\(c), n \(n), trials \(trials), seed \(seed)")
        }
    }

    @Test("CRM simulation: the same seed gives the same answer on 1 and on all threads (complete data and TITE)")
    func crmThreads() throws {
        var draw = Draw(7)
        for tite in [false, true, false, true] {
            let levels = draw.integer(3...6)
            var skeleton: [Double] = [], truth: [Double] = []
            var p = draw.uniform(0.02...0.08), q = draw.uniform(0.02...0.08)
            for _ in 0..<levels {
                skeleton.append(p); truth.append(q)
                p += draw.uniform(0.04...0.12); q += draw.uniform(0.03...0.12)
            }
            let model = try DoseToxicityModel(kind: .empiric, skeleton: skeleton)
            let design = try CRMSimulationDesign(
                model: model, target: 0.25, truth: truth, patients: draw.integer(6...14), start: draw.integer(1...levels),
                tite: tite ? try TITESettings(window: 21, rate: draw.uniform(0.2...2)) : nil)
            let seed = draw.next(), trials = draw.integer(520...900)
            let one = try design.simulate(trials: trials, seed: seed, threads: 1)
            let all = try design.simulate(trials: trials, seed: seed, threads: max(2, MonteCarlo.defaultThreads))
            let context = "skeleton \(skeleton), truth \(truth), tite \(tite), seed \(seed), trials \(trials)"
            #expect(one.selection == all.selection, "\(context)")
            #expect(one.patientsPerLevel == all.patientsPerLevel, "\(context)")
            #expect(one.dltsPerLevel == all.dltsPerLevel, "\(context)")
            #expect(one.dltRate == all.dltRate && one.duration == all.duration, "\(context)")
        }
    }
}
