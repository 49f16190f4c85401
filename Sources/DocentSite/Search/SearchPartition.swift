import Foundation

/// The words of the search index that start with the bytes of one partition, their stems and each stem's postings;
/// pages add to it under its lock as they render. Stemming never changes a word's first byte, so a stem's words
/// are all here and its postings are complete.
final class SearchPartition: @unchecked Sendable {
    /// One page of a stem: its weighted count (its BM25 score once scored) and its best sections.
    struct Posting {
        var page: Int32
        var weight: UInt32
        /// `SearchWords` packing: up to four section numbers, heaviest first.
        var sections: UInt64
    }

    /// What scoring needs of the whole index: each page's number in URL order and its length.
    struct Scoring {
        /// Page number as added → page number in the files.
        var rank: [Int32]
        /// By page number in the files.
        var lengths: [Int]
        var averageLength: Double
    }

    /// A posting as a page adds it, with its stem: appended to one log (no array per stem to reach while pages
    /// render), grouped by stem when the shards are written.
    private struct Logged {
        var stem: Int32
        var page: Int32
        var weight: UInt32
        var sectionsLow: UInt32
        var sectionsHigh: UInt32
    }

    private let lock = NSLock()
    private var words = WordTable(expectedWords: 1 << 10)
    /// Word number → stem number; -1 for a stop word.
    private var wordStems: [Int32] = []
    private var stemNumbers: [String: Int32] = [:]
    /// The log in chunks of `chunkSize` (growing it never copies it or leaves half a buffer unused).
    private var logged: [[Logged]] = []
    private static let chunkSize = 1 << 14

    /// Adds the page's words `numbers` (all of this partition).
    func add(_ page: SearchWords, numbers: ArraySlice<Int32>, page number: Int32) {
        lock.withLock {
            page.table.bytes.withUnsafeBufferPointer { bytes in
                for word in numbers {
                    let slice = page.table.word(Int(word))
                    let stem = stemNumber(
                        of: UnsafeBufferPointer(rebasing: bytes[slice.startIndex..<slice.endIndex]),
                        hash: page.table.hash(Int(word)))
                    guard stem >= 0 else { continue }
                    let sections = page.sections[Int(word)]
                    if logged.isEmpty || logged[logged.count - 1].count == Self.chunkSize {
                        logged.append([])
                        logged[logged.count - 1].reserveCapacity(Self.chunkSize)
                    }
                    logged[logged.count - 1].append(
                        Logged(
                            stem: stem, page: number, weight: page.weights[Int(word)],
                            sectionsLow: UInt32(truncatingIfNeeded: sections),
                            sectionsHigh: UInt32(truncatingIfNeeded: sections >> 32)))
                }
            }
        }
    }

    /// The shards of this partition's words: postings scored with BM25, a stem's best `maxPostings` pages kept.
    func shards(_ scoring: Scoring) -> [(key: String, bytes: [UInt8])] {
        lock.withLock {
            let scored = scoredPostings(scoring)
            var byKey: [String: [Int]] = [:]
            for number in 0..<words.count where wordStems[number] >= 0 {
                byKey[SearchIndex.shardKey(words.string(number)), default: []].append(number)
            }
            return byKey.map { key, numbers in
                let sorted = numbers.sorted { words.word($0).lexicographicallyPrecedes(words.word($1)) }
                return (key, shard(sorted, postings: scored))
            }
        }
    }

    /// Each stem's postings: the log grouped by stem (a stable counting sort, so a page's postings of a stem stay
    /// together and two words of one stem on a page become one posting), scored, cut, in page order.
    private func scoredPostings(_ scoring: Scoring) -> [[Posting]] {
        let stemCount = stemNumbers.count
        var starts = [Int](repeating: 0, count: stemCount + 1)
        for chunk in logged { for entry in chunk { starts[Int(entry.stem) + 1] += 1 } }
        for stem in 0..<stemCount { starts[stem + 1] += starts[stem] }
        var next = starts
        var grouped = [Logged](
            repeating: Logged(stem: 0, page: 0, weight: 0, sectionsLow: 0, sectionsHigh: 0), count: starts[stemCount])
        for chunk in logged {
            for entry in chunk {
                grouped[next[Int(entry.stem)]] = entry
                next[Int(entry.stem)] += 1
            }
        }
        let total = Double(scoring.lengths.count)
        var scored: [[Posting]] = []
        scored.reserveCapacity(stemCount)
        for stem in 0..<stemCount {
            var list: [Posting] = []
            list.reserveCapacity(starts[stem + 1] - starts[stem])
            for entry in grouped[starts[stem]..<starts[stem + 1]] {
                let sections = UInt64(entry.sectionsLow) | UInt64(entry.sectionsHigh) << 32
                if let last = list.indices.last, list[last].page == entry.page {
                    // Two words of one stem on the page ("update", "updates"): the heavier one's sections first.
                    let known = list[last]
                    list[last].sections =
                        known.weight >= entry.weight
                        ? SearchWords.merged(known.sections, sections) : SearchWords.merged(sections, known.sections)
                    list[last].weight = known.weight &+ entry.weight
                } else {
                    list.append(Posting(page: entry.page, weight: entry.weight, sections: sections))
                }
            }
            let frequency = Double(list.count)
            let idf = log(1 + (total - frequency + 0.5) / (frequency + 0.5))
            for index in list.indices {
                let page = scoring.rank[Int(list[index].page)]
                let weight = Double(list[index].weight)
                let length = Double(scoring.lengths[Int(page)])
                let bm25 = idf * weight * 2.2 / (weight + 1.2 * (0.25 + 0.75 * length / scoring.averageLength))
                list[index].page = page
                list[index].weight = UInt32(min(bm25 * 100, Double(Int32.max)).rounded())
            }
            if list.count > SearchIndex.maxPostings {
                list.sort { ($0.weight, -$0.page) > ($1.weight, -$1.page) }
                list.removeSubrange(SearchIndex.maxPostings...)
            }
            list.sort { $0.page < $1.page }
            scored.append(list)
        }
        return scored
    }

    // MARK: - Helpers

    private func stemNumber(of word: UnsafeBufferPointer<UInt8>, hash: UInt32) -> Int32 {
        let number = words.number(of: word, hash: hash)
        if number < wordStems.count { return wordStems[number] }
        let text = String(decoding: word, as: UTF8.self)
        guard !SearchIndex.stopWords.contains(text) else {
            wordStems.append(-1)
            return -1
        }
        let stem = Stemmer.stem(text)
        let stemNumber: Int32
        if let known = stemNumbers[stem] {
            stemNumber = known
        } else {
            stemNumber = Int32(stemNumbers.count)
            stemNumbers[stem] = stemNumber
        }
        wordStems.append(stemNumber)
        return stemNumber
    }

    /// `{"words":{word: term, …},"terms":[[page, score, count, sections…], …]}` for words in byte order.
    private func shard(_ numbers: [Int], postings: [[Posting]]) -> [UInt8] {
        var local: [Int32: Int] = [:]
        var order: [Int32] = []
        for number in numbers where local[wordStems[number]] == nil {
            local[wordStems[number]] = order.count
            order.append(wordStems[number])
        }
        var out: [UInt8] = []
        out.reserveCapacity(order.reduce(0) { $0 + postings[Int($1)].count * 14 } + numbers.count * 16)
        out.append(contentsOf: "{\"words\":{".utf8)
        for (index, number) in numbers.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            // A word is letters and digits (the tokenizer keeps nothing else): no escaping.
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: words.word(number))
            out.append(contentsOf: "\":".utf8)
            Self.append(local[wordStems[number]]!, to: &out)
        }
        out.append(contentsOf: "},\"terms\":[".utf8)
        for (index, stem) in order.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "["))
            for (position, posting) in postings[Int(stem)].enumerated() {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                Self.append(Int(posting.page), to: &out)
                out.append(UInt8(ascii: ","))
                Self.append(Int(posting.weight), to: &out)
                var count = 0
                SearchWords.numbers(posting.sections) { _ in count += 1 }
                out.append(UInt8(ascii: ","))
                Self.append(count, to: &out)
                SearchWords.numbers(posting.sections) { section in
                    out.append(UInt8(ascii: ","))
                    Self.append(Int(section), to: &out)
                }
            }
            out.append(UInt8(ascii: "]"))
        }
        out.append(contentsOf: "]}\n".utf8)
        return out
    }

    /// A non-negative number's decimal digits.
    private static func append(_ value: Int, to out: inout [UInt8]) {
        if value >= 10 { append(value / 10, to: &out) }
        out.append(UInt8(ascii: "0") + UInt8(value % 10))
    }
}
