import ArgumentParser
import DocentSite
import Foundation

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Build the site without writing it and report every problem.",
        discussion:
            "Exit code 0 when clean, 1 when errors are found (or warnings, with --warnings-as-errors), 2 for bad usage."
    )

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "Output format: text, json or github (GitHub Actions annotations).")
    var format: DiagnosticFormat = .text

    @Flag(name: .long, help: "Treat warnings as errors.")
    var warningsAsErrors = false

    func run() throws {
        let root = site.sourceURL
        var options = site.buildOptions()
        options.runChecks = true
        let result = SiteBuilder(options: options).build(into: NullOutput())
        printDiagnostics(result.diagnostics, format: format, root: root)
        let errors = result.diagnostics.errorCount
        let warnings = result.diagnostics.warningCount
        if format == .text {
            var counts: [String: Int] = [:]
            for diagnostic in result.diagnostics { counts[diagnostic.id, default: 0] += 1 }
            let perRule = counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            FileHandle.standardError.write(
                Data(
                    "Checked \(result.pages.count) pages: \(errors) error(s), \(warnings) warning(s)\(perRule.isEmpty ? "" : " (\(perRule))").\n"
                        .utf8))
        }
        if errors > 0 || (warningsAsErrors && warnings > 0) { throw SiteProblems() }
    }
}

extension DiagnosticFormat: ExpressibleByArgument {}
