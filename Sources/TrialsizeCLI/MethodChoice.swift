import ArgumentParser
import TrialDesign

/// `--method NAME` or `--method all`: one of a design's methods, or every one side by side.
enum OneOrAll<Method>: ExpressibleByArgument
where Method: RawRepresentable & CaseIterable, Method.RawValue == String {
    case single(Method)
    case all

    init?(argument: String) {
        if argument == "all" { self = .all; return }
        guard let method = Method(rawValue: argument) else { return nil }
        self = .single(method)
    }

    static var allValueStrings: [String] { Method.allCases.map(\.rawValue) + ["all"] }

    var defaultValueDescription: String {
        switch self {
        case let .single(method): return method.rawValue
        case .all: return "all"
        }
    }

    /// The methods asked for; `all` in the given order (every case by default).
    func methods(all order: [Method] = Array(Method.allCases)) -> [Method] {
        switch self {
        case let .single(method): return [method]
        case .all: return order
        }
    }
}

typealias MethodChoice = OneOrAll<SurvivalMethod>
typealias TwoArmMethodChoice = OneOrAll<TwoArmSurvivalMethod>
typealias TwoProportionsMethodChoice = OneOrAll<TwoProportionsMethod>
