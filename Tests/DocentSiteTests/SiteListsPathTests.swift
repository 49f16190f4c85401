import Testing

@testable import DocentSite

/// A page's `name` and `dir` in the site's lists come from its content path: cut at its last "/" for a plain path,
/// the same as splitting at every "/" for any path.
@Suite struct SiteListsPathTests {
    @Test(arguments: [
        "index.md", "guides/sso.md", "a/b/c/d.md", "/lead.md", "trail/", "a//b.md", "//", "", "a/b/", "x/.hidden",
        "ünï/cödé.md",
    ])
    func nameAndFolderAreTheSplitSegments(path: String) {
        let segments = path.split(separator: "/")
        let (name, folder) = SiteLists.nameAndFolder(path)
        #expect(name == (segments.last.map(String.init) ?? path))
        #expect(folder == segments.dropLast().joined(separator: "/"))
    }
}
