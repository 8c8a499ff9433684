// @title Sourced records by kind
// @description Every record that carries evidence, counted by its kind (Actor, Instrument, Participation, Membership, Tenure, Event, Post, AuthorityLink), with how many rest on at least one primary source (distinct records counted, not a group per record: that needed more than the engine's per-query memory at a million facts).
// @returns kind, records, primary_records
MATCH (r:Resource)-[:EVIDENCE]->(:SourceExcerpt)-[:EXCERPT_OF]->(d:SourceDocument)
WITH r, d,
     CASE
       WHEN r:Actor THEN 'Actor'
       WHEN r:Instrument THEN 'Instrument'
       WHEN r:Participation THEN 'Participation'
       WHEN r:Membership THEN 'Membership'
       WHEN r:Tenure THEN 'Tenure'
       WHEN r:Event THEN 'Event'
       WHEN r:Post THEN 'Post'
       WHEN r:AuthorityLink THEN 'AuthorityLink'
       ELSE 'Other'
     END AS kind
RETURN kind, count(DISTINCT r) AS records, count(DISTINCT CASE WHEN d.primarySource THEN r END) AS primary_records
ORDER BY kind
