import EnterpriseConsole
import Foundation
import Testing
import WalkthroughContract

/// The walkthrough rule's answers about real console screens, natively. Tests/wasm/parity.mjs asks the same
/// questions through the wasm's `walkthrough_judge` and must get the answers written in
/// Tests/wasm/expected/judgments.json, so the page and `docent check` judge a step alike.
@Suite struct JudgmentParityTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("wasm")

    @Test func nativeAnswersMatchTheCheckedInAnswers() throws {
        let questions = try String(contentsOf: Self.folder.appendingPathComponent("judgments.json"), encoding: .utf8)
        let answers = try Self.answers(questions)
        let expectedURL = Self.folder.appendingPathComponent("expected/judgments.json")
        if ProcessInfo.processInfo.environment["DOCENT_UPDATE_PARITY"] == "1" {
            try answers.write(to: expectedURL, atomically: true, encoding: .utf8)
        }
        #expect(answers == (try String(contentsOf: expectedURL, encoding: .utf8)))
    }

    @Test func theAnswersSayYesAndNo() throws {
        let answers = try String(
            contentsOf: Self.folder.appendingPathComponent("expected/judgments.json"), encoding: .utf8)
        #expect(answers.contains(#"{"answer":true"#))
        #expect(answers.contains(#"{"answer":false"#))
    }

    /// One answer per line, in the order of the questions.
    static func answers(_ questions: String) throws -> String {
        guard case .array(let items) = try JSON.parse(questions) else { return "" }
        var lines: [String] = []
        for item in items {
            var session = try ConsoleSession(startingState: item["startingState"]?.stringValue ?? "")
            for action in item["actions"]?.arrayValue ?? [] {
                if let action = ConsoleAction(json: action) { try? session.perform(action) }
            }
            lines.append(WalkthroughRule.judge(item["question"] ?? .null, on: session.screen.view).text)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
