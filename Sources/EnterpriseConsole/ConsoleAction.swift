import EnterpriseDomain

/// What a reader or a test does, addressed by the label a guide uses.
public enum ConsoleAction: Equatable, Sendable {
    case click(label: String, row: String? = nil, section: String? = nil)
    /// An empty label means "the only text field on this screen".
    case fill(label: String, value: String)
    /// `on: nil` flips the toggle.
    case toggle(label: String, on: Bool? = nil)
    case select(label: String, option: String)
    /// Follows a link or button by its label (sidebar entries, tabs, breadcrumbs).
    case navigate(label: String)

    public var label: String {
        switch self {
        case .click(let label, _, _), .fill(let label, _), .toggle(let label, _), .select(let label, _),
            .navigate(let label):
            label
        }
    }

    var verb: ActionVerb {
        switch self {
        case .click, .navigate: .click
        case .fill: .fill
        case .toggle: .toggle
        case .select: .select
        }
    }

    /// `{"click":"Manage Organization","row":"Cargo"}`, `{"fill":"Activation code","value":"ENT-100"}`,
    /// `{"toggle":"Enable","on":true}`, `{"select":"Role","option":"Admin"}`, `{"navigate":"Licenses"}`.
    public static func parse(_ json: JSON) -> ConsoleAction? {
        if let label = json["click"]?.stringValue {
            return .click(label: label, row: json["row"]?.stringValue, section: json["section"]?.stringValue)
        }
        if let label = json["fill"]?.stringValue, let value = json["value"]?.stringValue {
            return .fill(label: label, value: value)
        }
        if let label = json["toggle"]?.stringValue { return .toggle(label: label, on: json["on"]?.boolValue) }
        if let label = json["select"]?.stringValue, let option = json["option"]?.stringValue {
            return .select(label: label, option: option)
        }
        if let label = json["navigate"]?.stringValue { return .navigate(label: label) }
        return nil
    }

    public static func parse(_ text: String) throws(ConsoleError) -> ConsoleAction {
        let json: JSON
        do {
            json = try JSON.parse(text)
        } catch {
            throw ConsoleError(kind: .invalidAction, message: "Invalid action JSON: \(error.message)")
        }
        guard let action = parse(json) else {
            throw ConsoleError(
                kind: .invalidAction,
                message: "An action needs one of click, fill (+value), toggle, select (+option) or navigate.")
        }
        return action
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
}

/// Section 13.1: older and newer wordings of the same controls.
enum LabelAliases {
    static let table: [(alias: String, label: String)] = [
        ("enter activation code", "upgrade"),
        ("enter activation code", "+ add more seats"),
        ("verify activation code", "submit"),
        ("organization name", "name"),
        ("new organisation", "new organization"),
        ("download", "last active"),
        ("account dashboard", "account"),
        ("dashboard", "organization dashboard"),
        ("insomnia dashboard", "dashboard"),
        ("insomnia dashboard", "organization dashboard"),
    ]

    static func targets(of label: String) -> [String] {
        let key = Text.normalized(label)
        return table.filtered { Text.equal($0.alias, key) }.mapped { $0.label }
    }
}

public struct ConsoleError: Error, Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case unknownControl, ambiguousControl, disabledControl, invalidOption, invalidAction, unknownStartingState
        case domain(DomainError)

        public var rawName: String {
            switch self {
            case .unknownControl: "unknownControl"
            case .ambiguousControl: "ambiguousControl"
            case .disabledControl: "disabledControl"
            case .invalidOption: "invalidOption"
            case .invalidAction: "invalidAction"
            case .unknownStartingState: "unknownStartingState"
            case .domain: "domain"
            }
        }
    }

    public var kind: Kind
    public var message: String
    public var screenTitle: String
    public var availableLabels: [String]

    public init(kind: Kind, message: String, screenTitle: String = "", availableLabels: [String] = []) {
        self.kind = kind
        self.message = message
        self.screenTitle = screenTitle
        self.availableLabels = availableLabels
    }

    public var domainError: DomainError? {
        if case .domain(let error) = kind { return error }
        return nil
    }

    public var json: JSON {
        var pairs: [(String, JSON)] = [("kind", .string(kind.rawName))]
        if let domainError { pairs.append(("code", .string(domainError.code))) }
        pairs += [
            ("message", .string(message)), ("screenTitle", .string(screenTitle)),
            ("availableLabels", .strings(availableLabels)),
        ]
        return .object(pairs)
    }
}
