import DocentSite
import DocentTestSupport
import Foundation
import Testing
import WalkthroughContract

/// The documented path a walkthrough page carries (`WalkthroughPath`), so its console works before the wasm: for
/// every walkthrough of our docs, every state's screen is what the simulation shows after the actions that lead
/// there (each way there: two actions are one state only when they do the same), and each procedure's steps can
/// be followed through it from the start. That the wasm agrees is Tests/browser/test_walkthrough_path.py's.
@Suite struct WalkthroughPathTests {
    let runs: [WalkthroughRun]

    init() {
        var options = BuildOptions(source: GuideFixture.repository)
        options.simulation = GuideFixture.simulation
        runs = SiteBuilder(options: options).build(into: NullOutput()).pages.compactMap(\.walkthrough)
    }

    private struct Table {
        var screens: [JSON]
        /// Per node: its screen's index and its edges (action, next node).
        var nodes: [(screen: Int, next: [(JSON, Int)])]
    }

    private func table(_ run: WalkthroughRun) throws -> Table {
        let text = try #require(run.pathJSON).replacingOccurrences(of: "\\u003c", with: "<")
        let json = try JSON.parse(text)
        let screens = try #require(json["screens"]?.arrayValue)
        var nodes: [(Int, [(JSON, Int)])] = []
        for node in try #require(json["nodes"]?.arrayValue) {
            guard case .int(let screen) = node["screen"] else { throw TableError() }
            var next: [(JSON, Int)] = []
            for pair in node["next"]?.arrayValue ?? [] {
                guard let items = pair.arrayValue, items.count == 2, case .int(let to) = items[1] else {
                    throw TableError()
                }
                next.append((items[0], to))
            }
            nodes.append((screen, next))
        }
        return Table(screens: screens, nodes: nodes)
    }

    private struct TableError: Error {}

    @Test func everyWalkthroughPageCarriesItsPathSmall() throws {
        #expect(runs.count >= 4)
        for run in runs {
            let text = try #require(run.pathJSON)
            #expect(!text.contains("<"))
            // A few dozen states; under 2.5 KB gzipped on the seed pages (measured: 1.7–2.7 KB).
            #expect(text.utf8.count < 120_000, "\(run.spec.state): \(text.utf8.count) bytes")
        }
    }

    @Test func everyWayToAStateShowsItsScreen() throws {
        for run in runs {
            let table = try table(run)
            // Every edge replayed natively from a fresh session along a first way to its source node.
            var ways: [Int: [JSON]] = [0: []]
            var queue = [0]
            while !queue.isEmpty {
                let node = queue.removeFirst()
                for (action, next) in table.nodes[node].next where ways[next] == nil {
                    ways[next] = ways[node]! + [action]
                    queue.append(next)
                }
            }
            #expect(ways.count == table.nodes.count, "\(run.spec.state): states no action leads to")
            for (node, way) in ways {
                for (action, next) in table.nodes[node].next {
                    var session = try GuideFixture.simulation.start(run.spec.state)
                    for step in way + [action] { try session.perform(try #require(WalkthroughAction(json: step))) }
                    #expect(
                        session.screen.json == table.screens[table.nodes[next].screen],
                        "\(run.spec.state): \(action.text) from state \(node) does not show state \(next)'s screen")
                }
            }
        }
    }

    @Test func everyProcedureCanBeFollowedThroughThePath() throws {
        for run in runs {
            let table = try table(run)
            for procedure in run.procedures {
                var node = 0
                func follow(_ action: WalkthroughAction) -> Bool {
                    guard let edge = table.nodes[node].next.first(where: { WalkthroughAction(json: $0.0) == action })
                    else { return false }
                    node = edge.1
                    return true
                }
                for step in procedure.steps {
                    guard let action = step.action else { continue }
                    if follow(action) { continue }
                    let saved = node
                    if !step.before.isEmpty, step.before.allSatisfy(follow), follow(action) { continue }
                    node = saved
                    // Only a step that is done where the console already is ("Navigate to your dashboard" on it)
                    // or that asks for what the screen already shows (an option chosen by default).
                    let screen = WalkthroughScreen(json: table.screens[table.nodes[node].screen])
                    let alreadySet =
                        WalkthroughRule.judge(.object([("alreadySet", action.json)]), on: screen)["answer"]?.boolValue
                        == true
                    if case .navigate = action { continue }
                    if alreadySet { continue }
                    Issue.record("\(run.spec.state), “\(procedure.title)”: no way through “\(step.text)”")
                    break
                }
            }
        }
    }
}
