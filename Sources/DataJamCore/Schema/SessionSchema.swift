/// The JSON Schema (draft 2020-12) of a session file, printed by `datajam schema`.
///
/// Kept as one literal so the binary needs no resource bundle; tests check that every sample and
/// every file the code writes validates against it (with Python's `jsonschema`), and that the
/// numbers here match `Limits`.
public enum SessionSchema {
    public static let text = #"""
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://datajam.invalid/schema/session-1.json",
  "title": "DataJam session file",
  "description": "One open-data workshop (atelier): its frame, participants, the three sessions of the day, teams, findings and synthesis. Records are never removed: deletion sets deletedAt.",
  "type": "object",
  "additionalProperties": false,
  "required": ["format", "version", "id", "details", "participantGroups", "sessions", "plenary", "teams", "categories", "findings", "synthesis"],
  "properties": {
    "format": {"const": "datajam-session"},
    "version": {"const": 1},
    "id": {"$ref": "#/$defs/id"},
    "details": {"$ref": "#/$defs/details"},
    "participantGroups": {"type": "array", "items": {"$ref": "#/$defs/participantGroup"}},
    "sessions": {"type": "array", "maxItems": 3, "items": {"$ref": "#/$defs/daySession"}},
    "plenary": {"$ref": "#/$defs/plenary"},
    "teams": {"type": "array", "items": {"$ref": "#/$defs/team"}},
    "categories": {"type": "array", "items": {"$ref": "#/$defs/category"}},
    "findings": {"type": "array", "items": {"$ref": "#/$defs/finding"}},
    "synthesis": {"$ref": "#/$defs/synthesis"}
  },
  "$defs": {
    "id": {"type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"},
    "timestamp": {
      "description": "An RFC 3339 date-time, written by DataJam in UTC with milliseconds (2023-11-27T09:30:00.000Z); read with any number of fraction digits (digits past the millisecond are dropped) and a Z or ±HH:MM offset. Its moment in UTC, after the offset, must fall in the years 0001 to 9999.",
      "type": "string",
      "pattern": "^(?!0000)[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])[Tt]([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\\.[0-9]+)?([Zz]|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$"
    },
    "date": {
      "description": "A calendar day, years 0001 to 9999: 2023-11-27",
      "type": "string",
      "pattern": "^(?!0000)[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
    },
    "optionalTimestamp": {"description": "null stands for absent", "anyOf": [{"type": "null"}, {"$ref": "#/$defs/timestamp"}]},
    "optionalDate": {"anyOf": [{"type": "null"}, {"$ref": "#/$defs/date"}]},
    "optionalId": {"anyOf": [{"type": "null"}, {"$ref": "#/$defs/id"}]},
    "optionalShortText": {"anyOf": [{"type": "null"}, {"$ref": "#/$defs/shortText"}]},
    "optionalCount": {"anyOf": [{"type": "null"}, {"$ref": "#/$defs/count"}]},
    "optionalScore": {"anyOf": [{"type": "null"}, {"$ref": "#/$defs/score"}]},
    "shortText": {"type": "string", "maxLength": 500},
    "longText": {"type": "string", "maxLength": 20000},
    "shortList": {"type": "array", "items": {"$ref": "#/$defs/shortText"}},
    "count": {"type": "integer", "minimum": 0, "maximum": 100000},
    "score": {"type": "integer", "minimum": 1, "maximum": 5},
    "details": {
      "type": "object",
      "additionalProperties": false,
      "required": ["theme", "focus", "city", "context", "objectives", "facilitatorNotes", "updatedAt"],
      "properties": {
        "theme": {"allOf": [{"$ref": "#/$defs/shortText"}, {"minLength": 1}]},
        "focus": {"$ref": "#/$defs/longText"},
        "date": {"$ref": "#/$defs/optionalDate"},
        "city": {"$ref": "#/$defs/shortText"},
        "timeZone": {
          "description": "The IANA time zone where the workshop happens (Africa/Tunis); times are shown and reported in it. Absent or null: UTC.",
          "anyOf": [{"type": "null"}, {"type": "string", "pattern": "^[A-Za-z][A-Za-z0-9_+/-]{0,63}$"}]
        },
        "context": {"$ref": "#/$defs/longText"},
        "objectives": {"type": "array", "items": {"$ref": "#/$defs/longText"}},
        "facilitatorNotes": {"$ref": "#/$defs/longText"},
        "updatedAt": {"$ref": "#/$defs/timestamp"}
      }
    },
    "participantGroup": {
      "type": "object",
      "additionalProperties": false,
      "required": ["id", "name", "organisations", "people", "createdAt", "updatedAt"],
      "properties": {
        "id": {"$ref": "#/$defs/id"},
        "name": {"$ref": "#/$defs/shortText"},
        "headcount": {"$ref": "#/$defs/optionalCount"},
        "women": {"$ref": "#/$defs/optionalCount"},
        "men": {"$ref": "#/$defs/optionalCount"},
        "notStated": {"$ref": "#/$defs/optionalCount"},
        "organisations": {"$ref": "#/$defs/shortList"},
        "people": {"$ref": "#/$defs/shortList"},
        "createdAt": {"$ref": "#/$defs/timestamp"},
        "updatedAt": {"$ref": "#/$defs/timestamp"},
        "deletedAt": {"$ref": "#/$defs/optionalTimestamp"}
      }
    },
    "daySession": {
      "type": "object",
      "additionalProperties": false,
      "required": ["id", "title", "outline", "updatedAt"],
      "properties": {
        "id": {"enum": ["presentation", "breakouts", "synthesis"]},
        "title": {"$ref": "#/$defs/shortText"},
        "outline": {
          "type": "array",
          "items": {
            "type": "object",
            "additionalProperties": false,
            "required": ["title", "points"],
            "properties": {
              "title": {"$ref": "#/$defs/longText"},
              "points": {"type": "array", "items": {"$ref": "#/$defs/longText"}}
            }
          }
        },
        "plannedMinutes": {"type": ["integer", "null"], "minimum": 0, "maximum": 1440},
        "startedAt": {"$ref": "#/$defs/optionalTimestamp"},
        "endedAt": {"$ref": "#/$defs/optionalTimestamp"},
        "updatedAt": {"$ref": "#/$defs/timestamp"}
      }
    },
    "plenary": {
      "type": "object",
      "additionalProperties": false,
      "required": ["scope", "updatedAt"],
      "properties": {
        "scope": {"$ref": "#/$defs/longText"},
        "updatedAt": {"$ref": "#/$defs/timestamp"}
      }
    },
    "team": {
      "type": "object",
      "additionalProperties": false,
      "required": ["id", "name", "scope", "organisations", "createdAt", "updatedAt"],
      "properties": {
        "id": {"$ref": "#/$defs/id"},
        "name": {"allOf": [{"$ref": "#/$defs/shortText"}, {"minLength": 1}]},
        "scope": {"$ref": "#/$defs/longText"},
        "rapporteur": {"$ref": "#/$defs/optionalShortText"},
        "organisations": {"$ref": "#/$defs/shortList"},
        "createdAt": {"$ref": "#/$defs/timestamp"},
        "updatedAt": {"$ref": "#/$defs/timestamp"},
        "deletedAt": {"$ref": "#/$defs/optionalTimestamp"},
        "mergedInto": {"$ref": "#/$defs/optionalId", "description": "a merge folded this deleted team into the same-named team with this id; its findings belong there"}
      }
    },
    "category": {
      "type": "object",
      "additionalProperties": false,
      "required": ["id", "label", "createdAt", "updatedAt"],
      "properties": {
        "id": {"$ref": "#/$defs/id"},
        "label": {"allOf": [{"$ref": "#/$defs/shortText"}, {"minLength": 1}]},
        "createdAt": {"$ref": "#/$defs/timestamp"},
        "updatedAt": {"$ref": "#/$defs/timestamp"},
        "deletedAt": {"$ref": "#/$defs/optionalTimestamp"},
        "mergedInto": {"$ref": "#/$defs/optionalId", "description": "a merge folded this deleted category into the same-labelled category with this id"}
      }
    },
    "finding": {
      "type": "object",
      "additionalProperties": false,
      "required": ["id", "kind", "text", "gender", "createdAt", "updatedAt"],
      "properties": {
        "id": {"$ref": "#/$defs/id"},
        "teamId": {"$ref": "#/$defs/optionalId", "description": "absent (or null) for a plenary finding"},
        "kind": {"enum": ["constraint", "opportunity", "data-need", "channel", "actor", "use-case", "note"]},
        "text": {"allOf": [{"$ref": "#/$defs/longText"}, {"minLength": 1}]},
        "category": {"$ref": "#/$defs/optionalId", "description": "a constraint's category id"},
        "gender": {"type": "boolean"},
        "author": {"$ref": "#/$defs/optionalShortText"},
        "dataNeed": {
          "type": ["object", "null"],
          "additionalProperties": false,
          "required": ["sexDisaggregation"],
          "properties": {
            "producer": {"$ref": "#/$defs/optionalShortText"},
            "availability": {"enum": ["available", "missing", "unusable-format", null]},
            "wantedFormat": {"$ref": "#/$defs/optionalShortText"},
            "sexDisaggregation": {"type": "boolean"},
            "relevance": {"$ref": "#/$defs/optionalScore"},
            "impact": {"$ref": "#/$defs/optionalScore"}
          }
        },
        "actorRole": {"enum": ["producer", "re-user", null]},
        "samePointAs": {"$ref": "#/$defs/optionalId"},
        "createdAt": {"$ref": "#/$defs/timestamp"},
        "updatedAt": {"$ref": "#/$defs/timestamp"},
        "deletedAt": {"$ref": "#/$defs/optionalTimestamp"}
      },
      "allOf": [
        {"if": {"properties": {"kind": {"const": "constraint"}}}, "else": {"properties": {"category": {"type": "null"}}}},
        {"if": {"properties": {"kind": {"const": "data-need"}}},
         "then": {"required": ["dataNeed"], "properties": {"dataNeed": {"type": "object"}}},
         "else": {"properties": {"dataNeed": {"type": "null"}}}},
        {"if": {"properties": {"kind": {"const": "actor"}}}, "else": {"properties": {"actorRole": {"type": "null"}}}}
      ]
    },
    "synthesisItem": {
      "type": "object",
      "additionalProperties": false,
      "required": ["id", "text", "createdAt", "updatedAt"],
      "properties": {
        "id": {"$ref": "#/$defs/id"},
        "text": {"allOf": [{"$ref": "#/$defs/longText"}, {"minLength": 1}]},
        "createdAt": {"$ref": "#/$defs/timestamp"},
        "updatedAt": {"$ref": "#/$defs/timestamp"},
        "deletedAt": {"$ref": "#/$defs/optionalTimestamp"}
      }
    },
    "partnership": {
      "type": "object",
      "additionalProperties": false,
      "required": ["id", "producer", "reuser", "subject", "createdAt", "updatedAt"],
      "properties": {
        "id": {"$ref": "#/$defs/id"},
        "producer": {"$ref": "#/$defs/shortText"},
        "reuser": {"$ref": "#/$defs/shortText"},
        "subject": {"$ref": "#/$defs/longText"},
        "createdAt": {"$ref": "#/$defs/timestamp"},
        "updatedAt": {"$ref": "#/$defs/timestamp"},
        "deletedAt": {"$ref": "#/$defs/optionalTimestamp"}
      }
    },
    "synthesis": {
      "type": "object",
      "additionalProperties": false,
      "required": ["recommendations", "partnerships", "results", "difficulties", "improvements"],
      "properties": {
        "recommendations": {"type": "array", "items": {"$ref": "#/$defs/synthesisItem"}},
        "partnerships": {"type": "array", "items": {"$ref": "#/$defs/partnership"}},
        "results": {"type": "array", "items": {"$ref": "#/$defs/synthesisItem"}},
        "difficulties": {"type": "array", "items": {"$ref": "#/$defs/synthesisItem"}},
        "improvements": {"type": "array", "items": {"$ref": "#/$defs/synthesisItem"}}
      }
    }
  }
}
"""#
}
