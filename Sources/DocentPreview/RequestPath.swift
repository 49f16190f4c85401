/// What a request target asks for, decided without touching the disk: a file of the built site (by its output
/// path), a redirect (pretty URLs, the baseurl), or a refusal. Anything that could reach outside the site is
/// refused: `..` and `.` segments, their percent-encoded forms, encoded slashes and backslashes, NUL bytes.
public enum RequestPath: Equatable, Sendable {
    /// An output path relative to the site root ("guide/index.html"); may not exist.
    case file(String)
    case redirect(String)
    /// Outside the site's baseurl.
    case notFound
    case forbidden

    public static func resolve(_ target: String, baseURL: String) -> RequestPath {
        var path = target
        if let end = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = String(path[..<end]) }
        guard path.hasPrefix("/"), !path.contains("\\") else { return .forbidden }
        let lowered = path.lowercased()
        for encoded in ["%2f", "%5c", "%00"] where lowered.contains(encoded) { return .forbidden }
        guard let decoded = percentDecoded(path), !decoded.contains("\0"), !decoded.contains("\\") else {
            return .forbidden
        }
        // A second layer of encoding ("%252e%252e") is refused as well.
        let decodedLowered = decoded.lowercased()
        for encoded in ["%2e", "%2f", "%5c"] where decodedLowered.contains(encoded) { return .forbidden }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: false)
        if segments.contains(where: { $0 == ".." || $0 == "." }) { return .forbidden }
        var sitePath = decoded
        if !baseURL.isEmpty {
            if sitePath == baseURL || sitePath == "/" { return .redirect(baseURL + "/") }
            guard sitePath.hasPrefix(baseURL + "/") else { return .notFound }
            sitePath.removeFirst(baseURL.count)
        }
        var relative = String(sitePath.drop { $0 == "/" })
        if relative.isEmpty || relative.hasSuffix("/") { relative += "index.html" }
        return .file(relative)
    }

    /// Decodes %XX escapes; nil when an escape is malformed or the result is not UTF-8.
    static func percentDecoded(_ text: String) -> String? {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8)[...]
        while let byte = iterator.popFirst() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.popFirst().flatMap(hexValue), let low = iterator.popFirst().flatMap(hexValue)
            else { return nil }
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
