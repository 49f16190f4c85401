/// The `Host` values the preview answers. A page on any web site can make the browser send requests to a server
/// on 127.0.0.1 through a name it controls (DNS rebinding) and read the answers; such requests carry that name, so
/// only the bound address and the loopback names are answered. A server bound to every interface (0.0.0.0, ::)
/// cannot know its names and answers all (`docent serve` warns about such a bind).
public struct AllowedHosts: Sendable {
    /// nil: every host.
    private let names: Set<String>?

    public init(boundTo host: String) {
        if Self.isWildcard(host) {
            names = nil
        } else {
            let bound = host.lowercased()
            names = ["localhost", "127.0.0.1", "::1", bound, bound.trimmingBrackets]
        }
    }

    /// True for an address that listens on every interface.
    public static func isWildcard(_ host: String) -> Bool {
        ["0.0.0.0", "::", "[::]", "*"].contains(host)
    }

    /// Whether a request with this `Host` value (or authority; with or without a port) is answered. A request
    /// without one (HTTP/1.0) is: a browser always sends it.
    public func allows(_ hostHeader: String?) -> Bool {
        guard let names, let hostHeader, !hostHeader.isEmpty else { return true }
        var name = Substring(hostHeader.lowercased())
        if name.hasPrefix("[") {
            guard let close = name.firstIndex(of: "]") else { return false }
            name = name[name.index(after: name.startIndex)..<close]
        } else if let colon = name.lastIndex(of: ":") {
            name = name[..<colon]
        }
        if name.hasSuffix(".") { name = name.dropLast() }
        return names.contains(String(name))
    }
}

extension String {
    fileprivate var trimmingBrackets: String {
        hasPrefix("[") && hasSuffix("]") ? String(dropFirst().dropLast()) : self
    }
}
