/// LaTeX escaping, so user text and numbers never break a document.
public enum LaTeX {
    /// Escapes LaTeX's special characters (`15.4%` becomes `15.4\%`) and sets Greek letters,
    /// relations, sub- and superscripts in math mode (`λ₀` becomes `$\lambda_0$`; adjacent
    /// math pieces are joined, so `χ²` becomes `$\chi^2$`), so the text compiles with pdflatex in a
    /// plain `article`.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        var inMath = false
        func math(_ body: String) {
            if inMath { out.removeLast() } else { out += "$" }
            out += body + "$"
            inMath = true
        }
        func plain(_ body: String) {
            out += body
            inMath = false
        }
        for character in text {
            if let body = mathBodies[character] {
                math(body)
                continue
            }
            // A letter with a combining accent, as one character: λ̂ becomes $\hat{\lambda}$.
            let scalars = Array(character.unicodeScalars)
            if scalars.count == 2, let accent = accents[scalars[1]] {
                let base = Character(scalars[0])
                math(accent + "{" + (mathBodies[base] ?? String(base)) + "}")
                continue
            }
            switch character {
            case "\\": plain("\\textbackslash{}")
            case "&", "%", "$", "#", "_", "{", "}": plain("\\" + String(character))
            case "^": plain("\\textasciicircum{}")
            // "--" would print an en dash: a command line's `--median` keeps its two hyphens.
            case "-": plain(out.hasSuffix("-") && !inMath ? "{}-" : "-")
            case "–": plain("--")
            case "—": plain("---")
            default: plain(String(character))
            }
        }
        return out
    }

    /// Combining accents (U+0302, U+0304, U+0303) and their math accents.
    static let accents: [Unicode.Scalar: String] = ["\u{0302}": "\\hat", "\u{0304}": "\\bar", "\u{0303}": "\\tilde"]

    /// Characters set in math mode, and their bodies. `<`, `>` and `|` are math too: in text,
    /// pdflatex's default (OT1) fonts print them as `¡`, `¿` and a dash.
    static let mathBodies: [Character: String] = [
        "~": "\\sim", "<": "<", ">": ">", "|": "|", "≥": "\\geq", "≤": "\\leq", "α": "\\alpha", "β": "\\beta", "λ": "\\lambda",
        "χ": "\\chi",
        "×": "\\times", "−": "-", "μ": "\\mu", "σ": "\\sigma", "ν": "\\nu", "δ": "\\delta", "Δ": "\\Delta",
        "Φ": "\\Phi", "≈": "\\approx", "≠": "\\neq", "±": "\\pm", "·": "\\cdot", "√": "\\surd", "→": "\\to",
        "²": "^2", "³": "^3", "¹": "^1",
        "γ": "\\gamma", "ε": "\\varepsilon", "η": "\\eta", "θ": "\\theta", "κ": "\\kappa", "π": "\\pi", "ρ": "\\rho",
        "τ": "\\tau", "ψ": "\\psi", "ω": "\\omega", "Γ": "\\Gamma", "Λ": "\\Lambda", "Σ": "\\Sigma", "Ω": "\\Omega",
        "φ": "\\varphi", "ϕ": "\\phi", "ζ": "\\zeta", "ι": "\\iota", "ξ": "\\xi", "υ": "\\upsilon", "ς": "\\varsigma",
        "⌊": "\\lfloor", "⌋": "\\rfloor", "⌈": "\\lceil", "⌉": "\\rceil", "Θ": "\\Theta", "Ξ": "\\Xi", "Π": "\\Pi", "Υ": "\\Upsilon",
        "Ψ": "\\Psi",
        "∞": "\\infty", "∈": "\\in", "≫": "\\gg", "≪": "\\ll",
        "₀": "_0", "₁": "_1", "₂": "_2", "₃": "_3", "₄": "_4", "₅": "_5", "₆": "_6", "₇": "_7", "₈": "_8", "₉": "_9",
        "ₖ": "_k", "ᵢ": "_i",
    ]
}
