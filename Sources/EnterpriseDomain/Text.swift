/// Small text helpers that Foundation would otherwise provide.
public enum Text {
    /// Removes leading and trailing spaces, tabs and newlines.
    @inline(never)
    public static func trimmed(_ text: String) -> String {
        var scalars = Substring(text)
        while let first = scalars.first, isSpace(first) { scalars = scalars.dropFirst() }
        while let last = scalars.last, isSpace(last) { scalars = scalars.dropLast() }
        return String(scalars)
    }

    /// Trims, lowercases and collapses runs of whitespace to one space.
    @inline(never)
    public static func normalized(_ text: String) -> String {
        var result = ""
        var pendingSpace = false
        for character in text.lowercased() {
            if isSpace(character) {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(character)
            }
        }
        return result
    }

    /// The part of an email after its last `@`, lowercased; empty when there is none.
    @inline(never)
    public static func emailDomain(_ email: String) -> String {
        guard let at = email.lastIndex(of: "@") else { return "" }
        return String(email[email.index(after: at)...]).lowercased()
    }

    /// A minimal email check: one non-empty local part, a domain with a dot, no spaces.
    @inline(never)
    public static func isValidEmail(_ email: String) -> Bool {
        guard let at = email.lastIndex(of: "@") else { return false }
        let local = email[..<at]
        let domain = email[email.index(after: at)...]
        if local.isEmpty || domain.isEmpty { return false }
        if email.contains(where: { isSpace($0) }) { return false }
        guard let dot = domain.lastIndex(of: ".") else { return false }
        return dot != domain.startIndex && domain.index(after: dot) != domain.endIndex
    }

    /// `a`, `a and b`, `a, b and c`.
    @inline(never)
    public static func joinedList(_ items: [String]) -> String {
        if items.count <= 1 { return items.first ?? "" }
        let head = items.dropLast()
        var text = ""
        for (index, item) in head.enumerated() {
            if index > 0 { text += ", " }
            text += item
        }
        return text + " and " + items[items.count - 1]
    }

    static func isSpace(_ character: Character) -> Bool {
        character == " " || character == "\t" || character == "\n" || character == "\r"
    }
}
