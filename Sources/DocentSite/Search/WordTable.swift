import Foundation

/// Words as numbers: each distinct byte string gets the next number, kept in one byte buffer and found through an
/// open-addressing hash table, so counting a page's words makes no string per word.
struct WordTable {
    /// Every word's bytes, one after the other.
    private(set) var bytes: [UInt8] = []
    /// Word number → where its bytes start in `bytes` (the next word's start, or `bytes.count`, ends it).
    private(set) var starts: [UInt32] = []
    private var hashes: [UInt32] = []
    /// Word number → its key (`WordKey`; zero for a word longer than a key holds): a short word is found by its key,
    /// not its bytes. Made with the hash table (a table of words counted elsewhere has none until a look-up).
    private var keys: [WordKey] = []
    /// Hash slot → the word's hash in the high 32 bits, its number + 1 in the low 32 (0: empty), so a probe that
    /// meets another word rarely looks further. Empty for a table made of words counted elsewhere (a page's, see
    /// `init(bytes:starts:hashes:)`) until a word is looked up in it.
    private var slots: [UInt64]
    private var mask: Int

    init(expectedWords: Int = 64) {
        var capacity = 64
        while capacity < expectedWords * 2 { capacity <<= 1 }
        slots = Array(repeating: 0, count: capacity)
        mask = capacity - 1
        starts.reserveCapacity(expectedWords)
        hashes.reserveCapacity(expectedWords)
        keys.reserveCapacity(expectedWords)
        bytes.reserveCapacity(expectedWords * 8)
    }

    /// Words already numbered (each once, numbers in order), as they are: no hash table is made for them unless a
    /// word is looked up (a page's words are only read, so a page made of them allocates no table).
    init(bytes: [UInt8], starts: [UInt32], hashes: [UInt32]) {
        self.bytes = bytes
        self.starts = starts
        self.hashes = hashes
        slots = []
        mask = 0
    }

    var count: Int { starts.count }

    /// The bytes of word `number`.
    func word(_ number: Int) -> ArraySlice<UInt8> {
        let start = Int(starts[number])
        let end = number + 1 < starts.count ? Int(starts[number + 1]) : bytes.count
        return bytes[start..<end]
    }

    /// Where the bytes of word `number` are in `bytes`.
    func range(_ number: Int) -> Range<Int> {
        Int(starts[number])..<(number + 1 < starts.count ? Int(starts[number + 1]) : bytes.count)
    }

    func string(_ number: Int) -> String { String(decoding: word(number), as: UTF8.self) }

    /// The word's number, given a new one when the word is new.
    mutating func number(of word: UnsafeBufferPointer<UInt8>) -> Int {
        number(of: word, hash: Self.hash(word))
    }

    /// The hash of word `number` (another table's lookup of the word need not compute it again).
    func hash(_ number: Int) -> UInt32 { hashes[number] }

    mutating func number(of word: UnsafeBufferPointer<UInt8>, hash: UInt32) -> Int {
        number(of: word, readable: word.count, hash: hash)
    }

    /// The number of `word`, of whose bytes `readable` can be read from its start (a word in a larger buffer:
    /// a short word's key is then made with whole eight-byte loads).
    mutating func number(of word: UnsafeBufferPointer<UInt8>, readable: Int, hash: UInt32) -> Int {
        if slots.isEmpty { grow() }
        let isShort = word.count <= WordKey.maxLength
        let key =
            isShort && word.count > 0
            ? WordKey(word.baseAddress!, count: word.count, readable: readable) : WordKey(low: 0, high: 0)
        let tag = UInt64(hash) << 32
        var slot = Int(hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { break }
            if entry & 0xFFFF_FFFF_0000_0000 == tag {
                let number = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
                if isShort ? keys[number] == key : equals(number, word) { return number }
            }
            slot = (slot + 1) & mask
        }
        let number = starts.count
        starts.append(UInt32(bytes.count))
        hashes.append(hash)
        keys.append(key)
        bytes.append(contentsOf: word)
        slots[slot] = tag | UInt64(number + 1)
        if starts.count * 2 > slots.count { grow() }
        return number
    }

    /// Reads the slot where a look-up of a word of `hash` starts, and the word found there, so that a
    /// look-up soon after finds them in the cache: a pass of these over a page's words, whose loads do not wait on
    /// each other, before the look-ups, which do (a writer's table is cold after the page's rendering). Returns what
    /// it read, for the caller to keep (so the reads are not left out).
    @inline(__always)
    func touch(hash: UInt32) -> UInt64 {
        guard !slots.isEmpty else { return 0 }
        let entry = slots[Int(hash) & mask]
        let number = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
        guard number >= 0 else { return entry }
        // The word's key (what a short word is compared with), else its first byte.
        if keys[number].low != 0 { return entry &+ keys[number].low }
        let start = Int(starts[number])
        return start < bytes.count ? entry &+ UInt64(bytes[start]) : entry
    }

    // MARK: - Helpers

    private func equals(_ number: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(starts[number])
        let end = number + 1 < starts.count ? Int(starts[number + 1]) : bytes.count
        guard end - start == word.count else { return false }
        guard let other = word.baseAddress else { return true }
        return bytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + start, other, word.count) == 0 }
    }

    /// Doubles the hash table (makes it, for a table that has none yet) and slots every word in again.
    private mutating func grow() {
        var capacity = max(64, slots.count * 2)
        while capacity < starts.count * 2 { capacity <<= 1 }
        slots = Array(repeating: 0, count: capacity)
        mask = capacity - 1
        // The keys of words numbered elsewhere (`init(bytes:starts:hashes:)`), made now.
        while keys.count < starts.count {
            let word = self.range(keys.count)
            keys.append(
                word.count <= WordKey.maxLength && !word.isEmpty
                    ? bytes.withUnsafeBufferPointer { WordKey(UnsafeBufferPointer(rebasing: $0[word])) }
                    : WordKey(low: 0, high: 0))
        }
        for number in hashes.indices {
            var slot = Int(hashes[number]) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = UInt64(hashes[number]) << 32 | UInt64(number + 1)
        }
    }

    /// A short word's is its key's (`WordKey.hash`: the page counter hashes the key it has); a longer one's eight
    /// bytes at a time, then a final mix (SplitMix64's), folded to 32 bits.
    static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt32 {
        if word.count <= WordKey.maxLength && word.count > 0 { return WordKey(word).hash }
        var hash = UInt64(word.count) &* 0x9E37_79B9_7F4A_7C15
        guard let base = word.baseAddress else { return UInt32(truncatingIfNeeded: hash) }
        let raw = UnsafeRawPointer(base)
        var index = 0
        while index + 8 <= word.count {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) &* 0x0000_0100_0000_01B3
            hash ^= hash >> 31
            index += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while index < word.count {
            tail |= UInt64(base[index]) << shift
            shift += 8
            index += 1
        }
        hash = (hash ^ tail) &* 0xBF58_476D_1CE4_E5B9
        hash ^= hash >> 29
        hash = hash &* 0x94D0_49BB_1331_11EB
        hash ^= hash >> 32
        return UInt32(truncatingIfNeeded: hash)
    }
}
