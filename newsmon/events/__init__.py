"""Events: one per development, resolved from mentions by the rules in rules.yaml."""
