/// What the build cache records of a page as it was made from its file (its URL, output file and `PageBrief`), beside
/// the file's front matter (`FrontMatterRecord`): the next build, finding the file unchanged under the same
/// environment, makes the page from this alone and its front matter's parts only when something reads them
/// (`PageDetails`). Recorded only for a page whose making reported nothing (a diagnostic is reported again on every
/// build, so such a page is made again).
struct PageStub: Equatable {
    var url: String
    var outputPath: String
    var bodyLineOffset: Int
    var body: PageBodies.Fingerprint
    var brief: PageBrief

    /// The stub of a page made from a record with this body fingerprint.
    init(_ page: Page, body: PageBodies.Fingerprint) {
        url = page.url
        outputPath = page.outputPath
        bodyLineOffset = page.bodyLineOffset
        self.body = body
        brief = page.brief
    }

    var encoded: [UInt8] {
        var writer = CacheWriter()
        writer.append(url)
        writer.append(outputPath)
        writer.append(bodyLineOffset)
        writer.append(body.byteCount)
        writer.append(body.hash)
        writer.append(brief.title)
        writer.append(brief.description)
        let flags =
            (brief.published ? 1 : 0) | (brief.draft ? 2 : 0) | (brief.redirectsTo ? 4 : 0)
            | (brief.redirectsFrom ? 8 : 0)
        writer.append(UInt64(flags))
        return writer.bytes
    }

    /// The stub `encoded` gave, or nil when the bytes are not a whole stub.
    init?(encoded bytes: ArraySlice<UInt8>) {
        var reader = CacheReader(bytes)
        do {
            url = try reader.string()
            outputPath = try reader.string()
            bodyLineOffset = try reader.int()
            body = PageBodies.Fingerprint(byteCount: try reader.int(), hash: try reader.integer())
            let title = try reader.optionalString()
            let description = try reader.optionalString()
            let flags = try reader.integer()
            guard flags < 16 else { return nil }
            brief = PageBrief(
                title: title, description: description, published: flags & 1 != 0, draft: flags & 2 != 0,
                redirectsTo: flags & 4 != 0, redirectsFrom: flags & 8 != 0)
        } catch {
            return nil
        }
        guard reader.isAtEnd else { return nil }
    }
}
