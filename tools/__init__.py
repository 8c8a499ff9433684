"""Developer tools (not installed): generators of checked-in files such as docs/queries.md and ontology/namespaces.py."""
