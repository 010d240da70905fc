import Foundation
import TrialDesign
import TrialReport

/// The OpenAPI 3.1 document served at `/api/v1/openapi.json`, generated from the same
/// declarations as the forms: one path per design, its parameters as query parameters (GET)
/// and as a JSON object's properties (POST), each with the schema of ``ParameterJSONSchema``.
enum OpenAPIDocument {
    static func json(_ endpoints: [WebEndpoint], version: String) -> String {
        var paths: [String: Any] = [:]
        let errorResponse: [String: Any] = [
            "content": ["application/json": ["schema": ["$ref": "#/components/schemas/Error"]]]
        ]
        for endpoint in endpoints {
            let operationID = endpoint.command.split(separator: " ").joined(separator: "-")
            var properties: [String: Any] = [:]
            var parameters: [[String: Any]] = []
            for field in endpoint.fields {
                let schema = ParameterJSONSchema.property(field)
                properties[field.jsonKey] = schema
                var querySchema = schema
                if case .list = field.allowed {
                    querySchema = ["type": "string", "description": "comma-separated numbers"]
                }
                var parameter: [String: Any] = [
                    "name": field.jsonKey, "in": "query", "required": false,
                    "description": field.helpText, "schema": querySchema,
                ]
                if field.repeatable { parameter["explode"] = true; parameter["schema"] = ["type": "array", "items": querySchema] }
                parameters.append(parameter)
            }
            if let upload = endpoint.upload {
                properties[upload.jsonKey] = [
                    "type": "string", "title": upload.label,
                    "description":
                        "The data file's text (CSV with a header line), at most 1 MiB; required. Or POST multipart/form-data with the file in this field.",
                ]
            }
            let responses: [String: Any] = [
                "200": [
                    "description": "The answer: the JSON `trialsize \(endpoint.command) --format json` prints (keys in docs/json).",
                    "content": ["application/json": ["schema": ["type": "object"]]],
                ] as [String: Any],
                "400": [
                    "description":
                        "An input refused: the message names the field; `parameter` is its key (null for the request as a whole)."
                ]
                .merging(errorResponse) { $1 },
                "413": ["description": "The request body is too large."].merging(errorResponse) { $1 },
                "503": ["description": "Busy: too many computations at once (see Retry-After), or the time limit was reached."]
                    .merging(errorResponse) { $1 },
            ]
            paths[endpoint.apiPath] = [
                "get": [
                    "operationId": "get-" + operationID, "summary": endpoint.abstract,
                    "parameters": parameters, "responses": responses,
                ] as [String: Any],
                "post": [
                    "operationId": "post-" + operationID, "summary": endpoint.abstract,
                    "requestBody": [
                        "content": [
                            "application/json": [
                                "schema": ["type": "object", "properties": properties, "additionalProperties": false] as [String: Any]
                            ]
                        ]
                    ],
                    "responses": responses,
                ] as [String: Any],
            ]
        }
        let document: [String: Any] = [
            "openapi": "3.1.0",
            "info": [
                "title": "trialsize",
                "version": version,
                "description":
                    "Power and sample size for phase I/II cancer trials. Each design answers GET with query parameters or POST with a JSON object; the answer is the JSON of the command line's --format json.",
            ],
            "paths": paths,
            "components": [
                "schemas": [
                    "Error": [
                        "type": "object",
                        "required": ["error", "parameter"],
                        "properties": ["error": ["type": "string"], "parameter": ["type": ["string", "null"]]],
                    ] as [String: Any]
                ]
            ],
        ]
        let data =
            (try? JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]))
            ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
