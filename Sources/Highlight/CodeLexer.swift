/// The one lexer behind every `CodeLanguage`: comments, strings, numbers, words looked up in the language's
/// sets, operators and punctuation. Each turn of its loop emits at least one character, so it ends, and each
/// scanner stops at its own token's end, so the work is linear in the code's length.
struct CodeLexer {
    let language: CodeLanguage

    func lex(_ lexing: inout Lexing) {
        var pending: TokenKind?  // the kind the next word takes (after `def`, `class`…)
        var lineStart = true
        while !lexing.atEnd {
            let byte = lexing.peek()
            if byte == 0x0A {
                lexing.emitCharacter()
                lineStart = true
                continue
            }
            if Bytes.isSpace(byte) {
                lexing.skipSpaces()
                continue
            }
            defer { lineStart = false }
            if lineStart && language.preprocessor && byte == UInt8(ascii: "#") {
                lexing.emit(.commentPreproc, upTo: lexing.lineEnd)
                continue
            }
            if scanComment(&lexing) { continue }
            if scanStringLiteral(&lexing) {
                pending = nil
                continue
            }
            if lexing.scanNumber() { continue }
            if Bytes.isIdentifierStart(byte) {
                scanWord(&lexing, pending: &pending)
                continue
            }
            let next = lexing.peek(1)
            if language.decorators && byte == UInt8(ascii: "@") && Bytes.isIdentifierStart(next) {
                lexing.emit(.nameDecorator, upTo: wordEnd(lexing, from: lexing.position + 1))
                continue
            }
            if language.dollarVariables && byte == UInt8(ascii: "$") {
                if next == UInt8(ascii: "{") {
                    lexing.emit(.nameVariable, upTo: lexing.index(of: UInt8(ascii: "}"), from: lexing.position) + 1)
                    continue
                }
                if Bytes.isIdentifier(next) || next == UInt8(ascii: "?") || next == UInt8(ascii: "@") {
                    lexing.emit(
                        .nameVariable, upTo: max(wordEnd(lexing, from: lexing.position + 1), lexing.position + 2))
                    continue
                }
            }
            // A command line's option (`-v`, `--source`, `--dry-run`) after a space is one tag, as Rouge's shell has it.
            if language.commandOptions && byte == UInt8(ascii: "-")
                && (lexing.position == 0 || lexing.previous == UInt8(ascii: " ")
                    || lexing.previous == UInt8(ascii: "\t"))
            {
                let skip = next == UInt8(ascii: "-") ? 2 : 1
                if Bytes.isIdentifierStart(lexing.peek(skip)) {
                    let start = lexing.position + skip
                    lexing.emit(.nameTag, upTo: wordEnd(lexing, from: start))
                    continue
                }
            }
            if language.symbols && byte == UInt8(ascii: ":") && Bytes.isIdentifierStart(next)
                && lexing.previous != UInt8(ascii: ":")
            {
                lexing.emit(.stringSymbol, upTo: wordEnd(lexing, from: lexing.position + 1))
                continue
            }
            pending = nil
            if let marker = language.markers.first(where: { lexing.starts(with: $0) }) {
                lexing.emit(.commentPreproc, count: marker.count)
                continue
            }
            if Bytes.isOperator(byte) {
                lexing.emit(.operator, upTo: lexing.scan(from: lexing.position, while: Bytes.isOperator))
                continue
            }
            if Bytes.isPunctuation(byte) {
                lexing.emitCharacter(.punctuation)  // one at a time, so `[:name` still finds the symbol
                continue
            }
            lexing.emitCharacter()
        }
    }

    // MARK: - Helpers

    private func scanComment(_ lexing: inout Lexing) -> Bool {
        for marker in language.lineComments where lexing.starts(with: marker) {
            if language.commentsNeedWordStart, lexing.position > 0, !Bytes.isWhitespace(lexing.previous) {
                continue
            }
            return lexing.scanLineComment(marker)
        }
        if let block = language.blockComment {
            return lexing.scanBlockComment(block.open, block.close, nested: language.nestedBlockComments)
        }
        return false
    }

    private func scanStringLiteral(_ lexing: inout Lexing) -> Bool {
        let start = lexing.position
        var prefixLength = 0
        while prefixLength < 2, isStringPrefix(lexing.peek(prefixLength)) { prefixLength += 1 }
        for delimiter in language.strings {
            for length in prefixLength > 0 ? [prefixLength, 0] : [0] {
                guard lexing.starts(with: delimiter.open, at: start + length) else { continue }
                var prefixed = delimiter
                prefixed.open = Array(lexing.bytes[start..<(start + length)]) + delimiter.open
                return lexing.scanString(prefixed)
            }
        }
        return false
    }

    private func isStringPrefix(_ byte: UInt8) -> Bool {
        language.stringPrefixes.contains(Bytes.isLetter(byte) ? byte | 0x20 : byte)
    }

    private func wordEnd(_ lexing: Lexing, from index: Int) -> Int {
        lexing.scan(from: index) { Bytes.isIdentifier($0) || language.identifierBytes.contains($0) }
    }

    private func scanWord(_ lexing: inout Lexing, pending: inout TokenKind?) {
        let stop = wordEnd(lexing, from: lexing.position)
        var word = lexing.text(lexing.position..<stop)
        if language.caseInsensitive { word = word.lowercased() }
        let kind: TokenKind
        if let introduced = pending {
            kind = introduced
            pending = nil
        } else if language.declarations.contains(word) {
            kind = .keywordDeclaration
        } else if language.namespaces.contains(word) {
            kind = .keywordNamespace
        } else if language.constants.contains(word) {
            kind = .keywordConstant
        } else if language.types.contains(word) {
            kind = .keywordType
        } else if language.operatorWords.contains(word) {
            kind = .operatorWord
        } else if language.keywords.contains(word) {
            kind = .keyword
        } else if language.builtins.contains(word) {
            kind = .nameBuiltin
        } else if language.callsAreFunctions && stop < lexing.end && lexing.bytes[stop] == UInt8(ascii: "(") {
            kind = .nameFunction
        } else if language.capitalizedAreClasses && Bytes.isUppercase(lexing.peek()) {
            kind = .nameClass
        } else {
            kind = language.identifierKind
        }
        if language.functionIntroducers.contains(word) {
            pending = .nameFunction
        } else if language.classIntroducers.contains(word) {
            pending = .nameClass
        }
        lexing.emit(kind, upTo: stop)
    }
}
