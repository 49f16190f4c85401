import DocentMarkdown

/// The simulation's browser runtime in a site: what a walkthrough page's head loads (`page.walkthrough_head`),
/// and the files the build writes so a site never has to vendor them (the site's own file at a path wins).
enum SimulationRuntime {
    /// `<link>` and `<script>` tags for the runtime's stylesheets and scripts, for a layout's head. Without a
    /// precomputed documented path (`preloadModule`), the WebAssembly module is preloaded, so it downloads beside
    /// the page instead of after the script has run (the script's `fetch` then takes it from the preload: same URL,
    /// CORS mode, same-origin credentials). With one, the console draws and follows the guide without the wasm,
    /// and the script fetches the wasm once the first screen is drawn: on a slow network a preload would share the
    /// bandwidth with the script and styles the first screen waits for.
    static func headTags(_ simulation: any WalkthroughSimulation, baseURL: String, preloadModule: Bool = true)
        -> String
    {
        var out = ""
        for file in simulation.runtimeFiles {
            let href = HTMLEscaping.escape(baseURL + "/" + file.path)
            switch file.kind {
            case .stylesheet: out += "<link rel=\"stylesheet\" href=\"\(href)\">\n"
            case .script: out += "<script src=\"\(href)\" defer></script>\n"
            case .module:
                guard preloadModule else { continue }
                out += "<link rel=\"preload\" href=\"\(href)\" as=\"fetch\" type=\"application/wasm\" crossorigin>\n"
            }
        }
        return out
    }

    /// The runtime files to write when a page of the site has a walkthrough, by output path; an error when one
    /// cannot be found: the walkthrough cannot load (`check` fails; `build` warns, and readers get the static
    /// screens).
    static func files(
        _ simulation: (any WalkthroughSimulation)?, pagesHaveWalkthroughs: Bool, taken: Set<String>
    ) -> ([String: [UInt8]], [Diagnostic]) {
        guard let simulation, pagesHaveWalkthroughs else { return ([:], []) }
        var files: [String: [UInt8]] = [:]
        var diagnostics: [Diagnostic] = []
        for file in simulation.runtimeFiles where !taken.contains(file.path) {
            guard let bytes = file.bytes else {
                diagnostics.append(
                    .error(
                        "walkthrough.runtime-missing",
                        "\(file.path) is not available to this docent: readers see the walkthroughs' static screens",
                        note: "build the console with `make wasm` (or `make release`, which puts it beside the binary),"
                            + " or set DOCENT_CONSOLE_WASM"))
                continue
            }
            files[file.path] = bytes
        }
        return (files, diagnostics)
    }
}
