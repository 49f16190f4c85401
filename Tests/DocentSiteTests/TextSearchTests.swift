import Testing

@testable import DocentSite

/// `containsBytes`, the byte search the renderer and the checks use instead of Foundation's `contains`: it must
/// agree with a plain search wherever the needle is.
@Suite struct TextSearchTests {
    @Test(arguments: [
        ("{% tab ", "{% tab \"macOS\" %}"), ("%}", "{% tab \"macOS\" %}"), ("tab \"m", "{% tab \"macOS\" %}"),
        ("aab", "aaaaaaaaab"), ("aab", "aaaaaaaaaa"), ("long needle", "short"), ("", "anything"), ("x", ""),
        ("ü✓", "Ünïcödé ü✓ end"), ("abc", "ab"), ("c", "abc"),
    ])
    func findsTheNeedleWhereverItIs(needle: String, text: String) {
        let expected =
            text.utf8.count >= needle.utf8.count
            && (0...(text.utf8.count - needle.utf8.count)).contains { start in
                text.utf8.dropFirst(start).starts(with: needle.utf8)
            }
        #expect(text.containsBytes(needle) == (needle.isEmpty || expected))
        // A substring (not contiguous from the start of its storage) takes the same path or the fallback.
        let padded = "<<" + text + ">>"
        #expect(padded.dropFirst(2).dropLast(2).containsBytes(needle) == (needle.isEmpty || expected))
    }
}
