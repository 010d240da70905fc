extension CRMSimulationDesign {
    /// The levels whose true DLT probability is as close to the target as the true MTD's (within
    /// 1e-12), in order. More than one means a tie: ``trueMTD`` counts the lowest of them, so the
    /// correct-selection probability depends on that convention.
    public var levelsTiedForMTD: [Int] {
        let distance = abs(truth[trueMTD - 1] - target)
        return truth.indices.filter { abs(truth[$0] - target) <= distance + 1e-12 }.map { $0 + 1 }
    }
}
