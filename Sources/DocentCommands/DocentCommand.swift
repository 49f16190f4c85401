import ArgumentParser
import Foundation

/// `docent`: build, check and start documentation sites.
public struct DocentCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "docent",
        abstract: "A static documentation and walkthrough site generator.",
        discussion: """
            Docent builds Markdown guides with YAML front matter (Jekyll style) into a static HTML site through \
            Liquid templates, and checks them in docs CI.

            Exit codes: 0 clean, 1 errors found, 2 bad usage.
            """,
        version: "0.1.0",
        subcommands: [
            BuildCommand.self, CheckCommand.self, InitCommand.self, ServeCommand.self, ScreenshotsCommand.self,
            ExplainCommand.self,
        ]
    )

    public init() {}

    /// Runs the command line, mapping failures to Docent's exit codes: 1 for problems in the site, 2 for usage.
    public static func runMain(_ arguments: [String]? = nil) -> Int32 {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            return 0
        } catch let failure as SiteProblems {
            return failure.exitCode
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { print(message) }
                return 0
            }
            if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
            return 2
        }
    }
}

/// Thrown by a command whose site has errors (exit code 1); the diagnostics were already printed.
struct SiteProblems: Error {
    var exitCode: Int32 = 1
}
