import DocentSite
import Testing

@Suite struct StemmerTests {
    @Test(arguments: [
        ("caresses", "caress"), ("ponies", "poni"), ("cats", "cat"), ("feed", "feed"), ("agreed", "agre"),
        ("plastered", "plaster"), ("motoring", "motor"), ("hopping", "hop"), ("filing", "file"), ("happy", "happi"),
        ("relational", "relat"), ("conditional", "condit"), ("digitizer", "digit"), ("generalization", "gener"),
        ("hopefulness", "hope"), ("electrical", "electr"), ("adjustment", "adjust"), ("adoption", "adopt"),
        ("controlling", "control"), ("rate", "rate"), ("cumulative", "cumul"),
    ])
    func stemsFollowPorter(word: String, stem: String) {
        #expect(Stemmer.stem(word) == stem)
    }

    @Test func inflectionsShareAStem() {
        let forms = ["update", "updates", "updated", "updating"].map(Stemmer.stem)
        #expect(Set(forms).count == 1, "\(forms)")
        #expect(Stemmer.stem("token") == Stemmer.stem("tokens"))
    }

    @Test func shortAndNonASCIIWordsStayAsTheyAre() {
        #expect(Stemmer.stem("is") == "is")
        #expect(Stemmer.stem("cafés") == "cafés")
        #expect(Stemmer.stem("v2") == "v2")
    }
}
