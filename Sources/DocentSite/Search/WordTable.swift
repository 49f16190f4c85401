/// Words as numbers: each distinct byte string gets the next number, kept in one byte buffer and found through an
/// open-addressing hash table, so counting a page's words makes no string per word.
struct WordTable {
    /// Every word's bytes, one after the other.
    private(set) var bytes: [UInt8] = []
    /// Word number → where its bytes start in `bytes` (the next word's start, or `bytes.count`, ends it).
    private(set) var starts: [UInt32] = []
    private var hashes: [UInt32] = []
    /// Hash slot → word number + 1 (0: empty).
    private var slots: [UInt32]
    private var mask: Int

    init(expectedWords: Int = 64) {
        var capacity = 64
        while capacity < expectedWords * 2 { capacity <<= 1 }
        slots = Array(repeating: 0, count: capacity)
        mask = capacity - 1
        starts.reserveCapacity(expectedWords)
        hashes.reserveCapacity(expectedWords)
        bytes.reserveCapacity(expectedWords * 8)
    }

    var count: Int { starts.count }

    /// The bytes of word `number`.
    func word(_ number: Int) -> ArraySlice<UInt8> {
        let start = Int(starts[number])
        let end = number + 1 < starts.count ? Int(starts[number + 1]) : bytes.count
        return bytes[start..<end]
    }

    func string(_ number: Int) -> String { String(decoding: word(number), as: UTF8.self) }

    /// The word's number, given a new one when the word is new.
    mutating func number(of word: UnsafeBufferPointer<UInt8>) -> Int {
        let hash = Self.hash(word)
        var slot = Int(hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { break }
            let number = Int(entry - 1)
            if hashes[number] == hash && equals(number, word) { return number }
            slot = (slot + 1) & mask
        }
        let number = starts.count
        starts.append(UInt32(bytes.count))
        hashes.append(hash)
        bytes.append(contentsOf: word)
        slots[slot] = UInt32(number + 1)
        if starts.count * 2 > slots.count { grow() }
        return number
    }

    // MARK: - Helpers

    private func equals(_ number: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(starts[number])
        let end = number + 1 < starts.count ? Int(starts[number + 1]) : bytes.count
        guard end - start == word.count else { return false }
        return bytes.withUnsafeBufferPointer { stored in
            var index = 0
            while index < word.count {
                if stored[start + index] != word[index] { return false }
                index += 1
            }
            return true
        }
    }

    private mutating func grow() {
        let capacity = slots.count * 2
        slots = Array(repeating: 0, count: capacity)
        mask = capacity - 1
        for number in hashes.indices {
            var slot = Int(hashes[number]) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = UInt32(number + 1)
        }
    }

    /// FNV-1a, folded to 32 bits.
    static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in word { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return UInt32(truncatingIfNeeded: hash ^ (hash >> 32))
    }
}
