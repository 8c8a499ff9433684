// @title Where old ids moved (API)
// @description For each given id that a record carries as a former id (`alt_ids` in the curated files, ecs:altId), the record's id now (an excerpt, which has no id, by the last segment of its IRI: a renamed source's excerpts keep their former names, a corrected quote the excerpts it `replaces`). The API answers 301 (Moved Permanently) from an old id to the new one.
// @param ids string[] tenure-kallas-hrvp-2025-06-23,canada  Ids to look up.
// @returns old, id
MATCH (n:Resource)
WHERE n.altId IS NOT NULL
UNWIND n.altId AS old
WITH n, old
WHERE old IN $ids
RETURN old, coalesce(n.id, last(split(n.uri, "/"))) AS id
ORDER BY old
