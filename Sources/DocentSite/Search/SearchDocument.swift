/// A page as the search index sees it, made as the page renders (on every core): its sections for the results and
/// each word's weighted count and best sections for the postings.
public struct SearchDocument: Sendable {
    public var url: String
    public var title: String
    /// Front matter values of the keys the config names as search filters.
    public var filters: [(key: String, values: [String])]
    /// The sections, each text cut to `snippetLength` characters (the results show the start of a section).
    public var sections: [SearchSection]
    /// Every word of the page once, sorted.
    public var words: [SearchWord]
    /// The page's length in words, title, headings and aliases included (for BM25's length normalisation).
    public var length: Int

    /// How much a word counts where it appears: title > headings > aliases > text.
    public enum Weight {
        public static let title: UInt32 = 10
        public static let heading: UInt32 = 5
        public static let alias: UInt32 = 4
        public static let text: UInt32 = 1
    }

    public static let snippetLength = 200

    public init(url: String, title: String, aliases: [String], filters: [(key: String, values: [String])], html: String)
    {
        self.url = url
        self.title = title
        self.filters = filters
        let sections = SearchSections.read(html: html)
        var counter = WordCounter(expectedWords: html.utf8.count / 40)
        // The title and aliases weigh for the page, not for a section: the results show the section the words are in.
        counter.count(title, weight: Weight.title, section: nil)
        for alias in aliases { counter.count(alias, weight: Weight.alias, section: nil) }
        for (index, section) in sections.enumerated() {
            let number = UInt32(min(index, Int(UInt16.max)))
            if index > 0 { counter.count(section.heading, weight: Weight.heading, section: number) }
            counter.count(section.text, weight: Weight.text, section: number)
        }
        words = counter.finish()
        length = counter.length
        self.sections = sections.map {
            SearchSection(anchor: $0.anchor, heading: $0.heading, text: Self.snippet($0.text))
        }
    }

    static func snippet(_ text: String) -> String {
        guard text.utf8.count > snippetLength else { return text }
        let cut = text.prefix(snippetLength)
        let end = cut.lastIndex(of: " ") ?? cut.endIndex
        return String(cut[..<end]) + "…"
    }
}

/// One word of a page: its weighted count and the (up to four) sections where it weighs most.
public struct SearchWord: Sendable {
    public var word: String
    public var weight: UInt32
    /// Each lane: weight in the high 16 bits, section number in the low 16; 0 when unused.
    public var sections: SIMD4<UInt32>

    /// The section numbers, heaviest first.
    public var sectionNumbers: [Int] {
        let used: [UInt32] = (0..<4).map { sections[$0] }.filter { $0 != 0 }
        return used.sorted(by: >).map { Int($0 & 0xFFFF) }
    }
}

// MARK: - Counting

/// Splits text into words (lowercase ASCII letters and digits, other letters kept as they are) and counts them.
struct WordCounter {
    private struct Entry {
        var weight: UInt32 = 0
        var sections = SIMD4<UInt32>(repeating: 0)
        var currentSection: UInt32 = .max
        var currentWeight: UInt32 = 0

        mutating func add(_ weight: UInt32, section: UInt32?) {
            self.weight &+= weight
            guard let section else { return }
            if section != currentSection {
                flush()
                currentSection = section
            }
            currentWeight &+= weight
        }

        mutating func flush() {
            guard currentSection != .max else { return }
            let packed = (min(currentWeight, 0xFFFF) << 16) | currentSection
            var lowest = 0
            for lane in 1..<4 where sections[lane] < sections[lowest] { lowest = lane }
            if packed > sections[lowest] { sections[lowest] = packed }
            currentWeight = 0
            currentSection = .max
        }
    }

    private var entries: [String: Entry] = [:]
    private(set) var length = 0

    init(expectedWords: Int = 0) { entries.reserveCapacity(expectedWords) }

    /// Counts the words of `text` for the page and, unless nil, for the section.
    mutating func count(_ text: String, weight: UInt32, section: UInt32?) {
        Tokenizer.words(in: text) { word in
            length += 1
            entries[word, default: Entry()].add(weight, section: section)
        }
    }

    mutating func finish() -> [SearchWord] {
        entries.map { word, entry in
            var entry = entry
            entry.flush()
            return SearchWord(word: word, weight: entry.weight, sections: entry.sections)
        }.sorted { $0.word < $1.word }
    }
}

/// The words of a text as the index and the search box split them.
public enum Tokenizer {
    /// Words longer than this are not indexed (hashes, base64).
    public static let maxWordLength = 40

    public static func words(in text: String, _ body: (String) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            var word: [UInt8] = []
            word.reserveCapacity(maxWordLength)
            func emit() {
                if word.count >= 2 && word.count <= maxWordLength { body(String(decoding: word, as: UTF8.self)) }
                word.removeAll(keepingCapacity: true)
            }
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): word.append(byte)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): word.append(byte | 0x20)
                case 0xE2 where index < bytes.count && bytes[index] == 0x80,
                    0xC2 where index < bytes.count && bytes[index] == 0xA0:
                    // Typographic quotes, dashes and spaces (U+2000–U+203F, U+00A0) split words.
                    emit()
                    index += byte == 0xE2 ? 2 : 1
                case 0x80...:
                    word.append(byte)  // letters of other scripts stay in the word
                default: emit()
                }
            }
            emit()
        }
    }

    /// The words of `text`, in order.
    public static func words(in text: String) -> [String] {
        var out: [String] = []
        words(in: text) { out.append($0) }
        return out
    }
}
