/// A stable sort for the short lists the simulation orders (dashboards, CSV reports, JSON keys).
/// The standard library's `sorted(by:)` compiles to a separate merge sort for every element type, which costs
/// the WebAssembly build kilobytes per use; this one shares a single small non-generic insertion sort.
extension Array {
    /// The elements ordered by `areInIncreasingOrder`; equal elements keep their order, like `sorted(by:)`.
    public func sortedStably(by areInIncreasingOrder: (Element, Element) -> Bool) -> [Element] {
        stableOrder(count) { areInIncreasingOrder(self[$0], self[$1]) }.mapped { self[$0] }
    }
}

/// The positions `0..<count` in stable sorted order (insertion sort: the lists are short).
@inline(never)
func stableOrder(_ count: Int, _ isBefore: (Int, Int) -> Bool) -> [Int] {
    var order: [Int] = []
    order.reserveCapacity(count)
    for next in 0..<count {
        var slot = order.count
        while slot > 0 && isBefore(next, order[slot - 1]) { slot -= 1 }
        order.insert(next, at: slot)
    }
    return order
}
