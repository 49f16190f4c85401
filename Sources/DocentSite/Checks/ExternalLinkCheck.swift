import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// External links (`http:`/`https:` in page bodies and `related_resources`), checked only when asked
/// (`docent check --external`): every distinct URL once, several at a time, each with a timeout, and successes
/// remembered in a cache file for a day so that the next run asks again only for what is new or was failing.
/// A URL that answers 404 or 410 is an error (`link.external-broken`); any other failure (a 5xx, a timeout, no
/// connection) is a warning (`link.external-unreachable`): the page may be right and the network wrong.
public struct ExternalLinkCheck: Sendable {
    public var root: URL
    /// Seconds to wait for one URL.
    public var timeout: Double
    /// How many URLs are asked at once.
    public var concurrency: Int
    /// Where successes are remembered (JSON: URL → time checked); nil for no cache.
    public var cacheFile: URL?
    /// How long a success stays in the cache, in seconds.
    public var cacheLifetime: Double = 86_400

    public init(root: URL, timeout: Double = 10, concurrency: Int = 16, cacheFile: URL? = nil) {
        self.root = root
        self.timeout = timeout
        self.concurrency = max(1, concurrency)
        self.cacheFile = cacheFile
    }

    /// The default cache: `$XDG_CACHE_HOME/docent/external-links.json` (else `~/.cache/…`).
    public static var defaultCacheFile: URL {
        let environment = ProcessInfo.processInfo.environment
        let base =
            environment["XDG_CACHE_HOME"].map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache")
        return base.appendingPathComponent("docent/external-links.json")
    }

    public func run(pages: [RenderedPage]) -> [Diagnostic] {
        // Every occurrence, by URL (without its fragment).
        var occurrences: [String: [(page: Int, destination: String, place: Place)]] = [:]
        for (index, rendered) in pages.enumerated() {
            for link in rendered.outline.links where Self.isExternal(link.destination) {
                occurrences[Self.withoutFragment(link.destination), default: []].append(
                    (index, link.destination, .body(line: link.position.line, column: link.position.column)))
            }
            for link in rendered.page.meta.relatedResources where Self.isExternal(link.url) {
                occurrences[Self.withoutFragment(link.url), default: []].append((index, link.url, .key(link.keyPath)))
            }
        }
        guard !occurrences.isEmpty else { return [] }
        var cache = loadCache()
        let now = Date().timeIntervalSince1970
        let toCheck = occurrences.keys.sorted().filter { url in cache[url].map { now - $0 > cacheLifetime } ?? true }
        let outcomes = check(toCheck)
        var diagnostics: [Diagnostic] = []
        for url in occurrences.keys.sorted() {
            guard let outcome = outcomes[url] else { continue }
            if case .ok = outcome {
                cache[url] = now
                continue
            }
            for occurrence in occurrences[url] ?? [] {
                let page = pages[occurrence.page].page
                var source = PageSource(page: page, root: root, origins: pages[occurrence.page].bodyOrigins)
                let location: SourceLocation
                switch occurrence.place {
                case .body(let line, let column):
                    location = source.locate(occurrence.destination, bodyLine: line, column: column)
                case .key(let keyPath): location = source.locate(occurrence.destination, inFrontMatterFrom: keyPath)
                }
                diagnostics.append(outcome.diagnostic(for: occurrence.destination, at: location))
            }
        }
        saveCache(cache)
        return diagnostics
    }

    // MARK: - Outcomes

    enum Place { case body(line: Int, column: Int), key(String) }

    enum Outcome: Sendable, Equatable {
        case ok
        case status(Int)
        case failed(String)

        func diagnostic(for destination: String, at location: SourceLocation) -> Diagnostic {
            switch self {
            case .ok:
                return .warning("link.external-unreachable", "", at: location)
            case .status(let code) where code == 404 || code == 410:
                return .error(
                    "link.external-broken", "external link `\(destination)` is broken: HTTP \(code)", at: location,
                    fixIt: "update or remove the link")
            case .status(let code):
                return .warning(
                    "link.external-unreachable", "external link `\(destination)` answered HTTP \(code)", at: location)
            case .failed(let reason):
                return .warning(
                    "link.external-unreachable", "external link `\(destination)` could not be checked: \(reason)",
                    at: location)
            }
        }
    }

    /// Asks every URL, at most `concurrency` at a time: HEAD first, GET when the server refuses HEAD.
    func check(_ urls: [String]) -> [String: Outcome] {
        let results = Results()
        guard !urls.isEmpty else { return [:] }
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout * 2
        configuration.httpMaximumConnectionsPerHost = min(concurrency, 6)
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        let slots = DispatchSemaphore(value: concurrency)
        let group = DispatchGroup()
        let timeout = timeout
        for url in urls {
            guard let address = URL(string: url) else {
                results.set(url, .failed("not a valid URL"))
                continue
            }
            slots.wait()
            group.enter()
            Self.request(address, method: "HEAD", session: session, timeout: timeout) { outcome in
                let finish: @Sendable (Outcome) -> Void = { outcome in
                    results.set(url, outcome)
                    slots.signal()
                    group.leave()
                }
                if case .status(let code) = outcome, [403, 405, 501].contains(code) || code >= 500 {
                    Self.request(address, method: "GET", session: session, timeout: timeout, finish)
                } else {
                    finish(outcome)
                }
            }
        }
        group.wait()
        return results.all
    }

    private static func request(
        _ url: URL, method: String, session: URLSession, timeout: Double,
        _ completion: @escaping @Sendable (Outcome) -> Void
    ) {
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.httpMethod = method
        request.setValue("Docent link checker", forHTTPHeaderField: "User-Agent")
        session.dataTask(with: request) { _, response, error in
            if let status = (response as? HTTPURLResponse)?.statusCode {
                completion(status < 400 ? .ok : .status(status))
            } else {
                completion(.failed(error.map { ($0 as NSError).localizedDescription } ?? "no answer"))
            }
        }.resume()
    }

    // MARK: - Cache

    private func loadCache() -> [String: Double] {
        guard let cacheFile, let data = try? Data(contentsOf: cacheFile),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Double]
        else { return [:] }
        return object
    }

    private func saveCache(_ cache: [String: Double]) {
        guard let cacheFile,
            let data = try? JSONSerialization.data(withJSONObject: cache, options: [.sortedKeys])
        else { return }
        try? FileManager.default.createDirectory(
            at: cacheFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? data.write(to: cacheFile, options: .atomic)
    }

    static func isExternal(_ destination: String) -> Bool {
        destination.hasPrefix("http://") || destination.hasPrefix("https://")
    }

    static func withoutFragment(_ url: String) -> String {
        url.firstIndex(of: "#").map { String(url[..<$0]) } ?? url
    }
}

/// Outcomes written from URLSession's callbacks.
private final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var outcomes: [String: ExternalLinkCheck.Outcome] = [:]

    func set(_ url: String, _ outcome: ExternalLinkCheck.Outcome) { lock.withLock { outcomes[url] = outcome } }
    var all: [String: ExternalLinkCheck.Outcome] { lock.withLock { outcomes } }
}
