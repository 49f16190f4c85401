/// The words of a text as the index and the search box split them: lowercase ASCII letters and digits, letters of
/// other scripts kept as they are; anything else, typographic quotes, dashes and spaces included, splits. Words of
/// one letter or longer than `maxWordLength` are left out.
public struct Tokenizer {
    /// Words longer than this are not indexed (hashes, base64).
    public static let maxWordLength = 40

    /// The start of a word that goes on from the last fragment, lowercase (only its length past
    /// `maxWordLength`); also where a word with capitals is lowercased. Forty bytes held in the tokenizer itself (an
    /// array here was retained and released for every word with a capital).
    private var buffer: (UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0)
    private var carried = 0

    public init() {}

    /// Reads `bytes`, handing each word to `sink`; a word may go on in the next call (inline markup does not
    /// split a word). A word within the fragment and without capitals is handed over where it is.
    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>, into sink: inout some WordSink) {
        var index = 0
        let count = bytes.count
        let kinds = Self.kinds
        while index < count {
            // A word: lowercase letters and digits (the common case), capitals, other scripts.
            let start = index
            var capitals = false
            while index < count {
                // Eight bytes at a time while they are lowercase letters and digits (most of a word), up to the first
                // that is not (taken from the eight already read: a space ends the word at once); it and the rest go
                // byte by byte.
                let byte: UInt8
                if index + 8 <= count {
                    let eight = UInt64(
                        littleEndian: UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self))
                    let lowers = Self.leadingLowers(eight)
                    index += lowers
                    if lowers == 8 { continue }
                    byte = UInt8(truncatingIfNeeded: eight >> (8 * UInt64(lowers)))
                    if byte == 0x20 { break }
                } else {
                    byte = bytes[index]
                }
                // One table look-up a byte: lowercase letters and digits go on at once, the rest is looked at.
                let kind = kinds[Int(byte)]
                if kind == Self.lower {
                    index += 1
                } else if kind == Self.capital {
                    capitals = true
                    index += 1
                } else if kind == Self.high && Self.separatorLength(bytes, at: index) == 0 {
                    index += 1  // letters of other scripts stay in the word
                } else {
                    break
                }
            }
            if index == count {
                if index > start { carry(UnsafeBufferPointer(rebasing: bytes[start..<count])) }
                return
            }
            if index > start {
                emit(bytes, from: start, to: index, capitals: capitals, into: &sink)
            } else if carried > 0 {
                end(into: &sink)
            }
            index += max(1, Self.separatorLength(bytes, at: index))
        }
    }

    /// How many of eight bytes (in memory order) are lowercase ASCII letters or digits before the first that is not
    /// (SWAR: each byte's seven low bits compared with the ranges' bounds by an addition that cannot carry into the
    /// next byte; a byte of 0x80 or above is not one).
    @inline(__always)
    private static func leadingLowers(_ word: UInt64) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let low = word & ~highs
        // The high bit of `low + (0x80 - bound)` is set in a byte exactly when its value is at least `bound`.
        func atLeast(_ bound: UInt64) -> UInt64 { (low &+ ones &* (0x80 - bound)) & highs }
        let letters = atLeast(0x61) & ~atLeast(0x7B)
        let digits = atLeast(0x30) & ~atLeast(0x3A)
        let others = ~(letters | digits) & highs | word & highs
        return others.trailingZeroBitCount / 8
    }

    /// Each byte's kind, so the loop over a word's bytes makes one look-up a byte.
    private static let lower: UInt8 = 0
    private static let capital: UInt8 = 1
    private static let high: UInt8 = 2
    private static let separator: UInt8 = 3
    /// (A pointer, written once and only read after, kept for the process: the loop has no bounds or ownership
    /// checks.)
    nonisolated(unsafe) private static let kinds: UnsafePointer<UInt8> = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        for byte in 0..<256 {
            switch byte {
            case 0x61...0x7A, 0x30...0x39: table[byte] = lower
            case 0x41...0x5A: table[byte] = capital
            case 0x80...: table[byte] = high
            default: table[byte] = separator
            }
        }
        return UnsafePointer(table)
    }()

    /// The length of the separator at `index` among bytes of 0x80 and above: typographic quotes, dashes and spaces
    /// (U+2000–U+203F) and the no-break space split words; 0 for a letter of another script. (Any byte below 0x80
    /// that is not a letter or digit is a separator of length 1.)
    private static func separatorLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = bytes[index]
        if byte == 0xE2 && index + 2 < bytes.count && bytes[index + 1] == 0x80 { return 3 }
        if byte == 0xC2 && index + 1 < bytes.count && bytes[index + 1] == 0xA0 { return 2 }
        return 0
    }

    /// Ends the word being read, if any.
    mutating func end(into sink: inout some WordSink) {
        if carried >= 2 && carried <= Self.maxWordLength {
            let count = carried
            withUnsafeBytes(of: &buffer) { raw in
                let base = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
                if count <= WordKey.maxLength {
                    sink.word(WordKey(base, count: count, readable: raw.count))
                } else {
                    sink.word(UnsafeBufferPointer(start: base, count: count))
                }
            }
        }
        carried = 0
    }

    /// Hands over the word `bytes[start..<end]`: a short one (most) as its key, made where it is (lowercased in
    /// place when it has capitals), a longer one as its bytes, or through the buffer when it has capitals or goes on
    /// from the last fragment.
    @inline(__always)
    private mutating func emit(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, capitals: Bool,
        into sink: inout some WordSink
    ) {
        let count = end - start
        if carried == 0 {
            if count <= WordKey.maxLength {
                if count >= 2 {
                    let key = WordKey(bytes.baseAddress! + start, count: count, readable: bytes.count - start)
                    sink.word(capitals ? key.lowercased() : key)
                }
                return
            }
            if !capitals {
                if count <= Self.maxWordLength { sink.word(UnsafeBufferPointer(rebasing: bytes[start..<end])) }
                return
            }
        }
        carry(UnsafeBufferPointer(rebasing: bytes[start..<end]))
        self.end(into: &sink)
    }

    private mutating func carry(_ bytes: UnsafeBufferPointer<UInt8>) {
        let kept = min(bytes.count, max(0, Self.maxWordLength - carried))
        if kept > 0 {
            let offset = carried
            withUnsafeMutableBytes(of: &buffer) { buffer in
                for index in 0..<kept {
                    let byte = bytes[index]
                    buffer[offset + index] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                }
            }
        }
        carried += bytes.count
    }

    /// The words of `text`, in order.
    public static func words(in text: String) -> [String] {
        struct Collected: WordSink {
            var words: [String] = []
            mutating func word(_ key: WordKey) { words.append(String(decoding: key.bytes, as: UTF8.self)) }
            mutating func word(_ bytes: UnsafeBufferPointer<UInt8>) {
                words.append(String(decoding: bytes, as: UTF8.self))
            }
        }
        var collected = Collected()
        var tokenizer = Tokenizer()
        var text = text
        text.withUTF8 { tokenizer.feed($0, into: &collected) }
        tokenizer.end(into: &collected)
        return collected.words
    }
}

/// What takes the words a `Tokenizer` reads.
protocol WordSink {
    /// A word of 2 to `WordKey.maxLength` bytes.
    mutating func word(_ key: WordKey)
    /// A longer word (up to `Tokenizer.maxWordLength` bytes).
    mutating func word(_ bytes: UnsafeBufferPointer<UInt8>)
}
