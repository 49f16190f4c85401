import ArgumentParser
import Foundation
import Testing

@testable import DocentCommands

/// `docent --help` and each command's help, as a newcomer reads them, against golden text (80 columns). A change
/// to the command line shows up here as a diff; `DOCENT_UPDATE_GOLDEN=1 swift test --filter HelpTextTests`
/// rewrites the files after a deliberate change.
@Suite struct HelpTextTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static let commands: [(name: String, type: any ParsableCommand.Type)] = [
        ("docent", DocentCommand.self), ("build", BuildCommand.self), ("serve", ServeCommand.self),
        ("check", CheckCommand.self), ("init", InitCommand.self), ("screenshots", ScreenshotsCommand.self),
        ("explain", ExplainCommand.self),
    ]

    @Test(arguments: commands.map(\.name))
    func helpTextMatchesItsGoldenFile(_ name: String) throws {
        let type = try #require(Self.commands.first { $0.name == name }?.type)
        let text = DocentCommand.helpMessage(for: type, columns: 80) + "\n"
        let file = Self.golden.appendingPathComponent("\(name).txt")
        if ProcessInfo.processInfo.environment["DOCENT_UPDATE_GOLDEN"] == "1" {
            try Data(text.utf8).write(to: file)
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(text == expected)
    }

    @Test func explainKnowsEveryIDAndRefusesAnUnknownOneWithUsageExitCode() throws {
        #expect(DocentCommand.runMain(["explain", "link.broken"]) == 0)
        #expect(DocentCommand.runMain(["explain", "link.brokn"]) == 2)
    }
}
