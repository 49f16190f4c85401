import EnterpriseDomain
import WalkthroughContract

/// A console screen's JSON is its view's: the walkthrough contract's screen JSON.
extension Screen {
    public var json: JSON { view.json }

    public var jsonText: String { json.text }
}
