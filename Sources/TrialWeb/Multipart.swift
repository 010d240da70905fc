import Foundation

/// A `multipart/form-data` body (RFC 7578), as a browser sends a form with a file: each part's
/// field name, its file name when it is a file, and its bytes. Read in memory; the caller caps
/// the body's size before.
enum Multipart {
    struct Part {
        let name: String
        let fileName: String?
        let bytes: [UInt8]
    }

    /// The boundary of a `Content-Type: multipart/form-data; boundary=…` header, or nil.
    static func boundary(contentType: String) -> String? {
        guard contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "boundary" {
                let value = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                return value.isEmpty || value.count > 200 ? nil : value
            }
        }
        return nil
    }

    /// The parts of `body`.
    /// - Throws: ``WebInputError`` when the body is not well-formed multipart.
    static func parts(_ body: [UInt8], boundary: String) throws(WebInputError) -> [Part] {
        let delimiter = Array("--\(boundary)".utf8)
        var parts: [Part] = []
        guard var position = find(delimiter, in: body, from: 0) else { throw malformed }
        position += delimiter.count
        while true {
            // "--" after a delimiter closes the body.
            if body.count >= position + 2, body[position] == 45, body[position + 1] == 45 { return parts }
            guard let headerStart = skipLineBreak(body, position),
                let headerEnd = find(Array("\r\n\r\n".utf8), in: body, from: headerStart)
            else { throw malformed }
            let headers = String(decoding: body[headerStart..<headerEnd], as: UTF8.self)
            let contentStart = headerEnd + 4
            guard let next = find(Array("\r\n".utf8) + delimiter, in: body, from: contentStart) else { throw malformed }
            guard let disposition = headers.split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("content-disposition:") }),
                let name = value(of: "name", in: String(disposition))
            else { throw malformed }
            parts.append(
                Part(name: name, fileName: value(of: "filename", in: String(disposition)), bytes: Array(body[contentStart..<next])))
            position = next + 2 + delimiter.count
            if parts.count > FormInputs.maximumFields { throw WebInputError("more than \(FormInputs.maximumFields) fields in one request") }
        }
    }

    private static let malformed = WebInputError("the form's body is not valid multipart/form-data")

    private static func skipLineBreak(_ body: [UInt8], _ position: Int) -> Int? {
        body.count >= position + 2 && body[position] == 13 && body[position + 1] == 10 ? position + 2 : nil
    }

    /// `name="value"` inside a Content-Disposition header.
    private static func value(of key: String, in header: String) -> String? {
        for item in header.split(separator: ";").dropFirst() {
            let pair = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == key {
                var value = pair[1]
                if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
                return value
            }
        }
        return nil
    }

    /// The first index of `needle` in `haystack` at or after `start`.
    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        let first = needle[0]
        var index = start
        while index <= haystack.count - needle.count {
            if haystack[index] == first, haystack[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
