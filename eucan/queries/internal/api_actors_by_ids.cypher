// @title Actors by id (API list)
// @description One page of the actor list: the actors with these ids (api_actor_ids gives their order), with what the list shows of each.
// @param ids string[] canada,eu  Actor ids.
// @returns item
UNWIND $ids AS aid
MATCH (a:Actor {id: aid})
RETURN {
  record: a.id, id: a.id, name: a.name, name_fr: a.name_fr, altNames: a.altNames, acronym: a.acronym, labels: labels(a)
} AS item
