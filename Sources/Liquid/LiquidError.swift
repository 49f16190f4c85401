/// A place in a template file (for Docent, any file of a site); line and column are 1-based.
public struct LiquidLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }

    public static func < (lhs: LiquidLocation, rhs: LiquidLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}

/// Every problem the engine reports: a stable id, a message, where it happened and through which includes.
public struct LiquidError: Error, Sendable, CustomStringConvertible {
    public var id: String
    public var message: String
    public var location: LiquidLocation
    /// Outermost first: where each include (or render) leading to `location` was called from.
    public var includeChain: [LiquidLocation]

    public init(id: String, message: String, location: LiquidLocation, includeChain: [LiquidLocation] = []) {
        self.id = id
        self.message = message
        self.location = location
        self.includeChain = includeChain
    }

    /// An error raised by a filter or tag callback; the engine fills in the location.
    public init(id: String = "liquid.render", message: String) {
        self.init(id: id, message: message, location: LiquidLocation(file: "", line: 0, column: 0))
    }

    var isSyntaxError: Bool { LiquidError.parseIDs.contains(id) }

    static let parseIDs: Set<String> = [
        "liquid.unknown-tag", "liquid.unknown-filter", "liquid.unclosed-block", "liquid.syntax",
    ]

    /// Ruby Liquid's wording: `Liquid syntax error (line 3): …` or `Liquid error (line 3): …`.
    public var rubyStyleMessage: String { rubyStyleMessage(showingFile: !location.file.isEmpty) }

    func rubyStyleMessage(showingFile: Bool) -> String {
        let kind = isSyntaxError ? "Liquid syntax error" : "Liquid error"
        let file = showingFile ? "\(location.file) " : ""
        return location.line > 0 ? "\(kind) (\(file)line \(location.line)): \(message)" : "\(kind): \(message)"
    }

    public var description: String {
        var text = "\(location): error: \(message) [\(id)]"
        for caller in includeChain.reversed() { text += "\n  included from \(caller)" }
        return text
    }
}

extension LiquidError {
    static func syntax(_ message: String, at location: LiquidLocation, id: String = "liquid.syntax") -> LiquidError {
        LiquidError(id: id, message: message, location: location)
    }
}
