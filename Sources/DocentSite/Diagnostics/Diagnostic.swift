import Liquid

/// A place in a user's file: path relative to the site source, 1-based line and column (the same value the
/// Liquid engine reports its errors at).
public typealias SourceLocation = LiquidLocation

/// One user-facing problem: every stage of Docent reports through this type, collected rather than thrown.
public struct Diagnostic: Sendable, Hashable {
    public enum Severity: String, Sendable, Hashable, Comparable {
        case warning, error

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .warning && rhs == .error }
    }

    public var severity: Severity
    /// A stable id such as `frontmatter.yaml`, `liquid.unknown-tag`, `link.broken`.
    public var id: String
    public var message: String
    public var location: SourceLocation?
    /// Where an include was called from, outermost first, when the problem is inside an include.
    public var includeChain: [SourceLocation]
    public var note: String?
    public var fixIt: String?

    public init(
        _ severity: Severity, _ id: String, _ message: String, at location: SourceLocation? = nil,
        includeChain: [SourceLocation] = [], note: String? = nil, fixIt: String? = nil
    ) {
        self.severity = severity
        self.id = id
        self.message = message
        self.location = location
        self.includeChain = includeChain
        self.note = note
        self.fixIt = fixIt
    }

    public static func error(
        _ id: String, _ message: String, at location: SourceLocation? = nil, note: String? = nil, fixIt: String? = nil
    ) -> Diagnostic {
        Diagnostic(.error, id, message, at: location, note: note, fixIt: fixIt)
    }

    public static func warning(
        _ id: String, _ message: String, at location: SourceLocation? = nil, note: String? = nil, fixIt: String? = nil
    ) -> Diagnostic {
        Diagnostic(.warning, id, message, at: location, note: note, fixIt: fixIt)
    }
}

extension Array where Element == Diagnostic {
    public var errorCount: Int { count { $0.severity == .error } }
    public var warningCount: Int { count { $0.severity == .warning } }

    /// Sorted by file, line, column, then id: the order Docent prints them in, the same on every run.
    public var sortedForDisplay: [Diagnostic] {
        sorted { a, b in
            switch (a.location, b.location) {
            case (nil, nil): return (a.id, a.message) < (b.id, b.message)
            case (nil, _): return true
            case (_, nil): return false
            case (let x?, let y?): return x != y ? x < y : (a.id, a.message) < (b.id, b.message)
            }
        }
    }
}
