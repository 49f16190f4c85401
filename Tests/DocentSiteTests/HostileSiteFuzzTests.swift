import DocentCommands
import DocentSite
import DocentTestSupport
import Foundation
import Testing

/// Whole-pipeline fuzzing: random sites mixing every hostile shape the safety suite knows (deep nesting, climbing and
/// odd permalinks, YAML aliases and duplicate keys, include loops, extreme Liquid numbers, unclosed and deeply nested
/// tabs, symlinks out of the site and into loops, control characters) go through the real `docent build` into a real
/// folder and through `docent check`. Whatever the mix: the build returns within the bound, nothing is written outside
/// the output folder, nothing from outside the site is published or printed, every diagnostic is a catalogued one, and
/// what fails the build fails the check. `make test` runs fixed seeds; `make fuzz` runs random seeds for a while
/// (`DOCENT_SITE_FUZZ_SECONDS`) and prints the seed of any failure, which then becomes a fixed case here.
@Suite struct HostileSiteFuzzTests {
    @Test(arguments: Array(UInt64(1)...12))
    func aRandomHostileSiteNeverEscapesCrashesOrHangs(seed: UInt64) throws {
        try Self.run(seed: seed)
    }

    @Test func randomSeedsForAsLongAsAsked() throws {
        guard let text = ProcessInfo.processInfo.environment["DOCENT_SITE_FUZZ_SECONDS"], let seconds = Int(text)
        else { return }
        let end = ContinuousClock.now + .seconds(seconds)
        var runs = 0
        var seeds = SystemRandomNumberGenerator()
        while ContinuousClock.now < end {
            let seed = seeds.next() % 1_000_000_000
            print("site fuzz seed \(seed)")
            try Self.run(seed: seed)
            runs += 1
        }
        print("site fuzz: \(runs) random sites, no failure")
    }

    static func run(seed: UInt64) throws {
        let secret = try Secret()
        defer { secret.remove() }
        let sandbox = FileManager.default.temporaryDirectory.appendingPathComponent("docent-fuzz-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: sandbox) }
        let siteFolder = sandbox.appendingPathComponent("site")
        let output = sandbox.appendingPathComponent("out")
        var random = SeededRandom(seed: seed)
        var generator = HostileSiteGenerator(random: &random, secret: secret.folder)
        let site = generator.write(to: siteFolder)
        let before = try Self.files(under: sandbox)

        let start = ContinuousClock.now
        let buildStatus = DocentCommand.runMain([
            "build", "--source", siteFolder.path, "--output", output.path, "--quiet",
        ])
        #expect(ContinuousClock.now - start < HostileSiteTests.timeLimit, "seed \(seed): build took too long")

        // Nothing new anywhere but the output folder and the build cache beside the config (the staging folder is
        // gone too).
        let cache = "site/" + CheckCache.folderName
        let after = try Self.files(under: sandbox).filter {
            !$0.hasPrefix("out/") && $0 != "out" && $0 != cache && !$0.hasPrefix(cache + "/")
        }
        #expect(after == before, "seed \(seed): files appeared outside the output: \(after.subtracting(before))")
        #expect(
            !FileManager.default.fileExists(
                atPath: sandbox.deletingLastPathComponent().appendingPathComponent(site.escapeName).path))
        // Neither the output nor the cache (which keeps the pages' output) holds the secret.
        let written =
            try Self.files(under: output).map { output.appendingPathComponent($0) }
            + Self.files(under: sandbox.appendingPathComponent(cache)).map {
                sandbox.appendingPathComponent(cache).appendingPathComponent($0)
            }
        for file in written {
            let data = FileManager.default.contents(atPath: file.path) ?? Data()
            #expect(
                !String(decoding: data, as: UTF8.self).contains(Secret.text),
                "seed \(seed): \(file) publishes the secret")
        }

        var options = BuildOptions(source: siteFolder)
        options.runChecks = true
        let checkStart = ContinuousClock.now
        let checked = SiteBuilder(options: options).build(into: NullOutput())
        #expect(ContinuousClock.now - checkStart < HostileSiteTests.timeLimit, "seed \(seed): check took too long")
        if buildStatus != 0 { #expect(!checked.succeeded, "seed \(seed): build failed, check passed") }
        for diagnostic in checked.diagnostics {
            #expect(DiagnosticCatalog.kind(diagnostic.id) != nil, "seed \(seed): uncatalogued \(diagnostic.id)")
        }
        let printed = DiagnosticFormatter(format: .text, sourceLine: SourceLines(root: siteFolder).line).format(
            checked.diagnostics)
        #expect(!printed.contains(Secret.text), "seed \(seed): a diagnostic prints the secret")
    }

    /// Every file and folder under `folder`, relative, without following links.
    static func files(under folder: URL) throws -> Set<String> {
        guard FileManager.default.fileExists(atPath: folder.path) else { return [] }
        var found = Set<String>()
        var pending = [""]
        while let relative = pending.popLast() {
            let url = relative.isEmpty ? folder : folder.appendingPathComponent(relative)
            for name in try FileManager.default.contentsOfDirectory(atPath: url.path) {
                let path = relative.isEmpty ? name : relative + "/" + name
                found.insert(path)
                var isFolder: ObjCBool = false
                let attributes = try FileManager.default.attributesOfItem(atPath: url.appendingPathComponent(name).path)
                if attributes[.type] as? FileAttributeType == .typeDirectory,
                    FileManager.default.fileExists(
                        atPath: url.appendingPathComponent(name).path, isDirectory: &isFolder)
                {
                    pending.append(path)
                }
            }
        }
        return found
    }
}

/// Writes one random hostile Docent site. Each piece comes from a list of shapes that once crashed, hung, escaped
/// or leaked somewhere, mixed with ordinary text so that the pipeline gets deep into every stage.
struct HostileSiteGenerator {
    var random: SeededRandom
    let secret: URL
    /// A name a climbing permalink aims at beside the sandbox; the run checks it never appears.
    let escapeName = "docent-fuzz-escape-\(UUID().uuidString)"

    init(random: inout SeededRandom, secret: URL) {
        self.random = random
        self.secret = secret
    }

    mutating func write(to root: URL) -> HostileSiteGenerator {
        var files: [String: String] = [
            "docent.yml": pick(["title: Fuzz\n", "title: Fuzz\nbaseurl: /docs\n", config()]),
            "templates/layouts/default.html": "<title>{{ page.title }}</title>\n<main>{{ content }}</main>\n",
        ]
        for index in 0..<(1 + random.next(upTo: 3)) {
            files["templates/includes/i\(index).html"] = include()
        }
        for index in 0..<(2 + random.next(upTo: 5)) {
            let name = random.chance(20) ? "p \(index)\u{7}.md" : "p\(index).md"
            files["content/\(random.chance(30) ? "sub/" : "")\(name)"] = page(index)
        }
        if random.chance(40) { files["content/_data/d.yml"] = yaml() }
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try? FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? Data(text.utf8).write(to: url)
        }
        for _ in 0..<random.next(upTo: 3) { link(in: root) }
        return self
    }

    private mutating func pick(_ items: [String]) -> String { random.pick(items) }

    private mutating func config() -> String {
        "title: Fuzz\n" + pick(["permalink: /../\(escapeName)/:path/\n", "exclude: [\"../\"]\n", yaml()])
    }

    private mutating func page(_ index: Int) -> String {
        var front = "title: Page \(index)\n"
        if random.chance(50) { front += "permalink: \(permalink())\n" }
        if random.chance(15) { front += yaml() }
        if random.chance(10) { front += "title: again\n" }
        var body = ""
        for _ in 0..<(1 + random.next(upTo: 6)) { body += block() + "\n\n" }
        return "---\n\(front)---\n\(body)"
    }

    private mutating func permalink() -> String {
        pick([
            "/../../\(escapeName)/owned.html", "/a/../../../\(escapeName)/x", "\"/a\\0b/\"", "/.docent-site",
            "//evil.example/x/", "/%2e%2e/%2e%2e/\(escapeName)/", "\"\\\\..\\\\..\\\\x\"",
            "/" + String(repeating: "a/", count: 300),
            "/ok/:title/", "/\u{1b}[2J/", "\"/../\"", "/./././", "",
        ])
    }

    private mutating func yaml() -> String {
        pick([
            "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n",
            "deep: " + String(repeating: "[", count: 5_000) + "\n",
            "nest:\n" + (1...300).map { String(repeating: "  ", count: $0) + "k\($0):\n" }.joined(),
            "tabbed:\n\tx: 1\n", "quoted: \"never closed\nnext: 1\n", "dup: 1\ndup: 2\n", "num: 1e999999\n",
            "self: &s { a: *s }\n", "layout: ../../../\(escapeName)\n", "layout: default\n",
        ])
    }

    private mutating func block() -> String {
        let depth = random.next(upTo: 3) == 0 ? 1 + random.next(upTo: 12_000) : random.next(upTo: 8)
        switch random.next(upTo: 9) {
        case 0: return String(repeating: "> ", count: depth) + "quote"
        case 1: return String(repeating: "- ", count: depth) + "item"
        case 2: return String(repeating: "> - ", count: depth / 2) + "mixed"
        case 3:
            let columns = 1 + random.next(upTo: random.chance(20) ? 25_000 : 20)
            let row = "|" + String(repeating: " x |", count: columns)
            return row + "\n|" + String(repeating: "---|", count: columns) + "\n" + row
        case 4: return String(repeating: "{:.info}\n> x\n\n", count: 1 + random.next(upTo: 2_000))
        case 5:
            return pick([
                "{{ 1 | round: -9223372036854775807 }}", "{{ 1 | round: -2147483648 }}",
                "{{ 'x' | truncate: -9223372036854775808 }}",
                "{{ 'x' | slice: 9223372036854775807, 9223372036854775807 }}",
                "{{ 9223372036854775807 | times: 9223372036854775807 }}",
                "{% for i in (1..9223372036854775807) %}x{% endfor %}", "{% include i0.html %}",
                "{% include ../../../etc/passwd %}", "{% include {{ page.title }} %}",
                String(repeating: "{% if true %}", count: depth) + "x",
                "{{ site.data.d.f | size }}", "{{ page.a | jsonify }}",
                String(repeating: "{% tabs %}\n{% tab \"t\" %}\n    ", count: depth) + "x",
                "{% tab '\"<b>' %}{% endtabs %}{% endtab %}{% tabs group=page.title %}",
            ])
        case 6:
            return pick([
                "[x](p0.md)", "[x](my%20page.md)", "[x](../../../etc/passwd)", "![i](/../../secret.png)",
                "[x](p1.md#nope)", "<a href=\"javascript:alert(1)\">x</a>", "[x](%00.md)",
            ])
        case 7: return "text with \u{1b}[31mescapes\u{1b}[0m and \u{7}" + (random.chance(10) ? " and \u{0}" : "")
        default: return "Plain paragraph \(random.next(upTo: 1000))."
        }
    }

    private mutating func include() -> String {
        pick([
            "I {% include i0.html %}", "I {% include i1.html %}", "{% include i2.html %}{% include i0.html %}",
            "{{ include.x }}", "{% if include.n %}{% include i0.html n=false %}{% endif %}", "plain",
        ])
    }

    /// A link out of the site, into a loop, or to a special place.
    private mutating func link(in root: URL) {
        let (path, target): (String, String) = random.pick([
            ("content/out", secret.path), ("content/self", "."), ("content/up", ".."),
            ("templates/layouts/leak.html", secret.appendingPathComponent("secret.txt").path),
            ("content/_data/leak.yml", secret.appendingPathComponent("ok.yml").path),
            ("templates/includes/i0.html", secret.appendingPathComponent("secret.txt").path),
            ("content/leak.md", secret.appendingPathComponent("index.md").path), ("assets", secret.path),
            ("content/loop-a", "loop-b"), ("content/loop-b", "loop-a"), ("content/dev", "/dev/zero"),
        ])
        let url = root.appendingPathComponent(path)
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? FileManager.default.removeItem(at: url)
        try? FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: target)
    }
}
