/// One real snippet per language, as docs show them; the lexer tests pin each one's token stream and the fuzz
/// tests mix their fragments.
enum Snippets {
    static let all: [(language: String, code: String)] = [
        ("bash", "# install\nexport PATH=\"$HOME/bin:$PATH\"\nif [ -f ~/.bashrc ]; then echo 'ok'; fi\n"),
        ("console", "$ docent build --verbose\nBuilt 12 pages\n"),
        ("json", "{\"name\": \"docent\", \"pages\": [1, 2.5], \"draft\": false, \"owner\": null}\n"),
        ("yaml", "title: Docent # site\nnav:\n  - page: intro.md\n    weight: 2\n"),
        ("toml", "[package]\nname = \"docent\"\nversion = 3 # major\n"),
        ("javascript", "const add = (a, b) => a + b; // sum\nfunction greet(name) { return `Hi ${name}`; }\n"),
        ("typescript", "interface User { id: number; name?: string }\nexport const admin: User = { id: 1 };\n"),
        ("python", "@cache\ndef fib(n: int) -> int:\n    return n if n < 2 else fib(n - 1) + fib(n - 2)  # recurse\n"),
        ("go", "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(len(\"hi\"), true)\n}\n"),
        ("java", "@Override\npublic String toString() { return \"Point(\" + x + \")\"; }\n"),
        ("kotlin", "data class Point(val x: Int, val y: Int)\nfun main() = println(Point(1, 2))\n"),
        ("c", "#include <stdio.h>\nint main(void) { printf(\"%d\\n\", 0x1F); return 0; }\n"),
        ("cpp", "namespace app {\nclass Widget : public Base { int size = 0; };\n}\n"),
        ("csharp", "using System;\npublic class Greeter { public string Greet() => $\"Hi {Name}\"; }\n"),
        (
            "swift",
            "import Foundation\nstruct Page { let title: String }\nfunc render(_ page: Page) -> String { page.title }\n"
        ),
        ("rust", "use std::fmt;\nfn main() {\n    let v: Vec<u32> = vec![1, 2];\n    println!(\"{}\", v.len());\n}\n"),
        ("ruby", "class Site\n  def build(pages)\n    pages.each { |p| puts p[:title] }\n  end\nend\n"),
        ("php", "<?php\nfunction greet($name) { echo \"Hello, $name\"; }\n"),
        ("sql", "SELECT id, count(*) FROM pages WHERE draft = false -- live\nGROUP BY id;\n"),
        ("html", "<!DOCTYPE html>\n<a href=\"/docs/\" class=nav>Docs &amp; more</a>\n<script>let x = 1;</script>\n"),
        (
            "xml",
            "<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"><!-- entries --><title>Docent</title></feed>\n"
        ),
        (
            "css",
            "@media (prefers-color-scheme: dark) {\n  .note > a:hover { color: #8cc4ff; margin: 0 4px !important; }\n}\n"
        ),
        ("scss", "$accent: #0b5cad;\n.card {\n  // nested\n  &:hover { border-color: darken($accent, 10%); }\n}\n"),
        ("http", "POST /api/pages HTTP/1.1\nContent-Type: application/json\n\n{\"title\": \"New\"}\n"),
        ("dockerfile", "FROM swift:6.1 AS build\n# compile\nRUN swift build -c release\n"),
        ("diff", "--- a/app.js\n+++ b/app.js\n@@ -1,2 +1,2 @@\n-let x = 1;\n+const x = 1;\n same();\n"),
        ("markdown", "# Title\n\nSome *emphasis* and `code`, a [link](https://example.com).\n- item\n"),
        ("graphql", "query Page($id: ID!) {\n  page(id: $id) @cached { title }\n}\n"),
        ("ini", "; settings\n[server]\nport = 8080\nhost=localhost\n"),
    ]
}
