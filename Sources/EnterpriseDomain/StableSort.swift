/// A stable sort for the short lists the simulation orders (dashboards, CSV reports, JSON keys).
/// The standard library's `sorted(by:)` compiles to a separate merge sort for every element type, which costs
/// the WebAssembly build kilobytes per use; this one shares a single small non-generic merge sort.
extension Array {
    /// The elements ordered by `areInIncreasingOrder`; equal elements keep their order, like `sorted(by:)`.
    public func sortedStably(by areInIncreasingOrder: (Element, Element) -> Bool) -> [Element] {
        stableOrder(count) { areInIncreasingOrder(self[$0], self[$1]) }.mapped { self[$0] }
    }
}

/// The positions `0..<count` in stable sorted order: a bottom-up merge sort (n log n comparisons, so a dashboard
/// of a thousand organizations sorts as readily as one of ten), non-generic so the wasm carries it once.
@inline(never)
func stableOrder(_ count: Int, _ isBefore: (Int, Int) -> Bool) -> [Int] {
    var order = Array(0..<count)
    var scratch = order
    var width = 1
    while width < count {
        var start = 0
        while start < count {
            let middle = Swift.min(start + width, count)
            let end = Swift.min(start + 2 * width, count)
            var left = start
            var right = middle
            var out = start
            while out < end {
                // Take from the right run only when it is strictly before: equal elements keep their order.
                if left < middle && (right >= end || !isBefore(order[right], order[left])) {
                    scratch[out] = order[left]
                    left += 1
                } else {
                    scratch[out] = order[right]
                    right += 1
                }
                out += 1
            }
            start = end
        }
        swap(&order, &scratch)
        width *= 2
    }
    return order
}
