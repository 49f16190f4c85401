/// The rule's questions and answers as JSON, for the page (through the WebAssembly export `walkthrough_judge`)
/// and for the parity test that holds the native and the wasm answers to be the same:
///
/// | question | answer |
/// |---|---|
/// | `{"did": step action, "action": the reader's action}` | `{"answer": Bool}` (`did(_:by:on:)`) |
/// | `{"holds": {"title"?: String, "listed"?: String}}` | `{"answer": Bool}` (`holds(title:listed:on:)`) |
/// | `{"targets": action}` | `{"answer": isOnScreen, "controls": [index…]}` |
/// | `{"alreadySet": step action}` | `{"answer": Bool}` (`isAlreadySet(_:on:)`) |
///
/// The screen is the caller's: in the page, the console session's current screen.
extension WalkthroughRule {
    @inline(never)
    public static func judge(_ question: JSON, on screen: WalkthroughScreen?) -> JSON {
        guard let screen else { return refusal("no screen to judge against") }
        if let stepJSON = question["did"] {
            guard let step = WalkthroughAction(json: stepJSON),
                let action = question["action"].flatMap({ WalkthroughAction(json: $0) })
            else { return refusal("\"did\" needs a step action and the reader's \"action\"") }
            return .object([("answer", .bool(did(step, by: action, on: screen)))])
        }
        if let expectation = question["holds"] {
            let answer = holds(
                title: expectation["title"]?.stringValue, listed: expectation["listed"]?.stringValue, on: screen)
            return .object([("answer", .bool(answer))])
        }
        if let actionJSON = question["targets"] {
            guard let action = WalkthroughAction(json: actionJSON) else {
                return refusal("\"targets\" needs an action")
            }
            var indexes: [JSON] = []
            for index in targets(of: action, on: screen) { indexes.append(.int(index)) }
            return .object([("answer", .bool(isOnScreen(action, screen))), ("controls", .array(indexes))])
        }
        if let stepJSON = question["alreadySet"] {
            guard let step = WalkthroughAction(json: stepJSON) else { return refusal("\"alreadySet\" needs an action") }
            return .object([("answer", .bool(isAlreadySet(step, on: screen)))])
        }
        return refusal("a question is one of did, holds, targets or alreadySet")
    }

    /// `judge` for a question as JSON text (one that is not JSON is refused).
    @inline(never)
    public static func judge(question text: String, on screen: WalkthroughScreen?) -> JSON {
        guard let question = try? JSON.parse(text) else { return refusal("the question is not JSON") }
        return judge(question, on: screen)
    }

    private static func refusal(_ message: String) -> JSON {
        .object([("answer", .bool(false)), ("error", .string(message))])
    }
}
