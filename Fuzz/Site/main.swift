import Highlight

// libFuzzer target for the parts of a page Docent parses before Liquid: front-matter splitting, kramdown
// attribute lists and the cmark-gfm conversion with the attribute-list pass; and the highlighter's lexers, each
// given the input as a code block with marked lines and line numbers. Built and run by run.sh.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    if case .success(let split) = FrontMatterSplit.split(text) {
        precondition(split.bodyLineOffset >= 0)
        _ = Markdown.html(split.body)
    }
    _ = AttributeList.parse(text)
    let document = Markdown.parse(text)
    _ = Outline(document)
    for language in Language.allCases {
        let info = CodeBlockInfo(parsing: language.rawValue + " {1,3-5} showLineNumbers")
        precondition(RougeMarkup.fencedBlockContent(text, info: info) != nil)
    }
    return 0
}
