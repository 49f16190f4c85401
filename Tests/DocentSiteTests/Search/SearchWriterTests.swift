import Testing

@testable import DocentSite

@Suite struct SearchWriterTests {
    /// What a writer logs of a page's words is read back as the page gave it: each word's weight and up to four
    /// sections, heaviest first, in every partition, for pages whose logs grow well past the log's first room, with
    /// weights of one to three bytes of LEB128 and section numbers of one and two.
    @Test func postingsAreReadBackAsLogged() {
        let writer = SearchWriter()
        var expected: [[String: (weight: UInt32, sections: [UInt16])]] = []
        for page in 0..<3 {
            var reader = SearchPageReader()
            for section in 0..<(page == 2 ? 300 : 6) {
                reader.startSection(anchor: "s\(section)", heading: "")
                for index in 0..<(20 + section % 9) {
                    for _ in 0..<(1 + (section * 7 + index + page) % 5) { reader.text("w\(index)x\(page) ") }
                }
                reader.breakWord()
            }
            if page == 1 { for _ in 0..<20_000 { reader.text("heavy ") } }
            let words = reader.finish().words
            var given: [String: (weight: UInt32, sections: [UInt16])] = [:]
            for number in 0..<words.count {
                var sections: [UInt16] = []
                SearchWords.numbers(words.sections[number]) { sections.append($0) }
                given[words.table.string(number)] = (words.weights[number], sections)
            }
            #expect(given.values.contains { $0.sections.count == 4 })
            #expect(given.values.contains { $0.sections.contains { $0 >= 128 } } == (page == 2))
            #expect(given["heavy"]?.weight == (page == 1 ? 20_000 : nil))
            expected.append(given)
            writer.add(words, number: Int32(page))
        }
        var read: [[String: (weight: UInt32, sections: [UInt16])]] = Array(repeating: [:], count: 3)
        for part in writer.parts {
            for (run, value) in part.runs.enumerated() {
                part.forEachPosting(in: Int(value.start)..<part.end(ofRun: run)) { place, weight, sections in
                    var numbers: [UInt16] = []
                    SearchWords.numbers(sections) { numbers.append($0) }
                    read[Int(value.page)][writer.vocabulary.string(Int(part.words[place]))] = (weight, numbers)
                }
            }
        }
        for page in 0..<3 {
            #expect(read[page].count == expected[page].count)
            for (word, counts) in expected[page] {
                #expect(read[page][word]?.weight == counts.weight, "\(word)")
                #expect(read[page][word]?.sections == counts.sections, "\(word)")
            }
        }
    }
}
