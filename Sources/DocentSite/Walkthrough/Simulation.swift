import WalkthroughContract

/// What a walkthrough talks to: a simulated product that starts in a named state, performs actions addressed by
/// the labels a guide uses, and shows its current screen as JSON (the walkthrough contract's `WalkthroughScreen`).
/// Docent stays product-neutral: the simulation is plugged in where the command-line tool is put together, and
/// brings its name, its starting states, its WebAssembly build, its stylesheets and the words of its guides that
/// Docent cannot know; its WebAssembly build offers the same operations to the page.
public protocol WalkthroughSimulation: Sendable {
    /// The product the simulation stands for, as readers know it.
    var name: String { get }
    /// The starting states a guide may name in `walkthrough:`.
    var startingStates: [String] { get }
    /// Where the page loads the simulation's WebAssembly build from, relative to the site root.
    var wasmPath: String { get }
    /// The stylesheets its screens are drawn with, relative to the site's static folder (`css/console.css`):
    /// the screenshots of its screens use them, after the site's own `css/docent.css`.
    var stylesheets: [String] { get }
    /// Words of its guides that name parts of its screens.
    var vocabulary: SimulationVocabulary { get }
    /// The files the reader's browser needs for the live console (its script, styles and WebAssembly), which the
    /// build writes into any site whose pages have a walkthrough unless the site has its own file at that path.
    var runtimeFiles: [SimulationFile] { get }
    func start(_ state: String) throws(SimulationError) -> any SimulationSession
}

extension WalkthroughSimulation {
    public var name: String { "the product" }
    public var stylesheets: [String] { [] }
    public var vocabulary: SimulationVocabulary { SimulationVocabulary() }
    public var runtimeFiles: [SimulationFile] { [] }
}

/// A file of a simulation's browser runtime.
public struct SimulationFile: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Loaded by `<script defer>` from the page's head.
        case script
        /// Loaded by `<link rel="stylesheet">` from the page's head.
        case stylesheet
        /// Fetched by the script (the WebAssembly module at `wasmPath`).
        case module
    }

    /// Where it is written in the output ("assets/js/walkthrough.js").
    public var path: String
    public var kind: Kind
    /// nil when the simulation could not find it (a module not built next to the binary).
    public var bytes: [UInt8]?

    public init(path: String, kind: Kind, bytes: [UInt8]?) {
        self.path = path
        self.kind = kind
        self.bytes = bytes
    }
}

/// The words a simulation's guides use for its screens, which the step reader cannot know by itself.
public struct SimulationVocabulary: Sendable, Equatable {
    /// The product's own names, skipped like `the` and `your` before a label (`From Acme **Settings**, …`).
    public var productNames: [String]
    /// A word in a step → the screen section it names (`in the sidebar` → the `Sidebar` section).
    public var sections: [String: String]
    /// The labels of the button that submits a form, for `after submitting it`.
    public var submitLabels: [String]

    public init(productNames: [String] = [], sections: [String: String] = [:], submitLabels: [String] = []) {
        self.productNames = productNames
        self.sections = sections
        self.submitLabels = submitLabels
    }
}

/// One running simulation, spoken to in the walkthrough contract's types (its WebAssembly build speaks their JSON).
public protocol SimulationSession: Sendable {
    /// The current screen (title, breadcrumbs, sections, tables, controls…).
    var screen: WalkthroughScreen { get }
    /// Performs an action (`.click(label: "Save")`, `.fill(label: "Name", value: "Cargo")`…).
    mutating func perform(_ action: WalkthroughAction) throws(SimulationError)
}

/// A refusal from the simulation: no such control, a disabled one, or a rule of the product.
public struct SimulationError: Error, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// The screen has no control with that label (the guide and the product disagree).
        case unknownControl
        /// More than one control answers to the label.
        case ambiguousControl
        case disabledControl
        /// The product refused the action (a wrong code, a missing permission…).
        case refused
        case unknownState
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
}
