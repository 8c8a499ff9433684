// @title Former ids (API)
// @description Every former id a record carries (`alt_ids` in the curated files, ecs:altId), with the record's id now (an excerpt, which has no id, by the last segment of its IRI: a renamed source's excerpts keep their former names, a corrected quote the excerpts it `replaces`) and its IRI (which gives its kind). The API reads them once per loaded graph (eucan/api/kept.py) and answers 301 (Moved Permanently) from an old id to the new one, on the new record's kind's route.
// @returns old, id, uri
MATCH (n:Resource)
WHERE n.altId IS NOT NULL
UNWIND n.altId AS old
RETURN old, coalesce(n.id, last(split(n.uri, "/"))) AS id, n.uri AS uri
ORDER BY old
