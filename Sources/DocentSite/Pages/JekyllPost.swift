import DocentMarkdown
import Foundation
import Liquid

/// A Jekyll post (`_posts/2024-01-15-hello-world.md`, or `news/_posts/…`): the date and slug its file name
/// carries, its categories (the folders above `_posts` and the front matter's `category`/`categories`), its tags,
/// the title Jekyll gives an untitled post, its excerpt, and its URL from the site's permalink style.
struct JekyllPost: Equatable {
    var year: Int
    var month: Int
    var day: Int
    /// `HH:MM:SS` and `+0000`: midnight UTC unless the front matter's `date` says otherwise.
    var time = "00:00:00"
    var offset = "+0000"
    var slug: String
    var categories: [String]
    var tags: [String]

    /// From a post's site path; nil when its name does not start with a date (Jekyll skips such files).
    init?(sitePath: String, frontMatter values: [String: LiquidValue]) {
        let parts = sitePath.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard let name = parts.last, let postsIndex = parts.lastIndex(of: "_posts") else { return nil }
        let pieces = name.split(separator: "-", maxSplits: 3, omittingEmptySubsequences: false)
        guard pieces.count == 4, pieces[0].count == 4, (1...2).contains(pieces[1].count),
            (1...2).contains(pieces[2].count), let year = Int(pieces[0]), let month = Int(pieces[1]),
            let day = Int(pieces[2]), (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        let rest = String(pieces[3])
        self.year = year
        self.month = month
        self.day = day
        slug = rest.lastIndex(of: ".").map { String(rest[..<$0]) } ?? rest
        if case .string(let own)? = values["slug"], !own.isEmpty { slug = own }
        categories = parts[..<postsIndex].filter { !$0.isEmpty }
        for key in ["category", "categories"] {
            for category in Self.words(values[key]) where !categories.contains(category) { categories.append(category) }
        }
        tags = Self.words(values["tags"])
        if case .string(let date)? = values["date"] { applyDate(date) }
    }

    /// A front matter `date` (`2024-01-15`, `2024-01-15 10:30`, `2024-01-15 10:30:00 -0500`) over the file name's.
    private mutating func applyDate(_ text: String) {
        let fields = text.split(whereSeparator: { $0 == " " || $0 == "T" }).map(String.init)
        guard let first = fields.first else { return }
        let ymd = first.split(separator: "-").compactMap { Int($0) }
        guard ymd.count == 3 else { return }
        (year, month, day) = (ymd[0], ymd[1], ymd[2])
        if fields.count > 1 {
            let hms = fields[1].split(separator: ":").compactMap { Int($0) }
            if !hms.isEmpty {
                time = (hms + [0, 0, 0]).prefix(3).map { Self.pad($0, 2) }.joined(separator: ":")
            }
        }
        if fields.count > 2, let sign = fields[2].first, sign == "+" || sign == "-" {
            let digits = fields[2].filter(\.isNumber)
            if digits.count == 4 { offset = String(sign) + digits }
        }
    }

    /// `2024-01-15 00:00:00 +0000`, as Jekyll prints a post's date.
    var date: String { "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2)) \(time) \(offset)" }

    /// Whether the post is dated after `now` (Jekyll leaves those out unless `future: true`).
    func isAfter(_ now: Date) -> Bool {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let today = calendar.dateComponents([.year, .month, .day], from: now)
        return (year, month, day) > (today.year ?? 0, today.month ?? 0, today.day ?? 0)
    }

    /// Jekyll's title for an untitled post: its slug's words capitalised (`hello-world` → `Hello World`).
    var titleFromSlug: String {
        slug.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }

    /// The pattern a permalink style stands for with posts (`date`, `pretty`, `ordinal`, `none`…), or the style
    /// itself when it is a pattern.
    static func pattern(forStyle style: String) -> String {
        switch style {
        case "date": "/:categories/:year/:month/:day/:title:output_ext"
        case "pretty": "/:categories/:year/:month/:day/:title/"
        case "ordinal": "/:categories/:year/:y_day/:title:output_ext"
        case "weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext"
        case "none": "/:categories/:title:output_ext"
        default: style
        }
    }

    /// The placeholders a post adds to a permalink pattern.
    var placeholders: [String: String] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let date = calendar.date(from: DateComponents(year: year, month: month, day: day))
        let yearDay = date.flatMap { calendar.ordinality(of: .day, in: .year, for: $0) } ?? 0
        let hms = time.split(separator: ":").map(String.init)
        return [
            "year": Self.pad(year, 4), "short_year": Self.pad(year % 100, 2), "month": Self.pad(month, 2),
            "i_month": String(month), "day": Self.pad(day, 2), "i_day": String(day), "y_day": Self.pad(yearDay, 3),
            "hour": hms.first ?? "00", "minute": hms.dropFirst().first ?? "00",
            "second": hms.dropFirst(2).first ?? "00",
            // Lowercased, once each, a space kept as `%20` (the file's folder has the space, as in Jekyll).
            "categories": categories.reduce(into: [String]()) { kept, category in
                let lowered = category.lowercased()
                if !kept.contains(lowered) { kept.append(lowered) }
            }.map { $0.replacingOccurrences(of: " ", with: "%20") }.joined(separator: "/"),
            "slug": slug, "title": slug,
        ]
    }

    /// What a post adds to its front matter values: `date`, `categories`, `tags`, `slug`, a title when it has
    /// none, `id` (its URL without the extension) and `excerpt` (the Markdown up to the first blank line, or to
    /// the `excerpt_separator`, as HTML; Liquid in it is left out).
    func values(url: String, body: String, isMarkdown: Bool, config: SiteConfig) -> [String: LiquidValue] {
        var values: [String: LiquidValue] = [
            "date": .string(date), "categories": .array(categories.map { .string($0) }),
            "tags": .array(tags.map { .string($0) }), "slug": .string(slug),
            "id": .string(url.hasSuffix(".html") ? String(url.dropLast(5)) : url), "collection": "posts",
        ]
        let text = body.drop { $0 == "\n" || $0 == "\r" }
        let excerpt = text.range(of: config.excerptSeparator).map { String(text[..<$0.lowerBound]) } ?? String(text)
        let withoutLiquid = Self.removingLiquid(excerpt)
        values["excerpt"] = .string(
            isMarkdown
                ? Markdown.html(
                    withoutLiquid, style: config.markdownStyle, renderer: HTMLRenderer(code: config.codeMarkup))
                : withoutLiquid)
        return values
    }

    private static func removingLiquid(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let open = rest.range(of: "{%") ?? rest.range(of: "{{") {
            out += rest[..<open.lowerBound]
            let closer = rest[open.lowerBound...].hasPrefix("{%") ? "%}" : "}}"
            guard let close = rest[open.upperBound...].range(of: closer) else { return out }
            rest = rest[close.upperBound...]
        }
        return out + rest
    }

    /// `tags: a b` or `tags: [a, b]` as a list of words.
    private static func words(_ value: LiquidValue?) -> [String] {
        switch value {
        case .string(let text)?: text.split(separator: " ").map(String.init)
        case .array(let items)?:
            items.compactMap {
                switch $0 {
                case .string(let text): text
                case .int(let number): String(number)
                default: nil
                }
            }
        default: []
        }
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
