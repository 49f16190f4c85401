import Foundation

/// The site's search index as static files under `search/`, so a query fetches only what it needs:
///
/// - `manifest.json`: the page count, the shard keys, the filter keys, the stop words;
/// - `shards/KEY.json`: for the words starting with KEY (their first three characters), each word's term (its stem)
///   and every term's postings, a flat list of `page, score, section count, sections…` (BM25 with title >
///   headings > aliases > text, best sections first);
/// - `pages/N.json`: pages `N*pageGroup` on, each `[url, title, [[anchor, heading, snippet], …]]`;
/// - `filters.json`: for each filter key, each value's pages.
public struct SearchIndex {
    public static let folder = "search"
    public static let manifestPath = "search/manifest.json"
    public static let pageGroup = 16
    /// A term's postings keep its best-scoring pages only: a word on every page says little.
    public static let maxPostings = 1_000
    public static let stopWords: Set<String> = [
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "is", "it", "of", "on", "or", "that",
        "the", "this", "to", "was", "will", "with",
    ]

    /// The files by output path, in path order.
    public static func files(_ documents: [SearchDocument], filterKeys: [String]) -> [(path: String, text: String)] {
        let documents = documents.sorted { $0.url < $1.url }
        let index = SearchIndex(documents)
        var files: [(String, String)] = [
            (manifestPath, index.manifest(filterKeys: filterKeys)),
            ("search/filters.json", filters(documents, keys: filterKeys)),
        ]
        for (key, text) in index.shards() { files.append(("search/shards/\(shardFile(key)).json", text)) }
        for start in stride(from: 0, to: documents.count, by: pageGroup) {
            let group = documents[start..<min(start + pageGroup, documents.count)]
            files.append(("search/pages/\(start / pageGroup).json", pages(group)))
        }
        return files.sorted { $0.0 < $1.0 }
    }

    /// The shard a word's postings are in: its first three characters.
    public static func shardKey(_ word: String) -> String { String(word.prefix(3)) }

    /// A shard key as a file name: itself when it is lowercase ASCII letters and digits, else its UTF-8 in hex.
    public static func shardFile(_ key: String) -> String {
        if key.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) }) { return key }
        return "x" + key.utf8.map { String(format: "%02x", $0) }.joined()
    }

    // MARK: - Building

    private struct Posting {
        var page: Int32
        var weight: UInt32
        var sections: SIMD4<UInt32>
        var score: Int32 = 0
    }

    private let pageCount: Int
    private var stems: [String] = []
    private var stemIDs: [String: Int] = [:]
    private var wordStems: [String: Int] = [:]
    private var postings: [[Posting]] = []

    private init(_ documents: [SearchDocument]) {
        pageCount = documents.count
        wordStems.reserveCapacity(1 << 16)
        stemIDs.reserveCapacity(1 << 15)
        var lengths: [Int] = []
        for (page, document) in documents.enumerated() {
            lengths.append(max(1, document.length))
            for word in document.words where !Self.stopWords.contains(word.word) {
                let id = stemID(of: word.word)
                if let last = postings[id].indices.last, postings[id][last].page == Int32(page) {
                    postings[id][last].weight &+= word.weight
                    postings[id][last].sections = Self.merged(postings[id][last].sections, word.sections)
                } else {
                    postings[id].append(Posting(page: Int32(page), weight: word.weight, sections: word.sections))
                }
            }
        }
        let average = Double(lengths.reduce(0, +)) / Double(max(1, lengths.count))
        let total = Double(pageCount)
        for id in postings.indices {
            let frequency = Double(postings[id].count)
            let idf = log(1 + (total - frequency + 0.5) / (frequency + 0.5))
            for index in postings[id].indices {
                let weight = Double(postings[id][index].weight)
                let length = Double(lengths[Int(postings[id][index].page)])
                let bm25 = idf * weight * 2.2 / (weight + 1.2 * (0.25 + 0.75 * length / average))
                postings[id][index].score = Int32(min(bm25 * 100, Double(Int32.max)).rounded())
            }
            if postings[id].count > Self.maxPostings {
                postings[id] = Array(
                    postings[id].sorted { ($0.score, -$0.page) > ($1.score, -$1.page) }.prefix(Self.maxPostings)
                ).sorted { $0.page < $1.page }
            }
        }
    }

    private mutating func stemID(of word: String) -> Int {
        if let id = wordStems[word] { return id }
        let stem = Stemmer.stem(word)
        let id: Int
        if let known = stemIDs[stem] {
            id = known
        } else {
            id = stems.count
            stems.append(stem)
            stemIDs[stem] = id
            postings.append([])
        }
        wordStems[word] = id
        return id
    }

    /// The heaviest four of both words' sections (a section both name counts with the weights added).
    private static func merged(_ left: SIMD4<UInt32>, _ right: SIMD4<UInt32>) -> SIMD4<UInt32> {
        var result = left
        for lane in 0..<4 where right[lane] != 0 {
            let packed = right[lane]
            if let same = (0..<4).first(where: { result[$0] != 0 && result[$0] & 0xFFFF == packed & 0xFFFF }) {
                let weight = min((result[same] >> 16) + (packed >> 16), 0xFFFF)
                result[same] = (weight << 16) | (packed & 0xFFFF)
                continue
            }
            var lowest = 0
            for other in 1..<4 where result[other] < result[lowest] { lowest = other }
            if packed > result[lowest] { result[lowest] = packed }
        }
        return result
    }

    // MARK: - Files

    private func manifest(filterKeys: [String]) -> String {
        var out = "{\"version\":1,\"pages\":\(pageCount),\"pageGroup\":\(Self.pageGroup),\"typoMinLength\":5"
        out += ",\"filters\":"
        JSONText.strings(filterKeys, into: &out)
        out += ",\"stopWords\":"
        JSONText.strings(Self.stopWords.sorted(), into: &out)
        out += ",\"shards\":"
        JSONText.strings(Set(wordStems.keys.map(Self.shardKey)).sorted(), into: &out)
        out += "}\n"
        return out
    }

    private func shards() -> [(key: String, text: String)] {
        var byKey: [String: [String]] = [:]
        for word in wordStems.keys where !postings[wordStems[word]!].isEmpty {
            byKey[Self.shardKey(word), default: []].append(word)
        }
        return byKey.keys.sorted().map { key in
            let words = byKey[key]!.sorted()
            var local: [Int: Int] = [:]
            var order: [Int] = []
            for word in words where local[wordStems[word]!] == nil {
                local[wordStems[word]!] = order.count
                order.append(wordStems[word]!)
            }
            var out = "{\"words\":{"
            for (index, word) in words.enumerated() {
                if index > 0 { out += "," }
                JSONText.string(word, into: &out)
                out += ":\(local[wordStems[word]!]!)"
            }
            out += "},\"terms\":["
            for (index, id) in order.enumerated() {
                if index > 0 { out += "," }
                out += "["
                var first = true
                for posting in postings[id] {
                    var sections = posting.sections
                    Self.sortDescending(&sections)
                    let count = (0..<4).filter { sections[$0] != 0 }.count
                    if !first { out += "," }
                    first = false
                    out += String(posting.page)
                    out += ","
                    out += String(posting.score)
                    out += ","
                    out += String(count)
                    for lane in 0..<count {
                        out += ","
                        out += String(sections[lane] & 0xFFFF)
                    }
                }
                out += "]"
            }
            out += "]}\n"
            return (key, out)
        }
    }

    /// The four lanes, largest first (unused lanes, 0, last).
    private static func sortDescending(_ lanes: inout SIMD4<UInt32>) {
        for pass in 0..<3 {
            for lane in 0..<(3 - pass) where lanes[lane] < lanes[lane + 1] {
                (lanes[lane], lanes[lane + 1]) = (lanes[lane + 1], lanes[lane])
            }
        }
    }

    private static func pages(_ group: ArraySlice<SearchDocument>) -> String {
        var out = "["
        for (index, document) in group.enumerated() {
            out += index == 0 ? "\n[" : ",\n["
            JSONText.string(document.url, into: &out)
            out += ","
            JSONText.string(document.title, into: &out)
            out += ",["
            for (number, section) in document.sections.enumerated() {
                if number > 0 { out += "," }
                out += "["
                JSONText.string(section.anchor, into: &out)
                out += ","
                JSONText.string(section.heading, into: &out)
                out += ","
                JSONText.string(section.text, into: &out)
                out += "]"
            }
            out += "]]"
        }
        out += "\n]\n"
        return out
    }

    private static func filters(_ documents: [SearchDocument], keys: [String]) -> String {
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
