extension SurvivalResult {
    /// Whether methods answering the same question disagree by more than `tolerance` (10% by
    /// default): the largest patient count exceeds (1 + tolerance) × the smallest. Returns the
    /// smallest and largest counts when they do, nil when they agree.
    public static func disagreement(_ results: [SurvivalResult], tolerance: Double = 0.1) -> (low: Int, high: Int)? {
        let counts = results.map(\.patients)
        guard let low = counts.min(), let high = counts.max(), Double(high) > (1 + tolerance) * Double(low) else { return nil }
        return (low, high)
    }
}
