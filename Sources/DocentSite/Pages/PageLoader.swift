import Foundation
import Liquid

/// Reads one page file: checks it is text a person wrote (UTF-8, no NUL bytes, not huge), splits and decodes its
/// front matter, and computes its URL. Every problem becomes a diagnostic at its line and column.
struct PageLoader: Sendable {
    let config: SiteConfig
    /// Pages are read through the site's view too: a file swapped for a link after Discovery is still refused.
    private let view: SiteFileView

    init(root: URL, config: SiteConfig) {
        self.config = config
        view = SiteFileView(root: root)
    }

    /// A page file's load, with what the build cache records of it when asked to.
    struct Load {
        var page: Page?
        var diagnostics: [Diagnostic]
        /// The file's front matter, kept when the page loaded without problems and without its body.
        var record: FrontMatterRecord?
        /// The file's bytes, when recording.
        var bytes: Data?
    }

    func load(_ file: SourceFile) -> (page: Page?, diagnostics: [Diagnostic]) {
        let load = load(file, recording: false)
        return (load.page, load.diagnostics)
    }

    /// The page made from a record of its file (`FrontMatterRecord`), its body set aside until it renders; nil when
    /// the page needs its body to load (a post, a stylesheet, a page titled by its first heading).
    func load(_ file: SourceFile, record: FrontMatterRecord) -> (page: Page?, diagnostics: [Diagnostic])? {
        guard !file.sitePath.hasPrefix("/"),
            var made = assemble(
                file, values: record.values, keyPositions: record.keyPositions, body: nil,
                bodyLineOffset: record.bodyLineOffset)
        else { return nil }
        made.page?.bodySetAside = record.body
        return (made.page, made.diagnostics)
    }

    /// The page a stub recorded (`PageStub`, made under this config from `record`, the same file's front matter),
    /// its front matter's parts made from the record when first read, its body set aside until it renders.
    static func load(_ file: SourceFile, stub: PageStub, record: ArraySlice<UInt8>, with shared: Shared) -> Page {
        var page = Page(
            sitePath: file.sitePath, contentPath: Self.contentPath(of: file), url: stub.url,
            outputPath: stub.outputPath, bodyLineOffset: stub.bodyLineOffset, isMarkdown: Self.isMarkdown(file),
            collection: file.collection, brief: stub.brief
        ) { shared.loader.parts(of: file, record: record, stub: stub) }
        page.bodySetAside = stub.body
        return page
    }

    /// A page's `contentPath`: a collection's document under its folder (`_how-tos/rotate.md`).
    private static func contentPath(of file: SourceFile) -> String {
        file.collection.map { "_\($0)/\(file.relativePath)" } ?? file.relativePath
    }

    /// Whether a page file is Markdown, by its name's extension.
    private static func isMarkdown(_ file: SourceFile) -> Bool {
        let path = file.relativePath
        let ext = Discovery.pathExtension(
            path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path)
        return ext == "md" || ext == "markdown"
    }

    /// A loader held once by the pages that make their parts on first use (each holds a reference, not a copy of the
    /// config).
    final class Shared: Sendable {
        let loader: PageLoader
        init(_ loader: PageLoader) { self.loader = loader }
    }

    /// The parts of a page's front matter, made from its record as `load(_:record:)` makes them. The stub was
    /// recorded with the record, from the page that record made under this config, so the page made again is that
    /// page; were it not (a record that no longer decodes), the parts are empty rather than another page's.
    private func parts(of file: SourceFile, record bytes: ArraySlice<UInt8>, stub: PageStub) -> PageDetails.Parts {
        if let record = FrontMatterRecord(encoded: bytes), let page = load(file, record: record)?.page,
            page.url == stub.url, page.outputPath == stub.outputPath
        {
            return page.detailParts
        }
        return PageDetails.Parts(
            meta: PageMeta(), keyPositions: KeyPositions(), values: PageValues(values: [:], setting: []))
    }

    func load(_ file: SourceFile, recording: Bool) -> Load {
        let start = SourceLocation(file: file.sitePath, line: 1, column: 1)
        let data: Data
        // A gem theme's page (its `assets/main.scss`) is read where the theme is installed.
        let read =
            file.sitePath.hasPrefix("/")
            ? FileManager.default.contents(atPath: file.sitePath).map { .success($0) }
                ?? .failure(.missing(file.sitePath))
            : view.contents(file.sitePath)
        switch read {
        case .success(let bytes): data = bytes
        case .failure(let refusal):
            let unreadable = Diagnostic.error("source.unreadable", "cannot read \(file.sitePath)", at: start)
            return Load(page: nil, diagnostics: [refusal.diagnostic ?? unreadable])
        }
        if data.count > config.maxPageBytes {
            return Load(
                page: nil,
                diagnostics: [
                    .error(
                        "source.too-large",
                        "\(file.sitePath) is \(data.count / 1_048_576) MB, over the \(config.maxPageBytes / 1_048_576) MB limit for a page",
                        at: start, note: "split the page, or raise `max_page_size` in the config")
                ]
            )
        }
        if let nul = Self.firstNUL(in: data) {
            return Load(
                page: nil,
                diagnostics: [
                    .error(
                        "source.binary",
                        "\(file.sitePath) looks like a binary file (it contains a NUL byte), not a page",
                        at: Self.location(of: nul, in: data, file: file.sitePath))
                ]
            )
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            let offset = Self.firstInvalidUTF8(in: data)
            return Load(
                page: nil,
                diagnostics: [
                    .error(
                        "source.encoding", "\(file.sitePath) is not valid UTF-8",
                        at: Self.location(of: offset, in: data, file: file.sitePath), note: "save the file as UTF-8")
                ]
            )
        }
        let split: FrontMatterSplit
        switch FrontMatterSplit.split(text) {
        case .success(let value): split = value
        case .failure:
            return Load(
                page: nil,
                diagnostics: [
                    .error(
                        "frontmatter.unclosed", "front matter starts with `---` but is never closed", at: start,
                        fixIt: "add a line `---` after the front matter")
                ]
            )
        }
        var frontMatter = YAMLData(value: .object([:]), positions: [:])
        var yamlProblem: Diagnostic?
        if let yaml = split.yaml {
            switch YAMLData.parse(yaml) {
            case .success(let parsed): frontMatter = parsed
            case .failure(let error):
                yamlProblem =
                    (.error(
                        "frontmatter.yaml", "invalid YAML: \(error.message)",
                        at: .init(file: file.sitePath, line: error.line + 1, column: error.column)))
            }
        }
        var load = Load(page: nil, diagnostics: yamlProblem.map { [$0] } ?? [])
        if recording { load.bytes = data }
        let keyPositions = KeyPositions(frontMatter.positions)
        guard
            let made = assemble(
                file, values: frontMatter.value, keyPositions: keyPositions, body: split.body,
                bodyLineOffset: split.bodyLineOffset)
        else { return load }
        load.page = made.page
        load.diagnostics += made.diagnostics
        if recording, yamlProblem == nil, made.page != nil, !made.neededBody, !file.sitePath.hasPrefix("/") {
            load.record = FrontMatterRecord(
                values: frontMatter.value, keyPositions: keyPositions, bodyLineOffset: split.bodyLineOffset,
                body: PageBodies.Fingerprint(split.body))
        }
        return load
    }

    /// The page from its front matter and body, as the rest of `load` makes it, and whether that needed the body
    /// (a post, a stylesheet, a page titled by its first heading); nil when `body` is nil and the page needs it.
    private func assemble(
        _ file: SourceFile, values frontMatter: LiquidValue, keyPositions: KeyPositions, body bodyText: String?,
        bodyLineOffset textLineOffset: Int
    ) -> (page: Page?, diagnostics: [Diagnostic], neededBody: Bool)? {
        let start = SourceLocation(file: file.sitePath, line: 1, column: 1)
        var neededBody = file.collection == "posts" || SassStylesheet.syntax(ofPath: file.relativePath) != nil
        if neededBody && bodyText == nil { return nil }
        var diagnostics: [Diagnostic] = []
        let sitePath = file.sitePath
        // The config's `defaults` under the page's own front matter, for every key (`layout` and `permalink`
        // too, as in Jekyll); a value that comes from the defaults is reported at the page's first line.
        var values = defaults(for: file)
        if case .object(let own) = frontMatter {
            if values.isEmpty {
                values = own
            } else {
                values.reserveCapacity(values.count + own.count)
                values.merge(own) { _, new in new }
            }
        }
        // The decoder reads the values; positions come from `locate`.
        let merged = YAMLData(value: .object(values), positions: [:])
        let locate: (String) -> SourceLocation = { path in
            let position = keyPositions.position(of: path) ?? (0, 1)
            return SourceLocation(file: sitePath, line: position.line + 1, column: position.column)
        }
        var decoder = PageMetaDecoder(data: merged, location: locate)
        var meta = decoder.decode()
        diagnostics += decoder.diagnostics
        // jekyll-titles-from-headings: an untitled Markdown page is titled by the heading it starts with.
        if meta.title == nil, config.plugins.contains("jekyll-titles-from-headings"),
            ["md", "markdown"].contains(Discovery.pathExtension(file.relativePath))
        {
            guard let bodyText else { return nil }
            neededBody = true
            if let heading = Self.leadingHeading(bodyText) {
                meta.title = heading
                values["title"] = .string(heading)
            }
        }
        // A Jekyll post: dated by its file name (a file without the date is no post, as in Jekyll), left out while
        // its date is to come, titled by its slug when untitled.
        var post: JekyllPost?
        if file.collection == "posts" {
            guard let parsed = JekyllPost(sitePath: file.sitePath, frontMatter: values) else {
                return (
                    nil,
                    diagnostics + [
                        .warning(
                            "source.post-name", "a post's file name starts with its date: this file is not published",
                            at: start, fixIt: "name it YYYY-MM-DD-title.md")
                    ],
                    true
                )
            }
            if !config.publishesFuturePosts && parsed.isAfter(Date()) { return (nil, diagnostics, true) }
            if meta.title == nil {
                meta.title = parsed.titleFromSlug
                values["title"] = .string(parsed.titleFromSlug)
            }
            post = parsed
        }
        let contentPath = file.relativePath
        let pageURL: String
        let collectionPattern =
            file.collection.flatMap { config.collections[$0]?.permalink }
            ?? post.map { _ in JekyllPost.pattern(forStyle: config.permalink) }
        let nameExtension = Discovery.pathExtension(contentPath)
        if let pattern = meta.permalink.flatMap({ PermalinkPattern.isPattern($0) ? $0 : nil }) ?? collectionPattern {
            var slug: String?
            if case .string(let text)? = values["slug"] { slug = text }
            pageURL = PermalinkPattern.url(
                pattern, contentPath: contentPath, collection: file.collection, slug: slug, post: post)
        } else if meta.permalink == nil, !Discovery.pageExtensions.contains(nameExtension) {
            // A page that is not Markdown or HTML (`sitemap.xml`, `robots.txt`) keeps its name; a stylesheet's is
            // `.css`.
            pageURL = SassStylesheet.cssURL("/" + (file.collection.map { $0 + "/" } ?? "") + contentPath)
        } else {
            pageURL = Permalink.url(
                contentPath: contentPath, explicit: meta.permalink, style: config.permalink,
                collection: file.collection)
        }
        let outputPath: OutputPath
        do {
            outputPath = try OutputPath(confining: Permalink.outputPath(forURL: pageURL))
        } catch {
            diagnostics.append(
                .error(
                    "permalink.unsafe", "this page cannot be written: \(error)",
                    at: meta.permalink != nil ? locate("permalink") : start,
                    note: "a page is written only inside the output folder"))
            return (nil, diagnostics, neededBody)
        }
        let isMarkdown = Self.isMarkdown(file)
        let (body, bodyLineOffset) =
            SassStylesheet.syntax(ofPath: contentPath) == nil
            ? (bodyText ?? "", textLineOffset) : SassStylesheet.body(bodyText ?? "", lineOffset: textLineOffset)
        if let post {
            values.merge(
                post.values(
                    url: pageURL, body: body, isMarkdown: isMarkdown, config: config)
            ) { _, new in new }
        }
        let page = Page(
            sitePath: file.sitePath, contentPath: Self.contentPath(of: file),
            url: pageURL,
            outputPath: outputPath.path, meta: meta, keyPositions: keyPositions, values: values,
            body: body, bodyLineOffset: bodyLineOffset, isMarkdown: isMarkdown,
            collection: file.collection, config: config)
        return (page, diagnostics, neededBody)
    }

    /// The config's `defaults` that apply to a file, later entries winning. As Jekyll scopes them: `path` is
    /// relative to the site source (so `_how-tos` names a collection's folder; in a Docent-layout site, to the
    /// content folder) and may hold `*` wildcards; `type` is `pages`, `posts` or a collection's name.
    private func defaults(for file: SourceFile) -> [String: LiquidValue] {
        guard !config.defaults.isEmpty else { return [:] }
        var values: [String: LiquidValue] = [:]
        let path = config.layout == .jekyll ? file.sitePath : file.relativePath
        for entry in config.defaults {
            let typeMatches: Bool
            switch entry.type {
            case nil: typeMatches = true
            case "pages"?: typeMatches = file.collection == nil
            case let type?: typeMatches = type == file.collection
            }
            if typeMatches && Self.path(path, isIn: entry.scope) { values.merge(entry.values) { _, new in new } }
        }
        return values
    }

    /// Whether a site path is inside a defaults scope path ("docs", "docs/", "./docs", "docs/*/guide.md").
    static func path(_ path: String, isIn scope: String) -> Bool {
        var scope = Substring(scope)
        while scope.hasPrefix("./") { scope = scope.dropFirst(2) }
        while scope.hasPrefix("/") { scope = scope.dropFirst() }
        while scope.hasSuffix("/") { scope = scope.dropLast() }
        if scope.isEmpty || scope == "." { return true }
        if scope.contains("*") {
            // A glob matches the path or one of its folders.
            var prefix = ""
            for part in path.split(separator: "/") {
                prefix += prefix.isEmpty ? String(part) : "/" + part
                if fnmatch(String(scope), prefix, FNM_PATHNAME) == 0 { return true }
            }
            return false
        }
        return path == scope || path.hasPrefix(scope + "/")
    }

    /// The text of the heading a Markdown body starts with (`# Title`, up to `###`, or a setext heading), as
    /// jekyll-titles-from-headings reads it.
    static func leadingHeading(_ body: String) -> String? {
        var lines = body.split(separator: "\n", maxSplits: 3, omittingEmptySubsequences: false).makeIterator()
        var first = lines.next()
        while let line = first, line.allSatisfy({ $0 == " " || $0 == "\r" }) { first = lines.next() }
        guard let line = first?.trimmingCharacters(in: .whitespaces) else { return nil }
        let hashes = line.prefix { $0 == "#" }.count
        if (1...3).contains(hashes), line.dropFirst(hashes).first == " " {
            var text = line.dropFirst(hashes).trimmingCharacters(in: .whitespaces)
            while text.hasSuffix("#") { text = String(text.dropLast()).trimmingCharacters(in: .whitespaces) }
            return text.isEmpty ? nil : text
        }
        if let underline = lines.next()?.trimmingCharacters(in: .whitespaces), !underline.isEmpty,
            underline.allSatisfy({ $0 == "=" }) || underline.allSatisfy({ $0 == "-" }), !line.isEmpty
        {
            return line
        }
        return nil
    }

    /// The offset of the first NUL byte (memchr: Data's own search goes byte by byte).
    static func firstNUL(in data: Data) -> Int? {
        data.withUnsafeBytes { raw -> Int? in
            guard let base = raw.baseAddress, let found = memchr(base, 0, raw.count) else { return nil }
            return base.distance(to: UnsafeRawPointer(found))
        }
    }

    /// The byte offset of the first byte that is not part of a well-formed UTF-8 sequence.
    static func firstInvalidUTF8(in data: Data) -> Int {
        let bytes = [UInt8](data)
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length: Int
            switch lead {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return index
            }
            guard index + length <= bytes.count else { return index }
            for next in 1..<length where bytes[index + next] & 0xC0 != 0x80 { return index }
            index += length
        }
        return index
    }

    static func location(of offset: Int, in data: Data, file: String) -> SourceLocation {
        var line = 1
        var lineStart = 0
        for (index, byte) in data.prefix(offset).enumerated() where byte == 0x0A {
            line += 1
            lineStart = index + 1
        }
        return SourceLocation(file: file, line: line, column: offset - lineStart + 1)
    }
}
