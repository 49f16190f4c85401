import EnterpriseDomain
import WalkthroughContract

/// What a reader or a test does, addressed by the label a guide uses: the walkthrough contract's action.
public typealias ConsoleAction = WalkthroughAction

extension WalkthroughAction {
    /// `{"click":"Manage Organization","row":"Cargo"}`, `{"fill":"Activation code","value":"ENT-100"}`,
    /// `{"toggle":"Enable","on":true}`, `{"select":"Role","option":"Admin"}`, `{"navigate":"Licenses"}`.
    public static func parse(_ json: JSON) -> ConsoleAction? { ConsoleAction(json: json) }

    public static func parse(_ text: String) throws(ConsoleError) -> ConsoleAction {
        let json: JSON
        do {
            json = try JSON.parse(text)
        } catch {
            throw ConsoleError(kind: .invalidAction, message: "Invalid action JSON: \(error.message)")
        }
        guard let action = ConsoleAction(json: json) else {
            throw ConsoleError(
                kind: .invalidAction,
                message: "An action needs one of click, fill (+value), toggle, select (+option) or navigate.")
        }
        return action
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
