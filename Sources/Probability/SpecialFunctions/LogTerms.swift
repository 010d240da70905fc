internal import CGSL
import RealModule

/// The small building blocks that keep the incomplete gamma and beta functions accurate for
/// large shapes, where x^a e^(−x) / Γ(a) and x^a (1−x)^b / B(a, b) would otherwise be formed
/// from logarithms of size a·log a that cancel (losing about log10(a·log a) digits: 1e-9
/// relative at a = 10⁶, which is what GSL 2.7.1 loses).
///
/// The remedy is Temme's: write each power term around its peak, so that only
/// a·(log(1 + t) − t) with t = x/a − 1 remains, and take Γ from Stirling's series, whose
/// correction term is tiny (Temme, *Special Functions*, 1996, §3.6 and §11.3; DiDonato &
/// Morris 1986, ACM TOMS 12:377).
enum LogTerms {
    /// log(1 + t) − t, accurate to a few ulps for t > −1, also for small |t|.
    ///
    /// For |t| < 1/4: with y = t/(2 + t), log(1 + t) = 2 atanh y, so
    /// log(1 + t) − t = −t²/(2 + t) + 2(y³/3 + y⁵/5 + …), a sum without cancellation.
    @inline(__always)
    static func log1pmx(_ t: Double) -> Double {
        guard abs(t) < 0.25 else { return Double.log(onePlus: t) - t }
        let y = t / (2 + t)
        let y2 = y * y
        // 2 Σ_{k≥1} y^(2k+1) / (2k+1); |y| < 1/7, so 11 terms reach 1e-19 relative. Written
        // out (constant coefficients) so that no division is left in the loop.
        // Estrin's scheme (pairs, then pairs of pairs) rather than Horner's: the same
        // polynomial with a dependency chain of depth 4 instead of 10 (it sits on the critical
        // path of every power term).
        let y4 = y2 * y2, y8 = y4 * y4
        let p01 = 1.0 / 3 + y2 * (1.0 / 5), p23 = 1.0 / 7 + y2 * (1.0 / 9)
        let p45 = 1.0 / 11 + y2 * (1.0 / 13), p67 = 1.0 / 15 + y2 * (1.0 / 17)
        let p89 = 1.0 / 19 + y2 * (1.0 / 21)
        let low = p01 + y4 * p23, high = p45 + y4 * p67
        let sum = low + y8 * (high + y8 * (p89 + y4 * (1.0 / 23)))
        return -t * y + 2 * y * y2 * sum
    }

    /// a·log(r) − a·(r − 1), given r and t = r − 1 computed separately (each accurately):
    /// the logarithm of (r e^(1−r))^a, the power term around its peak.
    @inline(__always)
    static func peakTerm(_ a: Double, ratio r: Double, excess t: Double) -> Double {
        abs(t) < 0.5 ? a * log1pmx(t) : a * (Double.log(r) - t)
    }

    /// Stirling's correction log Γ(a) − [(a − ½) log a − a + ½ log 2π], for a ≥ 10, from the
    /// asymptotic series Σ B_{2k} / (2k(2k−1) a^(2k−1)) (DLMF 5.11.1); eight terms give an
    /// absolute error below 1e-17 at a = 10.
    @inline(__always)
    static func stirlingCorrection(_ a: Double) -> Double {
        let z = 1 / (a * a)
        // Estrin's scheme (depth 3 instead of 7; three of these sit on each power term's path).
        let z2 = z * z, z4 = z2 * z2
        let p01 = 1.0 / 12 + z * (-1.0 / 360), p23 = 1.0 / 1260 + z * (-1.0 / 1680)
        let p45 = 1.0 / 1188 + z * (-691.0 / 360_360), p67 = 1.0 / 156 + z * (-3617.0 / 122_400)
        let series = (p01 + z2 * p23) + z4 * (p45 + z2 * p67)
        return series / a
    }

    /// log Γ(a): GSL's `gsl_sf_lngamma` (a > 0).
    @inline(__always)
    static func logGamma(_ a: Double) -> Double {
        GSLRuntime.prepare()
        return gsl_sf_lngamma(a)
    }

    /// The smallest shape for which the Stirling forms are used.
    static let stirlingThreshold = 10.0

    /// ½ log(2π).
    static let halfLogTwoPi = 0.918_938_533_204_672_741_78
}
