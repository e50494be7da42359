import CobuyCore

/// The question asked before an action that cannot be undone. Whether to ask comes from the
/// action's spec in the core (``ActionSpec/consequence``), never from a list kept here.
extension Confirmation {
    /// "Withdraw a partner from the cooperative: SOL-2026-0003 “Fleet vehicles” (party
    /// marion-county)? The partner leaves… This cannot be undone." — or nil when the action can
    /// be undone, so it runs without a question.
    /// The characters of each input the question quotes.
    static let inputLength = 60

    static func beforeIrreversible(_ spec: ActionSpec, on recordID: String, titled title: String?, arguments: ActionArguments,
                                   effect: Effect, form: ActionForm? = nil) -> Confirmation? {
        guard let consequence = spec.consequence else { return nil }
        let named = title.map { "\(recordID) “\($0)”" } ?? recordID
        // The inputs in the order the form showed them, so the officer sees what is about to be recorded.
        let inputs = spec.parameters.compactMap { parameter -> String? in
            guard let value = arguments[parameter.flag], !value.isEmpty else { return nil }
            // Enough of a long text (a reason written in $EDITOR) to recognise it; the question stays on screen.
            let shown = value.count > Self.inputLength ? String(value.prefix(Self.inputLength - 1)) + "…" : value
            return parameter.kind == .switchFlag ? parameter.flag : "\(parameter.flag) \(shown.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: " ↵ "))"
        }
        let given = inputs.isEmpty ? "" : " (\(inputs.joined(separator: ", ")))"
        return Confirmation(question: "\(spec.summary): \(named)\(given)? \(consequence) This cannot be undone.", effect: effect,
                            form: form.flatMap { $0.fields.isEmpty ? nil : $0 })
    }
}
