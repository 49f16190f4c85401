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
        let imageRoot = joined(source, "emoji")
        var out: [UInt8] = []
        var copiedUpTo = 0
        /// How many ignored elements (`pre`, `code`, `tt`) are open around the text.
        var ignoredDepth = 0
        var tokens = HTMLTokens(bytes, from: HTMLTokens.bodyStart(bytes) ?? 0)
        while let token = tokens.next() {
            switch token.kind {
            case .tag(let name, let closing) where ignoredElements.contains(name):
                if closing {
                    ignoredDepth = max(0, ignoredDepth - 1)
                } else if !tokens.isSelfClosing(endingAt: token.range.upperBound) {
                    ignoredDepth += 1
                }
            case .text where ignoredDepth == 0:
                for (name, range) in names(in: bytes, token.range) {
                    guard let file = images[name] else { continue }
                    out.append(contentsOf: bytes[copiedUpTo..<range.lowerBound])
                    out.append(contentsOf: image(name: name, root: imageRoot, file: file).utf8)
                    copiedUpTo = range.upperBound
                }
            default: break
            }
        }
        guard copiedUpTo > 0 else { return html }
        out.append(contentsOf: bytes[copiedUpTo...])
        return String(decoding: out, as: UTF8.self)
    }

    /// Elements whose text keeps its colons, as jemoji's (and `script`, `style`, `textarea`: raw text, never
    /// read as text here).
    static let ignoredElements: Set<String> = ["pre", "code", "tt"]

    /// Each `:name:` with a known name in a run of text, left to right; a colon that closes an unknown name may
    /// open the next (as jemoji's pattern finds them).
    static func names(in bytes: [UInt8], _ range: Range<Int>) -> [(String, Range<Int>)] {
        var found: [(String, Range<Int>)] = []
        var index = range.lowerBound
        while index < range.upperBound {
            guard bytes[index] == UInt8(ascii: ":") else {
                index += 1
                continue
            }
            var end = index + 1
            while end < range.upperBound && isEmojiNameByte(bytes[end]) { end += 1 }
            guard end < range.upperBound, end > index + 1, bytes[end] == UInt8(ascii: ":") else {
                index = end
                continue
            }
            let name = String(decoding: bytes[index + 1..<end], as: UTF8.self)
            guard images[name] != nil else {
                index = end
                continue
            }
            found.append((name, index..<end + 1))
            index = end + 1
        }
        return found
    }

    static func image(name: String, root: String, file: String) -> String {
        let label = HTMLEscaping.escape(":" + name + ":")
        let src = HTMLEscaping.escape(root + "/" + file + ".png")
        return "<img class=\"emoji\" title=\"\(label)\" alt=\"\(label)\" src=\"\(src)\" height=\"20\" width=\"20\">"
    }

    /// `File.join` as Ruby writes it: one `/` between the parts.
    private static func joined(_ root: String, _ part: String) -> String {
        var root = Substring(root)
        while root.hasSuffix("/") { root = root.dropLast() }
        return root + "/" + part
    }

    static func isEmojiNameByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
    }
}
