/// The checks `docent check` runs after rendering (links, anchors, images, includes, front matter schema,
/// duplicate ids…). Each rule lives in its own file and conforms to `SiteCheck`.
protocol SiteCheck: Sendable {
    /// A stable id prefix of the diagnostics this rule reports (`link`, `image`, …).
    var id: String { get }
    func run(_ context: CheckContext) -> [Diagnostic]
}

/// What a rule can look at: the site model and every rendered page with its outline.
struct CheckContext: Sendable {
    let model: SiteModel
    let pages: [RenderedPage]
}

enum SiteChecks {
    /// Every rule, in the order they report.
    static let all: [any SiteCheck] = []

    static func run(model: SiteModel, pages: [RenderedPage]) -> [Diagnostic] {
        let context = CheckContext(model: model, pages: pages)
        return all.flatMap { $0.run(context) }
    }
}
