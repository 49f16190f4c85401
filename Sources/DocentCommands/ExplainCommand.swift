import ArgumentParser
import DocentSite
import Foundation

/// `docent explain ID`: what a diagnostic means, from the catalog every diagnostic is registered in.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain", abstract: "Explain a diagnostic id, such as link.broken.",
        discussion: "Without an id, lists every diagnostic Docent reports with its default severity.")

    @Argument(help: "The id shown in brackets after a diagnostic, such as link.broken.")
    var id: String?

    func run() throws {
        guard let id else {
            let width = DiagnosticCatalog.all.map(\.id.count).max() ?? 0
            for kind in DiagnosticCatalog.all.sorted(by: { $0.id < $1.id }) {
                let padded = kind.id.padding(toLength: width, withPad: " ", startingAt: 0)
                print(
                    "\(padded)  \(kind.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0))  \(kind.summary)"
                )
            }
            return
        }
        guard let kind = DiagnosticCatalog.kind(id) else {
            var message = "error: no diagnostic is called `\(id)`"
            if let near = DiagnosticCatalog.closest(to: id) { message += "; did you mean `\(near)`?" }
            message += "\n`docent explain` lists them all.\n"
            FileHandle.standardError.write(Data(message.utf8))
            throw ExitCode(2)
        }
        print("\(kind.id) (\(kind.severity.rawValue) by default)")
        print(kind.summary)
    }
}
