import Foundation

/// The build cache's pages in one file (`.docent-cache/pages.pack`, and the page files' records in `sources`)
/// instead of a file per page: a build reads the entries it uses, one read each, and writes the pack as one
/// sequential file, where 10,000 entry files cost a first build a create, a write and a rename each.
///
/// Layout: a header (magic, format version, the index's offset, length and checksum), the entries, then the index
/// (each page's site path, its entry's offset and length). Each entry is framed with its own length and checksum, so a
/// damaged entry costs only its page's render, and a damaged index the whole pack (never wrong output).
enum CachePack {
    static let magic = Array("DOCENTBP".utf8)
    static let headerLength = 8 + 4 + 8 + 8 + 8

    /// A pack as the last build wrote it. A pack up to `wholeLimit` is read whole when opened (one read instead of
    /// one per entry, and entries are slices of it); a bigger one is read entry by entry (`pread`), holding only its
    /// index (at 100,000 pages the packs are hundreds of megabytes). Reading never maps the file into the process.
    final class Reader: @unchecked Sendable {
        /// 10,000 pages' records are about 17 MB; their entries 6 MB.
        static let wholeLimit = 48 << 20

        private let descriptor: Int32
        private let size: Int
        /// The whole file, when it is read whole.
        private let whole: [UInt8]?
        /// By a 64-bit hash of the name (`nameHash`), not the name: a site of 100,000 pages would hold 100,000 more
        /// strings per pack. Two names with one hash would only make the second's lookups miss or find the other's
        /// entry, which its reader refuses (a page's entry names its page; a record's identity is a file's).
        private let entries: [UInt64: (offset: Int, length: Int)]

        private init(
            descriptor: Int32, size: Int, whole: [UInt8]?, entries: [UInt64: (offset: Int, length: Int)]
        ) {
            self.descriptor = descriptor
            self.size = size
            self.whole = whole
            self.entries = entries
        }

        deinit { close(descriptor) }

        /// The pack at `url`; nil with `damaged` false when there is none or it is another version's (Docent
        /// upgraded: the pages are made again), nil with `damaged` true when the file is not a whole pack.
        static func open(_ url: URL, wholeLimit: Int = wholeLimit) -> (reader: Reader?, damaged: Bool) {
            let descriptor = Foundation.open(url.path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { return (nil, false) }
            var info = stat()
            guard fstat(descriptor, &info) == 0 else {
                close(descriptor)
                return (nil, true)
            }
            let size = Int(info.st_size)
            let whole = size <= wholeLimit ? read(descriptor, at: 0, count: size) : nil
            if size <= wholeLimit && whole == nil {
                close(descriptor)
                return (nil, true)
            }
            let header =
                whole.map { Array($0.prefix(headerLength)) } ?? read(descriptor, at: 0, count: min(size, headerLength))
                ?? []
            guard header.count == headerLength, header.starts(with: magic) else {
                close(descriptor)
                // The framed file an earlier Docent kept at this name (format 2) is no damage either.
                return (nil, !header.starts(with: CacheFile.magic))
            }
            var reader = CacheReader(header[magic.count...])
            guard let version = try? reader.integer(width: 4), version == UInt64(CacheFile.formatVersion) else {
                close(descriptor)
                return (nil, false)
            }
            guard let offset = try? reader.integer(width: 8), let length = try? reader.integer(width: 8),
                let sum = try? reader.integer(width: 8), offset >= UInt64(headerLength), offset <= UInt64(size),
                length <= UInt64(size) - offset,
                let index = whole.map({ $0[Int(offset)..<Int(offset + length)] })
                    ?? read(descriptor, at: Int(offset), count: Int(length))?[...],
                CacheFile.checksum(index) == sum, let entries = entries(in: index, size: size)
            else {
                close(descriptor)
                return (nil, true)
            }
            return (Reader(descriptor: descriptor, size: size, whole: whole, entries: entries), false)
        }

        /// How many entries the pack has.
        var count: Int { entries.count }

        /// The entry of `sitePath`: nil when the pack has none, `.failure` when it is damaged.
        func entry(_ sitePath: String) -> Result<ArraySlice<UInt8>, CacheFile.Problem>? {
            guard let place = entries[nameHash(sitePath)] else { return nil }
            guard let framed = framed(place) else { return .failure(.damaged) }
            return .success(framed.dropFirst(16))
        }

        /// Runs `body` with the framed bytes of `sitePath`'s entry when it is whole.
        func withFramedEntry(_ sitePath: String, _ body: (UnsafeRawBufferPointer) -> Void) {
            framedEntry(sitePath)?.withUnsafeBytes(body)
        }

        /// The entry of `sitePath` with its frame (length and checksum, then the payload from offset 16, counted from
        /// the slice's start), when it is whole: what `Writer.add(_:framed:)` takes as it is.
        func framedEntry(_ sitePath: String) -> ArraySlice<UInt8>? {
            entries[nameHash(sitePath)].flatMap(framed)
        }

        /// An entry's frame (its length, its checksum, its payload) when both hold.
        private func framed(_ place: (offset: Int, length: Int)) -> ArraySlice<UInt8>? {
            guard place.length >= 16 else { return nil }
            let bytes: ArraySlice<UInt8>
            if let whole {
                bytes = whole[place.offset..<place.offset + place.length]
            } else {
                guard let read = Self.read(descriptor, at: place.offset, count: place.length) else { return nil }
                bytes = read[...]
            }
            var frame = CacheReader(bytes)
            guard let length = try? frame.integer(width: 8), let sum = try? frame.integer(width: 8),
                length == UInt64(place.length - 16), CacheFile.checksum(bytes.dropFirst(16)) == sum
            else { return nil }
            return bytes
        }

        private static func entries(in index: ArraySlice<UInt8>, size: Int) -> [UInt64: (offset: Int, length: Int)]? {
            var reader = CacheReader(index)
            var entries: [UInt64: (offset: Int, length: Int)] = [:]
            do {
                let count = try reader.count()
                entries.reserveCapacity(count)
                for _ in 0..<count {
                    let name = nameHash(try reader.bytes(try reader.count()))
                    let offset = try reader.int()
                    let length = try reader.int()
                    guard offset >= headerLength, length >= 0, length <= size - offset else { return nil }
                    entries[name] = (offset, length)
                }
            } catch {
                return nil
            }
            return reader.isAtEnd ? entries : nil
        }

        /// `count` bytes at `offset`, or nil when the file is shorter.
        private static func read(_ descriptor: Int32, at offset: Int, count: Int) -> [UInt8]? {
            var bytes = [UInt8](repeating: 0, count: count)
            var done = 0
            while done < count {
                let read = bytes.withUnsafeMutableBytes {
                    pread(descriptor, $0.baseAddress! + done, count - done, off_t(offset + done))
                }
                if read < 0 && errno == EINTR { continue }
                guard read > 0 else { return nil }
                done += read
            }
            return bytes
        }
    }

    /// The index's key of a name: FNV-1a over its bytes, the same in every run.
    static func nameHash(_ name: some Collection<UInt8>) -> UInt64 { FNV1a.hash(name) }

    static func nameHash(_ name: String) -> UInt64 { FNV1a.hash(name.utf8) }

    /// A new pack, written as entries come (from any thread) to a temporary file beside `url`, renamed over it by
    /// `finish`: a reader sees the last whole pack until then, and of two builds at once one whole pack wins.
    final class Writer: @unchecked Sendable {
        private let url: URL
        private let temporary: URL
        private let lock = NSLock()
        private var handle: FileHandle?
        private var buffer: [UInt8] = []
        private var position = headerLength
        private var offsets: [(sitePath: String, offset: Int, length: Int)] = []
        private var failed = false

        init(url: URL) {
            self.url = url
            temporary = url.deletingLastPathComponent().appendingPathComponent(
                ".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(UInt64.random(in: 0...UInt64.max)).tmp"
            )
        }

        /// Adds a page's entry.
        func add(_ sitePath: String, payload: [UInt8]) {
            var frame = CacheWriter()
            frame.append(UInt64(payload.count), width: 8)
            frame.append(CacheFile.checksum(payload[...]), width: 8)
            lock.withLock {
                append(sitePath) { buffer in
                    buffer += frame.bytes
                    buffer += payload
                }
            }
        }

        /// Adds an entry of the last pack as it is (its framed bytes).
        func add(_ sitePath: String, framed: UnsafeRawBufferPointer) {
            lock.withLock { append(sitePath) { $0 += framed } }
        }

        /// Writes the index and the header and puts the pack in place; false when it could not (the next build then
        /// renders the pages again).
        @discardableResult
        func finish() -> Bool {
            lock.withLock {
                var index = CacheWriter()
                index.append(UInt64(offsets.count))
                for entry in offsets {
                    index.append(entry.sitePath)
                    index.append(entry.offset)
                    index.append(entry.length)
                }
                let indexOffset = position
                buffer += index.bytes
                var header = CacheWriter()
                header.bytes = magic
                header.append(UInt64(CacheFile.formatVersion), width: 4)
                header.append(UInt64(indexOffset), width: 8)
                header.append(UInt64(index.bytes.count), width: 8)
                header.append(CacheFile.checksum(index.bytes[...]), width: 8)
                flush()
                guard !failed, let handle else {
                    discard()
                    return false
                }
                do {
                    try handle.seek(toOffset: 0)
                    try handle.write(contentsOf: header.bytes)
                    try handle.close()
                    self.handle = nil
                    guard rename(temporary.path, url.path) == 0 else {
                        discard()
                        return false
                    }
                    return true
                } catch {
                    discard()
                    return false
                }
            }
        }

        /// Removes the temporary file (a build that stores nothing).
        func discard() {
            try? handle?.close()
            handle = nil
            try? FileManager.default.removeItem(at: temporary)
        }

        private func append(_ sitePath: String, _ write: (inout [UInt8]) -> Void) {
            guard !failed else { return }
            let start = buffer.count
            write(&buffer)
            offsets.append((sitePath, position, buffer.count - start))
            position += buffer.count - start
            if buffer.count >= 1 << 20 { flush() }
        }

        /// Writes the buffered bytes (the first flush creates the file, the header's room left blank).
        private func flush() {
            guard !failed, !buffer.isEmpty || handle == nil else { return }
            do {
                if handle == nil {
                    guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
                        failed = true
                        return
                    }
                    handle = try FileHandle(forWritingTo: temporary)
                    try handle?.write(contentsOf: [UInt8](repeating: 0, count: headerLength))
                }
                try handle?.write(contentsOf: buffer)
                buffer.removeAll(keepingCapacity: true)
            } catch {
                failed = true
            }
        }
    }
}
