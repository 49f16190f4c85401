import Liquid

/// The suite's file system (`liquid-spec docs filesystem`): names and keys are lowercased, `.liquid` is added when
/// missing, paths are looked up literally (no `..` normalisation), and a missing one is "Could not find asset".
struct SpecFileSystem: LiquidFileSystem {
    let files: [String: String]

    init(_ files: [String: String]) {
        var lowered: [String: String] = [:]
        for (name, text) in files { lowered[SpecFileSystem.key(name)] = text }
        self.files = lowered
    }

    static func key(_ name: String) -> String {
        let lowered = name.lowercased()
        return lowered.hasSuffix(".liquid") ? lowered : lowered + ".liquid"
    }

    func readPartial(_ name: String, kind: LiquidPartialKind) throws(LiquidError) -> LiquidSource {
        guard let text = files[SpecFileSystem.key(name)] else {
            throw LiquidError(id: "liquid.missing-partial", message: "Could not find asset \(name)")
        }
        return LiquidSource(text: text, file: name)
    }
}
