"""Linked data: the RDF export, the SPARQL service, the VoID / DCAT descriptions and the one table of RDF formats."""
