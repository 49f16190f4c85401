/// In this package, strings compare and sort by their UTF-8 bytes (Unicode scalar order) and case-fold with
/// `Text.lowercased` (ASCII and Latin-1), and text is walked by its UTF-8 bytes, never by `Character`. So the
/// domain and the console never need the standard library's Unicode data tables (NFC normalization behind
/// `String ==` and `<`, grapheme breaking behind `Character`, case mapping behind `lowercased()`): 74 KB of the
/// WebAssembly build. The operators below shadow the standard library's for code that sees them; generic code
/// (a synthesized `Equatable`, `Sequence.contains`) still reaches the standard ones, and `scripts/wasm/build.sh`
/// does not link the tables, so the wasm link fails if anything needs them again.
extension String {
    @inline(never)
    package static func == (lhs: String, rhs: String) -> Bool { Text.compare(lhs, rhs) == 0 }

    package static func != (lhs: String, rhs: String) -> Bool { !(lhs == rhs) }

    @inline(never)
    package static func < (lhs: String, rhs: String) -> Bool { Text.compare(lhs, rhs) < 0 }

    @inline(never)
    package func hasSuffix(_ suffix: String) -> Bool {
        let bytes = Text.bytes(self)
        let count = suffix.utf8.count
        return bytes.count >= count && Text.string(bytes, from: bytes.count - count, to: bytes.count) == suffix
    }
}

extension Optional where Wrapped == String {
    @inline(never)
    package static func == (lhs: String?, rhs: String?) -> Bool {
        switch (lhs, rhs) {
        case (let lhs?, let rhs?): return lhs == rhs
        case (.none, .none): return true
        default: return false
        }
    }

    package static func != (lhs: String?, rhs: String?) -> Bool { !(lhs == rhs) }

    /// `value == "on"`: without these, an optional compared with a literal takes the standard library's `==`.
    package static func == (lhs: String?, rhs: String) -> Bool { lhs == Optional(rhs) }
    package static func != (lhs: String?, rhs: String) -> Bool { !(lhs == Optional(rhs)) }
}

/// `switch` over strings.
package func ~= (pattern: String, value: String) -> Bool { pattern == value }

extension Array where Element == String {
    package func contains(_ element: String) -> Bool { containsWhere { $0 == element } }
}
