/// LaTeX escaping, so user text and numbers never break a document.
public enum LaTeX {
    /// Escapes LaTeX's special characters: `15.4%` becomes `15.4\%`.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "\\": out += "\\textbackslash{}"
            case "&", "%", "$", "#", "_", "{", "}": out += "\\" + String(character)
            case "~": out += "\\textasciitilde{}"
            case "^": out += "\\textasciicircum{}"
            case "≥": out += "$\\geq$"
            case "≤": out += "$\\leq$"
            case "α": out += "$\\alpha$"
            case "β": out += "$\\beta$"
            case "λ": out += "$\\lambda$"
            case "χ": out += "$\\chi$"
            case "²": out += "$^2$"
            case "×": out += "$\\times$"
            case "−": out += "$-$"
            case "μ": out += "$\\mu$"
            case "σ": out += "$\\sigma$"
            case "ν": out += "$\\nu$"
            case "δ": out += "$\\delta$"
            case "Δ": out += "$\\Delta$"
            case "Φ": out += "$\\Phi$"
            case "≈": out += "$\\approx$"
            case "≠": out += "$\\neq$"
            case "±": out += "$\\pm$"
            case "·": out += "$\\cdot$"
            case "√": out += "$\\surd$"
            case "–": out += "--"
            case "—": out += "---"
            default: out.append(character)
            }
        }
        return out
    }
}
