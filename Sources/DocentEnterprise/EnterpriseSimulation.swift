import DocentSite
import EnterpriseConsole
import WalkthroughContract

/// The simulation Docent ships: the Insomnia Enterprise admin console, natively. The page runs the same console
/// as `ConsoleWasm.wasm`, so a walkthrough checked here behaves the same in the reader's browser.
public struct EnterpriseSimulation: WalkthroughSimulation {
    public init() {}

    public var name: String { "Insomnia" }

    public var startingStates: [String] { ConsoleSession.startingStates }

    public var wasmPath: String { "assets/vendor/ConsoleWasm.wasm" }

    /// The console's screens are styled by assets/css/walkthrough.css.
    public var stylesheets: [String] { ["css/walkthrough.css"] }

    /// Insomnia's guides say `From Insomnia **Enterprise Controls**`, `in the sidebar` and `after submitting it`.
    public var vocabulary: SimulationVocabulary {
        SimulationVocabulary(productNames: ["insomnia"], sections: ["sidebar": "Sidebar"], submitLabels: ["Submit"])
    }

    /// The console's script and styles are carried in the binary (`WalkthroughRuntime`); its WebAssembly build is
    /// found beside the `docent` binary (`make release` puts it there) or at `DOCENT_CONSOLE_WASM`.
    public var runtimeFiles: [SimulationFile] {
        [
            SimulationFile(
                path: "assets/js/walkthrough.js", kind: .script, bytes: Array(WalkthroughRuntime.script.utf8)),
            SimulationFile(
                path: "assets/css/walkthrough.css", kind: .stylesheet, bytes: Array(WalkthroughRuntime.stylesheet.utf8)),
            SimulationFile(path: wasmPath, kind: .module, bytes: ConsoleWasmFile.bytes),
        ]
    }

    public func start(_ state: String) throws(SimulationError) -> any SimulationSession {
        do {
            return EnterpriseSimulationSession(console: try ConsoleSession(startingState: state))
        } catch {
            throw SimulationError(error)
        }
    }
}

struct EnterpriseSimulationSession: SimulationSession {
    var console: ConsoleSession

    var screen: WalkthroughScreen { console.screen.view }

    mutating func perform(_ action: WalkthroughAction) throws(SimulationError) {
        do {
            try console.perform(action)
        } catch {
            throw SimulationError(error)
        }
    }
}

extension SimulationError {
    init(_ error: ConsoleError) {
        let kind: Kind
        switch error.kind {
        case .unknownControl: kind = .unknownControl
        case .ambiguousControl: kind = .ambiguousControl
        case .disabledControl: kind = .disabledControl
        case .unknownStartingState: kind = .unknownState
        case .invalidOption, .invalidAction, .domain: kind = .refused
        }
        self.init(
            kind: kind, message: error.message, screenTitle: error.screenTitle,
            availableLabels: error.availableLabels)
    }
}
