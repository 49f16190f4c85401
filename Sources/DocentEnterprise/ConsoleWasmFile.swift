import Foundation

/// The console's WebAssembly build (`ConsoleWasm.wasm`, made by scripts/wasm/build.sh with Embedded Swift), read
/// once: from `DOCENT_CONSOLE_WASM` when set, else from beside the running `docent` binary.
enum ConsoleWasmFile {
    static let bytes: [UInt8]? = {
        let environment = ProcessInfo.processInfo.environment
        var candidates: [String] = []
        if let path = environment["DOCENT_CONSOLE_WASM"], !path.isEmpty { candidates.append(path) }
        if let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            candidates.append((executable as NSString).deletingLastPathComponent + "/ConsoleWasm.wasm")
        }
        for path in candidates {
            // A wasm module starts with "\0asm".
            if let data = FileManager.default.contents(atPath: path), data.starts(with: [0, 0x61, 0x73, 0x6D]) {
                return [UInt8](data)
            }
        }
        return nil
    }()
}
