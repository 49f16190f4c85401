/// The one place that changes a diagnostic's severity after a stage reported it. Every command applies its policy
/// to what the pipeline found: a build that does not check still writes a guide whose walkthrough drifted (up to
/// the failing step, with a warning), `check` fails on it; a site laid out as Jekyll's gets a warning where Jekyll
/// warns (a layout that does not exist: the page renders without it); and `--warnings-as-errors` makes every
/// warning count.
public struct SeverityPolicy: Sendable {
    /// Every warning is an error (`docent check --warnings-as-errors`).
    public var warningsAsErrors = false
    /// A walkthrough step the simulation cannot do is an error; when false it is a warning.
    public var walkthroughFailuresAreErrors = true
    /// Jekyll's leniency: what Jekyll only warns about is a warning.
    public var jekyllCompatible = false

    /// Ids Jekyll reports as a build warning and builds on.
    static let jekyllWarnings: Set<String> = ["layout.missing"]

    public init(
        warningsAsErrors: Bool = false, walkthroughFailuresAreErrors: Bool = true, jekyllCompatible: Bool = false
    ) {
        self.warningsAsErrors = warningsAsErrors
        self.walkthroughFailuresAreErrors = walkthroughFailuresAreErrors
        self.jekyllCompatible = jekyllCompatible
    }

    /// The policy of a pipeline run: with or without the check stage, for a site of this layout.
    public static func pipeline(checking: Bool, config: SiteConfig) -> SeverityPolicy {
        SeverityPolicy(walkthroughFailuresAreErrors: checking, jekyllCompatible: config.layout == .jekyll)
    }

    /// `docent build` without checks: a drifted walkthrough does not stop the site.
    public static let build = SeverityPolicy(walkthroughFailuresAreErrors: false)
    /// `docent check` and `docent serve`.
    public static let check = SeverityPolicy()

    public func apply(_ diagnostic: Diagnostic) -> Diagnostic {
        var diagnostic = diagnostic
        if !walkthroughFailuresAreErrors, diagnostic.id.hasPrefix("walkthrough.") { diagnostic.severity = .warning }
        if jekyllCompatible, Self.jekyllWarnings.contains(diagnostic.id) { diagnostic.severity = .warning }
        if warningsAsErrors { diagnostic.severity = .error }
        return diagnostic
    }

    public func apply(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.map(apply)
    }
}
