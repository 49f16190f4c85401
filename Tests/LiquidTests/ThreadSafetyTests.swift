import Foundation
import Liquid
import Testing

@Suite("Thread safety")
struct ThreadSafetyTests {
    @Test func oneTemplateRendersConcurrentlyWithDifferentVariables() async throws {
        var configuration = LiquidConfiguration()
        configuration.fileSystem = LiquidMemoryFileSystem(["row.html": "{{ include.n | times: 2 }},"])
        let engine = LiquidEngine(configuration)
        let template = try engine.parse(
            "{% for i in (1..20) %}{% include row.html n=i %}{% endfor %}{% increment c %}{{ id }}", file: "t")
        let expected = (1...20).map { "\($0 * 2)," }.joined()
        try await withThrowingTaskGroup(of: (Int, String).self) { group in
            for id in 0..<64 {
                group.addTask { (id, try engine.render(template, ["id": .int(id)])) }
            }
            for try await (id, output) in group {
                #expect(output == expected + "0\(id)")
            }
        }
    }

    @Test func partialCacheIsSafeUnderConcurrentFirstUse() async throws {
        var files: [String: String] = [:]
        for i in 0..<50 { files["p\(i).html"] = "<\(i)>" }
        var configuration = LiquidConfiguration()
        configuration.fileSystem = LiquidMemoryFileSystem(files)
        let engine = LiquidEngine(configuration)
        let template = try engine.parse("{% for i in (0..49) %}{% include p{{ i }}.html %}{% endfor %}", file: "t")
        let expected = (0..<50).map { "<\($0)>" }.joined()
        await withTaskGroup(of: String?.self) { group in
            for _ in 0..<16 { group.addTask { try? engine.render(template, [:]) } }
            for await output in group { #expect(output == expected) }
        }
    }
}
