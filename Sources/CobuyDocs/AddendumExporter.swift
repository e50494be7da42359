import CobuyCore
import CobuyStore
import Foundation
import Mustache

/// Renders participating-addendum drafts from templates: the bundled ones, or the officer's own
/// in `$XDG_CONFIG_HOME/cobuy/templates` (same file names), read without rebuilding.
public struct AddendumExporter: Sendable {
    public enum Format: String, CaseIterable, Sendable {
        case md, docx, txt, pdf
    }

    public enum ExportError: Error, CustomStringConvertible, Sendable {
        case template(path: String, message: String)
        case missingTemplate(String)
        case document(String)
        case pdf(LibreOfficeConverter.Failure)

        public var description: String {
            switch self {
            case let .template(path, message): return "The template \(path) cannot be used: \(message)"
            case let .missingTemplate(name): return "No template \(name) was found (bundled or in your templates folder)."
            case let .document(message): return "The Word document could not be written: \(message)"
            case let .pdf(failure): return failure.description
            }
        }
    }

    public static let templateName = "addendum.md.mustache"
    let template: MustacheTemplate
    /// Where the template came from, for messages.
    public let templatePath: String
    /// Turns the Word document into PDF.
    public var pdfConverter = LibreOfficeConverter()

    /// Loads the template: the user's folder first, then the bundled folder.
    public init(userTemplates: String?, bundledTemplates: String?) throws {
        MarkdownContentType.register()
        for folder in [userTemplates, bundledTemplates].compactMap({ $0 }) {
            let path = "\(folder)/\(AddendumExporter.templateName)"
            guard FileManager.default.fileExists(atPath: path) else { continue }
            // Only a regular file of at most 1 MB: a FIFO would block and /dev/zero never end.
            let data: Data
            do throws(StoreError) { data = try DurableFile.read(path, limit: 1 << 20) } catch {
                if case let .io(_, message) = error { throw ExportError.template(path: path, message: message) }
                throw ExportError.template(path: path, message: error.description)
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw ExportError.template(path: path, message: "it is not readable UTF-8 text")
            }
            // The parser recurses once per nested section: a deep template would overflow the stack.
            if let depth = TemplateDepth.deepest(in: text), depth > TemplateDepth.limit {
                throw ExportError.template(path: path, message: "its sections are nested \(depth) deep, more than the limit of \(TemplateDepth.limit)")
            }
            do {
                template = try MustacheTemplate(string: text)
            } catch {
                throw ExportError.template(path: path, message: "\(error)")
            }
            templatePath = path
            return
        }
        throw ExportError.missingTemplate(AddendumExporter.templateName)
    }

    /// The draft as Markdown, straight from the template.
    public func markdown(_ draft: AddendumDraft) -> String {
        var text = template.render(draft.values)
        while text.contains("\n\n\n") { text = text.replacingAll("\n\n\n", with: "\n\n") }
        return text.hasSuffix("\n") ? text : text + "\n"
    }

    /// The draft in `format`.
    public func render(_ draft: AddendumDraft, as format: Format) throws -> Data {
        let markdown = markdown(draft)
        switch format {
        case .md:
            return Data(markdown.utf8)
        case .txt:
            return Data(DraftDocument(markdown: markdown).plainText.utf8)
        case .docx:
            return try word(markdown, draft: draft)
        case .pdf:
            do {
                return try pdfConverter.pdf(fromWord: try word(markdown, draft: draft))
            } catch let failure as LibreOfficeConverter.Failure {
                throw ExportError.pdf(failure)
            }
        }
    }

    func word(_ markdown: String, draft: AddendumDraft) throws(ExportError) -> Data {
        do {
            return try WordDocument.data(for: DraftDocument(markdown: markdown), title: "Participating Addendum \(draft.id)",
                                         generated: draft.generated.description, isDraft: draft.isDraft)
        } catch {
            throw ExportError.document("\(error)")
        }
    }
}
