namespace kroniek::text {}
