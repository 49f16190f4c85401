import DocentSite
import Foundation
import Testing

/// A step picture Docent made keeps the alt text its writer gave; the step's sentence stands in only where they
/// gave none. (No Chromium: the pictures and their manifest are written by hand, as `docent screenshots` would.)
@Suite struct StepPictureAltTextTests {
    static let guide = """
        ---
        title: Upgrade
        walkthrough: enterprise-onboarding
        walkthrough_inputs:
          Activation code: ENT-100
        ---
        1. Click on the **Upgrade** button.

        ![The Upgrade button beside the "Free" plan](../assets/images/up.png)

        2. Enter your activation code.

        ![](../assets/images/code.png)
        """

    /// A PNG's signature and IHDR chunk: enough for the page to read its size (here 1280 × 400 pixels).
    static let png: Data = {
        var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]
        bytes += Array("IHDR".utf8) + [0, 0, 0x05, 0x00, 0, 0, 0x01, 0x90, 8, 2, 0, 0, 0, 0, 0, 0, 0]
        return Data(bytes)
    }()

    @Test func theWritersAltTextIsKeptAndTheStepsSentenceFillsAnEmptyOne() throws {
        let site = try GuideFixture(["content/guides/upgrade.md": Self.guide])
        defer { site.remove() }
        let images = site.root.appendingPathComponent("assets/images")
        try FileManager.default.createDirectory(at: images, withIntermediateDirectories: true)
        for name in ["up.png", "code.png"] { try Self.png.write(to: images.appendingPathComponent(name)) }
        try Screenshots.writeManifest(
            ["assets/images/up.png": "0", "assets/images/code.png": "0"], root: site.root)

        let (_, output) = site.build(checks: false)
        let page = String(decoding: try #require(output.files["guides/upgrade/index.html"]), as: UTF8.self)
        #expect(
            page.contains(
                "<img src=\"/assets/images/up.png\" alt=\"The Upgrade button beside the &quot;Free&quot; plan\" width=\"640\" height=\"200\""
            ))
        #expect(
            page.contains(
                "<img src=\"/assets/images/code.png\" alt=\"Enter your activation code.\" width=\"640\" height=\"200\"")
        )
    }
}
