import Testing

@testable import DocentSite

/// `OutputPath(confining:)` keeps a path already in normal form as it is (`isNormal`), and normalises or refuses
/// every other: both ways must agree.
@Suite struct OutputPathTests {
    @Test(arguments: [
        "index.html", "guides/sso/index.html", "a/b/c.html", "ünï/cödé/index.html", "release notes/index.html",
        "/lead/index.html", "trail/", "a//b.html", "./a.html", "a/./b.html", "a/../b.html", "..", ".", "", "/",
        ".docent-site", ".docent-site/x", "x/.docent-site", "nul\u{0}byte", "tab\there", "del\u{7F}", "a/...",
        "..a/b", "a..", "c1\u{85}control",
    ])
    func aNormalPathIsKeptAndEveryOtherNormalisedOrRefused(raw: String) {
        let normal = OutputPath.isNormal(raw)
        let confined = try? OutputPath(confining: raw).path
        if normal {
            #expect(confined == raw)
        }
        // The full normalisation of the path: what the fast path must agree with.
        let segments = raw.split(separator: "/").filter { $0 != "." }
        let refused =
            raw.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F } || segments.contains("..")
            || segments.isEmpty || segments.first == ".docent-site"
        #expect(confined == (refused ? nil : segments.joined(separator: "/")))
        #expect(normal == (!refused && segments.joined(separator: "/") == raw))
    }
}
