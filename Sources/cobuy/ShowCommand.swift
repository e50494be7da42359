import ArgumentParser
import CobuyCore
import CobuyStore
import Foundation

/// `cobuy show ID`: one record with its history.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one record with its audit trail.")

    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: ArgumentHelp("The record.", valueName: "ID"), transform: RecordIDs.argument) var id: String
    @Option(help: "text, or json (the record exactly as its file holds it).") var format: ShowFormat = .text

    func run() throws {
        try reportingErrors {
            let session = try CommandSession(storeOptions)
            let record = try session.store.load(id)
            switch format {
            case .json:
                StandardOutput.write(try RecordCodec.encode(record.record))
            case .text:
                let lookup = StoreLookup(store: session.store)
                for line in RecordDetail(record, today: session.today, lookup: lookup).lines {
                    print(Printable.line(line))
                }
            }
        }
    }
}
