/// Everything a design command writes besides its answer, from one result: the blocks of the
/// HTML page (the same sections as the text output, the results tables, the justification)
/// and the design's plots.
///
/// Each design's report code builds one (`SurvivalReport.document`, `SingleStageReport.document`,
/// …); the command line writes `--plot` and `--report` from it through one shared path, so a
/// command only says which plots it has.
public struct DesignReport: Sendable {
    /// A plot: `name` is the suffix its file gets when a command has more than one
    /// (`--plot power.svg` writes the first plot to `power.svg`, the second to
    /// `power-<name>.svg`); `caption` goes under it in the page.
    public struct Plot: Sendable {
        public var name: String
        public var chart: Chart
        public var caption: String

        public init(name: String, chart: Chart, caption: String) {
            self.name = name
            self.chart = chart
            self.caption = caption
        }
    }

    public var title: String
    public var subtitle: String?
    public var sections: [Section]
    public var tables: [LegacyTable]
    public var plots: [Plot]
    public var justification: Justification?

    public init(title: String, subtitle: String? = nil, sections: [Section], tables: [LegacyTable] = [], plots: [Plot] = [],
                justification: Justification? = nil) {
        self.title = title
        self.subtitle = subtitle
        self.sections = sections
        self.tables = tables
        self.plots = plots
        self.justification = justification
    }

    /// The self-contained HTML page: sections, tables, every plot inline, the justification.
    public func page(generator: String) -> HTMLReport {
        var appendix = tables.map { table in
            DocumentSection(table.title, [.table(Table(header: table.headers, rows: table.rows, footnotes: table.notes))])
        }
        if !plots.isEmpty { appendix.append(DocumentSection("Plots", plots.map { .figure(Figure($0.chart, name: $0.name, caption: $0.caption)) })) }
        return HTMLReport(Document(title: title, subtitle: subtitle,
                                   sections: sections.map { DocumentSection($0.title, rows: $0.rows.map { Row($0.label, $0.value) }, notes: $0.notes) },
                                   appendix: appendix, justification: justification),
                          generator: generator)
    }

    /// Where each plot goes for `--plot path`: the first to `path`, the others to `path` with
    /// `-<name>` before the extension.
    public func plotPaths(for path: String) -> [(path: String, plot: Plot)] {
        let dot = path.lastIndex(of: ".") ?? path.endIndex
        let stem = path[..<dot], ext = path[dot...]
        return plots.enumerated().map { index, plot in
            (index == 0 ? path : "\(stem)-\(plot.name)\(ext)", plot)
        }
    }
}
