import Foundation

/// `relative_urls: true`: each root-absolute URL a finished page links to (`/assets/docent.css`, `/insomnia/sso/`)
/// is written relative to the page (`../../assets/docent.css`, `../sso/index.html`), so the built folder opens
/// from disk (`file://`) and can be served under any path. A folder URL gains `index.html`, which a server
/// adds and a disk does not. Absolute URLs (`https://…`, `//host/…`), fragments and relative URLs are kept.
///
/// Rewritten: `href`, `src`, `srcset`, `action`, `formaction`, `poster`, `data`, `cite`, `data-*` attributes
/// holding a root-absolute path, and a meta refresh's `url=`. Not rewritten: text, scripts and styles, and the
/// site's 404 page (served at any depth, where only root-absolute URLs resolve).
enum RelativeURLs {
    static let urlAttributes: Set<String> = ["href", "src", "action", "formaction", "poster", "data", "cite"]

    /// Whether the page's output is rewritten: an HTML page, and not the 404 page.
    static func applies(_ config: SiteConfig, outputPath: String) -> Bool {
        config.relativeURLs && outputPath.hasSuffix(".html") && outputPath != "404.html"
    }

    /// The page with every root-absolute URL in its tags' URL attributes made relative to `pageURL` (the page's
    /// URL within the site, without the base URL).
    static func rewrite(_ html: String, pageURL: String, baseURL: String) -> String {
        let bytes = Array(html.utf8)
        let folder = folderComponents(of: pageURL)
        var out: [UInt8] = []
        var copiedUpTo = 0
        var tokens = HTMLTokens(bytes)
        while let token = tokens.next() {
            guard case .tag(let name, closing: false) = token.kind else { continue }
            for attribute in attributes(in: bytes, token.range) {
                let value = String(decoding: bytes[attribute.value], as: UTF8.self)
                let rewritten: String?
                switch attribute.name {
                case let key where urlAttributes.contains(key) || key.hasPrefix("data-"):
                    rewritten = relative(value, from: folder, baseURL: baseURL)
                case "srcset":
                    rewritten = srcset(value, from: folder, baseURL: baseURL)
                case "content" where name == "meta":
                    rewritten = refresh(value, from: folder, baseURL: baseURL)
                default:
                    rewritten = nil
                }
                guard let rewritten else { continue }
                out.append(contentsOf: bytes[copiedUpTo..<attribute.value.lowerBound])
                out.append(contentsOf: rewritten.utf8)
                copiedUpTo = attribute.value.upperBound
            }
        }
        guard copiedUpTo > 0 else { return html }
        out.append(contentsOf: bytes[copiedUpTo...])
        return String(decoding: out, as: UTF8.self)
    }

    /// `url` relative to the folder a page is in, when it is root-absolute (`/x`, not `//host/x`).
    static func relative(_ url: String, from folder: [Substring], baseURL: String) -> String? {
        guard url.hasPrefix("/"), !url.hasPrefix("//") else { return nil }
        let split = url.firstIndex { $0 == "?" || $0 == "#" } ?? url.endIndex
        var path = Substring(url[..<split])
        let suffix = url[split...]
        if !baseURL.isEmpty, path == baseURL || path.hasPrefix(baseURL + "/") { path = path.dropFirst(baseURL.count) }
        var target = path.split(separator: "/", omittingEmptySubsequences: true)
        if path.hasSuffix("/") || target.isEmpty { target.append("index.html") }
        var common = 0
        while common < folder.count && common < target.count - 1 && folder[common] == target[common] { common += 1 }
        let ups = String(repeating: "../", count: folder.count - common)
        return ups + target[common...].joined(separator: "/") + suffix
    }

    /// `url` relative to the page at `pageURL` when the config asks for relative URLs and it is root-absolute.
    static func relative(_ url: String, fromPage pageURL: String, config: SiteConfig) -> String {
        guard config.relativeURLs else { return url }
        return relative(url, from: folderComponents(of: pageURL), baseURL: config.baseURL) ?? url
    }

    /// The folders of a page's URL: `/a/b/` and `/a/b/c.html` are both in `a/b`.
    static func folderComponents(of pageURL: String) -> [Substring] {
        var components = pageURL.split(separator: "/", omittingEmptySubsequences: true)
        if !pageURL.hasSuffix("/") && !components.isEmpty { components.removeLast() }
        return components
    }

    /// A `srcset`'s candidates (`/a.png 1x, /b.png 2x`), each URL made relative.
    private static func srcset(_ value: String, from folder: [Substring], baseURL: String) -> String? {
        var changed = false
        let candidates = value.split(separator: ",", omittingEmptySubsequences: false).map { candidate -> String in
            let trimmed = candidate.drop { $0 == " " }
            let end = trimmed.firstIndex(of: " ") ?? trimmed.endIndex
            guard let url = relative(String(trimmed[..<end]), from: folder, baseURL: baseURL) else {
                return String(candidate)
            }
            changed = true
            return String(candidate[..<trimmed.startIndex]) + url + trimmed[end...]
        }
        return changed ? candidates.joined(separator: ",") : nil
    }

    /// A meta refresh's target (`0; url=/new/`).
    private static func refresh(_ value: String, from folder: [Substring], baseURL: String) -> String? {
        guard let marker = value.range(of: "url=", options: .caseInsensitive),
            let url = relative(String(value[marker.upperBound...]), from: folder, baseURL: baseURL)
        else { return nil }
        return String(value[..<marker.upperBound]) + url
    }

    /// Each attribute of a start tag: its lower-case name and where its value's text is (inside the quotes).
    static func attributes(in bytes: [UInt8], _ range: Range<Int>) -> [(name: String, value: Range<Int>)] {
        var found: [(name: String, value: Range<Int>)] = []
        var index = range.lowerBound + 1
        while index < range.upperBound && HTMLTokens.isNameByte(bytes[index]) { index += 1 }  // the tag's name
        func isSpace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
        }
        while index < range.upperBound {
            while index < range.upperBound && (isSpace(bytes[index]) || bytes[index] == UInt8(ascii: "/")) {
                index += 1
            }
            let nameStart = index
            while index < range.upperBound, !isSpace(bytes[index]),
                ![UInt8(ascii: "="), UInt8(ascii: ">"), UInt8(ascii: "/")].contains(bytes[index])
            {
                index += 1
            }
            guard index > nameStart else {
                index += 1
                continue
            }
            let name = String(decoding: bytes[nameStart..<index].map(HTMLTokens.lowercased), as: UTF8.self)
            while index < range.upperBound && isSpace(bytes[index]) { index += 1 }
            guard index < range.upperBound, bytes[index] == UInt8(ascii: "=") else { continue }
            index += 1
            while index < range.upperBound && isSpace(bytes[index]) { index += 1 }
            guard index < range.upperBound else { break }
            let quote = bytes[index]
            if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                let start = index + 1
                index = start
                while index < range.upperBound && bytes[index] != quote { index += 1 }
                found.append((name, start..<index))
                index += 1
            } else {
                let start = index
                while index < range.upperBound && !isSpace(bytes[index]) && bytes[index] != UInt8(ascii: ">") {
                    index += 1
                }
                found.append((name, start..<index))
            }
        }
        return found
    }
}
