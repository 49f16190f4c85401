import Foundation

/// The build cache's record of each page file as the last build saw it (`.docent-cache/sources`): its identity
/// (size, modification and change times in nanoseconds, inode), the SHA-256 of its bytes, the hash of what
/// other pages see of it (`PageSummary`), and its front matter as loaded (`FrontMatterRecord`). A page file whose identity is the same again has the same bytes, so its
/// hash is not computed again (Git's index does the same): hashing every page's bytes would cost a rebuild more
/// than everything else it does. The change time cannot be set back by a program, and a file changed less than two
/// seconds before it was looked at is not recorded (a change within the same clock tick would keep its times).
struct SourceIdentities {
    struct Known: Equatable {
        var identity: String
        var sourceHash: String
        /// Valid only under the environment the record was made in (the config decides a page's URL and values).
        var summaryHash: String?
        /// Its front matter as loaded (`FrontMatterRecord`, encoded: records are decoded only as their pages are
        /// made, on every core, and stored again as they are); nil for a page that needs its body to load, or whose
        /// front matter had a problem.
        var frontMatter: [UInt8]? = nil
    }

    /// The identity of a file of the output, which only Docent writes: its size, modification time and inode (not
    /// its change time, which linking it into the next site and deleting the previous site move).
    static func outputIdentity(of path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return "\(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec) \(info.st_dev):\(info.st_ino)"
    }

    /// The file's identity now, or nil when it changed too recently to be told apart from its next change.
    static func identity(of path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let changed = max(info.st_mtim.tv_sec, info.st_ctim.tv_sec)
        guard Int(Date().timeIntervalSince1970) - Int(changed) >= 2 else { return nil }
        return
            "\(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec) \(info.st_ctim.tv_sec).\(info.st_ctim.tv_nsec) \(info.st_dev):\(info.st_ino)"
    }

    /// The records of the last build; summaries only when it ran under `environment`. `damaged` when the file
    /// exists but is not a whole record of this format.
    static func load(from url: URL, environment: String) -> (known: [String: Known], damaged: Bool) {
        guard let data = FileManager.default.contents(atPath: url.path) else { return ([:], false) }
        let payload: ArraySlice<UInt8>
        switch CacheFile.payload(of: [UInt8](data)) {
        case .success(let bytes): payload = bytes
        // Another version's records (Docent upgraded) are not damage: the pages are read again.
        case .failure(let problem): return ([:], problem != .otherVersion)
        }
        var reader = CacheReader(payload)
        do {
            let sameEnvironment = try reader.string() == environment
            var known: [String: Known] = [:]
            for _ in 0..<(try reader.count()) {
                let sitePath = try reader.string()
                let identity = try reader.string()
                let sourceHash = try reader.string()
                let summaryHash = try reader.optionalString()
                let frontMatter = try reader.bool() ? Array(try reader.bytes(try reader.count())) : nil
                known[sitePath] = Known(
                    identity: identity, sourceHash: sourceHash, summaryHash: sameEnvironment ? summaryHash : nil,
                    frontMatter: frontMatter)
            }
            guard reader.isAtEnd else { return ([:], true) }
            return (known, false)
        } catch {
            return ([:], true)
        }
    }

    /// Replaces the records (atomically: a temporary file renamed over the old one).
    static func store(_ known: [String: Known], environment: String, to url: URL) throws {
        var writer = CacheWriter()
        writer.append(environment)
        writer.append(UInt64(known.count))
        for sitePath in known.keys.sorted() {
            let entry = known[sitePath]!
            writer.append(sitePath)
            writer.append(entry.identity)
            writer.append(entry.sourceHash)
            writer.append(entry.summaryHash)
            writer.append(entry.frontMatter != nil)
            if let frontMatter = entry.frontMatter {
                writer.append(UInt64(frontMatter.count))
                writer.bytes += frontMatter
            }
        }
        try CacheFile.write(CacheFile.frame(writer.bytes), to: url)
    }
}
