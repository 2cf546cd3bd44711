import DataJamCore
import Foundation

/// Validates JSON files against the session schema with Python's `jsonschema` (the reference
/// implementation, independent of our own loader). Python comes from $DATAJAM_PYTHON or `python3`
/// on the PATH; `.ci/run` provides one with jsonschema installed.
public enum JSONSchemaCheck {
    public static var python: String {
        ProcessInfo.processInfo.environment["DATAJAM_PYTHON"] ?? "/usr/bin/env"
    }

    private static var pythonArguments: [String] {
        ProcessInfo.processInfo.environment["DATAJAM_PYTHON"] == nil ? ["python3"] : []
    }

    /// Returns one line per invalid file (empty when all are valid), or throws when Python or
    /// jsonschema is missing.
    public static func problems(in files: [String], schema: String = SessionSchema.text) throws -> [String] {
        let folder = TemporaryFolder("schema")
        let schemaPath = folder.write(schema, to: "schema.json")
        let script = """
        import json, sys
        try:
            import jsonschema
        except ImportError:
            print("MISSING-JSONSCHEMA"); sys.exit(3)
        schema = json.load(open(sys.argv[1], encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
        validator = jsonschema.Draft202012Validator(schema)
        for path in sys.argv[2:]:
            with open(path, encoding="utf-8") as f:
                doc = json.load(f)
            errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
            for e in errors[:3]:
                print(f"{path}: {'/'.join(map(str, e.absolute_path))}: {e.message[:200]}")
        """
        let result = try ProcessRunner.run(python, pythonArguments + ["-c", script, schemaPath] + files)
        if result.stdout.contains("MISSING-JSONSCHEMA") {
            throw Missing(description: "Python's jsonschema is not installed: run `pip install jsonschema` (or .ci/run)")
        }
        guard result.status == 0 else {
            throw Missing(description: "python3 failed (\(result.status)): \(result.stderr.suffix(500))")
        }
        return result.stdout.split(separator: "\n").map(String.init)
    }

    public struct Missing: Error, CustomStringConvertible { public var description: String }
}
