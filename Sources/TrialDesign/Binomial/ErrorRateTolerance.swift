/// How exact error rates are compared with their targets.
///
/// An exact alpha can equal the nominal one (n = 1, p0 = 0.05: P(X ≥ 1) = 0.05 exactly), and the
/// double computed for it may land one rounding error either side. Comparisons therefore allow a
/// relative slack of 1e-12 — far below any difference a design could care about — so such a rule
/// is not lost or gained by rounding alone.
enum ErrorRateTolerance {
    static let relative = 1e-12

    /// attained ≤ nominal α, up to rounding.
    @inline(__always) static func withinAlpha(_ attained: Double, _ alpha: Double) -> Bool {
        attained <= alpha * (1 + relative)
    }

    /// attained ≥ the target power, up to rounding.
    @inline(__always) static func reachesPower(_ attained: Double, _ power: Double) -> Bool {
        attained >= power * (1 - relative)
    }
}
