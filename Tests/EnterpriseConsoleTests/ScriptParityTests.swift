import EnterpriseConsole
import Foundation
import Testing
import WalkthroughContract

/// The native half of the wasm parity check: each script in Tests/wasm/scripts, run natively, must equal the
/// transcript in Tests/wasm/expected byte for byte; Tests/wasm/parity.mjs holds the wasm build to the same files.
/// Set UPDATE_WASM_TRANSCRIPTS=1 to rewrite the transcripts after an intended change.
@Suite struct ScriptParityTests {
    static let wasmTests = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("wasm")

    static var scripts: [String] {
        let names =
            (try? FileManager.default.contentsOfDirectory(atPath: wasmTests.appendingPathComponent("scripts").path))
            ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted()
    }

    @Test(arguments: scripts)
    func nativeTranscriptMatchesTheCheckedInTranscript(_ name: String) throws {
        let script = try String(contentsOf: Self.wasmTests.appendingPathComponent("scripts/\(name)"), encoding: .utf8)
        let transcript = ConsoleScript.run(script)
        let expectedURL = Self.wasmTests.appendingPathComponent("expected/\(name)")
        if ProcessInfo.processInfo.environment["UPDATE_WASM_TRANSCRIPTS"] == "1"
            || !FileManager.default.fileExists(atPath: expectedURL.path)
        {
            try transcript.write(to: expectedURL, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        #expect(transcript == expected)
        // The transcript is valid JSON, and running twice gives the same bytes.
        #expect(try JSONSerialization.jsonObject(with: Data(transcript.utf8)) is [String: Any])
        #expect(ConsoleScript.run(script) == transcript)
    }

    @Test func thereAreScriptsToCompare() {
        #expect(Self.scripts.count >= 4)
    }
}
