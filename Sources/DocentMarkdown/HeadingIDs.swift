/// How heading ids are made from heading text.
public enum HeadingIDStyle: String, Sendable, CaseIterable {
    /// GitHub (and Hugo's Goldmark): lowercase, punctuation dropped, spaces to `-`; duplicates get `-1`, `-2`.
    case github
    /// kramdown's auto ids: leading non-letters dropped, only ASCII letters, digits, spaces and `-` kept.
    case kramdown
}

/// Gives every heading an id (unless an attribute list set one), unique within the document.
public struct HeadingIDGenerator {
    public let style: HeadingIDStyle
    private var used: [String: Int] = [:]

    public init(style: HeadingIDStyle) {
        self.style = style
    }

    /// Reserves an id that is already fixed (an explicit `{#id}`), so generated ones do not collide with it.
    public mutating func reserve(_ id: String) {
        used[id, default: 0] += 1
    }

    public mutating func makeID(for text: String) -> String {
        let base = Self.slug(text, style: style)
        guard let count = used[base] else {
            used[base] = 1
            return base
        }
        var suffix = count
        var candidate = "\(base)-\(suffix)"
        while used[candidate] != nil {
            suffix += 1
            candidate = "\(base)-\(suffix)"
        }
        used[base] = suffix + 1
        used[candidate] = 1
        return candidate
    }

    public static func slug(_ text: String, style: HeadingIDStyle) -> String {
        switch style {
        case .github:
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.utf8.count)
            for scalar in text.unicodeScalars {
                if scalar.isASCII {
                    // The common case without Unicode property lookups or a String per character.
                    let value = UInt8(scalar.value)
                    switch value {
                    case UInt8(ascii: " "): bytes.append(UInt8(ascii: "-"))
                    case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                        UInt8(ascii: "0")...UInt8(ascii: "9"):
                        bytes.append(value)
                    case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes.append(value + 32)
                    default: break
                    }
                } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                    || scalar.properties.generalCategory == .nonspacingMark
                {
                    bytes.append(contentsOf: String(scalar).lowercased().utf8)
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        case .kramdown:
            var out = ""
            var started = false
            for scalar in text.unicodeScalars {
                let isLetter = (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z")
                if !started {
                    guard isLetter else { continue }
                    started = true
                }
                if isLetter || (scalar >= "0" && scalar <= "9") || scalar == "-" {
                    out.unicodeScalars.append(
                        scalar >= "A" && scalar <= "Z" ? Unicode.Scalar(scalar.value + 32)! : scalar)
                } else if scalar == " " {
                    out += "-"
                }
            }
            return out.isEmpty ? "section" : out
        }
    }
}

extension MarkdownDocument {
    /// Assigns heading ids in document order.
    public mutating func assignHeadingIDs(style: HeadingIDStyle) {
        var generator = HeadingIDGenerator(style: style)
        Self.reserveExplicitIDs(in: blocks, generator: &generator)
        Self.assign(in: &blocks, generator: &generator)
    }

    private static func reserveExplicitIDs(in blocks: [MarkdownBlock], generator: inout HeadingIDGenerator) {
        for block in blocks {
            if case .heading = block.kind, let id = block.attributes.id { generator.reserve(id) }
            if !block.children.isEmpty { reserveExplicitIDs(in: block.children, generator: &generator) }
        }
    }

    private static func assign(in blocks: inout [MarkdownBlock], generator: inout HeadingIDGenerator) {
        for index in blocks.indices {
            if case .heading = blocks[index].kind, blocks[index].attributes.id == nil {
                blocks[index].attributes.id = generator.makeID(for: blocks[index].inlines.plainText)
            }
            if !blocks[index].children.isEmpty { assign(in: &blocks[index].children, generator: &generator) }
        }
    }
}
