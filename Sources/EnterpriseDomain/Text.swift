/// Small text helpers that Foundation would otherwise provide. They work on UTF-8 bytes (see String+Bytes.swift).
public enum Text {
    /// Removes leading and trailing spaces, tabs and newlines.
    @inline(never)
    public static func trimmed(_ text: String) -> String {
        let bytes = text.utf8
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(decoding: bytes[first...last], as: UTF8.self)
    }

    /// ASCII and Latin-1 letters (A–Z, À–Þ) lowercased; everything else is kept as it is.
    @inline(never)
    public static func lowercased(_ text: String) -> String {
        var bytes = Array(text.utf8)
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
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Trims, lowercases and collapses runs of whitespace to one space.
    @inline(never)
    public static func normalized(_ text: String) -> String {
        var result: [UInt8] = []
        var pendingSpace = false
        for byte in lowercased(text).utf8 {
            if isSpace(byte) {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(0x20) }
                pendingSpace = false
                result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// The pieces of `text` between `separator` bytes, empty pieces included.
    @inline(never)
    public static func split(_ text: String, _ separator: UInt8) -> [String] {
        text.utf8.split(separator: separator, omittingEmptySubsequences: false).mapped {
            String(decoding: $0, as: UTF8.self)
        }
    }

    /// The part of an email after its last `@`, lowercased; empty when there is none.
    @inline(never)
    public static func emailDomain(_ email: String) -> String {
        guard let at = email.utf8.lastIndex(of: UInt8(ascii: "@")) else { return "" }
        return lowercased(String(decoding: email.utf8[email.utf8.index(after: at)...], as: UTF8.self))
    }

    /// A minimal email check: one non-empty local part, a domain with a dot, no spaces.
    @inline(never)
    public static func isValidEmail(_ email: String) -> Bool {
        let bytes = email.utf8
        guard let at = bytes.lastIndex(of: UInt8(ascii: "@")) else { return false }
        let domain = bytes[bytes.index(after: at)...]
        if at == bytes.startIndex || domain.isEmpty || bytes.contains(where: isSpace) { return false }
        guard let dot = domain.lastIndex(of: UInt8(ascii: ".")) else { return false }
        return dot != domain.startIndex && domain.index(after: dot) != domain.endIndex
    }

    /// `a`, `a and b`, `a, b and c`.
    @inline(never)
    public static func joinedList(_ items: [String]) -> String {
        if items.count <= 1 { return items.first ?? "" }
        let head = items.dropLast()
        var text = ""
        for (index, item) in head.enumerated() {
            if index > 0 { text += ", " }
            text += item
        }
        return text + " and " + items[items.count - 1]
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
}
