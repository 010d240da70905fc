import ArgumentParser
import TrialDesign

/// `--accrual`, `--accrual-rate`, `--follow-up`, `--loss-rate`, `--dropout`: the options of
/// `survival` and `two-arm survival`, declared once (``SurvivalQuestion/parameters``).
struct AccrualOptions: ParsableArguments {
    @Option(help: ArgumentHelp(SurvivalQuestion.parameters, "accrual")) var accrual: Double?
    @Option(help: ArgumentHelp(SurvivalQuestion.parameters, "accrual-rate")) var accrualRate: Double?
    @Option(help: ArgumentHelp(SurvivalQuestion.parameters, "follow-up")) var followUp: Double?
    @Option(help: ArgumentHelp(SurvivalQuestion.parameters, "loss-rate")) var lossRate: Double?
    @Option(help: ArgumentHelp(SurvivalQuestion.parameters, "dropout")) var dropout: Double?

    /// Copies the options, as typed, into a question.
    func apply<Question: AccrualInputs>(to question: inout Question) {
        question.accrual = accrual
        question.accrualRate = accrualRate
        question.followUp = followUp
        question.lossRate = lossRate
        question.dropout = dropout
    }
}
