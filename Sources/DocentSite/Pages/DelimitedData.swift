import Liquid

/// CSV and TSV data files as Jekyll reads them (Ruby's CSV with `headers: true`): a list of rows, each an object
/// from the header row's names to the row's fields, all strings. Fields may be quoted with `"`, with `""` for a
/// quote inside; quoted fields may span lines. A row shorter than the header leaves the missing fields nil.
enum DelimitedData {
    static func rows(_ text: String, separator: Character) -> LiquidValue {
        let records = parse(text, separator: separator)
        guard let header = records.first else { return .array([]) }
        var rows: [LiquidValue] = []
        rows.reserveCapacity(records.count - 1)
        for record in records.dropFirst() {
            var row: [String: LiquidValue] = [:]
            for (index, name) in header.enumerated() where !name.isEmpty {
                row[name] = index < record.count ? .string(record[index]) : .nil_
            }
            rows.append(.object(row))
        }
        return .array(rows)
    }

    /// Records of fields; blank lines are skipped. Linear in the text.
    static func parse(_ text: String, separator: Character) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var fieldStarted = false
        var iterator = text.makeIterator()
        var pending: Character?
        func endRecord() {
            if fieldStarted || !field.isEmpty || !record.isEmpty {
                record.append(field)
                records.append(record)
            }
            record = []
            field = ""
            fieldStarted = false
        }
        while let character = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    let next = iterator.next()
                    if next == "\"" {
                        field.append("\"")
                    } else {
                        quoted = false
                        pending = next
                    }
                } else {
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"" where field.isEmpty:
                quoted = true
                fieldStarted = true
            case separator:
                record.append(field)
                field = ""
                fieldStarted = true
            case "\n", "\r\n", "\r":
                endRecord()
            default:
                field.append(character)
            }
        }
        endRecord()
        return records
    }
}
