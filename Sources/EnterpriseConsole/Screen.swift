import EnterpriseDomain

/// One screen of the simulated admin console, as a value: what a reader sees and can act on.
public struct Screen: Equatable, Sendable {
    public var title: String
    public var breadcrumbs: [String]
    public var sections: [Section]
    public var controls: [Control]
    public var tables: [Table]
    public var messages: [Message]
    /// POL-6: the storage restriction banner, when one applies.
    public var banner: String?
    /// Visible notes where the simulation makes an undocumented choice (rules tagged I).
    public var notes: [String]
    /// A file the last action produced (the Last Active CSV).
    public var download: Download?

    @inline(never)
    public init(title: String, breadcrumbs: [String]) {
        self.title = title
        self.breadcrumbs = breadcrumbs
        sections = []
        controls = []
        tables = []
        messages = []
        banner = nil
        notes = []
        download = nil
    }

    /// Every control label, in screen order, without repeats.
    public var labels: [String] {
        var result: [String] = []
        for control in controls where !result.containsText(control.label) { result.append(control.label) }
        return result
    }

    public func control(_ label: String, row: String? = nil) -> Control? {
        let key = Text.normalized(label)
        return controls.firstWhere {
            Text.equal(Text.normalized($0.label), key) && (row == nil || Text.equal($0.row, row))
        }
    }

    public func table(_ title: String) -> Table? { tables.firstWhere { Text.equal($0.title, title) } }
}

/// A titled block of text lines.
public struct Section: Equatable, Sendable {
    public var title: String
    public var lines: [String]
}

public struct Table: Equatable, Sendable {
    public var title: String
    public var section: String?
    public var columns: [String]
    public var rows: [[String]]
}

public struct Message: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case info, success, error
        public var rawName: String {
            switch self {
            case .info: "info"
            case .success: "success"
            case .error: "error"
            }
        }
    }
    public var kind: Kind
    public var text: String

    /// The same kind and text, compared by bytes (see String+Bytes.swift).
    public func isSame(as other: Message) -> Bool { kind == other.kind && Text.equal(text, other.text) }
}

public struct Download: Equatable, Sendable {
    public var filename: String
    public var mediaType: String
    public var content: String
}

public struct Control: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case button, textField, toggle, link, select
        public var rawName: String {
            switch self {
            case .button: "button"
            case .textField: "textField"
            case .toggle: "toggle"
            case .link: "link"
            case .select: "select"
            }
        }
        /// Which action verb addresses this kind.
        var verb: ActionVerb {
            switch self {
            case .button, .link: .click
            case .textField: .fill
            case .toggle: .toggle
            case .select: .select
            }
        }
    }

    public var kind: Kind
    public var label: String
    /// Text of a field, "on"/"off" of a toggle, the chosen option of a select, or a button's detail.
    public var value: String?
    public var enabled: Bool
    /// The table row the control belongs to (e.g. "Cargo" for Manage Organization).
    public var row: String?
    public var section: String?
    public var options: [String]
    var intent: Intent

    @inline(never)
    init(
        _ kind: Kind, _ label: String, value: String? = nil, enabled: Bool = true, row: String? = nil,
        section: String? = nil, options: [String] = [], intent: Intent
    ) {
        self.kind = kind
        self.label = label
        self.value = value
        self.enabled = enabled
        self.row = row
        self.section = section
        self.options = options
        self.intent = intent
    }

    /// The address that must be unique on a screen: verb, label, row and section.
    public var address: String {
        "\(kind.verb.rawName)|\(Text.normalized(label))|\(row ?? "")|\(section ?? "")"
    }
}

enum ActionVerb: Equatable, Sendable {
    case click, fill, toggle, select
    var rawName: String {
        switch self {
        case .click: "click"
        case .fill: "fill"
        case .toggle: "toggle"
        case .select: "select"
        }
    }
}
