import Liquid
import Testing

final class PageDrop: LiquidDrop {
    let title: String
    init(title: String) { self.title = title }
    func liquidValue(forKey key: String) -> LiquidValue? {
        switch key {
        case "title": return .string(title)
        case "upper": return .string(title.uppercased())
        default: return nil
        }
    }
}

final class CountDrop: LiquidDrop {
    func liquidValue(forKey key: String) -> LiquidValue? { nil }
    var liquidArray: [LiquidValue]? { [1, 2, 3] }
    var liquidMaterialized: LiquidValue? { .int(3) }
}

@Suite("Drops")
struct DropTests {
    @Test func dropPropertiesAreComputedOnAccess() throws {
        #expect(
            try render("{{ page.title }} {{ page.upper }} [{{ page.none }}]", ["page": .drop(PageDrop(title: "Intro"))])
                == "Intro INTRO []")
    }

    @Test func dropsIterateAndMaterialise() throws {
        let variables: [String: LiquidValue] = ["d": .drop(CountDrop())]
        #expect(
            try render("{% for x in d %}{{ x }}{% endfor %} {{ d.size }} {{ d | plus: 1 }}", variables) == "123 3 4")
    }

    @Test func dropsCompareByIdentity() {
        let drop = PageDrop(title: "x")
        #expect(LiquidValue.drop(drop) == .drop(drop))
        #expect(LiquidValue.drop(drop) != .drop(PageDrop(title: "x")))
        #expect(LiquidValue.nil == nil)
    }
}
