import CZlib
import Foundation
import Synchronization

/// gzip for the preview server's responses: the console's WebAssembly, scripts, styles and pages go out
/// compressed to a browser that accepts it (the walkthrough's 280 KB wasm is about 120 KB gzipped), as a
/// production host would send them.
enum Gzip {
    /// Content types worth compressing (text and the wasm; images and fonts are compressed already).
    static func isCompressible(_ contentType: String) -> Bool {
        contentType.hasPrefix("text/") || contentType.hasPrefix("application/javascript")
            || contentType.hasPrefix("application/json") || contentType.hasPrefix("application/wasm")
            || contentType.hasPrefix("application/xml") || contentType.hasPrefix("image/svg+xml")
            || contentType.hasPrefix("application/atom+xml")
    }

    /// Whether an `Accept-Encoding` header accepts gzip (`gzip`, `*`, not with `q=0`).
    static func isAccepted(_ header: String?) -> Bool {
        guard let header else { return false }
        for item in header.split(separator: ",") {
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let name = parts.first, name == "gzip" || name == "x-gzip" || name == "*" else { continue }
            let quality = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            return quality > 0
        }
        return false
    }

    /// The bytes in gzip format (RFC 1952), or nil when zlib fails.
    static func compress(_ bytes: [UInt8], level: Int32 = 6) -> [UInt8]? {
        var stream = z_stream()
        // windowBits 15 + 16: a gzip header and trailer around the deflate stream.
        guard
            deflateInit2_(
                &stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
                Int32(MemoryLayout<z_stream>.size)) == Z_OK
        else { return nil }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(bytes.count))) + 32)
        let status = bytes.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
                stream.avail_in = UInt32(input.count)
                stream.next_out = out.baseAddress
                stream.avail_out = UInt32(out.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { return nil }
        output.removeLast(output.count - Int(stream.total_out))
        return output
    }
}

/// The last gzip of each path, kept while the file's bytes stay the same (an edit changes them).
final class GzipCache: Sendable {
    private let entries = Mutex<[String: (hash: Int, count: Int, gzip: [UInt8])]>([:])

    /// `bytes` gzipped, from the cache when `path` last had the same bytes.
    func gzip(_ bytes: [UInt8], path: String) -> [UInt8]? {
        var hasher = Hasher()
        hasher.combine(bytes)
        let hash = hasher.finalize()
        if let entry = entries.withLock({ $0[path] }), entry.hash == hash, entry.count == bytes.count {
            return entry.gzip
        }
        guard let compressed = Gzip.compress(bytes) else { return nil }
        entries.withLock { $0[path] = (hash, bytes.count, compressed) }
        return compressed
    }
}
