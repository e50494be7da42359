/// The person taking an action and the party they act for.
public struct Officer: Hashable, Sendable, Codable {
    public var name: String
    public var party: String

    public init(name: String, party: String) {
        self.name = name
        self.party = party
    }
}
