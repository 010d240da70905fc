/// The CLI fuzzer's grammar for the phase I commands: near-valid vectors of `boin boundaries`, `boin next`,
/// `boin select`, `boin simulate`, `three-plus-three` and `phase1 compare`, and a generator for each of their options
/// (used by the fuzzer's mutations). Work stays small: `--trials` is always given and at most 40, and its
/// mutations are either small or beyond every cap.
enum PhaseIFuzzGrammar {
    typealias Group = [String]
    typealias Options = [String: (inout FuzzGenerator) -> Group]

    static func counts(_ g: inout FuzzGenerator, _ levels: Int, upTo: Int) -> String {
        (0..<levels).map { _ in String(g.integer(0...upTo)) }.joined(separator: ",")
    }

    static func vector(_ g: inout FuzzGenerator) -> (String, [String], [Group], Options) {
        var groups: [Group] = []
        let levels = g.integer(1...6)
        var options: Options = [
            "--format": { $0.format() },
            "--justify": { _ in ["--justify"] },
        ]
        let boinOptions: Options = [
            "--target": { ["--target", $0.number(0.01...0.7)] },
            "--phi1": { ["--phi1", $0.number(0.001...0.5)] },
            "--phi2": { ["--phi2", $0.number(0.1...0.99)] },
            "--eliminate": { ["--eliminate", $0.number(0.3...1.0)] },
        ]
        func boinBase(_ g: inout FuzzGenerator, _ groups: inout [Group], _ options: inout Options) {
            let target = g.pick(["0.2", "0.25", "0.3", "0.33", String(format: "%.2f", g.uniform(0.06...0.55))])
            groups.append(["--target", target])
            if g.chance(0.15) { groups.append(["--phi1", String(format: "%.3f", (Double(target) ?? 0.25) * g.uniform(0.3...0.9))]) }
            if g.chance(0.15) {
                groups.append(["--phi2", String(format: "%.3f", min(0.99, (Double(target) ?? 0.25) * g.uniform(1.1...2)))])
            }
            if g.chance(0.1) { groups.append(["--eliminate", g.number(0.8...0.99)]) }
            options.merge(boinOptions) { a, _ in a }
        }
        let name: String
        let prefix: [String]
        switch g.integer(0...5) {
        case 0:
            name = "boin boundaries"; prefix = ["boin", "boundaries"]
            boinBase(&g, &groups, &options)
            if g.chance(0.5) { groups.append(["--cohort-size", String(g.integer(1...4))]) }
            if g.chance(0.5) { groups.append(["--cohorts", String(g.integer(1...20))]) }
            if g.chance(0.2) { groups.append(["--stop-at", String(g.integer(3...18))]) }
            options["--cohort-size"] = { ["--cohort-size", String($0.integer(0...120))] }
            options["--cohorts"] = { ["--cohorts", $0.chance(0.7) ? String($0.integer(0...1200)) : $0.hugeCount()] }
            options["--stop-at"] = { ["--stop-at", String($0.integer(0...1200))] }
        case 1:
            name = "boin next"; prefix = ["boin", "next"]
            boinBase(&g, &groups, &options)
            if g.chance(0.5) {
                let patients = g.integer(1...15)
                groups.append(["--levels", (0..<patients).map { _ in String(g.integer(1...levels)) }.joined(separator: ",")])
                groups.append(["--dlts", (0..<patients).map { _ in g.chance(0.25) ? "1" : "0" }.joined(separator: ",")])
                groups.append(["--doses", String(levels)])
                if g.chance(0.35) {
                    // TITE-BOIN: a window and each patient's follow-up within it.
                    let window = g.integer(1...60)
                    groups.append(["--window", String(window)])
                    groups.append(["--follow-up", (0..<patients).map { _ in String(g.integer(0...window)) }.joined(separator: ",")])
                }
            } else {
                let n = (0..<levels).map { _ in g.integer(0...9) }
                groups.append(["--patients", n.map(String.init).joined(separator: ",")])
                groups.append(["--dlts", n.map { String(g.integer(0...max(0, $0))) }.joined(separator: ",")])
                groups.append(["--current", String(g.integer(1...levels))])
            }
            if g.chance(0.2) { groups.append(["--stop-at", String(g.integer(3...18))]) }
            options["--levels"] = { g in ["--levels", counts(&g, g.integer(1...8), upTo: 7)] }
            options["--dlts"] = { g in ["--dlts", counts(&g, g.integer(1...8), upTo: 3)] }
            options["--patients"] = { g in ["--patients", counts(&g, g.integer(1...8), upTo: 12)] }
            options["--doses"] = { ["--doses", String($0.integer(0...25))] }
            options["--current"] = { ["--current", String($0.integer(0...8))] }
            options["--stop-at"] = { ["--stop-at", String($0.integer(0...1200))] }
            options["--window"] = { ["--window", $0.number(-5...100)] }
            options["--follow-up"] = { g in ["--follow-up", counts(&g, g.integer(1...8), upTo: 70)] }
        case 2:
            name = "boin select"; prefix = ["boin", "select"]
            boinBase(&g, &groups, &options)
            let n = (0..<levels).map { _ in g.integer(0...15) }
            groups.append(["--patients", n.map(String.init).joined(separator: ",")])
            groups.append(["--dlts", n.map { String(g.integer(0...max(0, $0))) }.joined(separator: ",")])
            if g.chance(0.2) { groups.append(["--bound-mtd"]) }
            options["--patients"] = { g in ["--patients", counts(&g, g.integer(1...8), upTo: 1100)] }
            options["--dlts"] = { g in ["--dlts", counts(&g, g.integer(1...8), upTo: 12)] }
            options["--bound-mtd"] = { _ in ["--bound-mtd"] }
        case 3:
            name = "boin simulate"; prefix = ["boin", "simulate"]
            boinBase(&g, &groups, &options)
            for _ in 0..<g.integer(1...3) { groups.append(["--truth", g.probabilities(levels)]) }
            groups.append(["--trials", String(g.integer(1...40))])
            if g.chance(0.5) { groups.append(["--cohort-size", String(g.integer(1...4))]) }
            if g.chance(0.5) { groups.append(["--cohorts", String(g.integer(1...15))]) }
            if g.chance(0.3) { groups.append(["--start", String(g.integer(1...levels))]) }
            if g.chance(0.2) { groups.append(["--stop-at", String(g.integer(3...18))]) }
            if g.chance(0.2) { groups.append(["--bound-mtd"]) }
            if g.chance(0.5) { groups.append(["--seed", g.seed()]) }
            if g.chance(0.3) { groups.append(["--threads", g.threads()]) }
            if g.chance(0.3) {
                // TITE-BOIN: a window and an accrual rate.
                groups.append(["--window", g.number(1...90)])
                if g.chance(0.8) { groups.append(["--rate", g.number(0.01...5)]) }
                if g.chance(0.3) { groups.append(["--arrival", g.pick(["poisson", "fixed"])]) }
            }
            options["--window"] = { ["--window", $0.chance(0.7) ? $0.number(-5...1e7) : $0.hugeCount()] }
            options["--rate"] = { ["--rate", $0.number(-1...2000)] }
            options["--arrival"] = { ["--arrival", $0.pick(["poisson", "fixed", "uniform", ""])] }
            options["--truth"] = { ["--truth", $0.probabilities($0.integer(1...8))] }
            options["--trials"] = { ["--trials", $0.chance(0.5) ? String($0.integer(0...30)) : $0.hugeCount()] }
            options["--cohort-size"] = { ["--cohort-size", String($0.integer(0...120))] }
            options["--cohorts"] = { ["--cohorts", $0.chance(0.7) ? String($0.integer(0...40)) : $0.hugeCount()] }
            options["--start"] = { ["--start", String($0.integer(0...8))] }
            options["--stop-at"] = { ["--stop-at", String($0.integer(0...1200))] }
            options["--bound-mtd"] = { _ in ["--bound-mtd"] }
            options["--seed"] = { ["--seed", $0.seed()] }
            options["--threads"] = { ["--threads", $0.chance(0.7) ? $0.threads() : $0.hugeCount()] }
        case 5:
            name = "phase1 compare"; prefix = ["phase1", "compare"]
            let levels = max(2, levels)
            groups.append(["--target", g.pick(["0.2", "0.25", "0.3"])])
            for _ in 0..<g.integer(1...2) { groups.append(["--truth", g.probabilities(levels)]) }
            let cohort = g.integer(1...3)
            groups.append(["--cohort-size", String(cohort)])
            groups.append(["--patients", String(cohort * g.integer(1...6))])
            groups.append(["--trials", String(g.integer(1...30))])
            if g.chance(0.3) { groups.append(["--start", String(g.integer(1...levels))]) }
            if g.chance(0.3) { groups.append(["--halfwidth", g.number(0.02...0.1)]) }
            if g.chance(0.3) { groups.append(["--prior-mtd", String(g.integer(1...levels))]) }
            if g.chance(0.3) { groups.append(["--seed", g.seed()]) }
            options["--target"] = { ["--target", $0.number(0.01...0.7)] }
            options["--truth"] = { ["--truth", $0.probabilities($0.integer(1...8))] }
            options["--patients"] = { ["--patients", $0.chance(0.7) ? String($0.integer(0...40)) : $0.hugeCount()] }
            options["--cohort-size"] = { ["--cohort-size", String($0.integer(0...12))] }
            options["--trials"] = { ["--trials", $0.chance(0.5) ? String($0.integer(0...30)) : $0.hugeCount()] }
            options["--start"] = { ["--start", String($0.integer(0...8))] }
            options["--halfwidth"] = { ["--halfwidth", $0.number(0.001...0.6)] }
            options["--prior-mtd"] = { ["--prior-mtd", String($0.integer(0...8))] }
            options["--threads"] = { ["--threads", $0.chance(0.7) ? $0.threads() : $0.hugeCount()] }
        default:
            name = "three-plus-three"; prefix = ["three-plus-three"]
            for _ in 0..<g.integer(1...3) { groups.append(["--truth", g.probabilities(levels)]) }
            if g.chance(0.3) { groups.append(["--start", String(g.integer(1...levels))]) }
            if g.chance(0.3) { groups.append(["--target", g.number(0.1...0.4)]) }
            options["--truth"] = { ["--truth", $0.probabilities($0.integer(1...20))] }
            options["--start"] = { ["--start", String($0.integer(0...22))] }
            options["--target"] = { ["--target", $0.number(0.001...0.999)] }
        }
        if g.chance(0.3) { groups.append(g.format()) }
        if g.chance(0.15) { groups.append(["--justify"]) }
        groups += g.reportGroups()
        return (name, prefix, groups, options)
    }
}
