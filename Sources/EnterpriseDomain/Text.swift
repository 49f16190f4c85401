/// Small text helpers that Foundation would otherwise provide. They work on UTF-8 bytes (see String+Bytes.swift for the comparisons).
public enum Text {
    /// Removes leading and trailing spaces, tabs and newlines.
    @inline(never)
    public static func trimmed(_ text: String) -> String {
        let bytes = bytes(text)
        var start = 0
        var end = bytes.count
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        return string(bytes, from: start, to: end)
    }

    /// ASCII and Latin-1 letters (A–Z, À–Þ) lowercased; everything else is kept as it is.
    @inline(never)
    public static func lowercased(_ text: String) -> String {
        var bytes = bytes(text)
        for index in bytes.indices {
            let byte = bytes[index]
            if byte >= 0x41 && byte <= 0x5A {
                bytes[index] = byte + 32
            } else if byte == 0xC3, index + 1 < bytes.count, bytes[index + 1] >= 0x80, bytes[index + 1] <= 0x9E,
                bytes[index + 1] != 0x97
            {
                bytes[index + 1] += 32
            }
        }
        return string(bytes)
    }

    /// Trims, lowercases and collapses runs of whitespace to one space.
    @inline(never)
    public static func normalized(_ text: String) -> String {
        var result: [UInt8] = []
        var pendingSpace = false
        for byte in bytes(lowercased(text)) {
            if isSpace(byte) {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(0x20) }
                pendingSpace = false
                result.append(byte)
            }
        }
        return string(result)
    }

    /// The pieces of `text` between `separator` bytes, empty pieces included.
    @inline(never)
    public static func split(_ text: String, _ separator: UInt8) -> [String] {
        var pieces: [String] = []
        var piece: [UInt8] = []
        for byte in bytes(text) {
            if byte == separator {
                pieces.append(string(piece))
                piece = []
            } else {
                piece.append(byte)
            }
        }
        pieces.append(string(piece))
        return pieces
    }

    /// The part of an email after its last `@`, lowercased; empty when there is none.
    @inline(never)
    public static func emailDomain(_ email: String) -> String {
        let bytes = bytes(email)
        guard let at = lastIndex(of: 0x40, in: bytes) else { return "" }
        return lowercased(string(bytes, from: at + 1, to: bytes.count))
    }

    /// A minimal email check: one non-empty local part, a domain with a dot, no spaces.
    @inline(never)
    public static func isValidEmail(_ email: String) -> Bool {
        let bytes = bytes(email)
        for byte in bytes where isSpace(byte) { return false }
        guard let at = lastIndex(of: 0x40, in: bytes), at > 0, let dot = lastIndex(of: 0x2E, in: bytes) else {
            return false
        }
        return dot > at + 1 && dot < bytes.count - 1
    }

    /// -1, 0 or 1: how two strings' UTF-8 bytes order (Unicode scalar order).
    @inline(never)
    public static func compare(_ lhs: String, _ rhs: String) -> Int {
        var left = lhs.utf8.makeIterator()
        var right = rhs.utf8.makeIterator()
        while let byte = left.next() {
            guard let other = right.next() else { return 1 }
            if byte != other { return byte < other ? -1 : 1 }
        }
        return right.next() == nil ? 0 : -1
    }

    /// The UTF-8 bytes of a string, and back: the helpers here work on `[UInt8]`.
    @inline(never)
    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @inline(never)
    static func string(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    @inline(never)
    static func string(_ bytes: [UInt8], from start: Int, to end: Int) -> String {
        var piece: [UInt8] = []
        var index = start
        while index < end {
            piece.append(bytes[index])
            index += 1
        }
        return string(piece)
    }

    @inline(never)
    static func lastIndex(of byte: UInt8, in bytes: [UInt8]) -> Int? {
        var index = bytes.count
        while index > 0 {
            index -= 1
            if bytes[index] == byte { return index }
        }
        return nil
    }

    /// `a`, `a and b`, `a, b and c`.
    @inline(never)
    public static func joinedList(_ items: [String]) -> String {
        var text = ""
        for index in items.indices {
            if index > 0 { text += index == items.count - 1 ? " and " : ", " }
            text += items[index]
        }
        return text
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
}
