import WalkthroughContract

/// What a step does to the simulation (`WalkthroughAction`, from the walkthrough contract), as the runner
/// resolved it from the guide's words; its JSON is what the simulation's `perform` takes, natively and in the page.
extension WalkthroughAction {
    /// How a guide would say it, for verbose reports: `click "Manage Organization" (row "Cargo")`.
    public var summary: String {
        switch self {
        case .click(let label, let row, let section):
            "click \"\(label)\"" + (row.map { " (row \"\($0)\")" } ?? "") + (section.map { " (in \"\($0)\")" } ?? "")
        case .fill(let label, let value): "fill \"\(label.isEmpty ? "the text field" : label)\" with \"\(value)\""
        case .toggle(let label, let on): "turn \"\(label)\" \(on == false ? "off" : "on")"
        case .select(let label, let option): "select \"\(option)\" in \"\(label)\""
        case .navigate(let label): "go to \"\(label)\""
        }
    }
}
