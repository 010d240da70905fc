import RealModule

/// The standard bivariate normal distribution with correlation ρ.
///
/// ``upperOrthant(_:_:)`` is Genz's BVNU (Genz, "Numerical computation of rectangular bivariate
/// and trivariate normal and t probabilities", Statistics and Computing 2004;14:251-260), the
/// Drezner–Wesolowsky (1990) integral of the density over ρ with 6, 12 or 20-point
/// Gauss–Legendre rules and, for |ρ| ≥ 0.925, the asymptotic expansion around |ρ| = 1; absolute
/// accuracy about 1e-15.
public struct BivariateNormal: Sendable, Equatable {
    /// ρ, the correlation of the two standard normal variables, in [−1, 1].
    public let correlation: Double

    /// - Throws: ``ProbabilityError`` unless −1 ≤ ρ ≤ 1.
    public init(correlation: Double) throws(ProbabilityError) {
        guard correlation.isFinite, correlation >= -1, correlation <= 1 else {
            throw .domain(function: "BivariateNormal.init", argument: "correlation", value: correlation, requirement: "in [-1, 1]")
        }
        self.correlation = correlation
    }

    private static func phi(_ x: Double) -> Double { 0.5 * Double.erfc(-x / 2.0.squareRoot()) }

    private static let weights: [[Double]] = [
        [0.1713244923791705, 0.3607615730481384, 0.4679139345726904],
        [0.04717533638651177, 0.1069393259953183, 0.1600783285433464, 0.2031674267230659, 0.2334925365383547, 0.2491470458134029],
        [
            0.01761400713915212, 0.04060142980038694, 0.06267204833410906, 0.08327674157670475, 0.1019301198172404,
            0.1181945319615184, 0.1316886384491766, 0.1420961093183821, 0.1491729864726037, 0.1527533871307259,
        ],
    ]
    private static let nodes: [[Double]] = [
        [0.9324695142031522, 0.6612093864662647, 0.2386191860831970],
        [0.9815606342467191, 0.9041172563704750, 0.7699026741943050, 0.5873179542866171, 0.3678314989981802, 0.1252334085114692],
        [
            0.9931285991850949, 0.9639719272779138, 0.9122344282513259, 0.8391169718222188, 0.7463319064601508,
            0.6360536807265150, 0.5108670019508271, 0.3737060887154196, 0.2277858511416451, 0.07652652113349733,
        ],
    ]

    /// P(X > h, Y > k). Infinite limits are allowed; NaN is not.
    public func upperOrthant(_ h: Double, _ k: Double) throws(ProbabilityError) -> Double {
        guard !h.isNaN, !k.isNaN else {
            throw .domain(function: "BivariateNormal.upperOrthant", argument: "limit", value: .nan, requirement: "not NaN")
        }
        let r = correlation
        if h == .infinity || k == .infinity { return 0 }
        if h == -.infinity { return k == -.infinity ? 1 : Self.phi(-k) }
        if k == -.infinity { return Self.phi(-h) }
        if r == 0 { return Self.phi(-h) * Self.phi(-k) }
        let twoPi = 2 * Double.pi
        let rule = abs(r) < 0.3 ? 0 : (abs(r) < 0.75 ? 1 : 2)
        let w = Self.weights[rule] + Self.weights[rule]
        let x = Self.nodes[rule].map { 1 - $0 } + Self.nodes[rule].map { 1 + $0 }
        var hk = h * k
        var bvn = 0.0
        if abs(r) < 0.925 {
            let hs = (h * h + k * k) / 2, asr = Double.asin(r) / 2
            for i in x.indices {
                let sn = Double.sin(asr * x[i])
                bvn += w[i] * Double.exp((sn * hk - hs) / (1 - sn * sn))
            }
            bvn = bvn * asr / twoPi + Self.phi(-h) * Self.phi(-k)
        } else {
            var kk = k
            if r < 0 { kk = -kk; hk = -hk }
            if abs(r) < 1 {
                let aSquared = 1 - r * r
                var a = aSquared.squareRoot()
                let bs = (h - kk) * (h - kk)
                let c = (4 - hk) / 8, d = (12 - hk) / 80
                var asr = -(bs / aSquared + hk) / 2
                if asr > -100 { bvn = a * Double.exp(asr) * (1 - c * (bs - aSquared) * (1 - d * bs) / 3 + c * d * aSquared * aSquared) }
                if hk > -100 {
                    let b = bs.squareRoot()
                    let sp = twoPi.squareRoot() * Self.phi(-b / a)
                    bvn -= Double.exp(-hk / 2) * sp * b * (1 - c * bs * (1 - d * bs) / 3)
                }
                a /= 2
                var sum = 0.0
                for i in x.indices {
                    let xs = (a * x[i]) * (a * x[i])
                    asr = -(bs / xs + hk) / 2
                    guard asr > -100 else { continue }
                    let sp = 1 + c * xs * (1 + 5 * d * xs)
                    let rs = (1 - xs).squareRoot()
                    let ep = Double.exp(-(hk / 2) * xs / ((1 + rs) * (1 + rs))) / rs
                    sum += w[i] * Double.exp(asr) * (sp - ep)
                }
                bvn = (a * sum - bvn) / twoPi
            }
            if r > 0 {
                bvn += Self.phi(-max(h, kk))
            } else if h >= kk {
                bvn = -bvn
            } else {
                let l = h < 0 ? Self.phi(kk) - Self.phi(h) : Self.phi(-h) - Self.phi(-kk)
                bvn = l - bvn
            }
        }
        return max(0, min(1, bvn))
    }
}
