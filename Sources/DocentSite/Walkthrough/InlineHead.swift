import DocentMarkdown

/// A walkthrough page's head with what its first screen waits for written inline: the page's stylesheets and the
/// console's script. On a slow network each file the page links costs a round trip after the HTML (on Fast 3G,
/// 0.56 s), and the console's script waits for every stylesheet before it; inline, the console is ready one round
/// trip sooner (the seed guide on Fast 3G with 4× CPU slowdown: ready after 1.00 s rather than 1.55 s, the README's
/// "The console on a slow phone"). The price is that a walkthrough page's copy of them is not cached for the next
/// page, so only walkthrough pages do it; every other page keeps linking the files.
///
/// A `<link rel="stylesheet">` of the head is inlined when the file at its URL is one the build knows (a static
/// file of the site, or the simulation's or the tabs' own) and reads the same from the page as from its own URL
/// (no `@import`, every `url()` absolute); the console's `<script src defer>` becomes an inline module script,
/// which runs, like a deferred one, once the page is parsed and before the deferred scripts after it. Anything
/// else (another origin, a query, an attribute such as `integrity`, a stylesheet compiled from Sass) stays linked.
enum InlineHead {
    /// A file the site serves at an output path: its bytes and, for a file of the site, its site path (a
    /// dependency of the page: `serve` renders the page again when it changes).
    struct ServedFile {
        var bytes: [UInt8]
        var sitePath: String?
    }

    /// `html` with its head's stylesheets and the scripts at `scriptPaths` (output paths) inline, and the site files
    /// it read. `file` answers the file served at an output path ("assets/css/docent.css"), nil when it is not known.
    static func inlined(
        _ html: String, baseURL: String, scriptPaths: Set<String>, file: (String) -> ServedFile?
    ) -> (html: String, read: Set<String>) {
        let bytes = Array(html.utf8)
        var tokens = HTMLTokens(bytes)
        var edits: [(range: Range<Int>, text: String)] = []
        var read: Set<String> = []
        while let token = tokens.next() {
            guard case .tag(let name, let closing) = token.kind else { continue }
            if name == "body" || (name == "head" && closing) { break }
            guard !closing else { continue }
            let attributes = Self.attributes(in: bytes, token.range)
            if name == "link", attributes["rel"]?.lowercased() == "stylesheet",
                Set(attributes.keys).isSubset(of: ["rel", "href", "media", "type"]),
                attributes["type"].map({ $0.lowercased() == "text/css" }) ?? true,
                let path = outputPath(attributes["href"], baseURL: baseURL), let served = file(path),
                let text = String(validating: served.bytes, as: UTF8.self), isInlinableStylesheet(text)
            {
                let media = attributes["media"].flatMap { $0.isEmpty || $0 == "all" ? nil : $0 }
                let open = media.map { "<style media=\"\($0.replacing("\"", with: "&quot;"))\">" } ?? "<style>"
                edits.append((token.range, open + text + "</style>"))
                if let sitePath = served.sitePath { read.insert(sitePath) }
            } else if name == "script", Set(attributes.keys) == ["src", "defer"],
                let path = outputPath(attributes["src"], baseURL: baseURL), scriptPaths.contains(path),
                let end = scriptEnd(bytes, after: &tokens), let served = file(path),
                let text = String(validating: served.bytes, as: UTF8.self), isInlinableScript(text)
            {
                edits.append((token.range.lowerBound..<end, "<script type=\"module\">" + text + "</script>"))
                if let sitePath = served.sitePath { read.insert(sitePath) }
            }
        }
        guard !edits.isEmpty else { return (html, []) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + edits.reduce(0) { $0 + $1.text.utf8.count })
        var cursor = 0
        for edit in edits {
            out += bytes[cursor..<edit.range.lowerBound]
            out += edit.text.utf8
            cursor = edit.range.upperBound
        }
        out += bytes[cursor...]
        return (String(decoding: out, as: UTF8.self), read)
    }

    /// The output path a same-site URL of the page names ("/docs/assets/x.css" → "assets/x.css" under base URL
    /// "/docs"); nil for another origin, a relative URL, a query, a fragment or an escaped character.
    static func outputPath(_ url: String?, baseURL: String) -> String? {
        guard var path = url, !path.contains(where: { "?#&%\\".contains($0) }) else { return nil }
        if !baseURL.isEmpty {
            guard path.hasPrefix(baseURL + "/") else { return nil }
            path.removeFirst(baseURL.count)
        }
        guard path.hasPrefix("/"), !path.hasPrefix("//"), !path.split(separator: "/").contains("..") else {
            return nil
        }
        return String(path.dropFirst())
    }

    /// A start tag's attributes by lower-case name, those without a value (`defer`) as "".
    static func attributes(in bytes: [UInt8], _ range: Range<Int>) -> [String: String] {
        var found: [String: String] = [:]
        var index = range.lowerBound + 1
        while index < range.upperBound && HTMLTokens.isNameByte(bytes[index]) { index += 1 }  // the tag's name
        func isSpace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
        }
        func isDelimiter(_ byte: UInt8) -> Bool {
            isSpace(byte) || byte == UInt8(ascii: "=") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/")
        }
        while index < range.upperBound {
            while index < range.upperBound && (isSpace(bytes[index]) || bytes[index] == UInt8(ascii: "/")) {
                index += 1
            }
            let nameStart = index
            while index < range.upperBound && !isDelimiter(bytes[index]) { index += 1 }
            guard index > nameStart else {
                index += 1
                continue
            }
            let name = String(decoding: bytes[nameStart..<index].map(HTMLTokens.lowercased), as: UTF8.self)
            while index < range.upperBound && isSpace(bytes[index]) { index += 1 }
            var value = ""
            if index < range.upperBound && bytes[index] == UInt8(ascii: "=") {
                index += 1
                while index < range.upperBound && isSpace(bytes[index]) { index += 1 }
                let quote = index < range.upperBound ? bytes[index] : 0
                if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                    let start = index + 1
                    index = start
                    while index < range.upperBound && bytes[index] != quote { index += 1 }
                    value = String(decoding: bytes[start..<min(index, range.upperBound)], as: UTF8.self)
                    index += 1
                } else {
                    let start = index
                    while index < range.upperBound && !isSpace(bytes[index]) && bytes[index] != UInt8(ascii: ">") {
                        index += 1
                    }
                    value = String(decoding: bytes[start..<index], as: UTF8.self)
                }
            }
            if found[name] == nil { found[name] = value }
        }
        return found
    }

    /// The end of a `<script src>` element whose start tag was just read: after its `</script>`, when nothing but
    /// white space is between them.
    private static func scriptEnd(_ bytes: [UInt8], after tokens: inout HTMLTokens) -> Int? {
        while let token = tokens.next() {
            switch token.kind {
            case .tag(name: "script", closing: true): return token.range.upperBound
            case .rawText where bytes[token.range].allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x09 }): continue
            default: return nil
            }
        }
        return nil
    }

    /// Whether a stylesheet means the same inside the page: it cannot end the `<style>` element, imports nothing
    /// (an import would be one more round trip, resolved against the page), and every `url()` resolves the same
    /// from the page as from the stylesheet (a data URL, an absolute path or URL, a fragment).
    static func isInlinableStylesheet(_ text: String) -> Bool {
        let lower = text.lowercased()
        guard !lower.contains("</style"), !lower.contains("@import") else { return false }
        var rest = lower[...]
        while let call = rest.range(of: "url(") {
            let target = rest[call.upperBound...].drop { $0 == " " || $0 == "\"" || $0 == "'" || $0 == "\n" }
            guard ["data:", "/", "#", "http:", "https:"].contains(where: { target.hasPrefix($0) }) else { return false }
            rest = target
        }
        return true
    }

    /// Whether a script can be written inside `<script>` as it is: nothing in it ends the element or starts the
    /// escaped states of script data.
    static func isInlinableScript(_ text: String) -> Bool {
        let lower = text.lowercased()
        return !lower.contains("</script") && !lower.contains("<!--")
    }
}
