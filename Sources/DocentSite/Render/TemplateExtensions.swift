import Foundation
import Liquid

/// Tags and filters a site writes as templates, in place of Jekyll's Ruby plugins:
/// - `_tags/NAME.html` (`templates/tags/` in a Docent site) is a block tag `{% NAME args %}…{% endNAME %}`;
///   front matter `end: false` makes it a tag without an end tag (`{% new_in 13 %}`), and `body: yaml` gives the
///   template `tag.data`, the YAML of the rendered body;
/// - `_filters/NAME.html` (`templates/filters/`) is a filter: `{{ value | NAME: a, b, key: c }}` renders the
///   template with `input` (the value), `args` and `params`; the output is the result;
/// - both see `page`, `site`, `layout` and `include` of where they are used; a tag also `tag.args`,
///   `tag.params`, `tag.body` (rendered) and `tag.name`.
/// `tags_dir:` and `filters_dir:` in the config name other folders.
struct TemplateExtensions {
    let root: URL
    let config: SiteConfig
    let box: EngineBox
    let siteValues: @Sendable () -> LiquidValue

    /// A registered template: its cache key in the engine box, for what it refers to.
    struct Source {
        var key: String
        var sitePath: String
        var text: String
        var lineOffset: Int
    }

    @discardableResult
    func registerTag(_ name: String, sitePath: String, text: String, in configuration: inout LiquidConfiguration)
        -> Source
    {
        let (source, offset, settings) = Self.split(text)
        let key = "tag:" + name
        let yamlBody = settings["body"] == .string("yaml")
        let box = box
        let siteValues = siteValues
        @Sendable func render(_ tag: [String: LiquidValue], environment: [String: LiquidValue]) throws(LiquidError)
            -> String
        {
            guard let engine = box.engine else { return "" }
            let template = try box.template(for: key, source: source, file: sitePath, lineOffset: offset)
            var variables = environment
            variables["tag"] = .object(tag)
            variables["site"] = variables["site"] ?? siteValues()
            return try engine.render(template, variables)
        }
        if settings["end"] == .bool(false) {
            configuration.registerTag(name) { call throws(LiquidError) -> String in
                let tag: [String: LiquidValue] = [
                    "name": .string(name), "params": .object(call.parameters), "args": .array(call.positional),
                ]
                return try render(tag, environment: call.environment)
            }
        } else {
            configuration.registerBlockTag(name) { call throws(LiquidError) -> String in
                var tag: [String: LiquidValue] = [
                    "name": .string(name), "body": .string(call.body), "params": .object(call.parameters),
                    "args": .array(call.positional),
                ]
                if yamlBody, case .success(let data) = YAMLData.parse(call.body) { tag["data"] = data.value }
                return try render(tag, environment: call.environment)
            }
        }
        return Source(key: key, sitePath: sitePath, text: source, lineOffset: offset)
    }

    @discardableResult
    func registerFilter(_ name: String, sitePath: String, text: String, in configuration: inout LiquidConfiguration)
        -> Source
    {
        let (source, offset, _) = Self.split(text)
        let key = "filter:" + name
        let box = box
        let siteValues = siteValues
        configuration.registerFilter(name) { input, arguments, named, environment throws(LiquidError) -> LiquidValue in
            guard let engine = box.engine else { return input }
            let template = try box.template(for: key, source: source, file: sitePath, lineOffset: offset)
            var variables = environment
            variables["input"] = input
            variables["args"] = .array(arguments)
            variables["params"] = .object(named)
            variables["site"] = variables["site"] ?? siteValues()
            return .string(try engine.render(template, variables))
        }
        return Source(key: key, sitePath: sitePath, text: source, lineOffset: offset)
    }

    /// The template's body, the lines above it and its front matter settings.
    private static func split(_ text: String) -> (String, Int, [String: LiquidValue]) {
        let split =
            (try? FrontMatterSplit.split(text).get()) ?? FrontMatterSplit(yaml: nil, body: text, bodyLineOffset: 0)
        var settings: [String: LiquidValue] = [:]
        if let yaml = split.yaml, case .success(let data) = YAMLData.parse(yaml), case .object(let object) = data.value
        {
            settings = object
        }
        return (split.body, split.bodyLineOffset, settings)
    }
}
