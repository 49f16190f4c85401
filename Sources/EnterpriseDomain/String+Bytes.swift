/// Strings in the domain and the console compare and sort by their UTF-8 bytes (Unicode scalar order) and
/// case-fold with `Text.lowercased` (ASCII and Latin-1), and text is walked by its UTF-8 bytes, never by
/// `Character`. So the WebAssembly build never needs the standard library's Unicode data tables (NFC normalization
/// behind `String ==` and `<`, grapheme breaking behind `Character`, case mapping behind `lowercased()`): 74 KB.
///
/// The comparisons are named functions, not operators: `==` and `<` on `String` always mean the standard
/// library's (as in a synthesized `Equatable`), and code that wants bytes says so. `scripts/wasm/build.sh` does not
/// link the tables, so the wasm link fails if code reaches `String ==`, `<`, `hasSuffix`, `Array.contains` or a
/// `switch` over string literals; use these instead.
extension Text {
    /// The same UTF-8 bytes.
    @inline(never)
    public static func equal(_ lhs: String, _ rhs: String) -> Bool { compare(lhs, rhs) == 0 }

    /// Both nil, or both strings with the same UTF-8 bytes.
    @inline(never)
    public static func equal(_ lhs: String?, _ rhs: String?) -> Bool {
        switch (lhs, rhs) {
        case (let lhs?, let rhs?): return compare(lhs, rhs) == 0
        case (.none, .none): return true
        default: return false
        }
    }

    /// `lhs` sorts before `rhs` by UTF-8 bytes (Unicode scalar order).
    @inline(never)
    public static func less(_ lhs: String, _ rhs: String) -> Bool { compare(lhs, rhs) < 0 }

    /// `text` ends with the UTF-8 bytes of `suffix`.
    @inline(never)
    public static func hasSuffix(_ text: String, _ suffix: String) -> Bool {
        let bytes = bytes(text)
        let count = suffix.utf8.count
        return bytes.count >= count && equal(string(bytes, from: bytes.count - count, to: bytes.count), suffix)
    }
}

extension Array where Element == String {
    /// An element with the same UTF-8 bytes as `element` (`contains` would compare with the standard `==`).
    public func containsText(_ element: String) -> Bool { containsWhere { Text.equal($0, element) } }
}
