import EnterpriseDomain
import WalkthroughContract

/// The walkthrough contract's types, under the console's names.
public typealias Control = WalkthroughControl
public typealias Section = WalkthroughScreen.Section
public typealias Table = WalkthroughScreen.Table
public typealias Message = WalkthroughScreen.Message
public typealias Download = WalkthroughScreen.Download
typealias ActionVerb = WalkthroughAction.Verb

/// One screen of the simulated admin console: the contract's screen value (`view`, what a reader sees and what
/// the page draws) plus what each control does (`intents`, one per control, kept out of the view).
public struct Screen: Equatable, Sendable {
    public var view: WalkthroughScreen
    var intents: [Intent]

    @inline(never)
    public init(title: String, breadcrumbs: [String]) {
        view = WalkthroughScreen(title: title, breadcrumbs: breadcrumbs)
        intents = []
    }

    public var title: String { view.title }
    public var breadcrumbs: [String] { view.breadcrumbs }
    public var controls: [Control] { view.controls }
    public var tables: [Table] { view.tables }
    public var sections: [Section] {
        get { view.sections }
        set { view.sections = newValue }
    }
    public var messages: [Message] {
        get { view.messages }
        set { view.messages = newValue }
    }
    /// POL-6: the storage restriction banner, when one applies.
    public var banner: String? {
        get { view.banner }
        set { view.banner = newValue }
    }
    /// Visible notes where the simulation makes an undocumented choice (rules tagged I).
    public var notes: [String] {
        get { view.notes }
        set { view.notes = newValue }
    }
    /// A file the last action produced (the Last Active CSV).
    public var download: Download? {
        get { view.download }
        set { view.download = newValue }
    }

    /// Every control label, in screen order, without repeats.
    public var labels: [String] { view.labels }

    public func control(_ label: String, row: String? = nil) -> Control? {
        let key = Text.normalized(label)
        return controls.firstWhere {
            Text.equal(Text.normalized($0.label), key) && (row == nil || Text.equal($0.row, row))
        }
    }

    public func table(_ title: String) -> Table? { tables.firstWhere { Text.equal($0.title, title) } }

    /// Adds a control and what it does.
    @inline(never)
    mutating func add(_ control: Control, _ intent: Intent) {
        view.controls.append(control)
        intents.append(intent)
    }

    /// The controls with what each does, in screen order.
    var actionable: [(control: Control, intent: Intent)] {
        var result: [(control: Control, intent: Intent)] = []
        for index in view.controls.indices { result.append((view.controls[index], intents[index])) }
        return result
    }
}

extension Control {
    /// The address that must be unique on a screen: verb, label, row and section.
    public var address: String {
        "\(kind.verb.rawName)|\(Text.normalized(label))|\(row ?? "")|\(section ?? "")"
    }
}
