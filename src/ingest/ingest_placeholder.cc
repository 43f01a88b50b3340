namespace kroniek::ingest {}
