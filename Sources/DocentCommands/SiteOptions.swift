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

func printDiagnostics(_ diagnostics: [Diagnostic], format: DiagnosticFormat, root: URL) {
    guard !diagnostics.isEmpty || format == .json else { return }
    let formatter = DiagnosticFormatter(
        format: format, useColor: format == .text && isatty(STDERR_FILENO) != 0,
        sourceLine: SourceLines(root: root).line)
    let text = formatter.format(diagnostics.sortedForDisplay)
    if format == .text {
        FileHandle.standardError.write(Data(text.utf8))
    } else {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
