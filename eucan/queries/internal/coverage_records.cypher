// @title Sourced records by kind
// @description Every record that carries evidence, counted by its kind (Actor, Instrument, Participation, Membership, Tenure, Event, Post, AuthorityLink), with how many rest on at least one primary source.
// @returns kind, records, primary_records
MATCH (r:Resource)-[:EVIDENCE]->(:SourceExcerpt)-[:EXCERPT_OF]->(d:SourceDocument)
WITH r, max(CASE WHEN d.primarySource THEN 1 ELSE 0 END) AS primary
WITH r, primary,
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
RETURN kind, count(r) AS records, sum(primary) AS primary_records
ORDER BY kind
