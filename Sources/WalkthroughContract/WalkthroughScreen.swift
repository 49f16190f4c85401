/// One screen of a simulated product, as a value: what a reader sees and can act on. The simulation builds it,
/// the page draws it (from its JSON), the static pages draw it as HTML, and the walkthrough rule
/// (`WalkthroughRule`) judges actions against it.
public struct WalkthroughScreen: Equatable, Sendable {
    /// A titled block of text lines.
    public struct Section: Equatable, Sendable {
        public var title: String
        public var lines: [String]

        public init(title: String, lines: [String]) {
            self.title = title
            self.lines = lines
        }
    }

    public struct Table: Equatable, Sendable {
        public var title: String
        public var section: String?
        public var columns: [String]
        public var rows: [[String]]

        public init(title: String, section: String? = nil, columns: [String], rows: [[String]]) {
            self.title = title
            self.section = section
            self.columns = columns
            self.rows = rows
        }
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

            public init?(rawName: String) {
                if WalkthroughText.equal(rawName, "info") {
                    self = .info
                } else if WalkthroughText.equal(rawName, "success") {
                    self = .success
                } else if WalkthroughText.equal(rawName, "error") {
                    self = .error
                } else {
                    return nil
                }
            }
        }

        public var kind: Kind
        public var text: String

        public init(kind: Kind, text: String) {
            self.kind = kind
            self.text = text
        }

        /// The same kind and text, compared by bytes.
        public func isSame(as other: Message) -> Bool { kind == other.kind && WalkthroughText.equal(text, other.text) }
    }

    /// A file the last action produced.
    public struct Download: Equatable, Sendable {
        public var filename: String
        public var mediaType: String
        public var content: String

        public init(filename: String, mediaType: String, content: String) {
            self.filename = filename
            self.mediaType = mediaType
            self.content = content
        }
    }

    /// The sections whose controls the page draws in their own places rather than in the screen's body.
    public static let sidebar = "Sidebar"
    /// Controls and notes of the simulation itself (not the product's): drawn in a separate "Simulation" drawer.
    public static let simulation = "Simulation"

    public var title: String
    public var breadcrumbs: [String]
    public var sections: [Section]
    public var controls: [WalkthroughControl]
    public var tables: [Table]
    public var messages: [Message]
    /// A banner above the screen, when one applies.
    public var banner: String?
    /// Visible notes where the simulation makes an undocumented choice.
    public var notes: [String]
    public var download: Download?

    @inline(never)
    public init(title: String, breadcrumbs: [String] = []) {
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
        for control in controls {
            var seen = false
            for label in result where WalkthroughText.equal(label, control.label) { seen = true }
            if !seen { result.append(control.label) }
        }
        return result
    }

    /// The controls of one kind, in screen order.
    public func controls(_ kind: WalkthroughControl.Kind) -> [WalkthroughControl] {
        var result: [WalkthroughControl] = []
        for control in controls where control.kind == kind { result.append(control) }
        return result
    }
}

/// A labelled control on a screen: what a guide's step names in bold.
public struct WalkthroughControl: Equatable, Sendable {
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

        public init?(rawName: String) {
            for kind in [Kind.button, .textField, .toggle, .link, .select]
            where WalkthroughText.equal(kind.rawName, rawName) {
                self = kind
                return
            }
            return nil
        }

        /// The verb of the actions that address this kind of control.
        public var verb: WalkthroughAction.Verb {
            switch self {
            case .button, .link: .click
            case .textField: .fill
            case .toggle: .toggle
            case .select: .select
            }
        }
    }

    /// What the control does in the product's UI, beyond its kind: how the page styles it (one primary action per
    /// screen, danger for what removes) and where a step may say it is (a menu item is in a dropdown menu or a
    /// row's submenu; a menu control opens the menu items that follow it; a toggle is a switch unless it is a
    /// checkbox).
    public enum Role: Equatable, Sendable {
        case secondary, primary, danger, menu, menuItem, checkbox

        public var rawName: String {
            switch self {
            case .secondary: "secondary"
            case .primary: "primary"
            case .danger: "danger"
            case .menu: "menu"
            case .menuItem: "menuItem"
            case .checkbox: "checkbox"
            }
        }

        public init?(rawName: String) {
            for role in [Role.secondary, .primary, .danger, .menu, .menuItem, .checkbox]
            where WalkthroughText.equal(role.rawName, rawName) {
                self = role
                return
            }
            return nil
        }
    }

    public var kind: Kind
    public var label: String
    /// Text of a field, "on"/"off" of a toggle, the chosen option of a select, or a button's detail.
    public var value: String?
    public var enabled: Bool
    /// The table row the control belongs to: the first cell of that row.
    public var row: String?
    public var section: String?
    /// A select's options.
    public var options: [String]
    public var role: Role

    @inline(never)
    public init(
        _ kind: Kind, _ label: String, value: String? = nil, enabled: Bool = true, row: String? = nil,
        section: String? = nil, options: [String] = [], role: Role = .secondary
    ) {
        self.role = role
        self.kind = kind
        self.label = label
        self.value = value
        self.enabled = enabled
        self.row = row
        self.section = section
        self.options = options
    }

    /// A toggle that is on.
    public var isOn: Bool { WalkthroughText.equal(value, "on") }
}
