// @title The live graph's load (API)
// @description The token of the load that wrote the live graph (each load, full or incremental, writes a new one): what the API keys the figures it keeps for a loaded graph on (api_cooperation_counts).
// @returns token
OPTIONAL MATCH (l:LoadInfo {name: 'load'})
RETURN l.token AS token
LIMIT 1
