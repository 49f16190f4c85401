import Testing

@testable import DocentSite

@Suite struct SearchTextTests {
    @Test func searchTextKeepsTheFirstCharactersWhateverTheScript() {
        let ascii = String(repeating: "a", count: SiteFiles.searchTextLimit + 10)
        #expect(SiteFiles.searchText(ascii).count == SiteFiles.searchTextLimit)
        let accented = String(repeating: "é", count: SiteFiles.searchTextLimit + 10)
        #expect(SiteFiles.searchText(accented) == String(repeating: "é", count: SiteFiles.searchTextLimit))
        #expect(SiteFiles.searchText("short") == "short")
    }
}
