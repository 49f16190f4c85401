import ArgumentParser
import DocentSite
import Foundation

struct ScreenshotsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "screenshots", abstract: "Make the pictures walkthrough guides show, from the simulation.",
        discussion: """
            For every picture inside or right after a walkthrough step, replays the steps in the simulation, \
            renders the step's screen with the site's CSS and saves it with headless Chromium at the path the guide \
            references: the console's box at \(Screenshots.width) CSS pixels wide, cropped to its height, at device \
            scale factor \(Screenshots.scale), and a dark variant (`-dark` before the extension) that pages show \
            with `prefers-color-scheme: dark`. Fingerprints go to \
            \(Screenshots.manifestName) at the site root, so `docent check` warns when a picture is stale. A file \
            Docent did not make is never overwritten unless --force is given.
            """
    )

    @OptionGroup var site: SiteOptions

    @Option(
        name: .long,
        help: ArgumentHelp("The Chromium binary (default: $DOCENT_CHROMIUM, else chromium on PATH).", valueName: "path")
    )
    var chromium: String?

    @Flag(name: .long, help: "Only remake pictures that are missing or stale.")
    var stale = false

    @Flag(name: .long, help: "Overwrite image files Docent did not make.")
    var force = false

    func run() throws {
        let root = site.sourceURL.standardizedFileURL
        let result = SiteBuilder(options: site.buildOptions()).build(into: NullOutput())
        let problems = result.diagnostics.filter { $0.severity == .error }
        if !problems.isEmpty {
            printDiagnostics(problems, format: .text, root: root)
            throw SiteProblems()
        }
        let shots = Screenshots.plan(result.pages, root: root, config: result.config)
        var manifest = Screenshots.readManifest(root: root)
        let todo = shots.filter { shot in
            !stale || manifest[shot.file] != shot.fingerprint
                || !FileManager.default.fileExists(atPath: root.appendingPathComponent(shot.file).path)
        }
        let foreign = todo.filter { shot in
            manifest[shot.file] == nil
                && FileManager.default.fileExists(atPath: root.appendingPathComponent(shot.file).path)
        }
        if !foreign.isEmpty && !force {
            for shot in foreign {
                FileHandle.standardError.write(
                    Data("error: \(shot.file) exists and Docent did not make it; use --force to replace it\n".utf8))
            }
            throw SiteProblems()
        }
        guard !todo.isEmpty else {
            print("All \(shots.count) pictures are up to date.")
            return
        }
        let browser = try HeadlessChromium(path: chromium)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
            "docent-screenshots-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        for (index, shot) in todo.enumerated() {
            let page = scratch.appendingPathComponent("shot-\(index).html")
            try Data(shot.html.utf8).write(to: page)
            let target = root.appendingPathComponent(shot.file)
            try FileManager.default.createDirectory(
                at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            let picture = scratch.appendingPathComponent("shot-\(index)." + target.pathExtension.lowercased())
            let height = min(try browser.height(of: page, width: Screenshots.width), Screenshots.height)
            try browser.screenshot(
                of: page, to: picture, width: Screenshots.width, height: height, scale: Screenshots.scale,
                dark: shot.dark)
            // Replace the file in one step (a rename beside it): nobody ever sees half a picture.
            let staged = target.deletingLastPathComponent().appendingPathComponent(
                ".\(target.lastPathComponent).docent-tmp")
            try? FileManager.default.removeItem(at: staged)
            try FileManager.default.copyItem(at: picture, to: staged)
            guard rename(staged.path, target.path) == 0 else {
                try? FileManager.default.removeItem(at: staged)
                throw ValidationError("cannot replace \(shot.file): \(String(cString: strerror(errno)))")
            }
            manifest[shot.file] = shot.fingerprint
            try Screenshots.writeManifest(manifest, root: root)
            print("wrote \(shot.file) (\(shot.page), step \(shot.stepID))")
        }
    }
}

/// Chromium in headless mode, photographing a local HTML file at a fixed window size (the format follows the
/// output's extension: .jpg, .png or .webp).
struct HeadlessChromium {
    let executable: String

    init(path: String?) throws {
        let candidates =
            [path, ProcessInfo.processInfo.environment["DOCENT_CHROMIUM"]].compactMap { $0 }
            + ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw ValidationError(
                "no Chromium found (tried \(candidates.joined(separator: ", "))); install Debian's `chromium` or pass --chromium"
            )
        }
        executable = found
    }

    /// A picture of the page's top `width`×`height` CSS pixels at `scale` device pixels each, in the dark scheme
    /// when `dark`.
    func screenshot(of page: URL, to output: URL, width: Int, height: Int, scale: Int, dark: Bool) throws {
        var arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--force-device-scale-factor=\(scale)",
            "--default-background-color=ffffffff", "--window-size=\(width),\(height)",
            "--screenshot=\(output.path)", page.absoluteString,
        ]
        if dark { arguments.insert("--force-dark-mode", at: 1) }
        _ = try run(arguments, page: page, capture: false)
        guard FileManager.default.fileExists(atPath: output.path) else {
            throw ValidationError("Chromium wrote no picture of \(page.lastPathComponent)")
        }
    }

    /// The height in CSS pixels the page reports for its console's box at `width` (`data-docent-height` on the
    /// body, written by the page's script; read from the DOM Chromium dumps).
    func height(of page: URL, width: Int) throws -> Int {
        let dom = try run(
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=\(width),2000",
                "--dump-dom", page.absoluteString,
            ], page: page, capture: true)
        guard let start = dom.range(of: "data-docent-height=\""),
            let end = dom[start.upperBound...].firstIndex(of: "\""),
            let height = Int(dom[start.upperBound..<end]), height > 0
        else {
            throw ValidationError("Chromium did not report the console's height on \(page.lastPathComponent)")
        }
        return height
    }

    private func run(_ arguments: [String], page: URL, capture: Bool) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("docent-dom-\(UUID().uuidString)")
        if capture {
            FileManager.default.createFile(atPath: output.path, contents: nil)
            process.standardOutput = try FileHandle(forWritingTo: output)
        } else {
            process.standardOutput = FileHandle.nullDevice
        }
        process.standardError = FileHandle.nullDevice
        defer { try? FileManager.default.removeItem(at: output) }
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            process.terminate()
            throw ValidationError("Chromium did not finish with \(page.lastPathComponent) in 60 s")
        }
        guard process.terminationStatus == 0 else {
            throw ValidationError("Chromium failed (status \(process.terminationStatus)) on \(page.lastPathComponent)")
        }
        guard capture, let data = FileManager.default.contents(atPath: output.path) else { return "" }
        return String(decoding: data, as: UTF8.self)
    }
}
