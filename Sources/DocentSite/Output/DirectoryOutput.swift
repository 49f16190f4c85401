import Foundation

/// Writes the site into a staging folder beside the output folder and puts it in place at the end, so a failed build
/// leaves the last good site untouched. A marker file proves a folder was made by Docent: Docent never replaces
/// or deletes a folder without it.
///
/// Two ways to put the site in place:
/// - **Whole** (the first build, `--no-cache`, or an output folder not as the last build left it): every file is
///   in the staging folder (unchanged pages hard-linked from the previous site, `reusePrevious`), which is swapped
///   with the output folder in one step.
/// - **In place** (with a `SiteManifest` proving the output folder holds exactly what the last build put there):
///   unchanged pages stay where they are, only the files written go to the staging folder, and the commit renames
///   them into the site and deletes the files the build no longer makes. A one-page edit of a 10,000-page site then
///   costs a look at each page's file instead of a folder and a link per page and the deletion of the old tree.
///   Each file is replaced whole (a rename); a build killed during the commit leaves files of both builds and no
///   manifest, so the next build stages the site whole again.
public final class DirectoryOutput: OutputSink, @unchecked Sendable {
    public static let markerName = ".docent-site"

    public enum Failure: Error, CustomStringConvertible {
        case notDocentFolder(String)
        case io(String)

        public var description: String {
            switch self {
            case .notDocentFolder(let path):
                "\(path) exists and was not made by Docent (no \(DirectoryOutput.markerName) in it); refusing to replace it. Choose another --output or empty the folder yourself."
            case .io(let message): message
            }
        }
    }

    public let destination: URL
    let staging: URL
    private let stagingPath: String
    private let lock = NSLock()
    private var createdFolders: Set<String> = [""]
    private var firstFailure: (any Error)?
    /// Where the site's manifest is kept (`.docent-cache/site`); nil: none is read or written.
    private let manifestURL: URL?
    /// The last build's manifest when the site is updated in place; nil when it is staged whole. Its folders are
    /// looked at while the build begins (`Background`).
    private let pendingPrevious: Background<SiteManifest?>
    private var previous: SiteManifest? { pendingPrevious.value }
    /// The output folder, open while the build looks at the previous site's files (paths relative to it are shorter
    /// for the kernel to walk); -1 when there is none.
    private let destinationFolder: Int32
    /// The files written into the staging folder, and those taken from the previous site (linked, or left in place).
    private var written: [String] = []
    private var reused: [String] = []

    /// Whether this build updates the output folder in place (see the type's notes).
    public var updatesInPlace: Bool { previous != nil }

    /// Prepares a fresh staging folder. Fails when the destination exists, is not empty and has no marker. With a
    /// `manifest` (a file in the build cache's folder), the site is updated in place when the manifest there proves
    /// the output folder unchanged since the last build, and the manifest is written after each commit.
    public init(destination: URL, manifest: URL? = nil) throws {
        self.destination = destination.standardizedFileURL
        let parent = self.destination.deletingLastPathComponent()
        let name = self.destination.lastPathComponent
        // Named for the process and this build: after the swap the folder at this name holds the previous site,
        // which a detached `rm` may still be deleting when the same process builds again.
        staging = parent.appendingPathComponent(
            ".\(name).docent-staging-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))")
        stagingPath = staging.path
        try Self.checkReplaceable(self.destination)
        manifestURL = manifest
        let destinationPath = self.destination.path
        let destinationFolder = open(destinationPath, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        self.destinationFolder = destinationFolder
        pendingPrevious = Background {
            manifest.flatMap(SiteManifest.read).flatMap { found in
                destinationFolder >= 0 && found.destination == destinationPath
                    && FileManager.default.fileExists(atPath: destinationPath + "/" + Self.markerName)
                    && found.foldersUnchanged() ? found : nil
            }
        }
        Self.removeLeftovers(beside: self.destination)
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: staging.path) { try fileManager.removeItem(at: staging) }
        do {
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
            try Data("This folder was generated by Docent; `docent build` replaces it.\n".utf8).write(
                to: staging.appendingPathComponent(Self.markerName))
        } catch {
            throw Failure.io("cannot create \(staging.path): \(error.localizedDescription)")
        }
    }

    deinit {
        // The look at the folders (in the background) ends first.
        _ = pendingPrevious.value
        if destinationFolder >= 0 { close(destinationFolder) }
    }

    static func checkReplaceable(_ destination: URL) throws {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: destination.path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else { throw Failure.notDocentFolder(destination.path) }
        let hasMarker = fileManager.fileExists(atPath: destination.appendingPathComponent(markerName).path)
        let isEmpty = ((try? fileManager.contentsOfDirectory(atPath: destination.path)) ?? []).isEmpty
        if !hasMarker && !isEmpty { throw Failure.notDocentFolder(destination.path) }
    }

    /// Files go to the staging folder; `commit` swaps it in.
    public var isStaged: Bool { true }

    public func write(_ bytes: [UInt8], to path: String) throws {
        try stoppingAtFirstFailure {
            let target = try prepare(path)
            try bytes.withUnsafeBytes { buffer in try Self.writeFile(target, buffer) }
        }
    }

    public func write(_ buffer: UnsafeRawBufferPointer, to path: String) throws {
        try stoppingAtFirstFailure { try Self.writeFile(try prepare(path), buffer) }
    }

    public func copy(from source: URL, to path: String) throws {
        try stoppingAtFirstFailure {
            let target = try prepare(path)
            guard let data = FileManager.default.contents(atPath: source.path) else {
                throw Failure.io("cannot read \(source.path)")
            }
            try data.withUnsafeBytes { buffer in try Self.writeFile(target, buffer) }
        }
    }

    /// The identity of a file this build wrote; a file renamed into place by an update in place keeps it.
    public func identity(of path: String) -> String? {
        guard let path = try? OutputPath(confining: path).path else { return nil }
        return SourceIdentities.outputIdentity(of: stagingPath + "/" + path)
    }

    /// A hard link to the previous site's file (the staging folder is beside it, on the same file system): the
    /// previous site is deleted after the swap, and its unchanged files live on in the new one. A file whose identity
    /// moved (a site folder restored from a CI cache has new inodes and times) is read and linked when its bytes
    /// are still the ones written.
    /// Updating in place, the file is left where it is.
    public func reusePrevious(_ path: String, identity: String, checksum: UInt64) -> String? {
        guard lock.withLock({ firstFailure == nil }), let relative = try? OutputPath(confining: path).path else {
            return nil
        }
        guard let found = SourceIdentities.outputIdentity(of: relative, in: destinationFolder) else { return nil }
        // Its path is made only to read or link it.
        var previousFile: String { destination.path + "/" + relative }
        if found != identity {
            guard let data = FileManager.default.contents(atPath: previousFile),
                data.withUnsafeBytes(CacheFile.checksum) == checksum,
                SourceIdentities.outputIdentity(of: previousFile) == found
            else { return nil }
        }
        if previous == nil {
            // A link is the same file: its size, time and inode are the identity found.
            guard let target = try? prepare(confined: relative), link(previousFile, target) == 0 else { return nil }
        }
        lock.withLock { reused.append(relative) }
        return found
    }

    /// The pieces go through one 256 KiB buffer: no copy of the whole file in memory, few system calls.
    public func write(pieces: [String], to path: String) throws {
        try stoppingAtFirstFailure { try writeInPieces(pieces, to: path) }
    }

    /// Runs one write unless an earlier one failed. The first failure (a full disk: ENOSPC) is thrown once, to be
    /// one diagnostic; every later write is skipped without another, and `commit` refuses the half-written site.
    private func stoppingAtFirstFailure(_ write: () throws -> Void) throws {
        if lock.withLock({ firstFailure != nil }) { return }
        do {
            try write()
        } catch {
            let isFirst = lock.withLock {
                guard firstFailure == nil else { return false }
                firstFailure = error
                return true
            }
            if isFirst { throw error }
        }
    }

    private func writeInPieces(_ pieces: [String], to path: String) throws {
        let target = try prepare(path)
        let descriptor = try Self.create(target)
        defer { close(descriptor) }
        let capacity = 1 << 18
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 1)
        defer { buffer.deallocate() }
        var used = 0
        for piece in pieces {
            var piece = piece
            try piece.withUTF8 { bytes in
                guard let start = bytes.baseAddress, !bytes.isEmpty else { return }
                if used + bytes.count > capacity {
                    try Self.writeAll(descriptor, UnsafeRawBufferPointer(rebasing: buffer[..<used]), path: target)
                    used = 0
                }
                if bytes.count > capacity {
                    try Self.writeAll(descriptor, UnsafeRawBufferPointer(bytes), path: target)
                } else {
                    (buffer.baseAddress! + used).copyMemory(from: start, byteCount: bytes.count)
                    used += bytes.count
                }
            }
        }
        try Self.writeAll(descriptor, UnsafeRawBufferPointer(rebasing: buffer[..<used]), path: target)
    }

    /// Plain open/write/close: the staging folder is new and private to this build, so no temporary file and
    /// rename per file (FileManager.createFile writes atomically, which doubles the file system work).
    private static func writeFile(_ path: String, _ buffer: UnsafeRawBufferPointer) throws {
        let descriptor = try create(path)
        defer { close(descriptor) }
        try writeAll(descriptor, buffer, path: path)
    }

    /// A new file: one already at the path (a page linked from the previous site, `reusePrevious`) is replaced,
    /// never written through, so the previous site stays as it was until the swap.
    private static func create(_ path: String) throws -> Int32 {
        var descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if descriptor < 0 && errno == EEXIST {
            unlink(path)
            descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        }
        guard descriptor >= 0 else { throw Failure.io("cannot write \(path): \(String(cString: strerror(errno)))") }
        return descriptor
    }

    private static func writeAll(_ descriptor: Int32, _ buffer: UnsafeRawBufferPointer, path: String) throws {
        var offset = 0
        while offset < buffer.count {
            let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw Failure.io("cannot write \(path): \(String(cString: strerror(errno)))")
            }
            offset += written
        }
    }

    /// The file's full path, confined to the staging folder, for a file written there; creates its folder (and the
    /// parents) once per folder.
    private func prepare(_ raw: String) throws -> String {
        let path: String
        do { path = try OutputPath(confining: raw).path } catch { throw Failure.io("cannot write \(error)") }
        let full = try prepare(confined: path)
        lock.withLock { written.append(path) }
        return full
    }

    /// `prepare` for a path already confined.
    private func prepare(confined path: String) throws -> String {
        let full = stagingPath + "/" + path
        guard let slash = path.lastIndex(of: "/") else { return full }
        let folder = String(path[..<slash])
        if lock.withLock({ createdFolders.contains(folder) }) { return full }
        try makeFolder(folder)
        return full
    }

    private func makeFolder(_ folder: String) throws {
        if let slash = folder.lastIndex(of: "/") {
            let parent = String(folder[..<slash])
            if !lock.withLock({ createdFolders.contains(parent) }) { try makeFolder(parent) }
        }
        if mkdir(stagingPath + "/" + folder, 0o755) != 0 && errno != EEXIST {
            throw Failure.io("cannot create \(stagingPath)/\(folder): \(String(cString: strerror(errno)))")
        }
        _ = lock.withLock { createdFolders.insert(folder) }
    }

    /// Puts the new site in place (whole or in place, see the type's notes), then records it in the manifest. Builds
    /// into the same output folder commit one at a time.
    public func commit(deletePreviousInBackground: Bool = false) throws {
        if let failure = lock.withLock({ firstFailure }) { throw failure }
        try Self.checkReplaceable(destination)
        let parentLock = Self.lockFolder(destination.deletingLastPathComponent().path)
        defer { if parentLock >= 0 { close(parentLock) } }
        if let previous {
            let touched = try commitInPlace(over: previous)
            recordManifest(keeping: previous, except: touched)
        } else {
            if let manifestURL { SiteManifest.remove(manifestURL) }
            try commitWhole(deletePreviousInBackground: deletePreviousInBackground)
            recordManifest(keeping: nil, except: [])
        }
    }

    /// Swaps the staged site in. The previous site is moved aside and deleted after the swap, so the new site is
    /// in place as soon as possible; with `deletePreviousInBackground` a detached `rm` deletes it, so a build of a
    /// big site does not wait for the old tree's deletion.
    private func commitWhole(deletePreviousInBackground: Bool) throws {
        let fileManager = FileManager.default
        var previous: URL?
        if fileManager.fileExists(atPath: destination.path) && Self.exchange(stagingPath, destination.path) {
            // One step: there is a site at the output path at every moment, even if the build is killed here.
            previous = staging
        } else {
            if fileManager.fileExists(atPath: destination.path) {
                let aside = staging.deletingLastPathComponent().appendingPathComponent(
                    ".\(destination.lastPathComponent).docent-old-\(ProcessInfo.processInfo.processIdentifier)")
                if fileManager.fileExists(atPath: aside.path) { try? fileManager.removeItem(at: aside) }
                try fileManager.moveItem(at: destination, to: aside)
                previous = aside
            }
            do {
                try fileManager.moveItem(at: staging, to: destination)
            } catch {
                if let previous { try? fileManager.moveItem(at: previous, to: destination) }
                throw Failure.io("cannot move the new site into \(destination.path): \(error.localizedDescription)")
            }
        }
        guard let previous else { return }
        if deletePreviousInBackground {
            let remover = Process()
            remover.executableURL = URL(fileURLWithPath: "/bin/rm")
            remover.arguments = ["-rf", previous.path]
            remover.standardOutput = FileHandle.nullDevice
            remover.standardError = FileHandle.nullDevice
            if (try? remover.run()) != nil { return }
        }
        try? fileManager.removeItem(at: previous)
    }

    /// Deletes the files of the last build that this one does not make, then renames the files written into place.
    /// Refused, with nothing changed, when another build changed the site since this one started. The folders whose
    /// names it changed (each file's folder and theirs up to the output folder); nil when the site's list of files
    /// changed.
    private func commitInPlace(over previous: SiteManifest) throws -> Set<String>? {
        guard let manifestURL, SiteManifest.generation(at: manifestURL) == previous.generation,
            SiteManifest.Identity(folder: destination.path) == previous.folders[""]
        else {
            discard()
            throw Failure.io(
                "another build changed \(destination.path) while this one ran; nothing of this build was applied: build again"
            )
        }
        SiteManifest.remove(manifestURL)
        let (written, reused) = lock.withLock { (Set(self.written), self.reused) }
        let made = written.union(reused)
        let root = destination.path
        // Stale files first: a file may give way to a folder of the same name.
        var emptied: Set<String> = []
        var sameFiles = made.count == previous.files.count
        for file in previous.files where !made.contains(file) {
            sameFiles = false
            unlink(root + "/" + file)
            if let slash = file.lastIndex(of: "/") { emptied.insert(String(file[..<slash])) }
        }
        // Deepest first; a folder that still holds something stays.
        for folder in emptied.sorted(by: { $0.count > $1.count }) {
            var path = Substring(folder)
            while !path.isEmpty, rmdir(root + "/" + path) == 0 {
                path = path.lastIndex(of: "/").map { path[..<$0] } ?? ""
            }
        }
        var folders: Set<String> = [""]
        for file in written.sorted() {
            if let slash = file.lastIndex(of: "/") {
                try makeFolders(String(file[..<slash]), in: root, known: &folders)
            }
            guard rename(stagingPath + "/" + file, root + "/" + file) == 0 else {
                let reason = String(cString: strerror(errno))
                discard()
                throw Failure.io(
                    "cannot move \(file) into \(root): \(reason); the site there is partly updated (each file whole), and the next build replaces it whole"
                )
            }
        }
        discard()
        return sameFiles ? SiteManifest.folders(of: Array(written)) : nil
    }

    /// Makes `folder` (relative to `root`) and its parents in the output folder, once each.
    private func makeFolders(_ folder: String, in root: String, known: inout Set<String>) throws {
        guard !known.contains(folder) else { return }
        if let slash = folder.lastIndex(of: "/") { try makeFolders(String(folder[..<slash]), in: root, known: &known) }
        if mkdir(root + "/" + folder, 0o755) != 0 && errno != EEXIST {
            throw Failure.io("cannot create \(root)/\(folder): \(String(cString: strerror(errno)))")
        }
        known.insert(folder)
    }

    /// Writes the manifest of the site now in place: every file this build made, and its folders as they are now.
    /// After an update in place that kept the list of files, only the folders it `touched` are looked at again.
    private func recordManifest(keeping previous: SiteManifest?, except touched: Set<String>?) {
        guard let manifestURL else { return }
        let files: [String]
        var folders: [String: SiteManifest.Identity]
        let lookAt: Set<String>
        if let previous, let touched {
            files = previous.files
            folders = previous.folders
            lookAt = touched
        } else {
            files = lock.withLock { Array(Set(written).union(reused)) }.sorted()
            folders = [:]
            lookAt = SiteManifest.folders(of: files)
        }
        let names = Array(lookAt)
        for (folder, identity) in zip(names, SiteManifest.identities(of: names, under: destination.path)) {
            guard let identity else { return }
            folders[folder] = identity
        }
        SiteManifest(
            destination: destination.path, generation: UInt64.random(in: 0...UInt64.max), files: files,
            folders: folders
        ).write(to: manifestURL)
    }

    /// Holds an exclusive lock (`flock`) on the output's parent folder until the descriptor returned is closed; -1
    /// when it cannot be taken (the commit goes on: the lock only orders builds that can take it).
    private static func lockFolder(_ path: String) -> Int32 {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return -1 }
        while flock(descriptor, LOCK_EX) != 0 {
            if errno != EINTR {
                close(descriptor)
                return -1
            }
        }
        return descriptor
    }

    /// Swaps two paths atomically with Linux's `renameat2(RENAME_EXCHANGE)`, looked up at run time (Glibc's Swift
    /// module does not declare it); false where the system or the file system cannot, and the caller renames twice.
    private static func exchange(_ first: String, _ second: String) -> Bool {
        typealias RenameAt2 =
            @convention(c) (
                Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32
            ) -> Int32
        guard let symbol = renameAt2Symbol else { return false }
        let renameExchange: UInt32 = 2
        return unsafeBitCast(symbol, to: RenameAt2.self)(AT_FDCWD, first, AT_FDCWD, second, renameExchange) == 0
    }

    nonisolated(unsafe) private static let renameAt2Symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2")

    /// Staging and set-aside folders that builds killed before their end left beside the output (each with the
    /// marker, and named for a process that no longer runs) are deleted; another running build's are kept.
    static func removeLeftovers(beside destination: URL) {
        let parent = destination.deletingLastPathComponent()
        let prefixes = ["staging", "old"].map { ".\(destination.lastPathComponent).docent-\($0)-" }
        let fileManager = FileManager.default
        for name in (try? fileManager.contentsOfDirectory(atPath: parent.path)) ?? [] {
            guard let prefix = prefixes.first(where: { name.hasPrefix($0) }),
                let pid = name.dropFirst(prefix.count).split(separator: "-").first.flatMap({ Int32($0) }),
                pid != getpid(), kill(pid, 0) != 0, errno == ESRCH
            else { continue }
            let folder = parent.appendingPathComponent(name)
            guard fileManager.fileExists(atPath: folder.appendingPathComponent(markerName).path) else { continue }
            try? fileManager.removeItem(at: folder)
        }
    }

    /// Removes the staging folder of a build that failed; the previous site stays as it was.
    public func discard() {
        try? FileManager.default.removeItem(at: staging)
    }
}
