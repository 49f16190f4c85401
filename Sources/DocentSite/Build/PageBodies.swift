import Foundation

/// Page bodies held in memory only up to a budget. Every page's front matter is needed before the first page renders
/// (titles, URLs, `site.pages`), its body only while it renders: past the budget, a loaded page keeps its body's size
/// and a fingerprint instead of the text, and its render reads the body again from the file (which the system has
/// just cached). So a site of 100,000 pages does not hold all their text from load to the end of the build, and a
/// site whose bodies fit in the budget (every site up to tens of thousands of pages) never reads a file twice.
/// A file changed between the two reads is an error (build again), never a page made of two versions.
public final class PageBodies: @unchecked Sendable {
    /// Bytes of page text a build keeps from load to render before it sets bodies aside.
    public static let defaultBudget = 64 << 20

    /// What is kept of a body set aside.
    struct Fingerprint: Sendable, Equatable {
        var byteCount: Int
        var hash: UInt64

        /// `CacheFile`'s checksum (eight bytes at a time): stable across runs and cheap enough to run twice over
        /// every set-aside body (byte by byte, it was 2% of a 100,000-page build). An edit that keeps the size goes
        /// unseen only on a 64-bit collision.
        init(byteCount: Int, hash: UInt64) {
            self.byteCount = byteCount
            self.hash = hash
        }

        init(_ text: String) {
            var text = text
            hash = text.withUTF8 { CacheFile.checksum(UnsafeRawBufferPointer($0)) }
            byteCount = text.utf8.count
        }
    }

    let view: SiteFileView
    private let budget: Int
    private let lock = NSLock()
    private var kept = 0

    init(root: URL, budget: Int = defaultBudget) {
        view = SiteFileView(root: root)
        self.budget = budget
    }

    /// Keeps a loaded page's body while the bodies kept so far fit in the budget, else sets it aside. Called as
    /// each page loads (on every core), so a large site's text is never all in memory at once.
    func keepOrSetAside(_ page: inout Page) {
        let size = page.body.utf8.count
        guard Self.canReread(page) else { return }
        let keeps = lock.withLock {
            guard kept + size <= budget else { return false }
            kept += size
            return true
        }
        if keeps { return }
        page.bodySetAside = Fingerprint(page.body)
        page.body = ""
    }

    /// A page whose body is its file's text after the front matter (not a stylesheet, whose body is reworked,
    /// nor a theme's file outside the site).
    private static func canReread(_ page: Page) -> Bool {
        !page.sitePath.hasPrefix("/") && SassStylesheet.syntax(ofPath: page.contentPath) == nil
    }

    /// Gives a page whose body was set aside its body again, read from its file; the error when the file changed.
    func restore(_ page: inout Page) -> Diagnostic? {
        guard let fingerprint = page.bodySetAside else { return nil }
        guard case .success(let data) = view.contents(page.sitePath),
            let text = String(validating: data, as: UTF8.self),
            case .success(let split) = FrontMatterSplit.split(text),
            split.bodyLineOffset == page.bodyLineOffset,
            Fingerprint(split.body) == fingerprint
        else {
            return .error(
                "source.changed", "\(page.sitePath) changed while the site was building",
                at: SourceLocation(file: page.sitePath, line: 1, column: 1), note: "build again once the file is saved")
        }
        page.body = split.body
        page.bodySetAside = nil
        return nil
    }
}
