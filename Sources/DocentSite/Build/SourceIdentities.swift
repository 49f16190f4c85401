import Foundation

/// The build cache's record of each page file as the last build saw it (`.docent-cache/sources`): its identity
/// (size, modification and change times in nanoseconds, inode), the SHA-256 of its bytes, the hash of what other
/// pages see of it (`PageSummary`), and its front matter as loaded (`FrontMatterRecord`). A page file whose
/// identity is the same again has the same bytes, so it is neither read nor hashed again (Git's index does the
/// same): hashing every page's bytes would cost a rebuild more than everything else it does. The change time cannot be set back by a program, and a file changed less than two
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
        var frontMatter: ArraySlice<UInt8>? = nil
        /// The page as it was made from that front matter (`PageStub`, valid under the same environment); nil when
        /// there is no front matter record or the page's making reported a problem.
        var stub: ArraySlice<UInt8>? = nil
    }

    /// The identity of a file of the output, which only Docent writes: its size, modification time and inode (not
    /// its change time, which linking it into the next site and deleting the previous site move). `path` is relative
    /// to the open folder `folder` when one is given (a shorter path for the kernel to walk), else as it is.
    static func outputIdentity(of path: String, in folder: Int32 = AT_FDCWD) -> String? {
        var info = stat()
        guard fstatat(folder, path, &info, 0) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return text(info.st_size, info.st_mtim, nil, info.st_dev, info.st_ino)
    }

    /// The file's identity now, or nil when it changed too recently to be told apart from its next change. `path` is
    /// relative to the open folder `folder` when one is given.
    static func identity(of path: String, in folder: Int32 = AT_FDCWD) -> String? {
        var info = stat()
        guard fstatat(folder, path, &info, 0) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let changed = max(info.st_mtim.tv_sec, info.st_ctim.tv_sec)
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        guard Int(now.tv_sec) - Int(changed) >= 2 else { return nil }
        return text(info.st_size, info.st_mtim, info.st_ctim, info.st_dev, info.st_ino)
    }

    /// "size mtime [ctime] device:inode", times as seconds.nanoseconds: written digit by digit into one buffer
    /// (string interpolation of seven numbers was a tenth of looking at a file).
    private static func text(_ size: Int, _ modified: timespec, _ changed: timespec?, _ device: UInt, _ inode: UInt)
        -> String
    {
        String(unsafeUninitializedCapacity: 128) { buffer in
            var used = 0
            func digits(_ value: UInt64) {
                var value = value
                var reversed: (UInt64, UInt64, UInt64) = (0, 0, 0)
                var count = 0
                withUnsafeMutableBytes(of: &reversed) { scratch in
                    repeat {
                        scratch[count] = UInt8(ascii: "0") + UInt8(value % 10)
                        value /= 10
                        count += 1
                    } while value > 0
                    for index in 0..<count { buffer[used + index] = scratch[count - 1 - index] }
                }
                used += count
            }
            func byte(_ character: Unicode.Scalar) {
                buffer[used] = UInt8(ascii: character)
                used += 1
            }
            func signed(_ value: Int) {
                if value < 0 { byte("-") }
                digits(UInt64(value.magnitude))
            }
            func time(_ value: timespec) {
                signed(Int(value.tv_sec))
                byte(".")
                signed(Int(value.tv_nsec))
            }
            signed(size)
            byte(" ")
            time(modified)
            if let changed {
                byte(" ")
                time(changed)
            }
            byte(" ")
            digits(UInt64(device))
            byte(":")
            digits(UInt64(inode))
            return used
        }
    }

    /// A record as the records' pack holds it.
    static func encode(_ record: Known) -> [UInt8] {
        var writer = CacheWriter()
        writer.append(record.identity)
        writer.append(record.sourceHash)
        writer.append(record.summaryHash)
        writer.append(optional: record.frontMatter)
        writer.append(optional: record.stub)
        return writer.bytes
    }

    static func decode(_ payload: ArraySlice<UInt8>) -> Known? {
        var reader = CacheReader(payload)
        do {
            // The records' bytes are slices of the pack's bytes, not copies of them.
            let known = Known(
                identity: try reader.string(), sourceHash: try reader.string(),
                summaryHash: try reader.optionalString(), frontMatter: try reader.optionalBytes(),
                stub: try reader.optionalBytes())
            return reader.isAtEnd ? known : nil
        } catch {
            return nil
        }
    }

    /// The pack's entry that names the environment its records were made in (no page has an empty path).
    static let environmentEntry = ""
    /// The pack's entry with the number of the build that wrote it (`LoadCache.build`); no page's path starts with a
    /// NUL.
    static let buildEntry = "\u{0}build"

    /// The pack's entry with the page files it has records of (`RecordedPages`).
    static let pagesEntry = "\u{0}pages"

    static func encode(build: UInt64) -> [UInt8] {
        var writer = CacheWriter()
        writer.append(build, width: 8)
        return writer.bytes
    }

    /// The last build's records (`.docent-cache/sources`, a `CachePack` by site path), read as the pages ask for
    /// them: a site of 100,000 pages never holds them all.
    struct Records: Sendable {
        private let reader: CachePack.Reader?
        private let sameEnvironment: Bool

        /// The records at `url`; `damaged` when the file exists but is not a whole pack of this format.
        init(url: URL, environment: String) {
            let (reader, damaged) = CachePack.Reader.open(url)
            self.reader = reader
            self.damaged = damaged
            if case .success(let bytes)? = reader?.entry(SourceIdentities.environmentEntry) {
                sameEnvironment = String(decoding: bytes, as: UTF8.self) == environment
            } else {
                sameEnvironment = false
            }
            var build: UInt64 = 0
            if case .success(let bytes)? = reader?.entry(SourceIdentities.buildEntry) {
                var entry = CacheReader(bytes)
                build = (try? entry.integer(width: 8)) ?? 0
            }
            self.build = build
            if case .success(let bytes)? = reader?.entry(SourceIdentities.pagesEntry) {
                pages = RecordedPages(bytes) ?? RecordedPages()
            } else {
                pages = RecordedPages()
            }
        }

        let damaged: Bool
        /// The number of the build that wrote the records (0: none).
        let build: UInt64
        /// The page files it has records of.
        let pages: RecordedPages

        /// The record of a page file, and its bytes as the pack frames them (for the next build's records, when it
        /// is unchanged); summaries only when the last build ran under this environment.
        func record(_ sitePath: String) -> (known: Known, framed: ArraySlice<UInt8>)? {
            guard let framed = reader?.framedEntry(sitePath), var known = decode(framed.dropFirst(16)) else {
                return nil
            }
            if !sameEnvironment { known.summaryHash = nil }
            return (known, framed)
        }
    }
}
