// @title Names of ids (API)
// @description Id, name and labels of each given node, to name both ends of an answer.
// @param ids string[] canada,josep-borrell  Node ids.
// @returns ref
UNWIND $ids AS nid
MATCH (n:Resource {id: nid})
RETURN {id: n.id, name: n.name, labels: labels(n)} AS ref
