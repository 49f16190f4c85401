import DocentMarkdown

/// One page's entry in the build cache: the key it was rendered under, what it depended on (to compute the key
/// again on the next build), and everything the build's emit stage takes from a rendered page: its search document,
/// its Markdown twin, its feed content and whether it has a tab set. Not its HTML: the previous site's file is
/// linked into the new one (`OutputRecords`).
struct CachedPage {
    var sitePath: String
    /// `PageCacheKeys.key(of:dependencies:)` when the page was rendered.
    var key: String
    /// What the page depended on, encoded: decoded only when the key is computed again (`dependencies()`); a page
    /// trusted under an unchanged world (`BuildCacheRun`) needs only `readsRelativeFiles`.
    private var dependencyBytes: ArraySlice<UInt8>
    /// Whether the page read files by path (`include_relative`, `PageDependencies.relativeFiles`).
    var readsRelativeFiles: Bool
    var search: SearchDocument?
    var markdown: String?
    var feedContent: String?
    var usesTabs: Bool

    /// Whether a rendered page can be reused as the cache keeps it: one with problems, a walkthrough (its steps run
    /// against the simulation) or a stylesheet (source map, imports) is rendered on every build.
    static func isCacheable(_ rendered: RenderedPage) -> Bool {
        rendered.diagnostics.isEmpty && rendered.walkthrough == nil && rendered.sourceMap == nil
            && rendered.stylesheetInputs.isEmpty && !rendered.page.isStylesheet
    }

    init(_ rendered: RenderedPage, key: String, dependencies: PageDependencies) {
        sitePath = rendered.page.sitePath
        self.key = key
        var writer = CacheWriter()
        dependencies.encode(into: &writer)
        dependencyBytes = writer.bytes[...]
        readsRelativeFiles = !dependencies.relativeFiles.isEmpty
        search = rendered.search
        markdown = rendered.markdown
        feedContent = rendered.feedContent
        usesTabs = rendered.usesTabs
    }

    /// The rendered page for `page` (the page as this build loaded it), as the emit stage needs it (the HTML is the
    /// linked file's).
    func rendered(_ page: Page) -> RenderedPage {
        var result = RenderedPage(
            page: page, html: "", outline: Outline(), bodyHadLiquid: false, bodyOrigins: nil, bodyReferences: nil,
            diagnostics: [], walkthrough: nil, search: search)
        result.markdown = markdown
        result.feedContent = feedContent
        result.usesTabs = usesTabs
        return result
    }

    /// What the page depended on when it was rendered.
    func dependencies() throws(CacheReader.Truncated) -> PageDependencies {
        var reader = CacheReader(dependencyBytes)
        let dependencies = try PageDependencies(from: &reader)
        guard reader.isAtEnd else { throw CacheReader.Truncated() }
        return dependencies
    }

    // MARK: - Encoding

    var encoded: [UInt8] {
        var writer = CacheWriter()
        writer.append(sitePath)
        writer.append(key)
        writer.append(readsRelativeFiles)
        writer.append(UInt64(dependencyBytes.count))
        writer.bytes += dependencyBytes
        writer.append(markdown)
        writer.append(feedContent)
        writer.append(usesTabs)
        writer.append(search != nil)
        search?.encode(into: &writer)
        return writer.bytes
    }

    init(decoding payload: ArraySlice<UInt8>) throws(CacheReader.Truncated) {
        var reader = CacheReader(payload)
        sitePath = try reader.string()
        key = try reader.string()
        readsRelativeFiles = try reader.bool()
        dependencyBytes = try reader.bytes(try reader.count())
        markdown = try reader.optionalString()
        feedContent = try reader.optionalString()
        usesTabs = try reader.bool()
        search = try reader.bool() ? try SearchDocument(from: &reader) : nil
        guard reader.isAtEnd else { throw CacheReader.Truncated() }
    }
}

// MARK: - Private

extension PageDependencies {
    fileprivate func encode(into writer: inout CacheWriter) {
        writer.append(layouts.sorted())
        writer.append(references.includes.sorted())
        writer.append(references.relativeIncludes.sorted())
        writer.append(references.anyInclude)
        writer.append(references.data.sorted())
        writer.append(references.anyData)
        writer.append(references.sitePages)
        writer.append(references.readsLists)
        writer.append(relativeFiles.sorted())
        writer.append(pageURLs.sorted())
        writer.append(linkedContentPaths.sorted())
        writer.append(anyLink)
        writer.append(usesLiquid)
    }

    fileprivate init(from reader: inout CacheReader) throws(CacheReader.Truncated) {
        self.init()
        layouts = Set(try reader.strings())
        references.includes = Set(try reader.strings())
        references.relativeIncludes = Set(try reader.strings())
        references.anyInclude = try reader.bool()
        references.data = Set(try reader.strings())
        references.anyData = try reader.bool()
        references.sitePages = try reader.bool()
        references.readsLists = try reader.bool()
        relativeFiles = Set(try reader.strings())
        pageURLs = Set(try reader.strings())
        linkedContentPaths = Set(try reader.strings())
        anyLink = try reader.bool()
        usesLiquid = try reader.bool()
    }
}

extension SearchDocument {
    fileprivate func encode(into writer: inout CacheWriter) {
        writer.append(url)
        writer.append(title)
        writer.append(UInt64(filters.count))
        for filter in filters {
            writer.append(filter.key)
            writer.append(filter.values)
        }
        writer.append(UInt64(sections.count))
        for section in sections {
            writer.append(section.anchor)
            writer.append(section.heading)
            writer.append(section.text)
        }
        writer.append(length)
        writer.append(UInt64(words.count))
        for number in 0..<words.count {
            writer.append(words.table.string(number))
            writer.append(UInt64(words.weights[number]), width: 4)
            writer.append(words.sections[number])
        }
    }

    fileprivate init(from reader: inout CacheReader) throws(CacheReader.Truncated) {
        let url = try reader.string()
        let title = try reader.string()
        var filters: [(key: String, values: [String])] = []
        for _ in 0..<(try reader.count()) { filters.append((try reader.string(), try reader.strings())) }
        var sections: [SearchSection] = []
        for _ in 0..<(try reader.count()) {
            sections.append(
                SearchSection(anchor: try reader.string(), heading: try reader.string(), text: try reader.string()))
        }
        let length = try reader.int()
        let count = try reader.count()
        var table = WordTable(expectedWords: count)
        var weights: [UInt32] = []
        var wordSections: [UInt64] = []
        weights.reserveCapacity(count)
        wordSections.reserveCapacity(count)
        for number in 0..<count {
            let word = try reader.bytes(try reader.count())
            // Words are stored in their numbers' order, each once: the table numbers them the same again.
            let given = word.withUnsafeBufferPointer { table.number(of: $0) }
            guard given == number else { throw CacheReader.Truncated() }
            weights.append(UInt32(truncatingIfNeeded: try reader.integer(width: 4)))
            wordSections.append(try reader.integer())
        }
        self.init(
            url: url, title: title, filters: filters, sections: sections,
            words: SearchWords(table: table, weights: weights, sections: wordSections), length: length)
    }

    private init(
        url: String, title: String, filters: [(key: String, values: [String])], sections: [SearchSection],
        words: SearchWords, length: Int
    ) {
        self.url = url
        self.title = title
        self.filters = filters
        self.sections = sections
        self.words = words
        self.length = length
    }
}
