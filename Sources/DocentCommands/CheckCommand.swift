import ArgumentParser
import DocentSite
import Foundation

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Build the site without writing it and report every problem.",
        discussion: """
            Checks internal links and anchors (in pages, front matter and FAQ answers), images and their alt text, \
            include parameters, callout classes, duplicate heading ids and output paths, Liquid errors, every walkthrough's steps against the \
            simulation and, when the config declares a `schema:`, front matter. With --external, also external links (concurrently, with \
            a timeout, successes cached for a day).

            Exit code 0 when clean, 1 when errors are found (or warnings, with --warnings-as-errors), 2 for bad usage.
            """
    )

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "Output format: text, json or github (GitHub Actions annotations).")
    var format: DiagnosticFormat = .text

    @Flag(name: .long, help: "Treat warnings as errors.")
    var warningsAsErrors = false

    @Flag(name: .long, help: "Print what every walkthrough step did, and which steps are narrative.")
    var verbose = false

    @Flag(name: .long, help: "Also check external links (http and https).")
    var external = false

    @Option(name: .long, help: ArgumentHelp("Seconds to wait for one external link.", valueName: "seconds"))
    var timeout: Double = 10

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Cache of external links that answered (default: ~/.cache/docent/external-links.json).", valueName: "file"))
    var externalCache: String?

    @Flag(name: .long, help: "Neither use nor update the cache of the last check (.docent-cache/).")
    var noCache = false

    func validate() throws {
        guard timeout > 0 else { throw ValidationError("--timeout must be a positive number of seconds") }
    }

    func run() throws {
        let root = site.sourceURL
        var options = site.buildOptions()
        options.runChecks = true
        // An unchanged site answers from the cache: the same diagnostics without a build. Not with --verbose
        // (it prints the walkthroughs' runs) or --external (links change by themselves).
        let started = Date()
        let cache = noCache || verbose || external ? nil : CheckCache(root: root)
        let fingerprint = cache.map { _ in CheckCache.fingerprint(options: options) }
        if let cache, let fingerprint {
            let (entry, warning) = cache.load(fingerprint: fingerprint)
            if let entry {
                let report = Self.report(
                    entry.diagnostics, pageCount: entry.pageCount, warningsAsErrors: warningsAsErrors,
                    seconds: Date().timeIntervalSince(started))
                printDiagnostics(report.diagnostics, format: format, root: root)
                FileHandle.standardError.write(
                    Data((report.summary + " Nothing changed since the last check (\(CheckCache.folderName)).\n").utf8))
                if report.failed { throw SiteProblems() }
                return
            }
            if let warning { printDiagnostics([warning], format: format, root: root) }
        }
        options.keepsUntilExit = { ProcessExit.keep($0) }
        let result = SiteBuilder(options: options).build(into: NullOutput())
        ProcessExit.keep(result)
        if let cache, let fingerprint {
            cache.store(
                CheckCache.Entry(
                    fingerprint: fingerprint, pageCount: result.pages.count,
                    diagnostics: result.diagnostics))
        }
        var diagnostics = result.diagnostics
        if verbose {
            for page in result.pages {
                guard let run = page.walkthrough else { continue }
                FileHandle.standardError.write(Data(WalkthroughReport.text(run, file: page.page.sitePath).utf8))
            }
        }
        if external {
            let cache = externalCache.map { URL(fileURLWithPath: $0) } ?? ExternalLinkCheck.defaultCacheFile
            diagnostics += ExternalLinkCheck(root: root, timeout: timeout, cacheFile: cache).run(pages: result.pages)
        }
        let report = Self.report(
            diagnostics, pageCount: result.pages.count, warningsAsErrors: warningsAsErrors, seconds: result.seconds)
        printDiagnostics(report.diagnostics, format: format, root: root)
        FileHandle.standardError.write(Data((report.summary + "\n").utf8))
        if report.failed { throw SiteProblems() }
    }

    /// What `check` prints and decides, apart from the diagnostics themselves: warnings promoted to errors when
    /// asked, a summary line with counts per rule, and whether the run fails.
    static func report(_ diagnostics: [Diagnostic], pageCount: Int, warningsAsErrors: Bool, seconds: Double? = nil)
        -> (diagnostics: [Diagnostic], summary: String, failed: Bool)
    {
        let diagnostics = SeverityPolicy(warningsAsErrors: warningsAsErrors).apply(diagnostics)
        var counts: [String: Int] = [:]
        for diagnostic in diagnostics { counts[diagnostic.id, default: 0] += 1 }
        let perRule = counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        let time = seconds.map { String(format: " in %.2f s", $0) } ?? ""
        let summary =
            "Checked \(pageCount) pages\(time): \(diagnostics.errorCount) error(s), \(diagnostics.warningCount) warning(s)"
            + (perRule.isEmpty ? "." : " (\(perRule)).")
        return (diagnostics, summary, diagnostics.errorCount > 0)
    }
}

extension DiagnosticFormat: ExpressibleByArgument {}
