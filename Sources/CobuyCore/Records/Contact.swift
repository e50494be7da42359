/// A person to reach at a party about a contract or an addendum.
public struct Contact: Hashable, Sendable, Codable {
    public var name: String
    public var role: String?
    public var email: String?
    public var phone: String?

    public init(name: String, role: String? = nil, email: String? = nil, phone: String? = nil) {
        self.name = name
        self.role = role
        self.email = email
        self.phone = phone
    }

    /// Parses the command line's `--contact "Ana Ruiz (Buyer) <ana@example.gov> 503-555-0100"`:
    /// a name, then optionally a role in parentheses, an email in angle brackets and a phone.
    public init?(commandLine: String) {
        var rest = commandLine.trimmingSpaces
        var email: String?
        var role: String?
        if let open = rest.firstIndex(of: "<"), let close = rest[open...].firstIndex(of: ">") {
            email = rest[rest.index(after: open)..<close].trimmingSpaces
            rest = (rest[..<open] + " " + rest[rest.index(after: close)...]).trimmingSpaces
        }
        if let open = rest.firstIndex(of: "("), let close = rest[open...].firstIndex(of: ")") {
            role = rest[rest.index(after: open)..<close].trimmingSpaces
            rest = (rest[..<open] + " " + rest[rest.index(after: close)...]).trimmingSpaces
        }
        let words = rest.split(separator: " ")
        let phoneStart = words.firstIndex { $0.first?.isNumber == true || $0.first == "+" }
        let name = words[..<(phoneStart ?? words.endIndex)].joined(separator: " ")
        let phone = phoneStart.map { words[$0...].joined(separator: " ") }
        guard !name.isEmpty else { return nil }
        self.init(name: name, role: role, email: email, phone: phone)
    }

    /// One line: `Ana Ruiz (Buyer) <ana@example.gov> 503-555-0100`.
    public var summary: String {
        var text = name
        if let role, !role.isEmpty { text += " (\(role))" }
        if let email, !email.isEmpty { text += " <\(email)>" }
        if let phone, !phone.isEmpty { text += " \(phone)" }
        return text
    }
}

/// Who signs for a party.
public struct Signatory: Hashable, Sendable, Codable {
    public var name: String
    public var title: String

    public init(name: String, title: String) {
        self.name = name
        self.title = title
    }
}

/// A statutory or policy term that every addendum of a party must carry (governing law,
/// public records, insurance, ...).
public struct StatutoryTerm: Hashable, Sendable, Codable {
    public var topic: String
    public var text: String

    public init(topic: String, text: String) {
        self.topic = topic
        self.text = text
    }

    /// Parses the command line's `--term "Topic: text"`.
    public init?(commandLine: String) {
        guard let colon = commandLine.firstIndex(of: ":") else { return nil }
        let topic = commandLine[..<colon].trimmingSpaces
        let text = commandLine[commandLine.index(after: colon)...].trimmingSpaces
        guard !topic.isEmpty, !text.isEmpty else { return nil }
        self.init(topic: topic, text: text)
    }
}
