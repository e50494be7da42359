import ArgumentParser
import CobuyCore
import CobuyStore

/// `cobuy config`: the store's own settings, kept in its cobuy.json so that every member of the
/// consortium who shares the store (in git) publishes the same way.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config", abstract: "Show or change the store's settings.",
        subcommands: [ConfigShow.self, ConfigOCIDPrefix.self, ConfigClock.self, ConfigExportFolder.self], defaultSubcommand: ConfigShow.self)
}

struct ConfigShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "List the store's settings.")

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        try reportingErrors {
            let store = try storeOptions.open(CobuyEnvironment())
            let settings = try store.settings()
            print("ocid-prefix    \(ConfigOCIDPrefix.describe(settings.ocidPrefix))")
            print("clock          \(ConfigClock.describe(settings.clock))")
            let environment = CobuyEnvironment()
            print("export-folder  \(ConfigExportFolder.describe(environment))")
        }
    }
}

struct ConfigOCIDPrefix: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ocid-prefix", abstract: "Show or set the ocid prefix that OCDS exports use.",
        discussion: """
        The prefix is registered with the Open Contracting Partnership: ocds- followed by six \
        lowercase letters or digits. Without one, exports use the placeholder \
        \(StoreSettings.placeholderOCIDPrefix) and say so.
        """)

    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: ArgumentHelp("The new prefix, such as ocds-a1b2c3.", valueName: "PREFIX")) var prefix: String?
    @Flag(help: "Remove the setting (exports go back to the placeholder).") var unset = false

    static func describe(_ prefix: String?) -> String {
        prefix ?? "not set (exports use the placeholder \(StoreSettings.placeholderOCIDPrefix))"
    }

    static func checked(_ prefix: String, flag: String) throws -> String {
        guard StoreSettings.isValidOCIDPrefix(prefix) else {
            throw CLIError.usage("\(flag) \"\(Printable.line(prefix))\" is not usable: \(StoreSettings.ocidPrefixRule).")
        }
        return prefix
    }

    func run() throws {
        try reportingErrors {
            if unset, prefix != nil { throw CLIError.usage("Give a PREFIX or --unset, not both.") }
            let store = try storeOptions.open(CobuyEnvironment())
            var settings = try store.settings()
            guard unset || prefix != nil else {
                print(ConfigOCIDPrefix.describe(settings.ocidPrefix))
                return
            }
            settings.ocidPrefix = try prefix.map { try ConfigOCIDPrefix.checked($0, flag: "The ocid prefix") }
            try store.save(settings)
            print("ocid-prefix \(ConfigOCIDPrefix.describe(settings.ocidPrefix))")
        }
    }
}

/// `cobuy config clock`: a fixed "now" for every command on the store (the sample's).
struct ConfigClock: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clock", abstract: "Show, fix or unset the store's clock.",
        discussion: """
        A store with a fixed clock runs every command and the UI at that time: the sample and \
        demo stores are fixed at the sample's reference day so their deadlines stay meaningful \
        (cobuy demo sets it again on its own store). $COBUY_NOW overrides it. A working store \
        has none: it runs on the real clock.
        """)

    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: ArgumentHelp("The time, ISO 8601, such as 2026-11-23T15:00:00Z.", valueName: "TIME")) var time: String?
    @Flag(help: "Remove the setting (back to the real clock).") var unset = false

    static func describe(_ clock: Timestamp?) -> String {
        clock.map { "fixed at \($0) (commands on this store act at that time)" } ?? "the real clock"
    }

    func run() throws {
        try reportingErrors {
            if unset, time != nil { throw CLIError.usage("Give a TIME or --unset, not both.") }
            let store = try storeOptions.open(CobuyEnvironment())
            var settings = try store.settings()
            guard unset || time != nil else {
                print(ConfigClock.describe(settings.clock))
                return
            }
            if let time {
                guard let value = Timestamp(iso8601: time) else {
                    throw CLIError.usage("\"\(Printable.line(time))\" is not an ISO 8601 time such as 2026-11-23T15:00:00Z.")
                }
                settings.clock = value
            } else {
                settings.clock = nil
            }
            try store.save(settings)
            print("clock \(ConfigClock.describe(settings.clock))")
        }
    }
}

/// `cobuy config export-folder`: where the UI puts exported drafts, a setting of this officer
/// on this machine (the config file), not of the shared store.
struct ConfigExportFolder: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-folder", abstract: "Show or set the folder the UI exports drafts to.",
        discussion: """
        Kept in your own config file ($XDG_CONFIG_HOME/cobuy/config.json), not in the store. \\
        Without it, the UI uses $XDG_DOCUMENTS_DIR, else the Documents folder of user-dirs.dirs, \\
        else your home folder. ~ stands for your home folder.
        """)

    @Argument(help: ArgumentHelp("The folder, such as ~/Addenda.", valueName: "FOLDER")) var folder: String?
    @Flag(help: "Remove the setting (back to the documents folder).") var unset = false

    static func describe(_ environment: CobuyEnvironment) -> String {
        let folder = ExportFolder.resolve(environment)
        return "\(ExportFolder.abbreviated(folder.path, home: environment.home)) (from \(folder.source.rawValue))"
    }

    func run() throws {
        try reportingErrors {
            if unset, folder != nil { throw CLIError.usage("Give a FOLDER or --unset, not both.") }
            let environment = CobuyEnvironment()
            guard unset || folder != nil else {
                print(ConfigExportFolder.describe(environment))
                return
            }
            var config = environment.loadConfig() ?? OfficerConfig()
            if let folder {
                let trimmed = folder.trimmingCharacters(in: .whitespaces)
                guard !trimmed.isEmpty, !trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
                    throw CLIError.usage("Give a folder such as ~/Addenda.")
                }
                // Kept as typed (with its ~), so the file stays right if the home folder moves;
                // a relative folder is made absolute now: the UI may start anywhere.
                config.exportFolder = trimmed.hasPrefix("~") || trimmed.hasPrefix("/") ? trimmed : ExportFile.absolute(trimmed)
            } else {
                config.exportFolder = nil
            }
            try environment.saveConfig(config)
            print("export-folder \(ConfigExportFolder.describe(environment))")
        }
    }
}
