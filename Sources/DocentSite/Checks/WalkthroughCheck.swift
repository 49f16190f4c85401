/// Every walkthrough's steps ran against the simulation when its page rendered; this rule reports what failed:
/// a label the screen does not have, a refused action, an expectation that does not hold, a step it cannot
/// resolve. (A plain build reports the same as warnings and embeds the walkthrough up to the failing step.)
struct WalkthroughCheck: SiteCheck {
    let id = "walkthrough"

    func run(_ context: CheckContext) -> [Diagnostic] {
        context.pages.flatMap { $0.walkthrough?.diagnostics ?? [] }
    }
}
