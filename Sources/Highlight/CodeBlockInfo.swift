/// What a fenced code block's info string asks for, as Docusaurus and Starlight write it:
/// ```` ```js title="app.js" {2,4-6} showLineNumbers ````; `ins={3}` and `del={4}` mark lines added and removed;
/// `diff-js` (or `diff lang="js"`) highlights JavaScript with each `+`/`-` line marked. `linenos` is Jekyll's
/// word for line numbers.
public struct CodeBlockInfo: Equatable, Sendable {
    /// The language as written (`js`), what the `language-…` class shows.
    public var language: String
    public var title: String?
    /// 1-based line numbers.
    public var highlightedLines: Set<Int> = []
    public var insertedLines: Set<Int> = []
    public var deletedLines: Set<Int> = []
    public var lineNumbers = false
    /// The language of a diff's lines (`diff-js`), whose `+` and `-` lines are then marked.
    public var diffLanguage: String?

    public init(language: String) {
        self.language = language
    }

    public init(parsing info: String) {
        let words = Self.split(info)
        language = words.first.map { $0.hasPrefix("{") ? "" : $0 } ?? ""
        for word in words.dropFirst(language.isEmpty ? 0 : 1) {
            let (key, value) = Self.keyValue(word)
            switch key {
            case "title": title = value
            case "lang": diffLanguage = value
            case "ins": insertedLines = Self.lines(value ?? "")
            case "del": deletedLines = Self.lines(value ?? "")
            case "mark", "highlight", "hl_lines": highlightedLines.formUnion(Self.lines(value ?? ""))
            case "showlinenumbers", "linenos", "linenumbers": lineNumbers = true
            default:
                if word.hasPrefix("{") { highlightedLines.formUnion(Self.lines(word)) }
            }
        }
        if language.lowercased().hasPrefix("diff-") { diffLanguage = String(language.dropFirst(5)) }
        if diffLanguage != nil && language.lowercased() != "diff" && !language.lowercased().hasPrefix("diff-") {
            diffLanguage = nil
        }
    }

    /// `{2,4-6}` or `2 4-6` → {2, 4, 5, 6}; ranges past 100,000 lines are ignored.
    static func lines(_ text: String) -> Set<Int> {
        var lines: Set<Int> = []
        for part in text.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "{" || $0 == "}" || $0 == "\"" }) {
            let bounds = part.split(separator: "-", maxSplits: 1).compactMap { Int($0) }
            guard let low = bounds.first, let high = bounds.last, low >= 1, low <= high, high - low < 100_000 else {
                continue
            }
            lines.formUnion(low...high)
        }
        return lines
    }

    /// Splits at spaces outside quotes and braces; the language may be glued to its braces (`js{1,3}`).
    private static func split(_ info: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quote: Character?
        var braces = 0
        for character in info {
            if let open = quote {
                current.append(character)
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
                current.append(character)
            } else if character == "{" {
                if braces == 0 && !current.isEmpty && words.isEmpty {
                    words.append(current)
                    current = ""
                }
                braces += 1
                current.append(character)
            } else if character == "}" {
                braces = max(0, braces - 1)
                current.append(character)
            } else if (character == " " || character == "\t") && braces == 0 {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// `title="app.js"` → ("title", "app.js"); a bare word → (lowercased word, nil).
    private static func keyValue(_ word: String) -> (String, String?) {
        guard let equals = word.firstIndex(of: "=") else { return (word.lowercased(), nil) }
        var value = word[word.index(after: equals)...]
        if let first = value.first, first == "\"" || first == "'", value.count >= 2, value.last == first {
            value = value.dropFirst().dropLast()
        }
        return (word[..<equals].lowercased(), String(value))
    }
}
