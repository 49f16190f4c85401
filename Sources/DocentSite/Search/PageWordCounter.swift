/// Counts a page's words as its text is read, one fragment after the other: for each word, its weighted count on
/// the page and the (up to four) sections where it weighs most.
struct PageWordCounter {
    /// How much the text being read counts (`SearchDocument.Weight`).
    var weight: UInt32 {
        get { counts.weight }
        set {
            endWord()
            counts.weight = newValue
        }
    }
    /// The section the text being read is in; nil for text that weighs for the page only (title, aliases).
    var section: UInt16? {
        get { counts.section }
        set {
            endWord()
            counts.section = newValue
        }
    }
    /// The page's length in words (BM25's length normalisation).
    var length: Int { counts.length }

    private var counts: Counts
    private var tokenizer = Tokenizer()

    /// A counter for a page (its memory from `WordCountScratch`'s pool until `finish`).
    init() {
        counts = Counts(scratch: WordCountScratch.take())
    }

    /// Reads a fragment of text; a word may go on in the next fragment.
    mutating func read(_ text: String) {
        var text = text
        text.withUTF8 { read($0) }
    }

    mutating func read(_ bytes: UnsafeBufferPointer<UInt8>) {
        tokenizer.feed(bytes, into: &counts)
    }

    /// Ends the word being read (at a block's end, a line break, a change of weight or section), and counts the
    /// words read so far.
    mutating func endWord() {
        tokenizer.end(into: &counts)
        counts.countPending()
    }

    /// The page's words; the counter's scratch goes back to the pool (the counter is done: only `length` is left).
    mutating func finish() -> SearchWords {
        endWord()
        let (table, entries) = counts.scratch.words()
        let mutable = UnsafeMutablePointer(mutating: entries.baseAddress)
        // Written in place (no capacity check per word).
        let weights = [UInt32](unsafeUninitializedCapacity: entries.count) { weights, initialized in
            for index in 0..<entries.count {
                mutable![index].flush()
                weights[index] = entries[index].weight
            }
            initialized = entries.count
        }
        let sections = [UInt64](unsafeUninitializedCapacity: entries.count) { sections, initialized in
            for index in 0..<entries.count { sections[index] = SearchWords.packed(entries[index].lanes) }
            initialized = entries.count
        }
        counts.scratch.recycle()
        return SearchWords(table: table, weights: weights, sections: sections)
    }

    // MARK: - Counting

    private struct Counts: WordSink {
        let scratch: WordCountScratch
        var weight = SearchDocument.Weight.text
        var section: UInt16?
        var length = 0

        /// How many words wait in the scratch's `pending` to be counted.
        var pending = 0
        let stopWords = WordKey.stopWords

        /// A short word waits with others to be counted (`countPending`): the look-ups of a run of words, which
        /// do not wait on each other, then overlap, rather than each waiting in the tokenizer's loop.
        @inline(__always)
        mutating func word(_ key: WordKey) {
            length += 1
            // A stop word counts for the page's length only: the index has no postings for it.
            if key.isStopWord(in: stopWords) { return }
            scratch.pending[pending] = key
            pending += 1
            if pending == WordCountScratch.pendingCapacity { countPending() }
        }

        mutating func word(_ bytes: UnsafeBufferPointer<UInt8>) {
            length += 1
            countPending()
            scratch.entry(for: bytes).pointee.add(weight, section: section)
        }

        /// Counts the words waiting, in the order they were read (a word's number is the order it was first read in).
        mutating func countPending() {
            let (keys, weight, section) = (scratch.pending, weight, section)
            for index in 0..<pending { scratch.entry(for: keys[index]).pointee.add(weight, section: section) }
            pending = 0
        }
    }

    /// One word's counts on the page.
    struct Entry {
        var weight: UInt32 = 0
        /// The four heaviest sections so far, each lane weight in the high 16 bits, section number in the low 16;
        /// 0 when unused. (Four scalars rather than a SIMD vector: an entry is 28 bytes, not 48, and reading a lane
        /// is not a shuffle.)
        var lanes: (UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0)
        var currentWeight: UInt32 = 0
        var currentSection: UInt16?

        @inline(__always)
        mutating func add(_ weight: UInt32, section: UInt16?) {
            self.weight &+= weight
            guard let section else { return }
            if section != currentSection {
                flush()
                currentSection = section
            }
            currentWeight &+= weight
        }

        mutating func flush() {
            guard let currentSection else { return }
            let packed = (min(currentWeight, 0xFFFF) << 16) | UInt32(currentSection)
            // Into the lowest lane (the first of equals) when the section weighs more.
            if lanes.0 <= lanes.1 && lanes.0 <= lanes.2 && lanes.0 <= lanes.3 {
                if packed > lanes.0 { lanes.0 = packed }
            } else if lanes.1 <= lanes.2 && lanes.1 <= lanes.3 {
                if packed > lanes.1 { lanes.1 = packed }
            } else if lanes.2 <= lanes.3 {
                if packed > lanes.2 { lanes.2 = packed }
            } else if packed > lanes.3 {
                lanes.3 = packed
            }
            currentWeight = 0
            self.currentSection = nil
        }
    }
}

/// A page's words, each once: its bytes, its weighted count and its best sections.
public struct SearchWords: Sendable {
    var table: WordTable
    var weights: [UInt32]
    /// Each word's best sections, up to four section numbers of 16 bits, heaviest in the low bits; `none` fills.
    var sections: [UInt64]

    static let none: UInt16 = .max
    static let noSections: UInt64 = .max

    var count: Int { weights.count }

    /// The section numbers of packed lanes (weight << 16 | number), heaviest first.
    static func packed(_ lanes: (UInt32, UInt32, UInt32, UInt32)) -> UInt64 {
        // Most words are in one section.
        if lanes.1 | lanes.2 | lanes.3 == 0 {
            return lanes.0 == 0 ? noSections : (noSections << 16) | UInt64(lanes.0 & 0xFFFF)
        }
        // Heaviest first by a sorting network of four scalars (five compare-and-swaps, no vector lane extracts).
        var (a, b, c, d) = lanes
        if a < b { swap(&a, &b) }
        if c < d { swap(&c, &d) }
        if a < c { swap(&a, &c) }
        if b < d { swap(&b, &d) }
        if b < c { swap(&b, &c) }
        // The lightest used lane first, so the heaviest ends in the low bits.
        var out = noSections
        if d != 0 { out = (out << 16) | UInt64(d & 0xFFFF) }
        if c != 0 { out = (out << 16) | UInt64(c & 0xFFFF) }
        if b != 0 { out = (out << 16) | UInt64(b & 0xFFFF) }
        if a != 0 { out = (out << 16) | UInt64(a & 0xFFFF) }
        return out
    }

    /// The section numbers of a packed value, heaviest first.
    static func numbers(_ packed: UInt64, _ body: (UInt16) -> Void) {
        var rest = packed
        for _ in 0..<4 {
            let number = UInt16(truncatingIfNeeded: rest)
            if number == none { return }
            body(number)
            rest >>= 16
        }
    }

    /// Both words' sections, the heavier word's first (two words of one stem on one page).
    static func merged(_ first: UInt64, _ second: UInt64) -> UInt64 {
        var numbers: [UInt16] = []
        Self.numbers(first) { numbers.append($0) }
        Self.numbers(second) { if !numbers.contains($0) { numbers.append($0) } }
        var out = noSections
        for number in numbers.prefix(4).reversed() { out = (out << 16) | UInt64(number) }
        return out
    }
}
