import DocentTestSupport
import Foundation
import Testing

/// The README's five-minute walkthrough tutorial, run as a newcomer would: every shell command of its section, in
/// order, in a fresh folder, with the built `docent` on the PATH; `docent serve` is started, its walkthrough page
/// fetched with the console's files, and stopped; a command followed by a `text` block must print those lines.
@Suite struct ReadmeTutorialTests {
    struct Block {
        var language: String
        var lines: [String]
    }

    /// The fenced blocks between the tutorial's markers, in order.
    static func tutorialBlocks(_ readme: String) -> [Block] {
        guard let start = readme.range(of: "<!-- tutorial:"), let end = readme.range(of: "<!-- /tutorial -->")
        else { return [] }
        var blocks: [Block] = []
        var current: Block?
        for line in readme[start.upperBound..<end.lowerBound].split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("```") {
                if let block = current {
                    blocks.append(block)
                    current = nil
                } else {
                    current = Block(language: String(trimmed.dropFirst(3)), lines: [])
                }
            } else if current != nil {
                // Blocks are indented under their list item: keep the text's own indentation after that.
                current?.lines.append(String(line.dropFirst(min(3, line.prefix { $0 == " " }.count))))
            }
        }
        return blocks
    }

    @Test(.enabled(if: ServeProcess.executable != nil))
    func everyCommandOfTheTutorialDoesWhatTheREADMESays() async throws {
        let readme = try String(
            contentsOf: TemporarySite.repository.appendingPathComponent("README.md"), encoding: .utf8)
        let blocks = Self.tutorialBlocks(readme)
        #expect(blocks.filter { $0.language == "sh" }.count >= 3, "the tutorial's commands were not found")
        let folder = try TemporarySite([:])
        defer { folder.remove() }
        let binary = try #require(ServeProcess.executable)
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = binary.deletingLastPathComponent().path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        environment["DOCENT_CONSOLE_WASM"] =
            TemporarySite.repository.appendingPathComponent("assets/vendor/ConsoleWasm.wasm").path
        var ran = 0
        for (index, block) in blocks.enumerated() where block.language == "sh" {
            let expected = index + 1 < blocks.count && blocks[index + 1].language == "text" ? blocks[index + 1] : nil
            for (number, command) in block.lines.enumerated() where !command.isEmpty {
                ran += 1
                if command.hasPrefix("docent serve") {
                    try await serveAndOpenTheWalkthrough(command, in: folder.root, environment: environment)
                    continue
                }
                let (status, output) = try Self.shell(command, in: folder.root, environment: environment)
                let last = number == block.lines.lastIndex { !$0.isEmpty }
                if let expected, last {
                    for line in expected.lines where !line.isEmpty {
                        #expect(output.contains(line), "`\(command)` did not print:\n\(line)\nit printed:\n\(output)")
                    }
                } else {
                    #expect(status == 0, "`\(command)` failed (\(status)):\n\(output)")
                }
            }
        }
        #expect(ran >= 6)
    }

    /// Runs one command line with bash; its exit status and what it printed (stdout and stderr).
    static func shell(_ command: String, in folder: URL, environment: [String: String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", command]
        process.currentDirectoryURL = folder
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// `docent serve …` as written, on a free port and without opening a browser: the walkthrough page is served
    /// with its console (script and wasm), then Ctrl-C stops it.
    func serveAndOpenTheWalkthrough(_ command: String, in folder: URL, environment: [String: String]) async throws {
        let arguments = command.split(separator: " ").dropFirst().map(String.init).filter { $0 != "--open" }
        let started = try await ServeProcess.start(arguments, in: folder, environment: environment)
        let (server, bound) = try #require(started, "docent serve printed no URL")
        defer { server.stop() }
        let page = await RawHTTP.get(port: bound, target: "/first-walkthrough/")
        #expect(page?.status == 200)
        #expect(page?.body.contains("docent-walkthrough") == true, "the walkthrough page has no console")
        #expect(await RawHTTP.get(port: bound, target: "/assets/vendor/ConsoleWasm.wasm")?.status == 200)
        #expect(await RawHTTP.get(port: bound, target: "/assets/js/walkthrough.js")?.status == 200)
        try await server.interrupt()
    }
}
