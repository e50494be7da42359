import CobuyCore
import Foundation

/// Settings that belong to the store (and so travel with it in git to every member of the
/// consortium), kept in `cobuy.json` beside the format name and version.
public struct StoreSettings: Sendable, Equatable {
    /// The prefix of every ocid the store publishes, registered with the Open Contracting
    /// Partnership (`ocds-` and six letters or digits); nil until someone sets it.
    public var ocidPrefix: String?
    /// A fixed "now" for every command and the UI on this store: the sample and demo stores'
    /// reference day, so that their deadlines, terms and the dates an action stamps agree with
    /// each other whichever command is run. Nil (the real clock) for a working store.
    /// `$COBUY_NOW` still overrides it.
    public var clock: Timestamp?

    public init(ocidPrefix: String? = nil, clock: Timestamp? = nil) {
        self.ocidPrefix = ocidPrefix
        self.clock = clock
    }

    /// What an export uses when no prefix is set: valid in form, registered to nobody.
    public static let placeholderOCIDPrefix = "ocds-cobuy0"

    /// `ocds-` followed by six lowercase letters or digits, as the registry hands them out.
    public static func isValidOCIDPrefix(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 11, text.hasPrefix("ocds-") else { return false }
        return bytes[5...].allSatisfy { (0x30...0x39).contains($0) || (0x61...0x7A).contains($0) }
    }

    public static let ocidPrefixRule = "an ocid prefix is ocds- followed by six lowercase letters or digits, such as ocds-a1b2c3"
}

extension Store {
    /// The store's settings; a store written before settings existed has none set. A prefix
    /// in the file that is not one (edited by hand) is reported, not used.
    public func settings() throws(StoreError) -> StoreSettings {
        let marker = try readMarker()
        if let prefix = marker.ocidPrefix, !StoreSettings.isValidOCIDPrefix(prefix) {
            throw .broken(StoreProblem(path: markerPath, location: "ocidPrefix",
                                       message: "\"\(prefix)\" is not usable: \(StoreSettings.ocidPrefixRule)"))
        }
        return StoreSettings(ocidPrefix: marker.ocidPrefix, clock: try fixedClock(marker))
    }

    /// The store's fixed clock, if it has one; a value that is not a time is reported, not
    /// guessed at (a wrong "today" would misstate every deadline).
    public func fixedClock() throws(StoreError) -> Timestamp? {
        try fixedClock(readMarker())
    }

    private func fixedClock(_ marker: StoreMarker) throws(StoreError) -> Timestamp? {
        guard let text = marker.clock else { return nil }
        guard let time = Timestamp(iso8601: text) else {
            throw .broken(StoreProblem(path: markerPath, location: "clock",
                                       message: "\"\(text)\" is not an ISO 8601 time such as 2026-11-23T15:00:00Z"))
        }
        return time
    }

    /// Writes the settings into `cobuy.json` under the store's lock, keeping the rest of it.
    public func save(_ settings: StoreSettings) throws {
        try transaction { _ in
            var marker = try readMarker()
            marker.ocidPrefix = settings.ocidPrefix
            marker.clock = settings.clock?.description
            let data: Data
            do { data = try RecordCodec.encode(marker) } catch { throw StoreError.io(path: markerPath, message: "\(error)") }
            try DurableFile.write(data, to: markerPath)
        }
    }

    func readMarker() throws(StoreError) -> StoreMarker {
        try checkIsStore()
        let data = try DurableFile.read(markerPath)
        switch RecordCodec.decode(StoreMarker.self, from: data, path: markerPath) {
        case .success(let marker): return marker
        case .failure(let problem): throw .broken(problem)
        }
    }
}
