extension ExactSingleStage {
    /// Whether `characteristics` meets the target power, by the same tolerance the solver uses
    /// (`ErrorRateTolerance.reachesPower`), so a table's "meets power" column agrees with the
    /// first and stable n.
    public func meetsPower(_ characteristics: Characteristics) -> Bool {
        ErrorRateTolerance.reachesPower(characteristics.attainedPower, errorRates.power)
    }

    /// The rows around an answer that reports show: from five below the first n to five above
    /// the stable n.
    public func tableAround(_ answer: Answer) throws(DesignError) -> [Characteristics] {
        try table(max(1, answer.first.n - 5)...(answer.stable.n + 5))
    }
}

extension ExactSingleStage.Answer {
    /// Whether some n between the first and the stable n falls short of the power (the sawtooth).
    public var isSawtooth: Bool { first.n != stable.n }
}
