/// Ruby Liquid's lax parser (`error_mode: lax`, Jekyll's default): what it makes of markup the strict parser
/// rejects. It follows Ruby's regular expressions (`Expression.parse`, `Variable#lax_parse`, `If#lax_parse`, the
/// `for`, `cycle` and `when` syntaxes), so `{{ false 1 }}` is `false`, `(1...5)` is a range and `&&` is ignored.
struct LaxParser {
    let filters: FilterTable
    let location: LiquidLocation
    /// Brackets nest expressions (`a[b[c]]`); deeper than this reads as nil.
    static let maxDepth = 32

    func error(_ message: String, _ markup: String) -> LiquidError {
        LiquidError.syntax("\(message) in \"\(markup)\"", at: location)
    }

    // MARK: - Expressions

    /// `Expression.parse`: a quoted string, a literal, a range, a number, or a variable lookup made of whatever
    /// names and brackets the markup holds.
    func expression(_ markup: String, depth: Int = 0) -> Expression {
        let bytes = Array(markup.utf8)
        var start = 0
        var end = bytes.count
        while start < end, LaxMarkup.isRubySpace(bytes[start]) { start += 1 }
        while end > start, LaxMarkup.isRubySpace(bytes[end - 1]) { end -= 1 }
        let text = bytes[start..<end]
        if text.count >= 2, let first = text.first, LaxMarkup.isQuote(first), text.last == first {
            return .literal(.string(String(decoding: text.dropFirst().dropLast(), as: UTF8.self)))
        }
        switch String(decoding: text, as: UTF8.self) {
        case "", "nil", "null": return .literal(.nil_)
        case "true": return .literal(.bool(true))
        case "false": return .literal(.bool(false))
        case "blank": return .blank
        case "empty": return .empty
        default: break
        }
        if depth >= LaxParser.maxDepth { return .literal(.nil_) }
        let markup = LaxMarkup(text)
        if let (low, high) = rangeBounds(markup) {
            return .range(expression(low, depth: depth + 1), expression(high, depth: depth + 1))
        }
        if let number = number(markup.bytes) { return .literal(number) }
        return variable(markup, depth: depth)
    }

    /// `\A\(\s*(?>(\S+)\s*\.\.)\s*(\S+)\s*\)\z`: the bounds of `(a..b)` as written (`(1...5)` is `1.` and `5`).
    private func rangeBounds(_ markup: LaxMarkup) -> (String, String)? {
        let bytes = markup.bytes
        guard bytes.count >= 2, bytes.first == 0x28, bytes.last == 0x29 else { return nil }
        let last = bytes.count - 1
        let lowStart = markup.skippingSpaces(from: 1)
        var runEnd = lowStart
        while runEnd < last, !LaxMarkup.isRubySpace(bytes[runEnd]) { runEnd += 1 }
        guard runEnd > lowStart else { return nil }
        func isDots(_ at: Int) -> Bool { at + 1 < bytes.count && bytes[at] == 0x2E && bytes[at + 1] == 0x2E }
        var lowEnd: Int
        var dots: Int
        let afterRun = markup.skippingSpaces(from: runEnd)
        if isDots(afterRun) {
            lowEnd = runEnd
            dots = afterRun
        } else {
            // `\S+` gives back characters until `..` follows it: the last `..` inside the run.
            dots = runEnd - 2
            while dots > lowStart, !isDots(dots) { dots -= 1 }
            guard dots > lowStart, isDots(dots) else { return nil }
            lowEnd = dots
        }
        let highStart = markup.skippingSpaces(from: dots + 2)
        var highEnd = last
        while highEnd > highStart, LaxMarkup.isRubySpace(bytes[highEnd - 1]) { highEnd -= 1 }
        guard highEnd > highStart, !bytes[highStart..<highEnd].contains(where: LaxMarkup.isRubySpace) else {
            return nil
        }
        return (markup.text(lowStart..<lowEnd), markup.text(highStart..<highEnd))
    }

    /// Ruby's `Expression.parse_number`: `12`, `-3`, `1.5`, and `1.2.3` (1.2) or `5.` (5.0); nil when the markup
    /// has anything but digits, dots and a leading `-`.
    private func number(_ bytes: [UInt8]) -> LiquidValue? {
        func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        guard let first = bytes.first, first == 0x2D || isDigit(first) else { return nil }
        var at = 1
        if first == 0x2D {
            guard bytes.count > 1, isDigit(bytes[1]) else { return nil }
            at = 2
        }
        var firstDot: Int? = nil
        var numberEnd: Int? = nil
        while at < bytes.count {
            let byte = bytes[at]
            guard byte == 0x2E || isDigit(byte) else { return nil }
            if numberEnd == nil, byte == 0x2E {
                if firstDot == nil { firstDot = at } else { numberEnd = at }
            }
            at += 1
        }
        let text = String(decoding: bytes, as: UTF8.self)
        guard let firstDot else { return Int(text).map(LiquidValue.int) ?? Double(text).map(LiquidValue.double) }
        let end = numberEnd ?? bytes.count
        let digits = String(decoding: bytes[..<(end == firstDot + 1 ? firstDot : end)], as: UTF8.self)
        return Double(digits).map(LiquidValue.double)
    }

    /// `VariableLookup`: the first name or `[…]` is the variable, the rest are lookups; nothing found is nil.
    private func variable(_ markup: LaxMarkup, depth: Int) -> Expression {
        let segments = markup.variableSegments()
        guard let name = segments.first else { return .literal(.nil_) }
        let lookups = segments.dropFirst().map { segment -> Lookup in
            if let inner = bracketed(segment) {
                let key = expression(inner, depth: depth + 1)
                if case .literal(.string(let s)) = key { return .key(s, command: false) }
                return .index(key)
            }
            if let index = Int(segment) { return .index(.literal(.int(index))) }
            return .key(segment, command: segment == "size" || segment == "first" || segment == "last")
        }
        if let inner = bracketed(name) { return .dynamicVariable(expression(inner, depth: depth + 1), lookups) }
        return .variable(name, lookups)
    }

    private func bracketed(_ segment: String) -> String? {
        guard segment.hasPrefix("["), segment.hasSuffix("]"), segment.count >= 2 else { return nil }
        return String(segment.dropFirst().dropLast())
    }

    // MARK: - Output

    /// `Variable#lax_parse`: the first fragment is the value; after the first `|`, each piece up to the next `|`
    /// is a filter named by its first word, with the fragments after `:` or `,` as arguments.
    func filteredExpression(_ text: String) throws(LiquidError) -> FilteredExpression {
        let markup = LaxMarkup(text)
        guard let nameRange = markup.firstQuotedFragment(from: 0) else {
            return FilteredExpression(expression: .literal(.nil_), filters: [])
        }
        let value = expression(markup.text(nameRange))
        var filterCalls: [FilterCall] = []
        var at = nameRange.upperBound
        while at < markup.count, markup.bytes[at] != 0x7C { at += 1 }
        if at < markup.count {
            for piece in filterPieces(markup, from: at + 1) {
                if let call = try filterCall(LaxMarkup(markup.bytes[piece])) { filterCalls.append(call) }
            }
        }
        return FilteredExpression(expression: value, filters: filterCalls)
    }

    /// `FilterParser`'s scan: runs of whitespace, fragments and commas, split wherever neither fits (`|`, an
    /// unclosed quote).
    private func filterPieces(_ markup: LaxMarkup, from start: Int) -> [Range<Int>] {
        var pieces: [Range<Int>] = []
        var at = start
        var pieceStart: Int? = nil
        while at < markup.count {
            let byte = markup.bytes[at]
            var next: Int? = nil
            if LaxMarkup.isRubySpace(byte) || byte == 0x2C {
                next = at + 1
            } else if let end = markup.quotedFragmentEnd(at: at) {
                next = end
            }
            if let next {
                if pieceStart == nil { pieceStart = at }
                at = next
            } else {
                if let begin = pieceStart { pieces.append(begin..<at) }
                pieceStart = nil
                at += 1
            }
        }
        if let begin = pieceStart { pieces.append(begin..<markup.count) }
        return pieces
    }

    /// One filter: the first `\w+` names it; `(?::|,)\s*((?:\w+\s*:\s*)?QuotedFragment)` finds its arguments.
    private func filterCall(_ piece: LaxMarkup) throws(LiquidError) -> FilterCall? {
        let bytes = piece.bytes
        guard let nameStart = bytes.firstIndex(where: LaxMarkup.isWord) else { return nil }
        var nameEnd = nameStart
        while nameEnd < bytes.count, LaxMarkup.isWord(bytes[nameEnd]) { nameEnd += 1 }
        let name = piece.text(nameStart..<nameEnd)
        var arguments: [Expression] = []
        var named: [(String, Expression)] = []
        var at = 0
        while at < bytes.count {
            guard bytes[at] == 0x3A || bytes[at] == 0x2C else {
                at += 1
                continue
            }
            let valueStart = piece.skippingSpaces(from: at + 1)
            if let attribute = piece.tagAttribute(at: valueStart) {
                named.append((attribute.key, expression(piece.text(attribute.value))))
                at = attribute.value.upperBound
            } else if let end = piece.quotedFragmentEnd(at: valueStart) {
                arguments.append(expression(piece.text(valueStart..<end)))
                at = end
            } else {
                at += 1
            }
        }
        return FilterCall(
            name: name, function: try filters.resolve(name, at: location), arguments: arguments,
            namedArguments: named)
    }

    // MARK: - Conditions

    /// `If#lax_parse`: terms split at the words `and` and `or`; each is `value [operator value]`, where an
    /// operator Ruby does not know is an error.
    func condition(_ text: String) throws(LiquidError) -> Condition {
        let markup = LaxMarkup(text)
        var groups: [Range<Int>] = []
        var joinsWithAnd: [Bool] = []
        var groupStart = 0
        var at = markup.skippingSpaces(from: 0)
        while at < markup.count {
            // A word: a fragment, or else a run of anything but whitespace (`\S+`).
            var end = at + 1
            if let fragmentEnd = markup.quotedFragmentEnd(at: at) {
                end = fragmentEnd
            } else {
                while end < markup.count, !LaxMarkup.isRubySpace(markup.bytes[end]) { end += 1 }
            }
            let word = markup.text(at..<end)
            if word == "and" || word == "or" {
                groups.append(groupStart..<at)
                joinsWithAnd.append(word == "and")
                groupStart = end
            }
            at = markup.skippingSpaces(from: end)
        }
        groups.append(groupStart..<markup.count)
        var terms: [ConditionTerm] = []
        for group in groups {
            guard let term = try comparison(LaxMarkup(markup.bytes[group])) else {
                throw error("Syntax Error in tag 'if' - Valid syntax: if [expression]", text)
            }
            terms.append(term)
        }
        return Condition(terms: terms, joinsWithAnd: joinsWithAnd)
    }

    /// `(QuotedFragment)\s*([=!<>a-z_]+)?\s*(QuotedFragment)?`
    private func comparison(_ markup: LaxMarkup) throws(LiquidError) -> ConditionTerm? {
        guard let leftRange = markup.firstQuotedFragment(from: 0) else { return nil }
        let left = expression(markup.text(leftRange))
        let operatorStart = markup.skippingSpaces(from: leftRange.upperBound)
        var operatorEnd = operatorStart
        while operatorEnd < markup.count, isOperatorByte(markup.bytes[operatorEnd]) { operatorEnd += 1 }
        guard operatorEnd > operatorStart else { return .value(left) }
        let operatorText = markup.text(operatorStart..<operatorEnd)
        let rightStart = markup.skippingSpaces(from: operatorEnd)
        let right = markup.quotedFragmentEnd(at: rightStart).map { expression(markup.text(rightStart..<$0)) }
        guard let comparison = ComparisonOperator(rubyOperator: operatorText) else {
            throw LiquidError.syntax("Unknown operator \(operatorText)", at: location)
        }
        return .comparison(left, comparison, right ?? .literal(.nil_))
    }

    private func isOperatorByte(_ byte: UInt8) -> Bool {
        byte == 0x3D || byte == 0x21 || byte == 0x3C || byte == 0x3E || byte == 0x5F || (byte >= 0x61 && byte <= 0x7A)
    }

    // MARK: - Tags

    /// `case`: its first fragment.
    func caseSubject(_ text: String) -> Expression {
        let markup = LaxMarkup(text)
        return markup.firstQuotedFragment(from: 0).map { expression(markup.text($0)) } ?? .literal(.nil_)
    }

    /// `when a, b or c`: fragments separated by `,` or ` or `; what follows the last is ignored.
    func whenValues(_ text: String) -> [Expression] {
        let markup = LaxMarkup(text)
        var values: [Expression] = []
        var at = markup.skippingSpaces(from: 0)
        while let end = markup.quotedFragmentEnd(at: at) {
            values.append(expression(markup.text(at..<end)))
            var next = markup.skippingSpaces(from: end)
            if next < markup.count, markup.bytes[next] == 0x2C {
                next = markup.skippingSpaces(from: next + 1)
            } else if next > end, markup.text(next..<min(next + 2, markup.count)) == "or",
                next + 2 < markup.count, LaxMarkup.isRubySpace(markup.bytes[next + 2])
            {
                next = markup.skippingSpaces(from: next + 2)
            } else {
                break
            }
            at = next
        }
        return values
    }

    /// `cycle 'a', 'b'` or `cycle name: 'a', 'b'`: the values are the first fragment of each comma-separated piece.
    func cycle(_ text: String) -> (name: Expression?, values: [Expression]) {
        let markup = LaxMarkup(text)
        var name: Expression? = nil
        var valuesStart = 0
        if let nameEnd = markup.quotedFragmentEnd(at: 0) {
            // `QuotedFragment` may swallow the `:`; Ruby backtracks to the last colon it holds.
            var colon = markup.skippingSpaces(from: nameEnd)
            if colon >= markup.count || markup.bytes[colon] != 0x3A {
                colon = nameEnd - 1
                while colon > 0, markup.bytes[colon] != 0x3A { colon -= 1 }
            }
            if colon > 0, colon < markup.count, markup.bytes[colon] == 0x3A {
                var nameText = markup.text(0..<colon)
                while let last = nameText.utf8.last, LaxMarkup.isRubySpace(last) { nameText.removeLast() }
                name = expression(nameText)
                valuesStart = colon + 1
            }
        }
        let values = markup.text(valuesStart..<markup.count).split(separator: ",", omittingEmptySubsequences: false)
            .compactMap { piece -> Expression? in
                let pieceMarkup = LaxMarkup(String(piece))
                return pieceMarkup.firstQuotedFragment(from: 0).map { expression(pieceMarkup.text($0)) }
            }
        return (name, values)
    }

    /// `include`/`render`: `(QuotedFragment+)(\s+(with|for)\s+(QuotedFragment+))?(\s+as\s+([\w-]+))?` and every
    /// `key: value` in the markup.
    func partialCall(_ text: String) -> PartialCall {
        let markup = LaxMarkup(text)
        func fragments(from start: Int) -> Range<Int> {
            var end = start
            while let next = markup.quotedFragmentEnd(at: end) { end = next }
            return start..<end
        }
        func word(at start: Int, _ expected: String) -> Int? {
            let end = start + expected.utf8.count
            guard end < markup.count, markup.text(start..<end) == expected, LaxMarkup.isRubySpace(markup.bytes[end])
            else { return nil }
            return markup.skippingSpaces(from: end)
        }
        let nameRange = fragments(from: markup.skippingSpaces(from: 0))
        var call = PartialCall(name: expression(markup.text(nameRange)))
        var at = markup.skippingSpaces(from: nameRange.upperBound)
        if at > nameRange.upperBound, let valueStart = word(at: at, "with") ?? word(at: at, "for") {
            call.isFor = markup.bytes[at] == 0x66
            let valueRange = fragments(from: valueStart)
            if !valueRange.isEmpty {
                call.variable = expression(markup.text(valueRange))
                at = markup.skippingSpaces(from: valueRange.upperBound)
            } else {
                call.isFor = false
            }
        }
        if let aliasStart = word(at: at, "as") {
            var end = aliasStart
            while end < markup.count, LaxMarkup.isWord(markup.bytes[end]) || markup.bytes[end] == 0x2D { end += 1 }
            if end > aliasStart { call.alias = markup.text(aliasStart..<end) }
        }
        call.attributes = markup.tagAttributes().map { ($0.key, expression($0.value)) }
        return call
    }

    /// `for x in collection reversed limit: n offset: m`: `(\w|-)+\s+in\s+(QuotedFragment+)\s*(reversed)?` and
    /// every `key: value` in the markup.
    func loopHeader(_ text: String, tag: String) throws(LiquidError) -> (
        variable: String, collection: Expression, collectionText: String, reversed: Bool,
        attributes: [(String, String)]
    ) {
        let markup = LaxMarkup(text)
        var at = 0
        while at < markup.count, LaxMarkup.isWord(markup.bytes[at]) || markup.bytes[at] == 0x2D { at += 1 }
        let variable = markup.text(0..<at)
        let inStart = markup.skippingSpaces(from: at)
        guard at > 0, inStart > at, markup.text(inStart..<min(inStart + 2, markup.count)) == "in" else {
            throw error("Syntax Error in '\(tag) loop' - Valid syntax: \(tag) [item] in [collection]", text)
        }
        let collectionStart = markup.skippingSpaces(from: inStart + 2)
        guard collectionStart > inStart + 2 else {
            throw error("Syntax Error in '\(tag) loop' - Valid syntax: \(tag) [item] in [collection]", text)
        }
        var collectionEnd = collectionStart
        while let end = markup.quotedFragmentEnd(at: collectionEnd) { collectionEnd = end }
        guard collectionEnd > collectionStart else {
            throw error("Syntax Error in '\(tag) loop' - Valid syntax: \(tag) [item] in [collection]", text)
        }
        let collectionText = markup.text(collectionStart..<collectionEnd)
        let afterCollection = markup.skippingSpaces(from: collectionEnd)
        let reversed = markup.text(afterCollection..<min(afterCollection + 8, markup.count)) == "reversed"
        return (variable, expression(collectionText), collectionText, reversed, markup.tagAttributes())
    }
}

extension ComparisonOperator {
    /// Ruby Liquid's `Condition.operators`.
    init?(rubyOperator: String) {
        switch rubyOperator {
        case "==": self = .equal
        case "!=", "<>": self = .notEqual
        case "<": self = .less
        case ">": self = .greater
        case "<=": self = .lessOrEqual
        case ">=": self = .greaterOrEqual
        case "contains": self = .contains
        default: return nil
        }
    }
}
