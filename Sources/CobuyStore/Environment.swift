import CobuyCore
import Foundation

/// Where the store is, what time it is and who is acting, from flags, the environment and the
/// config file, in that order (docs/DESIGN.md §2).
public struct CobuyEnvironment: Sendable {
    public var variables: [String: String]

    public init(variables: [String: String] = ProcessInfo.processInfo.environment) {
        self.variables = variables
    }

    public var home: String {
        if let value = variables["HOME"], !value.isEmpty { return value }
        return NSHomeDirectory()
    }

    /// `--store`, else `$COBUY_STORE`, else `$XDG_DATA_HOME/cobuy/store`.
    public func storePath(flag: String?) -> String {
        if let flag, !flag.isEmpty { return flag }
        if let value = variables["COBUY_STORE"], !value.isEmpty { return value }
        return "\(xdg("XDG_DATA_HOME", fallback: ".local/share"))/cobuy/store"
    }

    public var configPath: String { "\(xdg("XDG_CONFIG_HOME", fallback: ".config"))/cobuy/config.json" }
    public var stateFolder: String { "\(xdg("XDG_STATE_HOME", fallback: ".local/state"))/cobuy" }
    public var templatesFolder: String { "\(xdg("XDG_CONFIG_HOME", fallback: ".config"))/cobuy/templates" }
    /// xdg-user-dirs' list of the user's folders (Documents, Downloads…).
    public var userDirsPath: String { "\(xdg("XDG_CONFIG_HOME", fallback: ".config"))/user-dirs.dirs" }
    public var demoStorePath: String { "\(xdg("XDG_DATA_HOME", fallback: ".local/share"))/cobuy/demo-store" }

    private func xdg(_ name: String, fallback: String) -> String {
        if let value = variables[name], value.hasPrefix("/") { return value }
        return "\(home)/\(fallback)"
    }

    /// `$COBUY_NOW` when set (for tests and rehearsals), else the system clock.
    public func now() throws(EnvironmentError) -> Timestamp {
        if let text = variables["COBUY_NOW"], !text.isEmpty {
            guard let value = Timestamp(iso8601: text) else { throw .badClock(text) }
            return value
        }
        return Timestamp(secondsSinceEpoch: Int(Date().timeIntervalSince1970))
    }

    /// The time for a command on `store`: `$COBUY_NOW`, else the store's fixed clock (the
    /// demo's), else the system clock. Every command and the UI ask here, so an action on the
    /// demo store stamps the same day its dashboard shows.
    public func now(in store: Store) throws -> Timestamp {
        if let text = variables["COBUY_NOW"], !text.isEmpty { return try now() }
        return try store.fixedClock() ?? now()
    }

    /// `--as/--for`, else `$COBUY_ACTOR/$COBUY_PARTY`, else the config file.
    public func officer(name: String?, party: String?) -> (name: String?, party: String?) {
        let config = loadConfig()
        func pick(_ flag: String?, _ variable: String, _ configured: String?) -> String? {
            if let flag, !flag.isEmpty { return flag }
            if let value = variables[variable], !value.isEmpty { return value }
            return configured.flatMap { $0.isEmpty ? nil : $0 }
        }
        return (pick(name, "COBUY_ACTOR", config?.name), pick(party, "COBUY_PARTY", config?.party))
    }

    /// Saves who the officer is, keeping the config file's other settings.
    public func saveOfficer(_ officer: Officer) throws(StoreError) {
        var config = loadConfig() ?? OfficerConfig(name: officer.name, party: officer.party)
        config.name = officer.name
        config.party = officer.party
        try saveConfig(config)
    }

    public func loadConfig() -> OfficerConfig? {
        // Two short fields: a larger file (or a FIFO, a device) is not read at all.
        guard let data = try? DurableFile.read(configPath, limit: 64 << 10) else { return nil }
        return try? JSONDecoder().decode(OfficerConfig.self, from: data)
    }

    public func saveConfig(_ config: OfficerConfig) throws(StoreError) {
        try DurableFile.makeFolder((configPath as NSString).deletingLastPathComponent)
        let data: Data
        do { data = try RecordCodec.encode(config) } catch { throw .io(path: configPath, message: "\(error)") }
        try DurableFile.write(data, to: configPath)
    }
}

/// `$XDG_CONFIG_HOME/cobuy/config.json`, this officer's own settings on this machine:
/// `{"name": …, "party": …, "exportFolder": …}`. (The store's settings, shared by every
/// member, are in the store's cobuy.json instead.)
public struct OfficerConfig: Codable, Sendable, Equatable {
    public var name: String?
    public var party: String?
    /// Where exports go by default (`~` allowed); nil for the documents folder.
    public var exportFolder: String?

    public init(name: String? = nil, party: String? = nil, exportFolder: String? = nil) {
        self.name = name
        self.party = party
        self.exportFolder = exportFolder
    }
}

public enum EnvironmentError: Error, CustomStringConvertible, Sendable {
    case badClock(String)

    public var description: String {
        switch self {
        case let .badClock(text): return "COBUY_NOW is \"\(text)\", not an ISO 8601 time such as 2026-11-23T09:00:00Z."
        }
    }
}
