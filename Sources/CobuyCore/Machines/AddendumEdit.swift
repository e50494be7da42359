/// The fields `edit` may change; `nil` leaves a field as it is.
public struct AddendumEdit: Hashable, Sendable {
    public var scope: String?
    public var contact: String?
    public var spend: Money?
    public var end: CalendarDate?
    public var purchaseOrderInstructions: String?

    public init(scope: String? = nil, contact: String? = nil, spend: Money? = nil, end: CalendarDate? = nil,
                purchaseOrderInstructions: String? = nil) {
        self.scope = scope
        self.contact = contact
        self.spend = spend
        self.end = end
        self.purchaseOrderInstructions = purchaseOrderInstructions
    }

    public var isEmpty: Bool {
        scope == nil && contact == nil && spend == nil && end == nil && purchaseOrderInstructions == nil
    }

    /// The audit details of an edit: each field that changed, as `old → new` for the short
    /// ones and as the new text for the long ones (the old text is in the record's earlier
    /// revision). Fields given but unchanged are left out.
    static func changes(from old: ParticipatingAddendum, to new: ParticipatingAddendum) -> [String: String] {
        var details: [String: String] = [:]
        func changed(_ key: String, _ before: String, _ after: String, long: Bool = false) {
            guard before != after else { return }
            if long || before.isEmpty { details[key] = after.isEmpty ? "(cleared)" : after }
            else { details[key] = "\(before) → \(after.isEmpty ? "none" : after)" }
        }
        changed("scope", old.scope, new.scope, long: true)
        changed("contact", old.contacts.map(\.summary).joined(separator: "; "), new.contacts.map(\.summary).joined(separator: "; "))
        changed("spend", old.estimatedAnnualSpend?.description ?? "", new.estimatedAnnualSpend?.description ?? "")
        changed("end", old.endDate?.description ?? "", new.endDate?.description ?? "")
        changed("po-instructions", old.purchaseOrderInstructions, new.purchaseOrderInstructions, long: true)
        return details
    }

    var details: [String: String] {
        var details: [String: String] = [:]
        if let scope { details["scope"] = scope }
        if let contact { details["contact"] = contact }
        if let spend { details["spend"] = spend.description }
        if let end { details["end"] = end.description }
        if let purchaseOrderInstructions { details["po-instructions"] = purchaseOrderInstructions }
        return details
    }
}
