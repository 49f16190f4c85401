import DocentEnterprise
import DocentSite
import DocentTestSupport
import Foundation
import Testing

/// A walkthrough page whose console cannot load is a problem `check` fails on: a starting state the simulation
/// lacks, or a console file that is neither in the site nor carried by docent. `build` only warns (readers get the
/// static screens).
@Suite struct WalkthroughCannotLoadTests {
    /// The real simulation, but its WebAssembly not found (a docent built without `make wasm`).
    struct SimulationWithoutWasm: WalkthroughSimulation {
        let base = EnterpriseSimulation()
        var startingStates: [String] { base.startingStates }
        var wasmPath: String { base.wasmPath }
        var vocabulary: SimulationVocabulary { base.vocabulary }
        var runtimeFiles: [SimulationFile] {
            base.runtimeFiles.map {
                SimulationFile(path: $0.path, kind: $0.kind, bytes: $0.kind == .module ? nil : $0.bytes)
            }
        }
        func start(_ state: String) throws(SimulationError) -> any SimulationSession { try base.start(state) }
    }

    func problems(state: String, checks: Bool) throws -> [String] {
        let fixture = try GuideFixture([
            "content/guide.md": "---\ntitle: G\nwalkthrough: \(state)\n---\n1. Click **Upgrade**.\n"
        ])
        defer { fixture.remove() }
        var options = BuildOptions(source: fixture.root)
        options.simulation = SimulationWithoutWasm()
        options.writesSimulationRuntime = true
        options.runChecks = checks
        let result = SiteBuilder(options: options).build(into: MemoryOutput())
        return result.diagnostics.filter { $0.id.hasPrefix("walkthrough.") }.map { "\($0.severity) \($0.id)" }
    }

    @Test func checkFailsWhenTheConsoleFilesAreMissing() throws {
        #expect(try problems(state: "enterprise-onboarding", checks: true) == ["error walkthrough.runtime-missing"])
        #expect(try problems(state: "enterprise-onboarding", checks: false) == ["warning walkthrough.runtime-missing"])
    }

    @Test func checkFailsWhenTheStartingStateIsMissing() throws {
        #expect(try problems(state: "no-such-state", checks: true).contains("error walkthrough.unknown-state"))
    }
}
