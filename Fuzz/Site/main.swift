// libFuzzer target for the parts of a page Docent parses before Liquid: front-matter splitting, kramdown
// attribute lists and the cmark-gfm conversion with the attribute-list pass. Built and run by run.sh.
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
    return 0
}
