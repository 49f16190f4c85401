/// An include chain that reached Liquid's depth limit, told as the loop it repeats: the calls up to the loop's
/// first turn and the files it goes through, instead of a hundred "included from" lines. Recursion is only ever
/// reported here, when a render does not end: an include that calls itself under a condition its data ends (a
/// nested table of contents) is fine, as it is in Jekyll.
struct IncludeRecursion: Equatable {
    /// The calls from the outermost up to the closing call (the page's call into the loop and the turn's own).
    var chain: [SourceLocation]
    /// The call that closes the first turn (it calls back into an include already being rendered).
    var closingCall: SourceLocation
    /// The include files of one turn, in call order, the first repeated at the end: `a.html → b.html → a.html`.
    var files: [String]
    /// How many times the turn repeated before the limit stopped it.
    var turns: Int

    /// `calls` are the include calls from the outermost (on the page or layout) to the one that went past the limit.
    /// Nil when the calls do not end in a repeating turn (deep, distinct nesting).
    init?(calls: [SourceLocation]) {
        let count = calls.count
        // The shortest period the end of the chain repeats with (a turn seen at least twice).
        guard
            let period = (1...max(1, count / 2)).first(where: { period in
                count >= 2 * period
                    && (0..<period).allSatisfy { calls[count - 1 - $0] == calls[count - 1 - $0 - period] }
            })
        else { return nil }
        var start = count - 2 * period
        while start > 0 && calls[start - 1] == calls[start - 1 + period] { start -= 1 }
        chain = Array(calls[..<(start + period - 1)])
        closingCall = calls[start + period - 1]
        let turn = calls[start..<(start + period)].map { Self.fileName($0.file) }
        files = turn + [turn[0]]
        turns = (count - start) / period
    }

    var message: String {
        "include `\(files[0])` includes itself with nothing that ends it: \(files.joined(separator: " → "))"
    }

    private static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}

extension Diagnostic {
    /// `liquid.include-depth` with its loop named and the repeated calls left out; other diagnostics unchanged.
    func tellingIncludeRecursion() -> Diagnostic {
        guard id == "liquid.include-depth", let location,
            let recursion = IncludeRecursion(calls: includeChain + [location])
        else { return self }
        return Diagnostic(
            severity, id, recursion.message, at: recursion.closingCall, includeChain: recursion.chain,
            note: "rendering stopped after \(recursion.turns) turns, at the include depth limit")
    }
}
