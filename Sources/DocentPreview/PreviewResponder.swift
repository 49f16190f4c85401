import DocentSite
import Hummingbird

/// Answers every request of the preview server from the in-memory site: pretty URLs, content types, the site's
/// own 404 page, the live-reload script and error overlay injected into HTML, and the live-reload event stream.
public struct PreviewResponder: HTTPResponder {
    public typealias Context = BasicRequestContext

    let site: PreviewSite
    let allowedHosts: AllowedHosts
    private let gzipCache = GzipCache()

    public init(site: PreviewSite, allowedHosts: AllowedHosts = AllowedHosts(boundTo: "127.0.0.1")) {
        self.site = site
        self.allowedHosts = allowedHosts
    }

    public func respond(to request: Request, context: Context) async throws -> Response {
        guard allowedHosts.allows(request.head.authority) else {
            return Self.text(.forbidden, "Forbidden: this server answers only its own address\n")
        }
        guard request.method == .get || request.method == .head else {
            var headers = HTTPFields()
            headers[.allow] = "GET, HEAD"
            return Self.text(.methodNotAllowed, "Method not allowed\n", headers: headers)
        }
        let target = request.head.path ?? "/"
        let gzip = Gzip.isAccepted(request.headers[.acceptEncoding])
        if target == LiveReloadHub.eventsPath || target.hasPrefix(LiveReloadHub.eventsPath + "?") {
            return events()
        }
        let store = site.store
        switch RequestPath.resolve(target, baseURL: store.siteBaseURL) {
        case .forbidden:
            return Self.text(.forbidden, "Forbidden: this path leads outside the site\n")
        case .redirect(let location):
            return Self.redirect(location)
        case .notFound:
            return notFound(head: request.method == .head, gzip: gzip)
        case .file(let path):
            if let bytes = store.file(path) {
                return serve(bytes, path: path, status: .ok, head: request.method == .head, gzip: gzip)
            }
            // Pretty URLs: /guide → /guide/ when guide/index.html exists; /guide → guide.html.
            if !path.hasSuffix("index.html") || !target.hasSuffix("/") {
                if store.file(path + "/index.html") != nil {
                    let pathOnly = target.split(separator: "?", maxSplits: 1).first.map(String.init) ?? target
                    // One leading slash: "//host" would be a protocol-relative URL, another site.
                    return Self.redirect("/" + pathOnly.drop { $0 == "/" } + "/")
                }
                if store.file(path + ".html") != nil, let bytes = store.file(path + ".html") {
                    return serve(bytes, path: path + ".html", status: .ok, head: request.method == .head, gzip: gzip)
                }
            }
            return notFound(head: request.method == .head, gzip: gzip)
        }
    }

    // MARK: - Responses

    private func serve(_ bytes: [UInt8], path: String, status: HTTPResponse.Status, head: Bool, gzip: Bool)
        -> Response
    {
        var headers = HTTPFields()
        let contentType = ContentTypes.forPath(path)
        headers[.contentType] = contentType
        headers[.cacheControl] = "no-store"
        headers[.init("X-Content-Type-Options")!] = "nosniff"
        var body = bytes
        if ContentTypes.isHTML(path) { body = Self.inject(into: bytes, overlay: site.store.overlayHTML) }
        if Gzip.isCompressible(contentType) {
            headers[.vary] = "Accept-Encoding"
            if gzip, body.count >= 1024, let compressed = gzipCache.gzip(body, path: path) {
                body = compressed
                headers[.contentEncoding] = "gzip"
            }
        }
        headers[.contentLength] = String(body.count)
        if head { return Response(status: status, headers: headers, body: ResponseBody()) }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    private func notFound(head: Bool, gzip: Bool) -> Response {
        if let page = site.store.file("404.html") {
            return serve(page, path: "404.html", status: .notFound, head: head, gzip: gzip)
        }
        let page = Array(
            "<!doctype html><html><head><meta charset=\"utf-8\"><title>Not found</title></head><body><h1>Not found</h1><p>This page is not part of the site.</p></body></html>\n"
                .utf8)
        return serve(page, path: "404.html", status: .notFound, head: head, gzip: gzip)
    }

    private func events() -> Response {
        let stream = site.hub.subscribe()
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(
            status: .ok, headers: headers,
            body: ResponseBody { writer in
                try await writer.write(ByteBuffer(string: "retry: 1000\n: connected\n\n"))
                for await chunk in stream {
                    try await writer.write(ByteBuffer(string: chunk))
                }
                try await writer.finish(nil)
            })
    }

    private static func text(_ status: HTTPResponse.Status, _ text: String, headers: HTTPFields = [:]) -> Response {
        var headers = headers
        headers[.contentType] = "text/plain; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    private static func redirect(_ location: String) -> Response {
        var headers = HTTPFields()
        headers[.location] = location
        headers[.cacheControl] = "no-store"
        return Response(status: .movedPermanently, headers: headers, body: ResponseBody())
    }

    /// The live-reload script (and the overlay while the site has errors) before the last `</body>`, or at the end.
    static func inject(into html: [UInt8], overlay: String?) -> [UInt8] {
        let addition = Array(((overlay ?? "") + LiveReloadHub.clientScript).utf8)
        let marker = Array("</body>".utf8)
        var index = html.count - marker.count
        while index >= 0 {
            if html[index] == UInt8(ascii: "<") {
                var matches = true
                for offset in 1..<marker.count where html[index + offset] | 0x20 != marker[offset] | 0x20 {
                    matches = false
                    break
                }
                if matches { return Array(html[..<index]) + addition + Array(html[index...]) }
            }
            index -= 1
        }
        return html + addition
    }
}
