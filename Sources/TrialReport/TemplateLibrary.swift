import Mustache

/// The Mustache templates trialsize ships, compiled into the binary from `Templates/`.
///
/// Wording lives in the `.mustache` files, not in Swift: edit a template and rebuild. Every
/// text template starts with `{{% CONTENT_TYPE: TEXT}}` so values are inserted as typed, with
/// no HTML escaping; the page template `report-html` starts with `{{% CONTENT_TYPE: HTML}}` so
/// every value is escaped. The variables each template may use are listed in docs/templates.md,
/// and ``TemplateVariables`` checks a template against its context.
public enum TemplateLibrary {
    /// Thrown when a template is unknown, fails to parse, or renders nothing.
    public struct TemplateError: Error, CustomStringConvertible, Equatable {
        /// The template's name (`survival`), or the path of a user's template.
        public let template: String
        /// What went wrong, in words: "no such template", or the Mustache parser's error.
        public let reason: String
        public var description: String { "template \(template): \(reason)" }
    }

    /// The shipped templates' names, without the `.mustache` extension.
    public static let names: [String] = Array(shipped.keys).sorted()

    /// The source text of a shipped template.
    public static func source(named name: String) -> String? {
        shipped[name].map { String(decoding: $0, as: UTF8.self) }
    }

    /// Renders the shipped template `name` with `context` (dictionaries, arrays, strings, numbers).
    public static func render(_ name: String, _ context: [String: Any]) throws -> String {
        guard let text = source(named: name) else {
            throw TemplateError(template: name, reason: "no such template")
        }
        return try render(source: text, name: name, context)
    }

    /// Renders a template given as text (a user's own, say), with the shipped ones as partials.
    public static func render(source text: String, name: String, _ context: [String: Any]) throws -> String {
        var library = MustacheLibrary()
        do {
            for (partial, bytes) in shipped where partial != name {
                try library.register(String(decoding: bytes, as: UTF8.self), named: partial)
            }
            let template = try MustacheTemplate(string: text)
            return template.render(context, library: library)
        } catch let error as TemplateError {
            throw error
        } catch {
            throw TemplateError(template: name, reason: "\(error)")
        }
    }

    /// Name → bytes of every file in Templates/ (SwiftPM embeds them as `PackageResources`).
    /// Add a line here when adding a template.
    private static let shipped: [String: [UInt8]] = [
        "references": PackageResources.references_mustache,
        "report-html": PackageResources.report_html_mustache,
        "survival": PackageResources.survival_mustache,
        "crm-skeleton": PackageResources.crm_skeleton_mustache,
        "crm-next": PackageResources.crm_next_mustache,
        "crm-simulate": PackageResources.crm_simulate_mustache,
        "crm-calibrate": PackageResources.crm_calibrate_mustache,
        "ci": PackageResources.ci_mustache,
        "single-stage": PackageResources.single_stage_mustache,
        "simon": PackageResources.simon_mustache,
        "two-arm-survival": PackageResources.two_arm_survival_mustache,
        "two-arm-binomial": PackageResources.two_arm_binomial_mustache,
        "pick-winner": PackageResources.pick_winner_mustache,
        "analyze-survival": PackageResources.analyze_survival_mustache,
        "analyze-binomial": PackageResources.analyze_binomial_mustache,
        "analyze-simon": PackageResources.analyze_simon_mustache,
        "toxicity-boundary": PackageResources.toxicity_boundary_mustache,
        "two-stage-survival": PackageResources.two_stage_survival_mustache,
        "boin-boundaries": PackageResources.boin_boundaries_mustache,
        "boin-next": PackageResources.boin_next_mustache,
        "boin-select": PackageResources.boin_select_mustache,
        "boin-simulate": PackageResources.boin_simulate_mustache,
        "three-plus-three": PackageResources.three_plus_three_mustache,
        "phase1-compare": PackageResources.phase1_compare_mustache,
    ]
}
