import Liquid

/// What the build cache keeps of a page file's load, so that the next build, finding the file unchanged
/// (`SourceIdentities`), neither reads nor parses it: its front matter as parsed (values and key positions), where
/// its body starts and the body's fingerprint. The page is then made from this as from the file (`PageLoader`), its
/// body set aside (`PageBodies`): read when the page renders, and refused if the file changed in between. Loading
/// every page's front matter was a third of a rebuild after a one-page edit.
struct FrontMatterRecord: Equatable {
    var values: LiquidValue
    var keyPositions: KeyPositions
    var bodyLineOffset: Int
    var body: PageBodies.Fingerprint

    static func == (left: Self, right: Self) -> Bool {
        left.bodyLineOffset == right.bodyLineOffset && left.body == right.body && left.values == right.values
            && left.keyPositions.encoded == right.keyPositions.encoded
    }

    /// Deeper values are not recorded (the page is then read and parsed on every build); YAML's own parse is
    /// bounded far below this.
    static let maximumDepth = 64

    init(values: LiquidValue, keyPositions: KeyPositions, bodyLineOffset: Int, body: PageBodies.Fingerprint) {
        self.values = values
        self.keyPositions = keyPositions
        self.bodyLineOffset = bodyLineOffset
        self.body = body
    }

    /// The record encoded, or nil when a value cannot be recorded: the values first, with their length, so that
    /// `summaryHash` reads them without decoding.
    var encoded: [UInt8]? {
        var encodedValues = CacheWriter()
        guard Self.encode(values, into: &encodedValues, depth: 0) else { return nil }
        var writer = CacheWriter()
        writer.append(UInt64(encodedValues.bytes.count))
        writer.bytes += encodedValues.bytes
        keyPositions.encode(into: &writer)
        writer.append(bodyLineOffset)
        writer.append(body.byteCount)
        writer.append(body.hash)
        return writer.bytes
    }

    /// The record `encoded` gave, or nil when the bytes are not a whole record.
    init?(encoded bytes: ArraySlice<UInt8>) {
        var reader = CacheReader(bytes)
        do {
            _ = try reader.count()
            values = try Self.decode(from: &reader, depth: 0)
            keyPositions = try KeyPositions(from: &reader)
            bodyLineOffset = try reader.int()
            body = PageBodies.Fingerprint(byteCount: try reader.int(), hash: try reader.integer())
        } catch {
            return nil
        }
        guard reader.isAtEnd else { return nil }
    }

    /// What other pages see of the page (`PageSummary`: its URL, titles and values, which follow from its path, its
    /// front matter and the config) as a hash, from the record's bytes: a body edit leaves it, and the pages that
    /// show this one, alone. Valid under one config (the records' environment); nil for bytes that are no record.
    static func summaryHash(of encoded: ArraySlice<UInt8>, sitePath: String) -> String? {
        var reader = CacheReader(encoded)
        guard let length = try? reader.count(), let values = try? reader.bytes(length) else { return nil }
        var hash = SHA256()
        hash.update("summary \(sitePath.utf8.count):\(sitePath)\n")
        hash.update(values)
        return hash.finalize()
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
            // In key order: the same values give the same bytes in every run (a dictionary's order is not), which
            // `summaryHash` needs.
            for key in values.keys.sorted() {
                writer.append(key)
                guard encode(values[key]!, into: &writer, depth: depth + 1) else { return false }
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
