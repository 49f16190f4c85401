/// A word of at most `maxLength` bytes as two numbers: its bytes in memory order, `low` the first eight, `high` the
/// next eight, zero after its end. A word's bytes are never zero (the tokenizer keeps letters and digits), so two
/// words have the same key exactly when they are the same word: a word is compared and hashed in a few instructions
/// rather than byte by byte, and the tokenizer makes its key with two loads where the word is.
struct WordKey: Equatable {
    /// Words up to this many bytes have a key (most words); longer ones are handled by their bytes.
    static let maxLength = 16

    var low: UInt64
    var high: UInt64

    init(low: UInt64, high: UInt64) {
        self.low = low
        self.high = high
    }

    /// The key of `count` bytes (1 to `maxLength`) at `base`, of which `readable` can be read (at least `count`):
    /// eight at a time where eight can be read, the bytes past the word masked off.
    @inline(__always)
    init(_ base: UnsafePointer<UInt8>, count: Int, readable: Int) {
        let raw = UnsafeRawPointer(base)
        low = Self.load(raw, count: min(count, 8), readable: readable)
        high = count > 8 ? Self.load(raw + 8, count: count - 8, readable: readable - 8) : 0
    }

    /// The key of a word's bytes (1 to `maxLength`).
    init(_ word: UnsafeBufferPointer<UInt8>) {
        self.init(word.baseAddress!, count: word.count, readable: word.count)
    }

    /// The word's length in bytes (its bytes up to the first zero).
    var count: Int {
        high == 0 ? 8 - low.leadingZeroBitCount / 8 : 16 - high.leadingZeroBitCount / 8
    }

    /// The key with ASCII capitals lowercased (SWAR: each byte's seven low bits compared with the capitals' bounds by
    /// an addition that cannot carry into the next byte; bytes of 0x80 and above, other scripts', stay as they are).
    @inline(__always)
    func lowercased() -> WordKey {
        WordKey(low: Self.lowercased(low), high: Self.lowercased(high))
    }

    /// A 32-bit hash (one full-width multiply, its halves folded: every byte moves the low bits a table uses).
    @inline(__always)
    var hash: UInt32 {
        let mixed = low ^ (high &* 0x9E37_79B9_7F4A_7C15)
        let product = mixed.multipliedFullWidth(by: 0xBF58_476D_1CE4_E5B9)
        let folded = product.high ^ product.low
        return UInt32(truncatingIfNeeded: folded ^ (folded >> 32))
    }

    /// Writes the word's bytes at `destination`, which has room for `maxLength` (the bytes past the word are zero).
    @inline(__always)
    func store(at destination: UnsafeMutablePointer<UInt8>) {
        let raw = UnsafeMutableRawPointer(destination)
        raw.storeBytes(of: low.littleEndian, as: UInt64.self)
        raw.storeBytes(of: high.littleEndian, toByteOffset: 8, as: UInt64.self)
    }

    /// The word's bytes.
    var bytes: [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: ($0 < 8 ? low : high) >> (8 * UInt64($0 % 8))) }
    }

    @inline(__always)
    private static func load(_ raw: UnsafeRawPointer, count: Int, readable: Int) -> UInt64 {
        if readable >= 8 {
            let value = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
            return count == 8 ? value : value & ((1 &<< (8 &* UInt64(count))) &- 1)
        }
        var value: UInt64 = 0
        for index in 0..<count { value |= UInt64(raw.load(fromByteOffset: index, as: UInt8.self)) << (8 * index) }
        return value
    }

    @inline(__always)
    private static func lowercased(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let low = word & ~highs
        // The high bit of `low + (0x80 - bound)` is set in a byte exactly when its value is at least `bound`.
        let atLeastA = (low &+ ones &* (0x80 - 0x41)) & highs
        let pastZ = (low &+ ones &* (0x80 - 0x5B)) & highs
        let capitals = atLeastA & ~pastZ & ~(word & highs)
        return word | (capitals >> 2)
    }
}

extension WordKey {
    /// Whether the word is one of `SearchIndex.stopWords`, which the index leaves out: one look-up in a small table of
    /// their keys (all of them four bytes or shorter), so a page's counter skips them before its own table.
    var isStopWord: Bool { isStopWord(in: Self.stopWords) }

    /// The table `isStopWord(in:)` looks in (a caller that asks for many words keeps it: reading a static constant
    /// checks that it is made, each time).
    static var stopWords: UnsafePointer<UInt32> { StopWords.table }

    @inline(__always)
    func isStopWord(in table: UnsafePointer<UInt32>) -> Bool {
        guard high == 0, low >> 32 == 0 else { return false }
        let short = UInt32(truncatingIfNeeded: low)
        var slot = StopWords.slot(short)
        while true {
            let entry = table[slot]
            if entry == short { return true }
            if entry == 0 { return false }
            slot = (slot + 1) & StopWords.mask
        }
    }
}

/// The stop words' keys by a hash of their four bytes, in a table with room to spare (open addressing, 0 empty).
private enum StopWords {
    static let mask = 127
    /// (A pointer, written once and only read after, kept for the process.)
    nonisolated(unsafe) static let table: UnsafePointer<UInt32> = {
        let table = UnsafeMutablePointer<UInt32>.allocate(capacity: mask + 1)
        table.initialize(repeating: 0, count: mask + 1)
        for word in SearchIndex.stopWords {
            precondition(word.utf8.count <= 4, "a stop word longer than four bytes")
            let key = UInt32(truncatingIfNeeded: Array(word.utf8).withUnsafeBufferPointer { WordKey($0) }.low)
            var index = slot(key)
            while table[index] != 0 { index = (index + 1) & mask }
            table[index] = key
        }
        return UnsafePointer(table)
    }()

    @inline(__always)
    static func slot(_ key: UInt32) -> Int { Int((key &* 0x9E37_79B1) >> 25) & mask }
}
