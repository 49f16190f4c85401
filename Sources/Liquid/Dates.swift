import Foundation

/// A moment as `date` formats it: a civil date and time at a UTC offset.
struct CivilTime {
    var seconds: Int  // since the epoch, UTC
    var offset: Int  // seconds east of UTC
    var zoneName: String
    var nanoseconds = 0

    var year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0
    var weekday = 0  // 0 = Sunday
    var yearDay = 0  // 1-based

    init(seconds: Int, offset: Int, zoneName: String) {
        self.seconds = seconds
        self.offset = offset
        self.zoneName = zoneName
        let local = seconds + offset
        var days = local / 86400
        var rest = local % 86400
        if rest < 0 {
            rest += 86400
            days -= 1
        }
        (year, month, day) = civilFromDays(days)
        hour = rest / 3600
        minute = rest % 3600 / 60
        second = rest % 60
        weekday = ((days % 7) + 11) % 7  // 1970-01-01 was a Thursday
        yearDay = days - daysFromCivil(year, 1, 1) + 1
    }
}

/// Howard Hinnant's algorithms.
func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
    let y = m <= 2 ? y0 - 1 : y0
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146097 + doe - 719468
}

func civilFromDays(_ z0: Int) -> (Int, Int, Int) {
    let z = z0 + 719468
    let era = (z >= 0 ? z : z - 146096) / 146097
    let doe = z - era * 146097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
    let y = yoe + era * 400
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp + (mp < 10 ? 3 : -9)
    return (m <= 2 ? y + 1 : y, m, d)
}

let monthNames = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December",
]
let dayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

extension RenderContext {
    var now: Date { configuration.now?() ?? Date() }
}

/// Dates beyond ±300,000 years are not dates a template means; refusing them keeps the arithmetic in range.
let maxEpochSeconds = 1e13

/// Ruby Liquid's `Utils.to_date`: "now"/"today", epoch seconds (number or digits), or a parsed date string.
func toTime(_ value: LiquidValue, now: Date) -> CivilTime? {
    switch value.materialized {
    case .int(let i) where abs(Double(i)) < maxEpochSeconds: return CivilTime(seconds: i, offset: 0, zoneName: "UTC")
    case .double(let d) where d.isFinite && abs(d) < maxEpochSeconds:
        return CivilTime(seconds: Int(d.rounded(.down)), offset: 0, zoneName: "UTC")
    case .string(let s):
        let trimmed = s.trimmingWhitespace
        if trimmed.isEmpty { return nil }
        let lower = trimmed.lowercased()
        if lower == "now" || lower == "today" {
            return CivilTime(seconds: Int(now.timeIntervalSince1970.rounded(.down)), offset: 0, zoneName: "UTC")
        }
        if trimmed.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            guard let i = Int(trimmed), Double(i) < maxEpochSeconds else { return nil }
            return CivilTime(seconds: i, offset: 0, zoneName: "UTC")
        }
        return parseDate(trimmed)
    default: return nil
    }
}

/// A forgiving date parser in the spirit of Ruby's `Time.parse`: ISO 8601 and the usual written forms.
func parseDate(_ text: String) -> CivilTime? {
    enum Part {
        case number(String)
        case word(String)
        case sign(Character)
        case punct(Character)
    }
    var parts: [Part] = []
    var current = ""
    var kind = 0  // 1 digits, 2 letters
    func flush() {
        if current.isEmpty { return }
        parts.append(kind == 1 ? .number(current) : .word(current))
        current = ""
        kind = 0
    }
    for c in text {
        if c.isASCII && c.isNumber {
            if kind != 1 { flush() }
            kind = 1
            current.append(c)
        } else if c.isLetter {
            if kind != 2 { flush() }
            kind = 2
            current.append(c)
        } else {
            flush()
            if c == "+" || c == "-" {
                parts.append(.sign(c))
            } else if !c.isWhitespace {
                parts.append(.punct(c))
            } else {
                parts.append(.punct(" "))
            }
        }
    }
    flush()

    var year: Int?
    var month: Int?
    var day: Int?
    var hour = 0, minute = 0, second = 0, nanos = 0
    var offset: Int?
    var zoneName = ""
    var pm: Bool?
    var i = 0
    func number(_ at: Int) -> String? {
        if at < parts.count, case .number(let n) = parts[at] { return n }
        return nil
    }
    func punct(_ at: Int, _ c: Character) -> Bool {
        if at < parts.count, case .punct(let p) = parts[at], p == c { return true }
        if at < parts.count, case .sign(let p) = parts[at], p == c { return true }
        return false
    }
    var sawTime = false
    while i < parts.count {
        switch parts[i] {
        case .number(let n):
            // YYYY-MM-DD or YYYY/MM/DD
            if n.count == 4, year == nil, let separator = ["-", "/"].first(where: { punct(i + 1, $0) }),
                let m = number(i + 2), punct(i + 3, separator), let d = number(i + 4)
            {
                year = Int(n)
                month = Int(m)
                day = Int(d)
                i += 5
                continue
            }
            // MM/DD/YYYY
            if n.count <= 2, punct(i + 1, "/"), let d = number(i + 2), punct(i + 3, "/"), let y = number(i + 4) {
                month = Int(n)
                day = Int(d)
                year = Int(y).map { y.count == 2 ? 2000 + $0 : $0 }
                i += 5
                continue
            }
            // HH:MM(:SS(.fff))
            if !sawTime, n.count <= 2, punct(i + 1, ":"), let m = number(i + 2) {
                sawTime = true
                hour = Int(n) ?? 0
                minute = Int(m) ?? 0
                i += 3
                if punct(i, ":"), let s = number(i + 1) {
                    second = Int(s) ?? 0
                    i += 2
                    if punct(i, "."), let f = number(i + 1) {
                        let digits = String((f + "000000000").prefix(9))
                        nanos = Int(digits) ?? 0
                        i += 2
                    }
                }
                continue
            }
            if n.count == 8, year == nil, let v = Int(n) {
                year = v / 10000
                month = v / 100 % 100
                day = v % 100
                i += 1
                continue
            }
            if n.count >= 3 {
                if year == nil { year = Int(n) }
            } else if day == nil {
                day = Int(n)
            } else if year == nil {
                year = Int(n).map { 2000 + $0 }
            }
            i += 1
        case .word(let w):
            let lower = w.lowercased()
            if lower == "t" && sawTime == false {
                i += 1
                continue
            }
            if let m = monthNames.firstIndex(where: { $0.lowercased().hasPrefix(lower) && lower.count >= 3 }) {
                month = m + 1
            } else if dayNames.contains(where: { $0.lowercased().hasPrefix(lower) && lower.count >= 3 }) {
                // ignored
            } else if lower == "am" || lower == "pm" {
                pm = lower == "pm"
            } else if lower == "z" || lower == "utc" || lower == "gmt" {
                offset = 0
                zoneName = "UTC"
            } else if let known = zoneOffsets[lower] {
                offset = known
                zoneName = w.uppercased()
            } else {
                return nil
            }
            i += 1
        case .sign(let s):
            // A UTC offset after the time: +HH:MM, +HHMM, +HH.
            if sawTime || year != nil, let n = number(i + 1), n.count <= 4 {
                var h = 0
                var m = 0
                if n.count == 4 {
                    h = Int(n.prefix(2)) ?? 0
                    m = Int(n.suffix(2)) ?? 0
                    i += 2
                } else if punct(i + 2, ":"), let mm = number(i + 3) {
                    h = Int(n) ?? 0
                    m = Int(mm) ?? 0
                    i += 4
                } else {
                    h = Int(n) ?? 0
                    i += 2
                }
                if sawTime {
                    offset = (s == "-" ? -1 : 1) * (h * 3600 + m * 60)
                    zoneName = ""
                }
                continue
            }
            i += 1
        case .punct:
            i += 1
        }
    }
    guard let y = year, abs(y) < 100_000, let m = month, (1...12).contains(m) else { return nil }
    let d = day ?? 1
    guard (1...31).contains(d), hour < 25, minute < 60, second < 61 else { return nil }
    if let pm {
        if pm && hour < 12 { hour += 12 }
        if !pm && hour == 12 { hour = 0 }
    }
    let off = offset ?? 0
    let seconds = daysFromCivil(y, m, d) * 86400 + hour * 3600 + minute * 60 + second - off
    var time = CivilTime(seconds: seconds, offset: off, zoneName: offset == nil ? "UTC" : zoneName)
    time.nanoseconds = nanos
    return time
}

let zoneOffsets: [String: Int] = [
    "est": -5 * 3600, "edt": -4 * 3600, "cst": -6 * 3600, "cdt": -5 * 3600, "mst": -7 * 3600, "mdt": -6 * 3600,
    "pst": -8 * 3600, "pdt": -7 * 3600, "cet": 3600, "cest": 7200, "bst": 3600,
]

/// Ruby's `strftime`, with the flags `-`, `_`, `0`, `^`, `#`, widths and `:` for `%:z`.
func strftime(_ format: String, _ t: CivilTime) -> String {
    var out = ""
    let chars = Array(format)
    var i = 0
    while i < chars.count {
        let c = chars[i]
        if c != "%" || i + 1 >= chars.count {
            out.append(c)
            i += 1
            continue
        }
        let start = i
        i += 1
        var padding: Character? = nil
        var upper = false
        var swapCase = false
        var colons = 0
        var width: Int? = nil
        while i < chars.count {
            switch chars[i] {
            case "-": padding = "-"
            case "_": padding = " "
            case "0": padding = "0"
            case "^": upper = true
            case "#": swapCase = true
            case ":": colons += 1
            default: break
            }
            if "-_0^#:".contains(chars[i]) { i += 1 } else { break }
        }
        var widthText = ""
        while i < chars.count, chars[i].isASCII, chars[i].isNumber {
            widthText.append(chars[i])
            i += 1
        }
        if !widthText.isEmpty { width = min(Int(widthText) ?? 0, 1024) }
        guard i < chars.count else {
            out += String(chars[start...])
            break
        }
        let directive = chars[i]
        i += 1

        func num(_ value: Int, _ defaultWidth: Int, _ defaultPad: Character = "0") -> String {
            let negative = value < 0
            var digits = String(abs(value))
            let w = width ?? defaultWidth
            let pad = padding ?? defaultPad
            if pad != "-" && digits.count < w - (negative ? 1 : 0) {
                digits = String(repeating: pad, count: w - digits.count - (negative ? 1 : 0)) + digits
            }
            return negative ? "-" + digits : digits
        }
        func text(_ s: String, upcaseByDefault: Bool = false) -> String {
            var r = s
            if upper || (swapCase && !upcaseByDefault) { r = r.uppercased() } else if swapCase { r = r.lowercased() }
            if let w = width, r.count < w {
                let pad: Character = padding == "0" ? "0" : " "
                r = String(repeating: pad, count: w - r.count) + r
            }
            return r
        }
        let hour12 = t.hour % 12 == 0 ? 12 : t.hour % 12
        switch directive {
        case "Y": out += num(t.year, t.year < 0 ? 5 : 4)
        case "C": out += num(floorDivide(t.year, 100), 2)
        case "y": out += num(((t.year % 100) + 100) % 100, 2)
        case "m": out += num(t.month, 2)
        case "B": out += text(monthNames[t.month - 1])
        case "b", "h": out += text(String(monthNames[t.month - 1].prefix(3)))
        case "d": out += num(t.day, 2)
        case "e": out += num(t.day, 2, " ")
        case "j": out += num(t.yearDay, 3)
        case "H": out += num(t.hour, 2)
        case "k": out += num(t.hour, 2, " ")
        case "I": out += num(hour12, 2)
        case "l": out += num(hour12, 2, " ")
        case "P": out += text(t.hour < 12 ? "am" : "pm")
        case "p": out += swapCase ? (t.hour < 12 ? "am" : "pm") : text(t.hour < 12 ? "AM" : "PM")
        case "M": out += num(t.minute, 2)
        case "S": out += num(t.second, 2)
        case "L": out += num(t.nanoseconds / 1_000_000, 3)
        case "N":
            let digits = String(format: "%09d", t.nanoseconds)
            out += String(digits.prefix(width ?? 9))
        case "z":
            let sign = t.offset < 0 ? "-" : "+"
            let magnitude = abs(t.offset)
            let h = magnitude / 3600
            let m = magnitude % 3600 / 60
            let hh = h < 10 ? "0\(h)" : "\(h)"
            let mm = m < 10 ? "0\(m)" : "\(m)"
            switch colons {
            case 1: out += "\(sign)\(hh):\(mm)"
            case 2:
                let s = magnitude % 60
                out += "\(sign)\(hh):\(mm):\(s < 10 ? "0\(s)" : "\(s)")"
            default: out += "\(sign)\(hh)\(mm)"
            }
        case "Z": out += text(t.zoneName)
        case "A": out += text(dayNames[t.weekday])
        case "a": out += text(String(dayNames[t.weekday].prefix(3)))
        case "u": out += num(t.weekday == 0 ? 7 : t.weekday, 1)
        case "w": out += num(t.weekday, 1)
        case "U": out += num((t.yearDay - 1 + 7 - t.weekday) / 7, 2)
        case "W": out += num((t.yearDay - 1 + 7 - ((t.weekday + 6) % 7)) / 7, 2)
        case "G", "g", "V":
            let (isoYear, isoWeek) = isoWeekDate(t)
            if directive == "G" {
                out += num(isoYear, 4)
            } else if directive == "g" {
                out += num(((isoYear % 100) + 100) % 100, 2)
            } else {
                out += num(isoWeek, 2)
            }
        case "s": out += String(t.seconds)
        case "n": out += "\n"
        case "t": out += "\t"
        case "%": out += "%"
        case "c": out += text(strftime("%a %b %e %H:%M:%S %Y", t))
        case "x", "D": out += text(strftime("%m/%d/%y", t))
        case "X", "T": out += text(strftime("%H:%M:%S", t))
        case "F": out += text(strftime("%Y-%m-%d", t))
        case "R": out += text(strftime("%H:%M", t))
        case "r": out += text(strftime("%I:%M:%S %p", t))
        case "v": out += text(strftime("%e-%^b-%Y", t))
        case "+": out += text(strftime("%a %b %e %H:%M:%S %Z %Y", t))
        default: out += String(chars[start..<i])
        }
    }
    return out
}

func isoWeekDate(_ t: CivilTime) -> (Int, Int) {
    let isoWeekday = t.weekday == 0 ? 7 : t.weekday
    let thursdayDayOfYear = t.yearDay - isoWeekday + 4
    var year = t.year
    var dayOfYear = thursdayDayOfYear
    let daysInYear = { (y: Int) in (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 366 : 365 }
    if dayOfYear < 1 {
        year -= 1
        dayOfYear += daysInYear(year)
    } else if dayOfYear > daysInYear(year) {
        dayOfYear -= daysInYear(year)
        year += 1
    }
    return (year, (dayOfYear - 1) / 7 + 1)
}
