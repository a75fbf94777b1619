"""A fast first pass of JSON Schema checks (jsonschema-rs), so the common case never loads jsonschema.

`jsonschema` gives the detailed errors drafter turns into located Chinese
messages, but importing it costs more than rendering a report. A valid sheet
(or schema) is the common case: it is confirmed here by the compiled Rust
validator, and only a failure goes on to `jsonschema` for the messages.
Any doubt (an error inside jsonschema-rs, data it cannot read) also goes on,
so the detailed path stays the one authority on what is wrong.
"""
from __future__ import annotations

_COMPILED: dict[int, tuple[dict, object]] = {}


def _compiled(schema: dict):
    import jsonschema_rs

    key = id(schema)
    cached = _COMPILED.get(key)
    if cached is None or cached[0] is not schema:
        cached = (schema, jsonschema_rs.validator_for(schema, validate_formats=True))
        _COMPILED[key] = cached
    return cached[1]


def schema_is_valid(schema: dict) -> bool:
    """True when the schema is certainly a valid JSON Schema (compiling it checks it against the meta-schema)."""
    try:
        _compiled(schema)
        return True
    except Exception:  # invalid, or not readable here: the detailed check decides
        return False


def instance_is_valid(schema: dict, data: object) -> bool:
    """True when the data certainly satisfies the schema; False means "ask jsonschema"."""
    try:
        return bool(_compiled(schema).is_valid(data))
    except Exception:
        return False
