/// HTML being written, as UTF-8 bytes: appending a tag or an escaped run costs a copy, without the per-append
/// bookkeeping of `String` (what made rendering the largest part of a build's CPU time).
struct HTMLOutput {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    mutating func write(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func write(_ text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ bytes.append(contentsOf: $0) }) == nil {
            bytes.append(contentsOf: text.utf8)
        }
    }

    /// Text with `&`, `<`, `>` and `"` escaped (what cmark escapes in text and attributes).
    mutating func writeEscaped(_ text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ writeEscaped(bytes: $0) }) == nil {
            let copy = Array(text.utf8)
            copy.withUnsafeBufferPointer { writeEscaped(bytes: $0) }
        }
    }

    private mutating func writeEscaped(bytes text: UnsafeBufferPointer<UInt8>) {
        var runStart = 0
        for index in 0..<text.count {
            let entity: StaticString
            switch text[index] {
            case 0x26: entity = "&amp;"
            case 0x3C: entity = "&lt;"
            case 0x3E: entity = "&gt;"
            case 0x22: entity = "&quot;"
            default: continue
            }
            if index > runStart { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<index])) }
            write(entity)
            runStart = index + 1
        }
        if runStart < text.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart...])) }
    }

    /// A URL for an `href`/`src` attribute: characters not allowed in URLs are percent-encoded, `&` and `'` become
    /// entities; existing `%XX` sequences are kept.
    mutating func writeURL(_ url: String) {
        for byte in url.utf8 {
            switch byte {
            case 0x26: write("&amp;")
            case 0x27: write("&#x27;")
            case _ where HTMLEscaping.isURLSafe(byte): bytes.append(byte)
            default:
                bytes.append(UInt8(ascii: "%"))
                bytes.append(Self.hexDigit(byte >> 4))
                bytes.append(Self.hexDigit(byte & 0xF))
            }
        }
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? 0x30 + value : 0x41 + value - 10
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }
}
