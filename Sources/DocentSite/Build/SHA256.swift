import CSHA256

/// SHA-256 (FIPS 180-4), for the caches' keys: a cache entry is trusted only for exactly the inputs it was made
/// from, so the digest must be one nobody can steer two different sites to (a non-cryptographic hash can be). The
/// compression is C (`CSHA256`: the CPU's SHA extensions where it has them): the build cache hashes every page's
/// bytes, and the Swift one it replaces cost a cold cached build 8% of its time. Streaming: `update` any number of
/// times, then `finalize`.
struct SHA256 {
    private var context = docent_sha256()

    init() { docent_sha256_init(&context) }

    mutating func update(_ bytes: some Collection<UInt8>) {
        let done: Void? = bytes.withContiguousStorageIfAvailable { update(UnsafeRawBufferPointer($0)) }
        guard done == nil else { return }
        let copy = Array(bytes)
        copy.withUnsafeBufferPointer { update(UnsafeRawBufferPointer($0)) }
    }

    mutating func update(_ buffer: UnsafeRawBufferPointer) {
        docent_sha256_update(&context, buffer.baseAddress, buffer.count)
    }

    mutating func update(_ text: String) {
        var text = text
        text.withUTF8 { update(UnsafeRawBufferPointer($0)) }
    }

    /// The digest in lower-case hex.
    mutating func finalize() -> String {
        var digest = [UInt8](repeating: 0, count: 32)
        digest.withUnsafeMutableBufferPointer { docent_sha256_final(&context, $0.baseAddress) }
        let digits = Array("0123456789abcdef".utf8)
        var hex = [UInt8]()
        hex.reserveCapacity(64)
        for byte in digest {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0xf)])
        }
        return String(decoding: hex, as: UTF8.self)
    }
}
