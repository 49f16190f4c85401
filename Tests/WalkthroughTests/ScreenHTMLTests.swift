import Testing
import WalkthroughContract

@testable import DocentSite

/// The static rendering of a screen: real controls, text escaped, the step's control highlighted.
@Suite struct ScreenHTMLTests {
    let screen = WalkthroughScreen(
        jsonText:
            """
            {"title":"<Org> & Co","breadcrumbs":["Account"],"banner":null,"notes":["Simulated."],
             "messages":[{"kind":"error","text":"Code \\"<x>\\" is unknown."}],
             "sections":[],"tables":[{"title":"Organizations","section":null,"columns":["Name"],
             "rows":[["Cargo"],["<img src=x>"]]}],
             "controls":[{"kind":"button","label":"Manage Organization","value":null,"enabled":true,"row":"Cargo","section":null},
              {"kind":"textField","label":"Name","value":"\\"><script>","enabled":true,"row":null,"section":null},
              {"kind":"toggle","label":"Enable","value":"on","enabled":false,"row":null,"section":"Capture"}],
             "download":null}
            """)!

    @Test func readerAndProductTextIsEscapedNeverMarkup() {
        var html = ""
        ScreenHTML(highlight: nil).render(screen, into: &html)
        #expect(html.contains("<h3 class=\"docent-screen-title\">&lt;Org&gt; &amp; Co</h3>"))
        #expect(html.contains("<td>&lt;img src=x&gt;</td>"))
        #expect(html.contains("value=\"&quot;&gt;&lt;script&gt;\""))
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<img"))
    }

    @Test func rowControlsSitInTheirTableRowAndOthersBelow() {
        var html = ""
        ScreenHTML(highlight: .click(label: "Manage Organization", row: "Cargo")).render(screen, into: &html)
        #expect(
            html.contains(
                "<tr><td>Cargo</td><td class=\"docent-row-controls\"><button type=\"button\" aria-label=\"Manage Organization Cargo\" class=\"docent-control docent-button docent-highlight docent-role-secondary\" data-kind=\"button\" data-label=\"Manage Organization\" data-row=\"Cargo\">Manage Organization</button></td></tr>"
            ))
        #expect(
            html.contains(
                "<button type=\"button\" role=\"switch\" aria-checked=\"true\" class=\"docent-control docent-toggle\" data-kind=\"toggle\" data-label=\"Enable\" data-section=\"Capture\" disabled>Enable</button>"
            ))
        #expect(
            html.contains(
                "<li class=\"docent-message docent-message-error\">Code &quot;&lt;x&gt;&quot; is unknown.</li>"))
    }
}
