import DocentMarkdown

/// A page as the search index sees it, made as the page renders (on every core): its sections for the results and
/// its words, each with its weighted count and best sections, for the postings.
public struct SearchDocument: Sendable {
    public var url: String
    public var title: String
    /// Front matter values of the keys the config names as search filters.
    public var filters: [(key: String, values: [String])]
    /// The sections, each text cut to `snippetSourceLength` bytes (the results show the text around the words
    /// found, when they are in it).
    public var sections: [SearchSection]
    /// Every word of the page once, but the stop words (`SearchIndex.stopWords`, which the index leaves out).
    var words: SearchWords
    /// The page's length in words, title, headings and aliases included (for BM25's length normalisation).
    public var length: Int

    /// How much a word counts where it appears: title > headings > aliases > text.
    public enum Weight {
        public static let title: UInt32 = 10
        public static let heading: UInt32 = 5
        public static let alias: UInt32 = 4
        public static let text: UInt32 = 1
    }

    /// How much of a section's text the index keeps for the results' snippets.
    public static let snippetSourceLength = 240

    /// A reader of a page for search that has read its title and aliases: the body comes next.
    static func reader(title: String, aliases: [String]) -> SearchPageReader {
        var reader = SearchPageReader()
        // The title and aliases weigh for the page, not for a section: the results show the section the words are in.
        reader.readForPage(title, weight: Weight.title)
        for alias in aliases { reader.readForPage(alias, weight: Weight.alias) }
        return reader
    }

    /// The page from `reader` (see `reader(title:aliases:)`), which read its Markdown body as the
    /// renderer rendered it (the body after Liquid, so include output is in it), and its FAQ answers, each a section
    /// under its question; `html` (a page that is not Markdown) is read as the body when given.
    init(
        url: String, title: String, filters: [(key: String, values: [String])], reader: consuming SearchPageReader,
        faqs: [(id: String, question: String, answer: MarkdownDocument)], html: String?
    ) {
        self.url = url
        self.title = title
        self.filters = filters
        if let html { reader.readHTML(html) }
        for faq in faqs {
            reader.startSection(anchor: faq.id, heading: faq.question)
            reader.read(faq.answer.blocks)
        }
        let read = reader.finish()
        sections = read.sections
        words = read.words
        length = read.length
    }
}

/// One part of a page for search: the text under a heading (or an FAQ question), with the anchor to link to.
public struct SearchSection: Sendable, Equatable {
    /// The heading's id ("" for the text before the first heading).
    public var anchor: String
    public var heading: String
    public var text: String

    public init(anchor: String, heading: String, text: String) {
        self.anchor = anchor
        self.heading = heading
        self.text = text
    }
}
