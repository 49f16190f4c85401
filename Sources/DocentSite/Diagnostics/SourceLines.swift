import Foundation

/// The source lines shown under diagnostics, read through the site's file view (a file that resolves outside the
/// site is never echoed) and each file read and split once, however many diagnostics point into it.
public final class SourceLines: @unchecked Sendable {
    /// Files bigger than this are not shown (a snippet is not worth reading a huge file).
    static let maxFileBytes = 16 << 20

    private let view: SiteFileView
    private let lock = NSLock()
    private var files: [String: [Substring]] = [:]

    public init(root: URL) {
        view = SiteFileView(root: root)
    }

    /// The line a location points at, without its line break, control characters (a terminal's escape sequences)
    /// shown as their symbols (␛); nil when the file cannot be shown.
    public func line(_ location: SourceLocation) -> String? {
        guard !location.file.hasPrefix("/"), !location.file.split(separator: "/").contains("..") else { return nil }
        let lines = lock.withLock {
            if let cached = files[location.file] { return cached }
            let lines = read(location.file)
            files[location.file] = lines
            return lines
        }
        guard location.line >= 1, location.line <= lines.count else { return nil }
        let line = lines[location.line - 1]
        return ControlCharacters.visible(line.hasSuffix("\r") ? line.dropLast() : line)
    }

    private func read(_ sitePath: String) -> [Substring] {
        guard case .success(let data) = view.contents(sitePath), data.count < Self.maxFileBytes else { return [] }
        return String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    }
}
