import CobuyStore
import Foundation

/// The `members/` folder of a shared store (committed, one file per member so that two members
/// joining at once never conflict): who the consortium's members are, the party each acts for
/// and the git author email their commits carry. It is how a clone knows who brought a
/// change: a commit may only add events for its author's party.
public struct Members: Codable, Equatable, Sendable {
    public struct Member: Codable, Equatable, Sendable {
        /// Short code numbering the records the member creates (`SAL` in `SOL-2026-SAL-0001`).
        public var code: String
        /// The party the member's officers act for.
        public var party: String
        /// The git author email of the member's commits.
        public var email: String

        public init(code: String, party: String, email: String) {
            self.code = code
            self.party = party
            self.email = email
        }
    }

    public var members: [Member]

    public init(members: [Member] = []) { self.members = members }

    public static let folder = "members"

    public static func path(root: String, code: String) -> String { "\(root)/\(folder)/\(code).json" }

    public static func load(root: String) -> Members {
        let files = DurableFile.names(in: "\(root)/\(folder)").filter { $0.hasSuffix(".json") }.sorted()
        return Members(members: files.compactMap { name in
            // Only a regular file of at most 64 KB (a FIFO named like a member would block).
            (try? DurableFile.read("\(root)/\(folder)/\(name)", limit: 64 << 10)).flatMap(decodeMember)
        })
    }

    public static func decodeMember(_ data: Data) -> Member? {
        try? JSONDecoder().decode(Member.self, from: data)
    }

    public static func save(_ member: Member, root: String) throws {
        try DurableFile.makeFolder("\(root)/\(folder)")
        try DurableFile.write(try RecordCodec.encode(member), to: path(root: root, code: member.code))
    }

    /// The parties whose events a commit by `email` may add.
    public func parties(forEmail email: String) -> Set<String> {
        Set(members.filter { $0.email.lowercased() == email.lowercased() }.map(\.party))
    }

    public func member(code: String) -> Member? { members.first { $0.code == code } }

    /// A free code from the party's id: its words' initials (`city-of-salem` → `COS`), then
    /// a digit when another member holds it.
    public func suggestedCode(for party: String) -> String {
        let words = party.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        var stem = String(words.compactMap(\.first)).uppercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber) }
        if stem.count < 2 { stem = String(party.uppercased().filter { $0.isASCII && $0.isLetter }.prefix(3)) }
        if stem.count < 2 { stem = "M" + stem + "X" }
        if let first = stem.first, !first.isLetter { stem = "M" + stem }
        stem = String(stem.prefix(5))
        if member(code: stem) == nil { return stem }
        for digit in 2...9 where member(code: "\(stem)\(digit)") == nil { return "\(stem)\(digit)" }
        return "M\(members.count + 1)"
    }
}
