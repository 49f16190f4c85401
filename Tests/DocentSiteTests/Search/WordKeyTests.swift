import Testing

@testable import DocentSite

@Suite struct WordKeyTests {
    /// A key made with whole eight-byte loads where the word sits in a longer buffer (the bytes after it masked off)
    /// is the key made byte by byte of the word alone, for every length a key holds and every place in the buffer,
    /// including the last bytes (where fewer than eight can be read).
    @Test func aKeyLoadedInPlaceIsTheKeyOfTheWordAlone() {
        let text = Array("abcdefghijklmnopqrstuvwxyz0123456789éü".utf8)
        text.withUnsafeBufferPointer { buffer in
            for length in 1...WordKey.maxLength {
                for start in 0...(buffer.count - length) {
                    let word = Array(buffer[start..<(start + length)])
                    let alone = word.withUnsafeBufferPointer { WordKey($0) }
                    let inPlace = WordKey(buffer.baseAddress! + start, count: length, readable: buffer.count - start)
                    #expect(inPlace == alone, "length \(length) at \(start)")
                    #expect(alone.bytes == word)
                    #expect(alone.count == length)
                }
            }
        }
    }

    /// Lowercasing a key changes ASCII capitals only: every byte value at every place of a key, against the key of the
    /// lowercased bytes.
    @Test func lowercasingAKeyLowercasesItsASCIICapitalsOnly() {
        for value in 1...255 {
            for place in 0..<WordKey.maxLength {
                var word = [UInt8](repeating: UInt8(ascii: "m"), count: WordKey.maxLength)
                word[place] = UInt8(value)
                var expected = word
                if value >= 0x41 && value <= 0x5A { expected[place] = UInt8(value) | 0x20 }
                let key = word.withUnsafeBufferPointer { WordKey($0) }
                #expect(
                    key.lowercased() == expected.withUnsafeBufferPointer { WordKey($0) }, "byte \(value) at \(place)")
            }
        }
    }

    /// The table that numbers the writers' words hashes a word's bytes as the page counter hashes its key, so a word
    /// counted on a page is found again by its bytes (short words by their key, longer ones by their bytes).
    @Test func aWordCountedOnAPageIsFoundByItsBytes() {
        let words = ["ab", "settings", "settingsx", "organizations", "abcdefghijklmnop", "abcdefghijklmnopq", "日本語"]
        var counter = PageWordCounter()
        counter.read(words.map { $0.uppercased() }.joined(separator: " "))
        let page = counter.finish()
        #expect(page.count == words.count)
        var table = WordTable()
        for number in 0..<page.count {
            let bytes = Array(page.table.word(number))
            #expect(String(decoding: bytes, as: UTF8.self) == words[number].lowercased())
            bytes.withUnsafeBufferPointer { #expect(WordTable.hash($0) == page.table.hash(number)) }
            #expect(bytes.withUnsafeBufferPointer { table.number(of: $0, hash: page.table.hash(number)) } == number)
        }
        // Found again, in place in a longer buffer as alone.
        let all = Array(words.joined().utf8)
        all.withUnsafeBufferPointer { buffer in
            var start = 0
            for (number, word) in words.enumerated() {
                let count = word.utf8.count
                let found = table.number(
                    of: UnsafeBufferPointer(rebasing: buffer[start..<(start + count)]), readable: buffer.count - start,
                    hash: page.table.hash(number))
                #expect(found == number, "\(word)")
                start += count
            }
        }
        #expect(table.count == words.count)
    }

    /// A table of words numbered elsewhere (a page's) finds its words when first looked up (its keys made then).
    @Test func aTableOfWordsNumberedElsewhereFindsThem() {
        var counter = PageWordCounter()
        counter.read("alpha beta gamma alpha averyveryverylongword")
        var table = counter.finish().table
        for (number, word) in ["alpha", "beta", "gamma", "averyveryverylongword"].enumerated() {
            #expect(Array(word.utf8).withUnsafeBufferPointer { table.number(of: $0) } == number)
        }
        #expect(table.count == 4)
    }

    /// The stop words are known by their keys, and no other word is: every stop word, and words next to them (one
    /// letter more, fewer or other).
    @Test func stopWordsAreKnownByTheirKeys() {
        for word in SearchIndex.stopWords {
            #expect(Self.key(word).isStopWord, "\(word)")
            for other in [word + "s", String(word.dropLast()), "x" + word, String(word.dropFirst())]
            where !SearchIndex.stopWords.contains(other) && other.utf8.count >= 1 {
                #expect(!Self.key(other).isStopWord, "\(other)")
            }
        }
        for word in ["settings", "them", "these", "abcd", "thx", "wasp", "12"] { #expect(!Self.key(word).isStopWord) }
    }

    /// A page's counter leaves the stop words out of its words but counts them in its length.
    @Test func aPageCountsStopWordsInItsLengthOnly() {
        var counter = PageWordCounter()
        counter.read("The cat is on the Mat with a hat")
        let page = counter.finish()
        let words = (0..<page.count).map { page.table.string($0) }
        #expect(words == ["cat", "mat", "hat"])
        #expect(counter.length == 8)
    }

    private static func key(_ word: String) -> WordKey { Array(word.utf8).withUnsafeBufferPointer { WordKey($0) } }
}
