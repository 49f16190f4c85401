import DocentMarkdown

/// Reads a page's text for search from its Markdown tree: paragraphs, lists, tables, code, HTML blocks (their text)
/// and headings, a heading with an id starting a section. The page's body is read as the HTML renderer walks it
/// (`enter`, `text`, `exit` through `SearchTextReader`), FAQ answers by the reader's own walk (`read`). Words go to a
/// `PageWordCounter`; the start of each section's text is kept for the snippets.
struct SearchPageReader {
    private var counter: PageWordCounter
    private var sections = [SearchSection(anchor: "", heading: "", text: "")]
    /// The current section's text so far, spaces collapsed, at most `SearchDocument.snippetSourceLength` bytes (a
    /// few more to end a character), in the first `snippetLength` bytes of a buffer of `snippetRoom`.
    private var snippet = [UInt8](repeating: 0, count: Self.snippetRoom)
    private var snippetLength = 0
    private var snippetIsFull = false
    private var pendingSpace = false

    init() {
        counter = PageWordCounter()
    }

    /// Text that weighs for the page but belongs to no section (the title, aliases).
    mutating func readForPage(_ text: String, weight: UInt32) {
        let (oldWeight, oldSection) = (counter.weight, counter.section)
        counter.weight = weight
        counter.section = nil
        counter.read(text)
        counter.weight = oldWeight
        counter.section = oldSection
    }

    mutating func startSection(anchor: String, heading: String) {
        closeSection()
        sections.append(SearchSection(anchor: anchor, heading: heading, text: ""))
        counter.section = UInt16(min(sections.count - 1, Int(SearchWords.none) - 1))
        counter.weight = SearchDocument.Weight.heading
        counter.read(heading)
        counter.weight = SearchDocument.Weight.text
    }

    mutating func read(_ blocks: [MarkdownBlock]) {
        // Each block borrowed where it is (a `for` loop would copy it, retaining every string and array in it).
        blocks.withUnsafeBufferPointer { blocks in
            for index in blocks.indices { read(blocks[index]) }
        }
    }

    /// A fragment of HTML (a page that is not Markdown, an HTML block): its text, its headings with ids starting
    /// sections.
    mutating func readHTML(_ html: String) {
        for (index, section) in SearchSections.read(html: html).enumerated() {
            if index > 0 || !section.anchor.isEmpty {
                startSection(anchor: section.anchor, heading: section.heading)
            } else if !section.heading.isEmpty {
                text(section.heading)
                breakWord()
            }
            text(section.text)
            breakWord()
        }
    }

    mutating func finish() -> (sections: [SearchSection], words: SearchWords, length: Int) {
        closeSection()
        let words = counter.finish()
        return (sections, words, counter.length)
    }

    // MARK: - Blocks

    private mutating func read(_ block: MarkdownBlock) {
        if enter(block) {
            switch block.kind {
            case .paragraph, .tableCell, .heading: read(block.inlines)
            default: read(block.children)
            }
        }
        exit(block)
    }

    /// A block starts: a heading with an id starts a section (its text read here), code and HTML blocks are read
    /// here. Returns whether the text in the block is still to read (its inlines, or its children's).
    mutating func enter(_ block: MarkdownBlock) -> Bool {
        switch block.kind {
        case .heading:
            if let id = block.attributes.id, !id.isEmpty {
                startSection(anchor: id, heading: block.inlines.plainText)
                return false
            }
            counter.weight = SearchDocument.Weight.heading
            return true
        case .codeBlock(_, let literal):
            text(literal)
            return false
        case .htmlBlock(let html):
            readHTML(html)
            return false
        default:
            return true
        }
    }

    /// The block ends, and the word in it.
    mutating func exit(_ block: MarkdownBlock) {
        if case .heading = block.kind { counter.weight = SearchDocument.Weight.text }
        breakWord()
    }

    mutating func read(_ inlines: [MarkdownInline]) {
        inlines.withUnsafeBufferPointer { inlines in
            for index in inlines.indices {
                switch inlines[index].kind {
                case .text(let value), .code(let value): text(value)
                case .softBreak, .lineBreak: breakWord()
                case .html: break
                default: read(inlines[index].children)
                }
            }
        }
    }

    // MARK: - Text

    mutating func text(_ value: String) {
        // A native string's bytes where they are (a mutable copy for `withUTF8` costs a retain and release).
        let read: Void? = value.utf8.withContiguousStorageIfAvailable { bytes in
            counter.read(bytes)
            if !snippetIsFull { appendSnippet(bytes) }
        }
        guard read == nil else { return }
        var value = value
        value.withUTF8 { bytes in
            counter.read(bytes)
            if !snippetIsFull { appendSnippet(bytes) }
        }
    }

    mutating func breakWord() {
        counter.endWord()
        pendingSpace = snippetLength > 0
    }

    private mutating func appendSnippet(_ bytes: UnsafeBufferPointer<UInt8>) {
        let limit = SearchDocument.snippetSourceLength
        var (count, pendingSpace, isFull) = (snippetLength, self.pendingSpace, false)
        // Byte by byte into the buffer's room (`snippetRoom`): a multi-byte character is not cut, up to 16 bytes on.
        snippet.withUnsafeMutableBufferPointer { snippet in
            var index = 0
            while index < bytes.count {
                // Eight bytes at a time while they are as collapsing leaves them (no control byte, single spaces
                // between other bytes) and fit well before the limit (most of a section's text); the rest byte by
                // byte.
                if index + 8 <= bytes.count && count + 9 < limit {
                    let eight = UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)
                    if Self.isKeptAsItIs(eight) {
                        if pendingSpace {
                            snippet[count] = 0x20
                            count += 1
                            pendingSpace = false
                        }
                        UnsafeMutableRawPointer(snippet.baseAddress! + count).storeBytes(of: eight, as: UInt64.self)
                        count += 8
                        index += 8
                        continue
                    }
                }
                let byte = bytes[index]
                index += 1
                if Self.isSpace(byte) {
                    pendingSpace = count > 0
                    continue
                }
                if pendingSpace {
                    snippet[count] = 0x20
                    count += 1
                    pendingSpace = false
                }
                snippet[count] = byte
                count += 1
                if count >= limit && (byte < 0x80 || count >= limit + 16) {
                    isFull = true
                    return
                }
            }
        }
        (snippetLength, self.pendingSpace, snippetIsFull) = (count, pendingSpace, isFull)
    }

    /// The snippet's limit, the bytes that end a character past it and a space before them.
    private static let snippetRoom = SearchDocument.snippetSourceLength + 32

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D }

    /// Whether eight bytes (in memory order) are copied to the snippet as they are: none below 0x20 (a line break, a
    /// tab, another control byte), and their spaces single, neither first nor last (SWAR: each byte's high bit
    /// marks a space, exactly, so a space's neighbour is the next lane).
    @inline(__always)
    private static func isKeptAsItIs(_ eight: UInt64) -> Bool {
        let highs: UInt64 = 0x8080_8080_8080_8080
        let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        // Bytes below 0x20 (an ASCII byte's seven low bits plus 0x60 carry into its high bit exactly from 0x20 on).
        let control = ~((eight & lows) &+ 0x6060_6060_6060_6060) & ~eight & highs
        let spaced = eight ^ 0x2020_2020_2020_2020
        let spaces = ~(((spaced & lows) &+ lows) | spaced | lows)
        let ends: UInt64 = 0x8000_0000_0000_0080
        return control == 0 && spaces & ends == 0 && spaces & (spaces >> 8) == 0
    }

    private mutating func closeSection() {
        counter.endWord()
        var text = snippet[..<snippetLength]
        if snippetIsFull, let space = text.lastIndex(of: 0x20) { text = text[..<space] + "…".utf8 }
        sections[sections.count - 1].text = String(decoding: text, as: UTF8.self)
        snippetLength = 0
        snippetIsFull = false
        pendingSpace = false
    }
}
