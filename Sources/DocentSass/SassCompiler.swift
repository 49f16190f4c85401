import CSass
import Foundation

/// The one place that calls libsass: compiles one stylesheet (SCSS or the indented syntax) to CSS. Every `@import`
/// of a Sass file goes to the caller's `SassImporter`, which answers with the file's text or refuses it: libsass
/// itself never opens a file. Plain CSS imports (`url(…)`, `"x.css"`, `http://…`, with media queries) stay in the
/// output as CSS, as Sass defines them, and read nothing. One data context per compile, nothing shared: compiles
/// may run on several threads at once. libsass parses and imports recursively (it stops nesting at 512 levels):
/// each compile runs on a thread of its own with a stack deep enough for that, whatever thread calls it.
public enum SassCompiler {
    /// The stack of the thread a compile runs on.
    static let stackBytes = 256 * 1_048_576

    /// Compiles `input`; the CSS (and its source map when asked for) or the first error.
    public static func compile(_ input: SassInput, importer: @escaping SassImporter) -> Result<SassOutput, SassError> {
        // As sassc: an empty stylesheet is empty CSS (libsass is not run, so there is no source map either).
        if input.text.isEmpty { return .success(SassOutput(css: "", sourceMap: nil)) }
        let job = Job(input: input, importer: importer)
        let thread = Thread { job.run() }
        thread.stackSize = stackBytes
        thread.start()
        job.done.wait()
        return job.result
            ?? .failure(SassError(message: "libsass did not finish", file: input.path, line: 1, column: 1))
    }

    /// One compile handed to its thread (the caller waits for it, so nothing is shared while it runs).
    private final class Job: @unchecked Sendable {
        let input: SassInput
        let importer: SassImporter
        let done = DispatchSemaphore(value: 0)
        var result: Result<SassOutput, SassError>?

        init(input: SassInput, importer: @escaping SassImporter) {
            self.input = input
            self.importer = importer
        }

        func run() {
            result = SassCompiler.compileHere(input, importer: importer)
            done.signal()
        }
    }

    private static func compileHere(_ input: SassInput, importer: @escaping SassImporter) -> Result<
        SassOutput, SassError
    > {
        let session = ImportSession(importer: importer, limits: input.limits)
        guard let context = sass_make_data_context(strdup(input.text)) else {
            return .failure(SassError(message: "libsass could not start", file: input.path, line: 1, column: 1))
        }
        defer { sass_delete_data_context(context) }
        let options = sass_data_context_get_options(context)
        sass_option_set_is_indented_syntax_src(options, input.syntax == .indented)
        sass_option_set_input_path(options, input.path)
        sass_option_set_output_style(options, input.style.cValue)
        if let sourceMapPath = input.sourceMapPath {
            sass_option_set_source_map_file(options, sourceMapPath)
            sass_option_set_source_map_contents(options, true)
        } else {
            sass_option_set_omit_source_map_url(options, true)
        }
        let cookie = Unmanaged.passRetained(session)
        defer { cookie.release() }
        let importers = sass_make_importer_list(1)
        sass_importer_set_list_entry(importers, 0, sass_make_importer(answerImport, 0, cookie.toOpaque()))
        sass_option_set_c_importers(options, importers)

        let status = sass_compile_data_context(context)
        let result = sass_data_context_get_context(context)
        if status != 0 || sass_context_get_error_status(result) != 0 {
            let message = sass_context_get_error_text(result).map { String(cString: $0) } ?? "Sass error"
            let file = sass_context_get_error_file(result).map { String(cString: $0) } ?? input.path
            return .failure(
                SassError(
                    message: message, file: file.isEmpty || file == "stdin" ? input.path : file,
                    line: max(1, Int(sass_context_get_error_line(result))),
                    column: max(1, Int(sass_context_get_error_column(result))), refusal: session.refusal))
        }
        let css = sass_context_get_output_string(result).map { String(cString: $0) } ?? ""
        let map = sass_context_get_source_map_string(result).map { String(cString: $0) }
        return .success(SassOutput(css: css, sourceMap: input.sourceMapPath == nil ? nil : map))
    }
}

// MARK: - Imports

/// What one compile's importer knows: the caller's importer, how much has been imported, the first refusal.
private final class ImportSession {
    let importer: SassImporter
    let limits: SassLimits
    var importCount = 0
    var importedBytes = 0
    var refusal: SassImportRefusal?

    init(importer: @escaping SassImporter, limits: SassLimits) {
        self.importer = importer
        self.limits = limits
    }

    func answer(_ url: String, from previous: String) -> SassImportAnswer {
        if Self.isPlainCSS(url) { return .plainCSS }
        importCount += 1
        guard importCount <= limits.maxImports else {
            return .refused(
                SassImportRefusal(
                    kind: .limit,
                    message: "more than \(limits.maxImports) imports (an import chain this long is a mistake)"))
        }
        let answer = importer(url, previous)
        if case .file(_, let text) = answer {
            importedBytes += text.utf8.count
            if importedBytes > limits.maxImportedBytes {
                return .refused(
                    SassImportRefusal(
                        kind: .limit,
                        message: "the imports add up to more than \(limits.maxImportedBytes / 1_048_576) MB"))
            }
        }
        return answer
    }

    /// Imports Sass leaves to CSS (libsass keeps them without reading anything): other than `file:` URLs and
    /// protocol-relative ones, `.css` files. (`url(…)` and imports with media queries never reach an importer.)
    static func isPlainCSS(_ url: String) -> Bool {
        if url.hasPrefix("//") || url.hasSuffix(".css") { return true }
        guard let colon = url.firstIndex(of: ":"), url[colon...].hasPrefix("://") else { return false }
        let scheme = url[..<colon]
        return scheme != "file" && !scheme.isEmpty && scheme.allSatisfy { $0.isLetter || $0 == "-" || $0 == "+" }
    }
}

/// libsass's importer callback: the answer as an import list (a file's text, an error, or nil for plain CSS).
private func answerImport(
    _ url: UnsafePointer<CChar>?, _ entry: Sass_Importer_Entry?, _ compiler: OpaquePointer?
) -> Sass_Import_List? {
    guard let url, let entry, let cookie = sass_importer_get_cookie(entry) else { return nil }
    let session = Unmanaged<ImportSession>.fromOpaque(cookie).takeUnretainedValue()
    let previous =
        sass_compiler_get_last_import(compiler).flatMap { sass_import_get_abs_path($0) }
        .map { String(cString: $0) } ?? ""
    let requested = String(cString: url)
    switch session.answer(requested, from: previous) {
    case .plainCSS:
        return nil
    case .file(let path, let text):
        let list = sass_make_import_list(1)
        sass_import_set_list_entry(list, 0, sass_make_import(requested, path, strdup(text), nil))
        return list
    case .refused(let refusal):
        if session.refusal == nil { session.refusal = refusal }
        let list = sass_make_import_list(1)
        let failed = sass_make_import_entry(requested, nil, nil)
        // No line and column (-1 is size_t's npos): libsass reports the error at the @import.
        sass_import_set_error(failed, refusal.message, -1, -1)
        sass_import_set_list_entry(list, 0, failed)
        return list
    }
}

extension SassStyle {
    fileprivate var cValue: Sass_Output_Style {
        switch self {
        case .nested: SASS_STYLE_NESTED
        case .expanded: SASS_STYLE_EXPANDED
        case .compact: SASS_STYLE_COMPACT
        case .compressed: SASS_STYLE_COMPRESSED
        }
    }
}
