import DocentSite
import Foundation

/// The site behind `docent serve`: built in memory, rebuilt incrementally on each change set (from the file
/// watcher, or given by a caller), published to the store, announced to open pages over the live-reload hub.
public final class PreviewSite: @unchecked Sendable {
    /// One rebuild, for the terminal.
    public struct Report: Sendable {
        public var update: IncrementalBuild.Update
        public var outcome: SiteStore.Outcome
        public var changedSources: Set<String>
        /// The errors differ from the previous build's (the terminal shows them again, or says they are gone).
        public var errorsChanged: Bool
    }

    public let options: BuildOptions
    public let store = SiteStore()
    public let hub = LiveReloadHub()
    public var root: URL { options.source.standardizedFileURL }
    private let build: IncrementalBuild
    private let lock = NSLock()
    private var watcher: FileWatcher?
    private let onReport: (@Sendable (Report) -> Void)?

    private var lastErrors: Set<Diagnostic> = []
    private var lastChecks: [Diagnostic] = []

    /// `serve` runs every check `docent check` runs (but external links) after each rebuild, so the overlay and
    /// the terminal show what CI would say.
    public init(options: BuildOptions, onReport: (@Sendable (Report) -> Void)? = nil) {
        var options = options
        options.runChecks = true
        self.options = options
        self.build = IncrementalBuild(options: options)
        self.onReport = onReport
    }

    /// Builds the whole site.
    @discardableResult public func buildAll() -> Report {
        lock.withLock { publish(build.build(), changed: []) }
    }

    /// Rebuilds after these source paths (relative to the site root) changed.
    @discardableResult public func apply(changes: Set<String>) -> Report {
        lock.withLock { publish(build.update(changed: changes), changed: changes) }
    }

    /// Watches the site's files and rebuilds on each burst of changes.
    public func startWatching(debounce: Duration = .milliseconds(30)) throws {
        let watcher = try FileWatcher(root: root, debounce: debounce) { [weak self] paths in
            self?.apply(changes: paths)
        }
        lock.withLock { self.watcher = watcher }
        watcher.start()
    }

    /// Stops watching and ends the live-reload streams.
    public func stop() {
        let watcher = lock.withLock { () -> FileWatcher? in
            defer { self.watcher = nil }
            return self.watcher
        }
        watcher?.stop()
        hub.close()
    }

    /// Publishes the build's pages and announces them first; then runs the check stage and shows what it found
    /// (the overlay is updated in open pages when it changed), so checks never delay a reload.
    private func publish(_ update: IncrementalBuild.Update, changed: Set<String>) -> Report {
        let held = !update.publishable
        // Until the checks have run, the pages show the build's problems and what the last checks found.
        let buildOverlay = ErrorOverlay.html(update.diagnostics + lastChecks, root: root, held: held)
        let outcome = store.publish(update, overlay: buildOverlay, baseURL: update.baseURL)
        announce(outcome, overlay: buildOverlay)
        lastChecks = build.check()
        var checked = update
        checked.diagnostics += lastChecks
        let overlay = ErrorOverlay.html(checked.diagnostics, root: root, held: held)
        if store.setOverlay(overlay) { announce(.overlay, overlay: overlay) }
        let errors = Set(checked.diagnostics.filter { $0.severity == .error })
        let report = Report(
            update: checked, outcome: outcome, changedSources: changed, errorsChanged: errors != lastErrors)
        lastErrors = errors
        onReport?(report)
        return report
    }

    private func announce(_ outcome: SiteStore.Outcome, overlay: String?) {
        switch outcome {
        case .unchanged: break
        case .styles(let paths): hub.send(event: "css", data: "{\"paths\":\(Self.jsonArray(paths))}")
        case .pages(let paths):
            if let paths {
                hub.send(event: "reload", data: "{\"all\":false,\"paths\":\(Self.jsonArray(paths))}")
            } else {
                hub.send(event: "reload", data: "{\"all\":true,\"paths\":[]}")
            }
        case .failed, .overlay:
            hub.send(event: "overlay", data: "{\"html\":\(Self.jsonString(overlay ?? ""))}")
        }
    }

    static func jsonArray(_ values: [String]) -> String {
        var out = ""
        JSONText.strings(values, into: &out)
        return out
    }

    static func jsonString(_ text: String) -> String {
        var out = ""
        JSONText.string(text, into: &out)
        return out
    }
}
