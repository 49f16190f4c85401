import Foundation

/// The build cache's pages in one file (`.docent-cache/pages.pack`) instead of a file per page: a build reads it with
/// one system call (mapped, so only the entries it uses are paged in) and writes it as one sequential file, where
/// 10,000 entry files cost a first build a create, a write and a rename each.
///
/// Layout: a header (magic, format version, the index's offset, length and checksum), the entries, then the index
/// (each page's site path and its entry's offset). Each entry is framed with its own length and checksum, so a
/// damaged entry costs only its page's render, and a damaged index the whole pack (never wrong output).
enum CachePack {
    static let magic = Array("DOCENTBP".utf8)
    static let headerLength = 8 + 4 + 8 + 8 + 8

    /// A pack as the last build wrote it.
    struct Reader: @unchecked Sendable {
        private let data: Data
        private let offsets: [String: Int]

        /// The pack at `url`; nil with `damaged` false when there is none, nil with `damaged` true when the file is
        /// not a whole pack of this format.
        static func open(_ url: URL) -> (reader: Reader?, damaged: Bool) {
            guard let data = try? Data(contentsOf: url, options: .alwaysMapped) else { return (nil, false) }
            guard let offsets = index(of: data) else {
                // Another version's pack (Docent upgraded) is not damage: the pages are rendered again.
                let version =
                    data.count >= magic.count + 4 && data.prefix(magic.count).elementsEqual(magic)
                    ? data.dropFirst(magic.count).prefix(4).reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) } : nil
                return (nil, version == nil || version == CacheFile.formatVersion)
            }
            return (Reader(data: data, offsets: offsets), false)
        }

        /// The pages the pack has an entry for.
        var sitePaths: Dictionary<String, Int>.Keys { offsets.keys }

        /// The entry of `sitePath`: nil when the pack has none, `.failure` when it is damaged.
        func entry(_ sitePath: String) -> Result<ArraySlice<UInt8>, CacheFile.Problem>? {
            guard let offset = offsets[sitePath] else { return nil }
            return data.withUnsafeBytes { buffer -> Result<ArraySlice<UInt8>, CacheFile.Problem> in
                guard let range = Self.entryRange(at: offset, in: buffer) else { return .failure(.damaged) }
                return .success(ArraySlice(UnsafeRawBufferPointer(rebasing: buffer[range])))
            }
        }

        /// Runs `body` with the framed bytes of `sitePath`'s entry when it is whole.
        func withFramedEntry(_ sitePath: String, _ body: (UnsafeRawBufferPointer) -> Void) {
            guard let offset = offsets[sitePath] else { return }
            data.withUnsafeBytes { buffer in
                guard let range = Self.entryRange(at: offset, in: buffer) else { return }
                body(UnsafeRawBufferPointer(rebasing: buffer[offset..<range.upperBound]))
            }
        }

        /// The payload's range of the entry at `offset`, when its frame fits the file and its checksum holds.
        private static func entryRange(at offset: Int, in buffer: UnsafeRawBufferPointer) -> Range<Int>? {
            guard offset >= headerLength, offset <= buffer.count - 16 else { return nil }
            let length = buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self).littleEndian
            let sum = buffer.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self).littleEndian
            guard length <= UInt64(buffer.count - offset - 16) else { return nil }
            let range = (offset + 16)..<(offset + 16 + Int(length))
            guard CacheFile.checksum(UnsafeRawBufferPointer(rebasing: buffer[range])) == sum else { return nil }
            return range
        }

        private static func index(of data: Data) -> [String: Int]? {
            let bytes = [UInt8](data.prefix(headerLength))
            guard bytes.count == headerLength, bytes.starts(with: magic) else { return nil }
            var header = CacheReader(bytes[magic.count...])
            guard let version = try? header.integer(width: 4), version == UInt64(CacheFile.formatVersion),
                let offset = try? header.integer(width: 8), let length = try? header.integer(width: 8),
                let sum = try? header.integer(width: 8),
                offset >= UInt64(headerLength), length <= UInt64(data.count), offset <= UInt64(data.count) - length
            else { return nil }
            let index = [UInt8](data[Int(offset)..<Int(offset + length)])
            guard CacheFile.checksum(index[...]) == sum else { return nil }
            var reader = CacheReader(index[...])
            var offsets: [String: Int] = [:]
            do {
                let count = try reader.count()
                offsets.reserveCapacity(count)
                for _ in 0..<count { offsets[try reader.string()] = try reader.int() }
            } catch {
                return nil
            }
            return reader.isAtEnd ? offsets : nil
        }
    }

    /// A new pack, written as entries come (from any thread) to a temporary file beside `url`, renamed over it by
    /// `finish`: a reader sees the last whole pack until then, and of two builds at once one whole pack wins.
    final class Writer: @unchecked Sendable {
        private let url: URL
        private let temporary: URL
        private let lock = NSLock()
        private var handle: FileHandle?
        private var buffer: [UInt8] = []
        private var position = headerLength
        private var offsets: [(sitePath: String, offset: Int)] = []
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
            offsets.append((sitePath, position))
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
