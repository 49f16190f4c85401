import DocentSite
import Foundation

/// The site as served: the files of the last good build, kept in memory. While the build has errors, changes are
/// held back (the last good pages stay served) and the overlay is set; the first good build after them publishes
/// everything held back at once. Problems only `docent check` finds (a broken link, a walkthrough step the
/// simulation cannot do) set the overlay too, but the pages are published.
public final class SiteStore: @unchecked Sendable {
    /// What publishing one build did, for the live-reload event.
    public enum Outcome: Equatable, Sendable {
        /// Nothing a browser shows changed.
        case unchanged
        /// Only stylesheets (and their source maps) changed: the URL paths of the changed stylesheets.
        case styles([String])
        /// These URL paths changed (nil: reload every page).
        case pages([String]?)
        /// The build has errors; the overlay is set and the changes are held back.
        case failed
        /// No page changed, but the problems the overlay shows did.
        case overlay
    }

    private let lock = NSLock()
    private var files: [String: [UInt8]] = [:]
    private var siteFiles: SiteFilesSnapshot?
    private var held: [String: [UInt8]?] = [:]
    private var overlay: String?
    /// The last build had errors: what it changed is held back.
    private var holding = false
    private var baseURL = ""

    public init() {}

    /// The bytes of a published file by output path ("guide/index.html").
    public func file(_ path: String) -> [UInt8]? {
        lock.withLock {
            if let bytes = files[path] { return bytes }
            return siteFiles?.file(path)
        }
    }

    public var overlayHTML: String? { lock.withLock { overlay } }
    public var siteBaseURL: String { lock.withLock { baseURL } }
    public var paths: [String] { lock.withLock { Array(files.keys) } }
    /// The output paths of the site-wide files (sitemap, search index) computed on request.
    public var siteFilePaths: [String] { lock.withLock { siteFiles?.paths ?? [] } }

    /// Publishes a build (or holds it back when it has errors).
    func publish(_ update: IncrementalBuild.Update, overlay newOverlay: String?, baseURL newBaseURL: String) -> Outcome
    {
        lock.withLock {
            for (path, bytes) in update.written { held[path] = .some(bytes) }
            for path in update.removed where update.written[path] == nil { held[path] = .some(nil) }
            guard update.publishable else {
                overlay = newOverlay
                holding = true
                return .failed
            }
            let recovering = holding
            let overlayChanged = overlay != newOverlay
            holding = false
            overlay = newOverlay
            baseURL = newBaseURL
            siteFiles = update.siteFiles
            let changes = held
            held = [:]
            var pagePaths: [String] = []
            var everything = recovering || update.fullBuild
            var stylesOnly = !changes.isEmpty
            var stylePaths: [String] = []
            for (path, bytes) in changes {
                if let bytes { files[path] = bytes } else { files.removeValue(forKey: path) }
                let isStyle = IncrementalBuild.Update.isStyle(path)
                if !isStyle { stylesOnly = false }
                if bytes == nil { everything = true }
                if ContentTypes.isHTML(path) {
                    pagePaths.append(Self.urlPath(ofOutput: path, baseURL: newBaseURL))
                } else if isStyle {
                    if path.lowercased().hasSuffix(".css") { stylePaths.append(newBaseURL + "/" + path) }
                } else {
                    everything = true
                }
            }
            if everything || pagePaths.count > 200 { return .pages(nil) }
            if changes.isEmpty { return overlayChanged ? .overlay : .unchanged }
            if stylesOnly { return .styles(stylePaths.sorted()) }
            return .pages(pagePaths.sorted())
        }
    }

    /// Sets the overlay pages get; true when it changed.
    func setOverlay(_ html: String?) -> Bool {
        lock.withLock {
            defer { overlay = html }
            return overlay != html
        }
    }

    /// "guide/index.html" → "/guide/", "404.html" → "/404.html" (with the baseurl in front).
    static func urlPath(ofOutput path: String, baseURL: String) -> String {
        if path == "index.html" { return baseURL + "/" }
        if path.hasSuffix("/index.html") { return baseURL + "/" + path.dropLast(10) }
        return baseURL + "/" + path
    }
}
