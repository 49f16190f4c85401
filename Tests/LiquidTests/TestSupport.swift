import Liquid

/// Renders `source` with a fresh engine.
func render(
    _ source: String, _ variables: [String: LiquidValue] = [:],
    configure: (inout LiquidConfiguration) -> Void = { _ in }
) throws(LiquidError) -> String {
    var configuration = LiquidConfiguration()
    configure(&configuration)
    let engine = LiquidEngine(configuration)
    return try engine.render(try engine.parse(source, file: "test.html"), variables)
}
