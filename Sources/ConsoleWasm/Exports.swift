import EnterpriseConsole
import WalkthroughContract

// The functions the page calls. Strings cross linear memory as UTF-8: JavaScript allocates with
// `console_alloc`, writes the bytes, passes (pointer, length); every call leaves its JSON answer in a result
// buffer read through `console_result_ptr` / `console_result_len`. Sessions are small integer handles.
// Built only by scripts/wasm/build.sh (Embedded Swift, wasm32-unknown-none-wasm); not a SwiftPM target.

nonisolated(unsafe) var sessions: [ConsoleSession?] = []
nonisolated(unsafe) var resultBuffer: UnsafeMutablePointer<UInt8>? = nil
nonisolated(unsafe) var resultCapacity = 0
nonisolated(unsafe) var resultLength = 0

func input(_ pointer: Int32, _ length: Int32) -> String {
    guard length > 0, let base = UnsafePointer<UInt8>(bitPattern: Int(pointer)) else { return "" }
    return String(decoding: UnsafeBufferPointer(start: base, count: Int(length)), as: UTF8.self)
}

/// Stores `text` as the current result and returns its length in bytes.
func answer(_ text: String) -> Int32 {
    var utf8 = Array(text.utf8)
    if utf8.count > resultCapacity {
        resultBuffer?.deallocate()
        resultCapacity = utf8.count + 1024
        resultBuffer = UnsafeMutablePointer<UInt8>.allocate(capacity: resultCapacity)
    }
    if let buffer = resultBuffer {
        utf8.withUnsafeMutableBufferPointer { source in
            if let from = source.baseAddress { buffer.update(from: from, count: source.count) }
        }
    }
    resultLength = utf8.count
    return Int32(resultLength)
}

func errorAnswer(_ error: ConsoleError) -> Int32 {
    answer(JSON.object([("ok", .bool(false)), ("error", error.json)]).text)
}

func session(_ handle: Int32) -> ConsoleSession? {
    let index = Int(handle) - 1
    guard index >= 0, index < sessions.count else { return nil }
    return sessions[index]
}

func store(_ session: ConsoleSession) -> Int32 {
    if let free = sessions.firstIndex(where: { $0 == nil }) {
        sessions[free] = session
        return Int32(free + 1)
    }
    sessions.append(session)
    return Int32(sessions.count)
}

func noSession(_ handle: Int32) -> Int32 {
    errorAnswer(ConsoleError(kind: .invalidAction, message: "No session \(handle)."))
}

@_expose(wasm, "console_result_ptr")
public func consoleResultPointer() -> Int32 {
    Int32(truncatingIfNeeded: Int(bitPattern: resultBuffer))
}

@_expose(wasm, "console_result_len")
public func consoleResultLength() -> Int32 { Int32(resultLength) }

/// `["enterprise-onboarding", …]`.
@_expose(wasm, "console_starting_states")
public func consoleStartingStates() -> Int32 {
    answer(JSON.strings(ConsoleSession.startingStates).text)
}

/// Starts a session from a starting state name; returns its handle (≥ 1), or 0 with an error as the result.
/// The result is the first screen.
@_expose(wasm, "console_start")
public func consoleStart(_ pointer: Int32, _ length: Int32) -> Int32 {
    do {
        let started = try ConsoleSession(startingState: input(pointer, length))
        let handle = store(started)
        _ = answer(started.screenJSON())
        return handle
    } catch {
        _ = errorAnswer(error)
        return 0
    }
}

/// Performs a JSON action (`{"click":"Upgrade"}`); returns 1 or 0. The result is
/// `{"ok":…,"error":…|null,"screen":…}`; the screen shows the error too.
@_expose(wasm, "console_perform")
public func consolePerform(_ handle: Int32, _ pointer: Int32, _ length: Int32) -> Int32 {
    guard var current = session(handle) else {
        _ = noSession(handle)
        return 0
    }
    var errorJSON = JSON.null
    var ok = true
    do {
        let action = try ConsoleAction.parse(input(pointer, length))
        try current.perform(action)
    } catch {
        errorJSON = error.json
        ok = false
    }
    sessions[Int(handle) - 1] = current
    _ = answer(JSON.object([("ok", .bool(ok)), ("error", errorJSON), ("screen", current.screen.json)]).text)
    return ok ? 1 : 0
}

/// The current screen as JSON; returns its length.
@_expose(wasm, "console_screen")
public func consoleScreen(_ handle: Int32) -> Int32 {
    guard let current = session(handle) else { return noSession(handle) }
    return answer(current.screenJSON())
}

/// Copies a session (a fork of the simulation); returns the new handle or 0.
@_expose(wasm, "console_fork")
public func consoleFork(_ handle: Int32) -> Int32 {
    guard let current = session(handle) else {
        _ = noSession(handle)
        return 0
    }
    return store(current)
}

/// Asks the walkthrough rule a question about the session's current screen: did this action do the step, does the screen show what a step expects, which controls does an
/// action address, is a step already set (see WalkthroughRule+JSON.swift). Returns 1 when the answer is yes; the
/// result is the answer's JSON. The page judges a reader's action with this, the same code `docent check` runs.
@_expose(wasm, "walkthrough_judge")
public func walkthroughJudge(_ handle: Int32, _ pointer: Int32, _ length: Int32) -> Int32 {
    let judged = WalkthroughRule.judge(question: input(pointer, length), on: session(handle)?.screen.view)
    _ = answer(judged.text)
    return judged["answer"]?.boolValue == true ? 1 : 0
}

@_expose(wasm, "console_close")
public func consoleClose(_ handle: Int32) {
    let index = Int(handle) - 1
    if index >= 0, index < sessions.count { sessions[index] = nil }
}

#if CONSOLE_WASM_TESTING
    // The testing build only (scripts/wasm/build.sh --testing, for the parity test): the page never reads the
    // domain state or runs scripts, so the shipped ConsoleWasm.wasm leaves out the state JSON and the script runner.

    /// The session's domain state as JSON; returns its length.
    @_expose(wasm, "console_state")
    public func consoleState(_ handle: Int32) -> Int32 {
        guard let current = session(handle) else { return noSession(handle) }
        return answer(current.stateJSON())
    }

    /// Runs a whole script (see ConsoleScript) and returns the transcript's length.
    @_expose(wasm, "console_run_script")
    public func consoleRunScript(_ pointer: Int32, _ length: Int32) -> Int32 {
        answer(ConsoleScript.run(input(pointer, length)))
    }
#endif
