import ArgumentParser
import TrialDesign

extension ArgumentHelp {
    /// The help of the parameter `key` as its design declares it ("… Allowed: (0, 0.5]. Default: 0.05."),
    /// so the help, the validation and the web form never disagree.
    init(_ catalog: ParameterCatalog, _ key: String, valueName: String? = nil) {
        guard let parameter = catalog[key] else {
            preconditionFailure("\(catalog.command) declares no parameter '\(key)'")
        }
        self.init(parameter.helpText, valueName: valueName)
    }
}

extension DesignError {
    /// The message as the command line shows it: every parameter key written as its option (`--alpha`).
    var commandLineMessage: String {
        message { key in key.isEmpty ? key : "--" + key }
    }
}
