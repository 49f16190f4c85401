/// A path inside the output folder, proven to stay there: the one door every file the build writes goes through
/// (pages, static files, site files), in every sink. Its text is relative, normalised (no `.`, `..` or empty
/// segments), free of control characters and never the output's marker file.
public struct OutputPath: Sendable, Hashable, CustomStringConvertible {
    /// "insomnia/sso/index.html".
    public let path: String

    public var description: String { path }

    /// Why a path was refused.
    public enum Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        case leavesOutput(String)
        case controlCharacter(String)
        case marker(String)
        case empty

        public var description: String {
            switch self {
            case .leavesOutput(let path): "`\(Self.shown(path))` leads outside the output folder"
            case .controlCharacter(let path):
                "`\(Self.shown(path))` contains a control character (such as NUL), which no file name may hold"
            case .marker(let path):
                "`\(Self.shown(path))` would overwrite \(DirectoryOutput.markerName), the marker of Docent's output folder"
            case .empty: "the output path is empty"
            }
        }

        private static func shown(_ path: String) -> String { ControlCharacters.visible(path) }
    }

    /// Normalises `raw` (relative to the output root; leading slashes are ignored, as a URL's) and proves it stays
    /// inside: a `..` segment is refused, never resolved, so no spelling of a path can climb out.
    public init(confining raw: String) throws(Refusal) {
        // Most paths are already in normal form: proven so in one pass over their bytes, they are kept as they are.
        if Self.isNormal(raw) {
            path = raw
            return
        }
        guard !raw.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
            throw .controlCharacter(raw)
        }
        var segments: [Substring] = []
        for segment in raw.split(separator: "/", omittingEmptySubsequences: true) {
            if segment == "." { continue }
            if segment == ".." { throw .leavesOutput(raw) }
            segments.append(segment)
        }
        guard let first = segments.first else { throw .empty }
        if first == DirectoryOutput.markerName { throw .marker(raw) }
        path = segments.joined(separator: "/")
    }

    /// True when `raw` is what the normalisation above would make of it, and allowed: no control character, no
    /// leading, trailing or doubled `/`, no `.` or `..` segment, not the marker's name first (every byte of a
    /// multi-byte character is 0x80 or above, so a byte test finds exactly the control characters the scalar test
    /// does). Such a path needs no segments split and joined (a cached rebuild confines every page's path: 5% of it).
    static func isNormal(_ raw: String) -> Bool {
        var raw = raw
        return raw.withUTF8 { bytes in
            guard !bytes.isEmpty else { return false }
            var segmentStart = 0
            for index in 0...bytes.count {
                let byte = index < bytes.count ? bytes[index] : UInt8(ascii: "/")
                if byte < 0x20 || byte == 0x7F { return false }
                guard byte == UInt8(ascii: "/") else { continue }
                let segment = UnsafeBufferPointer(rebasing: bytes[segmentStart..<index])
                if segment.isEmpty || segment.elementsEqual(".".utf8) || segment.elementsEqual("..".utf8) {
                    return false
                }
                if segmentStart == 0 && segment.elementsEqual(DirectoryOutput.markerName.utf8) { return false }
                segmentStart = index + 1
            }
            return true
        }
    }
}
