/// A record that an officer ends with a written reason: a contract terminated or cancelled, a
/// solicitation cancelled or declared unsuccessful. The reason is the audit trail's answer to
/// "why did this stop", so one made only of spaces is refused the same way everywhere.
protocol ClosableRecord {
    associatedtype Status
    var status: Status { get set }
    var closingReason: String? { get set }
}

extension ClosableRecord {
    /// Ends the record in `status` with `reason`, or returns the refusal when the reason is empty.
    mutating func close(as status: Status, reason: String) -> Refusal? {
        let text = reason.trimmingSpaces
        guard !text.isEmpty else { return .emptyText("reason", "reason") }
        closingReason = text
        self.status = status
        return nil
    }
}

extension CooperativeContract: ClosableRecord {}
extension JointSolicitation: ClosableRecord {}
