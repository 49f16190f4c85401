import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A tiny blocking HTTP/1.1 client over a socket on 127.0.0.1: sends request targets exactly as written (URL
/// clients normalize `..` away) and reads event streams as they arrive. Every call is bounded by a timeout.
enum RawHTTP {
    struct Response {
        var status: Int
        var head: String
        var body: String
    }

    /// One request with `Connection: close`, read to the end.
    static func get(port: Int, target: String, host: String = "127.0.0.1", timeout: Double = 5) async -> Response? {
        await onThread {
            guard let socket = connect(port: port, timeout: timeout) else { return nil }
            defer { close(socket) }
            send(socket, "GET \(target) HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n\r\n")
            var data: [UInt8] = []
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                var buffer = [UInt8](repeating: 0, count: 65536)
                let count = recv(socket, &buffer, buffer.count, 0)
                if count <= 0 { break }
                data += buffer[..<count]
            }
            let text = String(decoding: data, as: UTF8.self)
            guard let split = text.range(of: "\r\n\r\n") else { return nil }
            let head = String(text[..<split.lowerBound])
            let parts = head.split(separator: " ", maxSplits: 2)
            guard parts.count >= 2, let status = Int(parts[1]) else { return nil }
            return Response(status: status, head: head, body: String(text[split.upperBound...]))
        }
    }

    /// An open event stream: `wait(for:)` reads until a text arrives or the time is up.
    final class EventStream: @unchecked Sendable {
        private let socket: Int32
        private var received = ""

        init?(port: Int) {
            guard let socket = RawHTTP.connect(port: port, timeout: 0.1) else { return nil }
            self.socket = socket
            RawHTTP.send(
                socket, "GET /__docent/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
        }

        deinit { close(socket) }

        /// Everything received so far once `text` is in it (searching only what arrived after `since`), or nil.
        func wait(for text: String, timeout: Double = 5) async -> String? {
            await RawHTTP.onThread { [self] in
                let deadline = Date().addingTimeInterval(timeout)
                while Date() < deadline {
                    if received.contains(text) {
                        let all = received
                        received = ""
                        return all
                    }
                    var buffer = [UInt8](repeating: 0, count: 65536)
                    let count = recv(socket, &buffer, buffer.count, 0)
                    if count == 0 { return nil }
                    if count > 0 { received += String(decoding: buffer[..<count], as: UTF8.self) }
                }
                return nil
            }
        }
    }

    static func connect(port: Int, timeout: Double) -> Int32? {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { return nil }
        var time = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - Double(Int(timeout))) * 1_000_000))
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            close(socket)
            return nil
        }
        return socket
    }

    static func send(_ socket: Int32, _ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// Runs blocking work on its own thread, so the server's tasks keep the cooperative pool.
    static func onThread<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: work()) }.start()
        }
    }

    /// A socket listening on 127.0.0.1 on a free port, to make a port busy.
    static func occupyPort() -> (socket: Int32, port: Int)? {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                Glibc.bind(socket, pointer, length) == 0 && listen(socket, 1) == 0
                    && getsockname(socket, pointer, &length) == 0
            }
        }
        guard bound else {
            close(socket)
            return nil
        }
        return (socket, Int(UInt16(bigEndian: address.sin_port)))
    }
}
