/// `self`: the variables in scope where it is read (locals, then the template's, then the render's), as Ruby
/// Liquid's `SelfDrop`. `self[key]` looks a variable up by a computed name; a captured `self` keeps reading the
/// scope it came from, as it is when read. It renders as `Liquid::SelfDrop` and has no size, first or last of its
/// own. A variable named `self` hides it.
final class SelfDrop: LiquidDrop, @unchecked Sendable {
    /// The render's context; a render is single-threaded, and the context owns the drop (hence weak).
    private weak var context: RenderContext?

    init(_ context: RenderContext) { self.context = context }

    func liquidValue(forKey key: String) -> LiquidValue? { context?.variable(key) }

    var liquidDisplay: String? { "Liquid::SelfDrop" }
}
