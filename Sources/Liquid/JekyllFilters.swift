import Foundation

/// Jekyll's filters, as Jekyll sites use them.
func jekyllFilters() -> [String: InternalFilter] {
    var f = FilterRegistry()
    f.add("relative_url") { input, args, named, context throws(LiquidError) in
        if input.isNil { return .nil_ }
        return .string(relativeURL(stringValue(input), baseURL: context.configuration.baseURL))
    }
    f.add("absolute_url") { input, args, named, context throws(LiquidError) in
        if input.isNil { return .nil_ }
        let text = stringValue(input)
        if hasURLScheme(text) { return .string(text) }
        let relative = relativeURL(text, baseURL: context.configuration.baseURL)
        var site = context.configuration.siteURL
        while site.hasSuffix("/") { site.removeLast() }
        return .string(site + relative)
    }
    f.add("markdownify") { input, args, named, context throws(LiquidError) in
        let text = stringValue(input)
        return .string(context.configuration.markdownify?(text) ?? text)
    }
    // jekyll-liquify: a string rendered as Liquid with the caller's variables.
    f.add("liquify") { input, args, named, context throws(LiquidError) in
        let text = stringValue(input)
        guard text.contains("{{") || text.contains("{%") else { return .string(text) }
        let template = try context.engine.parse(text, file: context.file)
        var out = ""
        try renderNodes(template.root, context, &out)
        return .string(out)
    }
    // Jekyll's `sort`: a hash sorts into `[key, value]` pairs by key (Ruby's Hash#sort), which is how
    // `site.categories | sort` and `site.tags | sort` are read; anything else sorts as Liquid's `sort` does.
    let standardSort = standardFilters()["sort"]
    f.add("sort") { input, args, named, context throws(LiquidError) in
        if case .object(let fields) = input, args.isEmpty || args[0].isNil {
            return .array(fields.keys.sorted().map { .array([.string($0), fields[$0] ?? .nil_]) })
        }
        guard let standardSort else { return input }
        return try standardSort(input, args, named, context)
    }
    f.add("smartify") { input, args, named, context throws(LiquidError) in
        if input.isNil { return .nil_ }
        return .string(smartPunctuation(stringValue(input)))
    }
    f.add("jsonify") { input, args, named, context throws(LiquidError) in .string(json(input)) }
    f.add("slugify") { input, args, named, context throws(LiquidError) in
        if input.isNil { return .nil_ }
        return .string(slugify(stringValue(input), mode: args.isEmpty ? "default" : stringValue(args[0])))
    }
    f.add("xml_escape") { input, args, named, context throws(LiquidError) in
        if input.isNil { return .nil_ }
        var out = ""
        for c in stringValue(input).unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.unicodeScalars.append(c)
            }
        }
        return .string(out)
    }
    f.add("cgi_escape") { input, args, named, context throws(LiquidError) in .string(cgiEscape(stringValue(input))) }
    f.add("uri_escape") { input, args, named, context throws(LiquidError) in
        var out = ""
        for b in stringValue(input).utf8 {
            switch b {
            case 0x41...0x5A, 0x61...0x7A, 0x30...0x39:
                out.unicodeScalars.append(Unicode.Scalar(b))
            default:
                if b < 0x80, "-._~!#$&'()*+,/:;=?@[]%".utf8.contains(b) {
                    out.unicodeScalars.append(Unicode.Scalar(b))
                } else {
                    out += percentByte(b)
                }
            }
        }
        return .string(out)
    }
    f.add("number_of_words") { input, args, named, context throws(LiquidError) in
        var count = 0
        var inWord = false
        for byte in stringValue(input).utf8 {
            if isSpace(byte) {
                inWord = false
            } else if !inWord {
                inWord = true
                count += 1
            }
        }
        return .int(count)
    }
    f.add("normalize_whitespace") { input, args, named, context throws(LiquidError) in
        .string(asciiWords(stringValue(input)).joined(separator: " "))
    }
    f.add("array_to_sentence_string") { input, args, named, context throws(LiquidError) in
        let connector = args.isEmpty ? "and" : stringValue(args[0])
        let items = inputArray(input).map { $0.liquidString }
        switch items.count {
        case 0: return .string("")
        case 1: return .string(items[0])
        case 2: return .string("\(items[0]) \(connector) \(items[1])")
        default: return .string(items.dropLast().joined(separator: ", ") + ", \(connector) " + items.last!)
        }
    }
    f.add("where_exp") { input, args, named, context throws(LiquidError) in
        try whereExpression(input, stringValue(argument(args, 0)), stringValue(argument(args, 1)), context)
    }
    f.add("group_by") { input, args, named, context throws(LiquidError) in
        let property = stringValue(argument(args, 0))
        var order: [String] = []
        var groups: [String: [LiquidValue]] = [:]
        for item in inputArray(input) {
            let key = propertyPath(item, property).liquidString
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(item)
        }
        return .array(
            order.map { key in
                let items = groups[key]!
                return .object(["name": .string(key), "items": .array(items), "size": .int(items.count)])
            })
    }
    // Jekyll's fixed date formats: a value that is no date passes through.
    for (name, format) in [
        ("date_to_xmlschema", "%Y-%m-%dT%H:%M:%S%:z"), ("date_to_string", "%d %b %Y"),
        ("date_to_long_string", "%d %B %Y"), ("date_to_rfc822", "%a, %d %b %Y %H:%M:%S %z"),
    ] {
        f.add(name) { input, args, named, context throws(LiquidError) in
            guard let time = toTime(input, now: context.now) else { return input }
            return .string(strftime(format, time))
        }
    }
    f.add("inspect") { input, args, named, context throws(LiquidError) in .string(input.inspect) }
    f.add("to_integer") { input, args, named, context throws(LiquidError) in
        switch toNumber(input) {
        case .double(let d): return .int(clampedInt(d))
        case let n: return n
        }
    }
    f.add("push") { input, args, named, context throws(LiquidError) in .array(inputArray(input) + [argument(args, 0)]) }
    f.add("unshift") { input, args, named, context throws(LiquidError) in
        .array([argument(args, 0)] + inputArray(input))
    }
    f.add("pop") { input, args, named, context throws(LiquidError) in .array(Array(inputArray(input).dropLast())) }
    f.add("shift") { input, args, named, context throws(LiquidError) in .array(Array(inputArray(input).dropFirst())) }
    return f.table
}

func hasURLScheme(_ s: String) -> Bool {
    guard let colon = s.firstIndex(of: ":") else { return false }
    let scheme = s[..<colon]
    guard let first = scheme.first, first.isLetter else { return false }
    return scheme.allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }
}

/// Jekyll's `relative_url`: base URL without its trailing slash, then the path with a leading slash.
func relativeURL(_ input: String, baseURL: String) -> String {
    if hasURLScheme(input) { return input }
    var base = baseURL
    while base.hasSuffix("/") { base.removeLast() }
    if !base.isEmpty && !base.hasPrefix("/") { base = "/" + base }
    let path = input.hasPrefix("/") ? input : "/" + input
    return base + path
}

func slugify(_ text: String, mode: String) -> String {
    if mode == "none" { return text }
    var out = ""
    var lastWasDash = false
    for scalar in text.lowercased().unicodeScalars {
        let keep: Bool
        switch mode {
        case "raw": keep = !scalar.properties.isWhitespace
        case "pretty":
            keep =
                scalar.properties.isAlphabetic || scalar.properties.numericType == .decimal
                || "._~!$&'()+,;=@".unicodeScalars.contains(scalar)
        case "ascii":
            keep = scalar.isASCII && (scalar.properties.isAlphabetic || scalar.properties.numericType == .decimal)
        default:
            keep =
                scalar.properties.isAlphabetic || scalar.properties.numericType == .decimal
                || scalar.properties.generalCategory == .nonspacingMark
        }
        if keep {
            out.unicodeScalars.append(scalar)
            lastWasDash = false
        } else if !lastWasDash {
            out += "-"
            lastWasDash = true
        }
    }
    while out.hasPrefix("-") { out.removeFirst() }
    while out.hasSuffix("-") { out.removeLast() }
    return out
}

func json(_ value: LiquidValue) -> String {
    switch value {
    case .nil_: return "null"
    case .bool(let b): return b ? "true" : "false"
    case .int(let i): return String(i)
    case .double(let d): return d.isFinite ? formatDouble(d) : "null"
    case .string(let s): return jsonString(s)
    case .array(let a): return "[" + a.map(json).joined(separator: ",") + "]"
    case .object(let o):
        return "{" + o.keys.sorted().map { jsonString($0) + ":" + json(o[$0]!) }.joined(separator: ",") + "}"
    case .drop(let d):
        if let ordered = d as? LiquidOrderedObject { return ordered.json }
        if let m = d.liquidMaterialized { return json(m) }
        if let a = d.liquidArray { return json(.array(a)) }
        if let text = d.liquidDisplay { return jsonString(text) }
        return "null"
    }
}

func jsonString(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if scalar.value < 0x20 {
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}

/// Jekyll's `where_exp`: the items for which the condition holds with the item bound to `variable`.
func whereExpression(_ input: LiquidValue, _ variable: String, _ markup: String, _ context: RenderContext)
    throws(LiquidError) -> LiquidValue
{
    var parser = try ExpressionParser(
        markup, at: LiquidLocation(file: context.file, line: 0, column: 0), filters: context.engine.filterTable)
    let condition = try parser.condition()
    try parser.expectEnd()
    context.scopes.append([:])
    defer { context.scopes.removeLast() }
    var result: [LiquidValue] = []
    for item in inputArray(input) {
        context.setLocal(variable, item)
        if try context.test(condition) { result.append(item) }
    }
    return .array(result)
}

/// SmartyPants as Jekyll's `smartify` applies it: curly quotes and apostrophes, `--` en dash, `---` em dash,
/// `...` ellipsis. A quote opens at the start, after a space or an opening bracket; it closes elsewhere.
func smartPunctuation(_ text: String) -> String {
    var out = ""
    let characters = Array(text)
    var index = 0
    while index < characters.count {
        let character = characters[index]
        let previous: Character? = index > 0 ? characters[index - 1] : nil
        let opens = previous.map { $0.isWhitespace || "([{<\u{2014}\u{2013}".contains($0) } ?? true
        switch character {
        case "-" where index + 2 < characters.count && characters[index + 1] == "-" && characters[index + 2] == "-":
            out.append("\u{2014}")
            index += 3
            continue
        case "-" where index + 1 < characters.count && characters[index + 1] == "-":
            out.append("\u{2013}")
            index += 2
            continue
        case "." where index + 2 < characters.count && characters[index + 1] == "." && characters[index + 2] == ".":
            out.append("\u{2026}")
            index += 3
            continue
        case "\"": out.append(opens ? "\u{201C}" : "\u{201D}")
        case "'": out.append(opens ? "\u{2018}" : "\u{2019}")
        default: out.append(character)
        }
        index += 1
    }
    return out
}
