extension Array where Element == Diagnostic {
    /// The same problem reported once: a broken include (or layout) used by many pages is one diagnostic at its
    /// own line, not one per page. The first page's include chain is kept; a note counts the other pages.
    public var mergingRepeats: [Diagnostic] {
        var firstIndex: [Key: Int] = [:]
        var repeats: [Int: Int] = [:]
        var merged: [Diagnostic] = []
        merged.reserveCapacity(count)
        for diagnostic in self {
            let key = Key(diagnostic)
            if let index = firstIndex[key] {
                repeats[index, default: 0] += 1
                continue
            }
            firstIndex[key] = merged.count
            merged.append(diagnostic)
        }
        for (index, more) in repeats {
            let also = "also reached from \(more) more page\(more == 1 ? "" : "s")"
            merged[index].note = merged[index].note.map { $0 + "; " + also } ?? also
        }
        return merged
    }

    private struct Key: Hashable {
        let severity: Diagnostic.Severity
        let id: String
        let message: String
        let location: SourceLocation?

        init(_ diagnostic: Diagnostic) {
            severity = diagnostic.severity
            id = diagnostic.id
            message = diagnostic.message
            location = diagnostic.location
        }
    }
}
