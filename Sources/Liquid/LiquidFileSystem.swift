import Foundation

/// Which tag asks for a partial.
public enum LiquidPartialKind: Sendable, Equatable, Hashable {
    case include
    case render
    /// Jekyll's `include_relative`: `name` is relative to the directory of `fromFile`.
    case includeRelative(fromFile: String)
}

/// A template's text and the path shown in locations.
public struct LiquidSource: Sendable {
    public var text: String
    public var file: String

    public init(text: String, file: String) {
        self.text = text
        self.file = file
    }
}

/// Where partials come from.
public protocol LiquidFileSystem: Sendable {
    /// `name` as written in the tag ("insomnia/domain-capture.md", "footer.html"); the implementation resolves it
    /// inside its root and throws a LiquidError ("liquid.include-outside-root" or "liquid.missing-partial") otherwise.
    func readPartial(_ name: String, kind: LiquidPartialKind) throws(LiquidError) -> LiquidSource
}

/// Partials kept in memory by name (tests, the spec runner). Names are tried as given, then with `.liquid`.
public struct LiquidMemoryFileSystem: LiquidFileSystem {
    public var files: [String: String]

    public init(_ files: [String: String]) { self.files = files }

    public func readPartial(_ name: String, kind: LiquidPartialKind) throws(LiquidError) -> LiquidSource {
        var key = name
        if case .includeRelative(let from) = kind, let slash = from.lastIndex(of: "/") {
            key = String(from[...slash]) + name
        }
        guard let path = normalizedRelativePath(key) else {
            throw LiquidError(id: "liquid.include-outside-root", message: "Illegal template path '\(name)'")
        }
        for candidate in [path, path + ".liquid"] {
            if let text = files[candidate] { return LiquidSource(text: text, file: candidate) }
        }
        throw LiquidError(id: "liquid.missing-partial", message: "Could not find partial '\(name)'")
    }
}

/// Partials read from a directory. `../` out of the root and symbolic links leading out of it are refused.
///
/// `include` and `render` read from `root` (Jekyll's `_includes`); `include_relative` reads beside the including
/// file inside `relativeRoot` (the site source), where `fromFile` is a path relative to it (or absolute inside it).
public struct LiquidDirectoryFileSystem: LiquidFileSystem {
    public let root: String
    public let relativeRoot: String
    /// Extensions tried after the name as written (e.g. [".liquid"]); empty by default, as in Jekyll.
    public var fallbackExtensions: [String]
    /// Put before a partial's path in locations: by default the root's folder name (`_includes/footer.html`).
    public var displayPrefix: String

    public init(root: String) {
        self.init(root: root, relativeRoot: nil)
    }

    public init(
        root: String, relativeRoot: String?, fallbackExtensions: [String] = [], displayPrefix: String? = nil
    ) {
        let resolvedRoot = URL(fileURLWithPath: root).standardizedFileURL.resolvingSymlinksInPath().path
        self.root = resolvedRoot
        self.relativeRoot =
            relativeRoot.map {
                URL(fileURLWithPath: $0).standardizedFileURL.resolvingSymlinksInPath().path
            } ?? resolvedRoot
        self.fallbackExtensions = fallbackExtensions
        self.displayPrefix = displayPrefix ?? (URL(fileURLWithPath: resolvedRoot).lastPathComponent + "/")
    }

    public func readPartial(_ name: String, kind: LiquidPartialKind) throws(LiquidError) -> LiquidSource {
        var base = root
        var relative = name
        var prefix = displayPrefix
        if case .includeRelative(let from) = kind {
            base = relativeRoot
            prefix = ""
            var fromRelative = from
            if fromRelative.hasPrefix(base + "/") { fromRelative.removeFirst(base.count + 1) }
            if let slash = fromRelative.lastIndex(of: "/") { relative = String(fromRelative[...slash]) + name }
        }
        guard let path = normalizedRelativePath(relative) else {
            throw LiquidError(
                id: "liquid.include-outside-root", message: "Partial '\(name)' resolves outside of \(base)")
        }
        for candidate in [path] + fallbackExtensions.map({ path + $0 }) {
            let full = base + "/" + candidate
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue
            else { continue }
            let resolved = URL(fileURLWithPath: full).resolvingSymlinksInPath().path
            guard resolved.hasPrefix(base + "/") else {
                throw LiquidError(
                    id: "liquid.include-outside-root", message: "Partial '\(name)' links outside of \(base)")
            }
            // A FIFO or a device would block the render, or never end.
            guard
                (try? FileManager.default.attributesOfItem(atPath: resolved)[.type] as? FileAttributeType)
                    == .typeRegular
            else {
                throw LiquidError(id: "liquid.missing-partial", message: "Partial '\(name)' is not a regular file")
            }
            guard let data = FileManager.default.contents(atPath: resolved) else { continue }
            guard let text = String(data: data, encoding: .utf8) else {
                throw LiquidError(id: "liquid.missing-partial", message: "Partial '\(name)' is not valid UTF-8")
            }
            return LiquidSource(text: text, file: prefix + candidate)
        }
        throw LiquidError(id: "liquid.missing-partial", message: "Could not find partial '\(name)' in \(base)")
    }
}

/// `a/./b/../c` → `a/c`; nil when the path leaves its root or is absolute.
func normalizedRelativePath(_ path: String) -> String? {
    if path.hasPrefix("/") || path.isEmpty { return nil }
    var parts: [Substring] = []
    for part in path.split(separator: "/", omittingEmptySubsequences: true) {
        if part == "." { continue }
        if part == ".." {
            if parts.isEmpty { return nil }
            parts.removeLast()
            continue
        }
        parts.append(part)
    }
    if parts.isEmpty { return nil }
    return parts.joined(separator: "/")
}
