import Foundation

/// The site's search index as static files under `search/`, so a query fetches only what it needs:
///
/// - `manifest.json`: the page count, the shard keys and each shard's size, the filter keys, the stop words;
/// - `shards/KEY.json`: for the words starting with KEY (their first three characters), each word's term (its stem)
///   and every term's postings, a flat list of `page, score, section count, sections…` (BM25 with title >
///   headings > aliases > text, best sections first);
/// - `pages/N.json`: pages `N*pageGroup` on, each `[url, title, [[anchor, heading, text], …]]`;
/// - `filters.json`: for each filter key, each value's pages.
///
/// Pages are added as they render, from any thread (`add`), each page's words going at once into the log of a writer
/// of its own thread (by partition: their first byte, which a stem's words share), so no page keeps its word table;
/// the partitions gather the writers' logs and are scored and written on every core (`files`).
public final class SearchIndex: @unchecked Sendable {
    public static let folder = "search"
    public static let manifestPath = "search/manifest.json"
    public static let pageGroup = 16
    /// A term's postings keep its best-scoring pages only: a word on every page says little.
    public static let maxPostings = 1_000
    public static let stopWords: Set<String> = [
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "is", "it", "of", "on", "or", "that",
        "the", "this", "to", "was", "will", "with",
    ]
    /// Words are spread over this many partitions by their first byte.
    static let partitionCount = 32

    private let lock = NSLock()
    private var pages: [IndexedPage] = []
    /// Every writer, and those no page is using now.
    private var writers: [SearchWriter] = []
    private var idleWriters: [SearchWriter] = []

    public init() {}

    /// Adds a page: its words go to the log of a writer no other page is using (one per thread that adds at once),
    /// its entry of a page file (written here) and its filters are kept for the page files.
    public func add(_ document: SearchDocument) {
        let words = document.words
        // The page's entry of its page file written now, on the thread that rendered it, so its sections' strings go
        // as soon as the page is added rather than living on until the index is written.
        let indexed = IndexedPage(document)
        let (page, writer) = lock.withLock {
            pages.append(indexed)
            if let writer = idleWriters.popLast() { return (Int32(pages.count - 1), writer) }
            let writer = SearchWriter()
            writers.append(writer)
            return (Int32(pages.count - 1), writer)
        }
        writer.add(words, number: page)
        lock.withLock { idleWriters.append(writer) }
    }

    /// The index of `documents`, added on every core.
    public static func files(_ documents: [SearchDocument], filterKeys: [String]) -> [(path: String, bytes: [UInt8])] {
        let index = SearchIndex()
        documents.withUnsafeBufferPointer { buffer in
            let input = UnsafeSendable(buffer)
            DispatchQueue.concurrentPerform(iterations: buffer.count) { index.add(input.value[$0]) }
        }
        return index.files(filterKeys: filterKeys)
    }

    /// The files by output path, in path order; pages are numbered in URL order.
    public func files(filterKeys: [String]) -> [(path: String, bytes: [UInt8])] {
        let collected = Collected()
        write(filterKeys: filterKeys) { path, bytes in collected.lock.withLock { collected.files.append((path, bytes)) }
        }
        return collected.files.sorted { $0.path < $1.path }
    }

    /// Hands each file to `write` as soon as it is made, from any thread and in no set order, so the index is never
    /// all in memory at once (the shards and page files of 10,000 pages are 57 MB). Returns the first error `write`
    /// threw, if any (the other files are still handed over).
    @discardableResult
    public func write(filterKeys: [String], _ write: @escaping @Sendable (String, [UInt8]) throws -> Void) -> Error? {
        let (pages, writers) = lock.withLock { (self.pages, self.writers) }
        let order = pages.indices.sorted { pages[$0].url < pages[$1].url }
        var rank = [Int32](repeating: 0, count: pages.count)
        for (position, page) in order.enumerated() { rank[page] = Int32(position) }
        let lengths = order.map { max(1, pages[$0].length) }
        let scoring = SearchPartition.Scoring(
            rank: rank, lengths: lengths,
            averageLength: Double(lengths.reduce(0, +)) / Double(max(1, lengths.count)))
        let failure = FirstError()
        let hand: @Sendable (String, [UInt8]) -> Void = { path, bytes in
            do { try write(path, bytes) } catch { failure.record(error) }
        }
        let partitions = Array(0..<Self.partitionCount)
        let shards = SiteBuilder.parallelMap(partitions) { number -> [(key: String, size: Int)] in
            SearchPartition(number: number, writers: writers).shards(scoring).map { shard in
                hand("search/shards/\(Self.shardFile(shard.key)).json", shard.bytes)
                return (shard.key, shard.bytes.count)
            }
        }.flatMap { $0 }.sorted { $0.key < $1.key }
        let sorted = order.map { pages[$0] }
        let groups = stride(from: 0, to: sorted.count, by: Self.pageGroup).map {
            (number: $0 / Self.pageGroup, pages: sorted[$0..<min($0 + Self.pageGroup, sorted.count)])
        }
        _ = SiteBuilder.parallelMap(groups) { group -> Bool in
            hand("search/pages/\(group.number).json", Self.pages(group.pages))
            return true
        }
        hand(Self.manifestPath, Array(Self.manifest(pages: sorted.count, shards: shards, filterKeys: filterKeys).utf8))
        hand("search/filters.json", Array(Self.filters(sorted, keys: filterKeys).utf8))
        return failure.error
    }

    /// The shard a word's postings are in: its first three characters.
    public static func shardKey(_ word: String) -> String { String(word.prefix(3)) }

    /// A shard key as a file name: itself when it is lowercase ASCII letters and digits, else its UTF-8 in hex.
    public static func shardFile(_ key: String) -> String {
        if key.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) }) { return key }
        return "x" + key.utf8.map { String(format: "%02x", $0) }.joined()
    }

    static func partition(_ firstByte: UInt8) -> Int { Int(firstByte) % partitionCount }

    // MARK: - Files

    private static func manifest(pages: Int, shards: [(key: String, size: Int)], filterKeys: [String]) -> String {
        var out = "{\"version\":2,\"pages\":\(pages),\"pageGroup\":\(pageGroup),\"typoMinLength\":5"
        out += ",\"filters\":"
        JSONText.strings(filterKeys, into: &out)
        out += ",\"stopWords\":"
        JSONText.strings(stopWords.sorted(), into: &out)
        out += ",\"shards\":"
        JSONText.strings(shards.map(\.key), into: &out)
        // Each shard's size, so a query may look in the neighbours of a mistyped word's shard within a budget.
        out += ",\"shardBytes\":[" + shards.map { String($0.size) }.joined(separator: ",") + "]"
        out += "}\n"
        return out
    }

    private static func pages(_ group: ArraySlice<IndexedPage>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(group.reduce(2) { $0 + $1.entry.count + 2 } + 2)
        out.append(UInt8(ascii: "["))
        for (index, page) in group.enumerated() {
            out.append(contentsOf: index == 0 ? "\n".utf8 : ",\n".utf8)
            out.append(contentsOf: page.entry)
        }
        out.append(contentsOf: "\n]\n".utf8)
        return out
    }

    private static func filters(_ documents: [IndexedPage], keys: [String]) -> String {
        var out = "{"
        for (number, key) in keys.enumerated() {
            var byValue: [String: [Int]] = [:]
            for (page, document) in documents.enumerated() {
                for value in document.filters.first(where: { $0.key == key })?.values ?? [] {
                    byValue[value, default: []].append(page)
                }
            }
            if number > 0 { out += "," }
            JSONText.string(key, into: &out)
            out += ":{"
            for (index, value) in byValue.keys.sorted().enumerated() {
                if index > 0 { out += "," }
                JSONText.string(value, into: &out)
                out += ":[" + byValue[value]!.map(String.init).joined(separator: ",") + "]"
            }
            out += "}"
        }
        out += "}\n"
        return out
    }
}

/// What the index keeps of a page once its words are logged: its URL and length (the pages' order, BM25), its
/// filters, and its entry of a page file, `[url, title, [[anchor, heading, text], …]]`.
private struct IndexedPage {
    var url: String
    var length: Int
    var filters: [(key: String, values: [String])]
    var entry: [UInt8]

    init(_ document: SearchDocument) {
        url = document.url
        length = document.length
        filters = document.filters
        var out: [UInt8] = []
        out.reserveCapacity(document.sections.reduce(64) { $0 + $1.text.utf8.count + $1.heading.utf8.count + 64 })
        out.append(UInt8(ascii: "["))
        JSONText.string(document.url, into: &out)
        out.append(UInt8(ascii: ","))
        JSONText.string(document.title, into: &out)
        out.append(contentsOf: ",[".utf8)
        // Sections borrowed where they are (a `for` loop over them would copy each, retaining and releasing every
        // string in it).
        document.sections.withUnsafeBufferPointer { sections in
            for number in sections.indices {
                out.append(contentsOf: number > 0 ? ",[".utf8 : "[".utf8)
                JSONText.string(sections[number].anchor, into: &out)
                out.append(UInt8(ascii: ","))
                JSONText.string(sections[number].heading, into: &out)
                out.append(UInt8(ascii: ","))
                JSONText.string(sections[number].text, into: &out)
                out.append(UInt8(ascii: "]"))
            }
        }
        out.append(contentsOf: "]]".utf8)
        entry = out
    }
}

/// The files of `SearchIndex.files`, collected from the threads that make them.
private final class Collected: @unchecked Sendable {
    let lock = NSLock()
    var files: [(path: String, bytes: [UInt8])] = []
}

/// The first error of several threads.
private final class FirstError: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var error: Error?

    func record(_ error: Error) { lock.withLock { if self.error == nil { self.error = error } } }
}

/// A value handed to other threads that only read it.
struct UnsafeSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
