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
