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
        /// For each word of each page: the word's place in `words`, its weight, its section count and its sections
        /// (heaviest first).
        let log = ByteLog()
        /// Where each page's postings start in `log`, in the order the pages were logged.
        var runs: [Run] = []
    }

    struct Run {
        var page: Int32
        var start: Int32
    }

    /// Every word the writer's pages used.
    private(set) var vocabulary = WordTable(expectedWords: 1 << 12)
    /// Vocabulary number → the word's place in its partition's `words`, and how many postings it has in the
    /// partition's log: memory of the writer's own, read and written through pointers (an array's uniqueness check
    /// on each posting cost more than the posting's count).
    private var places: UnsafeMutablePointer<UInt32>
    private var postingCounts: UnsafeMutablePointer<UInt32>
    private var wordCapacity = 1 << 12
    /// (Each part made on its own: a part holds its log by reference.)
    private(set) var parts = (0..<SearchIndex.partitionCount).map { _ in Part() }

    /// What `WordTable.touch` read, kept so its reads stay in.
    private var touched: UInt64 = 0

    init() {
        places = .allocate(capacity: wordCapacity)
        postingCounts = .allocate(capacity: wordCapacity)
    }

    deinit {
        places.deallocate()
        postingCounts.deallocate()
    }

    /// How many postings the word of vocabulary number `word` has in its partition's log.
    func postingCount(ofWord word: UInt32) -> UInt32 { postingCounts[Int(word)] }

    /// Logs the words of page `number`.
    func add(_ page: SearchWords, number: Int32) {
        let table = page.table
        // The page's words' slots and bytes in the vocabulary first, in loads that overlap, then the look-ups.
        var touched = self.touched
        for word in 0..<page.count { touched &+= vocabulary.touch(hash: table.hash(word)) }
        self.touched = touched
        // The partitions the page's run of postings has started in, a bit each (`partitionCount` is 32): a look at each
        // part's last run would read a cold array a posting.
        var started: UInt64 = 0
        table.bytes.withUnsafeBufferPointer { bytes in
            for word in 0..<page.count {
                let range = table.range(word)
                let partition = SearchIndex.partition(bytes[range.lowerBound])
                let known = vocabulary.count
                let local = vocabulary.number(
                    of: UnsafeBufferPointer(rebasing: bytes[range]), readable: bytes.count - range.lowerBound,
                    hash: table.hash(word))
                if local == known {
                    if local == wordCapacity { growWords() }
                    places[local] = UInt32(parts[partition].words.count)
                    postingCounts[local] = 0
                    parts[partition].words.append(UInt32(local))
                }
                if started & (1 << partition) == 0 {
                    started |= 1 << partition
                    parts[partition].runs.append(Run(page: number, start: Int32(parts[partition].log.count)))
                }
                postingCounts[local] += 1
                parts[partition].log(place: places[local], weight: page.weights[word], sections: page.sections[word])
            }
        }
    }
}

extension SearchWriter {
    private func growWords() {
        let capacity = wordCapacity * 2
        places = places.moved(count: wordCapacity, to: capacity)
        postingCounts = postingCounts.moved(count: wordCapacity, to: capacity)
        wordCapacity = capacity
    }
}

extension SearchWriter.Part {
    /// Logs a posting of the page whose run is the part's last.
    fileprivate func log(place: UInt32, weight: UInt32, sections: UInt64) {
        // Written in place in room for the longest posting (5 + 5 + 1 + 4 × 3 bytes): one capacity check a posting.
        let out = log.room(for: 23)
        var count = Self.encode(place, at: out)
        count += Self.encode(weight, at: out + count)
        let countAt = count
        count += 1
        var sectionCount: UInt8 = 0
        var rest = sections
        for _ in 0..<4 {
            let number = UInt16(truncatingIfNeeded: rest)
            if number == SearchWords.none { break }
            count += Self.encode(UInt32(number), at: out + count)
            sectionCount += 1
            rest >>= 16
        }
        out[countAt] = sectionCount
        log.count += count
    }

    /// Writes `value` as `LEB128` (seven bits a byte) at `out`; returns how many bytes it took.
    @inline(__always)
    private static func encode(_ value: UInt32, at out: UnsafeMutablePointer<UInt8>) -> Int {
        var value = value
        var count = 0
        while value >= 0x80 {
            out[count] = UInt8(truncatingIfNeeded: value) | 0x80
            value >>= 7
            count += 1
        }
        out[count] = UInt8(value)
        return count + 1
    }

    /// The end of run `index` in `log`.
    func end(ofRun index: Int) -> Int { index + 1 < runs.count ? Int(runs[index + 1].start) : log.count }

    /// Each posting logged in `range` of the log (one page's run), in the order logged.
    func forEachPosting(
        in range: Range<Int>, _ body: (_ place: Int, _ weight: UInt32, _ sections: UInt64) -> Void
    ) {
        log.withBytes { bytes in
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

/// Bytes appended through a pointer (a writer's log of postings): room for a whole posting is made once, then its
/// bytes are written in place, with none of an array's checks a byte.
final class ByteLog: @unchecked Sendable {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// How many bytes are written.
    var count = 0

    init() {
        capacity = 256
        base = .allocate(capacity: capacity)
    }

    deinit { base.deallocate() }

    /// Where the next `needed` bytes go (the caller adds what it wrote to `count`).
    @inline(__always)
    func room(for needed: Int) -> UnsafeMutablePointer<UInt8> {
        if count + needed > capacity { grow(to: count + needed) }
        return base + count
    }

    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        body(UnsafeBufferPointer(start: base, count: count))
    }

    private func grow(to needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let new = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        new.update(from: base, count: count)
        base.deallocate()
        base = new
        capacity = newCapacity
    }
}
