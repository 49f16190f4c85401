import Foundation

/// The words of the search index that start with the bytes of one partition, their stems and each stem's postings,
/// gathered from every writer's log of the partition when the index is written. Stemming never changes a word's
/// first byte, so a stem's words are all here and its postings are complete.
struct SearchPartition {
    /// One page of a stem: its weighted count (its BM25 score once scored) and its best sections.
    struct Posting {
        var page: Int32
        var weight: UInt32
        /// `SearchWords` packing: up to four section numbers, heaviest first.
        var sections: UInt64

        /// Heavier first, then the lower page, as one number.
        var rank: UInt64 { UInt64(weight) << 32 | UInt64(UInt32.max - UInt32(page)) }
    }

    /// What scoring needs of the whole index: each page's number in URL order and its length.
    struct Scoring {
        /// Page number as added → page number in the files.
        var rank: [Int32]
        /// By page number in the files.
        var lengths: [Int]
        var averageLength: Double
        /// By page number in the files: the length's part of BM25's denominator, `1.2 × (0.25 + 0.75 × length /
        /// averageLength)` (the same for every word of the page).
        let lengthTerms: [Double]

        init(rank: [Int32], lengths: [Int], averageLength: Double) {
            self.rank = rank
            self.lengths = lengths
            self.averageLength = averageLength
            lengthTerms = lengths.map { 1.2 * (0.25 + 0.75 * Double($0) / averageLength) }
        }
    }

    /// Each stem's scored postings, in page order: stem `n`'s are `postings[starts[n]..<ends[n]]`.
    struct ScoredPostings {
        var postings: [Posting]
        var starts: [Int]
        var ends: [Int]

        func forEach(_ stem: Int, _ body: (Posting) -> Void) {
            postings.withUnsafeBufferPointer { postings in
                for index in starts[stem]..<ends[stem] { body(postings[index]) }
            }
        }

        func count(_ stem: Int) -> Int { ends[stem] - starts[stem] }
    }

    private let number: Int
    private let writers: [SearchWriter]
    private var words = WordTable(expectedWords: 1 << 10)
    /// Word number → stem number; -1 for a stop word.
    private var wordStems: [Int32] = []
    private var stemNumbers: [String: Int32] = [:]
    /// Per writer, the stem number of each of its words in this partition (by the word's place in the writer's part).
    private var writerStems: [[Int32]] = []

    /// Partition `number` of the writers' logs.
    init(number: Int, writers: [SearchWriter]) {
        self.number = number
        self.writers = writers
        for writer in writers {
            let vocabulary = writer.vocabulary
            let places = writer.parts[number].words
            var stems: [Int32] = []
            stems.reserveCapacity(places.count)
            vocabulary.bytes.withUnsafeBufferPointer { bytes in
                for word in places {
                    let range = vocabulary.range(Int(word))
                    stems.append(
                        stemNumber(of: UnsafeBufferPointer(rebasing: bytes[range]), hash: vocabulary.hash(Int(word))))
                }
            }
            writerStems.append(stems)
        }
    }

    /// The shards of this partition's words: postings scored with BM25, a stem's best `maxPostings` pages kept.
    func shards(_ scoring: Scoring) -> [(key: String, bytes: [UInt8])] {
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

    /// Each stem's postings: the writers' logs grouped by stem, read page after page in URL order (a counting sort,
    /// so each stem's postings are in page order, a page's postings of a stem stay together and two words of one
    /// stem on a page become one posting), scored, cut.
    private func scoredPostings(_ scoring: Scoring) -> ScoredPostings {
        // Every page's run of postings in this partition, by the page's number in the files.
        var runs: [(page: Int32, writer: Int, range: Range<Int>)] = []
        var parts: [SearchWriter.Part] = []
        for (index, writer) in writers.enumerated() {
            let part = writer.parts[number]
            for (run, value) in part.runs.enumerated() {
                runs.append((scoring.rank[Int(value.page)], index, Int(value.start)..<part.end(ofRun: run)))
            }
            parts.append(part)
        }
        runs.sort { $0.page < $1.page }
        let stemCount = stemNumbers.count
        var starts = [Int](repeating: 0, count: stemCount + 1)
        for (writer, part) in parts.enumerated() {
            for (place, stem) in writerStems[writer].enumerated() where stem >= 0 {
                starts[Int(stem) + 1] += Int(writers[writer].postingCount(ofWord: part.words[place]))
            }
        }
        for stem in 0..<stemCount { starts[stem + 1] += starts[stem] }
        var next = starts
        var grouped = [Posting](repeating: Posting(page: 0, weight: 0, sections: 0), count: starts[stemCount])
        for run in runs {
            let stems = writerStems[run.writer]
            parts[run.writer].forEachPosting(in: run.range) { place, weight, sections in
                let stem = Int(stems[place])
                guard stem >= 0 else { return }
                grouped[next[stem]] = Posting(page: run.page, weight: weight, sections: sections)
                next[stem] += 1
            }
        }
        // Merged, scored and cut where they are grouped: each stem's postings moved down to the start of its range,
        // so a stem's list is a range of one array, not an array of its own.
        let total = Double(scoring.lengths.count)
        var ends = [Int](repeating: 0, count: stemCount)
        var ranks: [UInt64] = []
        grouped.withUnsafeMutableBufferPointer { grouped in
            for stem in 0..<stemCount {
                let start = starts[stem]
                var end = start
                for index in start..<starts[stem + 1] {
                    let entry = grouped[index]
                    if end > start && grouped[end - 1].page == entry.page {
                        // Two words of one stem on the page ("update", "updates"): the heavier one's sections first.
                        let known = grouped[end - 1]
                        grouped[end - 1].sections =
                            known.weight >= entry.weight
                            ? SearchWords.merged(known.sections, entry.sections)
                            : SearchWords.merged(entry.sections, known.sections)
                        grouped[end - 1].weight = known.weight &+ entry.weight
                    } else {
                        grouped[end] = entry
                        end += 1
                    }
                }
                let frequency = Double(end - start)
                let idf = log(1 + (total - frequency + 0.5) / (frequency + 0.5))
                for index in start..<end {
                    let weight = Double(grouped[index].weight)
                    let bm25 = idf * weight * 2.2 / (weight + scoring.lengthTerms[Int(grouped[index].page)])
                    grouped[index].weight = UInt32(min(bm25 * 100, Double(Int32.max)).rounded())
                }
                if end - start > SearchIndex.maxPostings {
                    // The best postings (heaviest, then the lowest page), kept in page order: the rank of each as one
                    // number (no two alike), the cut at the last one kept.
                    ranks.removeAll(keepingCapacity: true)
                    for index in start..<end { ranks.append(grouped[index].rank) }
                    let lowestKept = Self.select(SearchIndex.maxPostings, highestOf: &ranks)
                    var kept = start
                    for index in start..<end where grouped[index].rank >= lowestKept {
                        grouped[kept] = grouped[index]
                        kept += 1
                    }
                    end = kept
                }
                ends[stem] = end
            }
        }
        return ScoredPostings(postings: grouped, starts: starts, ends: ends)
    }

    // MARK: - Helpers

    private mutating func stemNumber(of word: UnsafeBufferPointer<UInt8>, hash: UInt32) -> Int32 {
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
    private func shard(_ numbers: [Int], postings: ScoredPostings) -> [UInt8] {
        var local: [Int32: Int] = [:]
        var order: [Int32] = []
        for number in numbers where local[wordStems[number]] == nil {
            local[wordStems[number]] = order.count
            order.append(wordStems[number])
        }
        let bound =
            32 + numbers.reduce(0) { $0 + words.range($1).count + 16 }
            + order.reduce(0) { $0 + postings.count(Int($1)) * ShardText.postingBound + 3 }
        return ShardText.bytes(bound: bound) { out in
            out.append("{\"words\":{")
            for (index, number) in numbers.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                // A word is letters and digits (the tokenizer keeps nothing else): no escaping.
                out.append(UInt8(ascii: "\""))
                out.append(words.word(number))
                out.append("\":")
                out.append(UInt32(local[wordStems[number]]!))
            }
            out.append("},\"terms\":[")
            for (index, stem) in order.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                out.append(UInt8(ascii: "["))
                var first = true
                postings.forEach(Int(stem)) { posting in
                    if !first { out.append(UInt8(ascii: ",")) }
                    first = false
                    out.append(UInt32(posting.page))
                    out.append(UInt8(ascii: ","))
                    out.append(posting.weight)
                    var count: UInt32 = 0
                    SearchWords.numbers(posting.sections) { _ in count += 1 }
                    out.append(UInt8(ascii: ","))
                    out.append(count)
                    SearchWords.numbers(posting.sections) { section in
                        out.append(UInt8(ascii: ","))
                        out.append(UInt32(section))
                    }
                }
                out.append(UInt8(ascii: "]"))
            }
            out.append("]}\n")
        }
    }

    /// The `count`th highest of `values` (all different, more than `count`), found by partitioning them around
    /// pivots (quickselect) rather than sorting them; `values` is left in no set order.
    static func select(_ count: Int, highestOf values: inout [UInt64]) -> UInt64 {
        values.withUnsafeMutableBufferPointer { values in
            var (low, high) = (0, values.count - 1)
            let target = count - 1
            while low < high {
                // The median of the first, middle and last as the pivot; higher values to the left.
                let middle = low + (high - low) / 2
                let pivot = max(min(values[low], values[middle]), min(max(values[low], values[middle]), values[high]))
                var (left, right) = (low, high)
                while left <= right {
                    while values[left] > pivot { left += 1 }
                    while values[right] < pivot { right -= 1 }
                    if left <= right {
                        values.swapAt(left, right)
                        left += 1
                        right -= 1
                    }
                }
                if target <= right {
                    high = right
                } else if target >= left {
                    low = left
                } else {
                    return values[target]
                }
            }
            return values[target]
        }
    }
}
