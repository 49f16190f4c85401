import CSHA256
import DocentTestSupport
import Testing

@testable import DocentSite

/// The caches' SHA-256: the standard's vectors, any split of the input into updates, and the CPU's SHA extensions
/// giving the portable compression's result.
@Suite struct SHA256Tests {
    private func digest(_ bytes: [UInt8], chunk: Int = .max) -> String {
        var hash = SHA256()
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + chunk)
            hash.update(bytes[start..<end])
            start = end
        }
        return hash.finalize()
    }

    @Test func matchesTheStandardsVectors() {
        #expect(digest([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(digest(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let long = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        #expect(digest(long) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        let million = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(digest(million, chunk: 997) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func givesTheSameDigestWhateverTheUpdatesSizes() {
        var random = SeededRandom(seed: 7)
        for length in [0, 1, 55, 56, 63, 64, 65, 119, 120, 128, 1000, 4097] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }
            let whole = digest(bytes)
            for chunk in [1, 3, 63, 64, 65, 500] {
                #expect(digest(bytes, chunk: chunk) == whole, "\(length) by \(chunk)")
            }
            var text = SHA256()
            text.update(String(decoding: bytes.map { $0 & 0x7f }, as: UTF8.self))
            #expect(text.finalize() == digest(bytes.map { $0 & 0x7f }))
        }
    }

    @Test func theCPUsExtensionsCompressAsThePortableCodeDoes() {
        var random = SeededRandom(seed: 11)
        let blocks = (0..<64 * 40).map { _ in UInt8.random(in: 0...255, using: &random) }
        for count in [1, 2, 40] {
            var portable: [UInt32] = [
                0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19,
            ]
            blocks.withUnsafeBufferPointer { docent_sha256_portable_blocks(&portable, $0.baseAddress, count) }
            var context = docent_sha256()
            docent_sha256_init(&context)
            blocks.withUnsafeBufferPointer { docent_sha256_update(&context, $0.baseAddress, 64 * count) }
            let state = withUnsafeBytes(of: context.state) { Array($0.bindMemory(to: UInt32.self)) }
            #expect(state == portable, "\(count) blocks, extensions: \(docent_sha256_uses_extensions())")
        }
    }
}
