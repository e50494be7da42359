import ArgumentParser
import CobuyResources
import CobuyStore
import Foundation

/// `cobuy init [--sample]`: create a store, optionally filled with the sample consortium.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: "Create a store.")

    @OptionGroup var storeOptions: StoreOptions

    @Flag(help: "Fill it with the bundled sample consortium.")
    var sample = false

    @Option(name: .customLong("ocid-prefix"), help: ArgumentHelp("The ocid prefix registered for the store's OCDS exports.", valueName: "PREFIX"))
    var ocidPrefix: String?

    func run() throws {
        try reportingErrors {
            let environment = CobuyEnvironment()
            let prefix = try ocidPrefix.map { try ConfigOCIDPrefix.checked($0, flag: "--ocid-prefix") }
            let path = environment.storePath(flag: storeOptions.store)
            let store = Store(root: path)
            if sample {
                if DurableFile.exists(store.markerPath), !RecordKind.allCases.allSatisfy({ store.ids(of: $0).isEmpty }) {
                    throw CLIError.failed("\(path) already holds records; choose an empty folder for the sample store.")
                }
                try SampleStore.copy(to: path)
            } else {
                try Store.initialize(at: path)
            }
            if let prefix {
                var settings = try store.settings()
                settings.ocidPrefix = prefix
                try store.save(settings)
            }
            print("Store ready at \(path)")
            if sample {
                print("Its clock is the sample's reference day, \(CobuyResources.sampleReferenceTime), for every command; "
                      + "cobuy config clock --unset --store \(path) puts it on the real clock.")
            }
        }
    }
}

import CobuyCore

/// Copies the bundled sample store.
enum SampleStore {
    static func copy(to path: String) throws {
        guard let source = CobuyResources.sampleStore else {
            throw CLIError.failed("The sample store is missing from this installation (the cobuy_CobuyResources bundle beside the binary).")
        }
        try Store.initialize(at: path)
        let manager = FileManager.default
        for kind in RecordKind.allCases {
            let folder = source.appendingPathComponent(kind.folder)
            let names = (try? manager.contentsOfDirectory(atPath: folder.path)) ?? []
            for name in names.sorted() where name.hasSuffix(".json") {
                let data = try DurableFile.read(folder.appendingPathComponent(name).path)
                try DurableFile.write(data, to: "\(path)/\(kind.folder)/\(name)")
            }
        }
        try fixClock(of: Store(root: path))
    }

    /// The sample's deadlines and terms are written around its reference day: a copy runs on
    /// that day, for every command, until the officer unsets it (`cobuy config clock --unset`).
    static func fixClock(of store: Store) throws {
        var settings = try store.settings()
        settings.clock = Timestamp(iso8601: CobuyResources.sampleReferenceTime)
        try store.save(settings)
    }
}
