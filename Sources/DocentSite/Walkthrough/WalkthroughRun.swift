import WalkthroughContract

/// One step of a walkthrough as the runner executed it.
public struct WalkthroughStep: Sendable {
    public enum Kind: Sendable, Equatable {
        case action(WalkthroughAction)
        /// The screen must be the one named, or list a value.
        case expectation(screen: String?, listed: String?)
        /// Prose with nothing to do or check; `note` says why.
        case narrative
    }

    public var id: String
    public var text: String
    public var kind: Kind
    /// Screens the step goes through before its action (`From **Settings**, click **Domains**`).
    public var before: [WalkthroughAction] = []
    /// The label of the field whose value names the row (`Manage Organization` next to what was typed in
    /// `Name`), so the page can follow a reader who typed their own name.
    public var rowInput: String?
    /// Likewise for an expectation's listed value.
    public var listedInput: String?
    public var location: SourceLocation
    /// What the reader sees at this step: the screen a click happens on, the screen after a field is filled.
    public var screen: WalkthroughScreen?
    /// The title of the screen the step starts from (before its `before` screens), for "This step happens on …".
    public var startScreen: String?
    public var images: [String]
    /// The image files, relative to the site root, in the order of `images` (set when the page renders).
    public var imageFiles: [String] = []
    /// Why a step does nothing (verbose reports).
    public var note: String?
    /// The branch the step belongs to when it is off the main path.
    public var branch: String?
    var path: [Int]
}

/// The steps of one task, from the starting state.
public struct WalkthroughProcedure: Sendable {
    public var title: String
    public var steps: [WalkthroughStep]
    /// True when every step ran (a failed step stops the procedure).
    public var completed: Bool
}

/// A guide's walkthrough after running it: its procedures, the alternatives run on their own, and what failed.
public struct WalkthroughRun: Sendable {
    public var spec: WalkthroughSpec
    public var wasmPath: String
    /// The simulation's stylesheets, relative to the site's static folder (for the screenshots).
    public var stylesheets: [String] = []
    public var procedures: [WalkthroughProcedure]
    /// Steps of the branches off the main path, each branch run from where it starts.
    public var branchSteps: [WalkthroughStep]
    public var diagnostics: [Diagnostic]
    /// The documented path precomputed for the page (`WalkthroughPath`): the console draws and follows it before
    /// its WebAssembly build has arrived.
    public var pathJSON: String?

    public var allSteps: [WalkthroughStep] { procedures.flatMap(\.steps) + branchSteps }
}

extension WalkthroughRun {
    /// Sets every step's image files from its image sources.
    mutating func resolveImages(_ file: (String) -> String) {
        for procedure in procedures.indices {
            for step in procedures[procedure].steps.indices {
                procedures[procedure].steps[step].imageFiles = procedures[procedure].steps[step].images.map(file)
            }
        }
        for step in branchSteps.indices { branchSteps[step].imageFiles = branchSteps[step].images.map(file) }
    }
}
