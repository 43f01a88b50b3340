namespace kroniek::store {}
