import Dispatch
import Foundation

/// What `docent build` left in an output folder, recorded beside the build cache (`.docent-cache/site`): the folder's
/// path, every file the build put there, and the identity of every folder of the site (device, inode, modification
/// time, as `lstat` gives them). A folder's modification time moves whenever a name in it is added, removed or
/// renamed, so when every recorded folder still has its identity the output holds exactly the files recorded and
/// nothing else: the next build may then update the site in place (`DirectoryOutput`), writing only the files that
/// changed and deleting only the files it no longer makes, instead of staging a whole new copy of the site.
///
/// Each build that changes the output folder removes the manifest first and writes the new one last, so a build
/// killed in between leaves no manifest, and the next build stages the site whole again. `generation` is new in each
/// manifest: a build that finds another generation at its commit than at its start knows another build changed the
/// site meanwhile.
struct SiteManifest: Equatable {
    static let magic = Array("DOCENTSM".utf8)
    static let version: UInt64 = 1

    /// A folder as `lstat` sees it: a folder replaced, renamed over or turned into a link is another identity.
    struct Identity: Equatable {
        var device: UInt64
        var inode: UInt64
        var seconds: Int64
        var nanoseconds: Int64

        /// The identity of the folder at `path` (relative to the open folder `parent` when one is given); nil when
        /// there is none (or it is not a folder: a link is refused).
        init?(folder path: String, in parent: Int32 = AT_FDCWD) {
            var info = stat()
            guard fstatat(parent, path, &info, AT_SYMLINK_NOFOLLOW) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
                return nil
            }
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
            seconds = Int64(info.st_mtim.tv_sec)
            nanoseconds = Int64(info.st_mtim.tv_nsec)
        }

        init(device: UInt64, inode: UInt64, seconds: Int64, nanoseconds: Int64) {
            self.device = device
            self.inode = inode
            self.seconds = seconds
            self.nanoseconds = nanoseconds
        }
    }

    /// The output folder's standardized path.
    var destination: String
    var generation: UInt64
    /// The files' paths relative to the output folder, sorted (the marker file is not among them).
    var files: [String]
    /// Every folder that holds a file of the site, and the output folder itself ("").
    var folders: [String: Identity]

    /// The folders of `files` (each file's parent, and theirs), with the output folder itself as "".
    static func folders(of files: [String]) -> Set<String> {
        var folders: Set<String> = [""]
        for file in files {
            var path = Substring(file)
            while let slash = path.lastIndex(of: "/") {
                path = path[..<slash]
                if !folders.insert(String(path)).inserted { break }
            }
        }
        return folders
    }

    /// Whether every recorded folder under `destination` is still the folder recorded (so the output holds exactly
    /// `files` and nothing more).
    func foldersUnchanged() -> Bool {
        let entries = Array(folders)
        let found = Self.identities(of: entries.map(\.key), under: destination)
        return entries.indices.allSatisfy { found[$0] == entries[$0].value }
    }

    /// The identities of `folders` (relative to `destination`; "" is `destination` itself), looked at on every core
    /// relative to the open output folder (a folder per page: 10,000 `lstat` calls for a site of 10,000 pages).
    static func identities(of folders: [String], under destination: String) -> [Identity?] {
        let root = open(destination, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        defer { if root >= 0 { close(root) } }
        let chunks = max(1, min(8, folders.count / 512))
        return [Identity?](unsafeUninitializedCapacity: folders.count) { buffer, initialized in
            let slots = UnsafeSendable(buffer)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                for index in (folders.count * chunk / chunks)..<(folders.count * (chunk + 1) / chunks) {
                    let folder = folders[index]
                    (slots.value.baseAddress! + index).initialize(
                        to: folder.isEmpty || root < 0
                            ? Identity(folder: folder.isEmpty ? destination : destination + "/" + folder)
                            : Identity(folder: folder, in: root))
                }
            }
            initialized = folders.count
        }
    }

    // MARK: - File

    /// The manifest at `url`, when it is a whole manifest of this version in a folder that is no link.
    static func read(_ url: URL) -> SiteManifest? {
        guard CheckCache.isSafeFolder(url.deletingLastPathComponent()),
            let data = FileManager.default.contents(atPath: url.path)
        else { return nil }
        let bytes = [UInt8](data)
        guard bytes.count >= magic.count + 24, bytes.starts(with: magic) else { return nil }
        var header = CacheReader(bytes[magic.count..<magic.count + 24])
        guard let version = try? header.integer(width: 8), version == Self.version,
            let length = try? header.integer(width: 8), let sum = try? header.integer(width: 8),
            length == UInt64(bytes.count - magic.count - 24)
        else { return nil }
        let payload = bytes[(magic.count + 24)...]
        guard CacheFile.checksum(payload) == sum, let manifest = try? SiteManifest(decoding: payload) else {
            return nil
        }
        // Only paths a build writes (relative, normal, no `..`): a manifest put in the cache's folder by hand (a
        // pull request can commit one) never names a file outside the output folder to delete.
        guard manifest.files.allSatisfy(OutputPath.isNormal),
            manifest.folders.keys.allSatisfy({ $0.isEmpty || OutputPath.isNormal($0) })
        else { return nil }
        return manifest
    }

    /// The generation of the manifest at `url`, from its first bytes (the destination and the generation lead it):
    /// what a commit compares, without reading and checking the whole manifest again. Nil when there is none.
    static func generation(at url: URL) -> UInt64? {
        guard CheckCache.isSafeFolder(url.deletingLastPathComponent()) else { return nil }
        let descriptor = open(url.path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        let limit = magic.count + 24 + 10 + Int(PATH_MAX) + 8
        var bytes = [UInt8](repeating: 0, count: limit)
        let count = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress!, limit) }
        guard count > magic.count + 24, bytes.starts(with: magic) else { return nil }
        var reader = CacheReader(bytes[(magic.count + 24)..<count])
        guard (try? reader.string()) != nil, let generation = try? reader.integer(width: 8) else { return nil }
        return generation
    }

    /// Writes the manifest to a temporary file renamed over `url` (a link at that name is replaced, never written
    /// through); nothing when the cache's folder is missing or a link.
    func write(to url: URL) {
        let folder = url.deletingLastPathComponent()
        var isFolder: ObjCBool = false
        guard CheckCache.isSafeFolder(folder),
            FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue
        else { return }
        let payload = encoded
        var file = CacheWriter()
        file.bytes = Self.magic
        file.append(Self.version, width: 8)
        file.append(UInt64(payload.count), width: 8)
        file.append(CacheFile.checksum(payload[...]), width: 8)
        file.bytes += payload
        try? Data(file.bytes).write(to: url, options: .atomic)
    }

    static func remove(_ url: URL) {
        unlink(url.path)
    }

    // MARK: - Encoding

    private var encoded: [UInt8] {
        var writer = CacheWriter()
        writer.append(destination)
        writer.append(generation, width: 8)
        writer.append(files)
        writer.append(UInt64(folders.count))
        for (folder, identity) in folders.sorted(by: { $0.key < $1.key }) {
            writer.append(folder)
            writer.append(identity.device)
            writer.append(identity.inode)
            writer.append(Int(identity.seconds))
            writer.append(Int(identity.nanoseconds))
        }
        return writer.bytes
    }

    init(destination: String, generation: UInt64, files: [String], folders: [String: Identity]) {
        self.destination = destination
        self.generation = generation
        self.files = files
        self.folders = folders
    }

    private init(decoding payload: ArraySlice<UInt8>) throws(CacheReader.Truncated) {
        var reader = CacheReader(payload)
        destination = try reader.string()
        generation = try reader.integer(width: 8)
        files = try reader.strings()
        let count = try reader.count()
        folders = [:]
        folders.reserveCapacity(count)
        for _ in 0..<count {
            let folder = try reader.string()
            folders[folder] = Identity(
                device: try reader.integer(), inode: try reader.integer(), seconds: Int64(try reader.int()),
                nanoseconds: Int64(try reader.int()))
        }
        guard reader.isAtEnd else { throw CacheReader.Truncated() }
    }
}
