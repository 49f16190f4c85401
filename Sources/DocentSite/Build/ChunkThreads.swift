import Foundation

/// A fixed number of threads taking chunk numbers from a shared counter until none is left; `run` returns when
/// all are done. For work that blocks in the kernel (writing files), where more threads than cores keep the
/// cores busy, which `DispatchQueue.concurrentPerform` (one thread per core) cannot.
struct ChunkThreads: Sendable {
    let count: Int
    let chunks: Int

    func run(_ work: @escaping @Sendable (Int) -> Void) {
        let next = Counter()
        let done = DispatchSemaphore(value: 0)
        for _ in 0..<count {
            let thread = Thread {
                while let chunk = next.take(below: chunks) { work(chunk) }
                done.signal()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        for _ in 0..<count { done.wait() }
    }

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0

        func take(below limit: Int) -> Int? {
            lock.withLock {
                guard value < limit else { return nil }
                defer { value += 1 }
                return value
            }
        }
    }
}
