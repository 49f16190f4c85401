import ArgumentParser
import Foundation

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Write a minimal working site (config, a guide, a layout) into a new folder.")

    @Argument(help: "The folder to create (it must not exist or be empty).")
    var directory: String

    func run() throws {
        let root = URL(fileURLWithPath: directory)
        let fileManager = FileManager.default
        if let existing = try? fileManager.contentsOfDirectory(atPath: root.path), !existing.isEmpty {
            throw ValidationError("\(directory) is not empty; docent init only writes into a new or empty folder")
        }
        for (path, text) in StarterSite.files {
            let url = root.appendingPathComponent(path)
            try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        print(
            "Created a Docent site in \(directory). Next: docent serve --source \(directory) --open, and open “Your first walkthrough”."
        )
    }
}
