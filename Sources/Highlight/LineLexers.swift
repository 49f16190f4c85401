/// Formats read line by line: a diff (`gi`, `gd`, `gu` hunks, `gh` file headers), a console session (`gp`
/// prompts, the command as shell, `go` output), an HTTP message (request or status line, `na` header names, the
/// body as JSON or XML when it looks like it), a Dockerfile (`k` instructions, the rest as shell), Markdown
/// (`gh`/`gu` headings, `ge`/`gs` emphasis markers, `sb` code).
enum LineLexers {
    static func diff(_ lexing: inout Lexing) {
        while !lexing.atEnd {
            let stop = min(lexing.lineEnd + 1, lexing.end)
            let kind: TokenKind
            if lexing.starts(with: Self.hunk) {
                kind = .genericSubheading
            } else if lexing.starts(with: Self.oldFile) || lexing.starts(with: Self.newFile)
                || lexing.starts(with: Self.diffHeader) || lexing.starts(with: Self.indexHeader)
            {
                kind = .genericHeading
            } else if lexing.peek() == UInt8(ascii: "+") {
                kind = .genericInserted
            } else if lexing.peek() == UInt8(ascii: "-") {
                kind = .genericDeleted
            } else {
                kind = .text
            }
            lexing.emit(kind, upTo: stop)
        }
    }

    static func console(_ lexing: inout Lexing) {
        var continued = false
        while !lexing.atEnd {
            let lineEnd = lexing.lineEnd
            let promptEnd = Self.promptEnd(lexing, lineEnd: lineEnd)
            if continued || promptEnd != nil {
                lexing.emit(.genericPrompt, upTo: promptEnd ?? lexing.position)
                continued = lineEnd > lexing.position && lexing.bytes[lineEnd - 1] == 0x5C
                lexing.embed(upTo: lineEnd, with: CodeLexer(language: .shell).lex)
            } else {
                lexing.emit(.genericOutput, upTo: lineEnd)
            }
            lexing.emit(.text, upTo: lineEnd + 1)
        }
    }

    static func http(_ lexing: inout Lexing) {
        // The request or status line: `GET /path HTTP/1.1` or `HTTP/1.1 200 OK`.
        let firstLine = lexing.lineEnd
        var part = 0
        while lexing.position < firstLine {
            let stop = lexing.scan(from: lexing.position) { !Bytes.isSpace($0) && $0 != 0x0A }
            let word = lexing.text(lexing.position..<stop)
            let kind: TokenKind =
                word.hasPrefix("HTTP/")
                ? .keyword : part == 0 ? .nameFunction : Int(word) != nil ? .numberInteger : .nameNamespace
            lexing.emit(kind, upTo: max(stop, lexing.position + 1))
            lexing.skipSpaces()
            part += 1
        }
        var contentType = ""
        while !lexing.atEnd {
            lexing.emit(.text, upTo: lexing.position + 1)  // the newline
            let lineEnd = lexing.lineEnd
            if lexing.position == lineEnd || (lexing.peek() == 0x0D && lexing.position + 1 == lineEnd) {
                lexing.emit(.text, upTo: lineEnd + 1)
                break
            }
            let colon = lexing.index(of: UInt8(ascii: ":"), from: lexing.position, before: lineEnd)
            guard colon < lineEnd else {
                lexing.emit(.text, upTo: lineEnd)
                continue
            }
            let name = lexing.text(lexing.position..<colon).lowercased()
            lexing.emit(.nameAttribute, upTo: colon)
            lexing.emitCharacter(.operator)
            lexing.skipSpaces()
            if name == "content-type" { contentType = lexing.text(lexing.position..<lineEnd) }
            lexing.emit(.string, upTo: lineEnd)
        }
        if contentType.contains("json") || lexing.peek() == UInt8(ascii: "{") || lexing.peek() == UInt8(ascii: "[") {
            lexing.embed(upTo: lexing.end, with: DataLexers.json)
        } else if contentType.contains("xml") || contentType.contains("html") || lexing.peek() == UInt8(ascii: "<") {
            lexing.embed(upTo: lexing.end, with: MarkupLexer(embedsScripts: true).lex)
        }
    }

    static func dockerfile(_ lexing: inout Lexing) {
        var continued = false
        while !lexing.atEnd {
            lexing.skipSpaces()
            let lineEnd = lexing.lineEnd
            if lexing.peek() == UInt8(ascii: "#") {
                lexing.emit(.commentSingle, upTo: lineEnd)
            } else {
                if !continued {
                    let wordEnd = lexing.scan(from: lexing.position, while: Bytes.isLetter)
                    if Self.instructions.contains(lexing.text(lexing.position..<wordEnd).uppercased()) {
                        lexing.emit(.keyword, upTo: wordEnd)
                    }
                }
                continued = lineEnd > lexing.position && lexing.bytes[lineEnd - 1] == 0x5C
                lexing.embed(upTo: lineEnd, with: CodeLexer(language: .shell).lex)
            }
            lexing.emit(.text, upTo: lineEnd + 1)
        }
    }

    static func markdown(_ lexing: inout Lexing) {
        var inFence = false
        while !lexing.atEnd {
            let lineEnd = lexing.lineEnd
            let fence = lexing.starts(with: Self.backticks) || lexing.starts(with: Self.tildes)
            if fence || inFence {
                if fence { inFence.toggle() }
                lexing.emit(.stringBacktick, upTo: lineEnd)
            } else if lexing.peek() == UInt8(ascii: "#") {
                lexing.emit(.genericHeading, upTo: lineEnd)
            } else if lexing.peek() == UInt8(ascii: ">") {
                lexing.emit(.comment, upTo: lineEnd)
            } else {
                let indent = lexing.scan(from: lexing.position, while: Bytes.isSpace)
                let marker = indent < lineEnd ? lexing.bytes[indent] : 0
                if (marker == UInt8(ascii: "-") || marker == UInt8(ascii: "*") || marker == UInt8(ascii: "+"))
                    && indent + 1 < lineEnd && lexing.bytes[indent + 1] == 0x20
                {
                    lexing.emit(.text, upTo: indent)
                    lexing.emitCharacter(.punctuation)
                }
                inline(&lexing, lineEnd: lineEnd)
            }
            lexing.emit(.text, upTo: lineEnd + 1)
        }
    }

    // MARK: - Helpers

    /// Markdown within a line: `code`, `**strong**`/`*emphasis*` markers, `[links](url)`.
    private static func inline(_ lexing: inout Lexing, lineEnd: Int) {
        var nextClose = -1  // the first `]` after the last `[` looked at: every `[` before it shares it
        while lexing.position < lineEnd {
            let byte = lexing.peek()
            switch byte {
            case UInt8(ascii: "`"):
                let close = lexing.index(of: UInt8(ascii: "`"), from: lexing.position + 1, before: lineEnd)
                lexing.emit(.stringBacktick, upTo: min(close + 1, lineEnd))
            case UInt8(ascii: "*"), UInt8(ascii: "_"):
                let stop = lexing.scan(from: lexing.position) { $0 == byte }
                lexing.emit(stop - lexing.position >= 2 ? .genericStrong : .genericEmphasis, upTo: stop)
            case UInt8(ascii: "["):
                if nextClose < lexing.position {
                    nextClose = lexing.index(of: UInt8(ascii: "]"), from: lexing.position, before: lineEnd)
                }
                let close = nextClose
                if close < lineEnd, close + 1 < lineEnd, lexing.bytes[close + 1] == UInt8(ascii: "(") {
                    lexing.emit(.nameTag, upTo: close + 1)
                    let paren = lexing.index(of: UInt8(ascii: ")"), from: close, before: lineEnd)
                    lexing.emit(.nameAttribute, upTo: min(paren + 1, lineEnd))
                } else {
                    lexing.emitCharacter()
                }
            default:
                let stop = lexing.scan(from: lexing.position + 1) {
                    $0 != UInt8(ascii: "`") && $0 != UInt8(ascii: "*") && $0 != UInt8(ascii: "_")
                        && $0 != UInt8(ascii: "[")
                        && $0 != 0x0A
                }
                lexing.emit(.text, upTo: stop)
            }
        }
    }

    /// The end of a console line's prompt (`$ `, `# `, `% `, `> `, `user@host:~$ `), or nil when the line is output.
    private static func promptEnd(_ lexing: Lexing, lineEnd: Int) -> Int? {
        var cursor = lexing.position
        let limit = min(lineEnd, lexing.position + 80)
        while cursor < limit {
            let byte = lexing.bytes[cursor]
            if (byte == UInt8(ascii: "$") || byte == UInt8(ascii: "#") || byte == UInt8(ascii: "%")
                || byte == UInt8(ascii: ">"))
                && (cursor + 1 == lineEnd || lexing.bytes[cursor + 1] == 0x20)
            {
                return cursor + 1 == lineEnd ? cursor + 1 : cursor + 2
            }
            if byte == 0x20 && cursor > lexing.position { return nil }
            cursor += 1
        }
        return nil
    }

    private static let hunk = Array("@@".utf8)
    private static let oldFile = Array("--- ".utf8)
    private static let newFile = Array("+++ ".utf8)
    private static let diffHeader = Array("diff ".utf8)
    private static let indexHeader = Array("index ".utf8)
    private static let backticks = Array("```".utf8)
    private static let tildes = Array("~~~".utf8)
    private static let instructions: Set<String> = [
        "ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "FROM", "HEALTHCHECK", "LABEL", "MAINTAINER",
        "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR", "AS",
    ]
}
