namespace kroniek::entities {}
