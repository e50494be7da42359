import CobuyCore

/// What can go wrong with the store, each as one line an officer can act on.
public enum StoreError: Error, Sendable, CustomStringConvertible, Equatable {
    case notAStore(path: String)
    /// `nearest`: the ids the officer probably meant, closest first (may be empty).
    case notFound(kind: RecordKind, id: String, nearest: [String] = [])
    /// Someone else changed the record since it was read.
    case conflict(id: String, expectedRevision: Int, foundRevision: Int)
    case alreadyExists(id: String)
    case broken(StoreProblem)
    case locked(path: String)
    case io(path: String, message: String)

    public var description: String {
        switch self {
        case let .notAStore(path):
            return "\(path) is not a Cobuy store (no cobuy.json); create one with cobuy init (cobuy init --sample for one with sample records), try cobuy demo, or point --store at one."
        case let .notFound(kind, id, nearest):
            return "There is no \(StoreError.noun(kind, id)) \(id) in the store." + (DidYouMean.question(naming: nearest).map { " " + $0 } ?? "")
        case let .conflict(id, expected, found):
            return "Conflict: \(id) was changed by someone else (revision \(found) on disk, \(expected) when read); nothing was written. Reload and try again."
        case let .alreadyExists(id):
            return "\(id) already exists in the store; nothing was written."
        case let .broken(problem):
            return "Cannot read \(problem.description)"
        case let .locked(path):
            return "The store is busy: another writer holds \(path) and did not let go; try again."
        case let .io(path, message):
            return "\(path): \(message)"
        }
    }
}

extension StoreError {
    /// What a missing id was taken for. A kind read off the id's prefix only says "party"
    /// for what could be one: `sol-2026-0009x` was meant as a solicitation, and
    /// `../../etc/passwd`, which is neither a numbered id nor a party id, is just a record.
    static func noun(_ kind: RecordKind, _ id: String) -> String {
        guard kind == .party else { return kind.label }
        let upper = id.uppercased()
        if upper.hasPrefix("SOL-") { return RecordKind.solicitation.label }
        if upper.hasPrefix("CON-") { return RecordKind.contract.label }
        if upper.hasPrefix("PA-") { return RecordKind.addendum.label }
        return Party.isValidID(id) ? kind.label : "record"
    }
}

/// A file that is wrong: where, and what is wrong with it.
public struct StoreProblem: Error, Sendable, Hashable, CustomStringConvertible {
    public var path: String
    /// `line 3, column 9` or a field path such as `partners[2].status`; empty when the whole file is at fault.
    public var location: String
    public var message: String
    /// The file or folder could not be read at all (no permission, not a regular file, too
    /// large): a command that meets one fails, since what it shows is incomplete.
    public var isUnreadable: Bool

    public init(path: String, location: String, message: String, isUnreadable: Bool = false) {
        self.path = path
        self.location = location
        self.message = message
        self.isUnreadable = isUnreadable
    }

    public var description: String {
        location.isEmpty ? "\(path): \(message)" : "\(path): \(location): \(message)"
    }
}
