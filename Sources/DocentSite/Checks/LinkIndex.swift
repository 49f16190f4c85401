import Foundation

/// Where a link or image points, computed once per site: every page's URL and the ids its HTML defines (so a
/// `#fragment` is a set lookup), the static files, and the names in each folder for "did you mean".
struct LinkIndex: Sendable {
    /// What a local destination resolved to.
    enum Target: Equatable, Sendable {
        /// A page of the site (index into the model's pages) and the fragment, if any.
        case page(Int, fragment: String?)
        /// A static file, or a file Docent generates (`/sitemap.xml`).
        case file
        /// Nothing of the site is there: `resolved` is the URL path (or the content path of a `.md` link).
        case missing(resolved: String, isContentPath: Bool)
        /// External, `mailto:`, an empty link: not this index's business.
        case notChecked
    }

    let model: SiteModel
    /// The site's baseurl ("" or "/docs"), stripped from site-absolute links.
    let baseURL: String
    /// The ids each page's HTML defines (`id="…"`, `name="…"`), by page index.
    let anchors: [Set<String>]
    /// Names in each URL folder ("/guides/" → ["sso/", "scim/", …]) and content folder ("guides" → ["sso.md"]).
    private let urlChildren: [String: [String]]
    private let contentChildren: [String: [String]]

    static let generatedFiles: Set<String> = ["/sitemap.xml", "/" + SearchIndex.manifestPath]

    init(model: SiteModel, pages: [RenderedPage]) {
        self.model = model
        baseURL = model.config.baseURL
        var renderedByURL: [String: Int] = [:]
        for (index, rendered) in pages.enumerated() where renderedByURL[rendered.page.url] == nil {
            renderedByURL[rendered.page.url] = index
        }
        let renderedIndex = renderedByURL
        anchors = SiteBuilder.parallelMap(model.pages.map(\.url)) { url -> Set<String> in
            renderedIndex[url].map { Self.ids(inHTML: pages[$0].html) } ?? []
        }
        var urlChildren: [String: [String]] = [:]
        for url in model.pages.map(\.url) + model.staticURLs {
            let (folder, name) = Self.splitLast(url)
            if !name.isEmpty { urlChildren[folder, default: []].append(name) }
        }
        var contentChildren: [String: [String]] = [:]
        for path in model.pages.map(\.contentPath) {
            let (folder, name) = Self.splitLast("/" + path)
            contentChildren[folder, default: []].append(name)
        }
        self.urlChildren = urlChildren
        self.contentChildren = contentChildren
    }

    // MARK: - Resolving

    /// Resolves a link destination written on `page`. `.md` links are relative to the source file (a leading `/`
    /// is the content folder); every other relative link is relative to the page's URL, as a browser reads it.
    func resolve(_ destination: String, from page: Page) -> Target {
        let destination = Self.trimmed(destination)
        if destination.hasPrefix("#") {
            let index = model.pageByURL[page.url] ?? -1
            return index < 0 ? .notChecked : .page(index, fragment: Self.decode(String(destination.dropFirst())))
        }
        guard LinkResolver.isLocal(destination) else { return .notChecked }
        let (path, suffix) = LinkResolver.splitSuffix(destination)
        var fragment: String?
        if let hash = suffix.firstIndex(of: "#") {
            fragment = Self.decode(String(suffix[suffix.index(after: hash)...]))
        }
        if path.isEmpty { return .notChecked }
        let decoded = Self.decode(path)
        if decoded.hasSuffix(".md") || decoded.hasSuffix(".markdown") {
            guard let contentPath = LinkResolver.resolve(decoded, from: page.contentPath) else {
                return .missing(resolved: decoded, isContentPath: true)
            }
            if let index = model.pageByContentPath[contentPath] { return .page(index, fragment: fragment) }
            return .missing(resolved: contentPath, isContentPath: true)
        }
        return target(forURL: absoluteURL(decoded, from: page.url), fragment: fragment)
    }

    /// A site-absolute URL path for a link written on the page at `pageURL`, without the site's baseurl.
    func absoluteURL(_ path: String, from pageURL: String) -> String {
        var path = path
        let base = baseURL
        if path.hasPrefix("/") {
            if !base.isEmpty, path == base || path.hasPrefix(base + "/") { path.removeFirst(base.count) }
            return Self.normalize(path.isEmpty ? "/" : path)
        }
        let folder = pageURL.hasSuffix("/") ? pageURL : Self.splitLast(pageURL).folder
        return Self.normalize(folder + path)
    }

    func target(forURL url: String, fragment: String?) -> Target {
        let byURL = model.pageByURL
        var candidates = [url]
        if !url.hasSuffix("/") { candidates.append(url + "/") }
        if url.hasSuffix("/index.html") { candidates.append(String(url.dropLast(10))) }
        for candidate in candidates {
            if let index = byURL[candidate] { return .page(index, fragment: fragment) }
        }
        if model.staticURLs.contains(url) || Self.generatedFiles.contains(url) { return .file }
        return .missing(resolved: url, isContentPath: false)
    }

    // MARK: - Suggestions

    /// The closest existing name in the folder of a missing target ("no-such-page/" → "sso/"), if any is close.
    func suggestion(for missing: String, isContentPath: Bool) -> String? {
        let (folder, name) = Self.splitLast(isContentPath ? "/" + missing : missing)
        guard let names = (isContentPath ? contentChildren : urlChildren)[folder] else { return nil }
        return Suggestions.closest(to: name, in: names)
    }

    /// The closest id of a page for a missing fragment.
    func suggestion(forFragment fragment: String, onPage index: Int) -> String? {
        guard index < anchors.count, anchors[index].count < 5_000 else { return nil }
        return Suggestions.closest(to: fragment, in: anchors[index].sorted())
    }

    /// `destination` with its last path component replaced ("../sso-setup.md#x" → "../sso.md#x").
    static func replacingLastComponent(of destination: String, with name: String) -> String? {
        let (path, suffix) = LinkResolver.splitSuffix(destination)
        let trailing = path.hasSuffix("/")
        let trimmed = trailing ? String(path.dropLast()) : path
        let (folder, last) = splitLast(trimmed)
        guard !last.isEmpty else { return nil }
        var replacement = name
        if trailing, !replacement.hasSuffix("/") { replacement += "/" }
        if !trailing, replacement.hasSuffix("/") { replacement.removeLast() }
        let prefix = trimmed.contains("/") ? (folder == "/" && !trimmed.hasPrefix("/") ? "" : folder) : ""
        return prefix + replacement + suffix
    }

    /// `destination` with its fragment replaced.
    static func replacingFragment(of destination: String, with fragment: String) -> String {
        guard let hash = destination.firstIndex(of: "#") else { return destination + "#" + fragment }
        return String(destination[..<hash]) + "#" + fragment
    }

    // MARK: - Helpers

    /// ("/a/b/", "c/") for "/a/b/c/"; ("/a/", "x.png") for "/a/x.png".
    static func splitLast(_ path: String) -> (folder: String, name: String) {
        var body = Substring(path)
        let trailing = body.hasSuffix("/") && body.count > 1
        if trailing { body = body.dropLast() }
        guard let slash = body.lastIndex(of: "/") else { return ("", path) }
        let folder = String(body[...slash])
        return (folder, String(body[body.index(after: slash)...]) + (trailing ? "/" : ""))
    }

    /// Resolves `.` and `..` segments of an absolute path (above the root stays at the root, as in a browser).
    static func normalize(_ path: String) -> String {
        var previous: UInt8 = 0
        var needsWork = false
        for byte in path.utf8 {
            if previous == UInt8(ascii: "/") && (byte == UInt8(ascii: ".") || byte == UInt8(ascii: "/")) {
                needsWork = true
                break
            }
            previous = byte
        }
        guard needsWork else { return path }
        var parts: [Substring] = []
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        for segment in segments {
            if segment == "." { continue }
            if segment == ".." {
                if !parts.isEmpty { parts.removeLast() }
                continue
            }
            parts.append(segment)
        }
        let last = segments.last
        let trailing = path.hasSuffix("/") || last == "." || last == ".."
        let joined = "/" + parts.joined(separator: "/")
        return trailing && !parts.isEmpty ? joined + "/" : joined
    }

    static func decode(_ text: String) -> String {
        text.utf8.contains(UInt8(ascii: "%")) ? (text.removingPercentEncoding ?? text) : text
    }

    /// Without leading and trailing spaces and tabs (no Foundation: this runs for every link).
    static func trimmed(_ text: String) -> String {
        guard let first = text.utf8.first, let last = text.utf8.last,
            first == 0x20 || first == 0x09 || last == 0x20 || last == 0x09
        else { return text }
        return String(text.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }

    /// The values of `id="…"` and `name="…"` attributes in an HTML document, in one pass over its bytes.
    static func ids(inHTML html: String) -> Set<String> {
        var ids = Set<String>()
        var html = html
        html.withUTF8 { bytes in
            let count = bytes.count
            var index = 3
            while index < count - 1 {
                defer { index += 1 }
                guard bytes[index] == UInt8(ascii: "=") else { continue }
                let quote = bytes[index + 1]
                guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { continue }
                let isID =
                    bytes[index - 1] == UInt8(ascii: "d") && bytes[index - 2] == UInt8(ascii: "i")
                    && isSpace(bytes[index - 3])
                let isName =
                    !isID && index >= 5 && bytes[index - 1] == UInt8(ascii: "e")
                    && bytes[index - 2] == UInt8(ascii: "m")
                    && bytes[index - 3] == UInt8(ascii: "a") && bytes[index - 4] == UInt8(ascii: "n")
                    && isSpace(bytes[index - 5])
                guard isID || isName else { continue }
                var end = index + 2
                while end < count, bytes[end] != quote, bytes[end] != UInt8(ascii: "<") { end += 1 }
                guard end < count, bytes[end] == quote else { continue }
                let value = String(decoding: UnsafeBufferPointer(rebasing: bytes[(index + 2)..<end]), as: UTF8.self)
                ids.insert(value.contains("&") ? unescape(value) : value)
                index = end
            }
        }
        return ids
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }

    private static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
