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
}
