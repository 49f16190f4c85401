/// Pictures `docent screenshots` made for walkthrough steps: a warning when the step's screen (or the console's
/// CSS) changed since, so the picture no longer shows what the simulation does. Pictures Docent did not make are
/// left alone; a missing one is `image.missing`.
struct ScreenshotCheck: SiteCheck {
    let id = "walkthrough.stale-screenshot"

    func run(_ context: CheckContext) -> [Diagnostic] {
        let manifest = Screenshots.readManifest(root: context.root)
        guard !manifest.isEmpty else { return [] }
        let shots = Screenshots.plan(context.pages, root: context.root, config: context.model.config)
        var diagnostics: [Diagnostic] = []
        // A picture and its dark variant go stale together: one warning, at the picture.
        for shot in shots where !shot.dark {
            guard let recorded = manifest[shot.file], recorded != shot.fingerprint,
                let page = context.pages.first(where: { $0.page.sitePath == shot.page })?.page
            else { continue }
            var source = context.source(of: page)
            let location =
                source.locate(shot.source, near: page.bodyLineOffset + 1, in: 1...source.lines().count)
                ?? page.location(bodyLine: 1, column: 1)
            diagnostics.append(
                .warning(
                    id, "the picture \(shot.file) is older than the walkthrough step \(shot.stepID) it shows",
                    at: location, fixIt: "run `docent screenshots --stale`"))
        }
        return diagnostics
    }
}
