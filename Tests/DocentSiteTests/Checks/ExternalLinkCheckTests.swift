import DocentSite
import DocentTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite struct ExternalLinkCheckTests {
    @Test func deadLinksAreErrorsUnreachableOnesWarningsAndAnswersAreCached() throws {
        let server = try LocalHTTPServer(statuses: ["/ok": 200, "/gone": 404, "/broken": 500, "/no-head": 200]).start()
        defer { server.stop() }
        let base = "http://127.0.0.1:\(server.port)"
        let site = try SiteFixture(
            SiteFixture.basics.merging([
                "content/a.md": """
                ---
                title: A
                related_resources:
                  - text: Gone
                    url: \(base)/gone
                ---
                [ok](\(base)/ok) [ok again](\(base)/ok#part)
                [gone](\(base)/gone)
                [slow](\(base)/slow) [down](\(base)/broken) [refused](http://127.0.0.1:1/x)
                """
            ]) { $1 })
        defer { site.remove() }
        let result = site.build().result
        #expect(result.diagnostics.isEmpty, "\(result.messages)")
        let cache = site.root.appendingPathComponent("cache.json")
        // The timeout leaves room for a loaded machine (CI runs the suites in parallel): `/slow` answers after 8 s.
        let check = ExternalLinkCheck(root: site.root, timeout: 3, cacheFile: cache)
        let problems = check.run(pages: result.pages).sortedForDisplay
        #expect(
            problems.map { "\($0.location!.line):\($0.location!.column) \($0.id) \($0.severity)" } == [
                "5:10 link.external-broken error", "8:8 link.external-broken error",
                "9:8 link.external-unreachable warning", "9:\(base.count + 22) link.external-unreachable warning",
                "9:\(2 * base.count + 41) link.external-unreachable warning",
            ])
        #expect(problems[1].message == "external link `\(base)/gone` is broken: HTTP 404")
        #expect(server.requests.filter { $0.hasSuffix(" /ok") }.count == 1)
        // The second run asks only for what failed: `/ok` answered and is cached.
        _ = check.run(pages: result.pages)
        #expect(server.requests.filter { $0.hasSuffix(" /ok") }.count == 1)
        #expect(server.requests.filter { $0.hasSuffix(" /gone") }.count == 2)
    }
}

/// A tiny HTTP/1.1 server on 127.0.0.1 answering each path with a fixed status (404 for others, `/slow` never
/// answers in time); it records "METHOD /path" of every request.
final class LocalHTTPServer: @unchecked Sendable {
    let port: UInt16
    private let socketFD: Int32
    private let statuses: [String: Int]
    private let lock = NSLock()
    private var log: [String] = []

    var requests: [String] { lock.withLock { log } }

    init(statuses: [String: Int]) throws {
        self.statuses = statuses
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        socketFD = fd
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(fd, generic, length) == 0 && listen(fd, 64) == 0 && getsockname(fd, generic, &length) == 0
            }
        }
        guard bound else { throw POSIXError(.EADDRINUSE) }
        port = UInt16(bigEndian: address.sin_port)
    }

    /// Starts answering in the background.
    func start() -> Self {
        Thread { [self] in acceptLoop() }.start()
        return self
    }

    func stop() {
        shutdown(socketFD, Int32(SHUT_RDWR))
        close(socketFD)
    }

    private func acceptLoop() {
        while true {
            let client = accept(socketFD, nil, nil)
            if client < 0 { return }
            // A thread per connection: the dispatch pool has a thread per core, and `/slow` holding one of them
            // made the others wait past the check's timeout on a loaded machine.
            Thread { self.answer(client) }.start()
        }
    }

    private func answer(_ client: Int32) {
        defer { close(client) }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !received.suffix(4).elementsEqual([13, 10, 13, 10]) {
            let count = read(client, &buffer, buffer.count)
            if count <= 0 { return }
            received += buffer[0..<count]
        }
        let requestLine = String(decoding: received.prefix { $0 != 13 }, as: UTF8.self).split(separator: " ")
        guard requestLine.count >= 2 else { return }
        let method = String(requestLine[0])
        let path = String(requestLine[1])
        lock.withLock { log.append("\(method) \(path)") }
        if path == "/slow" {
            Thread.sleep(forTimeInterval: 8)
            return
        }
        var status = statuses[path] ?? 404
        if path == "/no-head" && method == "HEAD" { status = 405 }
        let response = "HTTP/1.1 \(status) Status\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        _ = response.withCString { write(client, $0, strlen($0)) }
    }
}
