import ArgumentParser
import DocentPreview
import DocentSite
import Foundation

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Build the site in memory and serve it with live reload.",
        discussion: """
            Watches content, templates, assets, data and config; rebuilds only the pages an edit affects and \
            reloads open pages. Every problem `docent check` reports (external links aside) shows in an overlay \
            on the pages and in the terminal; while the build itself fails, the last good version stays served. \
            Binds 127.0.0.1 unless --host says otherwise. Ctrl-C stops.
            """)

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "The port to listen on.")
    var port: Int = 4000

    @Option(name: .long, help: "The address to listen on (127.0.0.1 keeps the preview on this machine).")
    var host: String = "127.0.0.1"

    @Flag(name: .long, help: "Open the site in the default browser.")
    var open = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard !host.isEmpty else { throw ValidationError("--host must not be empty") }
    }

    func run() throws {
        let root = site.sourceURL
        let preview = PreviewSite(options: site.buildOptions()) { report in
            Self.log(report, root: root)
        }
        let first = preview.buildAll()
        FileHandle.standardError.write(
            Data(
                "Built \(first.update.renderedPages) pages in \(String(format: "%.2f", first.update.seconds)) s\(first.update.succeeded ? "" : " (with errors: the pages show them)")\n"
                    .utf8))
        do {
            try preview.startWatching()
        } catch {
            FileHandle.standardError.write(Data("warning: not watching files: \(error)\n".utf8))
        }
        if AllowedHosts.isWildcard(host) {
            FileHandle.standardError.write(
                Data(
                    "warning: --host \(host) serves the preview on every network interface: anyone who can reach this machine can read it, and any Host name is answered\n"
                        .utf8))
        }
        let host = host
        let port = port
        let open = open
        let failure = LockedBox<Error?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                try await PreviewServer.run(site: preview, host: host, port: port) { bound in
                    let shownHost = host.contains(":") ? "[\(host)]" : host
                    let url = "http://\(shownHost):\(bound)\(preview.store.siteBaseURL)/"
                    FileHandle.standardOutput.write(Data("Serving \(root.path) at \(url) (Ctrl-C to stop)\n".utf8))
                    if open { Self.openBrowser(url) }
                }
            } catch {
                failure.value = error
            }
            done.signal()
        }
        done.wait()
        preview.stop()
        if let error = failure.value {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw SiteProblems(exitCode: 1)
        }
        print("Stopped.")
    }

    /// One line per rebuild; the errors again whenever they changed (all of them: what `docent check` would say),
    /// and a line when the last one is gone.
    private static func log(_ report: PreviewSite.Report, root: URL) {
        let update = report.update
        let errors = update.diagnostics.filter { $0.severity == .error }
        if report.errorsChanged, !errors.isEmpty { printDiagnostics(errors, format: .text, root: root) }
        guard !report.changedSources.isEmpty else { return }
        // A change that changes nothing (a file that is no input of the site) says nothing.
        if !report.errorsChanged && update.renderedPages == 0 && report.outcome == .unchanged { return }
        let milliseconds = Int((update.seconds * 1000).rounded())
        let names = report.changedSources.sorted().prefix(3).joined(separator: ", ")
        let more = report.changedSources.count > 3 ? " and \(report.changedSources.count - 3) more" : ""
        let outcome: String
        if !update.publishable {
            outcome = "\(errors.count) error(s); still serving the last good pages"
        } else if !errors.isEmpty {
            outcome =
                "\(update.renderedPages) pages rendered in \(milliseconds) ms; \(errors.count) error(s) docent check reports"
        } else {
            outcome =
                "\(update.renderedPages) pages rendered in \(milliseconds) ms"
                + (report.errorsChanged ? "; no problems left" : "")
        }
        FileHandle.standardError.write(Data("Changed \(names)\(more): \(outcome)\n".utf8))
    }

    private static func openBrowser(_ url: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xdg-open", url]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try? process.run()
    }
}

/// A value shared between the command's thread and the server task.
private final class LockedBox<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var _value: Value
    init(_ value: Value) { _value = value }
    var value: Value {
        get { lock.withLock { _value } }
        set { lock.withLock { _value = newValue } }
    }
}
