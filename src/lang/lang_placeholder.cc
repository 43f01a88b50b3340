namespace kroniek::lang {}
