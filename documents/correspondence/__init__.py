"""The correspondence registry: incoming, outgoing and internal documents, and the resolutions on
them (docs/correspondence.md)."""
