/// Series colours: the Okabe–Ito palette, told apart by readers with colour-vision
/// deficiency, without its yellow (too pale on white paper).
enum Palette {
    static let colors = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"]

    static func color(_ index: Int) -> String { colors[index % colors.count] }

    static let text = "#222222"
    static let mutedText = "#555555"
    static let axis = "#444444"
    static let grid = "#E3E3E3"
    static let reference = "#777777"
    static let fontFamily = "Helvetica, Arial, sans-serif"
}
