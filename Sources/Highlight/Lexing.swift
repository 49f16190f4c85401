/// The state every lexer works on: the code's bytes, a position that only moves forward, the end of the range
/// being lexed (an embedded language lexes a part), and the tokens so far. Each emitted token starts where the
/// previous one ended and ends on a character boundary, so the tokens always tile the input exactly.
struct Lexing {
    let bytes: [UInt8]
    var position: Int
    var end: Int
    private(set) var tokens: [Token] = []

    init(bytes: [UInt8]) {
        self.bytes = bytes
        position = 0
        end = bytes.count
        tokens.reserveCapacity(bytes.count / 4)
    }

    var atEnd: Bool { position >= end }

    /// The byte at `position + offset`, or 0 past the end.
    func peek(_ offset: Int = 0) -> UInt8 {
        let index = position + offset
        return index < end && index >= 0 ? bytes[index] : 0
    }

    /// The byte before `position` (0 at the start).
    var previous: UInt8 { position > 0 ? bytes[position - 1] : 0 }

    /// True when the bytes at `position` are `text`.
    func starts(with text: [UInt8], at index: Int? = nil) -> Bool {
        let start = index ?? position
        guard start + text.count <= end else { return false }
        for offset in 0..<text.count where bytes[start + offset] != text[offset] { return false }
        return true
    }

    /// Emits the bytes from `position` to `upTo` (moved forward to a character boundary, kept within `end`) as
    /// one token of `kind`, merged with the previous token when it has the same kind.
    mutating func emit(_ kind: TokenKind, upTo target: Int) {
        var stop = min(max(target, position), end)
        while stop < end && bytes[stop] & 0xC0 == 0x80 { stop += 1 }
        guard stop > position else { return }
        if let last = tokens.last, last.kind == kind, last.range.upperBound == position {
            tokens[tokens.count - 1].range = last.range.lowerBound..<stop
        } else {
            tokens.append(Token(kind: kind, range: position..<stop))
        }
        position = stop
    }

    /// Emits `count` bytes from `position`.
    mutating func emit(_ kind: TokenKind, count: Int) { emit(kind, upTo: position + count) }

    /// Emits at least one character (the progress every lexer's loop relies on).
    mutating func emitCharacter(_ kind: TokenKind = .text) { emit(kind, upTo: position + 1) }

    /// The index of the first byte at or after `index` that is `byte`, or `limit` (`end` by default).
    func index(of byte: UInt8, from index: Int, before limit: Int? = nil) -> Int {
        let stop = min(limit ?? end, end)
        var cursor = index
        while cursor < stop && bytes[cursor] != byte { cursor += 1 }
        return cursor
    }

    /// The end of the line at `position` (the index of its newline, or `end`).
    var lineEnd: Int { index(of: 0x0A, from: position) }

    /// The index just past the run of bytes from `index` that satisfy `test`.
    func scan(from index: Int, while test: (UInt8) -> Bool) -> Int {
        var cursor = index
        while cursor < end && test(bytes[cursor]) { cursor += 1 }
        return cursor
    }

    func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

    /// Lexes `position..<stop` with `lexer` (an embedded language), then carries on at `stop`.
    mutating func embed(upTo stop: Int, with lexer: (inout Lexing) -> Void) {
        let outer = end
        end = min(max(stop, position), outer)
        lexer(&self)
        emit(.text, upTo: end)
        end = outer
    }
}
