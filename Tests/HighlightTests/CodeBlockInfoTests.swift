import Testing

@testable import Highlight

@Suite struct CodeBlockInfoTests {
    @Test func readsDocusaurusAndStarlightOptions() {
        let info = CodeBlockInfo(parsing: "jsx title=\"/src/App.js\" {1,4-6} showLineNumbers")
        #expect(info.language == "jsx")
        #expect(info.title == "/src/App.js")
        #expect(info.highlightedLines == [1, 4, 5, 6])
        #expect(info.lineNumbers)
        #expect(info.diffLanguage == nil)
    }

    @Test func bracesMayFollowTheLanguageAndDiffsNameTheirLanguage() {
        #expect(CodeBlockInfo(parsing: "js{2}").highlightedLines == [2])
        #expect(CodeBlockInfo(parsing: "js{2}").language == "js")
        #expect(CodeBlockInfo(parsing: "diff-ts").diffLanguage == "ts")
        #expect(CodeBlockInfo(parsing: "diff lang=\"py\"").diffLanguage == "py")
        #expect(CodeBlockInfo(parsing: "js ins={3} del={1-2} linenos").insertedLines == [3])
        #expect(CodeBlockInfo(parsing: "js ins={3} del={1-2} linenos").deletedLines == [1, 2])
    }

    @Test func nonsenseRangesAreIgnored() {
        #expect(CodeBlockInfo(parsing: "js {0,5-2,x,1-999999999}").highlightedLines.isEmpty)
        #expect(CodeBlockInfo(parsing: "").language == "")
    }

    @Test func languagesAreFoundByTheirAliases() {
        #expect(Language(named: "JS") == .javascript)
        #expect(Language(named: "sh") == .shell)
        #expect(Language(named: "yml") == .yaml)
        #expect(Language(named: "c++") == .cpp)
        #expect(Language(named: "brainfuck") == nil)
    }
}
