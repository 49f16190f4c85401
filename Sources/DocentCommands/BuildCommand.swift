import ArgumentParser
import DocentSite
import Foundation

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build", abstract: "Build the site into a folder (default _site/).",
        discussion:
            "The new site is written beside the old one and swapped in at the end: a failed build leaves the last good site untouched."
    )

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: ArgumentHelp("The output folder.", valueName: "dir"))
    var output: String?

    @Flag(name: .long, help: "Print only problems.")
    var quiet = false

    // Off by default: a first build that fills the cache costs 2-3 times a build without it (one file per page
    // with its HTML), so a fresh CI machine would pay that on every run; the warm rebuild after a one-page edit
    // costs about half a clean build.
    @Flag(
        name: .long, inversion: .prefixedNo,
        help: "Reuse the pages of earlier builds whose inputs are unchanged, kept in .docent-cache/ (off by default).")
    var cache = false

    func run() throws {
        let root = site.sourceURL
        let outputURL = output.map { URL(fileURLWithPath: $0) } ?? site.defaultOutputURL
        let sink: DirectoryOutput
        do {
            sink = try DirectoryOutput(destination: outputURL)
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw SiteProblems()
        }
        var options = site.buildOptions()
        if cache { options.cache = BuildCache(root: root) }
        let bar = ProgressBar(enabled: !quiet && isatty(STDERR_FILENO) != 0)
        options.progress = { stage, done, total in bar.update(stage: stage, done: done, total: total) }
        let outputRelative = Self.relativePath(of: outputURL, to: root)
        let result = SiteBuilder(options: options).build(into: sink, outputPath: outputRelative)
        bar.finish()
        printDiagnostics(result.diagnostics, format: .text, root: root)
        guard result.succeeded else {
            sink.discard()
            FileHandle.standardError.write(
                Data(
                    "Build failed: \(result.diagnostics.errorCount) error(s), \(result.diagnostics.warningCount) warning(s); \(outputURL.path) was left as it was.\n"
                        .utf8))
            throw SiteProblems()
        }
        do {
            try sink.commit(deletePreviousInBackground: true)
        } catch {
            sink.discard()
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw SiteProblems()
        }
        if !quiet {
            print(
                "Built \(result.pages.count) pages and \(result.staticFileCount) assets in \(String(format: "%.2f", result.seconds)) s → \(output ?? (outputRelative ?? outputURL.path))"
                    + (result.diagnostics.isEmpty ? "" : " (\(result.diagnostics.warningCount) warnings)")
                    + (result.cache.map { " (\($0.rendered) rendered, \($0.reused) unchanged from .docent-cache)" }
                        ?? ""))
        }
    }

    static func relativePath(of url: URL, to root: URL) -> String? {
        let path = url.standardizedFileURL.path
        let base = root.standardizedFileURL.path
        guard path.hasPrefix(base + "/") else { return nil }
        return String(path.dropFirst(base.count + 1))
    }
}
