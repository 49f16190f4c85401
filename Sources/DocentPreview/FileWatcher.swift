import DocentSite
import Foundation

#if canImport(Glibc)
    import Glibc

    /// Watches a site folder with inotify: one watch per folder, recursive, new folders watched as they appear.
    /// Hidden folders (`.git`, `.build`) and the `_site` output are not watched. A burst of events (an editor's
    /// save, a `git checkout`) is collected until the folder is quiet for `debounce` (and at most ten times that),
    /// then handed over at once as site-relative paths, on the watcher's own thread. An empty path means "the
    /// kernel dropped events: rebuild everything".
    final class FileWatcher: @unchecked Sendable {
        private let root: String
        private let debounce: Duration
        private let handler: @Sendable (Set<String>) -> Void
        private let descriptor: Int32
        private let wakePipe: (read: Int32, write: Int32)
        private var folders: [Int32: String] = [:]
        private let lock = NSLock()
        private var stopped = false
        private var thread: Thread?
        private let finished = DispatchSemaphore(value: 0)
        /// The files this process writes its own output to (`docent serve > serve.log` in the site folder): a change
        /// to them is never a change of the site, or every line logged would be a rebuild and another line.
        private let ownOutputs = Set([STDOUT_FILENO, STDERR_FILENO].compactMap(FileIdentity.init(regularFileOf:)))

        static let mask: UInt32 = UInt32(
            IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF
                | IN_MOVE_SELF)

        init(root: URL, debounce: Duration, handler: @escaping @Sendable (Set<String>) -> Void) throws {
            self.root = root.standardizedFileURL.path
            self.debounce = debounce
            self.handler = handler
            descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
            guard descriptor >= 0 else { throw WatchError("inotify_init1 failed: \(String(cString: strerror(errno)))") }
            var fds: [Int32] = [0, 0]
            guard pipe(&fds) == 0 else {
                close(descriptor)
                throw WatchError("pipe failed")
            }
            wakePipe = (fds[0], fds[1])
            try addWatches(under: "")
        }

        deinit {
            close(descriptor)
            close(wakePipe.read)
            close(wakePipe.write)
        }

        var watchedFolderCount: Int { lock.withLock { folders.count } }

        func start() {
            let thread = Thread { [self] in
                run()
                finished.signal()
            }
            thread.name = "docent-file-watcher"
            self.thread = thread
            thread.start()
        }

        /// Stops the thread and waits (bounded) for it to end.
        func stop() {
            let wasRunning = lock.withLock { () -> Bool in
                defer { stopped = true }
                return !stopped && thread != nil
            }
            var byte: UInt8 = 1
            _ = write(wakePipe.write, &byte, 1)
            if wasRunning { _ = finished.wait(timeout: .now() + 5) }
        }

        // MARK: - Watches

        /// Adds a watch on a folder (relative to the root) and on every folder below it.
        private func addWatches(under relative: String) throws {
            var stack = [relative]
            while let folder = stack.popLast() {
                let path = folder.isEmpty ? root : root + "/" + folder
                let watch = inotify_add_watch(descriptor, path, Self.mask | UInt32(IN_ONLYDIR))
                if watch < 0 {
                    if errno == ENOSPC {
                        throw WatchError(
                            "too many folders to watch (raise /proc/sys/fs/inotify/max_user_watches)")
                    }
                    continue
                }
                lock.withLock { folders[watch] = folder }
                guard let entries = try? FileManager.default.contentsOfDirectory(atPath: path) else { continue }
                for name in entries where !Self.ignored(name: name, atTop: folder.isEmpty) {
                    var isDirectory: ObjCBool = false
                    let child = path + "/" + name
                    // Symbolic links are not followed: a link out of the site is never watched (nor served).
                    if let attributes = try? FileManager.default.attributesOfItem(atPath: child),
                        attributes[.type] as? FileAttributeType == .typeSymbolicLink
                    {
                        continue
                    }
                    if FileManager.default.fileExists(atPath: child, isDirectory: &isDirectory), isDirectory.boolValue {
                        stack.append(folder.isEmpty ? name : folder + "/" + name)
                    }
                }
            }
        }

        static func ignored(name: String, atTop: Bool) -> Bool {
            name.hasPrefix(".") || (atTop && (name == "_site" || name == "node_modules"))
        }

        // MARK: - Loop

        private func run() {
            var pending: Set<String> = []
            var firstEvent: ContinuousClock.Instant?
            var lastEvent = ContinuousClock.now
            let quiet = debounce
            let longest = debounce * 10
            while !lock.withLock({ stopped }) {
                var timeout: Int32 = -1
                if let first = firstEvent {
                    let now = ContinuousClock.now
                    let deadline = min(lastEvent + quiet, first + longest)
                    if now >= deadline {
                        let paths = pending
                        pending = []
                        firstEvent = nil
                        handler(paths)
                        continue
                    }
                    timeout = Int32(max(1, ((deadline - now) / .milliseconds(1)).rounded(.up)))
                }
                var fds = [
                    pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0),
                    pollfd(fd: wakePipe.read, events: Int16(POLLIN), revents: 0),
                ]
                let ready = poll(&fds, 2, timeout)
                if ready < 0 {
                    if errno == EINTR { continue }
                    break
                }
                if fds[1].revents != 0 { break }
                if fds[0].revents != 0 {
                    let paths = readEvents()
                    if !paths.isEmpty {
                        pending.formUnion(paths)
                        lastEvent = .now
                        if firstEvent == nil { firstEvent = lastEvent }
                    }
                }
            }
        }

        /// Drains the inotify queue into site-relative paths.
        private func readEvents() -> Set<String> {
            var paths: Set<String> = []
            let size = 64 * 1024
            let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 8)
            defer { buffer.deallocate() }
            while true {
                let count = read(descriptor, buffer, size)
                if count <= 0 { break }
                var offset = 0
                while offset + MemoryLayout<inotify_event>.size <= count {
                    let event = buffer.load(fromByteOffset: offset, as: inotify_event.self)
                    let nameLength = Int(event.len)
                    var name = ""
                    if nameLength > 0 {
                        let start = buffer.advanced(by: offset + MemoryLayout<inotify_event>.size)
                            .assumingMemoryBound(to: CChar.self)
                        name = String(cString: start)
                    }
                    offset += MemoryLayout<inotify_event>.size + nameLength
                    if event.mask & UInt32(IN_Q_OVERFLOW) != 0 {
                        paths.insert("")
                        continue
                    }
                    if event.mask & UInt32(IN_IGNORED) != 0 {
                        lock.withLock { _ = folders.removeValue(forKey: event.wd) }
                        continue
                    }
                    guard let folder = lock.withLock({ folders[event.wd] }) else { continue }
                    if name.isEmpty {
                        // The watched folder itself was deleted or moved.
                        if !folder.isEmpty { paths.insert(folder) }
                        continue
                    }
                    if Self.ignored(name: name, atTop: folder.isEmpty) { continue }
                    let relative = folder.isEmpty ? name : folder + "/" + name
                    if !ownOutputs.isEmpty, let identity = FileIdentity(path: root + "/" + relative),
                        ownOutputs.contains(identity)
                    {
                        continue
                    }
                    paths.insert(relative)
                    let isFolder = event.mask & UInt32(IN_ISDIR) != 0
                    if isFolder && event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                        try? addWatches(under: relative)
                    }
                }
            }
            return paths
        }
    }

    struct WatchError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
#endif
