import Foundation

/// The memory a page's words are counted in while it is read (`PageWordCounter`): an open-addressing hash table of
/// the page's words (as `WordTable`'s), their bytes and each word's `PageWordCounter.Entry`, in buffers of its own, so
/// counting a word makes no array uniqueness check, reference count or allocation. A scratch is taken from a pool
/// when a page starts being read and given back (emptied) when its words are handed over, so pages read one after the
/// other on a thread reuse the same warm memory rather than each allocating and zeroing a table of its own.
final class WordCountScratch: @unchecked Sendable {
    /// How many words the page has so far.
    private(set) var count = 0
    /// Each word's counts, by word number.
    private(set) var entries: UnsafeMutablePointer<PageWordCounter.Entry>
    /// Hash slot → the word's hash in the high 32 bits, its number + 1 in the low 32 (0: empty).
    private var slots: UnsafeMutablePointer<UInt64>
    private var mask: Int
    /// Word number → where its bytes start in `bytes`; `starts[count]` is where the next word's would start.
    private var starts: UnsafeMutablePointer<UInt32>
    private var hashes: UnsafeMutablePointer<UInt32>
    /// Word number → its key (`WordKey`; zero for a word longer than a key holds, which no key equals).
    private var keys: UnsafeMutablePointer<WordKey>
    private var wordCapacity: Int
    /// Words read but not counted yet (see `PageWordCounter`), at most `pendingCapacity`.
    let pending: UnsafeMutablePointer<WordKey>
    static let pendingCapacity = 64
    private var bytes: UnsafeMutablePointer<UInt8>
    private var byteCapacity: Int

    private init() {
        mask = 1023
        slots = .allocate(capacity: mask + 1)
        slots.initialize(repeating: 0, count: mask + 1)
        wordCapacity = 512
        entries = .allocate(capacity: wordCapacity)
        starts = .allocate(capacity: wordCapacity + 1)
        starts[0] = 0
        hashes = .allocate(capacity: wordCapacity)
        keys = .allocate(capacity: wordCapacity)
        pending = .allocate(capacity: Self.pendingCapacity)
        byteCapacity = 4096
        bytes = .allocate(capacity: byteCapacity)
    }

    deinit {
        slots.deallocate()
        entries.deallocate()
        starts.deallocate()
        hashes.deallocate()
        keys.deallocate()
        pending.deallocate()
        bytes.deallocate()
    }

    // MARK: - Pool

    /// The scratches no page is using now.
    private static let pool = Pool()
    /// At most this many scratches wait in the pool (one for each thread that reads pages at once is enough).
    private static let pooled = 64
    /// A scratch a very large page grew past this many words is let go rather than kept (a long-lived process, such
    /// as `serve`, does not hold the memory of its largest pages).
    private static let keptWords = 1 << 16

    private final class Pool: @unchecked Sendable {
        let lock = NSLock()
        var idle: [WordCountScratch] = []
    }

    /// An empty scratch: one given back by an earlier page when there is one.
    static func take() -> WordCountScratch {
        pool.lock.withLock { pool.idle.popLast() } ?? WordCountScratch()
    }

    /// Empties the scratch and gives it back to the pool (the caller must not use it after).
    func recycle() {
        guard wordCapacity <= Self.keptWords else { return }
        clear()
        Self.pool.lock.withLock { if Self.pool.idle.count < Self.pooled { Self.pool.idle.append(self) } }
    }

    // MARK: - Words

    /// The counts of the word of `key`, a new (zero) entry when the page has not had the word yet.
    @inline(__always)
    func entry(for key: WordKey) -> UnsafeMutablePointer<PageWordCounter.Entry> {
        let hash = key.hash
        let found = probe(hash: hash) { keys[$0] == key }
        if let number = found.number { return entries + number }
        return insert(key, hash: hash, slot: found.slot)
    }

    /// The counts of `word`, longer than a key holds (see `entry(for:)` with a key).
    func entry(for word: UnsafeBufferPointer<UInt8>) -> UnsafeMutablePointer<PageWordCounter.Entry> {
        if word.count <= WordKey.maxLength { return entry(for: WordKey(word)) }
        let hash = WordTable.hash(word)
        let found = probe(hash: hash) { equals($0, word) }
        if let number = found.number { return entries + number }
        return insert(word, hash: hash, slot: found.slot)
    }

    /// The number of the word of `hash` that `matches`, or the empty slot where it goes: slots hold the hash's 32 bits
    /// over the word's number plus one (0 is empty), looked at in turn from the hash's own.
    @inline(__always)
    private func probe(hash: UInt32, _ matches: (Int) -> Bool) -> (number: Int?, slot: Int) {
        let tag = UInt64(hash) << 32
        var slot = Int(hash) & mask
        while true {
            let value = slots[slot]
            if value == 0 { return (nil, slot) }
            if value & 0xFFFF_FFFF_0000_0000 == tag {
                let number = Int(truncatingIfNeeded: value & 0xFFFF_FFFF) - 1
                if matches(number) { return (number, slot) }
            }
            slot = (slot + 1) & mask
        }
    }

    /// The page's words, their hashes and their entries, copied out (the scratch is left as it is).
    func words() -> (table: WordTable, entries: UnsafeBufferPointer<PageWordCounter.Entry>) {
        let table = WordTable(
            bytes: Array(UnsafeBufferPointer(start: bytes, count: Int(starts[count]))),
            starts: Array(UnsafeBufferPointer(start: starts, count: count)),
            hashes: Array(UnsafeBufferPointer(start: hashes, count: count)))
        return (table, UnsafeBufferPointer(start: entries, count: count))
    }

    // MARK: - Helpers

    private func equals(_ number: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(starts[number])
        let length = word.count
        guard Int(starts[number + 1]) - start == length, let other = word.baseAddress else { return false }
        // Words are short (at most `Tokenizer.maxWordLength`): eight bytes at a time in place, no call.
        let mine = UnsafeRawPointer(bytes + start)
        let theirs = UnsafeRawPointer(other)
        var index = 0
        while index + 8 <= length {
            if mine.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                != theirs.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            {
                return false
            }
            index += 8
        }
        while index < length {
            if bytes[start + index] != other[index] { return false }
            index += 1
        }
        return true
    }

    private func insert(_ key: WordKey, hash: UInt32, slot: Int) -> UnsafeMutablePointer<PageWordCounter.Entry> {
        let number = count
        if number == wordCapacity { growWords() }
        let start = Int(starts[number])
        // The key's sixteen bytes written whole; the next word starts at the end of this one's.
        if start + WordKey.maxLength > byteCapacity { growBytes(to: start + WordKey.maxLength) }
        key.store(at: bytes + start)
        starts[number + 1] = UInt32(start + key.count)
        keys[number] = key
        return added(number, hash: hash, slot: slot)
    }

    private func insert(
        _ word: UnsafeBufferPointer<UInt8>, hash: UInt32, slot: Int
    ) -> UnsafeMutablePointer<PageWordCounter.Entry> {
        let number = count
        if number == wordCapacity { growWords() }
        let start = Int(starts[number])
        if start + word.count > byteCapacity { growBytes(to: start + word.count) }
        if let base = word.baseAddress { (bytes + start).update(from: base, count: word.count) }
        starts[number + 1] = UInt32(start + word.count)
        keys[number] = WordKey(low: 0, high: 0)
        return added(number, hash: hash, slot: slot)
    }

    /// Word `number`, its bytes written, counted in: its hash, its (zero) entry, its slot.
    @inline(__always)
    private func added(_ number: Int, hash: UInt32, slot: Int) -> UnsafeMutablePointer<PageWordCounter.Entry> {
        hashes[number] = hash
        (entries + number).initialize(to: PageWordCounter.Entry())
        slots[slot] = UInt64(hash) << 32 | UInt64(number + 1)
        count += 1
        if count * 2 > mask + 1 { growSlots() }
        return entries + number
    }

    private func growWords() {
        let capacity = wordCapacity * 2
        entries = entries.moved(count: count, to: capacity)
        starts = starts.moved(count: count + 1, to: capacity + 1)
        hashes = hashes.moved(count: count, to: capacity)
        keys = keys.moved(count: count, to: capacity)
        wordCapacity = capacity
    }

    private func growBytes(to needed: Int) {
        var capacity = byteCapacity * 2
        while capacity < needed { capacity *= 2 }
        bytes = bytes.moved(count: Int(starts[count]), to: capacity)
        byteCapacity = capacity
    }

    private func growSlots() {
        let capacity = (mask + 1) * 2
        slots.deallocate()
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: 0, count: capacity)
        mask = capacity - 1
        rehash()
    }

    private func rehash() {
        for number in 0..<count {
            var slot = Int(hashes[number]) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = UInt64(hashes[number]) << 32 | UInt64(number + 1)
        }
    }

    /// Empties the table: each word's slot cleared when the page had few words for the table's size (a page after a
    /// long one does not pay for zeroing all of it), else the whole table.
    private func clear() {
        if count * 8 < mask + 1 {
            for number in 0..<count {
                var slot = Int(hashes[number]) & mask
                while Int(truncatingIfNeeded: slots[slot] & 0xFFFF_FFFF) != number + 1 { slot = (slot + 1) & mask }
                slots[slot] = 0
            }
        } else {
            slots.update(repeating: 0, count: mask + 1)
        }
        count = 0
        starts[0] = 0
    }
}
