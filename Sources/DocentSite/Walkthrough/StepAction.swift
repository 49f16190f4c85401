/// What a step does to the simulation, as the runner resolved it from the guide's words. Its JSON is what the
/// simulation's `perform` takes, natively and in the page.
public enum StepAction: Sendable, Equatable {
    case click(label: String, row: String? = nil, section: String? = nil)
    case fill(label: String, value: String)
    case toggle(label: String, on: Bool?)
    case select(label: String, option: String)
    case navigate(label: String)

    public var label: String {
        switch self {
        case .click(let label, _, _), .fill(let label, _), .toggle(let label, _), .select(let label, _),
            .navigate(let label):
            label
        }
    }

    public var json: String {
        var pairs: [(String, String)]
        switch self {
        case .click(let label, let row, let section):
            pairs = [("click", JSONText.quoted(label))]
            if let row { pairs.append(("row", JSONText.quoted(row))) }
            if let section { pairs.append(("section", JSONText.quoted(section))) }
        case .fill(let label, let value):
            pairs = [("fill", JSONText.quoted(label)), ("value", JSONText.quoted(value))]
        case .toggle(let label, let on):
            pairs = [("toggle", JSONText.quoted(label))]
            if let on { pairs.append(("on", on ? "true" : "false")) }
        case .select(let label, let option):
            pairs = [("select", JSONText.quoted(label)), ("option", JSONText.quoted(option))]
        case .navigate(let label):
            pairs = [("navigate", JSONText.quoted(label))]
        }
        return "{" + pairs.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
    }

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
