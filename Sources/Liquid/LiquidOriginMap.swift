/// Which line of a template each line of its rendered output came from, recorded by the renderer
/// (`LiquidEngine.render(_:_:origins:)`), as swift-markdown's range adjuster maps ranges back after a rewrite.
///
/// Text of the template maps line for line; what a tag or an output prints (an `include`'s whole partial, a
/// `capture` printed later, a host tag) maps to the line of that tag. Lines include the parse's `lineOffset`.
public struct LiquidOriginMap: Sendable, Equatable {
    /// From `outputLine` on (from its start when `atLineStart`, else from the next line), output comes from
    /// `sourceLine`, line for line when `verbatim`.
    struct Segment: Sendable, Equatable {
        var outputLine: Int
        var atLineStart: Bool
        var sourceLine: Int
        var verbatim: Bool
    }

    var segments: [Segment] = []

    public init() {}

    init(segments: [Segment]) {
        self.segments = segments
    }

    /// The template line that output line `line` (1-based) starts in; nil before anything was rendered.
    public func sourceLine(forOutputLine line: Int) -> Int? {
        // The last segment that covers the start of `line`.
        var low = 0
        var high = segments.count
        while low < high {
            let middle = (low + high) / 2
            let segment = segments[middle]
            if segment.outputLine < line || (segment.outputLine == line && segment.atLineStart) {
                low = middle + 1
            } else {
                high = middle
            }
        }
        guard low > 0 else { return nil }
        let segment = segments[low - 1]
        return segment.verbatim ? segment.sourceLine + (line - segment.outputLine) : segment.sourceLine
    }
}

/// Builds a `LiquidOriginMap` while a render writes its output: before each node of the template itself, where
/// the output stands and which line the node is on. Counts the output's lines incrementally.
final class OriginRecorder {
    private(set) var segments: [LiquidOriginMap.Segment] = []
    private var scannedBytes = 0
    private var line = 1
    private var atLineStart = true
    private var lastMarkBytes = -1

    func mark(_ output: String, line sourceLine: Int, verbatim: Bool) {
        let utf8 = output.utf8
        let count = utf8.count
        if count > scannedBytes {
            var index = utf8.index(utf8.startIndex, offsetBy: scannedBytes)
            while index != utf8.endIndex {
                let byte = utf8[index]
                if byte == 0x0A { line += 1 }
                atLineStart = byte == 0x0A
                utf8.formIndex(after: &index)
            }
            scannedBytes = count
        }
        let segment = LiquidOriginMap.Segment(
            outputLine: line, atLineStart: atLineStart, sourceLine: sourceLine, verbatim: verbatim)
        // Nothing printed since the last mark (a block and the first node of its body): the inner node speaks.
        if count == lastMarkBytes, !segments.isEmpty {
            segments[segments.count - 1] = segment
        } else {
            segments.append(segment)
        }
        lastMarkBytes = count
    }
}
