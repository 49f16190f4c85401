import Foundation

/// The site's files as a build may read them. Inputs that are not found by Discovery's walk (the config, layouts,
/// custom tags, data files, the includes folder, diagnostic snippets) are opened through here: a path that resolves
/// outside the site root (through a symbolic link, at any level, the top-level folders included) is refused, and
/// so is anything that is not a regular file (a FIFO or a device would block the build), so a refused file's bytes
/// are never read, published or echoed.
public struct SiteFileView: Sendable {
    public let root: URL
    /// The root with its symbolic links resolved: what every input must stay under.
    let realRoot: String

    public init(root: URL) {
        self.root = root.standardizedFileURL
        realRoot = Self.realPath(self.root.path) ?? self.root.path
    }

    /// Why an input was not read.
    public enum Refusal: Error, Sendable, Equatable {
        /// Nothing is there (or a dangling link).
        case missing(String)
        /// The path leads outside the site root; `target` is where it leads.
        case outside(String, target: String)
        /// There but not readable.
        case unreadable(String, reason: String)
        /// A FIFO, socket or device: reading it could block the build or never end.
        case special(String)
    }

    /// The real path of `sitePath` ("templates/layouts/default.html"; "" is the root), proven inside the site.
    public func resolve(_ sitePath: String) -> Result<String, Refusal> {
        let full = sitePath.isEmpty ? root.path : root.path + "/" + sitePath
        guard let real = Self.realPath(full) else {
            let code = errno
            return .failure(
                code == ENOENT || code == ENOTDIR
                    ? .missing(sitePath) : .unreadable(sitePath, reason: String(cString: strerror(code))))
        }
        guard isInside(real) else { return .failure(.outside(sitePath, target: real)) }
        return .success(real)
    }

    /// True when a resolved path is the site root or under it.
    func isInside(_ realPath: String) -> Bool {
        realPath == realRoot || realPath.hasPrefix(realRoot == "/" ? "/" : realRoot + "/")
    }

    /// The bytes of a regular file of the site.
    public func contents(_ sitePath: String) -> Result<Data, Refusal> {
        resolve(sitePath).flatMap { real in
            var info = stat()
            guard stat(real, &info) == 0 else {
                return .failure(.unreadable(sitePath, reason: String(cString: strerror(errno))))
            }
            guard info.st_mode & S_IFMT == S_IFREG else { return .failure(.special(sitePath)) }
            guard let data = FileManager.default.contents(atPath: real) else {
                return .failure(.unreadable(sitePath, reason: String(cString: strerror(errno))))
            }
            return .success(data)
        }
    }

    /// The names in a folder of the site (hidden ones included, sorted); an empty list when it does not exist.
    public func folderEntries(_ sitePath: String) -> Result<[String], Refusal> {
        switch resolve(sitePath) {
        case .failure(.missing): return .success([])
        case .failure(let refusal): return .failure(refusal)
        case .success(let real):
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: real) else {
                return .failure(.unreadable(sitePath, reason: "cannot list the folder"))
            }
            return .success(names.sorted())
        }
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

extension SiteFileView.Refusal {
    /// The refusal as an error at the file's first line; a missing file is nil (the caller decides what it means).
    /// The message names where a link leads, never what is there.
    public var diagnostic: Diagnostic? {
        switch self {
        case .missing: return nil
        case .outside(let sitePath, let target):
            return .error(
                "source.symlink-outside", "\(sitePath) is a symbolic link to \(target), outside the site",
                at: .init(file: sitePath, line: 1, column: 1), note: "Docent never reads files outside the site root")
        case .unreadable(let sitePath, let reason):
            return .error(
                "source.unreadable", "cannot read \(sitePath.isEmpty ? "." : sitePath): \(reason)",
                at: .init(file: sitePath, line: 1, column: 1))
        case .special(let sitePath):
            return .error(
                "source.special-file", "\(sitePath) is not a regular file (a FIFO, socket or device)",
                at: .init(file: sitePath, line: 1, column: 1), note: "remove it or add it to `exclude`")
        }
    }
}
