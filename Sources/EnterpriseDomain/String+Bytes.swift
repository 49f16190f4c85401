/// In this package, strings compare and sort by their UTF-8 bytes (Unicode scalar order) and case-fold with
/// `Text.lowercased` (ASCII and Latin-1), and text is walked by its UTF-8 bytes, never by `Character`. So the
/// domain and the console never need the standard library's Unicode data tables (NFC normalization behind
/// `String ==` and `<`, grapheme breaking behind `Character`, case mapping behind `lowercased()`): 74 KB of the
/// WebAssembly build. The operators below shadow the standard library's for code that sees them; generic code
/// (a synthesized `Equatable`, `Sequence.contains`) still reaches the standard ones, and `scripts/wasm/build.sh`
/// does not link the tables, so the wasm link fails if anything needs them again.
extension String {
    @inline(never)
    package static func == (lhs: String, rhs: String) -> Bool {
        lhs.utf8.count == rhs.utf8.count && lhs.utf8.elementsEqual(rhs.utf8)
    }

    package static func != (lhs: String, rhs: String) -> Bool { !(lhs == rhs) }

    @inline(never)
    package static func < (lhs: String, rhs: String) -> Bool { lhs.utf8.lexicographicallyPrecedes(rhs.utf8) }

    package func hasPrefix(_ prefix: String) -> Bool {
        utf8.count >= prefix.utf8.count && utf8.prefix(prefix.utf8.count).elementsEqual(prefix.utf8)
    }

    package func hasSuffix(_ suffix: String) -> Bool {
        utf8.count >= suffix.utf8.count && utf8.suffix(suffix.utf8.count).elementsEqual(suffix.utf8)
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
