/// The words of a text as the index and the search box split them: lowercase ASCII letters and digits, letters of
/// other scripts kept as they are; anything else, typographic quotes, dashes and spaces included, splits. Words of
/// one letter or longer than `maxWordLength` are left out.
public struct Tokenizer {
    /// Words longer than this are not indexed (hashes, base64).
    public static let maxWordLength = 40

    /// The start of a word that goes on from the last fragment, lowercase (only its length past
    /// `maxWordLength`); also where a word with capitals is lowercased.
    private var buffer = [UInt8](repeating: 0, count: Tokenizer.maxWordLength)
    private var carried = 0

    public init() {}

    /// Reads `bytes`, handing each word to `sink`; a word may go on in the next call (inline markup does not
    /// split a word). A word within the fragment and without capitals is handed over where it is.
    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>, into sink: inout some WordSink) {
        var index = 0
        var start = -1
        var capitals = false
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            var separator = 0
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): break
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): capitals = true
            case 0xE2 where index + 2 < count && bytes[index + 1] == 0x80:
                separator = 3  // typographic quotes, dashes and spaces (U+2000–U+203F)
            case 0xC2 where index + 1 < count && bytes[index + 1] == 0xA0:
                separator = 2  // no-break space
            case 0x80...: break  // letters of other scripts stay in the word
            default: separator = 1
            }
            if separator == 0 {
                if start < 0 { start = index }
                index += 1
                continue
            }
            if start >= 0 {
                emit(UnsafeBufferPointer(rebasing: bytes[start..<index]), capitals: capitals, into: &sink)
                start = -1
                capitals = false
            } else if carried > 0 {
                end(into: &sink)
            }
            index += separator
        }
        if start >= 0 { carry(UnsafeBufferPointer(rebasing: bytes[start..<count])) }
    }

    /// Ends the word being read, if any.
    mutating func end(into sink: inout some WordSink) {
        if carried >= 2 && carried <= Self.maxWordLength {
            buffer.withUnsafeBufferPointer { sink.word(UnsafeBufferPointer(rebasing: $0[0..<carried])) }
        }
        carried = 0
    }

    private mutating func emit(_ word: UnsafeBufferPointer<UInt8>, capitals: Bool, into sink: inout some WordSink) {
        if carried == 0 && !capitals {
            if word.count >= 2 && word.count <= Self.maxWordLength { sink.word(word) }
            return
        }
        carry(word)
        end(into: &sink)
    }

    private mutating func carry(_ bytes: UnsafeBufferPointer<UInt8>) {
        let kept = min(bytes.count, max(0, Self.maxWordLength - carried))
        if kept > 0 {
            let offset = carried
            buffer.withUnsafeMutableBufferPointer { buffer in
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
    mutating func word(_ bytes: UnsafeBufferPointer<UInt8>)
}
