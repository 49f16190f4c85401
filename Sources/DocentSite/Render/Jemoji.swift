import DocentMarkdown

/// jemoji, built in: a page's `:name:` becomes GitHub's emoji image, as the plugin's HTML pipeline writes it
/// (`<img class="emoji" title=":+1:" alt=":+1:" src="…/emoji/unicode/1f44d.png" height="20" width="20">`).
///
/// As jemoji: only when the config lists the plugin, only pages written as HTML, only inside `<body>` when the
/// page has one, only in text (never in a tag, an attribute or a comment) and never inside `pre`, `code` or `tt`.
/// Docent also leaves `script`, `style` and `textarea` alone, where an image tag would break the page. The
/// images come from `emoji.src` in the config, else GitHub's asset host.
enum Jemoji {
    static let defaultSource = "https://github.githubassets.com/images/icons/"

    static func isEnabled(_ config: SiteConfig) -> Bool { config.plugins.contains("jemoji") }

    /// The image root the config names (`emoji: {src: …}`), else GitHub's.
    static func source(_ config: SiteConfig) -> String {
        if case .object(let settings)? = config.values["emoji"], case .string(let src)? = settings["src"],
            !src.isEmpty
        {
            return src
        }
        return defaultSource
    }

    /// Every emoji name and its image file under `emoji/` (without `.png`).
    static let images: [String: String] = {
        var images: [String: String] = [:]
        images.reserveCapacity(2_200)
        for line in table.split(separator: "\n") {
            guard let space = line.firstIndex(of: " ") else { continue }
            images[String(line[..<space])] = String(line[line.index(after: space)...])
        }
        return images
    }()

    /// The page with each known `:name:` in its text replaced by the emoji's image; the page itself when none is.
    static func emojify(_ html: String, source: String) -> String {
        let bytes = Array(html.utf8)
        guard bytes.contains(UInt8(ascii: ":")) else { return html }
        var scanner = Scanner(bytes: bytes, imageRoot: joined(source, "emoji"))
        return scanner.run() ?? html
    }

    /// `File.join` as Ruby writes it: one `/` between the parts.
    private static func joined(_ root: String, _ part: String) -> String {
        var root = Substring(root)
        while root.hasSuffix("/") { root = root.dropLast() }
        return root + "/" + part
    }

    /// Walks the HTML once: tags and comments are copied, text outside the ignored elements is emojified.
    private struct Scanner {
        let bytes: [UInt8]
        let imageRoot: String
        var out: [UInt8] = []
        var copiedUpTo = 0
        var replaced = false
        /// How many ignored elements (`pre`, `code`…) are open around the text.
        var ignoredDepth = 0

        init(bytes: [UInt8], imageRoot: String) {
            self.bytes = bytes
            self.imageRoot = imageRoot
        }

        static let ignoredElements: Set<String> = ["pre", "code", "tt", "script", "style", "textarea"]
        /// Elements whose content is raw text: only their own end tag closes them.
        static let rawTextElements: Set<String> = ["script", "style", "textarea"]

        mutating func run() -> String? {
            var index = bodyStart()
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "<") {
                    index = skipMarkup(at: index)
                } else {
                    var end = index
                    while end < bytes.count && bytes[end] != UInt8(ascii: "<") { end += 1 }
                    if ignoredDepth == 0 { replaceNames(in: index..<end) }
                    index = end
                }
            }
            guard replaced else { return nil }
            out.append(contentsOf: bytes[copiedUpTo...])
            return String(decoding: out, as: UTF8.self)
        }

        /// Where the body's content begins: after `<body …>` when the page has one, else the start.
        func bodyStart() -> Int {
            guard let tag = find("<body", from: 0, caseInsensitive: true, wholeName: true) else { return 0 }
            return endOfTag(from: tag + 5)
        }

        /// Skips a tag, a comment or a declaration starting at `<`, keeping track of the ignored elements.
        mutating func skipMarkup(at start: Int) -> Int {
            if hasPrefix("<!--", at: start) { return find("-->", from: start + 4).map { $0 + 3 } ?? bytes.count }
            var index = start + 1
            let closing = index < bytes.count && bytes[index] == UInt8(ascii: "/")
            if closing { index += 1 }
            let nameStart = index
            while index < bytes.count && Self.isNameByte(bytes[index]) { index += 1 }
            if index == nameStart {
                // Not a tag (`a < b`, `<!DOCTYPE`, `<?xml`): a declaration ends at `>`, a lone `<` is text.
                if closing
                    || (start + 1 < bytes.count && [UInt8(ascii: "!"), UInt8(ascii: "?")].contains(bytes[start + 1]))
                {
                    return endOfTag(from: index)
                }
                return start + 1
            }
            let name = String(decoding: Self.lowercased(bytes[nameStart..<index]), as: UTF8.self)
            let end = endOfTag(from: index)
            guard Self.ignoredElements.contains(name) else { return end }
            let selfClosing = end >= 2 && bytes[end - 2] == UInt8(ascii: "/")
            if closing {
                ignoredDepth = max(0, ignoredDepth - 1)
            } else if !selfClosing {
                if Self.rawTextElements.contains(name) {
                    // Raw text runs to the element's own end tag: nothing inside is a tag.
                    return find("</" + name, from: end, caseInsensitive: true, wholeName: true) ?? bytes.count
                }
                ignoredDepth += 1
            }
            return end
        }

        /// The index after the `>` that ends a tag, quoted attribute values skipped.
        func endOfTag(from start: Int) -> Int {
            var index = start
            var quote: UInt8?
            while index < bytes.count {
                let byte = bytes[index]
                if let open = quote {
                    if byte == open { quote = nil }
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                } else if byte == UInt8(ascii: ">") {
                    return index + 1
                }
                index += 1
            }
            return bytes.count
        }

        /// Replaces each `:name:` with a known name in a run of text.
        mutating func replaceNames(in range: Range<Int>) {
            var index = range.lowerBound
            while index < range.upperBound {
                guard bytes[index] == UInt8(ascii: ":") else {
                    index += 1
                    continue
                }
                var end = index + 1
                while end < range.upperBound && Self.isEmojiNameByte(bytes[end]) { end += 1 }
                guard end < range.upperBound, end > index + 1, bytes[end] == UInt8(ascii: ":") else {
                    index = end
                    continue
                }
                let name = String(decoding: bytes[index + 1..<end], as: UTF8.self)
                guard let file = Jemoji.images[name] else {
                    index = end  // the closing colon may open the next name
                    continue
                }
                out.append(contentsOf: bytes[copiedUpTo..<index])
                out.append(contentsOf: image(name: name, file: file).utf8)
                copiedUpTo = end + 1
                replaced = true
                index = end + 1
            }
        }

        func image(name: String, file: String) -> String {
            let label = HTMLEscaping.escape(":" + name + ":")
            let src = HTMLEscaping.escape(imageRoot + "/" + file + ".png")
            return "<img class=\"emoji\" title=\"\(label)\" alt=\"\(label)\" src=\"\(src)\" height=\"20\" width=\"20\">"
        }

        func hasPrefix(_ prefix: String, at index: Int) -> Bool {
            let needle = Array(prefix.utf8)
            return index + needle.count <= bytes.count && bytes[index..<index + needle.count].elementsEqual(needle)
        }

        /// Where `text` next starts from `start` (a tag name: not followed by more of a name).
        func find(_ text: String, from start: Int, caseInsensitive: Bool = false, wholeName: Bool = false) -> Int? {
            let needle = Array(text.utf8)
            var index = start
            while index + needle.count <= bytes.count {
                var matched = true
                for offset in needle.indices {
                    let byte = bytes[index + offset]
                    if (caseInsensitive ? Self.lowercased(byte) : byte) != needle[offset] {
                        matched = false
                        break
                    }
                }
                let after = index + needle.count
                if matched && !(wholeName && after < bytes.count && Self.isNameByte(bytes[after])) { return index }
                index += 1
            }
            return nil
        }

        static func lowercased(_ byte: UInt8) -> UInt8 {
            byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
        }

        static func lowercased(_ slice: ArraySlice<UInt8>) -> [UInt8] { slice.map(lowercased) }

        static func isNameByte(_ byte: UInt8) -> Bool {
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
        }

        static func isEmojiNameByte(_ byte: UInt8) -> Bool {
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
        }
    }
}
