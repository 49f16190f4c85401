import WalkthroughContract

/// Word-level helpers for reading steps written for people.
enum StepText {
    /// The walkthrough contract's comparison form (`WalkthroughText.normalized`): lowercased, runs of spaces
    /// collapsed, surrounding spaces and trailing punctuation removed. One rule for the runner, the static screens
    /// and the page.
    static func normalized(_ text: String) -> String { WalkthroughText.normalized(text) }

    /// The words of `text`, lowercased, with their character offsets (apostrophes kept inside words). Words in
    /// parentheses are asides (`(see [Add and verify a domain](…))`), not what the step asks for: left out.
    static func words(_ text: String) -> [(word: String, offset: Int)] {
        var result: [(String, Int)] = []
        var current = ""
        var start = 0
        var depth = 0
        for (offset, character) in text.lowercased().enumerated() {
            if character == "(" { depth += 1 }
            if character == ")" { depth = max(0, depth - 1) }
            if depth == 0, character.isLetter || character.isNumber || character == "'" || character == "’" {
                if current.isEmpty { start = offset }
                current.append(character)
            } else if !current.isEmpty {
                result.append((current, start))
                current = ""
            }
        }
        if !current.isEmpty { result.append((current, start)) }
        return result
    }
}
