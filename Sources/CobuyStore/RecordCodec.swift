import CobuyCore
import CobuyJSON
import Foundation

/// Turns records into the store's JSON and back: keys sorted, two-space indent, trailing
/// newline, so that files diff and merge cleanly in git.
public enum RecordCodec {
    public static func encode<R: Encodable>(_ value: R) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(0x0A)
        return data
    }

    /// Decodes `data` read from `path`, or describes what is wrong with it (line for syntax,
    /// field path for the schema and for a key given twice).
    public static func decode<R: Decodable>(_ type: R.Type, from data: Data, path: String) -> Result<R, StoreProblem> {
        // Foundation would keep the first of two equal keys, other tools the last, and the next
        // write would drop the other value without a word: such a file is reported, not read.
        if let twice = JSONSyntax.duplicateKeys(in: data).first {
            return .failure(StoreProblem(path: path, location: twice.field,
                                         message: "given twice, on lines \(twice.firstLine) and \(twice.line); keep the one that is right"))
        }
        do {
            return .success(try JSONDecoder().decode(type, from: data))
        } catch let error as DecodingError {
            return .failure(problem(for: error, data: data, path: path))
        } catch {
            return .failure(StoreProblem(path: path, location: "", message: "\(error)"))
        }
    }

    static func problem(for error: DecodingError, data: Data, path: String) -> StoreProblem {
        func field(_ context: DecodingError.Context, adding key: CodingKey? = nil) -> String {
            var text = ""
            for component in context.codingPath + (key.map { [$0] } ?? []) {
                if let index = component.intValue { text += "[\(index)]" }
                else { text += text.isEmpty ? component.stringValue : ".\(component.stringValue)" }
            }
            return text
        }
        switch error {
        case let .typeMismatch(type, context):
            return StoreProblem(path: path, location: field(context), message: "wrong type: expected \(describe(type)); \(context.debugDescription)")
        case let .valueNotFound(type, context):
            return StoreProblem(path: path, location: field(context), message: "missing value: expected \(describe(type))")
        case let .keyNotFound(key, context):
            return StoreProblem(path: path, location: field(context, adding: key), message: "required field is missing")
        case let .dataCorrupted(context):
            if context.codingPath.isEmpty {
                let syntax = JSONSyntax.firstError(in: data)
                return StoreProblem(path: path, location: syntax.map { "line \($0.line), column \($0.column)" } ?? "",
                                    message: "not valid JSON: \(syntax?.message ?? context.debugDescription)")
            }
            return StoreProblem(path: path, location: field(context), message: context.debugDescription)
        @unknown default:
            return StoreProblem(path: path, location: "", message: "\(error)")
        }
    }

    static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "text"
        case is Int.Type, is Double.Type: return "a number"
        case is Bool.Type: return "true or false"
        default:
            let name = String(describing: type)
            if name.hasPrefix("Array") { return "a list" }
            if name.hasPrefix("Dictionary") { return "an object" }
            return name
        }
    }
}
