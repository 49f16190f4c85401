/// A calendar day, counted from 1970-01-01 (day 0). No Foundation: the civil-date conversion is
/// Howard Hinnant's `days_from_civil` / `civil_from_days`.
public struct Day: Hashable, Comparable, Sendable {
    public var number: Int

    public init(_ number: Int) { self.number = number }

    /// The last day the simulation's dates reach (`iso` writes four-digit years); the clock stops here.
    public static let latest = Day(year: 9999, month: 12, day: 31)

    public init(year: Int, month: Int, day: Int) {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        number = era * 146097 + doe - 719468
    }

    /// Parses `YYYY-MM-DD`; returns nil for anything else.
    public init?(iso text: String) {
        let parts = Text.split(text, UInt8(ascii: "-"))
        guard parts.count == 3, parts[0].utf8.count == 4, parts[1].utf8.count == 2, parts[2].utf8.count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
            (1...12).contains(m), (1...31).contains(d)
        else { return nil }
        self.init(year: y, month: m, day: d)
        guard components.day == d else { return nil }
    }

    public var components: (year: Int, month: Int, day: Int) {
        let z = number + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// `YYYY-MM-DD`.
    public var iso: String {
        let c = components
        return "\(Day.pad(c.year, 4))-\(Day.pad(c.month, 2))-\(Day.pad(c.day, 2))"
    }

    public func adding(days: Int) -> Day { Day(number + days) }

    public static func - (lhs: Day, rhs: Day) -> Int { lhs.number - rhs.number }
    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.number < rhs.number }

    private static func pad(_ value: Int, _ width: Int) -> String {
        var text = String(value)
        while text.utf8.count < width { text = "0" + text }
        return text
    }
}
