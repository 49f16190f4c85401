extension UnsafeMutablePointer {
    /// Memory for `capacity` values with the first `count` of this memory's moved into it; this memory is freed.
    func moved(count: Int, to capacity: Int) -> UnsafeMutablePointer<Pointee> {
        let new = UnsafeMutablePointer<Pointee>.allocate(capacity: capacity)
        new.moveInitialize(from: self, count: count)
        deallocate()
        return new
    }
}
