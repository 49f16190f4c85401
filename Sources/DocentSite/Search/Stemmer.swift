/// English stemming for the search index: Porter's algorithm (1980), so "updates", "updated" and "updating" are
/// one term. Works on lowercase ASCII words; any other word is returned as it is.
public enum Stemmer {
    public static func stem(_ word: String) -> String {
        let utf8 = word.utf8
        guard utf8.count > 2, utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return word }
        var porter = Porter(Array(utf8))
        porter.run()
        return String(decoding: porter.word, as: UTF8.self)
    }
}

// MARK: - The algorithm

/// The word being stemmed; `end` marks where a suffix under test starts (Porter's `j`).
private struct Porter {
    var word: [UInt8]
    var end = 0

    init(_ word: [UInt8]) { self.word = word }

    mutating func run() {
        step1a()
        step1b()
        step1c()
        step2()
        step3()
        step4()
        step5()
    }

    // MARK: Measures

    func isConsonant(_ index: Int) -> Bool {
        switch word[index] {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"): false
        case UInt8(ascii: "y"): index == 0 || !isConsonant(index - 1)
        default: true
        }
    }

    /// The number of vowel-consonant sequences in `word[..<length]` (Porter's m).
    func measure(_ length: Int) -> Int {
        var count = 0
        var index = 0
        while index < length && isConsonant(index) { index += 1 }
        while index < length {
            while index < length && !isConsonant(index) { index += 1 }
            guard index < length else { break }
            count += 1
            while index < length && isConsonant(index) { index += 1 }
        }
        return count
    }

    func hasVowel(_ length: Int) -> Bool { (0..<length).contains { !isConsonant($0) } }

    func endsWithDoubleConsonant(_ length: Int) -> Bool {
        length >= 2 && word[length - 1] == word[length - 2] && isConsonant(length - 1)
    }

    /// consonant-vowel-consonant at the end of `word[..<length]`, the last not w, x or y.
    func endsCVC(_ length: Int) -> Bool {
        guard length >= 3, isConsonant(length - 1), !isConsonant(length - 2), isConsonant(length - 3) else {
            return false
        }
        let last = word[length - 1]
        return last != UInt8(ascii: "w") && last != UInt8(ascii: "x") && last != UInt8(ascii: "y")
    }

    // MARK: Suffixes

    /// True when the word ends with `suffix`; sets `end` to where the suffix starts.
    mutating func ends(_ suffix: String) -> Bool {
        let bytes = suffix.utf8
        guard bytes.count <= word.count, word.suffix(bytes.count).elementsEqual(bytes) else { return false }
        end = word.count - bytes.count
        return true
    }

    mutating func replaceSuffix(with replacement: String) {
        word.removeSubrange(end...)
        word.append(contentsOf: replacement.utf8)
    }

    /// Replaces the suffix found by `ends` when the stem before it has a measure above zero.
    mutating func replaceIfMeasured(_ replacement: String) {
        if measure(end) > 0 { replaceSuffix(with: replacement) }
    }

    mutating func step1a() {
        if ends("sses") {
            replaceSuffix(with: "ss")
        } else if ends("ies") {
            replaceSuffix(with: "i")
        } else if ends("ss") {
            return
        } else if ends("s") {
            replaceSuffix(with: "")
        }
    }

    mutating func step1b() {
        if ends("eed") {
            replaceIfMeasured("ee")
            return
        }
        guard (ends("ed") || ends("ing")) && hasVowel(end) else { return }
        replaceSuffix(with: "")
        if ends("at") {
            replaceSuffix(with: "ate")
        } else if ends("bl") {
            replaceSuffix(with: "ble")
        } else if ends("iz") {
            replaceSuffix(with: "ize")
        } else if endsWithDoubleConsonant(word.count) {
            let last = word[word.count - 1]
            if last != UInt8(ascii: "l") && last != UInt8(ascii: "s") && last != UInt8(ascii: "z") {
                word.removeLast()
            }
        } else if measure(word.count) == 1 && endsCVC(word.count) {
            word.append(UInt8(ascii: "e"))
        }
    }

    mutating func step1c() {
        if ends("y") && hasVowel(end) { word[word.count - 1] = UInt8(ascii: "i") }
    }

    mutating func step2() {
        applyFirst(Self.step2Rules)
    }

    static let step2Rules: [(String, String)] = [
        ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"),
        ("bli", "ble"), ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"), ("ization", "ize"),
        ("ation", "ate"), ("ator", "ate"), ("alism", "al"), ("iveness", "ive"), ("fulness", "ful"),
        ("ousness", "ous"), ("aliti", "al"), ("iviti", "ive"), ("biliti", "ble"), ("logi", "log"),
    ]

    mutating func step3() {
        applyFirst(Self.step3Rules)
    }

    static let step3Rules: [(String, String)] = [
        ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""),
        ("ness", ""),
    ]

    /// The first rule whose suffix the word ends with, applied when its stem is measured.
    mutating func applyFirst(_ rules: [(String, String)]) {
        for (suffix, replacement) in rules where ends(suffix) {
            replaceIfMeasured(replacement)
            return
        }
    }

    mutating func step4() {
        // Longest match first, as the original's switch on the penultimate letter does.
        for suffix in Self.step4Suffixes where ends(suffix) {
            if suffix == "ion" {
                guard end > 0, word[end - 1] == UInt8(ascii: "s") || word[end - 1] == UInt8(ascii: "t") else {
                    return
                }
            }
            if measure(end) > 1 { word.removeSubrange(end...) }
            return
        }
    }

    static let step4Suffixes = [
        "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou", "ism", "ate",
        "iti", "ous", "ive", "ize",
    ].sorted { $0.utf8.count > $1.utf8.count }

    mutating func step5() {
        if ends("e") {
            let stem = measure(end)
            if stem > 1 || (stem == 1 && !endsCVC(end)) { word.removeLast() }
        }
        if measure(word.count) > 1 && endsWithDoubleConsonant(word.count) && word.last == UInt8(ascii: "l") {
            word.removeLast()
        }
    }
}
