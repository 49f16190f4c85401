/// The rule that decides whether an action did a guide's step, which control a step names, and whether a
/// screen shows what a step expects. `docent check` runs it natively; the page asks the WebAssembly build
/// (`walkthrough_judge`), so a reader's click is judged by the same code that checked the guide.
///
/// Labels, rows, sections, options and listed values compare as the same words (`WalkthroughText.same`:
/// case, spacing and trailing punctuation aside); a listed value must equal a table cell or a control label.
public enum WalkthroughRule {
    /// True when `action` addresses `control` on `screen`: the verb fits the control's kind, the labels are the
    /// same words (an empty fill label means the screen's only text field), and so are the row and the section
    /// when the action names them.
    @inline(never)
    public static func addresses(
        _ action: WalkthroughAction, _ control: WalkthroughControl, on screen: WalkthroughScreen
    ) -> Bool {
        guard control.kind.verb == action.verb else { return false }
        if case .fill(let label, _) = action, WalkthroughText.normalized(label).isEmpty {
            return control.kind == .textField && screen.controls(.textField).count == 1
        }
        guard WalkthroughText.same(control.label, action.label) else { return false }
        if case .click(_, let row, let section) = action {
            if let row, !WalkthroughText.same(control.row ?? "", row) { return false }
            if let section, !WalkthroughText.same(control.section ?? "", section) { return false }
        }
        return true
    }

    /// The indexes of the controls `action` addresses on `screen`, in screen order.
    @inline(never)
    public static func targets(of action: WalkthroughAction, on screen: WalkthroughScreen) -> [Int] {
        var indexes: [Int] = []
        for index in screen.controls.indices where addresses(action, screen.controls[index], on: screen) {
            indexes.append(index)
        }
        return indexes
    }

    /// True when `screen` has an enabled control that `action` addresses.
    @inline(never)
    public static func isOnScreen(_ action: WalkthroughAction, _ screen: WalkthroughScreen) -> Bool {
        for index in targets(of: action, on: screen) where screen.controls[index].enabled { return true }
        return false
    }

    /// True when the reader's `action`, done on `screen`, is the step's action `step`: the same verb and label
    /// (a navigate step is done by a click on its label; a fill step with no label by filling the screen's only
    /// text field), the row and section the step names, a non-empty value for a fill, the state a toggle step
    /// sets (when both say), and the option a select step names.
    @inline(never)
    public static func did(_ step: WalkthroughAction, by action: WalkthroughAction, on screen: WalkthroughScreen)
        -> Bool
    {
        guard step.verb == action.verb else { return false }
        var wanted = step.label
        if case .fill = step, WalkthroughText.normalized(wanted).isEmpty {
            let fields = screen.controls(.textField)
            wanted = fields.count == 1 ? fields[0].label : ""
        }
        if !WalkthroughText.normalized(wanted).isEmpty, !WalkthroughText.same(wanted, action.label) { return false }
        switch (step, action) {
        case (.click(_, let row, let section), _):
            let (actionRow, actionSection) = rowAndSection(action)
            if let row, !WalkthroughText.same(row, actionRow ?? "") { return false }
            if let section, !WalkthroughText.same(section, actionSection ?? "") { return false }
            return true
        case (.navigate, _):
            return true
        case (.fill, .fill(_, let value)):
            return !WalkthroughText.normalized(value).isEmpty
        case (.toggle(_, let wantedOn), .toggle(_, let on)):
            guard let wantedOn, let on else { return true }
            return wantedOn == on
        case (.select(_, let option), .select(_, let chosen)):
            return WalkthroughText.same(option, chosen)
        default:
            return false
        }
    }

    /// True when `screen` is the one titled `title` (when given) and lists `listed` (when given): a table cell
    /// or a control label that is the same words, not merely containing them.
    @inline(never)
    public static func holds(title: String?, listed: String?, on screen: WalkthroughScreen) -> Bool {
        if let title, !WalkthroughText.same(screen.title, title) { return false }
        if let listed, !lists(listed, screen) { return false }
        return true
    }

    /// True when `text` is a table cell or a control label of `screen` (the same words).
    @inline(never)
    public static func lists(_ text: String, _ screen: WalkthroughScreen) -> Bool {
        let key = WalkthroughText.normalized(text)
        for table in screen.tables {
            for row in table.rows {
                for cell in row where WalkthroughText.equal(WalkthroughText.normalized(cell), key) { return true }
            }
        }
        for control in screen.controls where WalkthroughText.equal(WalkthroughText.normalized(control.label), key) {
            return true
        }
        return false
    }

    /// True for a select or toggle step whose control on `screen` already shows what the step sets (`Choose
    /// **Unique verification record**` where it is the default): nothing is left to do.
    @inline(never)
    public static func isAlreadySet(_ step: WalkthroughAction, on screen: WalkthroughScreen) -> Bool {
        let wanted: (option: String?, on: Bool?)
        switch step {
        case .select(_, let option): wanted = (option, nil)
        case .toggle(_, let on?): wanted = (nil, on)
        default: return false
        }
        for index in targets(of: step, on: screen) {
            let control = screen.controls[index]
            if let option = wanted.option { return WalkthroughText.same(control.value ?? "", option) }
            if let on = wanted.on { return control.isOn == on }
        }
        return false
    }

    private static func rowAndSection(_ action: WalkthroughAction) -> (String?, String?) {
        if case .click(_, let row, let section) = action { return (row, section) }
        return (nil, nil)
    }
}
