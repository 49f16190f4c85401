import Foundation

/// Rewrites link and image destinations in a page: `.md` links become page URLs, site-absolute paths get the
/// baseurl, and (in a Docent site) relative images are resolved against the source file's folder, the way the
/// original docs site served `../assets/images/…`.
struct LinkResolver {
    let model: SiteModel
    let page: Page

    func link(_ destination: String) -> String {
        guard Self.isLocal(destination) else { return destination }
        let (path, suffix) = Self.splitSuffix(destination)
        if path.isEmpty { return destination }
        if path.hasSuffix(".md") || path.hasSuffix(".markdown") {
            guard let target = resolve(path), let index = model.pageByContentPath[target] else { return destination }
            return model.config.baseURL + model.pages[index].url + suffix
        }
        if path.hasPrefix("/") { return model.config.baseURL + destination }
        return destination
    }

    func image(_ source: String) -> String {
        guard Self.isLocal(source) else { return source }
        if source.hasPrefix("/") { return model.config.baseURL + source }
        guard model.config.layout == .docent, let resolved = resolve(source) else { return source }
        return model.config.baseURL + "/" + resolved
    }

    /// A destination relative to the page's folder inside the content folder ("../assets/x.png" from
    /// "guides/setup.md" → "assets/x.png"); a leading "/" is relative to the content folder. Nil when the
    /// path climbs above the content folder.
    func resolve(_ path: String) -> String? {
        Self.resolve(path, from: page.contentPath)
    }

    static func resolve(_ path: String, from contentPath: String) -> String? {
        var parts: [Substring] = []
        if !path.hasPrefix("/") {
            parts = contentPath.split(separator: "/")
            if !parts.isEmpty { parts.removeLast() }
        }
        for written in path.split(separator: "/", omittingEmptySubsequences: true) {
            // A link names a file as a URL does: `my%20page.md` is the file `my page.md`.
            let part = written.utf8.contains(UInt8(ascii: "%")) ? Substring(written.removingPercentEncoding ?? String(written)) : written
            if part == "." { continue }
            if part == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }

    /// Not an external URL (`https:`, `mailto:`, `//host`) and not a same-page anchor.
    static func isLocal(_ destination: String) -> Bool {
        if destination.isEmpty || destination.hasPrefix("#") || destination.hasPrefix("//") { return false }
        for character in destination {
            if character == ":" { return false }
            if character == "/" || character == "?" || character == "#" { break }
        }
        return true
    }

    /// ("a/b.md", "#x") from "a/b.md#x".
    static func splitSuffix(_ destination: String) -> (String, String) {
        guard let index = destination.firstIndex(where: { $0 == "#" || $0 == "?" }) else { return (destination, "") }
        return (String(destination[..<index]), String(destination[index...]))
    }
}
