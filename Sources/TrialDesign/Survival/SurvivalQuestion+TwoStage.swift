import Probability

/// The two-stage question: the same resolved inputs as the single-stage one (control and
/// alternative medians or landmark survival, Weibull shape, accrual rate, follow-up, loss), the
/// design searched by ``TwoStageLogRank``.
public struct TwoStageSurvivalAnswer: Sendable, DesignResult {
    /// The resolved problem: the single-arm design (medians, shape, error rates), accrual rate, follow-up, restricted follow-up.
    public let problem: TwoStageLogRank
    /// The search's result: the optimal, minimax and admissible designs, and the single-stage n for comparison.
    public let answer: TwoStageLogRank.Answer
    /// The criterion the user chose; it picks ``chosen`` from `answer`.
    public let criterion: TwoStageCriterion
    /// How the control was stated (a median or landmark survival), for the report to echo.
    public let control: SurvivalQuestion.Statement
    /// How the alternative was stated (a median, a hazard ratio or landmark survival), for the report to echo.
    public let alternative: SurvivalQuestion.Statement
    /// The simulation check of the chosen design under H₀ and H₁; nil unless `simulate` was given.
    public let simulation: TwoStageSimulation.Result?

    /// The design the criterion picks.
    public var chosen: TwoStageSurvivalDesign { answer.design(criterion) }

    /// The chosen design's α and power, P(Z₁ > c₁, Z > c) under H₀ and H₁ by the bivariate normal approximation.
    public var attainedErrorRates: AttainedErrorRates? {
        AttainedErrorRates(alpha: chosen.attainedAlpha, power: chosen.attainedPower)
    }
    /// Whether the chosen design's approximate α is at most the nominal one and its power reaches the target (1e-9 slack).
    public var meetsTarget: Bool {
        let rates = problem.design.setting.rates
        return chosen.attainedAlpha <= rates.tailAlpha + 1e-9 && chosen.attainedPower >= rates.power - 1e-9
    }
    /// Warnings when under 5 events are expected at the interim under H₀ (c₁ then rests on a rough normal approximation),
    /// or when the simulated α or power is more than 3 standard errors on the wrong side of its target.
    public var warnings: [String] {
        var list: [String] = []
        if chosen.interimEventsNull < 5 {
            list.append(
                "Only \(String(format1(chosen.interimEventsNull))) events are expected by the interim analysis under H0: the normal approximation behind c1 is rough; check it with --simulate."
            )
        }
        if let s = simulation {
            let rates = problem.design.setting.rates
            if s.alpha > rates.tailAlpha + 3 * s.alphaStandardError {
                list.append("The simulated type I error exceeds alpha by more than 3 standard errors.")
            }
            if s.power < rates.power - 3 * s.powerStandardError {
                list.append("The simulated power falls short of the target by more than 3 standard errors.")
            }
        }
        return list
    }

    private func format1(_ x: Double) -> String {
        let r = (x * 10).rounded() / 10
        return "\(r)"
    }
}

extension SurvivalQuestion {
    /// Answers the two-stage question (``twoStage`` set): the searched design for the criterion,
    /// and the simulation check when `simulate` is given.
    ///
    /// - Throws: ``DesignError`` naming the parameter at fault: what the single-stage question
    ///   refuses, and `patients`, `search`, `method`, `dropout`, `sides` or a missing
    ///   `accrual-rate`, which the two-stage design does not take.
    public func answerTwoStage() throws(DesignError) -> TwoStageSurvivalAnswer {
        try designErrors {
            let criterion = twoStage ?? .optimal
            if patients != nil {
                throw DesignError(parameter: "patients", requirement: "left out with `two-stage` (the design searches n)", value: "")
            }
            if search { throw DesignError(parameter: "search", requirement: "left out with `two-stage`", value: "") }
            if methods.count > 1 || (methods != [.logRank] && methods != [.default]) {
                throw DesignError(
                    parameter: "method", requirement: "log-rank with `two-stage` (the design is on the one-sample log-rank test)", value: ""
                )
            }
            if accrualRate == nil {
                throw DesignError(
                    parameter: "accrual-rate", requirement: "is required with `two-stage` (the interim time follows from it)", value: "")
            }
            if let cap = maxFollowUp {
                if followUp != nil {
                    throw DesignError(
                        parameter: "max-follow-up",
                        requirement:
                            "cannot be combined with `follow-up` (with restricted follow-up the final analysis is when the last patient has been followed `max-follow-up`)",
                        value: "")
                }
                try Self.parameters["max-follow-up"]!.validate(cap)
            }
            var single = self
            single.twoStage = nil
            single.maxFollowUp = nil
            if let cap = maxFollowUp { single.followUp = cap }
            single.methods = [.logRank]
            single.simulate = nil
            let resolved = try single.resolved()
            let problem = try TwoStageLogRank(design: resolved.design, maximumFollowUp: maxFollowUp)
            let answer = try problem.search()
            let chosen = answer.design(criterion)
            var simulation: TwoStageSimulation.Result?
            if let trials = simulate {
                if let threads { try CommonParameters.threads.validate(threads) }
                simulation = try TwoStageSimulation.run(
                    problem, chosen, trials: trials, seed: seed, threads: threads ?? MonteCarlo.defaultThreads)
            }
            return TwoStageSurvivalAnswer(
                problem: problem, answer: answer, criterion: criterion, control: resolved.control,
                alternative: resolved.alternative, simulation: simulation)
        }
    }
}
