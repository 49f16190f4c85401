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

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Serve the site under this path (overrides the config's `baseurl`; e.g. a GitHub Pages project site).",
            valueName: "path"))
    var baseurl: String?

    /// The site folder: `--source`, or the folder a `--config` file names with `source:` (Jekyll's way of
    /// building a site from a config kept elsewhere).
    var sourceURL: URL {
        let given = URL(fileURLWithPath: source)
        return config.flatMap { SiteConfig.folder("source", root: given, explicitFile: $0) } ?? given
    }

    /// `--config` with each file as an absolute path (so it still names the same files when `source:` moved the
    /// site root).
    var configFiles: String? {
        let given = URL(fileURLWithPath: source)
        return config.map { list in
            list.split(separator: ",").map { name in
                name.hasPrefix("/") ? String(name) : given.appendingPathComponent(String(name)).standardizedFileURL.path
            }.joined(separator: ",")
        }
    }

    /// Where `build` writes when no `--output` is given: the `destination:` of a `--config` file, else `_site/`
    /// in the site folder.
    var defaultOutputURL: URL {
        config.flatMap { SiteConfig.folder("destination", root: URL(fileURLWithPath: source), explicitFile: $0) }
            ?? sourceURL.appendingPathComponent("_site")
    }

    func validate() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("--source \(source) is not a folder")
        }
    }

    /// The build options, with the simulation walkthroughs run against (the Insomnia Enterprise console); the
    /// walkthroughs' and the tabs' browser runtimes are written into the site.
    func buildOptions() -> BuildOptions {
        var options = BuildOptions(source: sourceURL, configFile: configFiles, includeDrafts: drafts)
        options.baseURL = baseurl
        options.simulation = EnterpriseSimulation()
        options.writesSimulationRuntime = true
        options.writesTabsRuntime = true
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
