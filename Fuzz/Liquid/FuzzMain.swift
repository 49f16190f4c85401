// libFuzzer entry point for the Liquid lexer, parser and renderer. Compiled into the same module as the Liquid
// sources by fuzz.sh; every input is parsed, and rendered when it parses, under tight limits.
// A crash must never happen: errors are values. Crashes found become tests in Tests/LiquidTests/FuzzRegressionTests.swift.

let fuzzEngine = makeFuzzEngine(.strict)
/// The lax parser (Jekyll's default error mode) reads what the strict one rejects: every input goes through both.
let laxFuzzEngine = makeFuzzEngine(.lax)

func makeFuzzEngine(_ errorMode: LiquidErrorMode) -> LiquidEngine {
    var configuration = LiquidConfiguration()
    configuration.errorMode = errorMode
    configuration.strictFilters = false
    configuration.maxLoopIterations = 20_000
    configuration.maxOutputBytes = 1 << 20
    configuration.maxIncludeDepth = 20
    configuration.fileSystem = LiquidMemoryFileSystem([
        "a.html": "{{ include.x }}{% include a.html x=1 %}",
        "b.liquid": "{{ b }}{% render 'b' %}",
        "c.html": "{% for i in (1..3) %}{{ i | plus: c }}{% endfor %}",
    ])
    configuration.registerBlockTag("note") { $0.body }
    configuration.registerTag("badge") { $0.markup }
    return LiquidEngine(configuration)
}

let fuzzVariables: [String: LiquidValue] = [
    "page": ["title": "T", "tags": ["a", "b"], "n": 3, "f": 1.5, "nested": ["k": [1, 2, ["x": .nil]]]],
    "site": ["pages": [["title": "A", "n": 1], ["title": "B", "n": 2]]],
    "s": "hello world", "n": 7, "e": "", "z": 0,
]

@_cdecl("LLVMFuzzerTestOneInput")
public func liquidFuzzTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    for engine in [fuzzEngine, laxFuzzEngine] {
        if let template = try? engine.parse(text, file: "fuzz") {
            _ = try? engine.render(template, fuzzVariables)
        }
    }
    return 0
}
