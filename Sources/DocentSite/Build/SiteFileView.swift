import COpenBeneath
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
    /// The root, open: a file is read through it in one call that cannot leave it (`contents`).
    private let folder: OpenFolder

    public init(root: URL) {
        self.root = root.standardizedFileURL
        realRoot = Self.realPath(self.root.path) ?? self.root.path
        folder = OpenFolder(path: self.root.path)
    }

    /// The identity of the file at `sitePath` (`SourceIdentities.identity`), looked at relative to the open root (a
    /// shorter path for the kernel to walk).
    func identity(of sitePath: String) -> String? {
        folder.descriptor >= 0
            ? SourceIdentities.identity(of: sitePath, in: folder.descriptor)
            : SourceIdentities.identity(of: root.path + "/" + sitePath)
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

    /// The bytes of a regular file of the site. Opened beneath the root in one system call where the kernel can
    /// (`OpenFolder.read`); else, or when that call refuses a path (an absolute link, one leading out), the path is
    /// resolved first, which tells a link inside the site from one leading out.
    public func contents(_ sitePath: String) -> Result<Data, Refusal> {
        if let read = folder.read(sitePath) { return read }
        return resolve(sitePath).flatMap { real in
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

/// A site's root folder, open for the life of the `SiteFileView`s that share it.
private final class OpenFolder: Sendable {
    /// The folder's descriptor; -1 when it could not be opened.
    let descriptor: Int32

    init(path: String) {
        descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// The bytes of the regular file at `sitePath`, opened with `docent_open_beneath` (Linux's openat2: every
    /// component resolved by the kernel, none allowed to lead out of the folder, so there is no time between a check
    /// and the open for a link to be swapped in, and no `realpath` walking the path a component at a time); a
    /// missing file or one that is not regular is refused as `contents` refuses it. Nil when this way cannot answer
    /// and the caller resolves the path itself: no openat2, or a path it refuses (it leads out, or through an
    /// absolute link that may well stay inside).
    func read(_ sitePath: String) -> Result<Data, SiteFileView.Refusal>? {
        guard descriptor >= 0, !sitePath.isEmpty, !sitePath.hasPrefix("/") else { return nil }
        let file = docent_open_beneath(descriptor, sitePath)
        guard file >= 0 else {
            return errno == ENOENT || errno == ENOTDIR ? .failure(.missing(sitePath)) : nil
        }
        defer { close(file) }
        var info = stat()
        guard fstat(file, &info) == 0 else {
            return .failure(.unreadable(sitePath, reason: String(cString: strerror(errno))))
        }
        guard info.st_mode & S_IFMT == S_IFREG else { return .failure(.special(sitePath)) }
        // The size `fstat` gave, then to the end (the file may have grown or shrunk since).
        var data = Data(count: Int(info.st_size))
        var length = 0
        while length < data.count {
            let count = data.withUnsafeMutableBytes {
                Foundation.read(file, $0.baseAddress! + length, $0.count - length)
            }
            if count < 0 && errno == EINTR { continue }
            if count < 0 { return .failure(.unreadable(sitePath, reason: String(cString: strerror(errno)))) }
            if count == 0 { break }
            length += count
        }
        data.count = length
        var failure: Int32 = 0
        withUnsafeTemporaryAllocation(byteCount: 4_096, alignment: 1) { buffer in
            while true {
                let count = Foundation.read(file, buffer.baseAddress!, buffer.count)
                if count < 0 && errno == EINTR { continue }
                if count < 0 { failure = errno }
                if count <= 0 { return }
                data.append(UnsafeRawBufferPointer(rebasing: buffer[..<count]).bindMemory(to: UInt8.self))
            }
        }
        if failure != 0 { return .failure(.unreadable(sitePath, reason: String(cString: strerror(failure)))) }
        return .success(data)
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
