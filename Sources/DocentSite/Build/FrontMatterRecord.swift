import Liquid

/// What the build cache keeps of a page file's load, so that the next build, finding the file unchanged
/// (`SourceIdentities`), neither reads nor parses it: its front matter as parsed (values and key positions), where
/// its body starts and the body's fingerprint. The page is then made from this as from the file (`PageLoader`), its
/// body set aside (`PageBodies`): read when the page renders, and refused if the file changed in between. Loading
/// every page's front matter was a third of a rebuild after a one-page edit.
struct FrontMatterRecord: Equatable {
    var frontMatter: YAMLData
    var bodyLineOffset: Int
    var body: PageBodies.Fingerprint

    static func == (left: Self, right: Self) -> Bool {
        left.bodyLineOffset == right.bodyLineOffset && left.body == right.body
            && left.frontMatter.value == right.frontMatter.value
            && left.frontMatter.positions.mapValues { [$0.line, $0.column] }
                == right.frontMatter.positions.mapValues { [$0.line, $0.column] }
    }

    /// Deeper values are not recorded (the page is then read and parsed on every build); YAML's own parse is
    /// bounded far below this.
    static let maximumDepth = 64

    /// Appends the record; false (and nothing usable appended) when a value cannot be recorded.
    func encode(into writer: inout CacheWriter) -> Bool {
        var values = CacheWriter()
        guard Self.encode(frontMatter.value, into: &values, depth: 0) else { return false }
        writer.bytes += values.bytes
        writer.append(UInt64(frontMatter.positions.count))
        for (path, position) in frontMatter.positions.sorted(by: { $0.key < $1.key }) {
            writer.append(path)
            writer.append(position.line)
            writer.append(position.column)
        }
        writer.append(bodyLineOffset)
        writer.append(body.byteCount)
        writer.append(body.hash)
        return true
    }

    init(frontMatter: YAMLData, bodyLineOffset: Int, body: PageBodies.Fingerprint) {
        self.frontMatter = frontMatter
        self.bodyLineOffset = bodyLineOffset
        self.body = body
    }

    /// The record encoded on its own, or nil when a value cannot be recorded.
    var encoded: [UInt8]? {
        var writer = CacheWriter()
        return encode(into: &writer) ? writer.bytes : nil
    }

    /// The record `encoded` gave, or nil when the bytes are not a whole record.
    init?(encoded bytes: [UInt8]) {
        var reader = CacheReader(bytes[...])
        guard let record = try? Self(from: &reader), reader.isAtEnd else { return nil }
        self = record
    }

    init(from reader: inout CacheReader) throws(CacheReader.Truncated) {
        let value = try Self.decode(from: &reader, depth: 0)
        var positions: [String: (line: Int, column: Int)] = [:]
        for _ in 0..<(try reader.count()) { positions[try reader.string()] = (try reader.int(), try reader.int()) }
        frontMatter = YAMLData(value: value, positions: positions)
        bodyLineOffset = try reader.int()
        body = PageBodies.Fingerprint(byteCount: try reader.int(), hash: try reader.integer())
    }

    // MARK: - Values

    private static func encode(_ value: LiquidValue, into writer: inout CacheWriter, depth: Int) -> Bool {
        guard depth < maximumDepth else { return false }
        switch value {
        case .nil_: writer.bytes.append(0)
        case .bool(let value): writer.bytes.append(value ? 2 : 1)
        case .int(let value):
            writer.bytes.append(3)
            writer.append(value)
        case .double(let value):
            writer.bytes.append(4)
            writer.append(value.bitPattern)
        case .string(let value):
            writer.bytes.append(5)
            writer.append(value)
        case .array(let values):
            writer.bytes.append(6)
            writer.append(UInt64(values.count))
            for value in values where !encode(value, into: &writer, depth: depth + 1) { return false }
        case .object(let values):
            writer.bytes.append(7)
            writer.append(UInt64(values.count))
            for (key, value) in values {
                writer.append(key)
                guard encode(value, into: &writer, depth: depth + 1) else { return false }
            }
        case .drop: return false
        }
        return true
    }

    private static func decode(from reader: inout CacheReader, depth: Int) throws(CacheReader.Truncated) -> LiquidValue
    {
        guard depth < maximumDepth, let tag = try reader.bytes(1).first else { throw CacheReader.Truncated() }
        switch tag {
        case 0: return .nil_
        case 1, 2: return .bool(tag == 2)
        case 3: return .int(try reader.int())
        case 4: return .double(Double(bitPattern: try reader.integer()))
        case 5: return .string(try reader.string())
        case 6:
            var values: [LiquidValue] = []
            for _ in 0..<(try reader.count()) { values.append(try decode(from: &reader, depth: depth + 1)) }
            return .array(values)
        case 7:
            let count = try reader.count()
            var values: [String: LiquidValue] = [:]
            values.reserveCapacity(count)
            for _ in 0..<count { values[try reader.string()] = try decode(from: &reader, depth: depth + 1) }
            return .object(values)
        default: throw CacheReader.Truncated()
        }
    }
}
