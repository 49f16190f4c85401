import DocentMarkdown

/// The simulation's browser runtime in a site: what a walkthrough page's head loads (`page.walkthrough_head`),
/// and the files the build writes so a site never has to vendor them (the site's own file at a path wins).
enum SimulationRuntime {
    /// `<link>` and `<script>` tags for the runtime's stylesheets and scripts, for a layout's head; the
    /// WebAssembly module is preloaded, so it downloads beside the page instead of after the script has run (the
    /// script's `fetch` then takes it from the preload: same URL, CORS mode, same-origin credentials). With a
    /// precomputed documented path (`moduleFirst` false) the console draws and follows the guide without it, so
    /// it is preloaded with low priority: on a slow network the script and styles the first screen waits for come
    /// first (measured on Fast 3G with 4× CPU slowdown: ready at 1.65 s, live at 2.4 s with these tags before the
    /// site's own scripts; a preload of normal priority makes it ready only at 2.1 s). `InlineHead` then writes the
    /// script and stylesheets into the page itself.
    static func headTags(_ simulation: any WalkthroughSimulation, baseURL: String, moduleFirst: Bool = true)
        -> String
    {
        var out = ""
        for file in simulation.runtimeFiles {
            let href = HTMLEscaping.escape(baseURL + "/" + file.path)
            switch file.kind {
            case .stylesheet: out += "<link rel=\"stylesheet\" href=\"\(href)\">\n"
            case .script: out += "<script src=\"\(href)\" defer></script>\n"
            case .module:
                // Low priority when the console starts without it: it takes a share of the bandwidth only.
                let priority = moduleFirst ? "" : " fetchpriority=\"low\""
                out +=
                    "<link rel=\"preload\" href=\"\(href)\" as=\"fetch\" type=\"application/wasm\" crossorigin\(priority)>\n"
            }
        }
        return out
    }

    /// The runtime files to write for a site whose pages have a walkthrough, by output path, none over `taken`; an
    /// error when one cannot be found: the walkthrough cannot load (`check` fails; `build` warns, and readers get the
    /// static screens).
    static func files(_ simulation: any WalkthroughSimulation, taken: Set<String>) -> ([String: [UInt8]], [Diagnostic])
    {
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
