/// The one place that changes a diagnostic's severity after a stage reported it. Every command applies its policy
/// to what the pipeline found: a build that does not check still writes a guide whose walkthrough drifted (up to
/// the failing step, with a warning), `check` fails on it, and `--warnings-as-errors` makes every warning count.
public struct SeverityPolicy: Sendable {
    /// Every warning is an error (`docent check --warnings-as-errors`).
    public var warningsAsErrors = false
    /// A walkthrough step the simulation cannot do is an error; when false it is a warning.
    public var walkthroughFailuresAreErrors = true

    public init(warningsAsErrors: Bool = false, walkthroughFailuresAreErrors: Bool = true) {
        self.warningsAsErrors = warningsAsErrors
        self.walkthroughFailuresAreErrors = walkthroughFailuresAreErrors
    }

    /// `docent build` without checks: a drifted walkthrough does not stop the site.
    public static let build = SeverityPolicy(walkthroughFailuresAreErrors: false)
    /// `docent check` and `docent serve`.
    public static let check = SeverityPolicy()

    public func apply(_ diagnostic: Diagnostic) -> Diagnostic {
        var diagnostic = diagnostic
        if !walkthroughFailuresAreErrors, diagnostic.id.hasPrefix("walkthrough.") { diagnostic.severity = .warning }
        if warningsAsErrors { diagnostic.severity = .error }
        return diagnostic
    }

    public func apply(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.map(apply)
    }
}
