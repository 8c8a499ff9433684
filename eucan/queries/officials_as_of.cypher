// @title Officials in post on a date
// @description Who held each recorded post (High Representative, Commission and European Council presidents, NATO Secretary General, Canada's Prime Minister and ministers...) on a given day.
// @param as_of date 2024-06-01  The day (YYYY-MM-DD).
// @param organisation? string canada  Only posts in this organisation (canada, eu, nato, european-commission...).
// @returns organisation, post, person, name, since, since_precision, until, until_precision
// @example on 2024-06-01: josep-borrell is High Representative, jens-stoltenberg NATO Secretary General, justin-trudeau Prime Minister of Canada, bill-blair Minister of National Defence
MATCH (t:Tenure)-[:HOLDER]->(h:Person)
MATCH (t)-[:POST]->(post:Post)-[:POST_IN]->(o:Actor)
WHERE (t.startDateFirst IS NULL OR t.startDateFirst <= $as_of)
  AND (t.endDateLast IS NULL OR t.endDateLast >= $as_of)
  AND ($organisation IS NULL OR o.id = $organisation)
RETURN o.id AS organisation, post.name AS post, h.id AS person, h.name AS name, t.startDate AS since, t.startDatePrecision AS since_precision, t.endDate AS until, t.endDatePrecision AS until_precision
ORDER BY organisation, post, since, person
