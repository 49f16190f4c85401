/// Jekyll's permalink placeholders (`/:collection/:path/`, `/docs/:title:output_ext`): a pattern in a page's
/// `permalink`, in a `defaults` entry or in a collection's config, expanded from the page's file.
enum PermalinkPattern {
    /// Whether a permalink is a pattern rather than a literal URL.
    static func isPattern(_ permalink: String) -> Bool { permalink.contains(":") }

    /// The URL for a page or collection document from a pattern.
    /// - Parameters:
    ///   - contentPath: the file's path inside its folder: the site (pages) or the collection's folder
    ///     ("sub/first.md" in `_guides/`).
    ///   - collection: the collection's name, nil for a page.
    ///   - slug: the front matter `slug`, if any.
    ///   - post: a Jekyll post's date, categories and slug placeholders.
    static func url(
        _ pattern: String, contentPath: String, collection: String?, slug: String?, post: JekyllPost? = nil
    ) -> String {
        let name = contentPath.split(separator: "/").last.map(String.init) ?? contentPath
        var basename = name
        if let dot = basename.lastIndex(of: "."), dot != basename.startIndex { basename = String(basename[..<dot]) }
        let folder = contentPath.split(separator: "/").dropLast().joined(separator: "/")
        let pathValue: String
        if collection != nil {
            // A document's :path is its path inside the collection, without the extension.
            pathValue = folder.isEmpty ? basename : folder + "/" + basename
        } else {
            pathValue = folder
        }
        let title = slugValue(slug ?? basename)
        var values: [String: String] = [
            "collection": collection ?? "", "path": pathValue, "basename": basename, "name": slugValue(basename),
            "title": title, "slug": title, "output_ext": ".html", "categories": "",
        ]
        if let post {
            values.merge(post.placeholders) { _, new in new }
            values["title"] = slugValue(slug ?? post.slug)
            values["slug"] = values["title"]
        }
        // Longest names first, so `:path` does not eat the start of a longer placeholder.
        var url = pattern
        for key in values.keys.sorted(by: { $0.count > $1.count }) {
            url = url.replacingOccurrences(of: ":" + key, with: values[key] ?? "")
        }
        // As Jekyll sanitizes: one slash between parts, a leading slash.
        while url.contains("//") { url = url.replacingOccurrences(of: "//", with: "/") }
        if !url.hasPrefix("/") { url = "/" + url }
        if url.hasSuffix("/index.html") { url = String(url.dropLast("index.html".count)) }
        return url
    }

    /// Jekyll's "pretty" slug of a name: letters, digits and `._~!$&'()+,;=@` kept, case kept, other runs a `-`.
    private static func slugValue(_ text: String) -> String {
        var out = ""
        var dash = false
        for character in text {
            if character.isLetter || character.isNumber || "._~!$&'()+,;=@".contains(character) {
                out.append(character)
                dash = false
            } else if !dash && !out.isEmpty {
                out.append("-")
                dash = true
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out
    }
}
