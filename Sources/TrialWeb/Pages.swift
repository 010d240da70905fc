import Foundation
import TrialDesign
import TrialReport

/// The HTML the server sends: the index, each design's form, and the form with its answer.
///
/// Every text that came from a request or a report is escaped with `Markup.escape`; the only
/// markup inserted as it is comes from the report's own template (``HTMLReport/parts()``), which
/// escapes its values itself. Pages carry no script: forms submit by GET, so an answer's address
/// holds its inputs and can be bookmarked or sent.
enum Pages {
    /// The style sheet served at `/assets/trialsize.css`: the report page's own, then the form's.
    static let stylesheet: String = {
        let reportStyle = (try? HTMLReport(Document(title: "", sections: [])).parts().style) ?? ""
        return reportStyle + formStyle
    }()

    static let formStyle = """
        nav.site { max-width: 50rem; margin: 1rem auto 0; padding: 0 0.5rem; font-size: 0.95rem; }
        nav.site a { margin-right: 1rem; }
        form.design fieldset { border: 1px solid #D8DBE0; border-radius: 6px; margin: 0 0 1rem; padding: 0.75rem 1rem; }
        form.design .field { display: grid; grid-template-columns: 14rem 1fr; gap: 0.25rem 1rem; align-items: start; padding: 0.45rem 0; border-bottom: 1px solid #EEF0F2; }
        form.design .field:last-child { border-bottom: 0; }
        form.design label { font-weight: 600; }
        form.design .unit { font-weight: normal; color: #555B63; }
        form.design input[type=text], form.design select { width: 100%; max-width: 22rem; padding: 0.3rem 0.4rem; font: inherit; border: 1px solid #9AA1AA; border-radius: 4px; }
        form.design input[type=checkbox] { width: 1.1rem; height: 1.1rem; }
        form.design .help { grid-column: 2; margin: 0; font-size: 0.85rem; color: #555B63; }
        form.design [aria-invalid=true] { border-color: #B00020; outline: 2px solid #B00020; }
        form.design button { font: inherit; font-weight: 600; padding: 0.45rem 1.2rem; color: #FFFFFF; background: #0060A0; border: 0; border-radius: 4px; cursor: pointer; }
        form.design button:focus, form.design input:focus, form.design select:focus, a:focus { outline: 3px solid #E69F00; outline-offset: 1px; }
        .error { border: 2px solid #B00020; background: #FDECEE; color: #5C0010; padding: 0.6rem 0.9rem; border-radius: 4px; }
        .commandline { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.88rem; background: #F4F5F7; border: 1px solid #D8DBE0; padding: 0.5rem 0.75rem; overflow-wrap: anywhere; white-space: pre-wrap; }
        ul.downloads { padding-left: 1.25rem; }
        ul.designs li { margin-bottom: 0.5rem; }
        .result { margin-top: 1rem; }
        .report { margin: 1.5rem 0 2rem; border-top: 2px solid #0072B2; padding-top: 1rem; }
        .result header { border-bottom: 0; }
        .progress { position: relative; min-height: 2.2rem; margin: 0.5rem 0 1rem; }
        .progress > p { position: absolute; top: 0; left: 0; right: 0; margin: 0; padding: 0.3rem 0; background: #FFFFFF; color: #555B63; }
        .progress progress { width: 12rem; margin-left: 0.5rem; vertical-align: middle; }
        @media (max-width: 40rem) { form.design .field { grid-template-columns: 1fr; } form.design .help { grid-column: 1; } }
        @media print { nav.site, form.design, .no-print, .result { display: none; } .report { border-top: 0; margin-top: 0; } }

        """

    static func escape(_ text: String) -> String { Markup.escape(text) }

    /// A whole page around `body`.
    static func layout(title: String, body: String) -> String {
        layoutTop(title: title) + body + layoutBottom
    }

    /// A page up to and including `<main>`.
    static func layoutTop(title: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>\(escape(title))</title>
        <link rel="stylesheet" href="/assets/trialsize.css" />
        </head>
        <body>
        <nav class="site" aria-label="Site"><a href="/">All designs</a><a href="/api/v1/openapi.json">JSON API (OpenAPI)</a></nav>
        <main>

        """
    }

    /// A page from the end of `<main>`.
    static let layoutBottom = "\n</main>\n</body>\n</html>\n"

    /// The list of designs.
    static func index(_ endpoints: [WebEndpoint], generator: String) -> String {
        var body =
            "<header><h1>trialsize</h1><p class=\"subtitle\">Power and sample size for phase I/II cancer trials. "
            + "Choose a design; every answer states its method, assumptions and references, as the command line does.</p></header>\n"
        body += "<ul class=\"designs\">\n"
        for endpoint in endpoints {
            body += "<li><a href=\"\(escape(endpoint.path))\">\(escape(endpoint.command))</a>: \(escape(endpoint.abstract))"
            if !endpoint.example.isEmpty {
                body += " (<a href=\"\(escape(endpoint.path + "?" + query(endpoint.example)))\">example</a>)"
            }
            body += "</li>\n"
        }
        body += "</ul>\n<footer>\(escape(generator)). Runs on this computer; nothing is sent elsewhere.</footer>"
        return layout(title: "trialsize", body: body)
    }

    /// What a design page shows below its form.
    enum Outcome {
        /// No inputs yet.
        case empty
        /// The answer: the report's markup (``HTMLReport/parts()``), the command line, the links.
        /// `query` is nil for an answer from a data file, which no address can recompute.
        case answer(reportMain: String, commandLine: String, query: String?, plots: [String], word: Bool)
        /// A refused input: the message, and the field at fault (kebab-case key) if any.
        case refused(message: String, parameter: String)
    }

    /// A design's page: its form (filled with what was submitted) and the outcome.
    static func design(_ endpoint: WebEndpoint, submitted: [(key: String, value: String)], outcome: Outcome) -> String {
        layout(title: title(endpoint), body: header(endpoint) + designBody(endpoint, submitted: submitted, outcome: outcome))
    }

    static func title(_ endpoint: WebEndpoint) -> String { "trialsize " + endpoint.command }

    static func header(_ endpoint: WebEndpoint) -> String {
        "<header><h1>\(escape(endpoint.command))</h1><p class=\"subtitle\">\(escape(endpoint.abstract))</p></header>\n"
    }

    /// Below the header: the refusal or the answer, then the form.
    static func designBody(_ endpoint: WebEndpoint, submitted: [(key: String, value: String)], outcome: Outcome) -> String {
        var body = ""
        if case let .refused(message, _) = outcome {
            body += "<p class=\"error\" role=\"alert\" id=\"error\">\(escape(message))</p>\n"
        }
        let invalid: String? = if case let .refused(_, parameter) = outcome, !parameter.isEmpty { parameter } else { nil }
        if case let .answer(reportMain, commandLine, query, plots, word) = outcome {
            // The answer first, then the form to change it.
            body += "<section class=\"result\" aria-label=\"Answer\">\n"
            body += "<h2>The same answer on the command line</h2>\n<p class=\"commandline\">\(escape(commandLine))</p>\n"
            if let query {
                body += "<h2>Download</h2>\n<ul class=\"downloads\">\n"
                body +=
                    "<li><a href=\"\(escape(endpoint.path + "/report.html?" + query))\">HTML report</a> (the page <code>--report FILE.html</code> writes)</li>\n"
                if word {
                    body +=
                        "<li><a href=\"\(escape(endpoint.path + "/report.docx?" + query))\">Word report</a> (<code>--report FILE.docx</code>)</li>\n"
                }
                body += "<li><a href=\"\(escape(endpoint.apiPath + "?" + query))\">JSON</a> (what <code>--format json</code> prints)</li>\n"
                for name in plots {
                    body +=
                        "<li><a href=\"\(escape(endpoint.path + "/plots/" + name + ".svg?" + query))\">Plot \u{201C}\(escape(name))\u{201D} (SVG)</a></li>\n"
                }
                body += "</ul>\n"
            } else {
                body +=
                    "<p>The data file was read in memory and not kept. For the report as a file, run the command line above "
                    + "with <code>--report FILE.html</code> (or <code>.docx</code>), <code>--format json</code> or <code>--plot FILE.svg</code>.</p>\n"
            }
            body += "</section>\n<div class=\"report\">\n\(reportMain)</div>\n"
            body += "<h2 class=\"no-print\" id=\"inputs\">Change the inputs</h2>\n"
        }
        body += form(endpoint, submitted: submitted, invalid: invalid)
        return body
    }

    // MARK: a page sent while its answer is computed

    /// The top of a page whose answer is still being computed: the page, its header and the
    /// progress area, into which ``progressLine(fraction:seconds:)`` lines are written. The
    /// style sheet stacks them in one place, each painting over the one before, so only the
    /// latest shows while the page is still arriving and the page needs no script (a rule on
    /// `:last-child` would not do: browsers match it only once the parent is complete).
    static func streamedTop(_ endpoint: WebEndpoint) -> String {
        layoutTop(title: title(endpoint)) + header(endpoint) + "<div class=\"progress no-print\" role=\"status\" aria-live=\"polite\">\n"
    }

    /// One progress line: the fraction done when the computation reports it, and the time so far.
    static func progressLine(fraction: Double?, seconds: Int) -> String {
        let time = seconds == 1 ? "1 second" : "\(seconds) seconds"
        guard let fraction, fraction.isFinite else { return "<p>Computing\u{2026} (\(time) so far)</p>\n" }
        let clamped = min(max(fraction, 0), 1)
        let percent = Int((clamped * 100).rounded(.down))
        return
            "<p>Computing\u{2026} \(percent)% done (\(time) so far)<progress max=\"100\" value=\"\(percent)\">\(percent)%</progress></p>\n"
    }

    /// The rest of a streamed page once the answer (or the refusal) is known.
    static func streamedBottom(_ endpoint: WebEndpoint, submitted: [(key: String, value: String)], outcome: Outcome, seconds: Int) -> String
    {
        let time = seconds == 1 ? "1 second" : "\(seconds) seconds"
        return "<p>Computed in about \(time).</p>\n</div>\n" + designBody(endpoint, submitted: submitted, outcome: outcome) + layoutBottom
    }

    /// The form: one field per declared parameter, its label, unit, help, allowed range and default.
    static func form(_ endpoint: WebEndpoint, submitted: [(key: String, value: String)], invalid: String?) -> String {
        let method = endpoint.upload == nil ? "method=\"get\"" : "method=\"post\" enctype=\"multipart/form-data\""
        var html = "<form class=\"design\" \(method) action=\"\(escape(endpoint.path))\">\n<fieldset>\n<legend>Inputs</legend>\n"
        if let upload = endpoint.upload {
            let name = escape(upload.jsonKey)
            let help =
                upload.help.replacingOccurrences(of: " (- for standard input)", with: "") + " Read in memory (at most 1 MiB) and not kept."
            html +=
                "<div class=\"field\"><label for=\"f-\(name)\">\(escape(upload.label))</label>"
                + "<input type=\"file\" id=\"f-\(name)\" name=\"\(name)\" accept=\".csv,text/csv,text/plain\" required=\"required\" "
                + "aria-describedby=\"h-\(name)\"\(invalid == upload.key ? " aria-invalid=\"true\"" : "") />"
                + "<p class=\"help\" id=\"h-\(name)\">\(escape(help))</p></div>\n"
        }
        for parameter in endpoint.fields {
            let values = submitted.filter { $0.key == parameter.jsonKey || $0.key == parameter.key }.map(\.value)
            html += field(parameter, values: values, invalid: invalid == parameter.key)
        }
        html += "</fieldset>\n<button type=\"submit\">Compute</button>\n</form>\n"
        return html
    }

    static func field(_ parameter: Parameter, values: [String], invalid: Bool) -> String {
        let id = "f-" + parameter.jsonKey
        let name = escape(parameter.jsonKey)
        let value = escape(values.joined(separator: parameter.repeatable ? " ; " : ","))
        let unit = parameter.unit.map { " <span class=\"unit\">(\(escape($0)))</span>" } ?? ""
        var help = parameter.helpText
        if let defaultValue = parameter.defaultValue { help += " Default: \(defaultValue)." }
        if parameter.repeatable { help += " Give several, separated by ;, for one scenario each." }
        let describedBy = "aria-describedby=\"h-\(name)\"" + (invalid ? " aria-invalid=\"true\"" : "")
        var control: String
        switch parameter.allowed {
        case .flag:
            let checked = values.contains { ["on", "true", "1", "yes"].contains($0.lowercased()) } ? " checked=\"checked\"" : ""
            control = "<input type=\"checkbox\" id=\"\(id)\" name=\"\(name)\" value=\"on\"\(checked) \(describedBy) />"
        case let .choice(words):
            control = "<select id=\"\(id)\" name=\"\(name)\" \(describedBy)>"
            control += "<option value=\"\">" + escape(parameter.defaultValue.map { "default (\($0))" } ?? "not set") + "</option>"
            for word in words {
                let selected = values.first == word ? " selected=\"selected\"" : ""
                control += "<option value=\"\(escape(word))\"\(selected)>\(escape(word))</option>"
            }
            control += "</select>"
        default:
            let mode: String =
                switch parameter.allowed {
                case .integer: " inputmode=\"numeric\""
                case .real: " inputmode=\"decimal\""
                default: ""
                }
            let placeholder = parameter.defaultValue.map { " placeholder=\"\(escape($0))\"" } ?? ""
            control = "<input type=\"text\" id=\"\(id)\" name=\"\(name)\" value=\"\(value)\"\(mode)\(placeholder) \(describedBy) />"
        }
        return "<div class=\"field\"><label for=\"\(id)\">\(escape(parameter.label))\(unit)</label>\(control)"
            + "<p class=\"help\" id=\"h-\(name)\">\(escape(help))</p></div>\n"
    }

    /// `key=value&…`, percent-encoded, from the validated inputs (the address of an answer).
    static func query(_ inputs: WebInputs) -> String {
        query(
            inputs.values.flatMap { given -> [(key: String, value: String)] in
                if case .flag = given.parameter.allowed { return [(given.parameter.jsonKey, "on")] }
                return given.values.map { (given.parameter.jsonKey, $0) }
            })
    }

    static func query(_ pairs: [(key: String, value: String)]) -> String {
        pairs.map { encode($0.key) + "=" + encode($0.value) }.joined(separator: "&")
    }

    private static let unreserved = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~,")

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    /// A page for an error outside any design (not found, busy, too large).
    static func problem(title: String, message: String) -> String {
        layout(title: title, body: "<header><h1>\(escape(title))</h1></header>\n<p class=\"error\" role=\"alert\">\(escape(message))</p>\n")
    }
}
