import ArgumentParser
import DocentEnterprise
import DocentSite
import Foundation

/// Options every command that reads a site shares.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The site folder.", valueName: "dir"))
    var source: String = "."

    @Option(
        name: .long, help: ArgumentHelp("The config file (default: docent.yml, else _config.yml).", valueName: "file"))
    var config: String?

    @Flag(name: .long, help: "Include pages marked `draft: true`.")
    var drafts = false

    var sourceURL: URL { URL(fileURLWithPath: source) }

    func validate() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("--source \(source) is not a folder")
        }
    }

    /// The build options, with the simulation walkthroughs run against (the Insomnia Enterprise console).
    func buildOptions() -> BuildOptions {
        var options = BuildOptions(source: sourceURL, configFile: config, includeDrafts: drafts)
        options.simulation = EnterpriseSimulation()
        return options
    }
}

/// Reads source lines for the snippet under a diagnostic.
func sourceLineReader(root: URL) -> @Sendable (SourceLocation) -> String? {
    { location in
        guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(location.file).path) else {
            return nil
        }
        let text = String(decoding: data, as: UTF8.self)
        var lineNumber = 1
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if lineNumber == location.line { return String(line.hasSuffix("\r") ? line.dropLast() : line) }
            lineNumber += 1
        }
        return nil
    }
}

func printDiagnostics(_ diagnostics: [Diagnostic], format: DiagnosticFormat, root: URL) {
    guard !diagnostics.isEmpty || format == .json else { return }
    let formatter = DiagnosticFormatter(
        format: format, useColor: format == .text && isatty(STDERR_FILENO) != 0,
        sourceLine: sourceLineReader(root: root))
    let text = formatter.format(diagnostics.sortedForDisplay)
    if format == .text {
        FileHandle.standardError.write(Data(text.utf8))
    } else {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
