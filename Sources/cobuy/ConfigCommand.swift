import ArgumentParser
import CobuyStore

/// `cobuy config`: the store's own settings, kept in its cobuy.json so that every member of the
/// consortium who shares the store (in git) publishes the same way.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config", abstract: "Show or change the store's settings.",
        subcommands: [ConfigShow.self, ConfigOCIDPrefix.self], defaultSubcommand: ConfigShow.self)
}

struct ConfigShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "List the store's settings.")

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        try reportingErrors {
            let store = try storeOptions.open(CobuyEnvironment())
            print("ocid-prefix  \(ConfigOCIDPrefix.describe(try store.settings().ocidPrefix))")
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
