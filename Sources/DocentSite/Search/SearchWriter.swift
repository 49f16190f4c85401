/// One thread's share of the search index while pages render: the words its pages used, each once, and per
/// partition the postings its pages logged, packed as variable-length numbers. A page is logged by one writer, which
/// no other thread uses meanwhile, so logging takes no lock; each `SearchPartition` reads every writer's log of its
/// partition when the shards are written.
final class SearchWriter: @unchecked Sendable {
    /// One partition's part of the writer.
    struct Part {
        /// Its words, as numbers in `vocabulary`, in the order the pages first used them (a posting names its word by
        /// its place here).
        var words: [UInt32] = []
        /// How many postings each word (by its place in `words`) has in `log`.
        var postingCounts: [UInt32] = []
        /// For each word of each page: the word's place in `words`, its weight, its section count and its sections
        /// (heaviest first).
        var log: [UInt8] = []
        /// Where each page's postings start in `log`, in the order the pages were logged.
        var runs: [Run] = []
    }

    struct Run {
        var page: Int32
        var start: Int32
    }

    /// Every word the writer's pages used.
    private(set) var vocabulary = WordTable(expectedWords: 1 << 12)
    /// Vocabulary number → the word's place in its partition's `words`.
    private var places: [UInt32] = []
    private(set) var parts = [Part](repeating: Part(), count: SearchIndex.partitionCount)

    /// What `WordTable.touch` read, kept so its reads stay in.
    private var touched: UInt64 = 0

    /// Logs the words of page `number`.
    func add(_ page: SearchWords, number: Int32) {
        let table = page.table
        // The page's words' slots and bytes in the vocabulary first, in loads that overlap, then the look-ups.
        var touched = self.touched
        for word in 0..<page.count { touched &+= vocabulary.touch(hash: table.hash(word)) }
        self.touched = touched
        table.bytes.withUnsafeBufferPointer { bytes in
            for word in 0..<page.count {
                let range = table.range(word)
                let partition = SearchIndex.partition(bytes[range.lowerBound])
                let known = vocabulary.count
                let local = vocabulary.number(
                    of: UnsafeBufferPointer(rebasing: bytes[range]), hash: table.hash(word))
                if local == known {
                    places.append(UInt32(parts[partition].words.count))
                    parts[partition].words.append(UInt32(local))
                    parts[partition].postingCounts.append(0)
                }
                parts[partition].log(
                    place: places[local], page: number, weight: page.weights[word], sections: page.sections[word])
            }
        }
    }
}

extension SearchWriter.Part {
    fileprivate mutating func log(place: UInt32, page: Int32, weight: UInt32, sections: UInt64) {
        if runs.last?.page != page { runs.append(SearchWriter.Run(page: page, start: Int32(log.count))) }
        postingCounts[Int(place)] += 1
        Self.append(place, to: &log)
        Self.append(weight, to: &log)
        var count: UInt8 = 0
        SearchWords.numbers(sections) { _ in count += 1 }
        log.append(count)
        SearchWords.numbers(sections) { Self.append(UInt32($0), to: &log) }
    }

    /// `LEB128`: seven bits a byte.
    private static func append(_ value: UInt32, to log: inout [UInt8]) { LEB128.append(UInt64(value), to: &log) }

    /// The end of run `index` in `log`.
    func end(ofRun index: Int) -> Int { index + 1 < runs.count ? Int(runs[index + 1].start) : log.count }

    /// Each posting logged in `range` of the log (one page's run), in the order logged.
    func forEachPosting(
        in range: Range<Int>, _ body: (_ place: Int, _ weight: UInt32, _ sections: UInt64) -> Void
    ) {
        log.withUnsafeBufferPointer { bytes in
            var index = range.lowerBound
            func next() -> UInt32 {
                var value: UInt32 = 0
                var shift: UInt32 = 0
                while true {
                    let byte = bytes[index]
                    index += 1
                    value |= UInt32(byte & 0x7F) << shift
                    if byte < 0x80 { return value }
                    shift += 7
                }
            }
            while index < range.upperBound {
                let place = Int(next())
                let weight = next()
                let count = Int(bytes[index])
                index += 1
                // Heaviest in the low bits, `SearchWords.none` in the lanes left over.
                var sections: UInt64 = count < 4 ? SearchWords.noSections << (16 * UInt64(count)) : 0
                for lane in 0..<count { sections |= UInt64(next()) << (16 * UInt64(lane)) }
                body(place, weight, sections)
            }
        }
    }
}
