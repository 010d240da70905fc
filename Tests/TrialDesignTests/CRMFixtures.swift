import Foundation

/// Reads the JSON fixtures that scripts/generate_crm_fixtures.py writes beside these tests.
enum CRMFixtures {
    static func load(_ name: String) throws -> [[String: Any]] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent(name)
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
        return object?["data"] as? [[String: Any]] ?? []
    }

    static func loadObject(_ name: String) throws -> [String: Any] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent(name)
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
        return object?["data"] as? [String: Any] ?? [:]
    }
}

extension Dictionary where Key == String, Value == Any {
    func doubles(_ key: String) -> [Double] { (self[key] as? [Any] ?? []).compactMap { ($0 as? NSNumber)?.doubleValue } }
    func ints(_ key: String) -> [Int] { (self[key] as? [Any] ?? []).compactMap { ($0 as? NSNumber)?.intValue } }
    func double(_ key: String) -> Double { (self[key] as? NSNumber)?.doubleValue ?? .nan }
    func int(_ key: String) -> Int { (self[key] as? NSNumber)?.intValue ?? -1 }
    func string(_ key: String) -> String { self[key] as? String ?? "" }
}
