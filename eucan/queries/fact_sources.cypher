// @title The sources behind a fact
// @description Every source excerpt that a record (a participation, membership, tenure, event, instrument or actor) rests on: the quote, the document's title, URL, publisher, publication and retrieval dates, whether it is a primary source, and a ready-made citation.
// @param id string part-canada-sdp-2025  The record's id.
// @returns record, source, title, url, publisher, primary_source, published, published_precision, retrieved, quote, citation
// @example part-canada-sdp-2025 rests on the EEAS announcement eeas-2025-06-23-sdp (primary, published 2025-06-23)
MATCH (f:Resource {id: $id})-[:EVIDENCE]->(x:SourceExcerpt)-[:EXCERPT_OF]->(d:SourceDocument)
OPTIONAL MATCH (d)-[:PUBLISHER]->(pub:Actor)
RETURN f.id AS record,
       d.id AS source,
       d.title AS title,
       d.sourceUrl AS url,
       pub.name AS publisher,
       d.primarySource AS primary_source,
       d.publishedDate AS published,
       d.publishedDatePrecision AS published_precision,
       d.retrievedDate AS retrieved,
       coalesce(x.quote, head([k IN keys(x) WHERE k STARTS WITH 'quote_' | x[k]])) AS quote,
       coalesce(pub.name + ', ', '') + '"' + d.title + '"' + coalesce(', ' + left(d.publishedDate, CASE d.publishedDatePrecision WHEN 'year' THEN 4 WHEN 'month' THEN 7 ELSE 10 END), '') + '. ' + d.sourceUrl + ' (retrieved ' + d.retrievedDate + ')' AS citation
ORDER BY source, quote
