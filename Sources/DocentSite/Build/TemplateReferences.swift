/// What a piece of Liquid text (a page body, a layout, an include, a custom tag) refers to, found by scanning its
/// source: the includes it names, the data files and site-wide lists it reads. Used by the incremental build to
/// decide which pages an edit affects. The scan is conservative: a reference it cannot pin down (an include name
/// made of a variable, `site.data[some_variable]`, `site` passed around whole) counts as "any".
struct TemplateReferences: Sendable, Equatable {
    /// Include names as written (`nav.html`, `insomnia/callout.md`), relative to the includes folder.
    var includes: Set<String> = []
    /// `{% include_relative %}` names, relative to the including file.
    var relativeIncludes: Set<String> = []
    /// An include whose name is computed.
    var anyInclude = false
    /// `site.data.<name>` names.
    var data: Set<String> = []
    /// `site.data` read in a way that may reach any data file.
    var anyData = false
    /// Reads the site's lists of pages (`site.pages`, `site.nav`, …) or `site` as a whole.
    var sitePages = false

    static let siteListKeys: Set<String> = [
        "pages", "nav", "html_pages", "documents", "posts", "collections", "static_files",
    ]

    init() {}

    /// Scans Liquid source text. Text without `{{` or `{%` refers to nothing.
    init(scanning text: String) {
        let bytes = Array(text.utf8)
        guard PageRenderer.containsLiquid(text) else { return }
        var index = 0
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: "{") && bytes[index + 1] == UInt8(ascii: "%") {
                index = scanTag(bytes, from: index + 2)
                continue
            }
            if bytes[index] == UInt8(ascii: "s"), matches(bytes, at: index, "site"),
                index == 0 || !Self.isIdentifier(bytes[index - 1])
            {
                index = scanSite(bytes, from: index + 4)
                continue
            }
            index += 1
        }
    }

    mutating func formUnion(_ other: TemplateReferences) {
        includes.formUnion(other.includes)
        relativeIncludes.formUnion(other.relativeIncludes)
        anyInclude = anyInclude || other.anyInclude
        data.formUnion(other.data)
        anyData = anyData || other.anyData
        sitePages = sitePages || other.sitePages
    }

    // MARK: - Scanning

    /// After `{%`: an include, include_relative or render tag names a partial.
    private mutating func scanTag(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start
        if index < bytes.count && bytes[index] == UInt8(ascii: "-") { index += 1 }
        while index < bytes.count && Self.isSpace(bytes[index]) { index += 1 }
        let wordStart = index
        while index < bytes.count && Self.isIdentifier(bytes[index]) { index += 1 }
        let word = String(decoding: bytes[wordStart..<index], as: UTF8.self)
        guard word == "include" || word == "include_relative" || word == "render" else { return index }
        while index < bytes.count && Self.isSpace(bytes[index]) { index += 1 }
        guard index < bytes.count else { return index }
        let name: String
        if bytes[index] == UInt8(ascii: "'") || bytes[index] == UInt8(ascii: "\"") {
            let quote = bytes[index]
            let nameStart = index + 1
            index = nameStart
            while index < bytes.count && bytes[index] != quote { index += 1 }
            name = String(decoding: bytes[nameStart..<min(index, bytes.count)], as: UTF8.self)
        } else {
            let nameStart = index
            while index < bytes.count && !Self.isSpace(bytes[index]) && bytes[index] != UInt8(ascii: "%") {
                if bytes[index] == UInt8(ascii: "{") {
                    anyInclude = true
                    return index
                }
                index += 1
            }
            var end = index
            if end > nameStart && bytes[end - 1] == UInt8(ascii: "-") { end -= 1 }
            name = String(decoding: bytes[nameStart..<end], as: UTF8.self)
            // A bare word without an extension may be a variable holding the name.
            if !name.contains(".") {
                anyInclude = true
                return index
            }
        }
        if name.isEmpty || name.contains("{{") {
            anyInclude = true
        } else if word == "include_relative" {
            relativeIncludes.insert(name)
        } else {
            includes.insert(name)
            if word == "render" { includes.insert(name + ".liquid") }
        }
        return index
    }

    /// After the word `site`: which part of the site value is read.
    private mutating func scanSite(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start
        guard index < bytes.count else {
            sitePages = true
            anyData = true
            return index
        }
        if bytes[index] == UInt8(ascii: "[") {
            sitePages = true
            anyData = true
            return index
        }
        if Self.isIdentifier(bytes[index]) { return index }  // `sites`, `site_name`: another word
        guard bytes[index] == UInt8(ascii: ".") else {
            // `site` on its own (assigned, passed, looped over): it may reach anything.
            sitePages = true
            anyData = true
            return index
        }
        index += 1
        let keyStart = index
        while index < bytes.count && Self.isIdentifier(bytes[index]) { index += 1 }
        let key = String(decoding: bytes[keyStart..<index], as: UTF8.self)
        if Self.siteListKeys.contains(key) {
            sitePages = true
            return index
        }
        guard key == "data" else { return index }
        if index < bytes.count && bytes[index] == UInt8(ascii: ".") {
            let nameStart = index + 1
            index = nameStart
            while index < bytes.count && Self.isIdentifier(bytes[index]) { index += 1 }
            if index > nameStart {
                data.insert(String(decoding: bytes[nameStart..<index], as: UTF8.self))
            } else {
                anyData = true
            }
        } else if index + 1 < bytes.count && bytes[index] == UInt8(ascii: "[")
            && (bytes[index + 1] == UInt8(ascii: "'") || bytes[index + 1] == UInt8(ascii: "\""))
        {
            let quote = bytes[index + 1]
            let nameStart = index + 2
            index = nameStart
            while index < bytes.count && bytes[index] != quote { index += 1 }
            data.insert(String(decoding: bytes[nameStart..<min(index, bytes.count)], as: UTF8.self))
        } else {
            anyData = true
        }
        return index
    }

    private func matches(_ bytes: [UInt8], at index: Int, _ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        return word.withUTF8Buffer { buffer in
            for offset in 0..<count where bytes[index + offset] != buffer[offset] { return false }
            return true
        }
    }

    private static func isIdentifier(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
            || byte == UInt8(ascii: "-")
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
            || byte == UInt8(ascii: "\r")
    }
}
