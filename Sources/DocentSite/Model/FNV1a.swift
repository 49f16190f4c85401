/// FNV-1a, 64 bits, over bytes: a hash that is the same in every run and on every machine (Swift's `Hasher` is
/// seeded per process), for names that are stored and looked up again later (the build cache's pack indexes, a
/// page's front matter key positions) and the step pictures' fingerprints. Not for anything a hostile site could
/// steer to a collision that matters: the caches' keys are SHA-256.
enum FNV1a {
    static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return hash
    }
}
