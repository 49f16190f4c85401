import ArgumentParser
import DocentSite
import Foundation

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build", abstract: "Build the site into a folder (default _site/).",
        discussion:
            "The new site is written beside the old one and put in place at the end (with the cache, only the files that changed, when the old site is as the last build left it): a failed build leaves the last good site untouched."
    )

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: ArgumentHelp("The output folder.", valueName: "dir"))
    var output: String?

    @Flag(name: .long, help: "Print only problems.")
    var quiet = false

    // On by default, as the issue asks: a first build that fills the cache costs about a third more CPU than a
    // build without it (it hashes every page file and records what each page depended on), and every later build
    // keeps the unchanged pages' files from the previous site instead of rendering them. `--no-cache` for a
    // one-off build on a machine that keeps nothing (a CI runner that does not restore `.docent-cache/` and the
    // output folder).
    @Flag(
        name: .long, inversion: .prefixedNo,
        help:
            "Reuse the pages of the previous build whose inputs are unchanged, recorded in .docent-cache/ (on by default; --no-cache builds from scratch and leaves the cache alone)."
    )
    var cache = true

    func run() throws {
        let root = site.sourceURL
        let outputURL = output.map { URL(fileURLWithPath: $0) } ?? site.defaultOutputURL
        let buildCache = cache ? BuildCache(root: root) : nil
        let sink: DirectoryOutput
        do {
            sink = try DirectoryOutput(destination: outputURL, manifest: buildCache?.siteManifestFile)
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw SiteProblems()
        }
        var options = site.buildOptions()
        options.cache = buildCache
        options.keepsUntilExit = { ProcessExit.keep($0) }
        let bar = ProgressBar(enabled: !quiet && isatty(STDERR_FILENO) != 0)
        options.progress = { stage, done, total in bar.update(stage: stage, done: done, total: total) }
        let outputRelative = Self.relativePath(of: outputURL, to: root)
        let result = SiteBuilder(options: options).build(into: sink, outputPath: outputRelative)
        ProcessExit.keep(result)
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
