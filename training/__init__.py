"""Training scripts of the small models newsfuse ships (each writes its artifact under a stage's data/)."""
