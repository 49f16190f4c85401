/// `{% ifchanged %}…{% endifchanged %}`: renders its body only when it differs from what the last `ifchanged` of
/// the render produced (Ruby keeps one value per render).
struct IfChangedNode: Node {
    let body: [any Node]
    let line: Int
    let column: Int

    func render(_ context: RenderContext, _ output: inout String) throws(LiquidError) {
        var rendered = ""
        context.sideBuffers += 1
        defer { context.sideBuffers -= 1 }
        try renderNodes(body, context, &rendered)
        if rendered != context.lastIfChanged {
            context.lastIfChanged = rendered
            output += rendered
        }
    }
}
