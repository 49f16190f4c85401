import Foundation

/// Server-Sent Events to the open pages: `reload` (with the URL paths that changed, or all), `css` (stylesheets
/// only, with their URL paths: the page's links to them get a cache-busting query, so they swap without a reload;
/// every stylesheet when none of the page's links is among them, as one may be imported by another), `overlay` (the site has errors: show them). Each subscriber gets its own
/// stream; a subscriber that went away is dropped when its stream ends.
public final class LiveReloadHub: @unchecked Sendable {
    public static let eventsPath = "/__docent/events"

    private let lock = NSLock()
    private var subscribers: [UUID: AsyncStream<String>.Continuation] = [:]
    private var closed = false

    public init() {}

    public var subscriberCount: Int { lock.withLock { subscribers.count } }

    /// A stream of SSE text chunks; ends when the hub closes.
    func subscribe() -> AsyncStream<String> {
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(64))
        let id = UUID()
        let accepted = lock.withLock { () -> Bool in
            guard !closed else { return false }
            subscribers[id] = continuation
            return true
        }
        guard accepted else {
            continuation.finish()
            return stream
        }
        continuation.onTermination = { [weak self] _ in
            self?.lock.withLock { _ = self?.subscribers.removeValue(forKey: id) }
        }
        return stream
    }

    /// Sends one event to every open page.
    public func send(event: String, data: String) {
        var text = "event: \(event)\n"
        for line in data.split(separator: "\n", omittingEmptySubsequences: false) { text += "data: \(line)\n" }
        text += "\n"
        broadcast(text)
    }

    /// A comment line that keeps connections open through proxies and finds closed ones.
    func heartbeat() {
        broadcast(": ping\n\n")
    }

    private func broadcast(_ text: String) {
        let targets = lock.withLock { Array(subscribers.values) }
        for continuation in targets { continuation.yield(text) }
    }

    /// Ends every stream (server shutdown); later subscribers get an empty stream.
    public func close() {
        let targets = lock.withLock { () -> [AsyncStream<String>.Continuation] in
            closed = true
            defer { subscribers = [:] }
            return Array(subscribers.values)
        }
        for continuation in targets { continuation.finish() }
    }

    /// The script injected into served HTML (before `</body>`): listens to the events.
    static let clientScript = """
        <script id="docent-live-reload">
        (function () {
          if (!window.EventSource) return;
          var source = new EventSource("\(eventsPath)");
          var overlayID = "\(ErrorOverlay.elementID)";
          function removeOverlay() { var o = document.getElementById(overlayID); if (o) o.remove(); }
          source.addEventListener("reload", function (event) {
            var change = JSON.parse(event.data);
            if (change.all || change.paths.indexOf(location.pathname) >= 0 ||
                change.paths.indexOf(decodeURI(location.pathname)) >= 0) location.reload();
          });
          source.addEventListener("css", function (event) {
            var paths = JSON.parse(event.data).paths || [];
            var links = Array.prototype.slice.call(document.querySelectorAll('link[rel="stylesheet"]'));
            var changed = links.filter(function (link) { return paths.indexOf(new URL(link.href).pathname) >= 0; });
            (changed.length ? changed : links).forEach(function (link) {
              var url = new URL(link.href); url.searchParams.set("docent-reload", Date.now()); link.href = url.href;
            });
          });
          source.addEventListener("overlay", function (event) {
            removeOverlay();
            var holder = document.createElement("div");
            holder.innerHTML = JSON.parse(event.data).html; // built and escaped by the server
            if (holder.firstChild) document.body.appendChild(holder.firstChild);
          });
        })();
        </script>
        """
}
