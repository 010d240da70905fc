/// The shape every design in trialsize has, from a one-line interval to a simulated phase I trial.
///
/// A design is a value holding its validated inputs (its initialiser throws ``DesignError``
/// naming the parameter at fault). It has
/// - a **forward function**, ``characteristics(at:)``: the operating characteristics at one
///   point of its free input (the attained alpha and power at n patients; a Simon design's
///   rejection probabilities; a CRM's selection probabilities under one true dose-toxicity curve);
/// - a **solver**, ``solve(for:)``: exactly one unknown is solved for, the others held fixed
///   (statsmodels' `solve_power` is the model; ours keeps exact integer searches where the
///   answer is a count);
/// - its **parameters**, declared once in ``parameters``, from which the command line's options
///   and help, the validation messages, the JSON schema and the web form are all derived.
///
/// Adding a design is: the design value conforming to this protocol (in `Sources/TrialDesign`),
/// its report conforming to `DesignReporting` (in `Sources/TrialReport`), its command (in
/// `Sources/TrialsizeCLI`), and one line in the command registry.
public protocol Design: Sendable {
    /// Where the forward function is evaluated: a number of patients, a two-stage design, a
    /// true dose-toxicity curve.
    associatedtype Point
    /// What the forward function returns.
    associatedtype Characteristics: Sendable
    /// The unknowns the design can be solved for (an enum; one case when there is only one).
    associatedtype Unknown: Sendable
    /// What a solve returns.
    associatedtype Solution: DesignResult

    /// The design's parameters, in the order a user meets them.
    static var parameters: ParameterCatalog { get }

    /// The operating characteristics at `point`.
    func characteristics(at point: Point) throws(DesignError) -> Characteristics

    /// The answer for `unknown`, every other input held at its given value.
    func solve(for unknown: Unknown) throws(DesignError) -> Solution
}

/// What every solved design reports beside its own answer: the error rates it attains, whether
/// it meets what it was solved for, and the warnings a user must see.
public protocol DesignResult: Sendable {
    /// The attained type I error and power of the answer, for a design that tests a hypothesis;
    /// nil otherwise (an interval, a dose recommendation).
    var attainedErrorRates: AttainedErrorRates? { get }
    /// Whether the answer meets the target it was solved for (power, width, correct selection).
    var meetsTarget: Bool { get }
    /// Everything the user must be told about the answer: never hidden, in every format.
    var warnings: [String] { get }
}

extension DesignResult {
    /// By default nil: the result tests no hypothesis (an interval, a dose recommendation).
    public var attainedErrorRates: AttainedErrorRates? { nil }
    /// By default true: a result with no target to fall short of.
    public var meetsTarget: Bool { true }
    /// By default none.
    public var warnings: [String] { [] }
}

/// The error rates a design attains, as opposed to the nominal ``ErrorRates`` it was asked for.
public struct AttainedErrorRates: Sendable, Equatable, Codable {
    /// The probability of rejecting H0 when it holds, in the tails the design's test rejects in: the binomial
    /// designs (single-stage, Simon, two proportions) reject in one tail only, at α/2 with two sides, so this is
    /// that one tail's size; a test that rejects in both tails sums them.
    public let alpha: Double
    /// The probability of rejecting H0 under the alternative.
    public let power: Double

    /// Attained rates as computed; nothing is validated (an attained α may exceed the nominal one).
    public init(alpha: Double, power: Double) {
        self.alpha = alpha
        self.power = power
    }
}

/// The unknown of a design that has only one.
public enum SingleUnknown: Sendable, Equatable {
    /// The design's one answer (its sample size, its interval, its recommendation).
    case answer
}
