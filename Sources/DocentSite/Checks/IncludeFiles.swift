import Foundation

/// The text files of a template folder (includes, layouts), read once for the checks that look inside them.
enum IncludeFiles {
    /// (path relative to the site root, text) for every file under `folder`, sorted by path.
    static func read(root: URL, folder: String) -> [(path: String, text: String)] {
        let base = root.appendingPathComponent(folder)
        guard let enumerator = FileManager.default.enumerator(atPath: base.path) else { return [] }
        var files: [(String, String)] = []
        while let relative = enumerator.nextObject() as? String {
            guard !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }),
                let data = FileManager.default.contents(atPath: base.appendingPathComponent(relative).path),
                let text = String(validating: data, as: UTF8.self)
            else { continue }
            files.append((folder + "/" + relative, text))
        }
        return files.sorted { $0.0 < $1.0 }
    }
}
