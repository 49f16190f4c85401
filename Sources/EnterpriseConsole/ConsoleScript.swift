import EnterpriseDomain
import WalkthroughContract

/// Runs a scripted walk through the console and records every screen: the format the parity test compares
/// between the native build and the WebAssembly build.
///
/// Script: `{"startingState":"enterprise-onboarding","actions":[{"click":"Upgrade"},{"fill":"Activation code","value":"ENT-100"}]}`
/// Transcript: `{"startingState":…,"initial":<screen>,"steps":[{"action":…,"ok":true,"error":null,"screen":<screen>}],"final":<session state>}`
public enum ConsoleScript {
    public static func run(_ scriptText: String) -> String {
        let script: JSON
        do {
            script = try JSON.parse(scriptText)
        } catch {
            return failure("Invalid script JSON: \(error.message)")
        }
        guard let name = script["startingState"]?.stringValue else {
            return failure("The script needs a startingState.")
        }
        var session: ConsoleSession
        do {
            session = try ConsoleSession(startingState: name)
        } catch {
            return JSON.object([("ok", .bool(false)), ("error", error.json)]).text
        }
        var steps: [JSON] = []
        var actions: [JSON] = []
        if case .array(let items)? = script["actions"] { actions = items }
        for item in actions {
            var errorJSON = JSON.null
            if let action = ConsoleAction.parse(item) {
                do {
                    try session.perform(action)
                } catch {
                    errorJSON = error.json
                }
            } else {
                errorJSON = ConsoleError(kind: .invalidAction, message: "Unrecognised action.").json
            }
            steps.append(
                .object([
                    ("action", item), ("ok", .bool(errorJSON == .null)), ("error", errorJSON),
                    ("screen", session.screen.json),
                ]))
        }
        let initial = (try? ConsoleSession(startingState: name))?.screen.json ?? .null
        var output = JSON.object([
            ("ok", .bool(true)), ("startingState", .string(name)), ("initial", initial), ("steps", .array(steps)),
        ]).text
        // The final state is appended as raw JSON text to keep one writer for both.
        output.unicodeScalars.removeLast()
        output += ",\"final\":" + session.stateJSON() + "}"
        return output
    }

    static func failure(_ message: String) -> String {
        JSON.object([("ok", .bool(false)), ("error", ConsoleError(kind: .invalidAction, message: message).json)]).text
    }
}
