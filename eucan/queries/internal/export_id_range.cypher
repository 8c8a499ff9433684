// @title Export: id range
// @description Lowest and highest internal node id, the span the RDF export pages through.
// @returns low, high
MATCH (n:Resource)
RETURN min(id(n)) AS low, max(id(n)) AS high
