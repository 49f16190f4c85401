import Foundation
import Liquid

/// jekyll-github-metadata's `site.github`, from what the site's own repository says, with no network: the
/// repository from the config's `repository:` (or `PAGES_REPO_NWO`, or the `origin` remote of the Git repository
/// the site is in), the revision and branch from Git's `HEAD`. The fields the plugin reads from GitHub's API
/// (contributors, releases, public repositories) are empty lists; the tagline is the site's description.
/// Only Git's `config`, `HEAD` and ref files are read; nothing of them is published but the repository's name and
/// the revision.
enum GitHubMetadata {
    static func value(root: URL, config: SiteConfig) -> LiquidValue? {
        guard config.layout == .jekyll, config.plugins.contains("jekyll-github-metadata") else { return nil }
        let git = gitFolder(from: root)
        var nwo: String?
        if case .string(let text)? = config.values["repository"], !text.isEmpty { nwo = text }
        nwo = nwo ?? ProcessInfo.processInfo.environment["PAGES_REPO_NWO"] ?? git.flatMap(originRepository)
        let head = git.flatMap(self.head)
        var fields: [String: LiquidValue] = [
            "hostname": "github.com", "pages_hostname": "github.io", "api_url": "https://api.github.com",
            "help_url": "https://help.github.com", "environment": "development", "pages_env": "development",
            "public_repositories": .array([]), "organization_members": .array([]), "contributors": .array([]),
            "releases": .array([]), "versions": .object([:]),
            "build_revision": .string(
                ProcessInfo.processInfo.environment["JEKYLL_BUILD_REVISION"] ?? head?.revision ?? ""),
            "project_tagline": config.description.isEmpty ? .nil_ : .string(config.description),
        ]
        if let branch = head?.branch { fields["source"] = .object(["branch": .string(branch), "path": "/"]) }
        guard let nwo, let slash = nwo.firstIndex(of: "/") else { return .object(fields) }
        let owner = String(nwo[..<slash])
        let name = String(nwo[nwo.index(after: slash)...])
        let repositoryURL = "https://github.com/\(nwo)"
        let isUserPage = name.lowercased() == "\(owner.lowercased()).github.io"
        let pagesURL =
            isUserPage ? "https://\(owner.lowercased()).github.io" : "https://\(owner.lowercased()).github.io/\(name)"
        let branch = head?.branch ?? "main"
        fields.merge([
            "repository_nwo": .string(nwo), "owner_name": .string(owner), "repository_name": .string(name),
            "project_title": .string(name), "repository_url": .string(repositoryURL),
            "owner_url": .string("https://github.com/\(owner)"), "url": .string(pagesURL),
            "baseurl": .string(isUserPage ? "" : "/\(name)"), "is_user_page": .bool(isUserPage),
            "is_project_page": .bool(!isUserPage), "show_downloads": true,
            "zip_url": .string("\(repositoryURL)/zipball/\(branch)"),
            "tar_url": .string("\(repositoryURL)/tarball/\(branch)"), "clone_url": .string("\(repositoryURL).git"),
            "releases_url": .string("\(repositoryURL)/releases"), "issues_url": .string("\(repositoryURL)/issues"),
            "wiki_url": .string("\(repositoryURL)/wiki"),
        ]) { _, new in new }
        return .object(fields)
    }

    /// The `.git` folder of the repository the site is in (the site's folder or one above it; for a worktree, the
    /// folder its `.git` file names).
    static func gitFolder(from root: URL) -> URL? {
        var folder = root.standardizedFileURL
        for _ in 0..<32 {
            let git = folder.appendingPathComponent(".git")
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: git.path, isDirectory: &isFolder) {
                if isFolder.boolValue { return git }
                // A worktree or submodule: `.git` is a file that says where its folder is (`gitdir: PATH`).
                if let text = try? String(contentsOf: git, encoding: .utf8), text.hasPrefix("gitdir: ") {
                    let path = text.dropFirst(8).trimmingCharacters(in: .whitespacesAndNewlines)
                    return path.hasPrefix("/") ? URL(fileURLWithPath: path) : folder.appendingPathComponent(path)
                }
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
        return nil
    }

    /// `owner/name` of the `origin` remote when it is on GitHub (`git@github.com:o/n.git`, `https://github.com/o/n`).
    static func originRepository(_ git: URL) -> String? {
        guard let text = try? String(contentsOf: git.appendingPathComponent("config"), encoding: .utf8) else {
            return nil
        }
        var inOrigin = false
        for line in text.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("[") {
                inOrigin = trimmed == "[remote \"origin\"]"
                continue
            }
            guard inOrigin, trimmed.hasPrefix("url"), let equals = trimmed.firstIndex(of: "=") else { continue }
            return repository(fromRemote: trimmed[trimmed.index(after: equals)...].trimmingCharacters(in: .whitespaces))
        }
        return nil
    }

    static func repository(fromRemote url: String) -> String? {
        guard let host = url.range(of: "github.com") else { return nil }
        var path = url[host.upperBound...].drop { $0 == ":" || $0 == "/" }
        if path.hasSuffix(".git") { path = path.dropLast(4) }
        let parts = path.split(separator: "/")
        return parts.count == 2 ? parts.joined(separator: "/") : nil
    }

    /// The checked-out branch and revision, from `HEAD` and the branch's ref (or `packed-refs`).
    static func head(_ git: URL) -> (branch: String?, revision: String?)? {
        guard let head = try? String(contentsOf: git.appendingPathComponent("HEAD"), encoding: .utf8) else {
            return nil
        }
        let text = head.trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.hasPrefix("ref: ") else { return (nil, text) }
        let ref = String(text.dropFirst(5))
        let branch = ref.hasPrefix("refs/heads/") ? String(ref.dropFirst(11)) : nil
        if !ref.contains(".."), let revision = try? String(contentsOf: git.appendingPathComponent(ref), encoding: .utf8)
        {
            return (branch, revision.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        let packed = (try? String(contentsOf: git.appendingPathComponent("packed-refs"), encoding: .utf8)) ?? ""
        let revision = packed.split(separator: "\n").first { $0.hasSuffix(" " + ref) }.map { String($0.prefix(40)) }
        return (branch, revision)
    }
}
