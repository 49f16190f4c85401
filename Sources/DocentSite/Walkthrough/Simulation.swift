/// What a walkthrough talks to: a simulated product that starts in a named state, performs actions addressed by
/// the labels a guide uses, and shows its current screen as JSON. Docent stays product-neutral: the simulation we
/// ship (the Insomnia Enterprise console) is plugged in where the command-line tool is put together, and its
/// WebAssembly build offers the same three operations to the page.
public protocol WalkthroughSimulation: Sendable {
    /// The starting states a guide may name in `walkthrough:`.
    var startingStates: [String] { get }
    /// Where the page loads the simulation's WebAssembly build from, relative to the site root.
    var wasmPath: String { get }
    func start(_ state: String) throws(SimulationError) -> any SimulationSession
}

/// One running simulation.
public protocol SimulationSession: Sendable {
    /// The current screen, as the simulation's JSON (title, breadcrumbs, sections, tables, controls…).
    var screenJSON: String { get }
    /// Performs an action given as JSON (`{"click":"Upgrade"}`, `{"fill":"Name","value":"Cargo"}`…).
    mutating func perform(_ actionJSON: String) throws(SimulationError)
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
