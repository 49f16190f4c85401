/// What a reader, a guide's step or a test does to a screen, addressed by the label a guide uses. Its JSON is
/// what a simulation's `perform` takes, natively and in the page:
/// `{"click":"Manage Organization","row":"Cargo"}`, `{"fill":"Activation code","value":"ENT-100"}`,
/// `{"toggle":"Enable","on":true}`, `{"select":"Role","option":"Admin"}`, `{"navigate":"Licenses"}`.
public enum WalkthroughAction: Equatable, Sendable {
    case click(label: String, row: String? = nil, section: String? = nil)
    /// An empty label means "the only text field on this screen".
    case fill(label: String, value: String)
    /// `on: nil` flips the toggle.
    case toggle(label: String, on: Bool? = nil)
    case select(label: String, option: String)
    /// Follows a link or button by its label (sidebar entries, tabs, breadcrumbs).
    case navigate(label: String)

    /// How an action addresses a control: navigate is a click on a link or a button.
    public enum Verb: Equatable, Sendable {
        case click, fill, toggle, select

        public var rawName: String {
            switch self {
            case .click: "click"
            case .fill: "fill"
            case .toggle: "toggle"
            case .select: "select"
            }
        }
    }

    public var label: String {
        switch self {
        case .click(let label, _, _), .fill(let label, _), .toggle(let label, _), .select(let label, _),
            .navigate(let label):
            label
        }
    }

    public var verb: Verb {
        switch self {
        case .click, .navigate: .click
        case .fill: .fill
        case .toggle: .toggle
        case .select: .select
        }
    }

    /// Reads an action from its JSON; nil when it is none of the five.
    public init?(json: JSON) {
        if let label = json["click"]?.stringValue {
            self = .click(label: label, row: json["row"]?.stringValue, section: json["section"]?.stringValue)
        } else if let label = json["fill"]?.stringValue, let value = json["value"]?.stringValue {
            self = .fill(label: label, value: value)
        } else if let label = json["toggle"]?.stringValue {
            self = .toggle(label: label, on: json["on"]?.boolValue)
        } else if let label = json["select"]?.stringValue, let option = json["option"]?.stringValue {
            self = .select(label: label, option: option)
        } else if let label = json["navigate"]?.stringValue {
            self = .navigate(label: label)
        } else {
            return nil
        }
    }

    public var json: JSON {
        switch self {
        case .click(let label, let row, let section):
            var pairs: [(String, JSON)] = [("click", .string(label))]
            if let row { pairs.append(("row", .string(row))) }
            if let section { pairs.append(("section", .string(section))) }
            return .object(pairs)
        case .fill(let label, let value): return .object([("fill", .string(label)), ("value", .string(value))])
        case .toggle(let label, let on):
            var pairs: [(String, JSON)] = [("toggle", .string(label))]
            if let on { pairs.append(("on", .bool(on))) }
            return .object(pairs)
        case .select(let label, let option): return .object([("select", .string(label)), ("option", .string(option))])
        case .navigate(let label): return .object([("navigate", .string(label))])
        }
    }

    public var jsonText: String { json.text }
}
